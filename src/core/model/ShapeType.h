#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cumulus::model {

// Every Smithy 2.0 shape type (https://smithy.io/2.0/spec/model.html#shape-types).
enum class ShapeType : std::uint8_t {
    Blob,
    Boolean,
    String,
    Enum,
    IntEnum,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    List,
    Set, // Smithy 1.0; read as a list with unique items
    Map,
    Structure,
    Union,
    Member,
    Service,
    Operation,
    Resource,
};

// "blob", "structure", … as written in models.
std::string_view shapeTypeName(ShapeType type);
std::optional<ShapeType> shapeTypeFromString(std::string_view text);

bool isSimple(ShapeType type); // scalar values: blob … document
bool isAggregate(ShapeType type); // list, set, map, structure, union
bool isNumber(ShapeType type); // byte … bigDecimal, and intEnum

} // namespace cumulus::model
