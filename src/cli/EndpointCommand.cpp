#include "EndpointCommand.h"

#include "ArgumentParser.h"
#include "EndpointOptions.h"
#include "ExitCode.h"
#include "OpenService.h"
#include "ProfileOptions.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cumulus::cli {

using endpoints::RuleValue;

namespace {

ArgumentParser makeParser()
{
    ArgumentParser parser("endpoint");
    parser.addPositional("SERVICE", "name, sdk id or signing name (e.g. s3)");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--operation"}, "OP", "resolve for this operation (its context parameters, e.g. S3's Bucket)");
    parser.addOption({"--input"}, "JSON", "the operation's input document (with --operation)");
    addEndpointOptions(parser);
    parser.addOption({"--models"}, "PATH", "a model file or folder (repeatable)");
    parser.addFlag({"--json"}, "print the result as one JSON object");
    return parser;
}

} // namespace

int runEndpointCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                       std::ostream &out, std::ostream &err)
{
    const ArgumentParser parser = makeParser();
    auto fail = [&](const std::string &message, int code = UsageError) {
        err << "cumulus-cli endpoint: error: " << message << '\n';
        return code;
    };
    const auto parsed = parser.parse(arguments);
    if (const auto exit = helpOrError(parser, parsed, out, fail))
        return *exit;
    if (parsed->has("--input") && !parsed->has("--operation"))
        return fail("--input needs --operation");
    QJsonObject input;
    if (auto text = parsed->last("--input")) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(*text), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return fail("--input is not a JSON object (" + error.errorString().toStdString() + " at byte "
                        + std::to_string(error.offset) + ")");
        input = doc.object();
    }
    const auto open = openService(*parsed, environment, parsed->positional[0], parsed->last("--operation").value_or(""));
    if (!open)
        return fail(open.error().message);
    const auto service = endpoints::ServiceEndpoints::forService(*open->loaded.model, *open->service);
    if (!service)
        return fail(service.error().message, GeneralError);
    const auto profile = loadProfile(*parsed, environment, err);
    if (!profile)
        return fail(profile.error().message, ConfigurationError);
    const auto settings = endpointSettingsFrom(*parsed, environment, profile->settings, open->summary.sdkId, *service);
    if (!settings)
        return fail(settings.error().message);
    const auto endpoint = service->resolve(open->operation, input, *settings);
    if (!endpoint)
        return fail(open->summary.name + ": " + endpoint.error().message, GeneralError);

    const std::string signingRegion = endpoint->signingRegion.empty() ? settings->region : endpoint->signingRegion;
    const std::string source = endpoint->fromRules ? "the service's endpoint rules" : "the endpointPrefix pattern (the model has no rules)";
    if (parsed->has("--json")) {
        RuleValue::Object headers, params;
        for (const net::Header &h : endpoint->headers)
            headers.emplace_back(h.name, h.value);
        for (const auto &[name, value] : endpoint->params)
            params.emplace_back(name, value);
        RuleValue::Object result{{"url", endpoint->url},
                                 {"headers", RuleValue(std::move(headers))},
                                 {"authScheme", endpoint->authScheme},
                                 {"signingName", endpoint->signingName},
                                 {"signingRegion", signingRegion},
                                 {"disableDoubleEncoding", endpoint->disableDoubleEncoding},
                                 {"fromRules", endpoint->fromRules},
                                 {"params", RuleValue(std::move(params))}};
        if (!settings->endpointUrlSource.empty())
            result.emplace_back("endpointUrlSource", settings->endpointUrlSource);
        if (endpoint->properties.isSet())
            result.emplace_back("properties", endpoint->properties);
        if (!endpoint->unsupported.empty())
            result.emplace_back("unsupported", endpoint->unsupported);
        out << RuleValue(std::move(result)).toJson() << '\n';
        return Success;
    }
    out << "url: " << endpoint->url << '\n';
    if (!settings->endpointUrlSource.empty())
        out << "custom endpoint from: " << settings->endpointUrlSource << '\n';
    out << "auth: " << endpoint->authScheme;
    if (endpoint->authScheme != "none")
        out << " (signing name " << endpoint->signingName << ", region " << signingRegion
            << (endpoint->disableDoubleEncoding ? ", path not double-encoded" : "") << ")";
    out << '\n';
    if (!endpoint->unsupported.empty())
        out << "note: " << endpoint->unsupported << '\n';
    for (const net::Header &h : endpoint->headers)
        out << "header: " << h.name << ": " << h.value << '\n';
    out << "from: " << source << '\n';
    for (const auto &[name, value] : endpoint->params)
        out << "  " << name << " = " << value.display() << '\n';
    return Success;
}

} // namespace cumulus::cli
