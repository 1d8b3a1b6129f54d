#include "response/ResponseView.h"

#include "credentials/StsClient.h"
#include "net/Transport.h"
#include "response/BodyHighlighter.h"
#include "response/JsonTreeModel.h"
#include "sending/CallWorker.h"

#include <QTextCursor>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeView>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace cumulus::gui {

namespace {

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setWordWrap(false);
    return t;
}

void addRow(QTableWidget *t, const QStringList &cells)
{
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells[c]));
}

// The body as a person reads it: JSON indented, XML indented, anything else as it came; a large body
// is cut (the Raw tab is for reading, not for holding 2 GiB).
constexpr qsizetype MaxShownBody = 4 * 1024 * 1024;

std::pair<QString, BodyHighlighter::Syntax> pretty(const std::string &body)
{
    const QByteArray bytes = QByteArray::fromStdString(body);
    if (bytes.size() > MaxShownBody)
        return {QString::fromUtf8(bytes.left(MaxShownBody))
                    + QObject::tr("\n… %1 more bytes not shown").arg(bytes.size() - MaxShownBody),
                BodyHighlighter::Syntax::Plain};
    const QJsonDocument json = QJsonDocument::fromJson(bytes);
    if (!json.isNull())
        return {QString::fromUtf8(json.toJson(QJsonDocument::Indented)), BodyHighlighter::Syntax::Json};
    if (bytes.trimmed().startsWith('<')) {
        QXmlStreamReader reader(bytes);
        QByteArray indented;
        QXmlStreamWriter writer(&indented);
        writer.setAutoFormatting(true);
        writer.setAutoFormattingIndent(2);
        while (!reader.atEnd()) {
            reader.readNext();
            if (reader.isWhitespace())
                continue;
            writer.writeCurrentToken(reader);
        }
        if (!reader.hasError())
            return {QString::fromUtf8(indented).trimmed(), BodyHighlighter::Syntax::Xml};
    }
    return {QString::fromUtf8(bytes), BodyHighlighter::Syntax::Plain};
}

const QString NoExpectedRequest = QObject::tr(
    "the service refused the signature without saying which canonical request it computed (AWS itself "
    "says; local servers often do not). Ours is above: check the secret key, the clock, and anything "
    "between here and the service that rewrites the request (a proxy, a path prefix, a Host header).");

