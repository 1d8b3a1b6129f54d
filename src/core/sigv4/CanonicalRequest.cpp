#include "sigv4/CanonicalRequest.h"

#include "sigv4/UriEncoding.h"

#include <algorithm>
#include <array>
#include <utility>

namespace cumulus::sigv4::canonical {

namespace {

char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

char toUpper(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// Python's str.split() whitespace, ASCII part.
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
        || (c >= '\x1c' && c <= '\x1f');
}

// Trimall: trim both ends, collapse inner runs of whitespace to one space.
void appendTrimmed(std::string &out, std::string_view value)
{
    std::size_t i = 0;
    bool first = true;
    while (true) {
        while (i < value.size() && isSpace(value[i]))
            ++i;
        if (i == value.size())
            return;
        std::size_t end = i;
        while (end < value.size() && !isSpace(value[end]))
            ++end;
        if (!first)
            out.push_back(' ');
        out.append(value.data() + i, end - i);
        first = false;
        i = end;
    }
}

using Pair = std::pair<std::string_view, std::string_view>;

// The query's fields in SigV4's encoding. Text that is already canonical is used in place; the
// rest is decoded and encoded again into the arena, which is reserved up front (encoding at most
// triples the size) so that the views into it stay valid.
class EncodedPairs {
public:
    // trusted: the caller checked isInSigV4Form(query), so pieces are used as they are.
    EncodedPairs(std::string_view query, bool trusted) : m_trusted(trusted)
    {
        pairs.reserve(std::size_t(std::count(query.begin(), query.end(), '&')) + 1);
        std::size_t start = 0;
        while (start <= query.size()) {
            std::size_t end = query.find('&', start);
            if (end == std::string_view::npos)
                end = query.size();
            const std::string_view item = query.substr(start, end - start);
            if (!item.empty()) {
                const std::size_t eq = item.find('=');
                const std::string_view name = item.substr(0, eq);
                const std::string_view value =
                    eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
                pairs.emplace_back(reencoded(name, query.size()), reencoded(value, query.size()));
            }
            start = end + 1;
        }
    }

    std::vector<Pair> pairs;

private:
    std::string_view reencoded(std::string_view text, std::size_t querySize)
    {
        if (m_trusted || isCanonicallyEncoded(text))
            return text;
        if (m_arena.capacity() == 0)
            m_arena.reserve(3 * querySize);
        const std::size_t start = m_arena.size();
        appendUriEncoded(m_arena, uriDecode(text), false);
        return std::string_view(m_arena).substr(start);
    }

    bool m_trusted;
    std::string m_arena;
};

// True when join(EncodedPairs(query)) would give query back: canonical encoding, and every field
// non-empty with exactly one '='. One pass; most queries from our serializers qualify.
bool isInSigV4Form(std::string_view query)
{
    std::size_t fieldStart = 0;
    bool sawEquals = false;
    for (std::size_t i = 0; i <= query.size(); ++i) {
        const char c = i < query.size() ? query[i] : '&';
        if (c == '&') {
            if (!sawEquals)
                return query.empty();
            if (!isCanonicallyEncoded(query.substr(fieldStart, i - fieldStart), true))
                return false;
            fieldStart = i + 1;
            sawEquals = false;
        } else if (c == '=') {
            if (sawEquals)
                return false;
            sawEquals = true;
        }
    }
    return true;
}

void appendJoined(std::string &out, const std::vector<Pair> &pairs)
{
    std::size_t size = pairs.size();
    for (const Pair &pair : pairs)
        size += pair.first.size() + pair.second.size() + 1;
    out.reserve(out.size() + size);
    const std::size_t start = out.size();
    for (const Pair &pair : pairs) {
        if (out.size() != start)
            out.push_back('&');
        out.append(pair.first);
        out.push_back('=');
        out.append(pair.second);
    }
}

std::string join(const std::vector<Pair> &pairs)
{
    std::string out;
    appendJoined(out, pairs);
    return out;
}

} // namespace

bool isUnsignedHeader(std::string_view name)
{
    static constexpr std::array<std::string_view, 11> names = {
        "connection", "expect",   "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer",    "transfer-encoding", "upgrade", "user-agent",   "x-amzn-trace-id"};
    return std::find(names.begin(), names.end(), name) != names.end();
}

void appendUri(std::string &out, std::string_view path, bool normalize, bool doubleEncode)
{
    std::string normalized;
    if (normalize && needsDotSegmentRemoval(path)) {
        normalized = removeDotSegments(path);
        path = normalized;
    }
    if (path.empty())
        path = "/";
    if (doubleEncode)
        appendUriEncoded(out, path, true);
    else
        out.append(path);
}

std::string uri(std::string_view path, bool normalize, bool doubleEncode)
{
    std::string out;
    appendUri(out, path, normalize, doubleEncode);
    return out;
}

void appendQuery(std::string &out, std::string_view query)
{
    if (query.empty())
        return;
    EncodedPairs encoded(query, isInSigV4Form(query));
    std::sort(encoded.pairs.begin(), encoded.pairs.end());
    appendJoined(out, encoded.pairs);
}

std::string query(std::string_view query)
{
    std::string out;
    appendQuery(out, query);
    return out;
}

std::string wireQuery(std::string_view query)
{
    bool clean = isCanonicallyEncoded(query, true);
    for (std::size_t i = 0; clean && i < query.size(); ++i) {
        const bool fieldStart = i == 0 || query[i - 1] == '&';
        if (fieldStart && (query[i] == '&' || query[i] == '='))
            clean = false; // an empty field, or an empty name
    }
    if (clean && (query.empty() || query.back() != '&')) {
        // At most one '=' per field.
        int equals = 0;
        for (const char c : query) {
            equals = c == '&' ? 0 : equals + (c == '=');
            if (equals > 1)
                clean = false;
        }
        if (clean)
            return std::string(query);
    }
    std::string out;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos)
            end = query.size();
        const std::string_view item = query.substr(start, end - start);
        if (!item.empty()) {
            if (!out.empty())
                out.push_back('&');
            const std::size_t eq = item.find('=');
            appendUriEncoded(out, uriDecode(item.substr(0, eq)), false);
            if (eq != std::string_view::npos) {
                out.push_back('=');
                appendUriEncoded(out, uriDecode(item.substr(eq + 1)), false);
            }
        }
        start = end + 1;
    }
    return out;
}

