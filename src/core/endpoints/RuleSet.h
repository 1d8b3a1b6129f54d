#pragma once

#include "endpoints/RuleValue.h"
#include "util/Expected.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cumulus::endpoints {

// A smithy.rules#endpointRuleSet, compiled once from its JSON: names become variable slots,
// templates are split into pieces and getAttr paths into steps, so evaluation (RuleEvaluator)
// touches no JSON and looks nothing up by name.

enum class RuleFunction : std::uint8_t {
    IsSet,
    Not,
    GetAttr,
    BooleanEquals,
    StringEquals,
    ParseUrl,
    UriEncode,
    Substring,
    IsValidHostLabel,
    AwsPartition,
    AwsParseArn,
    AwsIsVirtualHostableS3Bucket,
};

// One step of a getAttr path ("resourceId[2]" is the step {"resourceId", 2}).
struct AttrStep {
    std::string name; // empty: index the value itself ("[0]")
    int index = -1;   // -1: no index
};

struct Expr;

// A piece of a template string: text, or a variable with an optional getAttr path ({url#scheme}).
struct TemplatePart {
    std::string text;
    int variable = -1;
    std::vector<AttrStep> path;
};

struct Expr {
    enum class Kind : std::uint8_t { Literal, Variable, Template, Call, Array, Object };
    Kind kind = Kind::Literal;
    RuleValue literal;                 // Literal
    int variable = -1;                 // Variable
    std::vector<TemplatePart> parts;   // Template
    RuleFunction function{};           // Call
    std::vector<Expr> args;            // Call; Array's items; Object's values
    std::vector<std::string> keys;     // Object
    std::vector<AttrStep> attrPath;    // Call to GetAttr with a literal path
    int assign = -1;                   // Call: the variable its result is bound to
    std::string name;                  // Call: the function's name, for messages
};

struct Rule {
    enum class Type : std::uint8_t { Endpoint, Error, Tree };
    Type type = Type::Endpoint;
    std::vector<Expr> conditions;
    std::vector<int> assigned; // variables the conditions bind (cleared when the rule is left)
    std::string documentation;
    // Endpoint
    Expr url;
    Expr properties; // an Object expression, or an empty Literal
    std::vector<std::pair<std::string, std::vector<Expr>>> headers;
    // Error
    Expr error;
    // Tree
    std::vector<Rule> rules;
};

struct RuleParameter {
    enum class Type : std::uint8_t { String, Boolean, StringArray };
    std::string name;
    Type type = Type::String;
    std::string builtIn; // "AWS::Region", … or empty
    RuleValue defaultValue;
    bool required = false;
    std::string documentation;
    std::string deprecated; // the deprecation message, when deprecated
};

class RuleSet {
public:
    // The trait's JSON text. Errors name the place ("rules[2].rules[0].conditions[1]: unknown
    // function 'aws.foo'").
    static util::Expected<std::shared_ptr<const RuleSet>> parse(std::string_view json);

    const std::vector<RuleParameter> &parameters() const { return m_parameters; }
    const RuleParameter *parameter(std::string_view name) const;
    const std::vector<Rule> &rules() const { return m_rules; }
    // Parameters take slots 0..parameters().size()-1; assigned names follow.
    std::size_t variableCount() const { return m_variables.size(); }
    const std::string &variableName(int slot) const { return m_variables[std::size_t(slot)]; }

private:
    friend class RuleSetCompiler;
    std::vector<RuleParameter> m_parameters;
    std::vector<Rule> m_rules;
    std::vector<std::string> m_variables;
};

} // namespace cumulus::endpoints
