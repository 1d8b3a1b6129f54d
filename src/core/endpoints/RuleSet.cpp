#include "endpoints/RuleSet.h"

#include "endpoints/RuleFunctions.h"

#include <simdjson.h>

#include <cctype>
#include <map>

namespace cumulus::endpoints {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

struct CompileError {
    std::string message;
};

std::string str(element e)
{
    std::string_view view;
    if (e.get_string().get(view))
        return {};
    return std::string(view);
}

// A member's string value, or "" when it is absent or not a string.
std::string str(simdjson::simdjson_result<element> result)
{
    element e;
    if (result.get(e))
        return {};
    return str(e);
}

const std::map<std::string_view, RuleFunction> &functions()
{
    static const std::map<std::string_view, RuleFunction> table = {
        {"isSet", RuleFunction::IsSet},
        {"not", RuleFunction::Not},
        {"getAttr", RuleFunction::GetAttr},
        {"booleanEquals", RuleFunction::BooleanEquals},
        {"stringEquals", RuleFunction::StringEquals},
        {"parseURL", RuleFunction::ParseUrl},
        {"uriEncode", RuleFunction::UriEncode},
        {"substring", RuleFunction::Substring},
        {"isValidHostLabel", RuleFunction::IsValidHostLabel},
        {"aws.partition", RuleFunction::AwsPartition},
        {"aws.parseArn", RuleFunction::AwsParseArn},
        {"aws.isVirtualHostableS3Bucket", RuleFunction::AwsIsVirtualHostableS3Bucket},
    };
    return table;
}

std::size_t arity(RuleFunction f)
{
    switch (f) {
    case RuleFunction::IsSet:
    case RuleFunction::Not:
    case RuleFunction::ParseUrl:
    case RuleFunction::UriEncode:
    case RuleFunction::AwsPartition:
    case RuleFunction::AwsParseArn:
        return 1;
    case RuleFunction::Substring:
        return 4;
    default:
        return 2;
    }
}

// Does botocore take this string for a template? It does when it holds "{letters#letters}".
bool isTemplate(std::string_view s)
{
    for (std::size_t open = s.find('{'); open != std::string_view::npos; open = s.find('{', open + 1)) {
        std::size_t i = open + 1;
        while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '#'))
            ++i;
        if (i > open + 1 && i < s.size() && s[i] == '}')
            return true;
    }
    return false;
}

} // namespace

class RuleSetCompiler {
public:
    explicit RuleSetCompiler(RuleSet &set) : m_set(set) {}

    int slot(std::string_view name)
    {
        for (std::size_t i = 0; i < m_set.m_variables.size(); ++i) {
            if (m_set.m_variables[i] == name)
                return int(i);
        }
        m_set.m_variables.emplace_back(name);
        return int(m_set.m_variables.size() - 1);
    }

