#include "model/ShapeId.h"

namespace cumulus::model {

namespace {

bool isIdentifierStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isIdentifierChar(char c)
{
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

} // namespace

bool ShapeId::isValidIdentifier(std::string_view name)
{
    if (name.empty() || !isIdentifierStart(name.front()))
        return false;
    for (const char c : name) {
        if (!isIdentifierChar(c))
            return false;
    }
    // "_" alone, or only underscores, is not an identifier.
    return name.find_first_not_of('_') != std::string_view::npos;
}

bool ShapeId::isValidNamespace(std::string_view ns)
{
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = ns.find('.', start);
        if (!isValidIdentifier(ns.substr(start, dot - start)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

std::optional<ShapeId> ShapeId::parse(std::string_view text)
{
    const std::size_t hash = text.find('#');
    if (hash == std::string_view::npos || !isValidNamespace(text.substr(0, hash)))
        return std::nullopt;
    const std::size_t dollar = text.find('$', hash);
    const std::string_view name =
        text.substr(hash + 1, dollar == std::string_view::npos ? dollar : dollar - hash - 1);
    if (!isValidIdentifier(name))
        return std::nullopt;
    if (dollar != std::string_view::npos && !isValidIdentifier(text.substr(dollar + 1)))
        return std::nullopt;
    ShapeId id;
    id.m_text = std::string(text);
    id.m_hash = std::uint32_t(hash);
    id.m_dollar = dollar == std::string_view::npos ? 0 : std::uint32_t(dollar);
    return id;
}

ShapeId ShapeId::fromParts(std::string_view ns, std::string_view name, std::string_view member)
{
    ShapeId id;
    id.m_text.reserve(ns.size() + name.size() + member.size() + 2);
    id.m_text.append(ns).append("#").append(name);
    id.m_hash = std::uint32_t(ns.size());
    if (!member.empty()) {
        id.m_dollar = std::uint32_t(id.m_text.size());
        id.m_text.append("$").append(member);
    }
    return id;
}

std::string_view ShapeId::name() const
{
    const std::string_view text = m_text;
    if (text.empty())
        return {};
    return m_dollar ? text.substr(m_hash + 1, m_dollar - m_hash - 1) : text.substr(m_hash + 1);
}

std::string_view ShapeId::member() const
{
    return m_dollar ? std::string_view(m_text).substr(m_dollar + 1) : std::string_view();
}

ShapeId ShapeId::withoutMember() const
{
    return m_dollar ? fromParts(ns(), name()) : *this;
}

} // namespace cumulus::model
