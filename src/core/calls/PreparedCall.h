#pragma once

#include "credentials/Credentials.h"
#include "endpoints/ServiceEndpoints.h"
#include "model/Model.h"
#include "net/Transport.h"
#include "protocols/Protocol.h"
#include "retries/RetrySettings.h"
#include "sigv4/SignableRequest.h"
#include "util/Expected.h"
#include "util/Random.h"

#include <QJsonObject>

#include <chrono>
#include <memory>
#include <optional>
#include <variant>
#include <string>
#include <vector>

namespace cumulus::calls {

// What a person asks for: an operation, its input, where to send it, how to sign it.
struct CallSpec {
    const model::Model *model = nullptr;
    const model::Shape *service = nullptr;
    const model::Shape *operation = nullptr;
    QJsonObject input;
    endpoints::EndpointSettings endpoint;
    std::optional<credentials::Credentials> credentials; // none: the request goes unsigned
    // The service's compiled endpoint rules; made on the spot when not given. Keep one per service
    // and pass it: compiling a rule set costs more than the rest of a call.
    std::shared_ptr<const endpoints::ServiceEndpoints> endpoints;
};

// Why a call could not be made, before anything was sent.
struct PrepareError {
    enum class Stage { Protocol, Input, Endpoint, Signing } stage = Stage::Input;
    std::string message;
    std::vector<protocols::InputProblem> problems; // Stage::Input
};

// A call ready to send: serialized once, its endpoint resolved; signed anew for each attempt.
class PreparedCall {
public:
    // Serializes the input with the service's protocol and resolves the endpoint.
    static std::variant<PreparedCall, PrepareError> prepare(const CallSpec &spec, util::Random &random);

    // The signed request for one attempt: extra headers (amz-sdk-*) added before signing, signed at
    // `time`. Refuses what Cumulus cannot sign (SigV4a, S3 Express). The result keeps the canonical
    // request and string to sign for the inspector.
    struct Signed {
        net::TransportRequest request;
        std::string canonicalRequest;
        std::string stringToSign;
    };
    util::Expected<Signed> sign(const std::vector<net::Header> &extraHeaders,
                                std::chrono::system_clock::time_point time) const;

    const net::HttpRequest &request() const { return m_request; }
    const endpoints::ResolvedEndpoint &endpoint() const { return m_endpoint; }
    const std::string &url() const { return m_url; }
    const protocols::Protocol &protocol() const { return *m_protocol; }
    const CallSpec &spec() const { return m_spec; }
    const std::string &sdkId() const { return m_sdkId; }
    bool signs() const { return m_spec.credentials.has_value() && m_endpoint.authScheme != "none"; }

private:
    CallSpec m_spec;
    std::shared_ptr<const protocols::Protocol> m_protocol;
    net::HttpRequest m_request;
    endpoints::ResolvedEndpoint m_endpoint;
    std::string m_url;
    std::string m_sdkId;
};

} // namespace cumulus::calls
