#include "sending/RequestOptions.h"

#include "sending/CallWorker.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMenu>
#include <QWidgetAction>

namespace cumulus::gui {

namespace {

QComboBox *editableChoice(QWidget *parent, const QString &name, const QStringList &values, const QString &placeholder,
                          const QString &tip)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->setEditable(true);
    box->addItem(QString());
    box->addItems(values);
    box->lineEdit()->setPlaceholderText(placeholder);
    box->setMinimumContentsLength(14);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setToolTip(tip);
    return box;
}

std::optional<std::string> textOf(const QComboBox *box)
{
    const QString text = box->currentText().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    return text.toStdString();
}

} // namespace

RequestOptions::RequestOptions(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("requestOptions"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setToolTip(tr("Retry mode, attempts and timeouts for the next calls"));

    auto *menu = new QMenu(this);
    auto *panel = new QWidget(menu);
    auto *form = new QFormLayout(panel);
    m_retryMode = new QComboBox(panel);
    m_retryMode->setObjectName(QStringLiteral("retryMode"));
    m_retryMode->addItems({tr("as configured"), "standard", "adaptive", "legacy"});
    m_retryMode->setToolTip(tr("As configured: AWS_RETRY_MODE, the profile's retry_mode, standard"));
    m_maxAttempts = editableChoice(panel, QStringLiteral("maxAttempts"), {"1", "2", "3", "5", "10"}, tr("as configured"),
                                   tr("Attempts in all, the first included (as configured: AWS_MAX_ATTEMPTS, the profile's "
                                      "max_attempts, 3; DynamoDB 10 in legacy mode)"));
    const QStringList seconds = {"1", "5", "10", "30", "60", "120", "0"};
    m_connectTimeout = editableChoice(panel, QStringLiteral("connectTimeout"), seconds, tr("60 s"),
                                      tr("Seconds to connect, TLS included (0: no limit), as --cli-connect-timeout"));
    m_readTimeout = editableChoice(panel, QStringLiteral("readTimeout"), seconds, tr("60 s"),
                                   tr("Seconds without a byte of the answer (0: no limit), as --cli-read-timeout"));
    form->addRow(tr("Retry mode"), m_retryMode);
    form->addRow(tr("Max attempts"), m_maxAttempts);
    form->addRow(tr("Connect timeout (s)"), m_connectTimeout);
    form->addRow(tr("Read timeout (s)"), m_readTimeout);
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(panel);
    menu->addAction(action);
    setMenu(menu);

    connect(m_retryMode, &QComboBox::currentIndexChanged, this, &RequestOptions::updateSummary);
    for (QComboBox *box : {m_maxAttempts, m_connectTimeout, m_readTimeout})
        connect(box, &QComboBox::currentTextChanged, this, &RequestOptions::updateSummary);
    updateSummary();
}

void RequestOptions::applyTo(CallRequest &request) const
{
    if (m_retryMode->currentIndex() > 0)
        request.retryMode = m_retryMode->currentText().toStdString();
    request.maxAttempts = textOf(m_maxAttempts);
    request.connectTimeout = textOf(m_connectTimeout);
    request.readTimeout = textOf(m_readTimeout);
}

void RequestOptions::updateSummary()
{
    QStringList set;
    if (m_retryMode->currentIndex() > 0)
        set << m_retryMode->currentText();
    if (const auto n = textOf(m_maxAttempts))
        set << tr("%1 attempts").arg(QString::fromStdString(*n));
    if (const auto t = textOf(m_connectTimeout))
        set << tr("connect %1 s").arg(QString::fromStdString(*t));
    if (const auto t = textOf(m_readTimeout))
        set << tr("read %1 s").arg(QString::fromStdString(*t));
    setText(set.isEmpty() ? tr("options") : set.join(QStringLiteral(" · ")));
}

} // namespace cumulus::gui
