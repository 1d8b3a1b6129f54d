#pragma once

#include "model/Model.h"
#include "protocols/Protocol.h"

#include <QJsonObject>

#include <vector>

namespace cumulus::protocols {

// Values of an input document outside the model's constraints: @length (string characters, blob
// bytes, list items, map entries), @range, @pattern (ECMA 262, not anchored), enum and intEnum
// values and the older @enum list. Smithy tells clients not to enforce these (services relax
// them and add enum values), so they are warnings; the CLI's --strict makes them errors. Paths
// are the codec's ("$.Item.id.S", "$.Tags[2].Key"); sensitive values never appear in a message.
// Type errors are the serializer's business and are not repeated here.
std::vector<InputProblem> constraintWarnings(const model::Model &model, const model::Shape &input,
                                             const QJsonObject &document);

} // namespace cumulus::protocols
