#include "retries/AdaptiveRateLimiter.h"

#include <algorithm>
#include <cmath>

namespace cumulus::retries {

namespace {

constexpr double ScaleConstant = 0.4;
constexpr double Beta = 0.7;
constexpr double MinRate = 0.5;
constexpr double MaxRateAdjustScale = 2.0;
constexpr double Smoothing = 0.8;
constexpr double TimeBucketScale = 2.0; // 1 / 0.5 s

} // namespace

AdaptiveRateLimiter::AdaptiveRateLimiter(const util::Clock &clock)
    : m_clock(clock)
{
    const double t = now();
    m_lastFail = t;
    m_lastBucket = std::floor(t);
    setMaxRate(1, t); // botocore starts the bucket at max_rate 1
}

double AdaptiveRateLimiter::now() const
{
    return std::chrono::duration<double>(m_clock.monotonicNow().time_since_epoch()).count();
}

void AdaptiveRateLimiter::refill(double t)
{
    if (!m_lastRefill) {
        m_lastRefill = t;
        return;
    }
    m_capacity = std::min(m_maxCapacity, m_capacity + (t - *m_lastRefill) * m_fillRate);
    m_lastRefill = t;
}

void AdaptiveRateLimiter::setMaxRate(double rate, double t)
{
    refill(t);
    m_fillRate = std::max(rate, MinRate);
    m_maxCapacity = rate >= 1 ? rate : 1;
    m_capacity = std::min(m_capacity, m_maxCapacity);
}

double AdaptiveRateLimiter::cubicSuccess(double t) const
{
    return ScaleConstant * std::pow(t - m_lastFail - m_k, 3) + m_wMax;
}

double AdaptiveRateLimiter::cubicError(double rate, double t)
{
    m_wMax = rate;
    m_k = std::cbrt(m_wMax * (1 - Beta) / ScaleConstant);
    m_lastFail = t;
    return rate * Beta;
}

double AdaptiveRateLimiter::measure(double t)
{
    const double bucket = std::floor(t * TimeBucketScale) / TimeBucketScale;
    m_count += 1;
    if (bucket > m_lastBucket) {
        const double current = m_count / (bucket - m_lastBucket);
        m_measuredRate = current * Smoothing + m_measuredRate * (1 - Smoothing);
        m_count = 0;
        m_lastBucket = bucket;
    }
    return m_measuredRate;
}

std::chrono::milliseconds AdaptiveRateLimiter::acquire()
{
    const std::lock_guard lock(m_mutex);
    if (!m_enabled)
        return std::chrono::milliseconds(0);
    refill(now());
    double wait = 0;
    if (m_capacity < 1)
        wait = (1 - m_capacity) / m_fillRate;
    m_capacity -= 1; // the waiting pays the debt back
    return std::chrono::milliseconds(std::llround(std::ceil(wait * 1000)));
}

void AdaptiveRateLimiter::onResponse(bool throttled)
{
    const std::lock_guard lock(m_mutex);
    const double t = now();
    const double measured = measure(t);
    double rate;
    if (!throttled) {
        rate = cubicSuccess(t);
    } else {
        rate = cubicError(m_enabled ? std::min(measured, m_fillRate) : measured, t);
        m_enabled = true;
    }
    setMaxRate(std::min(rate, MaxRateAdjustScale * measured), t);
}

bool AdaptiveRateLimiter::enabled() const
{
    const std::lock_guard lock(m_mutex);
    return m_enabled;
}

double AdaptiveRateLimiter::fillRate() const
{
    const std::lock_guard lock(m_mutex);
    return m_fillRate;
}

} // namespace cumulus::retries
