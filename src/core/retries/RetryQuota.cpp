#include "retries/RetryQuota.h"

#include <algorithm>

namespace cumulus::retries {

bool RetryQuota::acquire(bool afterTimeout, int &taken)
{
    const std::lock_guard lock(m_mutex);
    const int cost = afterTimeout ? TimeoutRetryCost : RetryCost;
    if (cost > m_available)
        return false;
    m_available -= cost;
    taken = cost;
    return true;
}

void RetryQuota::release(int taken)
{
    const std::lock_guard lock(m_mutex);
    m_available = std::min(InitialCapacity, m_available + (taken > 0 ? taken : NoRetryIncrement));
}

int RetryQuota::available() const
{
    const std::lock_guard lock(m_mutex);
    return m_available;
}

} // namespace cumulus::retries
