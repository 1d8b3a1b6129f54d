#include "sigv4/SigningKeyCache.h"

#include "sigv4/SigningKey.h"

#include <openssl/crypto.h>

#include <algorithm>

namespace cumulus::sigv4 {

SigningKeyCache::SigningKeyCache(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1))
{
    m_entries.reserve(m_capacity);
}

SigningKeyCache::~SigningKeyCache()
{
    for (Entry &entry : m_entries)
        wipe(entry);
}

void SigningKeyCache::wipe(Entry &entry)
{
    OPENSSL_cleanse(entry.secret.data(), entry.secret.size());
}

crypto::Sha256Digest SigningKeyCache::sign(std::string_view secret, std::string_view date,
                                           std::string_view region, std::string_view service,
                                           std::string_view message)
{
    const std::lock_guard lock(m_mutex);
    ++m_tick;
    for (Entry &entry : m_entries) {
        if (entry.date == date && entry.region == region && entry.service == service
            && entry.secret == secret) {
            entry.lastUse = m_tick;
            return entry.key.mac(message);
        }
    }
    crypto::Sha256Digest derived = deriveSigningKey(secret, date, region, service);
    crypto::HmacSha256 hmac(
        std::string_view(reinterpret_cast<const char *>(derived.data()), derived.size()));
    OPENSSL_cleanse(derived.data(), derived.size());

    const crypto::Sha256Digest mac = hmac.mac(message);
    Entry fresh{std::string(secret),  std::string(date), std::string(region),
                std::string(service), std::move(hmac),   m_tick};
    if (m_entries.size() < m_capacity) {
        m_entries.push_back(std::move(fresh));
    } else {
        auto oldest =
            std::min_element(m_entries.begin(), m_entries.end(),
                             [](const Entry &a, const Entry &b) { return a.lastUse < b.lastUse; });
        wipe(*oldest);
        *oldest = std::move(fresh);
    }
    return mac;
}

std::size_t SigningKeyCache::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

} // namespace cumulus::sigv4
