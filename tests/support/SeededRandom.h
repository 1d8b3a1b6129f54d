#pragma once

#include "util/Random.h"

#include <random>

namespace cumulus::test {

// Reproducible randomness: the same seed gives the same sequence on every platform.
class SeededRandom final : public util::Random {
public:
    explicit SeededRandom(std::uint64_t seed)
        : m_engine(seed)
    {
    }
    std::uint64_t next64() override { return m_engine(); }

private:
    std::mt19937_64 m_engine;
};

} // namespace cumulus::test
