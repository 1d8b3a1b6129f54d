#pragma once

#include "MockClock.h"
#include "util/Sleeper.h"

#include <vector>

namespace cumulus::test {

// Waits by moving a MockClock, and remembers every wait: retry tests never sleep.
class FakeSleeper final : public util::Sleeper {
public:
    explicit FakeSleeper(MockClock &clock) : m_clock(clock) {}

    bool sleep(std::chrono::milliseconds duration, const std::atomic<bool> *cancel) override
    {
        m_waits.push_back(duration);
        m_clock.advance(duration);
        return !(cancel && cancel->load());
    }
    const std::vector<std::chrono::milliseconds> &waits() const { return m_waits; }

private:
    MockClock &m_clock;
    std::vector<std::chrono::milliseconds> m_waits;
};

} // namespace cumulus::test
