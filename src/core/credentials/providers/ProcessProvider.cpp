// credential_process: a command run without a shell whose standard output is JSON Version 1
// (AccessKeyId, SecretAccessKey, SessionToken, Expiration), as botocore's ProcessProvider.
#include "credentials/CredentialChain.h"
#include "util/ShellWords.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace cumulus::credentials {

util::Expected<ResolvedCredentials> processCredentials(ChainContext &context, const std::string &profile,
                                                       const std::string &command)
{
    const std::string where = "profile " + profile + ": credential_process";
    const auto words = util::shellWords(command);
    if (!words || words->isEmpty())
        return util::Error{where + " is not a command (an unclosed quote?)"};
    QProcess process;
    process.start(words->first(), words->mid(1));
    if (!process.waitForStarted(10000))
        return util::Error{where + ": " + words->first().toStdString() + " did not start (" + process.errorString().toStdString() + ")"};
    process.closeWriteChannel();
    if (!process.waitForFinished(int(context.processTimeout.count()))) {
        process.kill();
        process.waitForFinished(5000);
        return util::Error{where + ": " + words->first().toStdString() + " did not finish within "
                           + std::to_string(context.processTimeout.count() / 1000) + " s"};
    }
    const QByteArray out = process.readAllStandardOutput();
    const QString errors = QString::fromUtf8(process.readAllStandardError()).trimmed().left(500);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return util::Error{where + ": " + words->first().toStdString() + " failed (exit code " + std::to_string(process.exitCode()) + ")"
                           + (errors.isEmpty() ? "" : ": " + errors.toStdString())};
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(out, &error).object();
    if (error.error != QJsonParseError::NoError)
        return util::Error{where + " printed something that is not JSON (" + error.errorString().toStdString() + ")"};
    if (json.value("Version").toInt() != 1)
        return util::Error{where + " printed Version " + QString::number(json.value("Version").toInt()).toStdString() + "; only Version 1 is defined"};
    Credentials c;
    c.accessKeyId = json.value("AccessKeyId").toString().toStdString();
    c.secretAccessKey = json.value("SecretAccessKey").toString().toStdString();
    c.sessionToken = json.value("SessionToken").toString().toStdString();
    c.accountId = json.value("AccountId").toString().toStdString();
    if (c.accessKeyId.empty() || c.secretAccessKey.empty())
        return util::Error{where + " printed no " + std::string(c.accessKeyId.empty() ? "AccessKeyId" : "SecretAccessKey")};
    if (json.contains("Expiration")) {
        const QDateTime t = QDateTime::fromString(json.value("Expiration").toString(), Qt::ISODateWithMs);
        if (!t.isValid())
            return util::Error{where + " printed an Expiration that is not ISO 8601"};
        c.expiration = std::chrono::system_clock::time_point(std::chrono::milliseconds(t.toMSecsSinceEpoch()));
    }
    return ResolvedCredentials{std::move(c), "profile " + profile + " (credential_process)"};
}

} // namespace cumulus::credentials
