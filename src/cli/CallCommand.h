#pragma once

#include "util/Clock.h"
#include "util/Environment.h"
#include "util/Random.h"
#include "util/Sleeper.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli call SERVICE OPERATION [--input JSON | --input-file F] [--region R]
//      [--endpoint-url URL] [--fips] [--dualstack] [--param NAME=VALUE]... [--max-attempts N]
//      [--retry-mode legacy|standard|adaptive] [--all-pages] [--dry-run] [--no-sign] [--debug]
//      [--output json|raw] [--json] [--models PATH]...`
// Serializes the input with the service's protocol, resolves the endpoint with the service's
// rules, signs each attempt, sends with the SDKs' retries and prints the parsed answer as JSON (or
// the raw body); a service error prints its code, message and request id (exit 254). --dry-run
// prints the request instead. Until the credentials layer lands, credentials come from
// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN. No secret is ever printed.
int runCallCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                   const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, std::istream &in,
                   std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
