#pragma once

#include "util/Expected.h"

#include <QList>
#include <QSslCertificate>

#include <map>
#include <optional>
#include <string>

namespace cumulus::util {
class Environment;
}

namespace cumulus::net {

// The certificate authorities TLS trusts, picked as the AWS CLI picks them: --ca-bundle, else
// AWS_CA_BUNDLE, else the profile's ca_bundle. A bundle (PEM) replaces the system's authorities,
// as botocore's verify=PATH does; nullopt when none is named (the system's). An error names the
// file and where it was named when it cannot be read or holds no certificate.
util::Expected<std::optional<QList<QSslCertificate>>> caBundle(const std::optional<std::string> &option,
                                                                const util::Environment &environment,
                                                                const std::map<std::string, std::string> &settings);

} // namespace cumulus::net
