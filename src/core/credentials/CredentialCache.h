#pragma once

#include "credentials/Credentials.h"
#include "util/Clock.h"

#include <QJsonObject>

#include <map>
#include <optional>
#include <string>
#include <variant>

namespace cumulus::credentials {

// The AWS CLI's credential cache (~/.aws/cli/cache): the same file names and JSON, so `aws` and
// Cumulus reuse each other's role sessions. A file holds the STS answer (Credentials with an ISO 8601
// Expiration, AssumedRoleUser); entries with less than 15 minutes left are ignored, as botocore's
// CachedCredentialFetcher does.
class CredentialCache {
public:
    using Argument = std::variant<std::string, long long>;

    // folder: usually <home>/.aws/cli/cache.
    CredentialCache(std::string folder, const util::Clock &clock) : m_folder(std::move(folder)), m_clock(clock) {}

    // botocore's cache key: the SHA-1 of json.dumps(arguments, sort_keys=True) — AssumeRole's
    // RoleArn, and RoleSessionName, ExternalId, SerialNumber, DurationSeconds when configured.
    static std::string key(const std::map<std::string, Argument> &arguments);

    // The cached STS answer, when there is one with at least 15 minutes left.
    std::optional<QJsonObject> load(const std::string &key) const;
    // When the cached session ends, whether or not it is still usable (nullopt: none cached).
    std::optional<std::chrono::system_clock::time_point> expiration(const std::string &key) const;
    // Writes the STS answer (Expiration as ISO 8601), atomically, readable by the owner only.
    // False when the folder cannot be written (the credentials are still used).
    bool store(const std::string &key, const QJsonObject &stsAnswer) const;

    const std::string &folder() const { return m_folder; }

private:
    std::string m_folder;
    const util::Clock &m_clock;
};

} // namespace cumulus::credentials
