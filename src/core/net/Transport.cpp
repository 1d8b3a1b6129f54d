#include "net/Transport.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace cumulus::net {

const char *failureName(TransportFailure failure)
{
    switch (failure) {
    case TransportFailure::None: return "none";
    case TransportFailure::ConnectionRefused: return "connection refused";
    case TransportFailure::ConnectionClosed: return "connection closed";
    case TransportFailure::HostNotFound: return "host not found";
    case TransportFailure::Timeout: return "timeout";
    case TransportFailure::Tls: return "TLS error";
    case TransportFailure::TooLarge: return "response too large";
    case TransportFailure::Cancelled: return "cancelled";
    case TransportFailure::Other: return "network error";
    }
    return "?";
}

util::Expected<std::chrono::milliseconds> timeoutFromSeconds(std::string_view seconds, std::string_view option)
{
    double value = -1;
    const auto [end, ec] = std::from_chars(seconds.data(), seconds.data() + seconds.size(), value);
    // A day is far beyond any AWS call; a larger number is a typo.
    if (ec != std::errc() || end != seconds.data() + seconds.size() || !std::isfinite(value) || value < 0 || value > 86400)
        return util::Error{std::string(option) + " wants seconds between 0 (no limit) and 86400, not '" + std::string(seconds) + "'"};
    return std::chrono::milliseconds(std::llround(value * 1000));
}

std::string describeTimeout(std::chrono::milliseconds timeout)
{
    if (timeout.count() <= 0)
        return "no limit";
    char text[32];
    std::snprintf(text, sizeof text, "%g s", double(timeout.count()) / 1000.0);
    return text;
}

} // namespace cumulus::net
