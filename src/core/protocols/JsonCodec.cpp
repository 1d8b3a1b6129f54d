#include "protocols/JsonCodec.h"

#include "model/JsonText.h"
#include "model/Prelude.h"
#include "protocols/Timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVarLengthArray>

#include <simdjson.h>

#include <cmath>

namespace cumulus::protocols {

using model::Member;
using model::Shape;
using model::ShapeId;
using model::ShapeType;
using model::Trait;

std::optional<ShapeType> typeOf(const model::Model &model, const ShapeId &target)
{
    if (const Shape *shape = model.find(target))
        return shape->type;
    return model::preludeShapeType(target.text());
}

// Where a value sits in the input ("$.Item.id.S"), spelled out only for a problem.
struct JsonCodec::Path {
    const Path *parent = nullptr;
    std::string_view root;       // the top: what the caller named it
    QStringView key;             // a member or map key
    std::string_view memberName; // a member the input lacks
    qsizetype index = -1;        // a list element

    static Path top(std::string_view name)
    {
        Path p;
        p.root = name;
        return p;
    }
    Path withKey(QStringView k) const { Path p; p.parent = this; p.key = k; return p; }
    Path withMember(std::string_view name) const { Path p; p.parent = this; p.memberName = name; return p; }
    Path at(qsizetype i) const { Path p; p.parent = this; p.index = i; return p; }

    std::string text() const
    {
        if (!parent)
            return std::string(root);
        std::string out = parent->text();
        if (index >= 0)
            return out + "[" + std::to_string(index) + "]";
        return out + "." + (memberName.empty() ? key.toString().toStdString() : std::string(memberName));
    }
};

namespace {

using Path = JsonCodec::Path;

std::string describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "a boolean";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a string";
    case QJsonValue::Array: return "a list";
    case QJsonValue::Object: return "an object";
    default: return "nothing";
    }
}

bool isSpecialFloat(const QString &text)
{
    return text == QLatin1String("NaN") || text == QLatin1String("Infinity") || text == QLatin1String("-Infinity");
}

std::optional<double> timestampOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        const std::string text = value.toString().toStdString();
        if (auto t = parseDateTime(text))
            return t;
        if (auto t = parseHttpDate(text))
            return t;
    }
    return std::nullopt;
}

QJsonValue epochValue(double seconds)
{
    if (seconds == std::floor(seconds) && std::fabs(seconds) < 9e15)
        return QJsonValue(qint64(seconds));
    return QJsonValue(seconds);
}

// Member names are Smithy identifiers (ASCII): compared with the input's keys without a copy.
const Member *memberNamed(const Shape &shape, const QString &key)
{
    for (const Member &m : shape.members) {
        if (key == QLatin1StringView(m.name.data(), qsizetype(m.name.size())))
            return &m;
    }
    return nullptr;
}

} // namespace

const Shape *JsonCodec::targetOf(const Member &member) const
{
    return member.targetShape ? member.targetShape : m_model.find(member.target);
}

const Trait *JsonCodec::jsonName(const Member &member) const
{
    return m_options.useJsonName ? member.trait("smithy.api#jsonName") : nullptr;
}

std::string JsonCodec::wireName(const Member &member) const
{
    if (const Trait *t = jsonName(member))
        return model::decodeJsonString(t->json).value_or(member.name);
    return member.name;
}

std::string JsonCodec::timestampFormat(const ShapeId &target, const std::vector<Trait> &memberTraits) const
{
    if (const Trait *t = model::findTrait(memberTraits, "smithy.api#timestampFormat"))
        return model::decodeJsonString(t->json).value_or(m_options.timestampFormat);
    if (const Shape *shape = m_model.find(target)) {
        if (const Trait *t = shape->trait("smithy.api#timestampFormat"))
            return model::decodeJsonString(t->json).value_or(m_options.timestampFormat);
    }
    return m_options.timestampFormat;
}

