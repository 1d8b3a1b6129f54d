#pragma once

#include "util/Clock.h"

namespace cumulus::test {

// A clock that moves only when told to.
class MockClock final : public util::Clock {
public:
    explicit MockClock(std::chrono::system_clock::time_point start = {})
        : m_now(start)
    {
    }

    std::chrono::system_clock::time_point now() const override { return m_now; }
    std::chrono::steady_clock::time_point monotonicNow() const override { return m_monotonic; }

    void set(std::chrono::system_clock::time_point time) { m_now = time; }
    template <typename Duration> void advance(Duration by)
    {
        m_now += std::chrono::duration_cast<std::chrono::system_clock::duration>(by);
        m_monotonic += std::chrono::duration_cast<std::chrono::steady_clock::duration>(by);
    }

private:
    std::chrono::system_clock::time_point m_now;
    std::chrono::steady_clock::time_point m_monotonic{};
};

} // namespace cumulus::test
