#pragma once

#include "crypto/HmacSha256.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cumulus::sigv4 {

// Signing keys change once a day per secret, region and service; deriving one costs four HMACs.
// This keeps the last few, ready as HMAC keys. Thread-safe; entries are wiped when dropped.
class SigningKeyCache {
public:
    explicit SigningKeyCache(std::size_t capacity = 16);
    ~SigningKeyCache();
    SigningKeyCache(const SigningKeyCache &) = delete;
    SigningKeyCache &operator=(const SigningKeyCache &) = delete;

    // HMAC-SHA256 of message under the signing key for (secret, date, region, service): the
    // signature's last step. The key itself never leaves the cache.
    crypto::Sha256Digest sign(std::string_view secretAccessKey, std::string_view date,
                              std::string_view region, std::string_view service,
                              std::string_view message);

    std::size_t size() const;

private:
    struct Entry {
        std::string secret;
        std::string date;
        std::string region;
        std::string service;
        crypto::HmacSha256 key;
        std::uint64_t lastUse;
    };

    static void wipe(Entry &entry);

    mutable std::mutex m_mutex;
    std::size_t m_capacity;
    std::uint64_t m_tick = 0;
    std::vector<Entry> m_entries;
};

} // namespace cumulus::sigv4