void JsonCodec::writeStructure(const Shape &structure, const QJsonObject &input, const std::string &path,
                               std::vector<InputProblem> &problems, util::Random *random, JsonWriter &out,
                               const MemberFilter &written, bool topLevel) const
{
    const Path root = Path::top(path);
    structureToWire(structure, input, root, problems, random, out, written, topLevel);
}

void JsonCodec::writeValue(const Member &member, const QJsonValue &value, const std::string &path,
                           std::vector<InputProblem> &problems, util::Random *random, JsonWriter &out) const
{
    const Path root = Path::top(path);
    toWire(member, value, root, problems, random, out);
}

QJsonObject JsonCodec::structureToWire(const Shape &structure, const QJsonObject &input, const std::string &path,
                                       std::vector<InputProblem> &problems, util::Random *random) const
{
    JsonWriter out;
    writeStructure(structure, input, path, problems, random, out);
    return QJsonDocument::fromJson(QByteArray::fromStdString(out.text())).object();
}

void JsonCodec::structureToWire(const Shape &structure, const QJsonObject &input, const Path &path,
                                std::vector<InputProblem> &problems, util::Random *random, JsonWriter &out,
                                const MemberFilter &written, bool topLevel) const
{
    JsonWriter unwritten; // members checked but bound elsewhere
    QVarLengthArray<bool, 64> given(qsizetype(structure.members.size()), false);
    out.beginObject();
    for (auto it = input.begin(), end = input.end(); it != end; ++it) {
        const QString key = it.key();
        const Path memberPath = path.withKey(key);
        const Member *member = memberNamed(structure, key);
        if (!member) {
            problems.push_back({memberPath.text(), "unknown member " + key.toStdString() + " of "
                                                       + std::string(structure.id.name())});
            continue;
        }
        const QJsonValue value = it.value();
        if (value.isNull())
            continue; // as if absent
        given[member - structure.members.data()] = true;
        JsonWriter &to = !written || written(*member) ? out : unwritten;
        if (const Trait *t = jsonName(*member))
            to.key(model::decodeJsonString(t->json).value_or(member->name));
        else
            to.key(std::string_view(member->name)); // the key itself, already UTF-8
        toWire(*member, value, memberPath, problems, random, to);
    }
    for (std::size_t i = 0; i < structure.members.size(); ++i) {
        const Member &member = structure.members[i];
        if (given[qsizetype(i)] || !(member.idempotencyToken || member.defaultValue || member.required))
            continue;
        const Path memberPath = path.withMember(member.name);
        JsonWriter &to = !written || written(member) ? out : unwritten;
        if (member.idempotencyToken && random) {
            to.key(wireName(member));
            to.string(random->uuid4().toString(QUuid::WithoutBraces));
            continue;
        }
        if (structure.type != ShapeType::Structure)
            continue;
        const Trait *fallback = member.defaultValue;
        if (fallback && !topLevel && !member.clientOptional) {
            // Smithy clients send a member's default when the caller gives no value.
            const QJsonValue value = model::parseJsonValue(fallback->json);
            if (!value.isNull()) {
                to.key(wireName(member));
                toWire(member, value, memberPath, problems, random, to);
            }
        } else if (!fallback && member.required && !member.clientOptional) {
            problems.push_back({memberPath.text(), "missing required member " + member.name});
        }
    }
    out.endObject();
    if (structure.type == ShapeType::Union && input.size() != 1)
        problems.push_back({path.text(), "a union takes exactly one member; " + std::to_string(input.size()) + " were given"});
}

