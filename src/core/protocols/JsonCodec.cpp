#include "protocols/JsonCodec.h"

#include "model/JsonText.h"
#include "model/Prelude.h"
#include "protocols/Timestamps.h"

#include <QJsonArray>

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

namespace {

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

} // namespace

std::string JsonCodec::wireName(const Member &member) const
{
    if (m_options.useJsonName) {
        if (const Trait *t = member.trait("smithy.api#jsonName"))
            return model::decodeJsonString(t->json).value_or(member.name);
    }
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

QJsonObject JsonCodec::structureToWire(const Shape &structure, const QJsonObject &input,
                                       const std::string &path, std::vector<InputProblem> &problems,
                                       util::Random *random, bool topLevel) const
{
    QJsonObject wire;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const Member *member = structure.member(it.key().toStdString());
        const std::string memberPath = path + "." + it.key().toStdString();
        if (!member) {
            problems.push_back({memberPath, "unknown member " + it.key().toStdString() + " of "
                                                + std::string(structure.id.name())});
            continue;
        }
        if (it.value().isNull())
            continue; // as if absent
        wire.insert(QString::fromStdString(wireName(*member)),
                    toWire(member->target, member->traits, it.value(), memberPath, problems, random));
    }
    for (const Member &member : structure.members) {
        const QString name = QString::fromStdString(member.name);
        if (input.contains(name) && !input.value(name).isNull())
            continue;
        if (member.trait("smithy.api#idempotencyToken") && random) {
            wire.insert(QString::fromStdString(wireName(member)), random->uuid4().toString(QUuid::WithoutBraces));
        } else if (const Trait *fallback = member.trait("smithy.api#default");
                   fallback && !topLevel && structure.type == ShapeType::Structure
                   && !member.trait("smithy.api#clientOptional")) {
            // Smithy clients send a member's default when the caller gives no value.
            const QJsonValue value = model::parseJsonValue(fallback->json);
            if (!value.isNull())
                wire.insert(QString::fromStdString(wireName(member)),
                            toWire(member.target, member.traits, value, path + "." + member.name, problems, random));
        } else if (member.trait("smithy.api#required") && structure.type == ShapeType::Structure
                   && !member.trait("smithy.api#default") && !member.trait("smithy.api#clientOptional")) {
            problems.push_back({path + "." + member.name, "missing required member " + member.name});
        }
    }
    if (structure.type == ShapeType::Union && input.size() != 1)
        problems.push_back({path, "a union takes exactly one member; " + std::to_string(input.size()) + " were given"});
    return wire;
}

