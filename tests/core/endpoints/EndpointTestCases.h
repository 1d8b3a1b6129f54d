#pragma once

#include "endpoints/Partitions.h"
#include "endpoints/RuleValue.h"
#include "model/Model.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace cumulus::test {

// One smithy.rules#endpointTests case of a model, run through the rules engine.
struct EndpointTestCase {
    std::string service;  // the model file's base name ("s3")
    int index = 0;        // its place in the testCases list
    std::string documentation;
    endpoints::RuleValue test; // the case as written
};

// The cases of every service in a model file, with the service's rule set text.
struct ModelEndpointTests {
    std::string service;
    std::shared_ptr<const model::Model> model;
    const model::Shape *serviceShape = nullptr;
    std::string ruleSetJson;
    std::vector<EndpointTestCase> cases;
    std::string loadError;
};
ModelEndpointTests endpointTestsOf(const QString &modelFile);

// The partition data of the models' own time (the test cases expect it), not the bundled newer one.
const endpoints::Partitions &testPartitions();

// Runs a case against the rule set with its params, then each of its operationInputs through the
// parameter binding (built-ins, context parameters); empty when all pass, else what differs.
std::string runEndpointTestCase(const ModelEndpointTests &tests, const EndpointTestCase &c);

} // namespace cumulus::test
