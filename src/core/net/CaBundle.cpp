#include "net/CaBundle.h"

#include "util/Environment.h"

#include <QFile>

namespace cumulus::net {

util::Expected<std::optional<QList<QSslCertificate>>> caBundle(const std::optional<std::string> &option,
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
        return std::optional<QList<QSslCertificate>>();
    }
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return util::Error{"the CA bundle " + path + " (from " + from + ") cannot be read"};
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return util::Error{"the CA bundle " + path + " (from " + from + ") holds no PEM certificate"};
    return std::optional<QList<QSslCertificate>>(certificates);
}

} // namespace cumulus::net
