#pragma once

#include "retries/RetrySettings.h"
#include "util/Random.h"

#include <chrono>
#include <string>

namespace cumulus::retries {

// How long to wait before the next attempt, after attempt number `attempt` (1-based) failed.
// Standard and adaptive: full jitter, rand[0,1) * min(2^(attempt-1) s, 20 s) (botocore
// ExponentialBackoff). Legacy: rand * 2^(attempt-1) s without a cap; DynamoDB a fixed
// 0.05 s * 2^(attempt-1) (botocore _retry.json).
std::chrono::milliseconds backoffDelay(RetryMode mode, int attempt, const std::string &sdkId, util::Random &random);

// The largest delay backoffDelay can draw for these arguments (for tests and the timeline).
std::chrono::milliseconds maxBackoffDelay(RetryMode mode, int attempt, const std::string &sdkId);

} // namespace cumulus::retries
