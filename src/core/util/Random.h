#pragma once

#include <QUuid>

#include <cstdint>

namespace cumulus::util {

// Randomness, injected: back-off jitter, invocation ids, session names. Tests pass a seeded source.
class Random {
public:
    virtual ~Random() = default;

    virtual std::uint64_t next64() = 0;

    // Uniform in [0, 1), from the top 53 bits of next64().
    double uniform01();

    // A random (version 4, RFC 4122 variant) UUID.
    QUuid uuid4();
};

} // namespace cumulus::util