std::string normalizedQuery(std::string_view query)
{
    if (isInSigV4Form(query))
        return std::string(query);
    return join(EncodedPairs(query, false).pairs);
}

Headers headers(const std::vector<Header> &headers, std::string_view hostFromUrl)
{
    struct Entry {
        std::string_view name;
        std::string_view value;
    };
    // All lowercased names in one buffer, reserved up front so the views into it stay valid.
    std::size_t namesSize = 0;
    for (const Header &header : headers)
        namesSize += header.name.size();
    // Stack storage for the usual handful of headers; the heap only for unusually many.
    char stackNames[512];
    std::string heapNames;
    char *names = stackNames;
    if (namesSize > sizeof stackNames) {
        heapNames.resize(namesSize);
        names = heapNames.data();
    }
    Entry stackEntries[24];
    std::vector<Entry> heapEntries;
    Entry *entries = stackEntries;
    if (headers.size() + 1 > std::size(stackEntries)) {
        heapEntries.resize(headers.size() + 1);
        entries = heapEntries.data();
    }
    std::size_t count = 0;
    bool hasHost = false;
    std::size_t used = 0;
    std::size_t valuesSize = hostFromUrl.size();
    for (const Header &header : headers) {
        const std::size_t start = used;
        for (const char c : header.name)
            names[used++] = toLower(c);
        const std::string_view name(names + start, header.name.size());
        valuesSize += header.value.size();
        if (isUnsignedHeader(name))
            continue;
        hasHost = hasHost || name == "host";
        entries[count++] = {name, header.value};
    }
    if (!hasHost)
        entries[count++] = {"host", hostFromUrl};
    // Insertion sort: stable, allocation-free, and fastest for a request's handful of headers.
    for (std::size_t i = 1; i < count; ++i) {
        for (std::size_t j = i; j > 0 && entries[j].name < entries[j - 1].name; --j)
            std::swap(entries[j], entries[j - 1]);
    }

    Headers out;
    out.block.reserve(namesSize + valuesSize + 2 * count + 6);
    out.signedHeaders.reserve(namesSize + count + 4);
    for (std::size_t i = 0; i < count; ++i) {
        const bool sameAsPrevious = i > 0 && entries[i].name == entries[i - 1].name;
        if (sameAsPrevious) {
            out.block.push_back(',');
        } else {
            if (i > 0)
                out.block.push_back('\n');
            out.block.append(entries[i].name);
            out.block.push_back(':');
            if (!out.signedHeaders.empty())
                out.signedHeaders.push_back(';');
            out.signedHeaders.append(entries[i].name);
        }
        appendTrimmed(out.block, entries[i].value);
    }
    out.block.push_back('\n');
    return out;
}

std::string request(std::string_view method, std::string_view path, bool normalizePath,
                    bool doubleEncodePath, std::string_view query, const Headers &headers,
                    std::string_view payloadHash)
{
    std::string out;
    // Encoding can triple the path; the query is re-reserved by appendQuery when it grows.
    out.reserve(method.size() + 3 * path.size() + query.size() + headers.block.size()
                + headers.signedHeaders.size() + payloadHash.size() + 16);
    for (const char c : method)
        out.push_back(toUpper(c));
    out.push_back('\n');
    appendUri(out, path, normalizePath, doubleEncodePath);
    out.push_back('\n');
    appendQuery(out, query);
    out.push_back('\n');
    out.append(headers.block);
    out.push_back('\n');
    out.append(headers.signedHeaders);
    out.push_back('\n');
    out.append(payloadHash);
    return out;
}

} // namespace cumulus::sigv4::canonical
