#include "OpenService.h"

#include "model/OperationIndex.h"

#include <cctype>
#include <map>
#include <memory>
#include <mutex>

namespace cumulus::cli {

namespace {

std::string lower(std::string text)
{
    for (char &c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The catalog of one set of sources, scanned once per process: `cumulus-cli run` makes thousands of
// calls in one, and scanning the bundled models takes longer than a call to a local server.
const model::ModelRegistry &registryFor(const QStringList &paths, const util::Environment &environment)
{
    static std::mutex mutex;
    static std::map<QStringList, std::unique_ptr<model::ModelRegistry>> registries;
    const QStringList key = paths.isEmpty() ? model::ModelRegistry::pathsFromEnvironment(environment) : paths;
    const std::lock_guard lock(mutex);
    std::unique_ptr<model::ModelRegistry> &registry = registries[key];
    if (!registry) {
        registry = std::make_unique<model::ModelRegistry>();
        registry->addSources(key, environment);
    }
    return *registry;
}

} // namespace

util::Expected<OpenService> openService(const ParsedArguments &parsed, const util::Environment &environment,
                                        const std::string &serviceName, const std::string &operationName)
{
    QStringList paths;
    for (const std::string &path : parsed.all("--models"))
        paths << QString::fromStdString(path);
    const model::ModelRegistry &registry = registryFor(paths, environment);
    const model::ServiceSummary *summary = registry.find(serviceName);
    if (!summary)
        return util::Error{"unknown service '" + serviceName + "' (cumulus-cli models list shows them)"};
    OpenService open;
    open.summary = *summary;
    open.loaded = registry.open(*summary);
    if (!open.loaded.model || !(open.service = open.loaded.model->find(summary->shapeId)))
        return util::Error{summary->name + ": its model does not load (" + summary->source + ")"};
    if (operationName.empty())
        return open;
    for (const model::Shape *op : model::operationsOf(*open.loaded.model, *open.service)) {
        if (lower(std::string(op->id.name())) == lower(operationName))
            open.operation = op;
    }
    if (!open.operation)
        return util::Error{summary->name + " has no operation '" + operationName + "'"};
    return open;
}

} // namespace cumulus::cli
