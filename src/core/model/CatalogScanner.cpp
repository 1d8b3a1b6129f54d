#include "model/CatalogScanner.h"

#include "model/JsonText.h"
#include "model/OperationDescription.h"
#include "model/OperationIndex.h"

#include <QFile>
#include <QJsonObject>

#include <simdjson.h>

#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace cumulus::model {

namespace ondemand = simdjson::ondemand;

namespace {

constexpr std::string_view Protocols[] = {"aws.protocols#awsJson1_0",  "aws.protocols#awsJson1_1",
                                          "aws.protocols#awsQuery",    "aws.protocols#ec2Query",
                                          "aws.protocols#restJson1",   "aws.protocols#restXml",
                                          "smithy.protocols#rpcv2Cbor"};

struct Container { // a service or a resource: what it binds
    std::vector<std::string> operations;
    std::vector<std::string> resources;
};

std::string stringField(ondemand::value value, std::string_view name)
{
    for (auto field : value.get_object()) {
        if (std::string_view(field.unescaped_key()) == name)
            return std::string(std::string_view(field.value().get_string()));
    }
    return {};
}

std::vector<std::string> targets(ondemand::value value)
{
    std::vector<std::string> out;
    for (auto item : value.get_array()) {
        std::string target = stringField(item.value(), "target");
        if (!target.empty())
            out.push_back(std::move(target));
    }
    return out;
}

} // namespace

static CatalogScan scanPadded(const simdjson::padded_string &padded, const std::string &source)
{
    CatalogScan scan;
    thread_local ondemand::parser parser;

    std::unordered_map<std::string, Container> containers;
    std::unordered_set<std::string> operationIds;
    std::unordered_map<std::string, std::string> summaries; // operation id -> its documentation's first sentence
    std::vector<ServiceSummary> services;
    try {
        ondemand::document document = parser.iterate(padded);
        for (auto top : document.get_object()) {
            if (std::string_view(top.unescaped_key()) != "shapes")
                continue;
            for (auto shapeField : top.value().get_object()) {
                const std::string id(std::string_view(shapeField.unescaped_key()));
                std::string_view type;
                ServiceSummary service;
                Container bindings;
                for (auto field : shapeField.value().get_object()) {
                    const std::string_view key = field.unescaped_key();
                    if (key == "type") {
                        type = field.value().get_string();
                        if (type != "service" && type != "resource" && type != "operation")
                            break; // the rest of this shape is skipped
                        continue;
                    }
                    if (type == "operation") { // only its documentation, for the catalog's search
                        if (key == "traits") {
                            for (auto trait : field.value().get_object()) {
                                if (std::string_view(trait.unescaped_key()) == "smithy.api#documentation")
                                    summaries[id] = documentationSummaryOfJson(trait.value().get_raw_json_string().raw());
                            }
                        }
                        continue;
                    }
                    if (key == "operations" || key == "collectionOperations") {
                        for (std::string &target : targets(field.value()))
                            bindings.operations.push_back(std::move(target));
                    } else if (key == "resources") {
                        bindings.resources = targets(field.value());
                    } else if (key == "create" || key == "put" || key == "read" || key == "update"
                               || key == "delete" || key == "list") {
                        bindings.operations.push_back(stringField(field.value(), "target"));
                    } else if (key == "version") {
                        service.version = std::string(std::string_view(field.value().get_string()));
                    } else if (key == "traits") {
                        for (auto trait : field.value().get_object()) {
                            const std::string_view traitId = trait.unescaped_key();
                            if (traitId == "aws.api#service") {
                                service.sdkId = stringField(trait.value(), "sdkId");
                            } else if (traitId == "aws.auth#sigv4") {
                                service.signingName = stringField(trait.value(), "name");
                            } else if (traitId == "smithy.api#title") {
                                service.title =
                                    std::string(std::string_view(trait.value().get_string()));
                            } else {
                                for (const std::string_view protocol : Protocols) {
                                    if (traitId == protocol)
                                        service.protocol =
                                            std::string(protocol.substr(protocol.find('#') + 1));
                                }
                            }
                        }
                    }
                }
                if (type == "operation") {
                    operationIds.insert(id);
                } else if (type == "service") {
                    service.shapeId = id;
                    services.push_back(std::move(service));
                    containers.emplace(id, std::move(bindings));
                } else if (type == "resource") {
                    containers.emplace(id, std::move(bindings));
                }
            }
        }
    } catch (const simdjson::simdjson_error &e) {
        scan.errors.push_back({source, "", std::string("invalid JSON: ") + e.what()});
        return scan;
    }

    for (ServiceSummary &service : services) {
        service.source = source;
        const std::size_t hash = service.shapeId.find('#');
        if (service.sdkId.empty())
            service.sdkId = service.shapeId.substr(hash + 1);
        service.name = ServiceSummary::cliName(service.sdkId);
        // Operations of the service and of its resources, each once, in order.
        std::unordered_set<std::string> seen, visited;
        std::function<void(const std::string &)> walk = [&](const std::string &containerId) {
            if (!visited.insert(containerId).second)
                return;
            const auto it = containers.find(containerId);
            if (it == containers.end())
                return;
            for (const std::string &op : it->second.operations) {
                if (operationIds.count(op) && seen.insert(op).second) {
                    service.operations.push_back(op.substr(op.find('#') + 1));
                    const auto summary = summaries.find(op);
                    service.operationSummaries.push_back(summary == summaries.end() ? std::string() : summary->second);
                }
            }
            for (const std::string &resource : it->second.resources)
                walk(resource);
        };
        walk(service.shapeId);
        scan.services.push_back(std::move(service));
    }
    return scan;
}

