#pragma once

#include "credentials/Credentials.h"
#include "util/Expected.h"

#include <functional>
#include <optional>
#include <string>

namespace cumulus::calls {
class BundledServiceClient;
}
namespace cumulus::util {
class Sleeper;
}

namespace cumulus::credentials {

class SharedFiles;

// Rotating an IAM user's access key the way IAM recommends, one step at a time, each step undoable
// until the last: create a second key (refused when the user has two already: IAM allows two),
// test it (GetCallerIdentity as the same user; new keys take a few seconds to work everywhere, so
// the test waits and tries again), switch the profile to it, deactivate the old key, and, once a
// person confirms, delete the old key. Every call after the switch is signed with the new key.
class KeyRotation {
public:
    enum class Step { Start, Created, Tested, Switched, Deactivated, Deleted };
    // Writes a pair of keys where the profile keeps them (its credentials-file section, or the OS
    // keychain for a keychain-backed profile).
    using KeyWriter = std::function<std::optional<util::Error>(const Credentials &)>;

    KeyRotation(const calls::BundledServiceClient &iam, const calls::BundledServiceClient &sts, util::Sleeper &sleeper,
                Credentials current, KeyWriter write);

    Step step() const { return m_step; }
    const std::string &oldKeyId() const { return m_old.accessKeyId; }
    const std::string &newKeyId() const { return m_new.accessKeyId; }

    // Each does the next step; an error leaves the rotation where it was.
    std::optional<util::Error> next();
    // Undoes the last step done (not after Deleted: a deleted key is gone).
    std::optional<util::Error> undo();

    // What the next step does, and what undo would undo, for people.
    static const char *describe(Step done);

private:
    const calls::BundledServiceClient &m_iam;
    const calls::BundledServiceClient &m_sts;
    util::Sleeper &m_sleeper;
    Credentials m_old;
    Credentials m_new;
    std::string m_arn; // the user's, from the old key
    KeyWriter m_write;
    Step m_step = Step::Start;
};

// A profile's long-term keys and where rotated ones go: its credentials-file section, or its OS
// keychain entry when the profile is keychain-backed. An error when the profile has no keys of its own.
struct RotatableKeys {
    Credentials current;
    KeyRotation::KeyWriter write;
};
util::Expected<RotatableKeys> rotatableKeysOf(const SharedFiles &files, const std::string &profile,
                                              const std::string &credentialsPath);

} // namespace cumulus::credentials
