#pragma once

#include "sigv4/SignableRequest.h"

#include <string>
#include <string_view>
#include <vector>

namespace cumulus::sigv4 {

// Stage 1 of SigV4: the canonical request, piece by piece.
namespace canonical {

// Headers that are never signed (botocore's SIGNED_HEADERS_BLACKLIST): hop-by-hop headers, and
// those that proxies and HTTP stacks rewrite (user-agent, expect, x-amzn-trace-id).
bool isUnsignedHeader(std::string_view lowercaseName);

// The canonical URI: the path as sent; for services other than S3 with dot segments and repeated
// slashes removed and percent-encoded once more.
std::string uri(std::string_view path, bool normalize, bool doubleEncode);
void appendUri(std::string &out, std::string_view path, bool normalize, bool doubleEncode);

// The canonical query string: each name and value decoded and encoded again in SigV4's form
// (RFC 3986, %20 for space, '+' taken literally), a missing '=' read as an empty value, empty
// pairs skipped, then sorted by name and then by value, joined with '&'.
std::string query(std::string_view query);
void appendQuery(std::string &out, std::string_view query);

// The query in its SigV4 encoding but in its original order, every field as name=value (the form
// presigned URLs are sent in).
std::string normalizedQuery(std::string_view query);

// The query as it goes on the wire with header signing: names and values in SigV4's encoding, in
// their order, a field without '=' left without one ("?acl"), empty fields dropped. Unchanged when
// it is already in that form.
std::string wireQuery(std::string_view query);

struct Headers {
    std::string block;         // "name:value\n" for each signed header, sorted by name
    std::string signedHeaders; // "host;x-amz-date"
};

// Lowercased names, values trimmed and inner runs of whitespace collapsed to one space, repeated
// names joined with ',' in their order, unsigned headers left out; host is added from the URL when
// the request has no Host header.
Headers headers(const std::vector<Header> &headers, std::string_view hostFromUrl);

// METHOD \n URI \n QUERY \n HEADERS \n SIGNEDHEADERS \n PAYLOADHASH, from the request's own
// path and query (canonicalized here with the rules given).
std::string request(std::string_view method, std::string_view path, bool normalizePath,
                    bool doubleEncodePath, std::string_view query, const Headers &headers,
                    std::string_view payloadHash);

} // namespace canonical
} // namespace cumulus::sigv4
