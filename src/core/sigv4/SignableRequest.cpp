#include "sigv4/SignableRequest.h"

#include <algorithm>

namespace cumulus::sigv4 {

namespace {

std::string lowercase(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

} // namespace

util::Expected<SignableRequest> SignableRequest::fromUrl(std::string method, std::string_view url,
                                                         std::vector<Header> headers,
                                                         std::string body)
{
    const std::size_t schemeEnd = url.find("://");
    if (schemeEnd == std::string_view::npos)
        return util::Error{"the URL has no scheme: expected http://… or https://…"};
    std::string scheme = lowercase(url.substr(0, schemeEnd));
    if (scheme != "http" && scheme != "https")
        return util::Error{"unsupported URL scheme '" + scheme + "': expected http or https"};

    std::string_view rest = url.substr(schemeEnd + 3);
    if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos)
        rest = rest.substr(0, hash);
    std::size_t authorityEnd = rest.find('/');
    if (const std::size_t question = rest.substr(0, authorityEnd).find('?');
        question != std::string_view::npos)
        authorityEnd = question;
    std::string_view authority = rest.substr(0, authorityEnd);
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
        authority = authority.substr(at + 1);
    if (authority.empty())
        return util::Error{"the URL has no host"};

    SignableRequest request;
    request.method = std::move(method);
    request.scheme = std::move(scheme);
    request.authority = std::string(authority);
    if (authorityEnd != std::string_view::npos) {
        const std::string_view pathAndQuery = rest.substr(authorityEnd);
        const std::size_t question = pathAndQuery.find('?');
        request.path = std::string(pathAndQuery.substr(0, question));
        if (question != std::string_view::npos)
            request.query = std::string(pathAndQuery.substr(question + 1));
    }
    request.headers = std::move(headers);
    request.body = std::move(body);
    return request;
}

std::string SignableRequest::url() const
{
    std::string out = scheme + "://" + authority + path;
    if (!query.empty())
        out += '?' + query;
    return out;
}

std::string_view SignableRequest::hostFromUrl(std::string &scratch) const
{
    // The usual case — a lowercase host name, no port — needs no work.
    bool plain = true;
    for (const char c : authority)
        plain &= !((c >= 'A' && c <= 'Z') || c == ':' || c == '[');
    if (plain)
        return authority;
    scratch = hostFromUrl();
    return scratch;
}

std::string SignableRequest::hostFromUrl() const
{
    std::string_view host = authority;
    std::string_view port;
    if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        if (close != std::string_view::npos) {
            if (close + 1 < host.size() && host[close + 1] == ':')
                port = host.substr(close + 2);
            host = host.substr(0, close + 1);
        }
    } else if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    std::string out = lowercase(host);
    // Python's urlsplit reads the port as a number: "0443" is 443.
    while (port.size() > 1 && port.front() == '0')
        port.remove_prefix(1);
    const bool defaultPort =
        port.empty() || (scheme == "https" && port == "443") || (scheme == "http" && port == "80");
    if (!defaultPort) {
        out += ':';
        out += port;
    }
    return out;
}

} // namespace cumulus::sigv4
