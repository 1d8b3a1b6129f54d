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
    bool pendingSpace = false;
    bool any = false;
    for (const char c : value) {
        if (isSpace(c)) {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace)
            out.push_back(' ');
        pendingSpace = false;
        any = true;
        out.push_back(c);
    }
}

// Appends name or value in SigV4's encoding, decoding it first unless it is already canonical.
void appendReencoded(std::string &out, std::string_view text)
{
    if (isCanonicallyEncoded(text))
        out.append(text);
    else
        appendUriEncoded(out, uriDecode(text), false);
}

using Pair = std::pair<std::string, std::string>;

std::vector<Pair> encodedPairs(std::string_view query)
{
    std::vector<Pair> pairs;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos)
            end = query.size();
        const std::string_view item = query.substr(start, end - start);
        if (!item.empty()) {
            const std::size_t eq = item.find('=');
            Pair pair;
            appendReencoded(pair.first, item.substr(0, eq));
            if (eq != std::string_view::npos)
                appendReencoded(pair.second, item.substr(eq + 1));
            pairs.push_back(std::move(pair));
        }
        start = end + 1;
    }
    return pairs;
}

std::string join(const std::vector<Pair> &pairs)
{
    std::string out;
    for (const Pair &pair : pairs) {
        if (!out.empty())
            out.push_back('&');
        out.append(pair.first);
        out.push_back('=');
        out.append(pair.second);
    }
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

std::string uri(std::string_view path, bool normalize, bool doubleEncode)
{
    std::string normalized = normalize ? removeDotSegments(path) : std::string(path);
    if (normalized.empty())
        normalized = "/";
    return doubleEncode ? uriEncode(normalized, true) : normalized;
}

std::string query(std::string_view query)
{
    std::vector<Pair> pairs = encodedPairs(query);
    std::sort(pairs.begin(), pairs.end());
    return join(pairs);
}

std::string normalizedQuery(std::string_view query)
{
    return join(encodedPairs(query));
}

Headers headers(const std::vector<Header> &headers, std::string_view hostFromUrl)
{
    struct Entry {
        std::string name;
        std::string_view value;
    };
    std::vector<Entry> entries;
    entries.reserve(headers.size() + 1);
    bool hasHost = false;
    for (const Header &header : headers) {
        std::string name(header.name.size(), '\0');
        std::transform(header.name.begin(), header.name.end(), name.begin(), toLower);
        if (isUnsignedHeader(name))
            continue;
        hasHost = hasHost || name == "host";
        entries.push_back({std::move(name), header.value});
    }
    if (!hasHost)
        entries.push_back({"host", hostFromUrl});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.name < b.name; });

    Headers out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
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

std::string request(std::string_view method, std::string_view uri, std::string_view query,
                    const Headers &headers, std::string_view payloadHash)
{
    std::string out;
    out.reserve(method.size() + uri.size() + query.size() + headers.block.size()
                + headers.signedHeaders.size() + payloadHash.size() + 8);
    for (const char c : method)
        out.push_back(toUpper(c));
    out.push_back('\n');
    out.append(uri);
    out.push_back('\n');
    out.append(query);
    out.push_back('\n');
    out.append(headers.block);
    out.push_back('\n');
    out.append(headers.signedHeaders);
    out.push_back('\n');
    out.append(payloadHash);
    return out;
}

} // namespace cumulus::sigv4::canonical
