#pragma once

#include "model/ShapeType.h"

#include <optional>
#include <string_view>

namespace cumulus::model {

// The shapes of Smithy's prelude (smithy.api#String, smithy.api#PrimitiveInteger, smithy.api#Unit,
// …), which every model may target without declaring them.
std::optional<ShapeType> preludeShapeType(std::string_view shapeId);

inline constexpr std::string_view UnitShapeId = "smithy.api#Unit";

} // namespace cumulus::model
