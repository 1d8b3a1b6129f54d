#include "net/RequestExecutor.h"

#include "retries/Backoff.h"

#include <QDateTime>
#include <QTimeZone>

namespace cumulus::net {

using retries::ErrorKind;
using retries::RetryMode;

namespace {

constexpr std::chrono::minutes SkewThreshold{4}; // aws-sdk-cpp TIME_DIFF_MAX

std::chrono::milliseconds elapsed(std::chrono::steady_clock::time_point since, const util::Clock &clock)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock.monotonicNow() - since);
}

std::string attemptsMade(int n)
{
    return "stop: " + std::to_string(n) + (n == 1 ? " attempt made" : " attempts made");
}

} // namespace

std::optional<std::chrono::system_clock::time_point> serverTime(const HttpResponse &response)
{
    QDateTime time;
    if (const Header *h = response.header("x-amz-date"))
        time = QDateTime::fromString(QString::fromStdString(h->value), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    if (time.isValid())
        time.setTimeZone(QTimeZone::utc());
    else if (const Header *d = response.header("Date"))
        time = QDateTime::fromString(QString::fromStdString(d->value), Qt::RFC2822Date);
    if (!time.isValid())
        return std::nullopt;
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(time.toMSecsSinceEpoch()));
}

RequestExecutor::RequestExecutor(Transport &transport, const util::Clock &clock, util::Sleeper &sleeper,
                                 util::Random &random)
    : m_transport(transport), m_clock(clock), m_sleeper(sleeper), m_random(random), m_limiter(clock)
{
}

CallResult RequestExecutor::execute(const CallHooks &hooks, const retries::RetrySettings &settings,
                                    const std::string &sdkId, const std::atomic<bool> *cancel)
{
    CallResult result;
    const std::string invocationId = m_random.uuid4().toString(QUuid::WithoutBraces).toStdString();
    const bool quotaApplies = settings.mode != RetryMode::Legacy;
    const bool adaptive = settings.mode == RetryMode::Adaptive;
    int lastRetryCost = 0;
    bool skewCorrected = false;

    for (int attempt = 1;; ++attempt) {
        AttemptRecord record;
        record.number = attempt;
        if (adaptive) {
            record.waitedBefore = m_limiter.acquire();
            if (record.waitedBefore.count() > 0 && !m_sleeper.sleep(record.waitedBefore, cancel)) {
                result.last.failure = TransportFailure::Cancelled;
                result.last.message = "cancelled";
                return result;
            }
        }
        const std::vector<Header> retryHeaders = {
            {"amz-sdk-invocation-id", invocationId},
            {"amz-sdk-request", "attempt=" + std::to_string(attempt) + "; max=" + std::to_string(settings.maxAttempts)}};
        const auto signingTime = std::chrono::floor<std::chrono::seconds>(m_clock.now()) + m_clockOffset.load();
        auto request = hooks.prepare(retryHeaders, signingTime);
        if (!request) {
            result.prepareError = request.error().message;
            return result;
        }
        record.started = m_clock.now();
        const auto start = m_clock.monotonicNow();
        result.last = m_transport.send(*request, cancel);
        record.duration = elapsed(start, m_clock);

        retries::AttemptOutcome outcome;
        if (result.last.ok()) {
            outcome = hooks.inspect(result.last.response);
            outcome.status = result.last.response.status;
        } else {
            outcome.failure = result.last.failure;
            record.failureMessage = result.last.message;
        }
        record.status = outcome.status;
        record.errorCode = outcome.errorCode;
        record.failure = outcome.failure;
        record.kind = retries::classify(outcome, settings.mode, sdkId);
        if (adaptive && outcome.failure != TransportFailure::Cancelled)
            m_limiter.onResponse(record.kind == ErrorKind::Throttling);

        auto finish = [&](std::string decision) {
            record.decision = std::move(decision);
            record.quotaLeft = quotaApplies ? m_quota.available() : -1;
            result.attempts.push_back(record);
            return result;
        };
        if (record.kind == ErrorKind::None) {
            if (quotaApplies)
                m_quota.release(lastRetryCost);
            return finish("done");
        }
        if (record.kind == ErrorKind::NotRetryable)
            return finish("stop: not retryable");
        if (record.kind == ErrorKind::ClockSkew) {
            const auto server = result.last.ok() ? serverTime(result.last.response) : std::nullopt;
            if (skewCorrected || !server)
                return finish("stop: not retryable");
            const auto difference = *server - signingTime;
            if (difference < SkewThreshold && difference > -SkewThreshold)
                return finish("stop: not retryable (the clocks agree within 4 minutes)");
            if (attempt >= settings.maxAttempts)
                return finish(attemptsMade(settings.maxAttempts));
            m_clockOffset = std::chrono::duration_cast<std::chrono::seconds>(*server - m_clock.now());
            skewCorrected = true;
            result.attempts.push_back(record);
            result.attempts.back().decision = "retry at once: the clock was off by "
                + std::to_string(m_clockOffset.load().count()) + " s; corrected";
            result.attempts.back().quotaLeft = quotaApplies ? m_quota.available() : -1;
            continue;
        }
        if (attempt >= settings.maxAttempts)
            return finish(attemptsMade(settings.maxAttempts));
        if (quotaApplies) {
            int taken = 0;
            if (!m_quota.acquire(outcome.failure == TransportFailure::Timeout, taken))
                return finish("stop: retry quota exhausted");
            lastRetryCost = taken;
        }
        record.delayAfter = retries::backoffDelay(settings.mode, attempt, sdkId, m_random);
        record.decision = std::string("retry (") + retries::kindName(record.kind) + ")";
        record.quotaLeft = quotaApplies ? m_quota.available() : -1;
        result.attempts.push_back(record);
        if (!m_sleeper.sleep(record.delayAfter, cancel)) {
            result.last = {};
            result.last.failure = TransportFailure::Cancelled;
            result.last.message = "cancelled while waiting to retry";
            return result;
        }
    }
}

} // namespace cumulus::net
