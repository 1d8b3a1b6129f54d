#include "sigv4/CanonicalQuery.h"

#include "sigv4/UriEncoding.h"
#include "util/Split.h"

#include <algorithm>
#include <array>
#include <memory_resource>
#include <utility>
#include <vector>

namespace cumulus::sigv4::canonical {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

struct Field {
    std::string_view name;
    std::string_view value;
    bool hasEquals;
};

// Visits the non-empty fields of a query.
template <typename Visit> void forEachField(std::string_view query, Visit visit)
{
    util::forEachPart(query, '&', [&](std::string_view item) {
        if (item.empty())
            return;
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            visit(Field{item, {}, false});
        else
            visit(Field{item.substr(0, eq), item.substr(eq + 1), true});
    });
}

// The fields with names and values in SigV4's encoding. When the shape says they already are,
// they are views into the query; otherwise they are re-encoded into an arena reserved up front
// (encoding at most triples the size) so that the views into it stay valid.
class EncodedFields {
public:
    EncodedFields(std::string_view query, const QueryShape &shape)
        : fields(&m_stack)
    {
        fields.reserve(std::size_t(std::count(query.begin(), query.end(), '&')) + 1);
        if (!shape.canonicalPieces)
            m_arena.reserve(3 * query.size());
        forEachField(query, [&](const Field &field) {
            if (shape.canonicalPieces)
                fields.push_back(field);
            else
                fields.push_back({reencode(field.name), reencode(field.value), field.hasEquals});
        });
    }

private:
    // Room on the stack for the usual few dozen fields; more spill to the heap.
    std::array<std::byte, 48 * sizeof(Field)> m_buffer;
    std::pmr::monotonic_buffer_resource m_stack{m_buffer.data(), m_buffer.size()};

public:
    std::pmr::vector<Field> fields;

private:
    std::string_view reencode(std::string_view text)
    {
        const std::size_t start = m_arena.size();
        appendUriEncoded(m_arena, uriDecode(text), false);
        return std::string_view(m_arena).substr(start);
    }

    std::string m_arena;
};

void appendJoined(std::string &out, const std::pmr::vector<Field> &fields, bool alwaysEquals)
{
    std::size_t size = fields.size();
    for (const Field &field : fields)
        size += field.name.size() + field.value.size() + 1;
    out.reserve(out.size() + size);
    const std::size_t start = out.size();
    for (const Field &field : fields) {
        if (out.size() != start)
            out.push_back('&');
        out.append(field.name);
        if (alwaysEquals || field.hasEquals) {
            out.push_back('=');
            out.append(field.value);
        }
    }
}

std::string join(const std::pmr::vector<Field> &fields, bool alwaysEquals)
{
    std::string out;
    appendJoined(out, fields, alwaysEquals);
    return out;
}

} // namespace

QueryShape inspectQuery(std::string_view query)
{
    QueryShape shape;
    if (query.empty())
        return shape;
    shape.canonicalPieces = isCanonicallyEncoded(query, true);
    util::forEachPart(query, '&', [&](std::string_view field) {
        const std::size_t eq = field.find('=');
        if (field.empty())
            shape.emptyField = true;
        else if (eq == std::string_view::npos)
            shape.fieldWithoutEquals = true;
        else if (field.find('=', eq + 1) != std::string_view::npos)
            shape.canonicalPieces = false; // "a=b=c": the value's '=' must be encoded
    });
    return shape;
}

void appendQuery(std::string &out, std::string_view query, const QueryShape &shape,
                 std::span<const EncodedField> extra)
{
    if (query.empty() && extra.empty())
        return;
    EncodedFields encoded(query, shape);
    for (const EncodedField &field : extra)
        encoded.fields.push_back({field.name, field.value, true});
    std::sort(encoded.fields.begin(), encoded.fields.end(), [](const Field &a, const Field &b) {
        return a.name != b.name ? a.name < b.name : a.value < b.value;
    });
    appendJoined(out, encoded.fields, true);
}

std::string query(std::string_view query, std::span<const EncodedField> extra)
{
    std::string out;
    appendQuery(out, query, inspectQuery(query), extra);
    return out;
}

std::string wireQuery(std::string_view query, const QueryShape &shape)
{
    if (shape.canonicalPieces && !shape.emptyField)
        return std::string(query);
    return join(EncodedFields(query, shape).fields, false);
}

std::string wireQuery(std::string_view query)
{
    return wireQuery(query, inspectQuery(query));
}

std::string normalizedQuery(std::string_view query)
{
    const QueryShape shape = inspectQuery(query);
    if (shape.canonicalPieces && !shape.emptyField && !shape.fieldWithoutEquals)
        return std::string(query);
    return join(EncodedFields(query, shape).fields, true);
}

} // namespace cumulus::sigv4::canonical
