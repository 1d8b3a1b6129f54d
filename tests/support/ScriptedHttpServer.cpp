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

TestCertificate makeSelfSignedCertificate(const std::string &host)
{
    EVP_PKEY *pkey = EVP_EC_gen("P-256");
    X509 *x509 = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(x509), 1);
    X509_gmtime_adj(X509_getm_notBefore(x509), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x509), 24 * 3600);
    X509_set_pubkey(x509, pkey);
    X509_NAME *name = X509_get_subject_name(x509);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(host.c_str()), -1, -1, 0);
    X509_set_issuer_name(x509, name);
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, x509, x509, nullptr, nullptr, 0);
    const std::string san = "DNS:" + host;
    if (X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, san.c_str())) {
        X509_add_ext(x509, ext, -1);
        X509_EXTENSION_free(ext);
    }
    X509_sign(x509, pkey, EVP_sha256());
    BIO *certBio = BIO_new(BIO_s_mem());
    BIO *keyBio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(certBio, x509);
    PEM_write_bio_PrivateKey(keyBio, pkey, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long certLength = BIO_get_mem_data(certBio, &data);
    const QByteArray certPem(data, certLength);
    const long keyLength = BIO_get_mem_data(keyBio, &data);
    const QByteArray keyPem(data, keyLength);
    BIO_free(certBio);
    BIO_free(keyBio);
    X509_free(x509);
    EVP_PKEY_free(pkey);
    return {QSslCertificate(certPem, QSsl::Pem), QSslKey(keyPem, QSsl::Ec, QSsl::Pem)};
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
