#pragma once

#include <atomic>
#include <chrono>

namespace cumulus::util {

// Waiting, injected: retry back-off and rate limiting wait through a Sleeper. Tests pass one that
// moves a MockClock instead, so no test ever sleeps.
class Sleeper {
public:
    virtual ~Sleeper() = default;
    // Waits, or returns early (false) when *cancel becomes true.
    virtual bool sleep(std::chrono::milliseconds duration, const std::atomic<bool> *cancel) = 0;
};

// Really waits, in slices short enough to notice a cancel quickly.
class SystemSleeper final : public Sleeper {
public:
    bool sleep(std::chrono::milliseconds duration, const std::atomic<bool> *cancel) override;
};

} // namespace cumulus::util
