#include "net/CaBundle.h"

#include "util/Environment.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <mutex>

namespace cumulus::net {

std::optional<util::Error> useCaBundle(TransportOptions &options, const std::optional<std::string> &option,
                                       const util::Environment &environment,
                                       const std::map<std::string, std::string> &settings)
{
    std::string path, from;
    if (option && !option->empty()) {
        path = *option;
        from = "--ca-bundle";
    } else if (const auto variable = environment.value(QStringLiteral("AWS_CA_BUNDLE")); variable && !variable->isEmpty()) {
        path = variable->toStdString();
        from = "AWS_CA_BUNDLE";
    } else if (const auto it = settings.find("ca_bundle"); it != settings.end() && !it->second.empty()) {
        path = it->second;
        from = "the profile's ca_bundle";
    } else {
        return std::nullopt;
    }
    // Read once per process while the file stays as it was: a system bundle (AWS_CA_BUNDLE is often
    // set to one) holds ~150 certificates, ~60 ms to decode, and every call and STS call asks.
    struct Read {
        QString path;
        QDateTime modified;
        qint64 size = -1;
        QList<QSslCertificate> certificates;
    };
    static std::mutex mutex;
    static Read last;
    const QFileInfo info(QString::fromStdString(path));
    const std::lock_guard<std::mutex> lock(mutex);
    if (last.path == info.absoluteFilePath() && last.modified == info.lastModified() && last.size == info.size()
        && !last.certificates.isEmpty()) {
        options.caCertificates = last.certificates;
        return std::nullopt;
    }
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return util::Error{"the CA bundle " + path + " (from " + from + ") cannot be read"};
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return util::Error{"the CA bundle " + path + " (from " + from + ") holds no PEM certificate"};
    last = {info.absoluteFilePath(), info.lastModified(), info.size(), certificates};
    options.caCertificates = certificates;
    return std::nullopt;
}

} // namespace cumulus::net
