#pragma once

#include "model/ModelError.h"
#include "model/ServiceSummary.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace cumulus::model {

struct CatalogScan {
    std::vector<ServiceSummary> services;
    std::vector<ModelError> errors;
};

// Reads only what the catalog needs from a Smithy JSON AST model — service shapes, the operation
// and resource bindings, a few service traits — and skips the rest, so that all of AWS (402
// models, 132 MB) is listed in a fraction of the time a full load takes.
CatalogScan scanSmithyJson(std::string_view json, const std::string &source);
CatalogScan scanSmithyJsonFile(const QString &path);

// The catalog entries of a model already loaded (IDL models, which are parsed whole anyway).
std::vector<ServiceSummary> summarize(const Model &model, const std::string &source);

} // namespace cumulus::model
