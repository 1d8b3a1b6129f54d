#pragma once

#include "credentials/profile/SharedFiles.h"

#include <string>
#include <vector>

namespace cumulus::credentials {

// Something wrong (or doubtful) in one setting of a profile, for the editor to show beside it.
struct ProfileProblem {
    std::string key;     // the setting, e.g. "role_arn"; empty for the profile as a whole
    std::string message;
    bool error = true;   // false: a warning (an unknown region still works with a custom endpoint)
};

// What a person would want to know before saving a profile: an access key id that is not one
// (AKIA…/ASIA… and 16 more), half a pair of keys, an ARN that is not an IAM role or MFA device
// ARN, duration_seconds outside 900–43200, a source_profile that does not exist or that loops back,
// both source_profile and credential_source, a region no partition knows (a warning).
std::vector<ProfileProblem> checkProfile(const SharedFiles &files, const std::string &profile);

// The kind of profile, by the keys that decide how its credentials come: "keys", "assume role",
// "web identity", "process", "keys in keychain" (Cumulus's credential_process), "SSO", "settings only".
std::string profileKind(const Profile &profile);

} // namespace cumulus::credentials
