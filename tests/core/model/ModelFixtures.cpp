// JSON model fixtures for tst_smithyjsonloader, kept apart from the Q_OBJECT file: moc's lexer
// trips over raw string literals full of '#'.
#include "ModelFixtures.h"

#include <array>

namespace {

constexpr std::array<const char *, 12> Fixtures = {
    R"({"smithy": "2.0", "shapes": {
            "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Ping"}],
                       "resources": [{"target": "ex#Thing"}]},
            "ex#Ping": {"type": "operation"},
            "ex#Thing": {"type": "resource", "identifiers": {"id": {"target": "smithy.api#String"}},
                         "read": {"target": "ex#GetThing"}, "operations": [{"target": "ex#Poke"}],
                         "resources": [{"target": "ex#Part"}]},
            "ex#Part": {"type": "resource", "list": {"target": "ex#ListParts"},
                        "collectionOperations": [{"target": "ex#Ping"}]},
            "ex#GetThing": {"type": "operation", "input": {"target": "ex#GetThingInput"}},
            "ex#GetThingInput": {"type": "structure", "members": {"id": {"target": "smithy.api#String"}}},
            "ex#Poke": {"type": "operation"}, "ex#ListParts": {"type": "operation"},
            "ex#Apply": {"type": "apply", "traits": {"smithy.api#documentation": "x"}},
            "ex#GetThingInput$id": {"type": "apply", "traits": {"smithy.api#required": {}}}
        }})",
    R"({"smithy": "1.0", "shapes": {
            "ex#Tags": {"type": "set", "member": {"target": "smithy.api#String"}},
            "ex#Map": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "ex#Tags"}}
        }})",
    R"({"smithy": "2.0", "shapes": {"ex#A": {"type": "structure", "members": {"b": {"target": "ex#Missing"}}}, "ex#C": {"type": "string"}}})",
    R"({"smithy": "2.0", "shapes": {"ex#Op": {"type": "operation", "output": {"target": "ex#Out"}}}})",
    R"({"smithy": "2.0", "shapes": {"ex#S": {"type": "service", "operations": [{"target": "ex#A"}, {"target": "ex#B"}]}, "ex#A": {"type": "operation"}}})",
    R"({"smithy": "2.0", "shapes": {"ex#A": {"type": "strukture"}, "ex#B": {"type": "string"}}})",
    R"({"smithy": "2.0", "shapes": {"A": {"type": "string"}}})",
    R"({"smithy": "2.0", "shapes": {"ex#L": {"type": "list", "member": {"target": "String"}}}})",
    R"({"shapes": {}})",
    R"({"smithy": "3.0", "shapes": {}})",
    R"({"smithy": "2.0", "shapes": {"ex#A": {"type": "string"}, "ex#B": {"type": )",
    R"({"smithy": "2.0", "shapes": {"ex#A": {"type": "string"}, "ex#B": {"type": tru}, "ex#C": {"type": "string"}}})",
};

} // namespace

const char *fixture(int index)
{
    return Fixtures[std::size_t(index)];
}
