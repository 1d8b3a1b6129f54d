#include "EndpointTestCases.h"

#include "endpoints/RuleEvaluator.h"
#include "endpoints/ServiceEndpoints.h"
#include "model/OperationIndex.h"

#include <QJsonDocument>
#include "model/SmithyJsonLoader.h"

#include <QFile>
#include <QFileInfo>

#include <map>
#include <memory>

namespace cumulus::test {

using endpoints::RuleValue;

const endpoints::Partitions &testPartitions()
{
    static const endpoints::Partitions partitions = [] {
        QFile file(QStringLiteral(CUMULUS_SOURCE_DIR "/tests/data/endpoints/partitions.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        const QByteArray data = file.readAll();
        return endpoints::Partitions::parse(std::string_view(data.constData(), std::size_t(data.size()))).value();
    }();
    return partitions;
}

ModelEndpointTests endpointTestsOf(const QString &modelFile)
{
    ModelEndpointTests result;
    result.service = QFileInfo(modelFile).baseName().toStdString();
    const model::LoadResult loaded = model::loadSmithyJsonFile(modelFile);
    if (!loaded.ok()) {
        result.loadError = "the model does not load";
        return result;
    }
    result.model = loaded.model;
    for (const model::Shape *service : loaded.model->shapesOfType(model::ShapeType::Service)) {
        const model::Trait *rules = service->trait("smithy.rules#endpointRuleSet");
        const model::Trait *tests = service->trait("smithy.rules#endpointTests");
        if (!rules || !tests)
            continue;
        result.ruleSetJson = rules->json;
        result.serviceShape = service;
        const auto value = RuleValue::fromJson(tests->json);
        if (!value) {
            result.loadError = "endpointTests: " + value.error().message;
            return result;
        }
        const RuleValue list = value->member("testCases");
        if (!list.isArray())
            continue;
        int index = 0;
        for (const RuleValue &c : list.toArray()) {
            const RuleValue doc = c.member("documentation");
            result.cases.push_back({result.service, index++, doc.isString() ? doc.toString() : std::string(), c});
        }
    }
    return result;
}

namespace {

std::string compare(const util::Expected<endpoints::RuleEndpoint> &resolved, const RuleValue &expect)
{
    const RuleValue error = expect.member("error");
    if (error.isString()) {
        if (resolved)
            return "expected error \"" + error.toString() + "\", got " + resolved->url;
        if (resolved.error().message != error.toString())
            return "expected error \"" + error.toString() + "\", got \"" + resolved.error().message + "\"";
        return {};
    }
    if (!resolved)
        return "error: " + resolved.error().message;
    const RuleValue endpoint = expect.member("endpoint");
    if (endpoint.member("url").display() != resolved->url)
        return "url " + resolved->url + " != " + endpoint.member("url").display();
    RuleValue::Object headers;
    for (const auto &[name, values] : resolved->headers) {
        RuleValue::Array list;
        for (const std::string &v : values)
            list.emplace_back(v);
        headers.emplace_back(name, RuleValue(std::move(list)));
    }
    const RuleValue wantHeaders = endpoint.member("headers").isSet() ? endpoint.member("headers") : RuleValue(RuleValue::Object{});
    if (RuleValue(headers) != wantHeaders)
        return "headers " + RuleValue(headers).toJson() + " != " + wantHeaders.toJson();
    const RuleValue wantProperties = endpoint.member("properties").isSet() ? endpoint.member("properties") : RuleValue(RuleValue::Object{});
    const RuleValue gotProperties = resolved->properties.isSet() ? resolved->properties : RuleValue(RuleValue::Object{});
    if (gotProperties != wantProperties)
        return "properties " + gotProperties.toJson() + " != " + wantProperties.toJson();
    return {};
}

const model::Shape *findOperation(const ModelEndpointTests &tests, const std::string &name)
{
    for (const model::Shape *op : model::operationsOf(*tests.model, *tests.serviceShape)) {
        if (op->id.name() == name)
            return op;
    }
    return nullptr;
}

} // namespace

std::string runEndpointTestCase(const ModelEndpointTests &tests, const EndpointTestCase &c)
{
    // Compiled once per rule set text.
    static std::map<std::string, std::shared_ptr<const endpoints::RuleSet>> compiled;
    auto &rules = compiled[tests.ruleSetJson];
    if (!rules) {
        auto parsed = endpoints::RuleSet::parse(tests.ruleSetJson);
        if (!parsed)
            return "rule set: " + parsed.error().message;
        rules = *parsed;
    }
    endpoints::RuleParams params;
    const RuleValue given = c.test.member("params");
    if (given.isObject()) {
        for (const auto &[name, value] : given.toObject())
            params.emplace_back(name, value);
    }
    const RuleValue expect = c.test.member("expect");
    if (std::string problem = compare(endpoints::evaluateRules(*rules, params, testPartitions()), expect); !problem.empty())
        return problem;

    const RuleValue inputs = c.test.member("operationInputs");
    if (!inputs.isArray())
        return {};
    auto endpoints = endpoints::ServiceEndpoints::forService(*tests.model, *tests.serviceShape);
    if (!endpoints)
        return endpoints.error().message;
    for (const RuleValue &in : inputs.toArray()) {
        const std::string operationName = in.member("operationName").display();
        const model::Shape *operation = findOperation(tests, operationName);
        if (!operation)
            return "operationInputs: no operation " + operationName;
        const QJsonObject input = QJsonDocument::fromJson(QByteArray::fromStdString(in.member("operationParams").toJson())).object();
        endpoints::RuleParams builtIns;
        if (in.member("builtInParams").isObject())
            builtIns = in.member("builtInParams").toObject();
        const endpoints::RuleParams bound = endpoints->params(operation, input, builtIns);
        if (std::string problem = compare(endpoints::evaluateRules(*rules, bound, testPartitions()), expect); !problem.empty()) {
            std::string list;
            for (const auto &[name, value] : bound)
                list += " " + name + "=" + value.display();
            return operationName + " with" + list + ": " + problem;
        }
    }
    return {};
}

} // namespace cumulus::test
