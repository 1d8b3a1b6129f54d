#include "credentials/StsClient.h"

#include "endpoints/RuleFunctions.h"

#include <QDateTime>

namespace cumulus::credentials {

StsClient::StsClient(calls::CallRunner &runner, util::Random &random, endpoints::EndpointSettings settings,
                     retries::RetrySettings retry)
    : BundledServiceClient("sts", runner, random, std::move(settings), retry)
{
}

util::Expected<Credentials> credentialsFromSts(const QJsonObject &output)
{
    const QJsonObject c = output.value("Credentials").toObject();
    Credentials credentials;
    credentials.accessKeyId = c.value("AccessKeyId").toString().toStdString();
    credentials.secretAccessKey = c.value("SecretAccessKey").toString().toStdString();
    credentials.sessionToken = c.value("SessionToken").toString().toStdString();
    if (credentials.accessKeyId.empty() || credentials.secretAccessKey.empty())
        return util::Error{"STS answered without credentials"};
    const QJsonValue expiration = c.value("Expiration");
    if (expiration.isDouble())
        credentials.expiration = std::chrono::system_clock::time_point(std::chrono::milliseconds(qint64(expiration.toDouble() * 1000)));
    else if (expiration.isString()) {
        const QDateTime t = QDateTime::fromString(expiration.toString(), Qt::ISODateWithMs);
        if (t.isValid())
            credentials.expiration = std::chrono::system_clock::time_point(std::chrono::milliseconds(t.toMSecsSinceEpoch()));
    }
    const std::string arn = output.value("AssumedRoleUser").toObject().value("Arn").toString().toStdString();
    if (const endpoints::RuleValue parsed = endpoints::parseArn(arn); parsed.isObject())
        credentials.accountId = parsed.member("accountId").display();
    return credentials;
}

} // namespace cumulus::credentials
