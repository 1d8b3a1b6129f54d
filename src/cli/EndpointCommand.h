#pragma once

#include "util/Environment.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli endpoint SERVICE [--operation OP [--input JSON]] [--region R] [--fips] [--dualstack]
//      [--endpoint-url URL] [--param NAME=VALUE]... [--json] [--models PATH]...`
// Resolves the service's endpoint as a call would and prints the URL, the headers the endpoint
// adds, how requests are signed (scheme, signing name and region) and the rule parameters used.
int runEndpointCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                       std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
