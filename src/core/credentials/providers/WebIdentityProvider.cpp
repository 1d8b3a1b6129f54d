// Web identity: a token file and a role, AssumeRoleWithWebIdentity sent unsigned (botocore's
// AssumeRoleWithWebIdentityProvider; the profile's keys or AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN).
#include "credentials/CredentialChain.h"

#include <QFile>
#include <QJsonObject>

namespace cumulus::credentials {

util::Expected<ResolvedCredentials> webIdentityCredentials(ChainContext &context, const std::string &roleArn,
                                                           const std::string &tokenFile, const std::string &sessionName,
                                                           const std::string &from)
{
    QFile file(QString::fromStdString(tokenFile));
    if (!file.open(QIODevice::ReadOnly))
        return util::Error{from + ": the web identity token file " + tokenFile + " cannot be read (" + file.errorString().toStdString() + ")"};
    const QByteArray token = file.readAll().trimmed();
    if (token.isEmpty())
        return util::Error{from + ": the web identity token file " + tokenFile + " is empty"};
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(context.clock.now().time_since_epoch()).count();
    const QJsonObject input{{"RoleArn", QString::fromStdString(roleArn)},
                            {"RoleSessionName", sessionName.empty() ? QStringLiteral("cumulus-session-%1").arg(now) : QString::fromStdString(sessionName)},
                            {"WebIdentityToken", QString::fromUtf8(token)}};
    const auto answer = context.sts.call("AssumeRoleWithWebIdentity", input, std::nullopt);
    if (!answer)
        return util::Error{from + ": " + answer.error().message};
    auto credentials = credentialsFromSts(*answer);
    if (!credentials)
        return util::Error{from + ": " + credentials.error().message};
    return ResolvedCredentials{std::move(*credentials), "role " + roleArn + " (web identity, " + from + ")"};
}

} // namespace cumulus::credentials
