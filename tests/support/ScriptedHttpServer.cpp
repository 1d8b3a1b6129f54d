#include "ScriptedHttpServer.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpSocket>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>
#include <functional>

namespace cumulus::test {

namespace {

std::string lower(std::string s)
{
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

std::string ScriptedHttpServer::Received::header(const std::string &name) const
{
    for (const auto &[n, v] : headers) {
        if (lower(n) == lower(name))
            return v;
    }
    return {};
}

ScriptedHttpServer::Step ScriptedHttpServer::answer(int status, std::string body,
                                                    std::vector<std::pair<std::string, std::string>> headers)
{
    Step s;
    s.status = status;
    s.body = std::move(body);
    s.headers = std::move(headers);
    return s;
}

ScriptedHttpServer::Step ScriptedHttpServer::jsonError(int status, const std::string &code,
                                                       std::vector<std::pair<std::string, std::string>> headers)
{
    headers.emplace_back("Content-Type", "application/x-amz-json-1.0");
    headers.emplace_back("x-amzn-RequestId", "req-" + code);
    return answer(status, "{\"__type\": \"com.amazonaws.dynamodb.v20120810#" + code + "\", \"message\": \"scripted " + code + "\"}",
                  std::move(headers));
}

ScriptedHttpServer::Step ScriptedHttpServer::close()
{
    Step s;
    s.kind = Step::Kind::Close;
    return s;
}

ScriptedHttpServer::Step ScriptedHttpServer::stall()
{
    Step s;
    s.kind = Step::Kind::Stall;
    return s;
}

ScriptedHttpServer::Step ScriptedHttpServer::cutShort(std::string partialBody, int announcedLength)
{
    Step s;
    s.kind = Step::Kind::CutShort;
    s.body = std::move(partialBody);
    s.headers = {{"Content-Length", std::to_string(announcedLength)}};
    return s;
}

ScriptedHttpServer::Step ScriptedHttpServer::flood(std::uint64_t bytes, bool announced)
{
    Step s;
    s.kind = Step::Kind::Flood;
    s.floodBytes = bytes;
    s.floodAnnounced = announced;
    return s;
}

ScriptedHttpServer::ScriptedHttpServer()
    : m_server(std::make_unique<QTcpServer>())
{
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &ScriptedHttpServer::onConnection);
}

ScriptedHttpServer::ScriptedHttpServer(const QSslCertificate &certificate, const QSslKey &key)
    : m_tls(true)
{
    auto server = std::make_unique<QSslServer>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(configuration);
    m_server = std::move(server);
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &ScriptedHttpServer::onConnection);
}

namespace {

QByteArray pemOf(const std::function<int(BIO *)> &write)
{
    BIO *bio = BIO_new(BIO_s_mem());
    write(bio);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, length);
    BIO_free(bio);
    return pem;
}

void addExtension(X509 *x509, X509 *issuer, int nid, const std::string &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, x509, nullptr, nullptr, 0);
    if (X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str())) {
        X509_add_ext(x509, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

// host: a DNS name for a server's certificate; empty for an authority named `name`.
TestCertificate makeCertificate(const std::string &name, const std::string &host, const TestCertificate *issuer)
{
    static long serial = 1;
    EVP_PKEY *pkey = EVP_EC_gen("P-256");
    X509 *x509 = X509_new();
    X509_set_version(x509, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x509), serial++);
    X509_gmtime_adj(X509_getm_notBefore(x509), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x509), 24 * 3600);
    X509_set_pubkey(x509, pkey);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(x509), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(name.c_str()), -1, -1, 0);
    X509 *issuerX509 = x509;
    EVP_PKEY *issuerKey = pkey;
    if (issuer) {
        const QByteArray certPem = issuer->certificate.toPem(), keyPem = issuer->key.toPem();
        BIO *certBio = BIO_new_mem_buf(certPem.constData(), int(certPem.size()));
        BIO *keyBio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
        issuerX509 = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
        issuerKey = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
        BIO_free(certBio);
        BIO_free(keyBio);
    }
    X509_set_issuer_name(x509, X509_get_subject_name(issuerX509));
    if (host.empty()) {
        addExtension(x509, issuerX509, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(x509, issuerX509, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(x509, issuerX509, NID_subject_alt_name, "DNS:" + host);
    }
    X509_sign(x509, issuerKey, EVP_sha256());
    const QByteArray certPem = pemOf([x509](BIO *bio) { return PEM_write_bio_X509(bio, x509); });
    const QByteArray keyPem = pemOf([pkey](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, pkey, nullptr, nullptr, 0, nullptr, nullptr);
    });
    TestCertificate made{QSslCertificate(certPem, QSsl::Pem), QSslKey(keyPem, QSsl::Ec, QSsl::Pem)};
    if (issuer) {
        X509_free(issuerX509);
        EVP_PKEY_free(issuerKey);
    }
    X509_free(x509);
    EVP_PKEY_free(pkey);
    return made;
}

} // namespace

