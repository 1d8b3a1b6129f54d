#pragma once

#include "util/Clock.h"
#include "util/Environment.h"
#include "util/Random.h"
#include "util/Sleeper.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli whoami [--profile P] [--region R] [--endpoint-url URL] [--json]`: resolves the
// credentials as a call would and asks STS GetCallerIdentity who they are: account, ARN, user id,
// where the credentials came from and when they expire.
int runWhoamiCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                     const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, std::istream &in,
                     std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
