#pragma once

#include "endpoints/Partitions.h"
#include "endpoints/RuleSet.h"
#include "endpoints/RuleValue.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace cumulus::endpoints {

// A rule set that cannot be evaluated as written (a function given the wrong kind of value).
struct RuleFault : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The rules engine's standard library and the AWS functions, with botocore's semantics
// (botocore/endpoint_provider.py RuleSetStandardLibrary). Throws RuleFault on a type error.
RuleValue callRuleFunction(RuleFunction function, const std::string &name, const std::vector<RuleValue> &args,
                           const Partitions &partitions);

// "resourceId[2]" → {resourceId, 2}; "a.b" → {a}, {b}.
std::vector<AttrStep> parseAttrPath(std::string_view path);

// getAttr with a compiled path.
RuleValue getAttr(const RuleValue &value, const std::vector<AttrStep> &path);

// The pieces, for the functions that have uses of their own.
RuleValue parseUrl(const std::string &url);
RuleValue parseArn(const std::string &arn);
bool isValidHostLabel(const std::string &value, bool allowSubDomains);
bool isVirtualHostableS3Bucket(const std::string &value, bool allowSubDomains);
std::string uriEncode(const std::string &value); // everything but A-Z a-z 0-9 - . _ ~

} // namespace cumulus::endpoints
