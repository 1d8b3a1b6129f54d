#include "calls/BundledServiceClient.h"

#include "model/ModelRegistry.h"
#include "model/OperationIndex.h"

#include <map>
#include <mutex>

namespace cumulus::calls {

namespace {

struct Bundled {
    std::shared_ptr<const model::Model> model;
    const model::Shape *service = nullptr;
    std::shared_ptr<const endpoints::ServiceEndpoints> endpoints;
};

// A bundled service's model and endpoint rules, loaded once per process (they are resources of the
// program: they cannot change). Every call with a role profile makes an STS client.
Bundled bundled(const std::string &name)
{
    static std::mutex mutex;
    static std::map<std::string, Bundled> loaded;
    const std::lock_guard lock(mutex);
    if (const auto it = loaded.find(name); it != loaded.end())
        return it->second;
    Bundled b;
    model::ModelRegistry registry;
    registry.addBundled();
    if (const model::ServiceSummary *summary = registry.find(name)) {
        b.model = registry.open(*summary).model;
        b.service = b.model ? b.model->find(summary->shapeId) : nullptr;
        if (b.service) {
            if (auto e = endpoints::ServiceEndpoints::forService(*b.model, *b.service))
                b.endpoints = std::make_shared<const endpoints::ServiceEndpoints>(std::move(*e));
        }
    }
    return loaded[name] = b;
}

} // namespace

BundledServiceClient::BundledServiceClient(const std::string &service, CallRunner &runner, util::Random &random,
                                           endpoints::EndpointSettings settings, retries::RetrySettings retry)
    : m_name(service), m_runner(runner), m_random(random), m_settings(std::move(settings)), m_retry(retry)
{
    Bundled b = bundled(service);
    m_model = std::move(b.model);
    m_service = b.service;
    m_endpoints = std::move(b.endpoints);
}

util::Expected<QJsonObject> BundledServiceClient::call(const std::string &operation, const QJsonObject &input,
                                                       const std::optional<credentials::Credentials> &credentials) const
{
    if (!m_service || !m_endpoints)
        return util::Error{"the bundled " + m_name + " model is missing"};
    const model::Shape *op = nullptr;
    for (const model::Shape *candidate : model::operationsOf(*m_model, *m_service)) {
        if (candidate->id.name() == operation)
            op = candidate;
    }
    if (!op)
        return util::Error{m_name + " has no operation " + operation};
    CallSpec spec;
    spec.model = m_model.get();
    spec.service = m_service;
    spec.operation = op;
    spec.input = input;
    spec.endpoint = m_settings;
    if (spec.endpoint.region.empty())
        spec.endpoint.region = "us-east-1";
    spec.credentials = credentials;
    spec.endpoints = m_endpoints;
    auto prepared = PreparedCall::prepare(spec, m_random);
    if (const auto *problem = std::get_if<PrepareError>(&prepared)) {
        std::string message = problem->message;
        for (const protocols::InputProblem &p : problem->problems)
            message += (message.empty() ? "" : "; ") + p.path + ": " + p.message;
        return util::Error{operation + ": " + message};
    }
    const CallOutcome outcome = m_runner.send(std::get<PreparedCall>(prepared), m_retry);
    if (!outcome.prepareError.empty())
        return util::Error{operation + ": " + outcome.prepareError};
    if (!outcome.last.ok())
        return util::Error{operation + ": " + outcome.last.message};
    const protocols::ParsedResponse &parsed = *outcome.parsed;
    if (parsed.error)
        return util::Error{operation + ": " + (parsed.error->code.empty() ? "HTTP " + std::to_string(parsed.status) : parsed.error->code)
                           + (parsed.error->message.empty() ? "" : ": " + parsed.error->message)};
    if (!parsed.problem.empty())
        return util::Error{operation + ": the answer could not be read: " + parsed.problem};
    return parsed.output.object();
}

} // namespace cumulus::calls
