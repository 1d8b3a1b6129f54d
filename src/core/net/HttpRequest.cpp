#include "net/HttpRequest.h"
#include "net/HttpResponse.h"

#include <algorithm>

namespace cumulus::net {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

const Header *HttpRequest::header(std::string_view name) const
{
    for (const Header &h : headers) {
        if (equalsIgnoreCase(h.name, name))
            return &h;
    }
    return nullptr;
}

const Header *HttpResponse::header(std::string_view name) const
{
    for (const Header &h : headers) {
        if (equalsIgnoreCase(h.name, name))
            return &h;
    }
    return nullptr;
}

} // namespace cumulus::net
