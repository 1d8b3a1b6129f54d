#pragma once

#include "util/Expected.h"

#include <QToolButton>

#include <functional>
#include <string>

namespace cumulus::gui {

// "Copy as…": a menu of formats (aws-cli, boto3, curl); the chosen one's code, from `exporter`, goes
// to the clipboard. done() says what happened, for the status bar.
class CopyAsButton : public QToolButton {
    Q_OBJECT

public:
    using Exporter = std::function<util::Expected<std::string>(const std::string &format)>;
    CopyAsButton(Exporter exporter, QWidget *parent = nullptr);

signals:
    void done(const QString &message);

private:
    Exporter m_exporter;
};

} // namespace cumulus::gui
