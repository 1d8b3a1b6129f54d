#pragma once

#include "util/Expected.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cumulus::endpoints {

// A value in an endpoint rule set: unset, a boolean, an integer (substring's bounds), a string, an
// array (stringArray parameters, an ARN's resourceId) or an object (a partition, a parsed URL, an
// endpoint's properties). Arrays and objects are shared, so copying a value is cheap.
class RuleValue {
public:
    enum class Kind : std::uint8_t { None, Bool, Int, String, Array, Object };
    using Array = std::vector<RuleValue>;
    using Object = std::vector<std::pair<std::string, RuleValue>>; // in the order written

    RuleValue() = default;
    RuleValue(bool value) : m_kind(Kind::Bool), m_bool(value) {}
    RuleValue(std::int64_t value) : m_kind(Kind::Int), m_int(value) {}
    RuleValue(int value) : m_kind(Kind::Int), m_int(value) {}
    RuleValue(std::string value) : m_kind(Kind::String), m_string(std::move(value)) {}
    RuleValue(const char *value) : m_kind(Kind::String), m_string(value) {}
    RuleValue(Array value) : m_kind(Kind::Array), m_array(std::make_shared<const Array>(std::move(value))) {}
    RuleValue(Object value) : m_kind(Kind::Object), m_object(std::make_shared<const Object>(std::move(value))) {}

    Kind kind() const { return m_kind; }
    bool isSet() const { return m_kind != Kind::None; }
    bool isBool() const { return m_kind == Kind::Bool; }
    bool isString() const { return m_kind == Kind::String; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isObject() const { return m_kind == Kind::Object; }

    bool toBool() const { return m_bool; }
    std::int64_t toInt() const { return m_int; }
    const std::string &toString() const { return m_string; }
    const Array &toArray() const { return *m_array; }
    const Object &toObject() const { return *m_object; }

    // JSON text as a value (null becomes unset; numbers must be integers).
    static util::Expected<RuleValue> fromJson(std::string_view json);

    // An object's member, or an unset value.
    RuleValue member(std::string_view name) const;

    // JSON text (objects keep their order); unset is null.
    std::string toJson() const;

    // "true", "us-east-1", "[a, b]": how a value reads in an error message or a template.
    std::string display() const;

    friend bool operator==(const RuleValue &a, const RuleValue &b);
    friend bool operator!=(const RuleValue &a, const RuleValue &b) { return !(a == b); }

private:
    Kind m_kind = Kind::None;
    bool m_bool = false;
    std::int64_t m_int = 0;
    std::string m_string;
    std::shared_ptr<const Array> m_array;
    std::shared_ptr<const Object> m_object;
};

const char *kindName(RuleValue::Kind kind);

} // namespace cumulus::endpoints
