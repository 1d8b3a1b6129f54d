#pragma once

#include "util/Expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace cumulus::sigv4 {

struct Header {
    std::string name;
    std::string value;

    bool operator==(const Header &) const = default;
};

// An HTTP request as the signer sees it: exactly what goes on the wire. The path and the query are
// in their wire form (already percent-encoded by the protocol serializer), bytes in UTF-8.
struct SignableRequest {
    std::string method;
    std::string scheme; // "https" or "http"
    std::string authority; // host[:port] as written in the URL, without user info
    std::string path; // e.g. "/my-bucket/photos/2024%20summer.jpg"; may be empty
    std::string query; // without the '?'; may be empty
    std::vector<Header> headers; // in order; a name may repeat
    std::string body;

    // Splits an absolute http(s) URL as Python's urlsplit does (the fragment is dropped).
    static util::Expected<SignableRequest> fromUrl(std::string method, std::string_view url,
                                                   std::vector<Header> headers = {},
                                                   std::string body = {});

    // scheme://authority path [?query]
    std::string url() const;

    // The Host header value implied by the URL: host lowercased, user info removed, the scheme's
    // default port left out, IPv6 literals in brackets (botocore's _host_from_url).
    std::string hostFromUrl() const;
    // The same, as a view of authority when it needs no change, else of scratch.
    std::string_view hostFromUrl(std::string &scratch) const;
};

} // namespace cumulus::sigv4
