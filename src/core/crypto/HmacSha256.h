#pragma once

#include "crypto/Sha256.h"

#include <array>
#include <string_view>

namespace cumulus::crypto {

// HMAC-SHA256 (RFC 2104) with the key's inner and outer pad states computed once, so that a key
// used for many messages (a SigV4 signing key) costs two compression rounds fewer per message.
// The key material is wiped when the object dies.
class HmacSha256 {
public:
    explicit HmacSha256(std::string_view key);
    ~HmacSha256();
    HmacSha256(const HmacSha256 &other);
    HmacSha256 &operator=(const HmacSha256 &other);

    Sha256Digest mac(std::string_view message) const;

    static Sha256Digest compute(std::string_view key, std::string_view message);

private:
    // Opaque storage for two SHA256_CTX (kept out of this header to keep OpenSSL out of it).
    static constexpr std::size_t StateSize = 112;
    alignas(8) std::array<unsigned char, StateSize> m_inner{};
    alignas(8) std::array<unsigned char, StateSize> m_outer{};
};

} // namespace cumulus::crypto
