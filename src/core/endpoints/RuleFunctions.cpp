#include "endpoints/RuleFunctions.h"

#include <cctype>

namespace cumulus::endpoints {

namespace {

bool isIpv4(std::string_view host)
{
    // botocore's IPV4_RE: (?:[0-9]{1,3}\.){3}[0-9]{1,3}, anchored.
    int groups = 0;
    std::size_t i = 0;
    while (true) {
        std::size_t digits = 0;
        while (i < host.size() && std::isdigit(static_cast<unsigned char>(host[i])) && digits < 4) {
            ++i;
            ++digits;
        }
        if (digits == 0 || digits > 3)
            return false;
        ++groups;
        if (groups == 4)
            return i == host.size();
        if (i >= host.size() || host[i] != '.')
            return false;
        ++i;
    }
}

bool isIpv6Literal(std::string_view host)
{
    // "[…]" with hex digits, colons, dots (an embedded IPv4) and an optional %zone.
    if (host.size() < 4 || host.front() != '[' || host.back() != ']')
        return false;
    std::string_view inner = host.substr(1, host.size() - 2);
    const std::size_t zone = inner.find('%');
    if (zone != std::string_view::npos)
        inner = inner.substr(0, zone);
    int colons = 0;
    for (char c : inner) {
        if (c == ':')
            ++colons;
        else if (!std::isxdigit(static_cast<unsigned char>(c)) && c != '.')
            return false;
    }
    return colons >= 2;
}

// RFC 3986 5.2.4 remove_dot_segments, dropping empty segments as botocore does.
std::string removeDotSegments(const std::string &path)
{
    if (path.empty())
        return "/";
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos)
            slash = path.size();
        const std::string segment = path.substr(start, slash - start);
        if (!segment.empty() && segment != ".") {
            if (segment == "..") {
                if (!out.empty())
                    out.pop_back();
            } else {
                out.push_back(segment);
            }
        }
        start = slash + 1;
    }
    std::string result = path.front() == '/' ? "/" : "";
    for (std::size_t i = 0; i < out.size(); ++i)
        result += (i ? "/" : "") + out[i];
    if (path.back() == '/' && !out.empty())
        result += '/';
    return result;
}

// Percent-encodes all but A-Z a-z 0-9 - . _ ~ (and '/' when kept: Python's quote(s)).
std::string percentEncode(const std::string &value, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(value.size());
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/')) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

const RuleValue &arg(const std::vector<RuleValue> &args, std::size_t i)
{
    return args[i];
}

[[noreturn]] void fault(const std::string &name, const std::string &what)
{
    throw RuleFault(name + ": " + what);
}

} // namespace

// "resourceId[2]" → {resourceId, 2}; "a.b" → {a}, {b}.
std::vector<AttrStep> parseAttrPath(std::string_view path)
{
    std::vector<AttrStep> steps;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t dot = path.find('.', start);
        if (dot == std::string_view::npos)
            dot = path.size();
        std::string_view part = path.substr(start, dot - start);
        AttrStep step;
        const std::size_t bracket = part.find('[');
        if (bracket != std::string_view::npos && part.back() == ']') {
            step.name = std::string(part.substr(0, bracket));
            const std::string_view digits = part.substr(bracket + 1, part.size() - bracket - 2);
            bool ok = !digits.empty();
            int index = 0;
            for (char c : digits) {
                ok = ok && std::isdigit(static_cast<unsigned char>(c));
                index = index * 10 + (c - '0');
            }
            if (ok)
                step.index = index;
            else
                step.name = std::string(part);
        } else {
            step.name = std::string(part);
        }
        steps.push_back(std::move(step));
        start = dot + 1;
    }
    return steps;
}

std::string uriEncode(const std::string &value)
{
    return percentEncode(value, false);
}

