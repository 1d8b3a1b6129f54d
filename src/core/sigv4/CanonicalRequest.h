#pragma once

#include "sigv4/CanonicalQuery.h"
#include "sigv4/SignableRequest.h"

#include <span>
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
Headers headers(std::span<const Header> headers, std::string_view hostFromUrl);

struct Request {
    std::string text; // the canonical request
    std::string signedHeaders; // "host;x-amz-date"
};

// What the canonical request is made of, as the request will be sent.
struct RequestParts {
    std::string_view method;
    std::string_view path;
    bool normalizePath = true;
    bool doubleEncodePath = true;
    std::string_view query; // as sent
    QueryShape queryShape; // inspectQuery(query)
    std::span<const EncodedField> extraQueryFields; // presigning's X-Amz-* fields
    std::span<const Header> headers;
    std::string_view hostFromUrl;
    std::string_view payloadHash;
};

// METHOD \n URI \n QUERY \n HEADERS \n SIGNEDHEADERS \n PAYLOADHASH, built in one buffer.
Request request(const RequestParts &parts);

} // namespace canonical
} // namespace cumulus::sigv4
