#pragma once

#include "model/Model.h"

#include <QJsonObject>

#include <string>

namespace cumulus::model {

// An operation as a person reads it: its documentation, and its input and output shapes as trees
// of members with what constrains them (required, enum values, ranges, lengths, patterns,
// defaults) and their documentation as plain text. Recursive shapes are cut where they recur.
//
// {"operation", "shapeId", "documentation", "input": Tree, "output": Tree, "errors": [names]}
// Tree: {"shape", "type", "members": [{"name", "type", "target", "required", "enum", "min",
//        "max", "pattern", "default", "documentation", "recursive", "members" | "member" | "key"
//        + "value"}]}
QJsonObject describeOperation(const Model &model, const Shape &operation, int maxDepth = 8);

// Documentation HTML as plain text: tags dropped, entities decoded, whitespace collapsed.
std::string documentationText(std::string_view html);

} // namespace cumulus::model
