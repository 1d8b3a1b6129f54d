#include "protocols/XmlWriter.h"

#include "model/JsonText.h"
#include "protocols/HttpBindings.h"
#include "protocols/JsonCodec.h"
#include "protocols/XmlCodec.h"

#include <QJsonArray>

namespace cumulus::protocols {

using model::Member;
using model::ShapeType;

std::string xmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\r': out += "&#xD;"; break;
        case '\n': out += "&#xA;"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

std::string namespaceAttribute(const model::Trait *xmlNamespace)
{
    if (!xmlNamespace)
        return {};
    const QJsonObject ns = model::parseJsonValue(xmlNamespace->json).toObject();
    const std::string prefix = ns.value("prefix").toString().toStdString();
    return " xmlns" + (prefix.empty() ? std::string() : ":" + prefix) + "=\""
        + xmlEscape(ns.value("uri").toString().toStdString()) + "\"";
}

std::string XmlWriter::element(const std::string &name, const model::Shape &shape, const QJsonObject &value,
                               const std::vector<model::Trait> &nameTraits, const std::string &path,
                               const std::function<bool(const Member &)> &include) const
{
    std::string attributes;
    const model::Trait *ns = model::findTrait(nameTraits, "smithy.api#xmlNamespace");
    attributes += namespaceAttribute(ns ? ns : shape.trait("smithy.api#xmlNamespace"));
    // Members in the shape's order (XML is ordered; the document is not).
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!shape.member(it.key().toStdString()))
            m_problems.push_back({path + "." + it.key().toStdString(), "unknown member " + it.key().toStdString()});
    }
    std::string children;
    for (const Member &m : shape.members) {
        const QJsonValue v = value.value(QString::fromStdString(m.name));
        const std::string memberPath = path + "." + m.name;
        if (v.isUndefined() || v.isNull() || (include && !include(m)))
            continue;
        if (m.trait("smithy.api#xmlAttribute")) {
            attributes += " " + XmlCodec::elementName(m).toStdString() + "=\""
                + xmlEscape(scalar(m, v, memberPath)) + "\"";
            continue;
        }
        children += member(m, v, memberPath);
    }
    return "<" + name + attributes + ">" + children + "</" + name + ">";
}

std::string XmlWriter::member(const Member &m, const QJsonValue &value, const std::string &path) const
{
    const std::string name = XmlCodec::elementName(m).toStdString();
    const model::Shape *target = m_model.find(m.target);
    const auto type = typeOf(m_model, m.target);
    if (!type)
        return {};
    if (*type == ShapeType::Structure || *type == ShapeType::Union) {
        if (!value.isObject()) {
            m_problems.push_back({path, "expected an object"});
            return {};
        }
        return target ? element(name, *target, value.toObject(), m.traits, path) : std::string();
    }
    const std::string ns = namespaceAttribute(m.trait("smithy.api#xmlNamespace"));
    const bool flattened = m.trait("smithy.api#xmlFlattened") != nullptr;
    if (*type == ShapeType::List || *type == ShapeType::Set) {
        if (!value.isArray()) {
            m_problems.push_back({path, "expected a list"});
            return {};
        }
        const Member *item = target->member("member");
        std::string out;
        qsizetype i = 0;
        for (const QJsonValue &v : value.toArray()) {
            const std::string itemPath = path + "[" + std::to_string(i++) + "]";
            if (flattened) {
                // Each item stands alone under the member's name (with the item's namespace).
                Member renamed = *item;
                renamed.traits.erase(std::remove_if(renamed.traits.begin(), renamed.traits.end(),
                                                    [](const model::Trait &t) { return t.id == "smithy.api#xmlName"; }),
                                     renamed.traits.end());
                renamed.traits.push_back({"smithy.api#xmlName", "\"" + name + "\""});
                out += member(renamed, v, itemPath);
            } else {
                out += member(*item, v, itemPath);
            }
        }
        return flattened ? out : "<" + name + ns + ">" + out + "</" + name + ">";
    }
    if (*type == ShapeType::Map) {
        if (!value.isObject()) {
            m_problems.push_back({path, "expected an object (a map)"});
            return {};
        }
        const Member *k = target->member("key");
        const Member *v = target->member("value");
        std::string out;
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string entry = member(*k, QJsonValue(it.key()), path + ".(key)")
                + member(*v, it.value(), path + "." + it.key().toStdString());
            out += flattened ? "<" + name + ns + ">" + entry + "</" + name + ">" : "<entry>" + entry + "</entry>";
        }
        return flattened ? out : "<" + name + ns + ">" + out + "</" + name + ">";
    }
    return "<" + name + ns + ">" + xmlEscape(scalar(m, value, path)) + "</" + name + ">";
}

std::string XmlWriter::scalar(const Member &m, const QJsonValue &value, const std::string &path) const
{
    const auto type = typeOf(m_model, m.target);
    if ((type == ShapeType::String || type == ShapeType::Enum || type == ShapeType::Blob) && !value.isString()) {
        m_problems.push_back({path, "expected a string"});
        return {};
    }
    if (type == ShapeType::Boolean && !value.isBool()) {
        m_problems.push_back({path, "expected true or false"});
        return {};
    }
    const auto text = HttpBindings(m_model).text(m, value, "date-time");
    if (!text) {
        m_problems.push_back({path, "not a valid value for this member"});
        return {};
    }
    return *text;
}

} // namespace cumulus::protocols
