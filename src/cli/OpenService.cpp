#include "OpenService.h"

#include "model/OperationIndex.h"

#include <cctype>

namespace cumulus::cli {

namespace {

std::string lower(std::string text)
{
    for (char &c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

util::Expected<OpenService> openService(const ParsedArguments &parsed, const util::Environment &environment,
                                        const std::string &serviceName, const std::string &operationName)
{
    model::ModelRegistry registry;
    QStringList paths;
    for (const std::string &path : parsed.all("--models"))
        paths << QString::fromStdString(path);
    registry.addSources(paths, environment);
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
