#pragma once

#include "net/HttpResponse.h"
#include "util/Expected.h"

#include <QList>
#include <QSslCertificate>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cumulus::net {

// A request ready for the wire: signed, with its whole URL.
struct TransportRequest {
    std::string method;
    std::string url;
    std::vector<Header> headers;
    std::string body;
};

// Why no HTTP response came back. The retry layer decides from this which failures to retry.
enum class TransportFailure : std::uint8_t {
    None,
    ConnectionRefused,
    ConnectionClosed, // the server closed or reset the connection before the whole answer
    HostNotFound,
    Timeout,          // nothing received for the read timeout, or the connect timed out
    Tls,              // the certificate was not trusted, or the handshake failed
    TooLarge,         // the answer passed the size limit
    Cancelled,
    Other,
};

const char *failureName(TransportFailure failure);

// A timeout given in seconds, as the AWS CLI's --cli-connect-timeout and --cli-read-timeout take them
// (a fraction is fine; 0 is no limit). The error names the option.
util::Expected<std::chrono::milliseconds> timeoutFromSeconds(std::string_view seconds, std::string_view option);
// "60 s", "0.5 s", "no limit": how a timeout reads in messages.
std::string describeTimeout(std::chrono::milliseconds timeout);

struct TransportResult {
    TransportFailure failure = TransportFailure::None;
    std::string message; // for people: what failed and where; never a secret
    HttpResponse response; // when failure is None
    bool ok() const { return failure == TransportFailure::None; }
};

// botocore's defaults: 60 s to connect (TCP and TLS), then 60 s without a byte. Zero: no limit
// (as the AWS CLI's --cli-read-timeout 0).
struct TransportOptions {
    std::chrono::milliseconds connectTimeout{60000};
    std::chrono::milliseconds readTimeout{60000};
    // Larger answers stop with TooLarge (at their headers when they say their length): an answer is
    // held in memory whole, once.
    std::uint64_t maxResponseBytes = 1ull << 30;
    // SHA-256 digests (hex) of certificates a person chose to trust for a custom endpoint; every
    // other TLS error is an error.
    std::vector<std::string> trustedCertificates;
    // The authorities to trust instead of the system's (AWS_CA_BUNDLE and the like: CaBundle.h).
    std::optional<QList<QSslCertificate>> caCertificates;
};

// Sends one request and waits for the whole answer. Blocking: the window runs calls on a worker
// thread. A transport never retries and never follows redirects (AWS's 301/307 are answers).
class Transport {
public:
    virtual ~Transport() = default;
    virtual TransportResult send(const TransportRequest &request, const std::atomic<bool> *cancel) = 0;
};

} // namespace cumulus::net
