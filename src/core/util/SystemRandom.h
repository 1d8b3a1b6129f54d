#pragma once

#include "util/Random.h"

namespace cumulus::util {

// Cryptographically strong randomness from the operating system.
class SystemRandom final : public Random {
public:
    std::uint64_t next64() override;
};

} // namespace cumulus::util
