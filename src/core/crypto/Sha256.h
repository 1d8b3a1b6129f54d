#pragma once

#include <array>
#include <string>
#include <string_view>

namespace cumulus::crypto {

using Sha256Digest = std::array<unsigned char, 32>;

Sha256Digest sha256(std::string_view data);

// Lowercase hex of the SHA-256 of data (what SigV4 calls HexEncode(Hash(x))).
std::string sha256Hex(std::string_view data);

} // namespace cumulus::crypto
