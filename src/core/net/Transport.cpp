#include "net/Transport.h"

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

} // namespace cumulus::net