    Expr templateOrString(std::string_view s, const std::string &where)
    {
        Expr e;
        if (!isTemplate(s)) {
            e.literal = std::string(s);
            return e;
        }
        e.kind = Expr::Kind::Template;
        std::string text;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (c == '{' && i + 1 < s.size() && s[i + 1] == '{') {
                text += '{';
                ++i;
            } else if (c == '}' && i + 1 < s.size() && s[i + 1] == '}') {
                text += '}';
                ++i;
            } else if (c == '{') {
                const std::size_t close = s.find('}', i);
                if (close == std::string_view::npos)
                    throw CompileError{where + ": unclosed '{' in template \"" + std::string(s) + "\""};
                const std::string_view field = s.substr(i + 1, close - i - 1);
                TemplatePart part;
                part.text = std::move(text);
                text.clear();
                std::size_t hash = field.find('#');
                part.variable = slot(field.substr(0, hash));
                while (hash != std::string_view::npos) {
                    const std::size_t next = field.find('#', hash + 1);
                    part.path.push_back({std::string(field.substr(hash + 1, next == std::string_view::npos ? next : next - hash - 1)), -1});
                    hash = next;
                }
                e.parts.push_back(std::move(part));
                i = close;
            } else {
                text += c;
            }
        }
        if (!text.empty())
            e.parts.push_back({std::move(text), -1, {}});
        return e;
    }

    // A function argument, a condition, a URL, a header value: fn, ref, template or literal.
    Expr expression(element e, const std::string &where)
    {
        switch (e.type()) {
        case element_type::STRING:
            return templateOrString(str(e), where);
        case element_type::BOOL: {
            Expr x;
            x.literal = bool(e.get_bool().value_unsafe());
            return x;
        }
        case element_type::INT64:
        case element_type::UINT64: {
            Expr x;
            int64_t n = 0;
            if (e.get_int64().get(n))
                throw CompileError{where + ": integer out of range"};
            x.literal = n;
            return x;
        }
        case element_type::ARRAY: {
            Expr x;
            x.kind = Expr::Kind::Array;
            std::size_t i = 0;
            const simdjson::dom::array list = e.get_array().value_unsafe();
            for (element item : list)
                x.args.push_back(expression(item, where + "[" + std::to_string(i++) + "]"));
            return x;
        }
        case element_type::OBJECT: {
            simdjson::dom::object object = e.get_object().value_unsafe();
            element fn, ref;
            if (!object["fn"].get(fn))
                return call(object, where);
            if (!object["ref"].get(ref)) {
                Expr x;
                x.kind = Expr::Kind::Variable;
                x.variable = slot(str(ref));
                return x;
            }
            return literalTree(e, where);
        }
        default:
            throw CompileError{where + ": a value of this type has no meaning in a rule"};
        }
    }

    // Endpoint properties: objects and arrays of literals and templates.
    Expr literalTree(element e, const std::string &where)
    {
        if (e.type() == element_type::OBJECT) {
            Expr x;
            x.kind = Expr::Kind::Object;
            const simdjson::dom::object members_ = e.get_object().value_unsafe();
            for (auto [key, value] : members_) {
                x.keys.emplace_back(key);
                x.args.push_back(literalTree(value, where + "." + std::string(key)));
            }
            return x;
        }
        if (e.type() == element_type::ARRAY) {
            Expr x;
            x.kind = Expr::Kind::Array;
            std::size_t i = 0;
            const simdjson::dom::array list = e.get_array().value_unsafe();
            for (element item : list)
                x.args.push_back(literalTree(item, where + "[" + std::to_string(i++) + "]"));
            return x;
        }
        return expression(e, where);
    }

    Expr call(simdjson::dom::object object, const std::string &where)
    {
        Expr x;
        x.kind = Expr::Kind::Call;
        x.name = str(object["fn"]);
        const auto found = functions().find(x.name);
        if (found == functions().end())
            throw CompileError{where + ": unknown function '" + x.name + "'"};
        x.function = found->second;
        simdjson::dom::array argv;
        if (object["argv"].get_array().get(argv))
            throw CompileError{where + ": " + x.name + " has no argv array"};
        std::size_t i = 0;
        for (element arg : argv)
            x.args.push_back(expression(arg, where + ".argv[" + std::to_string(i++) + "]"));
        if (x.args.size() != arity(x.function))
            throw CompileError{where + ": " + x.name + " takes " + std::to_string(arity(x.function))
                               + " arguments, not " + std::to_string(x.args.size())};
        if (x.function == RuleFunction::GetAttr && x.args[1].kind == Expr::Kind::Literal && x.args[1].literal.isString())
            x.attrPath = parseAttrPath(x.args[1].literal.toString());
        std::string_view assign;
        if (!object["assign"].get_string().get(assign))
            x.assign = slot(assign);
        return x;
    }

    Rule rule(element e, const std::string &where)
    {
        Rule r;
        simdjson::dom::object object;
        if (e.get_object().get(object))
            throw CompileError{where + ": a rule must be an object"};
        const std::string type = str(object["type"]);
        std::string_view doc;
        if (!object["documentation"].get_string().get(doc))
            r.documentation = std::string(doc);
        simdjson::dom::array conditions;
        if (!object["conditions"].get_array().get(conditions)) {
            std::size_t i = 0;
            for (element c : conditions) {
                const std::string at = where + ".conditions[" + std::to_string(i++) + "]";
                Expr x = expression(c, at);
                if (x.kind != Expr::Kind::Call)
                    throw CompileError{at + ": a condition must be a function call"};
                if (x.assign >= 0)
                    r.assigned.push_back(x.assign);
                r.conditions.push_back(std::move(x));
            }
        }
        if (type == "endpoint") {
            r.type = Rule::Type::Endpoint;
            simdjson::dom::object endpoint;
            if (object["endpoint"].get_object().get(endpoint))
                throw CompileError{where + ": an endpoint rule has no endpoint"};
            element url, properties;
            if (endpoint["url"].get(url))
                throw CompileError{where + ".endpoint: no url"};
            r.url = expression(url, where + ".endpoint.url");
            if (!endpoint["properties"].get(properties))
                r.properties = literalTree(properties, where + ".endpoint.properties");
            simdjson::dom::object headers;
            if (!endpoint["headers"].get_object().get(headers)) {
                for (auto [name, values] : headers) {
                    std::vector<Expr> list;
                    simdjson::dom::array array;
                    if (values.get_array().get(array))
                        throw CompileError{where + ".endpoint.headers." + std::string(name) + ": not a list"};
                    for (element v : array)
                        list.push_back(expression(v, where + ".endpoint.headers." + std::string(name)));
                    r.headers.emplace_back(std::string(name), std::move(list));
                }
            }
        } else if (type == "error") {
            r.type = Rule::Type::Error;
            element error;
            if (object["error"].get(error))
                throw CompileError{where + ": an error rule has no error"};
            r.error = expression(error, where + ".error");
        } else if (type == "tree") {
            r.type = Rule::Type::Tree;
            simdjson::dom::array rules;
            if (object["rules"].get_array().get(rules))
                throw CompileError{where + ": a tree rule has no rules"};
            std::size_t i = 0;
            for (element sub : rules)
                r.rules.push_back(rule(sub, where + ".rules[" + std::to_string(i++) + "]"));
        } else {
            throw CompileError{where + ": unknown rule type '" + type + "' (endpoint, error or tree)"};
        }
        return r;
    }

    void parameters(simdjson::dom::object params)
    {
        for (auto [name, spec] : params) {
            RuleParameter p;
            p.name = std::string(name);
            const std::string where = "parameters." + p.name;
            const std::string type = str(spec["type"]);
            if (type == "String" || type == "string")
                p.type = RuleParameter::Type::String;
            else if (type == "Boolean" || type == "boolean")
                p.type = RuleParameter::Type::Boolean;
            else if (type == "stringArray" || type == "StringArray")
                p.type = RuleParameter::Type::StringArray;
            else
                throw CompileError{where + ": unknown type '" + type + "' (String, Boolean or stringArray)"};
            std::string_view text;
            if (!spec["builtIn"].get_string().get(text))
                p.builtIn = std::string(text);
            if (!spec["documentation"].get_string().get(text))
                p.documentation = std::string(text);
            bool required = false;
            if (!spec["required"].get_bool().get(required))
                p.required = required;
            element deprecated, def;
            if (!spec["deprecated"].get(deprecated)) {
                p.deprecated = "deprecated";
                if (!deprecated["message"].get_string().get(text))
                    p.deprecated = std::string(text);
            }
            if (!spec["default"].get(def)) {
                if (def.is_bool() && p.type == RuleParameter::Type::Boolean)
                    p.defaultValue = bool(def.get_bool().value_unsafe());
                else if (def.is_string() && p.type == RuleParameter::Type::String)
                    p.defaultValue = str(def);
                else if (def.is_array() && p.type == RuleParameter::Type::StringArray) {
                    RuleValue::Array items;
                    const simdjson::dom::array list = def.get_array().value_unsafe();
                    for (element item : list) {
                        if (!item.is_string())
                            throw CompileError{where + ": the default holds a non-string"};
                        items.emplace_back(str(item));
                    }
                    p.defaultValue = std::move(items);
                } else {
                    throw CompileError{where + ": the default is not a " + type};
                }
            }
            // Parameter i is variable slot i: a name given twice (JSON allows it) would break that.
            if (std::size_t(slot(p.name)) != m_set.m_parameters.size())
                throw CompileError{where + ": declared twice"};
            m_set.m_parameters.push_back(std::move(p));
        }
    }

