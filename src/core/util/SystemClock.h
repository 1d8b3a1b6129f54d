#pragma once

#include "util/Clock.h"

namespace cumulus::util {

class SystemClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override;
    std::chrono::steady_clock::time_point monotonicNow() const override;
};

} // namespace cumulus::util
