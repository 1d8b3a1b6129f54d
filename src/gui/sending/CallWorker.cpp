#include "sending/CallWorker.h"

#include "calls/Pagination.h"
#include "credentials/CredentialChain.h"
#include "history/CallHistory.h"
#include "model/OperationDescription.h"
#include "model/ServiceSummary.h"
#include "net/CaBundle.h"
#include "net/QnamTransport.h"
#include "retries/RetrySettings.h"
#include "util/Environment.h"

#include <tuple>

namespace cumulus::gui {

calls::CallSpec callSpecOf(std::shared_ptr<const model::Model> model, const model::Shape *service, const model::Shape *operation,
                           const QJsonObject &input, const std::string &region, const std::string &endpointUrl,
                           const util::Environment &environment, const std::map<std::string, std::string> &settings)
{
    endpoints::EndpointOverrides overrides;
    overrides.region = region;
    overrides.endpointUrl = endpointUrl;
    calls::CallSpec spec;
    spec.model = model.get();
    spec.service = service;
    spec.operation = operation;
    spec.input = input;
    spec.endpoint = endpoints::endpointSettings(overrides, environment, settings, model::sdkIdOf(*service));
    if (spec.endpoint.region.empty())
        spec.endpoint.region = "us-east-1";
    return spec;
}

CallWorker::CallWorker(const util::Environment &environment, const util::Clock &clock, util::Random &random,
                       util::Sleeper &sleeper)
    : m_environment(environment), m_clock(clock), m_random(random), m_sleeper(sleeper)
{
}

CallWorker::~CallWorker() = default;

void CallWorker::send(const CallRequest &request)
{
    m_cancel = false;
    CallResult result;
    const auto started = m_clock.monotonicNow();
    auto done = [&] {
        result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.monotonicNow() - started);
        emit finished(result);
    };
    const credentials::SharedFiles files = credentials::SharedFiles::load(m_environment);
    const std::string profile = credentials::SharedFiles::selectedProfile(request.profile, m_environment);
    const auto settings = files.settingsOf(profile);
    const std::string sdkId = model::sdkIdOf(*request.service);

    net::TransportOptions transportOptions;
    for (const auto &[seconds, field, what] :
         {std::tuple{&request.connectTimeout, &transportOptions.connectTimeout, "connect timeout"},
          std::tuple{&request.readTimeout, &transportOptions.readTimeout, "read timeout"}}) {
        if (!*seconds)
            continue;
        const auto timeout = net::timeoutFromSeconds(**seconds, what);
        if (!timeout) {
            result.error = timeout.error().message;
            return done();
        }
        *field = *timeout;
    }
    if (auto error = net::useCaBundle(transportOptions, std::nullopt, m_environment, settings)) { // AWS_CA_BUNDLE, ca_bundle
        result.error = error->message;
        return done();
    }
    net::QnamTransport transport(transportOptions);
    net::RequestExecutor executor(transport, m_clock, m_sleeper, m_random);
    calls::CallRunner runner(executor, m_random);

    std::optional<credentials::Credentials> signWith = request.session;
    if (signWith) {
        result.credentialSource = request.sessionLabel;
    } else {
        const auto resolved = credentials::resolveProfileCredentials(files, profile, !request.profile.empty(), m_environment,
                                                                     m_clock, m_random, m_sleeper, m_mfa);
        if (!resolved) {
            result.error = resolved.error().message;
            return done();
        }
        if (!*resolved) {
            result.error = "no credentials: the profile " + profile + " has none, and AWS_ACCESS_KEY_ID is not set";
            return done();
        }
        result.credentialSource = (*resolved)->source;
        signWith = (*resolved)->credentials;
    }

    calls::CallSpec spec = callSpecOf(request.model, request.service, request.operation, request.input, request.region,
                                      request.endpointUrl, m_environment, settings);
    spec.credentials = signWith;
    if (signWith)
        result.credentialsExpire = signWith->expiration;
    const auto retry = retries::retrySettings(request.retryMode, request.maxAttempts, m_environment, settings, sdkId);
    if (!retry) {
        result.error = retry.error().message;
        return done();
    }
    const auto paginator = calls::paginatorOf(*request.service, *request.operation);
    std::optional<calls::PageMerger> merger;
    if (request.allPages && paginator)
        merger.emplace(*paginator);
    QJsonObject input = request.input;
    QJsonValue lastToken;
    while (true) {
        spec.input = input;
        auto prepared = calls::PreparedCall::prepare(spec, m_random);
        if (const auto *problem = std::get_if<calls::PrepareError>(&prepared)) {
            result.error = problem->message;
            for (const protocols::InputProblem &p : problem->problems)
                result.error += (result.error.empty() ? "" : "\n") + p.path + ": " + p.message;
            return done();
        }
        const calls::PreparedCall &call = std::get<calls::PreparedCall>(prepared);
        result.url = call.url();
        const auto sentAt = m_clock.now();
        const auto sendStarted = m_clock.monotonicNow();
        result.outcome = runner.send(call, *retry, &m_cancel);
        if (result.outcome->prepareError.empty()
            && m_environment.value(QStringLiteral("CUMULUS_HISTORY")).value_or(QString()) != QLatin1String("off")) {
            if (const std::string file = history::historyFile(m_environment); !file.empty()) {
                const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.monotonicNow() - sendStarted);
                // A failure to keep the history does not fail the call; the window shows the call.
                history::CallHistory(file).append(history::entryOf(
                    request.serviceName, std::string(request.operation->id.name()), request.session ? std::string() : profile,
                    spec.endpoint.region, spec.endpoint.endpointUrl, input, *result.outcome, sentAt, took));
            }
        }
        const auto &parsed = result.outcome->parsed;
        if (parsed && !parsed->error)
            parsed->output.object(); // the window's tree wants a QJsonObject: built here, not on its thread
        if (parsed && parsed->error && !parsed->error->shapeId.empty()) {
            if (const model::Shape *error = request.model->find(parsed->error->shapeId))
                result.errorDocumentation = model::documentationOf(error->traits);
        }
        if (!result.outcome->last.ok() || !parsed || parsed->error || !paginator)
            return done();
        const auto next = calls::nextPageInput(*paginator, input, parsed->output.object());
        result.nextInput = next.value_or(QJsonObject());
        if (!merger)
            return done();
        merger->add(parsed->output.object());
        result.pages = merger->pages();
        const QJsonValue token = calls::valueAt(parsed->output.object(), paginator->outputToken);
        if (!next || token == lastToken || m_cancel) {
            result.outcome->parsed->output = merger->result();
            result.nextInput = {};
            return done();
        }
        lastToken = token;
        input = *next;
    }
}

} // namespace cumulus::gui
