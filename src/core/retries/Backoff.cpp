#include "retries/Backoff.h"

#include <algorithm>
#include <cmath>

namespace cumulus::retries {

namespace {

constexpr double MaxBackoffSeconds = 20.0;

double ceilingSeconds(RetryMode mode, int attempt, const std::string &sdkId)
{
    const double growth = std::pow(2.0, std::max(0, attempt - 1));
    if (mode == RetryMode::Legacy)
        return sdkId == "DynamoDB" ? 0.05 * growth : growth;
    return std::min(growth, MaxBackoffSeconds);
}

std::chrono::milliseconds ms(double seconds)
{
    return std::chrono::milliseconds(std::llround(seconds * 1000.0));
}

} // namespace

std::chrono::milliseconds backoffDelay(RetryMode mode, int attempt, const std::string &sdkId, util::Random &random)
{
    const double ceiling = ceilingSeconds(mode, attempt, sdkId);
    if (mode == RetryMode::Legacy && sdkId == "DynamoDB")
        return ms(ceiling); // a fixed base, no jitter
    return ms(random.uniform01() * ceiling);
}

std::chrono::milliseconds maxBackoffDelay(RetryMode mode, int attempt, const std::string &sdkId)
{
    return ms(ceilingSeconds(mode, attempt, sdkId));
}

} // namespace cumulus::retries
