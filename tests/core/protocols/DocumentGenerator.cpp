#include "DocumentGenerator.h"

#include "model/JsonText.h"
#include "protocols/JsonCodec.h"

#include <QJsonArray>

namespace cumulus::test {

using model::ShapeType;

QJsonObject DocumentGenerator::structure(const model::Shape &shape, int depth)
{
    QJsonObject out;
    if (shape.type == ShapeType::Union) {
        if (!shape.members.empty()) {
            const model::Member &m = shape.members[std::size_t(below(int(shape.members.size())))];
            out.insert(QString::fromStdString(m.name), value(m, depth + 1));
        }
        return out;
    }
    for (const model::Member &m : shape.members) {
        const bool required = m.trait("smithy.api#required") != nullptr;
        if (!required && (depth > 2 || below(2) == 0))
            continue;
        const model::Shape *target = m_model.find(m.target);
        // Event streams and documents are left out; a streaming blob is an ordinary blob here.
        if (target && ((target->hasTrait("smithy.api#streaming") && target->type != ShapeType::Blob)
                       || target->type == ShapeType::Document))
            continue;
        if (m.trait("smithy.api#idempotencyToken"))
            continue; // random on both sides
        const QJsonValue v = value(m, depth + 1);
        if (!v.isUndefined())
            out.insert(QString::fromStdString(m.name), v);
    }
    return out;
}

QJsonValue DocumentGenerator::value(const model::Member &member, int depth)
{
    const model::Shape *target = m_model.find(member.target);
    const auto type = protocols::typeOf(m_model, member.target);
    if (!type)
        return QJsonValue(QJsonValue::Undefined);
    auto bounds = [&](const char *trait, qint64 low, qint64 high) {
        const model::Trait *t = member.trait(trait);
        if (!t && target)
            t = target->trait(trait);
        if (t) {
            const QJsonObject b = model::parseJsonValue(t->json).toObject();
            low = std::max<qint64>(low, b.value("min").toInteger(low));
            high = std::min<qint64>(high, b.value("max").toInteger(high));
        }
        return std::make_pair(low, std::max(low, high));
    };
    switch (*type) {
    case ShapeType::Structure:
    case ShapeType::Union:
        return target ? QJsonValue(structure(*target, depth)) : QJsonValue(QJsonObject());
    case ShapeType::List:
    case ShapeType::Set: {
        QJsonArray out;
        const auto [low, high] = bounds("smithy.api#length", 1, 2);
        const model::Member *item = target ? target->member("member") : nullptr;
        for (qint64 i = 0; item && i < std::min<qint64>(low + below(2), high); ++i)
            out.append(value(*item, depth + 1));
        return out;
    }
    case ShapeType::Map: {
        QJsonObject out;
        const model::Member *item = target ? target->member("value") : nullptr;
        const model::Member *key = target ? target->member("key") : nullptr;
        for (int i = 0; item && i < 1 + below(2); ++i) {
            QString name = QStringLiteral("k%1").arg(i);
            if (key) {
                const QJsonValue k = value(*key, depth + 1);
                if (k.isString() && !k.toString().isEmpty())
                    name = k.toString();
            }
            out.insert(name, value(*item, depth + 1));
        }
        return out;
    }
    case ShapeType::Enum: {
        if (target && !target->members.empty()) {
            const model::Member &m = target->members[std::size_t(below(int(target->members.size())))];
            return model::parseJsonValue(m.trait("smithy.api#enumValue")->json);
        }
        return QStringLiteral("x");
    }
    case ShapeType::String: {
        if (target && target->hasTrait("smithy.api#enum")) { // botocore-style enum values
            const auto values = model::parseJsonValue(target->trait("smithy.api#enum")->json).toArray();
            if (!values.isEmpty())
                return values[below(int(values.size()))].toObject().value("value");
        }
        const auto [low, high] = bounds("smithy.api#length", 1, 12);
        static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        QString out;
        const qint64 length = std::min<qint64>(high, low + below(6));
        for (qint64 i = 0; i < length; ++i)
            out.append(QChar(alphabet[below(int(sizeof alphabet) - 1)]));
        return out;
    }
    case ShapeType::Boolean:
        return below(2) == 0;
    case ShapeType::Byte:
    case ShapeType::Short:
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::IntEnum: {
        const auto [low, high] = bounds("smithy.api#range", 0, 1000);
        return QJsonValue(low + qint64(m_rng() % std::uint64_t(high - low + 1)));
    }
    case ShapeType::Float:
    case ShapeType::Double:
        return QJsonValue(0.5 * below(9));
    case ShapeType::Timestamp:
        return QStringLiteral("2024-%1-15T10:20:30Z").arg(1 + below(9), 2, 10, QChar('0'));
    case ShapeType::Blob: {
        QByteArray bytes;
        for (int i = 0; i < 1 + below(8); ++i)
            bytes.append(char(below(256)));
        return QString::fromLatin1(bytes.toBase64());
    }
    default:
        return QJsonValue(QJsonValue::Undefined);
    }
}

} // namespace cumulus::test
