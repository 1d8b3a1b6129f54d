#include "protocols/OutputDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

#include <simdjson.h>

#include <algorithm>
#include <mutex>
#include <vector>

namespace cumulus::protocols {

struct OutputDocument::Parsed {
    std::string body;
    simdjson::dom::document dom;
    std::once_flag built;
    QJsonObject object;
};

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Writes what QJsonDocument writes for the QJsonObject Qt's parser makes of the same text; false
// where that object's key order is Qt's own business — a key twice (Qt keeps the last) or a key
// outside ASCII (Qt orders those against ASCII keys by UTF-8 length first) — and the caller then
// prints Qt's object.
bool write(const element &value, JsonWriter &out)
{
    switch (value.type()) {
    case element_type::OBJECT: {
        std::vector<std::pair<std::string_view, element>> members;
        const simdjson::dom::object object = value.get_object().value_unsafe(); // not in the for: dangles
        for (const auto field : object) {
            if (std::any_of(field.key.begin(), field.key.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
                return false;
            members.emplace_back(field.key, field.value);
        }
        std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        out.beginObject();
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i > 0 && members[i].first == members[i - 1].first)
                return false;
            out.key(members[i].first);
            if (!write(members[i].second, out))
                return false;
        }
        out.endObject();
        return true;
    }
    case element_type::ARRAY: {
        out.beginArray();
        const simdjson::dom::array array = value.get_array().value_unsafe();
        for (const element item : array) {
            if (!write(item, out))
                return false;
        }
        out.endArray();
        return true;
    }
    case element_type::INT64: // Qt holds a whole number that fits 64 bits as an integer…
        out.integer(value.get_int64().value_unsafe());
        return true;
    case element_type::UINT64: // …and a larger one as a double
        out.number(double(value.get_uint64().value_unsafe()));
        return true;
    case element_type::DOUBLE:
        out.number(value.get_double().value_unsafe());
        return true;
    case element_type::STRING:
        out.string(value.get_string().value_unsafe());
        return true;
    case element_type::BOOL:
        out.boolean(value.get_bool().value_unsafe());
        return true;
    case element_type::NULL_VALUE:
        out.null();
        return true;
    }
    return false;
}

// UTF-8 as Qt's JSON parser reads it: a leading U+FEFF kept (QString::fromUtf8 drops it).
QString fromUtf8(std::string_view text)
{
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    return decoder(QByteArrayView(text.data(), qsizetype(text.size())));
}

// The QJsonObject of a parse Qt's parser refuses: a number that underflows, such as 1e-400, which
// simdjson (like botocore's json) reads as 0 and Qt calls illegal.
QJsonValue qtValue(const element &value)
{
    switch (value.type()) {
    case element_type::OBJECT: {
        QJsonObject object;
        const simdjson::dom::object members = value.get_object().value_unsafe();
        for (const auto field : members) // a key twice: the last wins, as with Qt's parser
            object.insert(fromUtf8(field.key), qtValue(field.value));
        return object;
    }
    case element_type::ARRAY: {
        QJsonArray array;
        const simdjson::dom::array items = value.get_array().value_unsafe();
        for (const element item : items)
            array.append(qtValue(item));
        return array;
    }
    case element_type::INT64: return qint64(value.get_int64().value_unsafe());
    case element_type::UINT64: return double(value.get_uint64().value_unsafe());
    case element_type::DOUBLE: return value.get_double().value_unsafe();
    case element_type::STRING: return fromUtf8(value.get_string().value_unsafe());
    case element_type::BOOL: return value.get_bool().value_unsafe();
    case element_type::NULL_VALUE: return QJsonValue();
    }
    return QJsonValue();
}

} // namespace

OutputDocument::OutputDocument(QJsonObject object) : m_object(std::move(object)) {}

OutputDocument::OutputDocument(std::string body, simdjson::dom::document &&parsed) : m_parsed(std::make_shared<Parsed>())
{
    m_parsed->body = std::move(body);
    m_parsed->dom = std::move(parsed);
}

const QJsonObject &OutputDocument::object() const
{
    if (!m_parsed)
        return m_object;
    Parsed &parsed = *m_parsed;
    std::call_once(parsed.built, [&parsed] {
        const QByteArray text = QByteArray::fromRawData(parsed.body.data(), qsizetype(parsed.body.size()));
        QJsonParseError error;
        parsed.object = QJsonDocument::fromJson(text, &error).object();
        if (error.error != QJsonParseError::NoError)
            parsed.object = qtValue(parsed.dom.root()).toObject();
    });
    return parsed.object;
}

bool OutputDocument::isEmpty() const
{
    if (!m_parsed)
        return m_object.isEmpty();
    const auto root = m_parsed->dom.root().get_object();
    return root.error() || root.value_unsafe().size() == 0;
}

std::string OutputDocument::toJson(JsonWriter::Layout layout) const
{
    if (m_parsed) {
        JsonWriter out(layout);
        if (write(m_parsed->dom.root(), out))
            return out.take();
    }
    const QJsonDocument document(object());
    return document.toJson(layout == JsonWriter::Layout::Indented ? QJsonDocument::Indented : QJsonDocument::Compact)
        .toStdString();
}

} // namespace cumulus::protocols
