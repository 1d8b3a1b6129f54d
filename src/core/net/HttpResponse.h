#pragma once

#include "net/HttpRequest.h"

#include <string>
#include <vector>

namespace cumulus::net {

struct HttpResponse {
    int status = 200;
    std::vector<Header> headers;
    std::string body;

    const Header *header(std::string_view name) const; // first one, ignoring case
};

} // namespace cumulus::net