void JsonCodec::toWire(const Member &member, const QJsonValue &value, const Path &path,
                       std::vector<InputProblem> &problems, util::Random *random, JsonWriter &out) const
{
    const Shape *shape = targetOf(member);
    const auto type = shape ? std::optional<ShapeType>(shape->type) : model::preludeShapeType(member.target.text());
    auto wrong = [&](const char *expected) {
        problems.push_back({path.text(), std::string("expected ") + expected + ", got " + describe(value)});
        out.null();
    };
    if (!type)
        return out.value(value);
    switch (*type) {
    case ShapeType::Structure:
    case ShapeType::Union:
        if (!value.isObject())
            return wrong("an object");
        if (!shape)
            return out.value(value);
        return structureToWire(*shape, value.toObject(), path, problems, random, out, {}, false);
    case ShapeType::List:
    case ShapeType::Set: {
        if (!value.isArray())
            return wrong("a list");
        const Member *item = shape ? shape->member("member") : nullptr;
        out.beginArray();
        qsizetype index = 0;
        const QJsonArray elements = value.toArray();
        for (const QJsonValue &element : elements) {
            const Path itemPath = path.at(index++);
            if (element.isNull())
                out.null(); // sparse lists keep nulls
            else if (item)
                toWire(*item, element, itemPath, problems, random, out);
            else
                out.value(element);
        }
        return out.endArray();
    }
    case ShapeType::Map: {
        if (!value.isObject())
            return wrong("an object (a map)");
        const Member *item = shape ? shape->member("value") : nullptr;
        out.beginObject();
        const QJsonObject entries = value.toObject();
        for (auto it = entries.begin(), end = entries.end(); it != end; ++it) {
            const QString key = it.key();
            const QJsonValue element = it.value();
            out.key(key);
            if (element.isNull())
                out.null();
            else if (item)
                toWire(*item, element, path.withKey(key), problems, random, out);
            else
                out.value(element);
        }
        return out.endObject();
    }
    case ShapeType::String:
    case ShapeType::Enum:
        return value.isString() ? out.value(value) : wrong("a string");
    case ShapeType::Boolean:
        return value.isBool() ? out.value(value) : wrong("true or false");
    case ShapeType::Byte:
    case ShapeType::Short:
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::IntEnum:
    case ShapeType::BigInteger:
        if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
            return wrong("a whole number");
        return out.value(value);
    case ShapeType::Float:
    case ShapeType::Double:
    case ShapeType::BigDecimal:
        if ((value.isString() && isSpecialFloat(value.toString())) || value.isDouble())
            return out.value(value);
        return wrong("a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    case ShapeType::Timestamp: {
        const auto seconds = timestampOf(value);
        if (!seconds)
            return wrong("a timestamp (ISO 8601 text such as \"2024-01-31T12:00:00Z\", or epoch seconds)");
        const std::string format = timestampFormat(member.target, member.traits);
        if (format == "date-time")
            return out.string(std::string_view(formatDateTime(*seconds)));
        if (format == "http-date")
            return out.string(std::string_view(formatHttpDate(*seconds)));
        return out.value(epochValue(*seconds));
    }
    case ShapeType::Blob: {
        if (!value.isString())
            return wrong("base64 text");
        const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return wrong("valid base64 text");
        return out.string(QString::fromLatin1(decoded.decoded.toBase64()));
    }
    default:
        return out.value(value);
    }
}

QJsonObject JsonCodec::structureFromWire(const Shape &structure, const QJsonObject &wire, const MemberFilter &only) const
{
    bool changed = false;
    return structureFromWire(structure, wire, only, changed);
}

