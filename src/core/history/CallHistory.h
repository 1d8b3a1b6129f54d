#pragma once

#include "calls/CallRunner.h"
#include "collections/Collection.h"
#include "util/Expected.h"

#include <QJsonObject>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cumulus::util {
class Environment;
}

namespace cumulus::history {

// One call that was sent. Never a credential: a profile's name, and the input with every member
// that looks like a secret replaced (redactSecrets).
struct HistoryEntry {
    std::string time; // UTC, ISO 8601: "2026-12-03T17:40:02Z"
    std::string service, operation;
    std::string profile, region;
    std::string endpoint; // a custom endpoint only; empty for AWS's own
    QJsonObject input;
    int status = 0;       // the last attempt's HTTP status; 0 when no answer came
    std::string result;   // "ok", the AWS error code, or what failed
    long long milliseconds = 0;
    int attempts = 0;
    std::string requestId;
};

// The entry for a call that was sent: what was asked (service by its catalog name) and what came
// of it. `time` is when it was sent.
HistoryEntry entryOf(const std::string &service, const std::string &operation, const std::string &profile,
                     const std::string &region, const std::string &endpoint, const QJsonObject &input,
                     const calls::CallOutcome &outcome, std::chrono::system_clock::time_point time,
                     std::chrono::milliseconds took);

// The calls a person sent, oldest first, in a TOML file of the app's data folder: one [[call]]
// table per call, appended, so that the file is never rewritten by a call. Past `maxBytes` the
// oldest calls are dropped (the file rewritten atomically down to half the cap).
class CallHistory {
public:
    explicit CallHistory(std::string file, std::uint64_t maxBytes = 4u << 20);

    const std::string &file() const { return m_file; }
    std::optional<util::Error> append(const HistoryEntry &entry) const;
    // An absent file is an empty history; a damaged one an error with its line.
    util::Expected<std::vector<HistoryEntry>> entries() const;
    std::optional<util::Error> clear() const;

private:
    std::string m_file;
    std::uint64_t m_maxBytes;
};

// <the app's data folder>/history.toml: CUMULUS_DATA_DIR when set; else on Linux XDG_DATA_HOME/cumulus
// or ~/.local/share/cumulus, on macOS ~/Library/Application Support/Cumulus, on Windows
// %APPDATA%\Cumulus. Empty, without CUMULUS_DATA_DIR, when the home folder does not exist.
std::string historyFile(const util::Environment &environment);

// The indices of the entries whose fields hold every one of the words (any case), in order.
std::vector<std::size_t> search(const std::vector<HistoryEntry> &entries, std::string_view words);

// The input with the values of members named like secrets (SecretAccessKey, SessionToken,
// Password, SecretString, PrivateKey…) and of strings that look like access key ids or STS tokens
// replaced by "(redacted)".
QJsonObject redactSecrets(const QJsonObject &input);

// The entry as a request to save in a collection.
collections::SavedRequest toSavedRequest(const HistoryEntry &entry, std::string path);

} // namespace cumulus::history
