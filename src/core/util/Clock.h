#pragma once

#include <chrono>

namespace cumulus::util {

// The one source of time. Production code receives a Clock; tests pass a MockClock and move it by
// hand, so nothing ever sleeps or races the wall clock.
class Clock {
public:
    virtual ~Clock() = default;

    // Wall-clock time (UTC): signing timestamps, credential expiry.
    virtual std::chrono::system_clock::time_point now() const = 0;

    // Monotonic time: durations, timeouts, back-off.
    virtual std::chrono::steady_clock::time_point monotonicNow() const = 0;
};

} // namespace cumulus::util
