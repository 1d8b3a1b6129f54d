#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace cumulus::crypto {

// Lowercase hexadecimal, two characters per byte.
void appendHex(std::string &out, const unsigned char *data, std::size_t size);

template <std::size_t N> std::string toHex(const std::array<unsigned char, N> &bytes)
{
    std::string out;
    appendHex(out, bytes.data(), N);
    return out;
}

inline std::string toHex(std::string_view bytes)
{
    std::string out;
    appendHex(out, reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
    return out;
}

} // namespace cumulus::crypto
