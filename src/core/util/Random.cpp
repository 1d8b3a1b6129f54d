#include "util/Random.h"

#include <array>

namespace cumulus::util {

double Random::uniform01()
{
    return static_cast<double>(next64() >> 11) * 0x1.0p-53;
}

QUuid Random::uuid4()
{
    std::array<std::uint8_t, 16> bytes{};
    for (int half = 0; half < 2; ++half) {
        std::uint64_t word = next64();
        for (int i = 0; i < 8; ++i) {
            bytes[static_cast<std::size_t>(half * 8 + i)] = static_cast<std::uint8_t>(word & 0xff);
            word >>= 8;
        }
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(
        QByteArrayView(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())));
}

} // namespace cumulus::util
