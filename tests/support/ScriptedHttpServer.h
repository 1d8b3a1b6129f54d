#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <cstdint>
#include <memory>

#include <deque>
#include <string>
#include <vector>

class QTcpSocket;

namespace cumulus::test {

// A loopback HTTP/1.1 server that answers each request with the next step of a script: an answer,
// a connection closed without one, a connection that never answers, or an answer cut short. It
// records every request. It runs on the thread that owns it: a blocking QnamTransport::send on
// that thread runs the event loop that serves it.
class ScriptedHttpServer : public QObject {
    Q_OBJECT

public:
    struct Step {
        enum class Kind { Answer, Close, Stall, CutShort, Flood } kind = Kind::Answer;
        int status = 200;
        std::vector<std::pair<std::string, std::string>> headers;
        std::string body;
        std::uint64_t floodBytes = 0;
        bool floodAnnounced = false;
    };
    struct Received {
        std::string method;
        std::string target; // path and query as sent
        std::vector<std::pair<std::string, std::string>> headers;
        std::string body;
        std::string header(const std::string &name) const; // first, ignoring case; "" when absent
    };

    static Step answer(int status, std::string body = {}, std::vector<std::pair<std::string, std::string>> headers = {});
    // An AWS JSON error (awsJson1_0 style: __type in the body).
    static Step jsonError(int status, const std::string &code, std::vector<std::pair<std::string, std::string>> headers = {});
    static Step close();
    static Step stall();
    static Step cutShort(std::string partialBody, int announcedLength);
    // A 200 answer of `bytes` bytes of filler, written as the client takes them (the server never
    // holds more than a few MiB), with a Content-Length when `announced`, else chunked.
    static Step flood(std::uint64_t bytes, bool announced);

    ScriptedHttpServer();
    // Over TLS, with this certificate and key.
    ScriptedHttpServer(const QSslCertificate &certificate, const QSslKey &key);
    ~ScriptedHttpServer() override;

    void script(std::vector<Step> steps);
    std::string url() const; // "http://127.0.0.1:PORT" (https with TLS)
    const std::vector<Received> &received() const { return m_received; }

private:
    void onConnection();
    void onData(QTcpSocket *socket);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    std::deque<Step> m_steps;
    std::vector<Received> m_received;
    QList<QPair<QTcpSocket *, QByteArray>> m_buffers;
};

// A certificate (EC P-256) for `host`, made with OpenSSL: for TLS tests. Self-signed, or signed by
// `issuer` (a certificate authority from makeCertificateAuthority).
struct TestCertificate {
    QSslCertificate certificate;
    QSslKey key;
};
TestCertificate makeSelfSignedCertificate(const std::string &host);
TestCertificate makeCertificateAuthority(const std::string &name);
TestCertificate makeCertificate(const std::string &host, const TestCertificate &issuer);

} // namespace cumulus::test
