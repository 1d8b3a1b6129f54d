#pragma once

#include "credentials/Credentials.h"

#include <optional>

namespace cumulus::util {
class Environment;
}

namespace cumulus::credentials {

// AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY, with AWS_SESSION_TOKEN (or the older
// AWS_SECURITY_TOKEN) and AWS_ACCOUNT_ID when set (botocore EnvProvider). Nothing when either key
// is missing.
std::optional<Credentials> environmentCredentials(const util::Environment &environment);

} // namespace cumulus::credentials