QJsonObject JsonCodec::structureFromWire(const Shape &structure, const QJsonObject &wire, const MemberFilter &only,
                                         bool &changed) const
{
    struct Read {
        const Member *member;
        QJsonValue value;
    };
    QVarLengthArray<Read, 16> read;
    QVarLengthArray<bool, 64> present(qsizetype(structure.members.size()), false);
    bool differs = false; // from the wire: else the wire object is the document
    for (auto it = wire.begin(); it != wire.end(); ++it) {
        const QString key = it.key();
        const Member *member = nullptr;
        for (const Member &m : structure.members) {
            const Trait *t = jsonName(m);
            if (t ? key == QString::fromStdString(model::decodeJsonString(t->json).value_or(m.name))
                  : key == QLatin1StringView(m.name.data(), qsizetype(m.name.size()))) {
                member = &m;
                differs = differs || t;
                break;
            }
        }
        const QJsonValue value = it.value();
        if (!member || (only && !only(*member)) || value.isNull()) {
            differs = true; // not the shape's, or not in the body: left out
            continue;
        }
        present[member - structure.members.data()] = true;
        bool valueChanged = false;
        QJsonValue converted = fromWire(*member, value, valueChanged);
        differs = differs || valueChanged;
        read.push_back({member, std::move(converted)});
    }
    if (structure.type == ShapeType::Structure) {
        // What Smithy clients do for a member the response left out: its default, or, for a
        // required one, the zero value of its type ("error correction").
        for (std::size_t i = 0; i < structure.members.size(); ++i) {
            const Member &member = structure.members[i];
            if (present[qsizetype(i)] || (only && !only(member)))
                continue;
            if (const Trait *fallback = member.defaultValue) {
                const QJsonValue defaultValue = model::parseJsonValue(fallback->json);
                if (defaultValue.isNull())
                    continue;
                bool ignored = false;
                read.push_back({&member, fromWire(member, defaultValue, ignored)});
                differs = true;
            } else if (member.required) {
                read.push_back({&member, zeroValue(member.target)});
                differs = true;
            }
        }
    }
    if (!differs)
        return wire;
    changed = true;
    QJsonObject out;
    for (const Read &r : read)
        out.insert(QLatin1StringView(r.member->name.data(), qsizetype(r.member->name.size())), r.value);
    return out;
}

QJsonValue JsonCodec::zeroValue(const ShapeId &target) const
{
    switch (typeOf(m_model, target).value_or(ShapeType::Document)) {
    case ShapeType::Boolean: return false;
    case ShapeType::String:
    case ShapeType::Enum:
    case ShapeType::Blob: return QString();
    case ShapeType::Byte:
    case ShapeType::Short:
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::IntEnum:
    case ShapeType::BigInteger:
    case ShapeType::Float:
    case ShapeType::Double:
    case ShapeType::BigDecimal:
    case ShapeType::Timestamp: return 0;
    case ShapeType::List:
    case ShapeType::Set: return QJsonArray();
    case ShapeType::Map:
    case ShapeType::Structure:
    case ShapeType::Union: return QJsonObject();
    default: return QJsonValue();
    }
}

QJsonValue JsonCodec::fromWire(const Member &member, const QJsonValue &wire, bool &changed) const
{
    const Shape *shape = targetOf(member);
    const auto type = shape ? std::optional<ShapeType>(shape->type) : model::preludeShapeType(member.target.text());
    if (!type || wire.isNull())
        return wire;
    switch (*type) {
    case ShapeType::Structure:
    case ShapeType::Union: {
        if (!shape || !wire.isObject())
            return wire;
        bool objectChanged = false;
        QJsonObject converted = structureFromWire(*shape, wire.toObject(), {}, objectChanged);
        if (!objectChanged)
            return wire;
        changed = true;
        return converted;
    }
    case ShapeType::List:
    case ShapeType::Set: {
        if (!wire.isArray()) {
            changed = true;
            return QJsonArray();
        }
        const Member *item = shape ? shape->member("member") : nullptr;
        if (!item)
            return wire;
        const QJsonArray elements = wire.toArray();
        QJsonArray out; // copied from the wire at the first element that changes
        bool copied = false;
        for (qsizetype i = 0; i < elements.size(); ++i) {
            bool elementChanged = false;
            QJsonValue converted = fromWire(*item, elements.at(i), elementChanged);
            if (elementChanged && !copied) {
                out = elements;
                copied = true;
            }
            if (elementChanged)
                out.replace(i, converted);
        }
        if (!copied)
            return wire;
        changed = true;
        return out;
    }
    case ShapeType::Map: {
        if (!wire.isObject()) {
            changed = true;
            return QJsonObject();
        }
        const Member *item = shape ? shape->member("value") : nullptr;
        if (!item)
            return wire;
        const QJsonObject entries = wire.toObject();
        QJsonObject out;
        bool copied = false;
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            bool entryChanged = false;
            QJsonValue converted = fromWire(*item, it.value(), entryChanged);
            if (entryChanged && !copied) {
                out = entries;
                copied = true;
            }
            if (entryChanged)
                out.insert(it.key(), converted);
        }
        if (!copied)
            return wire;
        changed = true;
        return out;
    }
    case ShapeType::Timestamp: {
        if (wire.isDouble())
            return wire; // epoch seconds, as documents hold them
        if (const auto seconds = timestampOf(wire)) {
            changed = true;
            return epochValue(*seconds);
        }
        return wire;
    }
    default:
        return wire;
    }
}