// Where our canonical request and the one AWS computed part, line by line.
QString differences(const QString &ours, const QString &theirs)
{
    const QStringList a = ours.split('\n'), b = theirs.split('\n');
    QString out = QObject::tr("\n— differences (ours ≠ AWS's)\n");
    int count = 0;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString x = a.value(i), y = b.value(i);
        if (x == y)
            continue;
        ++count;
        out += QObject::tr("line %1:\n  ours:  %2\n  AWS's: %3\n").arg(i + 1).arg(x, y);
    }
    return count ? out : QObject::tr("\n— the canonical requests are the same: the secret key is what differs\n");
}

} // namespace

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_tabs(new QTabWidget(this)), m_outputModel(new JsonTreeModel(this)),
      m_output(new QTreeView(this)), m_raw(new QPlainTextEdit(this)), m_rawHighlighter(new BodyHighlighter(m_raw->document())),
      m_headers(table({tr("Header"), tr("Value")}, this)),
      m_attempts(table({tr("#"), tr("Status"), tr("Error"), tr("Time"), tr("Decision"), tr("Wait"), tr("Quota")}, this)),
      m_signing(new QPlainTextEdit(this)), m_useCredentials(new QPushButton(tr("Use these credentials"), this)),
      m_saveCredentials(new QPushButton(tr("Save as profile…"), this)),
      m_nextPage(new QPushButton(tr("Next page"), this)), m_allPages(new QPushButton(tr("All pages"), this)),
      m_decode(new QPushButton(tr("Decode"), this))
{
    m_decode->setVisible(false);
    m_decode->setToolTip(tr("Decode the authorization failure message (STS DecodeAuthorizationMessage, as the same identity)"));
    connect(m_decode, &QPushButton::clicked, this, [this] { emit decodeAuthorization(m_encoded); });
    m_nextPage->setVisible(false);
    m_allPages->setVisible(false);
    connect(m_nextPage, &QPushButton::clicked, this, [this] { emit nextPage(m_nextInput); });
    connect(m_allPages, &QPushButton::clicked, this, &ResponseView::allPages);
    m_useCredentials->setObjectName(QStringLiteral("useCredentials"));
    m_useCredentials->setToolTip(tr("Sign the next calls with the temporary credentials in this answer"));
    m_useCredentials->setVisible(false);
    connect(m_useCredentials, &QPushButton::clicked, this, [this] {
        auto credentials = credentials::credentialsFromSts(m_lastOutput);
        if (!credentials)
            return;
        const QString who = m_lastOutput.value("AssumedRoleUser").toObject().value("Arn").toString();
        emit useCredentials(*credentials, who.isEmpty() ? tr("session credentials") : tr("session: %1").arg(who));
    });
    m_saveCredentials->setObjectName(QStringLiteral("saveCredentials"));
    m_saveCredentials->setToolTip(tr("Write the temporary credentials in this answer to a profile of the credentials file"));
    m_saveCredentials->setVisible(false);
    connect(m_saveCredentials, &QPushButton::clicked, this, [this] {
        auto credentials = credentials::credentialsFromSts(m_lastOutput);
        if (!credentials)
            return;
        // "arn:aws:sts::1:assumed-role/viewer/session" suggests "viewer".
        const QStringList arn = m_lastOutput.value("AssumedRoleUser").toObject().value("Arn").toString().split('/');
        emit saveCredentials(*credentials, arn.size() >= 2 ? arn[1] : QStringLiteral("session"));
    });
    m_summary->setObjectName(QStringLiteral("responseSummary"));
    m_output->setObjectName(QStringLiteral("outputTree"));
    m_attempts->setObjectName(QStringLiteral("attempts"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Pick an operation, fill its input, and send (Ctrl+Enter)."));
    m_output->setModel(m_outputModel);
    m_output->setAlternatingRowColors(true);
    m_output->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_output, &QTreeView::customContextMenuRequested, this, [this](const QPoint &position) {
        const QModelIndex index = m_output->indexAt(position);
        if (!index.isValid())
            return;
        QMenu menu(this);
        menu.addAction(tr("Copy value"), this, [index] { QApplication::clipboard()->setText(index.data(JsonTreeModel::JsonRole).toString()); });
        menu.addAction(tr("Copy path"), this, [index] { QApplication::clipboard()->setText(index.data(JsonTreeModel::PathRole).toString()); });
        menu.exec(m_output->viewport()->mapToGlobal(position));
    });
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *text : {m_raw, m_signing}) {
        text->setReadOnly(true);
        text->setFont(fixed);
    }
    m_tabs->addTab(m_output, tr("Output"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_attempts, tr("Attempts"));
    m_tabs->addTab(m_signing, tr("Signing"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_useCredentials);
    top->addWidget(m_saveCredentials);
    top->addWidget(m_nextPage);
    top->addWidget(m_allPages);
    top->addWidget(m_decode);
    layout->addLayout(top);
    layout->addWidget(m_tabs);
}

void ResponseView::showSending(const QString &what)
{
    m_summary->setText(tr("Sending %1…").arg(what));
}

void ResponseView::showRefusal(const QString &why)
{
    m_summary->setText(tr("<b>Not sent.</b> %1").arg(why.toHtmlEscaped()));
}

void ResponseView::showResult(const CallResult &result)
{
    m_outputModel->setDocument(QJsonObject());
    m_raw->clear();
    m_headers->setRowCount(0);
    m_attempts->setRowCount(0);
    m_signing->clear();
    m_useCredentials->setVisible(false);
    m_saveCredentials->setVisible(false);
    m_lastOutput = {};
    m_nextInput = result.nextInput;
    m_nextPage->setVisible(!m_nextInput.isEmpty());
    m_decode->setVisible(false);
    m_allPages->setVisible(!m_nextInput.isEmpty());
    const QString elapsed = tr("%1 ms").arg(result.elapsed.count());
    if (!result.outcome) {
        m_summary->setText(tr("<b>Not sent.</b> %1").arg(QString::fromStdString(result.error).toHtmlEscaped()));
        return;
    }
    const calls::CallOutcome &o = *result.outcome;
    for (const net::AttemptRecord &a : o.attempts)
        addRow(m_attempts, {QString::number(a.number), a.status ? QString::number(a.status) : QString::fromLatin1(net::failureName(a.failure)),
                            QString::fromStdString(a.errorCode.empty() ? a.failureMessage : a.errorCode),
                            tr("%1 ms").arg(a.duration.count()), QString::fromStdString(a.decision),
                            a.delayAfter.count() ? tr("%1 ms").arg(a.delayAfter.count()) : QString(),
                            a.quotaLeft >= 0 ? QString::number(a.quotaLeft) : QString()});
    m_attempts->resizeColumnsToContents();
    QString signing;
    for (std::size_t i = 0; i < o.canonicalRequests.size(); ++i)
        signing += tr("— attempt %1: canonical request\n%2\n\n— string to sign\n%3\n\n")
                       .arg(i + 1)
                       .arg(QString::fromStdString(o.canonicalRequests[i]), QString::fromStdString(o.stringsToSign[i]));
    if (!o.last.ok()) {
        m_signing->setPlainText(signing);
        m_summary->setText(tr("<b>No answer</b> after %1 attempt(s), %2: %3")
                               .arg(o.attempts.size()).arg(elapsed, QString::fromStdString(o.last.message).toHtmlEscaped()));
        return;
    }
    const net::HttpResponse &response = o.last.response;
    const auto [text, syntax] = pretty(response.body);
    m_rawHighlighter->setSyntax(BodyHighlighter::Syntax::Plain); // no colouring while the text is set
    m_raw->setPlainText(text);
    m_rawHighlighter->setSyntax(syntax);
    for (const net::Header &h : response.headers)
        addRow(m_headers, {QString::fromStdString(h.name), QString::fromStdString(h.value)});
    m_headers->resizeColumnToContents(0);
    if (o.parsed && o.parsed->error) {
        const protocols::ServiceError &e = *o.parsed->error;
        if (!e.expectedCanonicalRequest.empty()) {
            signing += tr("— the canonical request AWS expected\n%1\n").arg(QString::fromStdString(e.expectedCanonicalRequest));
            if (!o.canonicalRequests.empty())
                signing += differences(QString::fromStdString(o.canonicalRequests.back()), QString::fromStdString(e.expectedCanonicalRequest));
        } else if (e.code == "SignatureDoesNotMatch") {
            signing += tr("— %1\n").arg(NoExpectedRequest);
        }
        QString summary = tr("<b>%1 %2</b> — %3 in %4, %5 attempt(s)<br>Request id: %6")
                              .arg(response.status)
                              .arg(QString::fromStdString(e.code).toHtmlEscaped(), QString::fromStdString(e.message).toHtmlEscaped(), elapsed)
                              .arg(o.attempts.size())
                              .arg(QString::fromStdString(e.requestId.empty() ? o.parsed->requestId : e.requestId));
        if (!result.errorDocumentation.empty())
            summary += QStringLiteral("<br><i>%1</i>").arg(QString::fromStdString(result.errorDocumentation).toHtmlEscaped());
        m_summary->setText(summary);
        m_outputModel->setDocument(e.members);
        static const QRegularExpression encoded(QStringLiteral("Encoded authorization failure message: ([A-Za-z0-9_\\-]+)"));
        const auto match = encoded.match(QString::fromStdString(e.message));
        m_encoded = match.hasMatch() ? match.captured(1) : QString();
        m_decode->setVisible(!m_encoded.isEmpty());
    } else {
        m_summary->setText(tr("<b>%1</b> in %2, %3 attempt(s)%4 — %5")
                               .arg(response.status).arg(elapsed).arg(o.attempts.size())
                               .arg(result.pages > 1 ? tr(", %1 pages merged").arg(result.pages) : QString())
                               .arg(QString::fromStdString(result.credentialSource).toHtmlEscaped()));
        if (o.parsed) {
            m_outputModel->setDocument(o.parsed->output.object());
            m_lastOutput = o.parsed->output.object();
            const bool temporary = credentials::credentialsFromSts(m_lastOutput).ok();
            m_useCredentials->setVisible(temporary);
            m_saveCredentials->setVisible(temporary);
        }
    }
    m_signing->setPlainText(signing);
    // A signature AWS refused: the difference from the canonical request it expected is the answer,
    // or, when it did not say what it expected, our side of it.
    int at = signing.indexOf(tr("— differences"));
    if (at < 0)
        at = signing.indexOf(tr("— the canonical requests are the same"));
    if (at < 0)
        at = signing.indexOf(QStringLiteral("— ") + NoExpectedRequest);
    if (at >= 0) {
        QTextCursor cursor(m_signing->document());
        cursor.setPosition(int(signing.size()));
        m_signing->setTextCursor(cursor);
        m_signing->ensureCursorVisible();
        cursor.setPosition(at);
        m_signing->setTextCursor(cursor);
        m_tabs->setCurrentWidget(m_signing);
    }
    m_output->expandToDepth(2);
    m_output->resizeColumnToContents(0);
    m_output->resizeColumnToContents(1);
    m_output->setColumnWidth(1, std::min(m_output->columnWidth(1), m_output->viewport()->width() / 2));
}

} // namespace cumulus::gui