TestCertificate makeSelfSignedCertificate(const std::string &host)
{
    return makeCertificate(host, host, nullptr);
}

TestCertificate makeCertificateAuthority(const std::string &name)
{
    return makeCertificate(name, std::string(), nullptr);
}

TestCertificate makeCertificate(const std::string &host, const TestCertificate &issuer)
{
    return makeCertificate(host, host, &issuer);
}

ScriptedHttpServer::~ScriptedHttpServer() = default;

void ScriptedHttpServer::script(std::vector<Step> steps)
{
    m_steps.assign(steps.begin(), steps.end());
}

std::string ScriptedHttpServer::url() const
{
    return (m_tls ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(m_server->serverPort());
}

void ScriptedHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_buffers.append({socket, QByteArray()});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
    }
}

void ScriptedHttpServer::onData(QTcpSocket *socket)
{
    auto it = std::find_if(m_buffers.begin(), m_buffers.end(), [socket](const auto &p) { return p.first == socket; });
    if (it == m_buffers.end())
        return;
    QByteArray &buffer = it->second;
    buffer += socket->readAll();
    while (true) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Received r;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0).toStdString();
        r.target = first.value(1).toStdString();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            r.headers.emplace_back(line.left(colon).trimmed().toStdString(), line.mid(colon + 1).trimmed().toStdString());
            if (line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length).toStdString();
        buffer.remove(0, end + 4 + length);
        m_received.push_back(r);

        Step step = m_steps.empty() ? answer(500, "script exhausted") : m_steps.front();
        if (!m_steps.empty())
            m_steps.pop_front();
        switch (step.kind) {
        case Step::Kind::Close:
            socket->abort();
            return;
        case Step::Kind::Stall:
            return; // never answers
        case Step::Kind::Flood: {
            const bool chunked = !step.floodAnnounced;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                          + (chunked ? QByteArray("Transfer-Encoding: chunked")
                                     : "Content-Length: " + QByteArray::number(qulonglong(step.floodBytes)))
                          + "\r\n\r\n");
            auto sent = std::make_shared<std::uint64_t>(0);
            auto pump = [socket, sent, total = step.floodBytes, chunked] {
                static const QByteArray block(1 << 20, 'x');
                while (*sent < total && socket->state() == QAbstractSocket::ConnectedState
                       && socket->bytesToWrite() < 4 * block.size()) {
                    const qsizetype n = qsizetype(std::min<std::uint64_t>(std::uint64_t(block.size()), total - *sent));
                    socket->write(chunked ? QByteArray::number(n, 16) + "\r\n" + block.left(n) + "\r\n" : block.left(n));
                    *sent += std::uint64_t(n);
                    if (*sent == total && chunked)
                        socket->write("0\r\n\r\n");
                }
            };
            connect(socket, &QTcpSocket::bytesWritten, socket, pump);
            pump();
            return;
        }
        case Step::Kind::Answer:
        case Step::Kind::CutShort: {
            QByteArray out = "HTTP/1.1 " + QByteArray::number(step.status) + ' ' + reason(step.status) + "\r\n";
            bool hasLength = false;
            for (const auto &[n, v] : step.headers) {
                out += QByteArray::fromStdString(n) + ": " + QByteArray::fromStdString(v) + "\r\n";
                hasLength = hasLength || lower(n) == "content-length";
            }
            if (!hasLength)
                out += "Content-Length: " + QByteArray::number(qsizetype(step.body.size())) + "\r\n";
            out += "\r\n" + QByteArray::fromStdString(step.body);
            socket->write(out);
            socket->flush();
            if (step.kind == Step::Kind::CutShort) {
                socket->waitForBytesWritten(1000);
                socket->disconnectFromHost();
                return;
            }
            break;
        }
        }
    }
}

} // namespace cumulus::test
