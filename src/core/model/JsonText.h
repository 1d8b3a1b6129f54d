#pragma once

#include <QJsonValue>

#include <optional>
#include <string>
#include <string_view>

namespace cumulus::model {

// Trait values are kept as JSON text (Trait::json); these decode them when needed.

// A JSON string literal (with its quotes) decoded to UTF-8; nullopt if json is not a string.
std::optional<std::string> decodeJsonString(std::string_view json);

// A JSON object's string member, decoded to UTF-8; nullopt if json is not an object or the
// member is missing or not a string. Cheaper than parseJsonValue for one member of a trait.
std::optional<std::string> jsonStringMember(std::string_view json, std::string_view name);

// Any JSON value; an undefined QJsonValue if json is not valid JSON.
QJsonValue parseJsonValue(std::string_view json);

// Appends text as a JSON string literal (quotes and escapes added).
void appendJsonString(std::string &out, std::string_view text);

} // namespace cumulus::model
