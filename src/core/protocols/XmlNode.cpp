#include "protocols/XmlNode.h"

#include <QXmlStreamReader>

namespace cumulus::protocols {

const XmlNode *XmlNode::child(const QString &name) const
{
    for (const XmlNode &c : children) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

std::vector<const XmlNode *> XmlNode::childrenNamed(const QString &name) const
{
    std::vector<const XmlNode *> out;
    for (const XmlNode &c : children) {
        if (c.name == name)
            out.push_back(&c);
    }
    return out;
}

std::optional<QString> XmlNode::attribute(const QString &name) const
{
    for (const auto &[key, value] : attributes) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

std::optional<XmlNode> XmlNode::parse(const std::string &text, std::string &error)
{
    constexpr std::size_t MaxDepth = 256;
    QXmlStreamReader reader(QByteArray::fromStdString(text));
    std::vector<XmlNode> stack;
    std::optional<XmlNode> root;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            // No AWS response nests this deep; a tree that did would overflow the stack when freed.
            if (stack.size() >= MaxDepth) {
                error = "elements nested deeper than " + std::to_string(MaxDepth) + " at line " + std::to_string(reader.lineNumber());
                return std::nullopt;
            }
            XmlNode node;
            node.name = reader.name().toString();
            for (const QXmlStreamAttribute &a : reader.attributes())
                node.attributes.emplace_back(a.qualifiedName().toString(), a.value().toString());
            stack.push_back(std::move(node));
        } else if (reader.isCharacters() && !stack.empty()) {
            stack.back().text += reader.text();
        } else if (reader.isEndElement() && !stack.empty()) {
            XmlNode done = std::move(stack.back());
            stack.pop_back();
            if (stack.empty())
                root = std::move(done);
            else
                stack.back().children.push_back(std::move(done));
        }
    }
    if (reader.hasError() || !root) {
        error = reader.hasError() ? reader.errorString().toStdString() + " at line " + std::to_string(reader.lineNumber())
                                  : "no XML element";
        return std::nullopt;
    }
    return root;
}

} // namespace cumulus::protocols
