#include "endpoints/RuleValue.h"

#include "model/JsonText.h"

#include <simdjson.h>

namespace cumulus::endpoints {

namespace {

RuleValue fromElement(simdjson::dom::element e)
{
    using simdjson::dom::element_type;
    switch (e.type()) {
    case element_type::BOOL:
        return RuleValue(bool(e.get_bool().value_unsafe()));
    case element_type::STRING:
        return RuleValue(std::string(e.get_string().value_unsafe()));
    case element_type::INT64:
        return RuleValue(std::int64_t(e.get_int64().value_unsafe()));
    case element_type::UINT64:
    case element_type::DOUBLE:
        throw std::runtime_error("a number that is not a 64-bit integer");
    case element_type::ARRAY: {
        RuleValue::Array items;
        const simdjson::dom::array list = e.get_array().value_unsafe();
        for (simdjson::dom::element item : list)
            items.push_back(fromElement(item));
        return RuleValue(std::move(items));
    }
    case element_type::OBJECT: {
        RuleValue::Object members;
        const simdjson::dom::object members_ = e.get_object().value_unsafe();
        for (auto [key, value] : members_)
            members.emplace_back(std::string(key), fromElement(value));
        return RuleValue(std::move(members));
    }
    case element_type::NULL_VALUE:
        return {};
    }
    return {};
}

} // namespace

util::Expected<RuleValue> RuleValue::fromJson(std::string_view json)
{
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (auto error = parser.parse(simdjson::padded_string(json)).get(root))
        return util::Error{std::string("not valid JSON (") + simdjson::error_message(error) + ")"};
    try {
        return fromElement(root);
    } catch (const std::runtime_error &e) {
        return util::Error{e.what()};
    }
}

RuleValue RuleValue::member(std::string_view name) const
{
    if (m_kind != Kind::Object)
        return {};
    for (const auto &[key, value] : *m_object) {
        if (key == name)
            return value;
    }
    return {};
}

std::string RuleValue::toJson() const
{
    switch (m_kind) {
    case Kind::None:
        return "null";
    case Kind::Bool:
        return m_bool ? "true" : "false";
    case Kind::Int:
        return std::to_string(m_int);
    case Kind::String: {
        std::string out;
        model::appendJsonString(out, m_string);
        return out;
    }
    case Kind::Array: {
        std::string out = "[";
        for (std::size_t i = 0; i < m_array->size(); ++i)
            out += (i ? "," : "") + (*m_array)[i].toJson();
        return out + "]";
    }
    case Kind::Object: {
        std::string out = "{";
        bool first = true;
        for (const auto &[key, value] : *m_object) {
            if (!first)
                out += ',';
            first = false;
            model::appendJsonString(out, key);
            out += ':' + value.toJson();
        }
        return out + "}";
    }
    }
    return "null";
}

std::string RuleValue::display() const
{
    switch (m_kind) {
    case Kind::None:
        return "(unset)";
    case Kind::String:
        return m_string;
    default:
        return toJson();
    }
}

bool operator==(const RuleValue &a, const RuleValue &b)
{
    if (a.m_kind != b.m_kind)
        return false;
    switch (a.m_kind) {
    case RuleValue::Kind::None:
        return true;
    case RuleValue::Kind::Bool:
        return a.m_bool == b.m_bool;
    case RuleValue::Kind::Int:
        return a.m_int == b.m_int;
    case RuleValue::Kind::String:
        return a.m_string == b.m_string;
    case RuleValue::Kind::Array:
        return *a.m_array == *b.m_array;
    case RuleValue::Kind::Object: {
        // Objects compare as sets of members: JSON gives their order no meaning.
        if (a.m_object->size() != b.m_object->size())
            return false;
        for (const auto &[key, value] : *a.m_object) {
            if (b.member(key) != value)
                return false;
        }
        return true;
    }
    }
    return false;
}

const char *kindName(RuleValue::Kind kind)
{
    switch (kind) {
    case RuleValue::Kind::None: return "unset";
    case RuleValue::Kind::Bool: return "boolean";
    case RuleValue::Kind::Int: return "integer";
    case RuleValue::Kind::String: return "string";
    case RuleValue::Kind::Array: return "array";
    case RuleValue::Kind::Object: return "object";
    }
    return "?";
}

} // namespace cumulus::endpoints
