#pragma once

#include "util/Clock.h"
#include "util/Environment.h"
#include "util/Random.h"
#include "util/Sleeper.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli profiles list [--json]`: every profile of ~/.aws/config and ~/.aws/credentials with
// its kind (keys, assume role, process, web identity, SSO, settings only), region and files; and
// the editing actions (ProfileEditCommand.h).
int runProfilesCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                       std::istream &in, std::ostream &out, std::ostream &err);

// `cumulus-cli credential-process [--profile P]`: the profile's credentials, resolved by Cumulus's
// chain, as credential_process JSON (Version 1) — so any SDK can use a profile Cumulus resolves.
int runCredentialProcessCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                                const util::Clock &clock, util::Random &random, util::Sleeper &sleeper,
                                std::istream &in, std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
