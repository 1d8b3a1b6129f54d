#pragma once

#include "credentials/Credentials.h"
#include "net/RequestExecutor.h"
#include "retries/RetrySettings.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace cumulus::calls {

// An HTTP request as written (a collection's imported Postman request, `cumulus-cli request`):
// sent as it is, signed with SigV4 for a service name and region anew for each attempt.
struct HttpCallSpec {
    std::string method = "GET";
    std::string url;
    std::vector<net::Header> headers;
    std::string body;
    std::string signingName; // "execute-api"; S3's rules for "s3"
    std::string region;
    std::optional<credentials::Credentials> credentials; // none: sent unsigned
};

struct HttpCallOutcome {
    net::CallResult result;
    std::string errorCode; // of an error answer, when it names one
    std::vector<std::string> canonicalRequests;
};

// Through the executor's retries (an answer's AWS error code decides them, as for operations).
HttpCallOutcome sendHttpCall(net::RequestExecutor &executor, const HttpCallSpec &spec,
                             const retries::RetrySettings &settings, const std::atomic<bool> *cancel = nullptr);

// The signed request for one attempt at `time` (what the dry run prints).
util::Expected<net::TransportRequest> signHttpCall(const HttpCallSpec &spec, const std::vector<net::Header> &extraHeaders,
                                                   std::chrono::system_clock::time_point time,
                                                   std::string *canonicalRequest = nullptr);

// The SDK id whose retry rules apply to a service name ("dynamodb" -> "DynamoDB": its shorter
// back-off), for the services whose rules differ; other names as they are.
std::string sdkIdOfSigningName(const std::string &signingName);

// The AWS error code an error answer names, whatever its protocol: x-amzn-ErrorType, a JSON
// body's __type or code, an XML body's <Code>. Empty when it names none.
std::string errorCodeOf(const net::HttpResponse &response);

} // namespace cumulus::calls