QJsonValue JsonCodec::toWire(const ShapeId &target, const std::vector<Trait> &memberTraits,
                             const QJsonValue &value, const std::string &path,
                             std::vector<InputProblem> &problems, util::Random *random) const
{
    const auto type = typeOf(m_model, target);
    const Shape *shape = m_model.find(target);
    auto wrong = [&](const char *expected) {
        problems.push_back({path, std::string("expected ") + expected + ", got " + describe(value)});
        return QJsonValue();
    };
    if (!type)
        return value;
    switch (*type) {
    case ShapeType::Structure:
    case ShapeType::Union:
        if (!value.isObject())
            return wrong("an object");
        return shape ? QJsonValue(structureToWire(*shape, value.toObject(), path, problems, random, false))
                     : value;
    case ShapeType::List:
    case ShapeType::Set: {
        if (!value.isArray())
            return wrong("a list");
        const Member *item = shape ? shape->member("member") : nullptr;
        QJsonArray out;
        int index = 0;
        for (const QJsonValue &element : value.toArray()) {
            const std::string itemPath = path + "[" + std::to_string(index++) + "]";
            if (element.isNull())
                out.append(QJsonValue()); // sparse lists keep nulls
            else
                out.append(item ? toWire(item->target, item->traits, element, itemPath, problems, random) : element);
        }
        return out;
    }
    case ShapeType::Map: {
        if (!value.isObject())
            return wrong("an object (a map)");
        const Member *item = shape ? shape->member("value") : nullptr;
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            if (it.value().isNull())
                out.insert(it.key(), QJsonValue());
            else
                out.insert(it.key(), item ? toWire(item->target, item->traits, it.value(),
                                                   path + "." + it.key().toStdString(), problems, random)
                                          : it.value());
        }
        return out;
    }
    case ShapeType::String:
    case ShapeType::Enum:
        return value.isString() ? value : wrong("a string");
    case ShapeType::Boolean:
        return value.isBool() ? value : wrong("true or false");
    case ShapeType::Byte:
    case ShapeType::Short:
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::IntEnum:
    case ShapeType::BigInteger:
        if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
            return wrong("a whole number");
        return value;
    case ShapeType::Float:
    case ShapeType::Double:
    case ShapeType::BigDecimal:
        if (value.isString() && isSpecialFloat(value.toString()))
            return value;
        return value.isDouble() ? value : wrong("a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    case ShapeType::Timestamp: {
        const auto seconds = timestampOf(value);
        if (!seconds)
            return wrong("a timestamp (ISO 8601 text such as \"2024-01-31T12:00:00Z\", or epoch seconds)");
        const std::string format = timestampFormat(target, memberTraits);
        if (format == "date-time")
            return QString::fromStdString(formatDateTime(*seconds));
        if (format == "http-date")
            return QString::fromStdString(formatHttpDate(*seconds));
        return epochValue(*seconds);
    }
    case ShapeType::Blob: {
        if (!value.isString())
            return wrong("base64 text");
        const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return wrong("valid base64 text");
        return QString::fromLatin1(decoded.decoded.toBase64());
    }
    case ShapeType::Document:
        return value;
    default:
        return value;
    }
}

QJsonObject JsonCodec::structureFromWire(const Shape &structure, const QJsonObject &wire,
                                         const std::function<bool(const Member &)> &only) const
{
    QJsonObject out;
    for (const Member &member : structure.members) {
        if (only && !only(member))
            continue;
        const QString name = QString::fromStdString(wireName(member));
        const QJsonValue value = wire.value(name);
        if (!value.isUndefined() && !value.isNull()) {
            out.insert(QString::fromStdString(member.name), fromWire(member.target, member.traits, value));
            continue;
        }
        if (structure.type != ShapeType::Structure)
            continue;
        // What Smithy clients do for a member the response left out: its default, or, for a
        // required one, the zero value of its type ("error correction").
        if (const Trait *fallback = member.trait("smithy.api#default")) {
            const QJsonValue defaultValue = model::parseJsonValue(fallback->json);
            if (!defaultValue.isNull())
                out.insert(QString::fromStdString(member.name), fromWire(member.target, member.traits, defaultValue));
        } else if (member.trait("smithy.api#required")) {
            out.insert(QString::fromStdString(member.name), zeroValue(member.target));
        }
    }
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

QJsonValue JsonCodec::fromWire(const ShapeId &target, const std::vector<Trait> & /*memberTraits*/,
                               const QJsonValue &wire) const
{
    const auto type = typeOf(m_model, target);
    const Shape *shape = m_model.find(target);
    if (!type || wire.isNull())
        return wire;
    switch (*type) {
    case ShapeType::Structure:
    case ShapeType::Union:
        return shape && wire.isObject() ? QJsonValue(structureFromWire(*shape, wire.toObject())) : wire;
    case ShapeType::List:
    case ShapeType::Set: {
        const Member *item = shape ? shape->member("member") : nullptr;
        QJsonArray out;
        for (const QJsonValue &element : wire.toArray())
            out.append(item ? fromWire(item->target, item->traits, element) : element);
        return out;
    }
    case ShapeType::Map: {
        const Member *item = shape ? shape->member("value") : nullptr;
        QJsonObject out;
        const QJsonObject in = wire.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), item ? fromWire(item->target, item->traits, it.value()) : it.value());
        return out;
    }
    case ShapeType::Timestamp: {
        if (const auto seconds = timestampOf(wire))
            return epochValue(*seconds);
        return wire;
    }
    default:
        return wire;
    }
}

} // namespace cumulus::protocols
