#pragma once

#include "ArgumentParser.h"
#include "credentials/CredentialChain.h"
#include "credentials/Credentials.h"
#include "credentials/profile/SharedFiles.h"
#include "util/Expected.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace cumulus::util {
class Redactor;
class Clock;
class Environment;
class Random;
class Sleeper;
}

namespace cumulus::cli {

// The shared files and the profile a command runs with (--profile, else AWS_PROFILE, else
// AWS_DEFAULT_PROFILE, else default).
struct ProfileContext {
    credentials::SharedFiles files;
    std::string name;
    bool explicitProfile = false; // --profile was given
    std::map<std::string, std::string> settings; // the profile's settings, flattened (SharedFiles::settingsOf)
    std::optional<std::string> caBundleOption;   // --ca-bundle, for the commands that take it
};

// Reads the files; what they hold that the AWS CLI would read differently goes to err as warnings
// (file:line). A --profile that neither file has is an error.
util::Expected<ProfileContext> loadProfile(const ParsedArguments &parsed, const util::Environment &environment,
                                           std::ostream &err);

// The credentials a call signs with, by the AWS CLI's chain (credentials/CredentialChain.h): STS
// calls for roles go to STS as the profile configures it (region, endpoint), role sessions are
// shared with the AWS CLI's cache, an MFA code is read from `in` after a prompt on `err`.
// Nothing found: nullopt.
util::Expected<std::optional<credentials::ResolvedCredentials>>
resolveCredentials(const ProfileContext &profile, const util::Environment &environment, const util::Clock &clock,
                   util::Random &random, util::Sleeper &sleeper, std::istream &in, std::ostream &err);

// The credentials a signed request uses, their secrets masked by `redactor` from then on; an
// error when the chain fails or finds none (which names --no-sign).
util::Expected<credentials::Credentials> signingCredentials(const ProfileContext &profile, const util::Environment &environment,
                                                            const util::Clock &clock, util::Random &random,
                                                            util::Sleeper &sleeper, std::istream &in, std::ostream &err,
                                                            util::Redactor &redactor);

} // namespace cumulus::cli
