#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cumulus::model {

// An absolute shape id: "namespace#Name", or "namespace#Name$member" for a member.
class ShapeId {
public:
    ShapeId() = default;

    // Nullopt unless text is a valid absolute shape id.
    static std::optional<ShapeId> parse(std::string_view text);
    // For ids already known to be valid (built from parts the loader checked).
    static ShapeId fromParts(std::string_view ns, std::string_view name,
                             std::string_view member = {});

    std::string_view text() const { return m_text; }
    std::string_view ns() const { return std::string_view(m_text).substr(0, m_hash); }
    std::string_view name() const;
    std::string_view member() const;
    bool hasMember() const { return m_dollar != 0; }
    bool empty() const { return m_text.empty(); }
    ShapeId withoutMember() const;

    bool operator==(const ShapeId &other) const { return m_text == other.m_text; }
    bool operator<(const ShapeId &other) const { return m_text < other.m_text; }

    static bool isValidNamespace(std::string_view ns);
    static bool isValidIdentifier(std::string_view name);

private:
    std::string m_text;
    std::uint32_t m_hash = 0; // position of '#'
    std::uint32_t m_dollar = 0; // position of '$', 0 when there is no member
};

} // namespace cumulus::model

template <> struct std::hash<cumulus::model::ShapeId> {
    std::size_t operator()(const cumulus::model::ShapeId &id) const noexcept
    {
        return std::hash<std::string_view>()(id.text());
    }
};
