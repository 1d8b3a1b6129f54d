#pragma once

#include <mutex>

namespace cumulus::retries {

// The standard and adaptive modes' retry quota (botocore retries/quota.py): 500 tokens; a retry
// costs 5, or 10 after a timeout; a success gives back what its last retry took, or 1 when it
// needed none. When a retry costs more than is left, the error stands. Shared by the calls of one
// client; thread-safe.
class RetryQuota {
public:
    static constexpr int InitialCapacity = 500;
    static constexpr int RetryCost = 5;
    static constexpr int TimeoutRetryCost = 10;
    static constexpr int NoRetryIncrement = 1;

    // Takes the cost of a retry; false (and nothing taken) when too little is left.
    bool acquire(bool afterTimeout, int &taken);
    // After a successful answer: taken is what the call's last retry took (0 when none).
    void release(int taken);
    int available() const;

private:
    mutable std::mutex m_mutex;
    int m_available = InitialCapacity;
};

} // namespace cumulus::retries