RuleValue parseUrl(const std::string &url)
{
    // urllib.parse.urlparse, for the URLs an endpoint can be: scheme://authority/path
    const std::size_t colon = url.find(':');
    if (colon == std::string::npos)
        return {};
    std::string scheme = url.substr(0, colon);
    for (char &c : scheme)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (scheme != "https" && scheme != "http")
        return {};
    std::string rest = url.substr(colon + 1);
    if (const std::size_t hash = rest.find('#'); hash != std::string::npos)
        rest.resize(hash);
    if (const std::size_t q = rest.find('?'); q != std::string::npos) {
        if (q + 1 < rest.size())
            return {}; // URLs with a query are not endpoints
        rest.resize(q);
    }
    std::string authority, path;
    if (rest.rfind("//", 0) == 0) {
        const std::size_t slash = rest.find('/', 2);
        authority = rest.substr(2, slash == std::string::npos ? std::string::npos : slash - 2);
        path = slash == std::string::npos ? std::string() : rest.substr(slash);
    } else {
        path = rest;
    }
    // The host and port (after any userinfo).
    std::string hostPort = authority.substr(authority.rfind('@') == std::string::npos ? 0 : authority.rfind('@') + 1);
    std::string host = hostPort;
    const std::size_t bracket = hostPort.find(']');
    const std::size_t portColon = hostPort.find(':', bracket == std::string::npos ? 0 : bracket);
    if (portColon != std::string::npos) {
        host = hostPort.substr(0, portColon);
        const std::string port = hostPort.substr(portColon + 1);
        if (!port.empty()) {
            long number = 0;
            for (char c : port) {
                if (!std::isdigit(static_cast<unsigned char>(c)))
                    return {};
                number = number * 10 + (c - '0');
                if (number > 65535)
                    return {};
            }
        }
    }
    std::string normalized = percentEncode(removeDotSegments(path), true);
    if (normalized.empty() || normalized.back() != '/')
        normalized += '/';
    const bool ip = isIpv4(host) || isIpv6Literal(host);
    return RuleValue(RuleValue::Object{{"scheme", scheme},
                                       {"authority", authority},
                                       {"path", path},
                                       {"normalizedPath", normalized},
                                       {"isIp", ip}});
}

RuleValue parseArn(const std::string &arn)
{
    if (arn.rfind("arn:", 0) != 0)
        return {};
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        const std::size_t colon = arn.find(':', start);
        if (colon == std::string::npos)
            return {};
        parts.push_back(arn.substr(start, colon - start));
        start = colon + 1;
    }
    parts.push_back(arn.substr(start));
    if (parts[1].empty() || parts[2].empty() || parts[5].empty())
        return {};
    RuleValue::Array resourceId;
    std::string piece;
    for (char c : parts[5]) {
        if (c == ':' || c == '/') {
            resourceId.emplace_back(piece);
            piece.clear();
        } else {
            piece += c;
        }
    }
    resourceId.emplace_back(piece);
    return RuleValue(RuleValue::Object{{"partition", parts[1]},
                                       {"service", parts[2]},
                                       {"region", parts[3]},
                                       {"accountId", parts[4]},
                                       {"resourceId", RuleValue(std::move(resourceId))}});
}

bool isValidHostLabel(const std::string &value, bool allowSubDomains)
{
    if (allowSubDomains) {
        std::size_t start = 0;
        while (true) {
            const std::size_t dot = value.find('.', start);
            if (!isValidHostLabel(value.substr(start, dot == std::string::npos ? dot : dot - start), false))
                return false;
            if (dot == std::string::npos)
                return true;
            start = dot + 1;
        }
    }
    if (value.empty() || value.size() > 63 || value.front() == '-' || value.back() == '-')
        return false;
    for (unsigned char c : value) {
        if (!std::isalnum(c) && c != '-')
            return false;
    }
    return true;
}

bool isVirtualHostableS3Bucket(const std::string &value, bool allowSubDomains)
{
    if (value.size() < 3 || isIpv4(value))
        return false;
    for (unsigned char c : value) {
        if (std::isupper(c))
            return false;
    }
    return isValidHostLabel(value, allowSubDomains);
}

