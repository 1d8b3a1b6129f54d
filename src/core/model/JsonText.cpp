#include "model/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <simdjson.h>

namespace cumulus::model {

namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace

std::optional<std::string> decodeJsonString(std::string_view json)
{
    while (!json.empty()
           && (json.back() == ' ' || json.back() == '\n' || json.back() == '\r'
               || json.back() == '\t'))
        json.remove_suffix(1);
    if (json.size() < 2 || json.front() != '"' || json.back() != '"')
        return std::nullopt;
    json = json.substr(1, json.size() - 2);
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (++i >= json.size())
            return std::nullopt;
        switch (json[i]) {
        case '"':
            out.push_back('"');
            break;
        case '\\':
            out.push_back('\\');
            break;
        case '/':
            out.push_back('/');
            break;
        case 'b':
            out.push_back('\b');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'n':
            out.push_back('\n');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'u': {
            auto readUnit = [&](std::size_t at) -> int {
                if (at + 4 > json.size())
                    return -1;
                int value = 0;
                for (std::size_t k = at; k < at + 4; ++k) {
                    const int d = hexDigit(json[k]);
                    if (d < 0)
                        return -1;
                    value = value * 16 + d;
                }
                return value;
            };
            int unit = readUnit(i + 1);
            if (unit < 0)
                return std::nullopt;
            i += 4;
            char32_t cp = char32_t(unit);
            if (unit >= 0xD800 && unit <= 0xDBFF && i + 6 < json.size() && json[i + 1] == '\\'
                && json[i + 2] == 'u') {
                const int low = readUnit(i + 3);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
                    i += 6;
                }
            }
            appendUtf8(out, cp);
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return out;
}

std::optional<std::string> jsonStringMember(std::string_view json, std::string_view name)
{
    thread_local simdjson::dom::parser parser; // traits are small: its buffers stay small
    simdjson::dom::object object;
    std::string_view value;
    if (parser.parse(json.data(), json.size()).get_object().get(object) || object[name].get_string().get(value))
        return std::nullopt;
    return std::string(value);
}

QJsonValue parseJsonValue(std::string_view json)
{
    // QJsonDocument wants an object or an array at the top.
    QByteArray wrapped;
    wrapped.reserve(qsizetype(json.size()) + 2);
    wrapped.append('[').append(json.data(), qsizetype(json.size())).append(']');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return document.array().at(0);
}

void appendJsonString(std::string &out, std::string_view text)
{
    static constexpr char digits[] = "0123456789abcdef";
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out.append("\\u00");
                out.push_back(digits[(c >> 4) & 0xf]);
                out.push_back(digits[c & 0xf]);
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

} // namespace cumulus::model
