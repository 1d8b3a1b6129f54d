#pragma once

#include "calls/CallRunner.h"
#include "credentials/Credentials.h"
#include "endpoints/EndpointSettings.h"
#include "util/Expected.h"

#include <QJsonObject>

#include <memory>
#include <optional>
#include <string>

namespace cumulus::calls {

// Calls of one bundled service (STS for the credential providers, IAM for key rotation) through
// the same model-driven pipeline as every other call: the service's own model, its endpoint rules,
// SigV4 and the retries. Unsigned when no credentials are given (AssumeRoleWithWebIdentity).
class BundledServiceClient {
public:
    // service: a bundled service's name ("sts", "iam"); settings: where it is (region, custom
    // endpoint from the profile or environment).
    BundledServiceClient(const std::string &service, CallRunner &runner, util::Random &random,
                         endpoints::EndpointSettings settings, retries::RetrySettings retry = {});

    // The operation's output document, or an error in the AWS CLI's words:
    // "AssumeRole: AccessDenied: User ... is not authorized ...".
    util::Expected<QJsonObject> call(const std::string &operation, const QJsonObject &input,
                                     const std::optional<credentials::Credentials> &credentials) const;

private:
    std::string m_name;
    CallRunner &m_runner;
    util::Random &m_random;
    endpoints::EndpointSettings m_settings;
    retries::RetrySettings m_retry;
    std::shared_ptr<const model::Model> m_model;
    const model::Shape *m_service = nullptr;
    std::shared_ptr<const endpoints::ServiceEndpoints> m_endpoints;
};

} // namespace cumulus::calls
