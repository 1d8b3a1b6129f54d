#pragma once

#include "ArgumentParser.h"
#include "credentials/Credentials.h"
#include "credentials/profile/SharedFiles.h"
#include "util/Expected.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace cumulus::util {
class Environment;
}

namespace cumulus::cli {

// The shared files and the profile a command runs with (--profile, else AWS_PROFILE, else
// AWS_DEFAULT_PROFILE, else default).
struct ProfileContext {
    credentials::SharedFiles files;
    std::string name;
    bool explicitProfile = false; // --profile was given
    std::map<std::string, std::string> settings; // the profile's settings, flattened (SharedFiles::settingsOf)
};

// Reads the files; what they hold that the AWS CLI would read differently goes to err as warnings
// (file:line). A --profile that neither file has is an error.
util::Expected<ProfileContext> loadProfile(const ParsedArguments &parsed, const util::Environment &environment,
                                           std::ostream &err);

// The credentials a call signs with, in the AWS CLI's order: the environment's keys (unless
// --profile was given), then the profile's own keys. Profiles that assume a role, run a process,
// use web identity or SSO are reported as coming with the credentials layer. Nothing found: nullopt.
util::Expected<std::optional<credentials::Credentials>> resolveCredentials(const ProfileContext &profile,
                                                                           const util::Environment &environment);

} // namespace cumulus::cli
