#include "net/QnamTransport.h"

#include "Version.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cctype>

namespace cumulus::net {

namespace {

bool sameName(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string describe(const QSslCertificate &certificate)
{
    const QString subject = certificate.subjectInfo(QSslCertificate::CommonName).join(", ");
    const QString issuer = certificate.issuerInfo(QSslCertificate::CommonName).join(", ");
    return "certificate for '" + subject.toStdString() + "' issued by '" + issuer.toStdString() + "', valid "
        + certificate.effectiveDate().toString(Qt::ISODate).toStdString() + " to "
        + certificate.expiryDate().toString(Qt::ISODate).toStdString() + ", SHA-256 "
        + certificate.digest(QCryptographicHash::Sha256).toHex().toStdString();
}

TransportFailure failureOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return TransportFailure::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
        return TransportFailure::ConnectionClosed;
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyNotFoundError:
        return TransportFailure::HostNotFound;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return TransportFailure::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return TransportFailure::Tls;
    case QNetworkReply::OperationCanceledError:
        return TransportFailure::Cancelled;
    default:
        return TransportFailure::Other;
    }
}

} // namespace

QnamTransport::QnamTransport(TransportOptions options)
    : m_options(std::move(options))
{
}

QnamTransport::~QnamTransport() = default;

TransportResult QnamTransport::send(const TransportRequest &request, const std::atomic<bool> *cancel)
{
    if (!m_manager) {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        m_manager = std::make_unique<QNetworkAccessManager>();
        m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    TransportResult result;
    const QUrl url = QUrl::fromEncoded(QByteArray::fromStdString(request.url), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        result.failure = TransportFailure::Other;
        result.message = "not an http(s) URL: " + request.url;
        return result;
    }
    QNetworkRequest q(url);
    q.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    q.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    q.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    q.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    bool hasAgent = false, hasEncoding = false;
    for (const Header &h : request.headers) {
        if (sameName(h.name, "host") || sameName(h.name, "content-length"))
            continue; // Qt writes both from the URL and the body, with the same values
        hasAgent = hasAgent || sameName(h.name, "user-agent");
        hasEncoding = hasEncoding || sameName(h.name, "accept-encoding");
        q.setRawHeader(QByteArray::fromStdString(h.name), QByteArray::fromStdString(h.value));
    }
    if (!hasAgent)
        q.setRawHeader("User-Agent", QByteArray("cumulus/") + Version);
    if (!hasEncoding)
        q.setRawHeader("Accept-Encoding", "identity");
    if (m_options.caCertificates && url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = q.sslConfiguration();
        tls.setCaCertificates(*m_options.caCertificates);
        q.setSslConfiguration(tls);
    }

    const QByteArray verb = QByteArray::fromStdString(request.method);
    // HEAD through head(): sent as a custom verb, Qt would wait for the body its Content-Length
    // announces, until the read timeout, on a connection the server keeps open (S3's HeadObject).
    QNetworkReply *reply = verb == "HEAD" ? m_manager->head(q)
        : request.body.empty() && verb != "POST" && verb != "PUT" && verb != "PATCH"
        ? m_manager->sendCustomRequest(q, verb)
        : m_manager->sendCustomRequest(q, verb, QByteArray::fromStdString(request.body));

    // Backpressure: Qt's network thread stops reading when 4 MiB wait here, so that an answer is
    // not also held in a buffer of Qt's on its way to `body`.
    reply->setReadBufferSize(4 << 20);

    QEventLoop loop;
    QTimer inactivity, cancelPoll;
    inactivity.setSingleShot(true);
    std::uint64_t announced = 0; // the Content-Length of an answer refused for it
    bool timedOut = false, timedOutConnecting = false, tooLarge = false, cancelled = false, connected = false;
    std::string tlsProblem;
    const auto limit = m_options.maxResponseBytes;

    // The connect timeout runs until the connection is up (TCP, and TLS for https) and the request
    // is going out; from then the read timeout, restarted by every byte either way.
    auto rearm = [&] {
        const auto timeout = connected ? m_options.readTimeout : m_options.connectTimeout;
        if (timeout.count() > 0)
            inactivity.start(timeout);
        else
            inactivity.stop();
    };
    auto progressed = [&] {
        connected = true;
        rearm();
    };
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&inactivity, &QTimer::timeout, reply, [&] {
        timedOut = true;
        timedOutConnecting = !connected;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::encrypted, reply, progressed);
    QObject::connect(reply, &QNetworkReply::requestSent, reply, progressed);
    QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [&](qint64 sent, qint64) {
        if (sent > 0)
            progressed();
    });
    // The body moves out of Qt's buffer as it comes, so that an answer is held once, never twice.
    std::string body;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
        progressed();
        const QByteArray chunk = reply->readAll();
        if (body.size() + std::uint64_t(chunk.size()) > limit) {
            tooLarge = true;
            reply->abort();
            return;
        }
        body.append(chunk.constData(), std::size_t(chunk.size()));
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [&](qint64 received, qint64) {
        if (received > 0)
            progressed();
    });
    // An answer to HEAD, a 204 and a 304 have no body whatever their Content-Length says (RFC 9110,
    // 6.4.1): S3's HeadObject on a 5 GB object is a small answer.
    auto bodyless = [&] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return request.method == "HEAD" || status == 204 || status == 304;
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [&] {
        progressed();
        const QVariant length = bodyless() ? QVariant() : reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toULongLong() > limit) {
            tooLarge = true;
            announced = length.toULongLong();
            reply->abort();
        } else if (length.isValid()) {
            body.reserve(std::size_t(length.toULongLong())); // no doubling copy on the way to it
        }
    });
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&](const QList<QSslError> &errors) {
        QList<QSslError> trusted;
        for (const QSslError &e : errors) {
            const std::string digest = e.certificate().digest(QCryptographicHash::Sha256).toHex().toStdString();
            if (std::find(m_options.trustedCertificates.begin(), m_options.trustedCertificates.end(), digest)
                != m_options.trustedCertificates.end())
                trusted << e;
            else if (tlsProblem.empty())
                tlsProblem = e.errorString().toStdString() + (e.certificate().isNull() ? "" : " (" + describe(e.certificate()) + ")");
        }
        if (trusted.size() == errors.size())
            reply->ignoreSslErrors(trusted);
    });
    if (cancel) {
        QObject::connect(&cancelPoll, &QTimer::timeout, reply, [&] {
            if (cancel->load()) {
                cancelled = true;
                reply->abort();
            }
        });
        cancelPoll.start(50);
    }
    rearm();
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    inactivity.stop();
    cancelPoll.stop();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    const std::string where = request.method + " " + url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toStdString();
    if (timedOut) {
        result.failure = TransportFailure::Timeout;
        result.message = !timedOutConnecting ? "no answer for " + describeTimeout(m_options.readTimeout) + " from " + where
                                   : "could not connect within " + describeTimeout(m_options.connectTimeout) + " to " + where;
    } else if (tooLarge) {
        result.failure = TransportFailure::TooLarge;
        result.message = "the answer to " + where + " is larger than the limit of " + std::to_string(limit) + " bytes"
            + (announced ? " (it announced " + std::to_string(announced) + ")" : "");
    } else if (cancelled) {
        result.failure = TransportFailure::Cancelled;
        result.message = "cancelled: " + where;
    } else if (!tlsProblem.empty() || error == QNetworkReply::SslHandshakeFailedError) {
        result.failure = TransportFailure::Tls;
        result.message = "TLS: " + (tlsProblem.empty() ? reply->errorString().toStdString() : tlsProblem) + " — " + where;
    } else if (status.isValid()) {
        // An HTTP answer, whatever its status. A server that closes the connection right after its
        // answer (Connection: close) can make Qt report RemoteHostClosedError on a whole answer;
        // only a body shorter than its Content-Length was cut short (and a bodyless answer has none).
        const QByteArray rest = reply->readAll();
        body.append(rest.constData(), std::size_t(rest.size()));
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (error == QNetworkReply::RemoteHostClosedError && !bodyless() && length.isValid() && length.toLongLong() > qint64(body.size())) {
            result.failure = TransportFailure::ConnectionClosed;
            result.message = "the connection closed after " + std::to_string(body.size()) + " of "
                + std::to_string(length.toLongLong()) + " bytes of the answer: " + where;
        } else {
            result.response.status = status.toInt();
            for (const auto &[name, value] : reply->rawHeaderPairs())
                result.response.headers.push_back({name.toStdString(), value.toStdString()});
            result.response.body = std::move(body);
        }
    } else {
        result.failure = failureOf(error);
        result.message = reply->errorString().toStdString() + " — " + where;
    }
    delete reply;
    return result;
}

} // namespace cumulus::net
