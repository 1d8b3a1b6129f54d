#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace cumulus::credentials {

// AWS credentials as a plain value. The secret key and session token are secrets: never log,
// print or store them (see util/Redactor).
struct Credentials {
    std::string accessKeyId;
    std::string secretAccessKey;
    std::string sessionToken; // empty for long-term keys
    std::optional<std::chrono::system_clock::time_point> expiration;
    std::string accountId; // when known

    bool hasSessionToken() const { return !sessionToken.empty(); }
};

} // namespace cumulus::credentials
