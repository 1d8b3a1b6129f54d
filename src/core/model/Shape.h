#pragma once

#include "model/ShapeId.h"
#include "model/ShapeType.h"
#include "model/Trait.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cumulus::model {

// Where a shape or member was declared in Smithy IDL (1-based); 0 for JSON sources, whose errors
// name a JSON pointer instead.
struct SourceLocation {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct Shape;

struct Member {
    std::string name;
    ShapeId target;
    std::vector<Trait> traits;
    SourceLocation location;
    // The target, looked up once when the member's shape joins a Model (null before, and for
    // prelude shapes such as smithy.api#String).
    const Shape *targetShape = nullptr;
    // Also looked up then: what serializers and parsers ask of every member a document lacks.
    bool idempotencyToken = false; // smithy.api#idempotencyToken
    bool required = false;         // smithy.api#required
    bool clientOptional = false;   // smithy.api#clientOptional
    const Trait *defaultValue = nullptr; // smithy.api#default

    const Trait *trait(std::string_view id) const { return findTrait(traits, id); }
};

using NamedTarget = std::pair<std::string, ShapeId>;

// What only services, operations and resources have.
struct ShapeRelations {
    std::string version; // service
    std::optional<ShapeId> input; // operation
    std::optional<ShapeId> output; // operation
    std::vector<ShapeId> errors; // operation, service (common errors)
    std::vector<ShapeId> operations; // service, resource (instance operations)
    std::vector<ShapeId> resources; // service, resource
    std::vector<ShapeId> collectionOperations; // resource
    std::vector<NamedTarget> identifiers; // resource
    std::vector<NamedTarget> properties; // resource
    std::vector<NamedTarget> lifecycle; // resource: create, put, read, update, delete, list
    std::vector<std::pair<ShapeId, std::string>> rename; // service
};

struct Shape {
    ShapeId id;
    ShapeType type = ShapeType::Structure;
    std::vector<Member>
        members; // structure, union, enum, intEnum; list "member"; map "key", "value"
    std::vector<Trait> traits;
    std::vector<ShapeId> mixins;
    std::unique_ptr<ShapeRelations> relations; // services, operations and resources only
    SourceLocation location;

    const Trait *trait(std::string_view traitId) const { return findTrait(traits, traitId); }
    bool hasTrait(std::string_view traitId) const { return trait(traitId) != nullptr; }
    const Member *member(std::string_view name) const;

    // Never null: an empty set of relations for shapes that have none.
    const ShapeRelations &rel() const;
    ShapeRelations &mutableRelations();
};

} // namespace cumulus::model
