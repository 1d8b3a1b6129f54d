#include "model/ShapeType.h"

#include <array>
#include <utility>

namespace cumulus::model {

namespace {

constexpr std::array<std::pair<std::string_view, ShapeType>, 24> Names = {{
    {"blob", ShapeType::Blob},
    {"boolean", ShapeType::Boolean},
    {"string", ShapeType::String},
    {"enum", ShapeType::Enum},
    {"intEnum", ShapeType::IntEnum},
    {"byte", ShapeType::Byte},
    {"short", ShapeType::Short},
    {"integer", ShapeType::Integer},
    {"long", ShapeType::Long},
    {"float", ShapeType::Float},
    {"double", ShapeType::Double},
    {"bigInteger", ShapeType::BigInteger},
    {"bigDecimal", ShapeType::BigDecimal},
    {"timestamp", ShapeType::Timestamp},
    {"document", ShapeType::Document},
    {"list", ShapeType::List},
    {"set", ShapeType::Set},
    {"map", ShapeType::Map},
    {"structure", ShapeType::Structure},
    {"union", ShapeType::Union},
    {"member", ShapeType::Member},
    {"service", ShapeType::Service},
    {"operation", ShapeType::Operation},
    {"resource", ShapeType::Resource},
}};

} // namespace

std::string_view shapeTypeName(ShapeType type)
{
    for (const auto &[name, value] : Names) {
        if (value == type)
            return name;
    }
    return "unknown";
}

std::optional<ShapeType> shapeTypeFromString(std::string_view text)
{
    for (const auto &[name, value] : Names) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

bool isSimple(ShapeType type)
{
    return type <= ShapeType::Document;
}

bool isAggregate(ShapeType type)
{
    return type >= ShapeType::List && type <= ShapeType::Union;
}

bool isNumber(ShapeType type)
{
    switch (type) {
    case ShapeType::Byte: case ShapeType::Short: case ShapeType::Integer: case ShapeType::Long:
    case ShapeType::Float: case ShapeType::Double: case ShapeType::BigInteger: case ShapeType::BigDecimal:
    case ShapeType::IntEnum:
        return true;
    default:
        return false;
    }
}

} // namespace cumulus::model
