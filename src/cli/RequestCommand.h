#pragma once

#include "util/Clock.h"
#include "util/Environment.h"
#include "util/Random.h"
#include "util/Sleeper.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli request METHOD URL --service NAME [--region R] [-H 'Name: value']... [--body TEXT |
//      --body-file F] [--profile P] [--no-sign] [--dry-run] [--include] [--max-attempts N]
//      [--retry-mode MODE] [--debug]`
// Sends an HTTP request as written (an API Gateway route, a request imported from Postman), signed
// with SigV4 for the service name with the profile's credentials (the AWS CLI's chain), through the
// SDKs' retries. Prints the body as received (--include: the status and headers first). Exit 0
// for a 2xx/3xx answer, 254 for an error answer (its AWS error code on stderr), 255 when no answer
// came, 253 for credentials, 252 for bad arguments.
int runRequestCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                      const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, std::istream &in,
                      std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
