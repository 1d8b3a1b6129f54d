#pragma once

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cumulus::protocols {

// A parsed XML element: local name, attributes, child elements, and its text.
struct XmlNode {
    QString name; // local name, without a namespace prefix
    std::vector<std::pair<QString, QString>> attributes; // by local name ("xsi:type" -> "type" … kept whole)
    std::vector<XmlNode> children;
    QString text;

    const XmlNode *child(const QString &name) const;
    std::vector<const XmlNode *> childrenNamed(const QString &name) const;
    std::optional<QString> attribute(const QString &name) const;

    // nullopt, with the reason in error, when text is not well-formed XML.
    static std::optional<XmlNode> parse(const std::string &text, std::string &error);
};

} // namespace cumulus::protocols
