#pragma once

#include "endpoints/EndpointSettings.h"
#include "util/Expected.h"

#include <optional>
#include <string>

namespace cumulus::util {
class Environment;
}

namespace cumulus::retries {

enum class RetryMode { Legacy, Standard, Adaptive };

const char *modeName(RetryMode mode);

struct RetrySettings {
    RetryMode mode = RetryMode::Standard; // the AWS CLI v2's default
    int maxAttempts = 3;                  // in all, the first attempt included
};

// The flag, then AWS_RETRY_MODE / AWS_MAX_ATTEMPTS, then the profile's retry_mode / max_attempts,
// then the defaults: standard, 3 attempts (legacy: 5, DynamoDB 10, as botocore's _retry.json).
// Bad values are errors that name where they came from.
util::Expected<RetrySettings> retrySettings(const std::optional<std::string> &mode,
                                            const std::optional<std::string> &maxAttempts,
                                            const util::Environment &environment,
                                            const endpoints::ProfileSettings &profile, const std::string &sdkId);

} // namespace cumulus::retries