// Mirrors structureFromWire and fromWire: where they would change something, this says no.
bool JsonCodec::isDocumentAsIs(const Shape &structure, const simdjson::dom::object &wire) const
{
    if (m_options.useJsonName)
        return false; // renamed members: built by structureFromWire
    QVarLengthArray<bool, 64> present(qsizetype(structure.members.size()), false);
    for (const auto field : wire) {
        const Member *member = nullptr;
        for (const Member &m : structure.members) {
            if (m.name == field.key) {
                member = &m;
                break;
            }
        }
        if (!member || field.value.is_null())
            return false; // left out
        bool &seen = present[member - structure.members.data()];
        if (seen)
            return false; // twice: Qt's parser keeps the last
        seen = true;
        if (!isValueAsIs(*member, field.value))
            return false;
    }
    if (structure.type == ShapeType::Structure) {
        for (std::size_t i = 0; i < structure.members.size(); ++i) {
            const Member &member = structure.members[i];
            if (present[qsizetype(i)])
                continue;
            if (member.defaultValue ? !model::parseJsonValue(member.defaultValue->json).isNull() : member.required)
                return false; // filled in
        }
    }
    return true;
}

bool JsonCodec::isValueAsIs(const Member &member, const simdjson::dom::element &wire) const
{
    const Shape *shape = targetOf(member);
    const auto type = shape ? std::optional<ShapeType>(shape->type) : model::preludeShapeType(member.target.text());
    if (!type || wire.is_null())
        return true;
    switch (*type) {
    case ShapeType::Structure:
    case ShapeType::Union:
        return !shape || !wire.is_object() || isDocumentAsIs(*shape, wire.get_object().value_unsafe());
    case ShapeType::List:
    case ShapeType::Set: {
        if (!wire.is_array())
            return false;
        const Member *item = shape ? shape->member("member") : nullptr;
        if (!item)
            return true;
        const simdjson::dom::array elements = wire.get_array().value_unsafe(); // not in the for: dangles
        for (const auto element : elements) {
            if (!isValueAsIs(*item, element))
                return false;
        }
        return true;
    }
    case ShapeType::Map: {
        if (!wire.is_object())
            return false;
        const Member *item = shape ? shape->member("value") : nullptr;
        if (!item)
            return true;
        const simdjson::dom::object entries = wire.get_object().value_unsafe(); // not in the for: dangles
        for (const auto field : entries) {
            if (!isValueAsIs(*item, field.value))
                return false;
        }
        return true;
    }
    case ShapeType::Timestamp:
        if (!wire.is_string())
            return true; // epoch seconds as they are (or not a timestamp: left as it came)
    {
        const std::string_view text = wire.get_string().value_unsafe();
        return !timestampOf(QString::fromUtf8(text.data(), qsizetype(text.size())));
    }
    default:
        return true;
    }
}

} // namespace cumulus::protocols
