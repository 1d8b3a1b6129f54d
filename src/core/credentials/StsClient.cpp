#include "credentials/StsClient.h"

#include "endpoints/RuleFunctions.h"
#include "model/ModelRegistry.h"
#include "model/OperationIndex.h"

#include <QDateTime>

namespace cumulus::credentials {

StsClient::StsClient(calls::CallRunner &runner, util::Random &random, endpoints::EndpointSettings settings,
                     retries::RetrySettings retry)
    : m_runner(runner), m_random(random), m_settings(std::move(settings)), m_retry(retry)
{
    model::ModelRegistry registry;
    registry.addBundled();
    if (const model::ServiceSummary *sts = registry.find("sts")) {
        model::LoadResult loaded = registry.open(*sts);
        m_model = loaded.model;
        m_service = m_model ? m_model->find(sts->shapeId) : nullptr;
        if (m_service) {
            if (auto e = endpoints::ServiceEndpoints::forService(*m_model, *m_service))
                m_endpoints = std::make_shared<const endpoints::ServiceEndpoints>(std::move(*e));
        }
    }
}

util::Expected<QJsonObject> StsClient::call(const std::string &operation, const QJsonObject &input,
                                            const std::optional<Credentials> &credentials) const
{
    if (!m_service || !m_endpoints)
        return util::Error{"the bundled STS model is missing"};
    const model::Shape *op = nullptr;
    for (const model::Shape *candidate : model::operationsOf(*m_model, *m_service)) {
        if (candidate->id.name() == operation)
            op = candidate;
    }
    if (!op)
        return util::Error{"STS has no operation " + operation};
    calls::CallSpec spec;
    spec.model = m_model.get();
    spec.service = m_service;
    spec.operation = op;
    spec.input = input;
    spec.endpoint = m_settings;
    if (spec.endpoint.region.empty())
        spec.endpoint.region = "us-east-1";
    spec.credentials = credentials;
    spec.endpoints = m_endpoints;
    auto prepared = calls::PreparedCall::prepare(spec, m_random);
    if (const auto *problem = std::get_if<calls::PrepareError>(&prepared)) {
        std::string message = problem->message;
        for (const protocols::InputProblem &p : problem->problems)
            message += (message.empty() ? "" : "; ") + p.path + ": " + p.message;
        return util::Error{operation + ": " + message};
    }
    const calls::CallOutcome outcome = m_runner.send(std::get<calls::PreparedCall>(prepared), m_retry);
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
    return parsed.output;
}

util::Expected<Credentials> credentialsFromSts(const QJsonObject &output)
{
    const QJsonObject c = output.value("Credentials").toObject();
    Credentials credentials;
    credentials.accessKeyId = c.value("AccessKeyId").toString().toStdString();
    credentials.secretAccessKey = c.value("SecretAccessKey").toString().toStdString();
    credentials.sessionToken = c.value("SessionToken").toString().toStdString();
    if (credentials.accessKeyId.empty() || credentials.secretAccessKey.empty())
        return util::Error{"STS answered without credentials"};
    const QJsonValue expiration = c.value("Expiration");
    if (expiration.isDouble())
        credentials.expiration = std::chrono::system_clock::time_point(std::chrono::milliseconds(qint64(expiration.toDouble() * 1000)));
    else if (expiration.isString()) {
        const QDateTime t = QDateTime::fromString(expiration.toString(), Qt::ISODateWithMs);
        if (t.isValid())
            credentials.expiration = std::chrono::system_clock::time_point(std::chrono::milliseconds(t.toMSecsSinceEpoch()));
    }
    const std::string arn = output.value("AssumedRoleUser").toObject().value("Arn").toString().toStdString();
    if (const endpoints::RuleValue parsed = endpoints::parseArn(arn); parsed.isObject())
        credentials.accountId = parsed.member("accountId").display();
    return credentials;
}

} // namespace cumulus::credentials
