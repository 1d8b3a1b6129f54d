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
// The first sentence of a documentation trait, as plain text of at most about 200 characters,
// from its JSON string literal (raw, from just after the opening quote, up to the closing one):
// only the start of it is read, so that the catalog scan can summarize every operation cheaply.
std::string documentationSummaryOfJson(const char *afterOpeningQuote);
// A shape's or member's documentation trait as plain text (empty without one).
std::string documentationOf(const std::vector<Trait> &traits);

} // namespace cumulus::model
