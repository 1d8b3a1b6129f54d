#include "model/Prelude.h"

#include <array>
#include <utility>

namespace cumulus::model {

std::optional<ShapeType> preludeShapeType(std::string_view shapeId)
{
    static constexpr std::array<std::pair<std::string_view, ShapeType>, 21> Shapes = {{
        {"smithy.api#String", ShapeType::String},
        {"smithy.api#Blob", ShapeType::Blob},
        {"smithy.api#BigInteger", ShapeType::BigInteger},
        {"smithy.api#BigDecimal", ShapeType::BigDecimal},
        {"smithy.api#Timestamp", ShapeType::Timestamp},
        {"smithy.api#Document", ShapeType::Document},
        {"smithy.api#Boolean", ShapeType::Boolean},
        {"smithy.api#PrimitiveBoolean", ShapeType::Boolean},
        {"smithy.api#Byte", ShapeType::Byte},
        {"smithy.api#PrimitiveByte", ShapeType::Byte},
        {"smithy.api#Short", ShapeType::Short},
        {"smithy.api#PrimitiveShort", ShapeType::Short},
        {"smithy.api#Integer", ShapeType::Integer},
        {"smithy.api#PrimitiveInteger", ShapeType::Integer},
        {"smithy.api#Long", ShapeType::Long},
        {"smithy.api#PrimitiveLong", ShapeType::Long},
        {"smithy.api#Float", ShapeType::Float},
        {"smithy.api#PrimitiveFloat", ShapeType::Float},
        {"smithy.api#Double", ShapeType::Double},
        {"smithy.api#PrimitiveDouble", ShapeType::Double},
        {"smithy.api#Unit", ShapeType::Structure},
    }};
    for (const auto &[id, type] : Shapes) {
        if (id == shapeId)
            return type;
    }
    return std::nullopt;
}

} // namespace cumulus::model
