#pragma once

#include "model/ModelError.h"
#include "model/Shape.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cumulus::model::idl {

// What the IDL parser reads, before names are resolved across files (SmithyIdlLoader).

struct NodeEntry;

struct Node {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    std::string text; // a number as written, a string's value, "true"/"false"
    bool bareWord = false; // an unquoted identifier or shape id used as a string
    std::vector<Node> items; // Array
    // Object, in order. A struct of its own rather than std::pair: a pair of an incomplete Node
    // does not compile everywhere (Clang with libstdc++ refuses it).
    std::vector<NodeEntry> entries;
    SourceLocation at;

    const Node *get(std::string_view key) const;
    std::string toJson() const;
};

struct NodeEntry {
    std::string key;
    Node value;
};

struct Trait {
    std::string name; // as written: "required", "aws.api#service"
    Node value;
    SourceLocation at;
};

struct Reference {
    std::string name; // as written
    SourceLocation at;
};

struct Member {
    std::string name;
    std::optional<Reference> target; // empty for "$name" (elided target)
    std::vector<Trait> traits;
    std::optional<Node> value; // "= value": a default, or an enum member's value
    SourceLocation at;
};

struct Shape {
    std::string name;
    std::string typeName; // "structure", "operation", …
    std::vector<Trait> traits;
    std::vector<Member> members;
    std::vector<Reference> mixins;
    std::optional<Reference> forResource;
    // operation
    std::optional<Reference> input, output;
    std::vector<Reference> errors;
    // service, resource: the body as a node object
    std::optional<Node> body;
    SourceLocation at;
};

struct Apply {
    Reference target;
    std::vector<Trait> traits;
};

struct File {
    std::string source;
    std::string ns;
    std::vector<std::pair<std::string, Reference>> uses; // local name -> absolute id
    std::vector<Shape> shapes;
    std::vector<Apply> applies;
    std::vector<std::pair<std::string, Node>> metadata;
    std::vector<ModelError> errors; // syntax errors; parsing stops at the first
};

// Parses one Smithy IDL 2.0 file (https://smithy.io/2.0/spec/idl.html).
File parse(std::string_view text, const std::string &source);

} // namespace cumulus::model::idl
