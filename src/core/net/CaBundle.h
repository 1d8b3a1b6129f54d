#pragma once

#include "net/Transport.h"
#include "util/Expected.h"

#include <map>
#include <optional>
#include <string>

namespace cumulus::util {
class Environment;
}

namespace cumulus::net {

// The certificate authorities TLS trusts, picked as the AWS CLI picks them: --ca-bundle, else
// AWS_CA_BUNDLE, else the profile's ca_bundle. A bundle (PEM) replaces the system's authorities in
// `options`, as botocore's verify=PATH does; none named leaves the system's. An error names the
// file and where it was named when it cannot be read or holds no certificate.
std::optional<util::Error> useCaBundle(TransportOptions &options, const std::optional<std::string> &option,
                                       const util::Environment &environment,
                                       const std::map<std::string, std::string> &settings);

} // namespace cumulus::net
