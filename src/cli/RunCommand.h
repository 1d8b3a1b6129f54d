#pragma once

#include "util/Clock.h"
#include "util/Environment.h"
#include "util/Random.h"
#include "util/Sleeper.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli run COLLECTION [--env NAME] [--profile P] [--region R] [--endpoint-url URL]
//      [--filter GLOB]... [--show-output] [--models PATH]...`
// Runs a collection's requests in the order of their paths (each with its {{variables}} filled,
// the collection's defaults, and `call`'s whole pipeline), then prints a table: request,
// operation, result (ok, the AWS error code, or what went wrong) and time. --profile, --region
// and --endpoint-url override what the requests and the collection say. Exit 0 when every request
// succeeded, 1 when one failed (a file that cannot be read is one that failed), 252 for bad
// arguments or a folder that is not a collection. For CI.
int runRunCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                  const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, std::istream &in,
                  std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
