#include "retries/ErrorClassifier.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace cumulus::retries {

namespace {

template <std::size_t N> bool in(const std::array<std::string_view, N> &list, const std::string &code)
{
    return std::find(list.begin(), list.end(), code) != list.end();
}

// botocore retries/standard.py _THROTTLED_ERROR_CODES (= Go's DefaultThrottleErrorCodes).
constexpr std::array<std::string_view, 14> ThrottlingCodes = {
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
    "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
    "PriorRequestNotComplete", "EC2ThrottledException"};

// botocore _TRANSIENT_ERROR_CODES.
constexpr std::array<std::string_view, 3> TransientCodes = {"RequestTimeout", "RequestTimeoutException",
                                                            "PriorRequestNotComplete"};

constexpr std::array<std::string_view, 6> ClockSkewCodes = {"AuthFailure", "InvalidSignatureException",
                                                            "RequestExpired", "RequestInTheFuture",
                                                            "RequestTimeTooSkewed", "SignatureDoesNotMatch"};

// botocore data/_retry.json, __default__ policies.
constexpr std::array<std::string_view, 5> LegacyThrottlingCodes = {
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "ProvisionedThroughputExceededException"};

bool retriedConnectionFailure(net::TransportFailure f)
{
    switch (f) {
    case net::TransportFailure::ConnectionRefused:
    case net::TransportFailure::ConnectionClosed:
    case net::TransportFailure::HostNotFound: // botocore's EndpointConnectionError is retried too
    case net::TransportFailure::Timeout:
    case net::TransportFailure::Tls: // botocore's SSLError is a ConnectionError: retried, even a wrong host name
    case net::TransportFailure::Other:
        return true;
    default:
        return false;
    }
}

} // namespace

const char *kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return "success";
    case ErrorKind::Throttling: return "throttling";
    case ErrorKind::Transient: return "transient";
    case ErrorKind::ClockSkew: return "clock skew";
    case ErrorKind::NotRetryable: return "not retryable";
    }
    return "?";
}

bool isClockSkewCode(const std::string &code)
{
    return in(ClockSkewCodes, code);
}

ErrorKind classify(const AttemptOutcome &o, RetryMode mode, const std::string &sdkId)
{
    if (!o.isError())
        return ErrorKind::None;
    if (o.failure != net::TransportFailure::None)
        return retriedConnectionFailure(o.failure) ? ErrorKind::Transient : ErrorKind::NotRetryable;
    if (mode == RetryMode::Legacy) {
        if (in(LegacyThrottlingCodes, o.errorCode) || o.status == 429 || o.status == 509)
            return ErrorKind::Throttling;
        if (o.status == 500 || o.status == 502 || o.status == 503 || o.status == 504)
            return ErrorKind::Transient;
        if ((sdkId == "EC2" && o.errorCode == "RequestLimitExceeded"))
            return ErrorKind::Throttling;
        if ((sdkId == "S3" && (o.errorCode == "RequestTimeout" || o.errorCode == "BadDigest"))
            || (sdkId == "STS" && o.errorCode == "IDPCommunicationError"))
            return ErrorKind::Transient;
        return isClockSkewCode(o.errorCode) ? ErrorKind::ClockSkew : ErrorKind::NotRetryable;
    }
    if (in(ThrottlingCodes, o.errorCode) || o.modeledThrottling)
        return ErrorKind::Throttling;
    if (in(TransientCodes, o.errorCode) || o.modeledRetryable || o.status == 500 || o.status == 502
        || o.status == 503 || o.status == 504)
        return ErrorKind::Transient;
    if (sdkId == "STS" && o.errorCode == "IDPCommunicationError")
        return ErrorKind::Transient;
    if (isClockSkewCode(o.errorCode))
        return ErrorKind::ClockSkew;
    return ErrorKind::NotRetryable;
}

} // namespace cumulus::retries
