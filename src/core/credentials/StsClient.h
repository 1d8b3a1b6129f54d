#pragma once

#include "calls/CallRunner.h"
#include "credentials/Credentials.h"
#include "endpoints/EndpointSettings.h"
#include "util/Expected.h"

#include <QJsonObject>

#include <memory>
#include <optional>
#include <string>

namespace cumulus::credentials {

// STS calls for the credential providers (AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken,
// GetCallerIdentity) through the same model-driven pipeline as every other call: STS's own awsQuery
// model (bundled), its endpoint rules, SigV4 and the retries. Unsigned when no credentials are
// given (AssumeRoleWithWebIdentity).
class StsClient {
public:
    // settings: where STS is (region, custom endpoint from the profile or environment).
    StsClient(calls::CallRunner &runner, util::Random &random, endpoints::EndpointSettings settings,
              retries::RetrySettings retry = {});

    // The operation's output document, or an error in the AWS CLI's words:
    // "AssumeRole: AccessDenied: User ... is not authorized ...".
    util::Expected<QJsonObject> call(const std::string &operation, const QJsonObject &input,
                                     const std::optional<Credentials> &credentials) const;

private:
    calls::CallRunner &m_runner;
    util::Random &m_random;
    endpoints::EndpointSettings m_settings;
    retries::RetrySettings m_retry;
    std::shared_ptr<const model::Model> m_model;
    const model::Shape *m_service = nullptr;
    std::shared_ptr<const endpoints::ServiceEndpoints> m_endpoints;
};

// The credentials in an STS answer's Credentials member (AccessKeyId, SecretAccessKey, SessionToken,
// Expiration as epoch seconds or ISO 8601), with the account from AssumedRoleUser.Arn when there is one.
util::Expected<Credentials> credentialsFromSts(const QJsonObject &output);

} // namespace cumulus::credentials
