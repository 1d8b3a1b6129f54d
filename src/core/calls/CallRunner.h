#pragma once

#include "calls/PreparedCall.h"
#include "net/RequestExecutor.h"

#include <atomic>

namespace cumulus::calls {

// What came of a sent call.
struct CallOutcome {
    net::TransportResult last;                 // the final answer, or why none came
    std::vector<net::AttemptRecord> attempts;
    std::optional<protocols::ParsedResponse> parsed; // when an answer came
    std::string prepareError;                  // signing failed: nothing was sent
    // Per attempt, for the signing inspector (no secret in either).
    std::vector<std::string> canonicalRequests;
    std::vector<std::string> stringsToSign;
};

// Sends prepared calls through an executor (its retries, quota and clock offset), signing each
// attempt anew, and reads the final answer with the service's protocol. Which errors the protocol
// reads decides the retry: the AWS error code and the error shape's @retryable trait.
class CallRunner {
public:
    CallRunner(net::RequestExecutor &executor, util::Random &random) : m_executor(executor), m_random(random) {}

    CallOutcome send(const PreparedCall &call, const retries::RetrySettings &settings,
                     const std::atomic<bool> *cancel = nullptr);

private:
    net::RequestExecutor &m_executor;
    util::Random &m_random;
};

} // namespace cumulus::calls
