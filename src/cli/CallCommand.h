#pragma once

#include "util/Clock.h"
#include "util/Environment.h"
#include "util/Random.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli call SERVICE OPERATION [--input JSON | --input-file F] [--region R]
//      [--endpoint-url URL] [--fips] [--dualstack] [--param NAME=VALUE]... --dry-run [--no-sign]
//      [--json] [--models PATH]...`
// Serializes the input with the service's protocol, resolves the endpoint with the service's
// rules, and prints the HTTP request that would be sent, signed as the endpoint says. Until the
// credentials layer lands, credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
// AWS_SESSION_TOKEN. The session token is never printed.
int runCallCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                   const util::Clock &clock, util::Random &random, std::istream &in, std::ostream &out,
                   std::ostream &err);

} // namespace cumulus::cli
