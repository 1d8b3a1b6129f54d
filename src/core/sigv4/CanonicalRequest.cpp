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
constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
        || (c >= '\x1c' && c <= '\x1f');
}

// Trimall: trim both ends, collapse inner runs of whitespace to one space.
void appendTrimmed(std::string &out, std::string_view value)
{
    // Most values have no whitespace at all: find that out without a branch per byte.
    static constexpr std::array<bool, 256> Space = [] {
        std::array<bool, 256> table{};
        for (int c = 0; c < 256; ++c)
            table[std::size_t(c)] = isSpace(char(c));
        return table;
    }();
    bool anySpace = false;
    for (const char c : value)
        anySpace |= Space[static_cast<unsigned char>(c)];
    if (!anySpace) {
        out.append(value);
        return;
    }
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

} // namespace

bool isUnsignedHeader(std::string_view name)
{
    static constexpr std::array<std::string_view, 11> names = {"connection",
                                                               "expect",
                                                               "keep-alive",
                                                               "proxy-authenticate",
                                                               "proxy-authorization",
                                                               "te",
                                                               "trailer",
                                                               "transfer-encoding",
                                                               "upgrade",
                                                               "user-agent",
                                                               "x-amzn-trace-id"};
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
                    bool doubleEncodePath, std::string_view canonicalQuery, const Headers &headers,
                    std::string_view payloadHash)
{
    std::string out;
    // Encoding can triple the path.
    out.reserve(method.size() + 3 * path.size() + canonicalQuery.size() + headers.block.size()
                + headers.signedHeaders.size() + payloadHash.size() + 16);
    for (const char c : method)
        out.push_back(toUpper(c));
    out.push_back('\n');
    appendUri(out, path, normalizePath, doubleEncodePath);
    out.push_back('\n');
    out.append(canonicalQuery);
    out.push_back('\n');
    out.append(headers.block);
    out.push_back('\n');
    out.append(headers.signedHeaders);
    out.push_back('\n');
    out.append(payloadHash);
    return out;
}

} // namespace cumulus::sigv4::canonical
