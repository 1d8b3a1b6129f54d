#pragma once

#include "net/Transport.h"

#include <memory>

class QNetworkAccessManager;

namespace cumulus::net {

// The Transport on QNetworkAccessManager: HTTP/1.1, the system proxy, TLS verification always on (a
// certificate error is reported with the certificate's details; only a certificate a person chose
// to trust for a custom endpoint, by its SHA-256, passes), no redirects followed, no transparent
// decompression (Accept-Encoding: identity, as botocore), an inactivity timeout and a size limit.
// Use it from one thread: the one that first calls send(). Qt's HTTP stack sends a request a second
// time, on its own, when the connection closes before any byte of the answer (a reused keep-alive
// connection the server had closed); only a second such close reaches the retry layer.
class QnamTransport final : public Transport {
public:
    explicit QnamTransport(TransportOptions options = {});
    ~QnamTransport() override;

    TransportResult send(const TransportRequest &request, const std::atomic<bool> *cancel) override;

private:
    TransportOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

} // namespace cumulus::net
