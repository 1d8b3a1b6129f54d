#pragma once

#include "sigv4/SignableRequest.h"

#include <string>
#include <vector>

namespace cumulus::net {

using Header = sigv4::Header;

// An HTTP request as a protocol serializer makes it: relative to the endpoint, which the endpoints
// layer supplies. The path and query are in their wire form (percent-encoded).
struct HttpRequest {
    std::string method = "POST";
    std::string path = "/";
    std::string query;          // without '?'
    std::vector<Header> headers; // in order
    std::string body;
    std::string hostPrefix;     // @endpoint(hostPrefix) expanded, e.g. "data-"; empty when none
    std::string endpointOverride; // a whole endpoint URL the operation names itself (ML's Predict)
    bool leadingBucketSegment = false; // S3: the path starts with "/{Bucket}", which endpoint rules place

    const Header *header(std::string_view name) const; // first one, ignoring case
};

} // namespace cumulus::net
