#pragma once

#include "calls/BundledServiceClient.h"
#include "credentials/Credentials.h"
#include "endpoints/EndpointSettings.h"
#include "util/Expected.h"

#include <QJsonObject>

#include <memory>
#include <optional>
#include <string>

namespace cumulus::credentials {

// STS, for the credential providers (AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken,
// GetCallerIdentity).
class StsClient : public calls::BundledServiceClient {
public:
    StsClient(calls::CallRunner &runner, util::Random &random, endpoints::EndpointSettings settings,
              retries::RetrySettings retry = {});
};

// The credentials in an STS answer's Credentials member (AccessKeyId, SecretAccessKey, SessionToken,
// Expiration as epoch seconds or ISO 8601), with the account from AssumedRoleUser.Arn when there is one.
util::Expected<Credentials> credentialsFromSts(const QJsonObject &output);

} // namespace cumulus::credentials
