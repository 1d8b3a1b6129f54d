#pragma once

#include "util/Clock.h"

#include <chrono>
#include <mutex>
#include <optional>

namespace cumulus::retries {

// The adaptive mode's client-side rate limiter, as botocore's retries/adaptive.py: off until the
// first throttling answer; then every attempt first takes a token from a bucket whose fill rate
// follows CUBIC (β 0.7, C 0.4), capped at twice the measured send rate (0.5 s buckets, smoothing
// 0.8), never below 0.5/s. Time comes from the injected clock; the caller does the waiting.
class AdaptiveRateLimiter {
public:
    explicit AdaptiveRateLimiter(const util::Clock &clock);

    // Before an attempt: how long to wait first (zero when a token is there, or when not enabled).
    // The token is taken either way.
    std::chrono::milliseconds acquire();
    // After an answer.
    void onResponse(bool throttled);

    bool enabled() const;
    double fillRate() const; // tokens per second

private:
    double now() const;
    void refill(double t);
    void setMaxRate(double rate, double t);
    double cubicSuccess(double t) const;
    double cubicError(double rate, double t);
    double measure(double t);

    const util::Clock &m_clock;
    mutable std::mutex m_mutex;
    bool m_enabled = false;
    // token bucket
    double m_fillRate = 0.5;
    double m_maxCapacity = 1;
    double m_capacity = 0;
    std::optional<double> m_lastRefill;
    // CUBIC
    double m_wMax = 0;
    double m_k = 0;
    double m_lastFail;
    // rate clocker
    double m_measuredRate = 0;
    double m_lastBucket;
    double m_count = 0;
};

} // namespace cumulus::retries