CatalogScan scanSmithyJson(std::string_view json, const std::string &source)
{
    return scanPadded(simdjson::padded_string(json), source);
}

CatalogScan scanSmithyJsonFile(const QString &path)
{
    if (!path.startsWith(':')) { // a plain file: read straight into simdjson's padded buffer
        auto padded = simdjson::padded_string::load(path.toStdString());
        if (padded.error() == simdjson::SUCCESS)
            return scanPadded(padded.value_unsafe(), path.toStdString());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, {{path.toStdString(), "", "cannot read: " + file.errorString().toStdString()}}};
    const QByteArray bytes = file.readAll();
    return scanPadded(simdjson::padded_string(bytes.constData(), std::size_t(bytes.size())),
                      path.toStdString());
}

std::vector<ServiceSummary> summarize(const Model &model, const std::string &source)
{
    std::vector<ServiceSummary> out;
    for (const Shape *service : model.shapesOfType(ShapeType::Service)) {
        ServiceSummary summary;
        summary.source = source;
        summary.shapeId = std::string(service->id.text());
        summary.sdkId = sdkIdOf(*service);
        summary.name = ServiceSummary::cliName(summary.sdkId);
        if (const Trait *t = service->trait("aws.auth#sigv4"))
            summary.signingName =
                parseJsonValue(t->json).toObject().value("name").toString().toStdString();
        for (const std::string_view protocol : Protocols) {
            if (service->hasTrait(protocol))
                summary.protocol = std::string(protocol.substr(protocol.find('#') + 1));
        }
        if (const Trait *t = service->trait("smithy.api#title"))
            summary.title = decodeJsonString(t->json).value_or(std::string());
        summary.version = service->rel().version;
        for (const Shape *op : operationsOf(model, *service)) {
            summary.operations.emplace_back(op->id.name());
            const Trait *doc = op->trait("smithy.api#documentation");
            const std::size_t quote = doc ? doc->json.find('"') : std::string::npos;
            summary.operationSummaries.push_back(quote == std::string::npos ? std::string()
                                                                            : documentationSummaryOfJson(doc->json.data() + quote + 1));
        }
        out.push_back(std::move(summary));
    }
    return out;
}

} // namespace cumulus::model
