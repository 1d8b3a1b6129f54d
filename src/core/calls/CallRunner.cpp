#include "calls/CallRunner.h"

#include "model/JsonText.h"
#include "protocols/UnreadableBody.h"

#include <QJsonObject>

namespace cumulus::calls {

CallOutcome CallRunner::send(const PreparedCall &call, const retries::RetrySettings &settings,
                             const std::atomic<bool> *cancel)
{
    CallOutcome outcome;
    const CallSpec &spec = call.spec();
    const protocols::OperationContext context{*spec.model, *spec.service, *spec.operation, m_random};
    net::CallHooks hooks;
    hooks.prepare = [&](const std::vector<net::Header> &retryHeaders, std::chrono::system_clock::time_point time)
        -> util::Expected<net::TransportRequest> {
        auto signed_ = call.sign(retryHeaders, time);
        if (!signed_)
            return signed_.error();
        outcome.canonicalRequests.push_back(signed_->canonicalRequest);
        outcome.stringsToSign.push_back(signed_->stringToSign);
        return std::move(signed_->request);
    };
    hooks.inspect = [&](const net::HttpResponse &response) {
        retries::AttemptOutcome o;
        protocols::ParsedResponse parsed = call.protocol().parse(context, response);
        if (!parsed.problem.empty())
            parsed.problem += protocols::unreadableBodyHint(response);
        if (parsed.error && parsed.error->message.empty() && response.status >= 300 && response.status < 400) {
            if (const net::Header *location = response.header("Location"))
                parsed.error->message = "the answer redirects to " + location->value
                    + ", which is not followed (nor do the AWS SDKs follow redirects)";
        }
        if (parsed.error) {
            o.errorCode = parsed.error->code;
            if (const model::Shape *shape = spec.model->find(parsed.error->shapeId)) {
                if (const model::Trait *retryable = shape->trait("smithy.api#retryable")) {
                    o.modeledRetryable = true;
                    o.modeledThrottling = model::parseJsonValue(retryable->json).toObject().value("throttling").toBool();
                }
            }
        }
        outcome.parsed = std::move(parsed);
        return o;
    };
    net::CallResult result = m_executor.execute(hooks, settings, call.sdkId(), cancel);
    outcome.last = std::move(result.last);
    outcome.attempts = std::move(result.attempts);
    outcome.prepareError = std::move(result.prepareError);
    if (!outcome.last.ok())
        outcome.parsed.reset(); // a failure after an earlier answer: that answer is not the result
    return outcome;
}

} // namespace cumulus::calls
