#pragma once

#include "net/Transport.h"
#include "retries/RetrySettings.h"

#include <string>

namespace cumulus::retries {

// What one attempt came to, as the retry layer sees it.
struct AttemptOutcome {
    net::TransportFailure failure = net::TransportFailure::None;
    int status = 0;             // the HTTP status, when an answer came
    std::string errorCode;      // the AWS error code the protocol read, when the answer is an error
    bool modeledRetryable = false;  // the error shape has @retryable
    bool modeledThrottling = false; // … with throttling: true
    bool isError() const { return failure != net::TransportFailure::None || !errorCode.empty() || status >= 300; }
};

enum class ErrorKind {
    None,         // success
    Throttling,   // retried; counts as throttling for the adaptive limiter
    Transient,    // retried: 5xx, connection errors, timeouts, transient codes
    ClockSkew,    // retried once after the clock is corrected
    NotRetryable, // a 4xx that is not throttling, TLS, too large, cancelled, …
};

const char *kindName(ErrorKind kind);

// botocore's retries/standard.py conditions (standard and adaptive modes) or retryhandler.py with
// _retry.json (legacy), for the service with this sdk id.
ErrorKind classify(const AttemptOutcome &outcome, RetryMode mode, const std::string &sdkId);

// Codes that say the request's time was off (JS's CLOCK_SKEW_ERROR_CODES).
bool isClockSkewCode(const std::string &code);

} // namespace cumulus::retries
