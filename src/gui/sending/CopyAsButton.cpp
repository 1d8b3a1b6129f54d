#include "sending/CopyAsButton.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>

namespace cumulus::gui {

CopyAsButton::CopyAsButton(Exporter exporter, QWidget *parent)
    : QToolButton(parent), m_exporter(std::move(exporter))
{
    setObjectName(QStringLiteral("copyAs"));
    setText(tr("Copy as…"));
    setToolTip(tr("Copy the call as an AWS CLI command, a boto3 snippet or a curl command; each signs when it runs"));
    setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(this);
    for (const auto &[label, format] : {std::pair{tr("AWS CLI command"), "aws-cli"}, std::pair{tr("Python (boto3)"), "boto3"},
                                        std::pair{tr("curl --aws-sigv4"), "curl"}}) {
        QAction *action = menu->addAction(label);
        action->setObjectName(QStringLiteral("copyAs-%1").arg(QLatin1String(format)));
        connect(action, &QAction::triggered, this, [this, format = std::string(format)] {
            const auto code = m_exporter(format);
            if (!code) {
                emit done(tr("Not copied: %1").arg(QString::fromStdString(code.error().message)));
                return;
            }
            QGuiApplication::clipboard()->setText(QString::fromStdString(*code));
            emit done(tr("Copied as %1").arg(QString::fromStdString(format)));
        });
    }
    setMenu(menu);
}

} // namespace cumulus::gui
