#pragma once

#include "credentials/CredentialCache.h"
#include "credentials/Credentials.h"
#include "credentials/StsClient.h"
#include "credentials/profile/SharedFiles.h"
#include "util/Expected.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cumulus::util {
class Environment;
class Clock;
class Random;
class Sleeper;
}

namespace cumulus::credentials {

// Credentials and where they came from, for `whoami`, the window's profile selector and errors.
struct ResolvedCredentials {
    Credentials credentials;
    std::string source; // "environment", "profile dev (keys)", "role arn:… assumed with profile dev's keys", …
};

// Asks a person for an MFA code (the CLI reads standard input, the window shows a dialog); nullopt
// when they give none.
using MfaPrompt = std::function<std::optional<std::string>(const std::string &profile, const std::string &mfaSerial)>;

// What the chain needs besides the files.
struct ChainContext {
    const SharedFiles &files;
    const util::Environment &environment;
    const util::Clock &clock;
    StsClient &sts;
    const CredentialCache *cache = nullptr; // the AWS CLI's role cache; nullptr: none
    MfaPrompt mfa;
    std::chrono::milliseconds processTimeout{60000};
};

// The AWS CLI's credential chain (botocore's default provider order, ../shared/design/
// AWS_BEHAVIOUR.md §1.4 and §2): the environment's keys (not when a profile was named on the command
// line), then the profile's role (role_arn with source_profile — chains of any length, loops
// detected — or credential_source = Environment), its web identity token file (or
// AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN), SSO (reported as not supported yet), its keys, its
// credential_process. nullopt when nothing gives credentials; an error names the profile and the
// cause and never holds a secret.
util::Expected<std::optional<ResolvedCredentials>> resolveCredentials(ChainContext &context, const std::string &profile,
                                                                      bool explicitProfile);

// The chain as a command or the window runs it for a profile: STS as the profile configures it
// (region, endpoint, CA bundle: caBundleOption is --ca-bundle) through a QnamTransport with the
// standard retries, the AWS CLI's role cache under the home directory, MFA codes from `mfa`.
util::Expected<std::optional<ResolvedCredentials>> resolveProfileCredentials(
    const SharedFiles &files, const std::string &profile, bool explicitProfile, const util::Environment &environment,
    const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, MfaPrompt mfa,
    const std::optional<std::string> &caBundleOption = std::nullopt);

// The AWS CLI's cache key of the role a profile assumes (CredentialCache::key over its AssumeRole
// arguments); empty for a profile that assumes no role by source_profile or credential_source.
std::string roleCacheKey(const Profile &profile);

// The providers, one file each under providers/.
util::Expected<ResolvedCredentials> assumeRoleCredentials(ChainContext &context, const std::string &profile,
                                                          std::vector<std::string> &visited);
util::Expected<ResolvedCredentials> webIdentityCredentials(ChainContext &context, const std::string &roleArn,
                                                           const std::string &tokenFile, const std::string &sessionName,
                                                           const std::string &from);
util::Expected<ResolvedCredentials> processCredentials(ChainContext &context, const std::string &profile,
                                                       const std::string &command);

// The profile's own credentials by any provider but the environment's (a role's source profile).
util::Expected<std::optional<ResolvedCredentials>> profileCredentials(ChainContext &context, const std::string &profile,
                                                                      std::vector<std::string> &visited);

} // namespace cumulus::credentials
