#pragma once

#include "endpoints/Partitions.h"
#include "endpoints/RuleSet.h"
#include "endpoints/RuleValue.h"
#include "util/Expected.h"

#include <string>
#include <utility>
#include <vector>

namespace cumulus::endpoints {

// What a rule set resolves to: the URL, headers to add, and properties (authSchemes, …).
struct RuleEndpoint {
    std::string url;
    std::vector<std::pair<std::string, std::vector<std::string>>> headers;
    RuleValue properties; // an object, or unset
};

// Parameter values by name; names the rule set does not declare are ignored.
using RuleParams = std::vector<std::pair<std::string, RuleValue>>;

// Evaluates the rules in order, as botocore's EndpointProvider does: defaults fill unset
// parameters, the first endpoint or error rule whose conditions hold is the answer. An error rule's
// message comes back unchanged ("Invalid region: region was not a valid DNS name."); a required
// parameter without a value, a value of the wrong type and a rule set that faults say so.
util::Expected<RuleEndpoint> evaluateRules(const RuleSet &rules, const RuleParams &params,
                                           const Partitions &partitions = Partitions::bundled());

} // namespace cumulus::endpoints
