#include "endpoints/RuleEvaluator.h"

#include "endpoints/RuleFunctions.h"

namespace cumulus::endpoints {

namespace {

struct RuleError {
    std::string message;
};

class Evaluation {
public:
    Evaluation(const RuleSet &rules, const Partitions &partitions)
        : m_rules(rules), m_partitions(partitions), m_vars(rules.variableCount())
    {
    }

    std::vector<RuleValue> &vars() { return m_vars; }

    RuleValue value(const Expr &e)
    {
        switch (e.kind) {
        case Expr::Kind::Literal:
            return e.literal;
        case Expr::Kind::Variable:
            return m_vars[std::size_t(e.variable)];
        case Expr::Kind::Template:
            return render(e);
        case Expr::Kind::Call:
            return call(e);
        case Expr::Kind::Array: {
            RuleValue::Array items;
            items.reserve(e.args.size());
            for (const Expr &item : e.args)
                items.push_back(value(item));
            return RuleValue(std::move(items));
        }
        case Expr::Kind::Object: {
            RuleValue::Object members;
            members.reserve(e.args.size());
            for (std::size_t i = 0; i < e.args.size(); ++i)
                members.emplace_back(e.keys[i], value(e.args[i]));
            return RuleValue(std::move(members));
        }
        }
        return {};
    }

    std::string render(const Expr &e)
    {
        std::string out;
        for (const TemplatePart &part : e.parts) {
            out += part.text;
            if (part.variable < 0)
                continue;
            const RuleValue v = getAttr(m_vars[std::size_t(part.variable)], part.path);
            if (!v.isSet())
                throw RuleFault("template: " + m_rules.variableName(part.variable) + " is not set");
            out += v.display();
        }
        return out;
    }

    RuleValue call(const Expr &e)
    {
        RuleValue result;
        if (e.function == RuleFunction::GetAttr && !e.attrPath.empty()) {
            result = getAttr(value(e.args[0]), e.attrPath);
        } else {
            std::vector<RuleValue> args;
            args.reserve(e.args.size());
            for (const Expr &a : e.args)
                args.push_back(value(a));
            result = callRuleFunction(e.function, e.name, args, m_partitions);
        }
        if (e.assign >= 0) {
            RuleValue &slot = m_vars[std::size_t(e.assign)];
            if (slot.isSet())
                throw RuleFault("assign: " + m_rules.variableName(e.assign) + " is already bound");
            slot = result;
        }
        return result;
    }

    bool conditionsHold(const Rule &rule)
    {
        for (const Expr &c : rule.conditions) {
            const RuleValue v = call(c);
            if (!v.isSet() || (v.isBool() && !v.toBool()))
                return false;
        }
        return true;
    }

    // The first rule that answers, or nullopt.
    std::optional<RuleEndpoint> rules(const std::vector<Rule> &list)
    {
        for (const Rule &rule : list) {
            std::optional<RuleEndpoint> result = evaluate(rule);
            for (int slot : rule.assigned)
                m_vars[std::size_t(slot)] = RuleValue();
            if (result)
                return result;
        }
        return std::nullopt;
    }

    std::optional<RuleEndpoint> evaluate(const Rule &rule)
    {
        if (!conditionsHold(rule))
            return std::nullopt;
        switch (rule.type) {
        case Rule::Type::Tree:
            return rules(rule.rules);
        case Rule::Type::Error: {
            const RuleValue message = value(rule.error);
            throw RuleError{message.display()};
        }
        case Rule::Type::Endpoint: {
            RuleEndpoint endpoint;
            const RuleValue url = value(rule.url);
            if (!url.isString())
                throw RuleFault(std::string("the endpoint URL is a ") + kindName(url.kind()) + ", not a string");
            endpoint.url = url.toString();
            if (rule.properties.kind == Expr::Kind::Object)
                endpoint.properties = value(rule.properties);
            for (const auto &[name, values] : rule.headers) {
                std::vector<std::string> list;
                for (const Expr &v : values)
                    list.push_back(value(v).display());
                endpoint.headers.emplace_back(name, std::move(list));
            }
            return endpoint;
        }
        }
        return std::nullopt;
    }

private:
    const RuleSet &m_rules;
    const Partitions &m_partitions;
    std::vector<RuleValue> m_vars;
};

bool hasType(const RuleValue &v, RuleParameter::Type type)
{
    switch (type) {
    case RuleParameter::Type::String:
        return v.isString();
    case RuleParameter::Type::Boolean:
        return v.isBool();
    case RuleParameter::Type::StringArray:
        if (!v.isArray())
            return false;
        for (const RuleValue &item : v.toArray()) {
            if (!item.isString())
                return false;
        }
        return true;
    }
    return false;
}

const char *typeName(RuleParameter::Type type)
{
    switch (type) {
    case RuleParameter::Type::String: return "a string";
    case RuleParameter::Type::Boolean: return "a boolean";
    case RuleParameter::Type::StringArray: return "a list of strings";
    }
    return "?";
}

} // namespace

util::Expected<RuleEndpoint> evaluateRules(const RuleSet &rules, const RuleParams &params, const Partitions &partitions)
{
    Evaluation evaluation(rules, partitions);
    std::vector<RuleValue> &vars = evaluation.vars();
    const auto &declared = rules.parameters();
    for (const auto &[name, value] : params) {
        for (std::size_t i = 0; i < declared.size(); ++i) {
            if (declared[i].name == name && value.isSet()) {
                if (!hasType(value, declared[i].type))
                    return util::Error{"endpoint parameter " + name + " must be " + typeName(declared[i].type)
                                       + ", not " + value.display()};
                vars[i] = value;
            }
        }
    }
    for (std::size_t i = 0; i < declared.size(); ++i) {
        if (!vars[i].isSet())
            vars[i] = declared[i].defaultValue;
        if (!vars[i].isSet() && declared[i].required)
            return util::Error{"endpoint parameter " + declared[i].name + " is required and has no value"};
    }
    try {
        if (auto endpoint = evaluation.rules(rules.rules()))
            return std::move(*endpoint);
    } catch (const RuleError &e) {
        return util::Error{e.message};
    } catch (const RuleFault &e) {
        return util::Error{"endpoint rules: " + std::string(e.what())};
    }
    std::string list;
    for (std::size_t i = 0; i < declared.size(); ++i) {
        if (vars[i].isSet())
            list += (list.empty() ? "" : ", ") + declared[i].name + "=" + vars[i].display();
    }
    return util::Error{"no endpoint rule matches (" + list + ")"};
}

} // namespace cumulus::endpoints
