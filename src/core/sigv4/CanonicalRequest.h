#pragma once

#include "sigv4/SignableRequest.h"

#include <string>
#include <string_view>
#include <vector>

namespace cumulus::sigv4 {

// Stage 1 of SigV4: the canonical request, piece by piece (the query: CanonicalQuery.h).
namespace canonical {

// Headers that are never signed (botocore's SIGNED_HEADERS_BLACKLIST): hop-by-hop headers, and
// those that proxies and HTTP stacks rewrite (user-agent, expect, x-amzn-trace-id).
bool isUnsignedHeader(std::string_view lowercaseName);

// The canonical URI: the path as sent; for services other than S3 with dot segments and repeated
// slashes removed and percent-encoded once more.
std::string uri(std::string_view path, bool normalize, bool doubleEncode);
void appendUri(std::string &out, std::string_view path, bool normalize, bool doubleEncode);

struct Headers {
    std::string block; // "name:value\n" for each signed header, sorted by name
    std::string signedHeaders; // "host;x-amz-date"
};

// Lowercased names, values trimmed and inner runs of whitespace collapsed to one space, repeated
// names joined with ',' in their order, unsigned headers left out; host is added from the URL when
// the request has no Host header.
Headers headers(const std::vector<Header> &headers, std::string_view hostFromUrl);

// METHOD \n URI \n QUERY \n HEADERS \n SIGNEDHEADERS \n PAYLOADHASH, from the request's own
// path (canonicalized here with the rules given) and the canonical query (CanonicalQuery.h).
std::string request(std::string_view method, std::string_view path, bool normalizePath,
                    bool doubleEncodePath, std::string_view canonicalQuery, const Headers &headers,
                    std::string_view payloadHash);

} // namespace canonical
} // namespace cumulus::sigv4