RuleValue getAttr(const RuleValue &value, const std::vector<AttrStep> &path)
{
    RuleValue current = value;
    for (const AttrStep &step : path) {
        if (!step.name.empty()) {
            if (!current.isObject())
                return {};
            current = current.member(step.name);
        }
        if (step.index >= 0) {
            if (!current.isArray() || std::size_t(step.index) >= current.toArray().size())
                return {};
            return current.toArray()[std::size_t(step.index)];
        }
    }
    return current;
}

RuleValue callRuleFunction(RuleFunction function, const std::string &name, const std::vector<RuleValue> &args,
                           const Partitions &partitions)
{
    switch (function) {
    case RuleFunction::IsSet:
        return arg(args, 0).isSet();
    case RuleFunction::Not: {
        const RuleValue &v = arg(args, 0);
        if (!v.isSet())
            return true;
        if (!v.isBool())
            fault(name, std::string("expects a boolean, not a ") + kindName(v.kind()));
        return !v.toBool();
    }
    case RuleFunction::GetAttr: {
        if (!arg(args, 1).isString())
            fault(name, "the path must be a string");
        return getAttr(arg(args, 0), parseAttrPath(arg(args, 1).toString()));
    }
    case RuleFunction::BooleanEquals:
        if (!arg(args, 0).isBool() || !arg(args, 1).isBool())
            fault(name, std::string("both arguments must be booleans, not ") + kindName(arg(args, 0).kind())
                            + " and " + kindName(arg(args, 1).kind()));
        return arg(args, 0).toBool() == arg(args, 1).toBool();
    case RuleFunction::StringEquals:
        if (!arg(args, 0).isString() || !arg(args, 1).isString())
            fault(name, std::string("both arguments must be strings, not ") + kindName(arg(args, 0).kind())
                            + " and " + kindName(arg(args, 1).kind()));
        return arg(args, 0).toString() == arg(args, 1).toString();
    case RuleFunction::ParseUrl:
        if (!arg(args, 0).isString())
            return {};
        return parseUrl(arg(args, 0).toString());
    case RuleFunction::UriEncode:
        if (!arg(args, 0).isString())
            return {};
        return uriEncode(arg(args, 0).toString());
    case RuleFunction::Substring: {
        const RuleValue &input = arg(args, 0);
        if (!input.isString())
            fault(name, std::string("expects a string, not a ") + kindName(input.kind()));
        if (args[1].kind() != RuleValue::Kind::Int || args[2].kind() != RuleValue::Kind::Int || !args[3].isBool())
            fault(name, "expects (string, integer, integer, boolean)");
        const std::string &s = input.toString();
        const std::int64_t start = args[1].toInt(), stop = args[2].toInt();
        if (start >= stop || std::int64_t(s.size()) < stop || start < 0)
            return {};
        for (unsigned char c : s) {
            if (c > 127)
                return {};
        }
        if (args[3].toBool())
            return s.substr(std::size_t(std::int64_t(s.size()) - stop), std::size_t(stop - start));
        return s.substr(std::size_t(start), std::size_t(stop - start));
    }
    case RuleFunction::IsValidHostLabel:
        if (!arg(args, 0).isString())
            return false;
        return isValidHostLabel(arg(args, 0).toString(), arg(args, 1).isBool() && arg(args, 1).toBool());
    case RuleFunction::AwsPartition: {
        const RuleValue &region = arg(args, 0);
        if (region.isSet() && !region.isString())
            fault(name, std::string("expects a string, not a ") + kindName(region.kind()));
        if (!region.isSet())
            return partitions.partitions().front().outputs;
        return partitions.partitionOf(region.toString()).outputs;
    }
    case RuleFunction::AwsParseArn:
        if (!arg(args, 0).isString())
            return {};
        return parseArn(arg(args, 0).toString());
    case RuleFunction::AwsIsVirtualHostableS3Bucket:
        if (!arg(args, 0).isString())
            return false;
        return isVirtualHostableS3Bucket(arg(args, 0).toString(), arg(args, 1).isBool() && arg(args, 1).toBool());
    }
    fault(name, "unknown function");
}

} // namespace cumulus::endpoints
