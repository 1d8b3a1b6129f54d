#pragma once

#include "model/ModelError.h"

#include <QString>

#include <string>
#include <string_view>

namespace cumulus::model {

// Smithy JSON AST ("smithy": "2.0" or "1.0"; https://smithy.io/2.0/spec/json-ast.html) into a
// Model, with simdjson's on-demand parser. Trait values are kept as JSON text. Errors name a JSON
// pointer; malformed JSON also gives line and column. Whatever was valid is still returned.
LoadResult loadSmithyJson(std::string_view json, const std::string &source);

// From a file or a Qt resource path (":/models/…").
LoadResult loadSmithyJsonFile(const QString &path);

} // namespace cumulus::model
