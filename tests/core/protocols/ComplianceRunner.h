#pragma once

#include "model/Model.h"
#include "protocols/XmlNode.h"

#include <QJsonObject>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cumulus::test {

// Smithy's protocol compliance tests (smithy.test#httpRequestTests / httpResponseTests), client
// side, run against Cumulus's protocol implementations.
struct ComplianceCase {
    std::string id;
    std::string kind; // "request", "response", "error"
    std::string protocol;
    const model::Shape *service = nullptr;
    const model::Shape *operation = nullptr;
    const model::Shape *error = nullptr; // error cases: the error shape the response must map to
    QJsonObject test;                    // the test case as written
};

// The compliance models (tests/data/protocol-tests), loaded once through the IDL loader.
const model::Model &complianceModel();

// Every client-side case for the protocol ("awsJson1_0", …), in model order.
std::vector<ComplianceCase> complianceCases(const std::string &protocol);

// Runs a case; empty when it passes, else what differed.
std::string runCase(const ComplianceCase &c);

// XML compared as AWS's parsers read it (structure members in any order, list items in order, map
// entries in any order).
bool sameXml(const protocols::XmlNode &a, const protocols::XmlNode &b);

// tests/data/protocol-tests-known-failures.txt: case id -> reason.
const std::map<std::string, std::string> &knownFailures();

} // namespace cumulus::test
