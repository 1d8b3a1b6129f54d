#pragma once

#include "net/Transport.h"
#include "retries/AdaptiveRateLimiter.h"
#include "retries/ErrorClassifier.h"
#include "retries/RetryQuota.h"
#include "retries/RetrySettings.h"
#include "util/Clock.h"
#include "util/Expected.h"
#include "util/Random.h"
#include "util/Sleeper.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace cumulus::net {

// One attempt of a call, for the window's timeline and --debug.
struct AttemptRecord {
    int number = 0;
    std::chrono::system_clock::time_point started;
    std::chrono::milliseconds duration{0};
    int status = 0;                // 0: no HTTP answer
    std::string errorCode;
    TransportFailure failure = TransportFailure::None;
    std::string failureMessage;
    retries::ErrorKind kind = retries::ErrorKind::None;
    std::chrono::milliseconds waitedBefore{0}; // the adaptive limiter's wait
    std::chrono::milliseconds delayAfter{0};   // the back-off before the next attempt
    int quotaLeft = -1;                        // -1: legacy mode has no quota
    std::string decision;                      // "done", "retry (throttling)", "stop: retry quota exhausted", …
};

// What a call needs from its owner, per attempt: a freshly signed request (the executor passes
// the retry headers to add and the time to sign at, which includes any clock-skew correction), and
// the AWS error code of an answer (the protocol reads it).
struct CallHooks {
    std::function<util::Expected<TransportRequest>(const std::vector<Header> &retryHeaders,
                                                   std::chrono::system_clock::time_point signingTime)>
        prepare;
    std::function<retries::AttemptOutcome(const HttpResponse &response)> inspect;
};

struct CallResult {
    TransportResult last; // the final answer or failure
    std::vector<AttemptRecord> attempts;
    std::string prepareError; // the request could not be made (signing failed, …): nothing was sent
};

// Sends one logical call: prepare (sign) → send → classify → back off → prepare again …, as the
// AWS SDKs' retry modes do (../shared/design/AWS_BEHAVIOUR.md §3): attempts up to the maximum,
// the standard quota, full-jitter back-off, the adaptive limiter, amz-sdk-invocation-id (one per
// call) and amz-sdk-request (attempt=N; max=M) on every attempt. When AWS says the request's time
// was off (RequestTimeTooSkewed, …) and its Date differs by 4 minutes or more, the clock offset is
// corrected and the call retried at once, once. Share one executor (its quota, limiter and clock
// offset) among the calls of one client.
class RequestExecutor {
public:
    RequestExecutor(Transport &transport, const util::Clock &clock, util::Sleeper &sleeper, util::Random &random);

    CallResult execute(const CallHooks &hooks, const retries::RetrySettings &settings, const std::string &sdkId,
                       const std::atomic<bool> *cancel = nullptr);

    const retries::RetryQuota &quota() const { return m_quota; }
    const retries::AdaptiveRateLimiter &limiter() const { return m_limiter; }
    std::chrono::seconds clockOffset() const { return m_clockOffset.load(); }

private:
    Transport &m_transport;
    const util::Clock &m_clock;
    util::Sleeper &m_sleeper;
    util::Random &m_random;
    retries::RetryQuota m_quota;
    retries::AdaptiveRateLimiter m_limiter;
    std::atomic<std::chrono::seconds> m_clockOffset{std::chrono::seconds(0)};
};

// The server's time from an answer's x-amz-date or Date header, when it has one.
std::optional<std::chrono::system_clock::time_point> serverTime(const HttpResponse &response);

} // namespace cumulus::net
