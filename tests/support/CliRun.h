#pragma once

#include <QJsonDocument>
#include <QJsonObject>

#include <string>

namespace cumulus::test {

// What a cumulus-cli command run in process gave: its exit code and what it printed.
struct CliRun {
    int code = 0;
    std::string out;
    std::string err;
    QJsonObject json() const { return QJsonDocument::fromJson(QByteArray::fromStdString(out)).object(); }
};

} // namespace cumulus::test
