#define OPENSSL_SUPPRESS_DEPRECATED // see Sha256.cpp

#include "crypto/HmacSha256.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cstring>

namespace cumulus::crypto {

namespace {

static_assert(sizeof(SHA256_CTX) <= 112, "HmacSha256::StateSize is too small for SHA256_CTX");

constexpr std::size_t BlockSize = 64;

SHA256_CTX *ctx(std::array<unsigned char, 112> &storage)
{
    return reinterpret_cast<SHA256_CTX *>(storage.data());
}

const SHA256_CTX *ctx(const std::array<unsigned char, 112> &storage)
{
    return reinterpret_cast<const SHA256_CTX *>(storage.data());
}

} // namespace

HmacSha256::HmacSha256(std::string_view key)
{
    unsigned char block[BlockSize] = {};
    if (key.size() > BlockSize) {
        const Sha256Digest digest = sha256(key);
        std::memcpy(block, digest.data(), digest.size());
    } else if (!key.empty()) {
        std::memcpy(block, key.data(), key.size());
    }
    unsigned char pad[BlockSize];
    for (std::size_t i = 0; i < BlockSize; ++i)
        pad[i] = block[i] ^ 0x36;
    SHA256_Init(ctx(m_inner));
    SHA256_Update(ctx(m_inner), pad, BlockSize);
    for (std::size_t i = 0; i < BlockSize; ++i)
        pad[i] = block[i] ^ 0x5c;
    SHA256_Init(ctx(m_outer));
    SHA256_Update(ctx(m_outer), pad, BlockSize);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
}

HmacSha256::~HmacSha256()
{
    OPENSSL_cleanse(m_inner.data(), m_inner.size());
    OPENSSL_cleanse(m_outer.data(), m_outer.size());
}

HmacSha256::HmacSha256(const HmacSha256 &other) = default;
HmacSha256 &HmacSha256::operator=(const HmacSha256 &other) = default;

Sha256Digest HmacSha256::mac(std::string_view message) const
{
    Sha256Digest innerDigest;
    SHA256_CTX work = *ctx(m_inner);
    SHA256_Update(&work, message.data(), message.size());
    SHA256_Final(innerDigest.data(), &work);

    Sha256Digest digest;
    work = *ctx(m_outer);
    SHA256_Update(&work, innerDigest.data(), innerDigest.size());
    SHA256_Final(digest.data(), &work);
    OPENSSL_cleanse(&work, sizeof work);
    return digest;
}

Sha256Digest HmacSha256::compute(std::string_view key, std::string_view message)
{
    return HmacSha256(key).mac(message);
}

} // namespace cumulus::crypto
