#include "protocols/XmlCodec.h"

#include "model/JsonText.h"
#include "protocols/JsonCodec.h"
#include "protocols/Timestamps.h"

#include <QJsonArray>

#include <cmath>

namespace cumulus::protocols {

using model::Member;
using model::ShapeType;

QString XmlCodec::elementName(const Member &member)
{
    if (const model::Trait *t = member.trait("smithy.api#xmlName"))
        return QString::fromStdString(model::decodeJsonString(t->json).value_or(member.name));
    return QString::fromStdString(member.name);
}

QJsonObject XmlCodec::structure(const model::Shape &shape, const XmlNode &element) const
{
    QJsonObject out;
    for (const Member &member : shape.members) {
        const QString name = elementName(member);
        const QString key = QString::fromStdString(member.name);
        if (member.trait("smithy.api#xmlAttribute")) {
            if (const auto attribute = element.attribute(name))
                out.insert(key, scalar(member, *attribute));
            continue;
        }
        const model::Shape *target = m_model.find(member.target);
        const bool collection = target && (target->type == ShapeType::List || target->type == ShapeType::Set
                                           || target->type == ShapeType::Map);
        if (collection && member.trait("smithy.api#xmlFlattened")) {
            // Flattened: the entries stand directly in this element, each named like the member.
            const auto entries = element.childrenNamed(name);
            if (entries.empty())
                continue;
            if (target->type == ShapeType::Map) {
                const Member *k = target->member("key");
                const Member *v = target->member("value");
                QJsonObject map;
                for (const XmlNode *entry : entries) {
                    const XmlNode *keyNode = entry->child(k ? elementName(*k) : "key");
                    const XmlNode *valueNode = entry->child(v ? elementName(*v) : "value");
                    if (keyNode)
                        map.insert(keyNode->text, valueNode && v ? value(*v, *valueNode) : QJsonValue());
                }
                out.insert(key, map);
            } else {
                const Member *item = target->member("member");
                QJsonArray list;
                for (const XmlNode *entry : entries)
                    list.append(item ? value(*item, *entry) : QJsonValue(entry->text));
                out.insert(key, list);
            }
            continue;
        }
        if (const XmlNode *child = element.child(name))
            out.insert(key, value(member, *child));
    }
    return out;
}

QJsonValue XmlCodec::value(const Member &member, const XmlNode &element) const
{
    const model::Shape *target = m_model.find(member.target);
    const auto type = typeOf(m_model, member.target);
    if (!type)
        return element.text;
    switch (*type) {
    case ShapeType::Structure:
    case ShapeType::Union:
        return target ? QJsonValue(structure(*target, element)) : QJsonValue(QJsonObject());
    case ShapeType::List:
    case ShapeType::Set: {
        const Member *item = target ? target->member("member") : nullptr;
        QJsonArray list;
        const QString itemName = item ? elementName(*item) : QStringLiteral("member");
        for (const XmlNode *entry : element.childrenNamed(itemName))
            list.append(item ? value(*item, *entry) : QJsonValue(entry->text));
        return list;
    }
    case ShapeType::Map: {
        const Member *k = target ? target->member("key") : nullptr;
        const Member *v = target ? target->member("value") : nullptr;
        QJsonObject map;
        for (const XmlNode *entry : element.childrenNamed(QStringLiteral("entry"))) {
            const XmlNode *keyNode = entry->child(k ? elementName(*k) : "key");
            const XmlNode *valueNode = entry->child(v ? elementName(*v) : "value");
            if (keyNode)
                map.insert(keyNode->text, valueNode && v ? value(*v, *valueNode) : QJsonValue());
        }
        return map;
    }
    default:
        return scalar(member, element.text);
    }
}

QJsonValue XmlCodec::scalar(const Member &member, const QString &text) const
{
    switch (typeOf(m_model, member.target).value_or(ShapeType::String)) {
    case ShapeType::Boolean:
        return text.trimmed() == QLatin1String("true");
    case ShapeType::Byte:
    case ShapeType::Short:
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::IntEnum:
    case ShapeType::BigInteger:
        return QJsonValue(text.trimmed().toLongLong());
    case ShapeType::Float:
    case ShapeType::Double:
    case ShapeType::BigDecimal: {
        const QString t = text.trimmed();
        if (t == QLatin1String("NaN") || t == QLatin1String("Infinity") || t == QLatin1String("-Infinity"))
            return t;
        return t.toDouble();
    }
    case ShapeType::Timestamp: {
        const std::string t = text.trimmed().toStdString();
        std::optional<double> seconds = parseDateTime(t);
        if (!seconds)
            seconds = parseHttpDate(t);
        if (!seconds) {
            bool ok = false;
            const double epoch = QString::fromStdString(t).toDouble(&ok);
            if (ok)
                seconds = epoch;
        }
        if (!seconds)
            return text;
        return *seconds == std::floor(*seconds) ? QJsonValue(qint64(*seconds)) : QJsonValue(*seconds);
    }
    default:
        return text; // strings, enums; blobs stay base64 as in documents
    }
}

} // namespace cumulus::protocols
