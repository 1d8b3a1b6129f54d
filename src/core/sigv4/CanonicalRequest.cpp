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
    // Most values have no whitespace at all. Every whitespace byte is <= 0x20, and this test of
    // that is one the compiler vectorizes.
    bool anyLow = false;
    for (const char c : value)
        anyLow |= static_cast<unsigned char>(c) <= 0x20;
    if (!anyLow) {
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

namespace {

// Appends the canonical header block to block and the signed header names to signedHeaders.
void appendHeaders(std::string &block, std::string &signedHeaders, std::span<const Header> headers,
                   std::string_view hostFromUrl)
{
    // Trivial on purpose: the stack array below then costs nothing to set up.
    struct Entry {
        const char *nameData;
        std::size_t nameSize;
        const char *valueData;
        std::size_t valueSize;
        std::string_view name() const { return {nameData, nameSize}; }
        std::string_view value() const { return {valueData, valueSize}; }
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
        entries[count++] = {name.data(), name.size(), header.value.data(), header.value.size()};
    }
    if (!hasHost)
        entries[count++] = {"host", 4, hostFromUrl.data(), hostFromUrl.size()};
    // Insertion sort: stable, allocation-free, and fastest for a request's handful of headers.
    for (std::size_t i = 1; i < count; ++i) {
        for (std::size_t j = i; j > 0 && entries[j].name() < entries[j - 1].name(); --j)
            std::swap(entries[j], entries[j - 1]);
    }

    block.reserve(block.size() + namesSize + valuesSize + 2 * count + 6);
    signedHeaders.reserve(signedHeaders.size() + namesSize + count + 4);
    const std::size_t signedStart = signedHeaders.size();
    for (std::size_t i = 0; i < count; ++i) {
        const bool sameAsPrevious = i > 0 && entries[i].name() == entries[i - 1].name();
        if (sameAsPrevious) {
            block.push_back(',');
        } else {
            if (i > 0)
                block.push_back('\n');
            block.append(entries[i].name());
            block.push_back(':');
            if (signedHeaders.size() != signedStart)
                signedHeaders.push_back(';');
            signedHeaders.append(entries[i].name());
        }
        appendTrimmed(block, entries[i].value());
    }
    block.push_back('\n');
}

} // namespace

Headers headers(std::span<const Header> headers, std::string_view hostFromUrl)
{
    Headers out;
    appendHeaders(out.block, out.signedHeaders, headers, hostFromUrl);
    return out;
}

Request request(const RequestParts &parts)
{
    Request out;
    std::string &text = out.text;
    std::size_t headersSize = parts.hostFromUrl.size() + 8;
    for (const Header &header : parts.headers)
        headersSize += header.name.size() + header.value.size() + 2;
    std::size_t querySize = parts.query.size() + 1;
    for (const EncodedField &field : parts.extraQueryFields)
        querySize += field.name.size() + field.value.size() + 2;
    // Encoding can triple the path and the query; signed header names appear twice.
    text.reserve(parts.method.size() + 3 * parts.path.size() + 3 * querySize + 2 * headersSize
                 + parts.payloadHash.size() + 16);
    for (const char c : parts.method)
        text.push_back(toUpper(c));
    text.push_back('\n');
    appendUri(text, parts.path, parts.normalizePath, parts.doubleEncodePath);
    text.push_back('\n');
    appendQuery(text, parts.query, parts.queryShape, parts.extraQueryFields);
    text.push_back('\n');
    appendHeaders(text, out.signedHeaders, parts.headers, parts.hostFromUrl);
    text.push_back('\n');
    text.append(out.signedHeaders);
    text.push_back('\n');
    text.append(parts.payloadHash);
    return out;
}

} // namespace cumulus::sigv4::canonical