private:
    RuleSet &m_set;
};

util::Expected<std::shared_ptr<const RuleSet>> RuleSet::parse(std::string_view json)
{
    simdjson::dom::parser parser;
    element root;
    if (auto error = parser.parse(simdjson::padded_string(json)).get(root))
        return util::Error{std::string("endpoint rule set: not valid JSON (") + simdjson::error_message(error) + ")"};
    auto set = std::make_shared<RuleSet>();
    RuleSetCompiler compiler(*set);
    try {
        simdjson::dom::object params;
        if (root["parameters"].get_object().get(params))
            throw CompileError{"no parameters object"};
        compiler.parameters(params);
        simdjson::dom::array rules;
        if (root["rules"].get_array().get(rules))
            throw CompileError{"no rules array"};
        std::size_t i = 0;
        for (element rule : rules)
            set->m_rules.push_back(compiler.rule(rule, "rules[" + std::to_string(i++) + "]"));
    } catch (const CompileError &e) {
        return util::Error{"endpoint rule set: " + e.message};
    } catch (const simdjson::simdjson_error &e) {
        return util::Error{std::string("endpoint rule set: unexpected JSON (") + e.what() + ")"};
    }
    return std::shared_ptr<const RuleSet>(std::move(set));
}

const RuleParameter *RuleSet::parameter(std::string_view name) const
{
    for (const RuleParameter &p : m_parameters) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

} // namespace cumulus::endpoints
