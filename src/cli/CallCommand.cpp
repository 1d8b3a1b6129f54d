#include "CallCommand.h"

#include "ArgumentParser.h"
#include "EndpointOptions.h"
#include "ExitCode.h"
#include "OpenService.h"
#include "PythonJson.h"
#include "model/OperationIndex.h"
#include "protocols/Constraints.h"
#include "protocols/Protocol.h"
#include "sigv4/Signer.h"
#include "util/Redactor.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

namespace cumulus::cli {

namespace {

ArgumentParser makeParser()
{
    ArgumentParser parser("call");
    parser.addPositional("SERVICE", "name, sdk id or signing name (e.g. dynamodb)");
    parser.addPositional("OPERATION", "operation name (e.g. GetItem)");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--input"}, "JSON", "the input document (--cli-input-json style); default {}");
    parser.addOption({"--input-file"}, "F", "the input document from a file ('-' for standard input)");
    addEndpointOptions(parser);
    parser.addOption({"--models"}, "PATH", "a model file or folder (repeatable)");
    parser.addFlag({"--dry-run"}, "print the request instead of sending it (required for now)");
    parser.addFlag({"--no-sign"}, "leave the request unsigned");
    parser.addFlag({"--json"}, "print the request as JSON: method, url, headers, body or body_base64");
    parser.addFlag({"--strict"}, "treat values outside the model's length, range, pattern or enum as errors");
    return parser;
}

std::string lower(std::string text)
{
    for (char &c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool isText(const std::string &body)
{
    return QString::fromUtf8(QByteArray::fromStdString(body)).toUtf8().toStdString() == body
        && body.find('\0') == std::string::npos;
}

} // namespace

int runCallCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                   const util::Clock &clock, util::Random &random, std::istream &in, std::ostream &out,
                   std::ostream &err)
{
    const ArgumentParser parser = makeParser();
    util::Redactor redactor;
    for (const char *name : {"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"}) {
        if (const auto value = environment.value(QString::fromLatin1(name)))
            redactor.addSecret(value->toStdString());
    }
    auto fail = [&](const std::string &message, int code = UsageError) {
        err << "cumulus-cli call: error: " << redactor.redact(message) << '\n';
        return code;
    };
    const auto parsed = parser.parse(arguments);
    if (!parsed)
        return fail(parsed.error().message);
    if (parsed->has("--help")) {
        out << parser.usage();
        return Success;
    }
    if (!parsed->has("--dry-run"))
        return fail("sending comes with the transport layer; use --dry-run to see the request");

    // The input document.
    std::string inputText = parsed->last("--input").value_or("{}");
    if (auto file = parsed->last("--input-file")) {
        if (parsed->has("--input"))
            return fail("--input and --input-file cannot be used together");
        if (*file == "-") {
            inputText.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        } else {
            std::ifstream stream(*file, std::ios::binary);
            if (!stream)
                return fail("--input-file: cannot read '" + *file + "'");
            std::ostringstream content;
            content << stream.rdbuf();
            inputText = content.str();
        }
    }
    QJsonParseError jsonError;
    const QJsonDocument inputDocument = QJsonDocument::fromJson(QByteArray::fromStdString(inputText), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !inputDocument.isObject())
        return fail("the input is not a JSON object (" + jsonError.errorString().toStdString() + " at byte "
                    + std::to_string(jsonError.offset) + ")");

    // The service and operation.
    const auto open = openService(*parsed, environment, parsed->positional[0], parsed->positional[1]);
    if (!open)
        return fail(open.error().message);
    const model::Model &model = *open->loaded.model;
    const model::Shape *service = open->service;
    const model::Shape *operation = open->operation;
    const model::ServiceSummary *summary = &open->summary;
    const auto protocol = protocols::protocolFor(*service);
    if (!protocol)
        return fail(summary->name + " speaks " + summary->protocol + ", which Cumulus cannot serialize yet",
                    GeneralError);

    // Serialize.
    const protocols::OperationContext context{model, *service, *operation, random};
    std::vector<protocols::InputProblem> problems;
    auto request = protocol->serialize(context, inputDocument.object(), problems);
    if (!request) {
        for (const protocols::InputProblem &p : problems)
            err << "cumulus-cli call: input: " << p.path << ": " << p.message << '\n';
        if (problems.empty())
            return fail(request.error().message);
        return UsageError;
    }
    // Constraints the model states but Smithy tells clients not to enforce: warnings, unless --strict.
    if (const model::Shape *inputShape = model::inputOf(model, *operation)) {
        const bool strict = parsed->has("--strict");
        const auto warnings = protocols::constraintWarnings(model, *inputShape, inputDocument.object());
        for (const protocols::InputProblem &p : warnings)
            err << "cumulus-cli call: " << (strict ? "input: " : "warning: input: ") << p.path << ": " << p.message << '\n';
        if (strict && !warnings.empty())
            return UsageError;
    }

    // Where it goes.
    const auto serviceEndpoints = endpoints::ServiceEndpoints::forService(model, *service);
    if (!serviceEndpoints)
        return fail(serviceEndpoints.error().message, GeneralError);
    const auto settings = endpointSettingsFrom(*parsed, environment, summary->sdkId, *serviceEndpoints);
    if (!settings)
        return fail(settings.error().message);
    auto endpoint = serviceEndpoints->resolve(operation, inputDocument.object(), *settings);
    if (!endpoint)
        return fail("endpoint: " + endpoint.error().message);
    if (!request->endpointOverride.empty()) {
        endpoint->url = request->endpointOverride;
        endpoint->fromRules = false;
    }
    for (const net::Header &h : endpoint->headers)
        request->headers.push_back(h);
    std::string url = endpoints::requestUrl(*endpoint, *request);

    auto signable = sigv4::SignableRequest::fromUrl(request->method, url, request->headers, request->body);
    if (!signable)
        return fail("endpoint " + endpoint->url + ": " + signable.error().message);
    if (!parsed->has("--no-sign") && endpoint->authScheme != "none") {
        if (!endpoint->unsupported.empty())
            return fail(endpoint->unsupported + " (--no-sign shows the request unsigned)", GeneralError);
        sigv4::SigningParams params;
        params.credentials.accessKeyId = environment.value("AWS_ACCESS_KEY_ID").value_or(QString()).toStdString();
        params.credentials.secretAccessKey = environment.value("AWS_SECRET_ACCESS_KEY").value_or(QString()).toStdString();
        params.credentials.sessionToken = environment.value("AWS_SESSION_TOKEN").value_or(QString()).toStdString();
        if (params.credentials.accessKeyId.empty() || params.credentials.secretAccessKey.empty())
            return fail("no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use --no-sign");
        params.region = endpoint->signingRegion.empty() ? settings->region : endpoint->signingRegion;
        params.service = endpoint->signingName.empty() ? summary->signingName : endpoint->signingName;
        params.time = std::chrono::floor<std::chrono::seconds>(clock.now());
        // botocore signs S3 and S3 Control with its S3 signer (s3v4): the path as sent, the payload hash header.
        if (summary->sdkId == "S3" || summary->sdkId == "S3 Control")
            params.useS3Rules(false);
        if (endpoint->disableDoubleEncoding)
            params.doubleEncodePath = false;
        const sigv4::Signer signer;
        auto result = signer.sign(*signable, params);
        if (!result)
            return fail(result.error().message);
        result->applyTo(*signable);
    }

    // Print, never a session token.
    std::vector<std::pair<std::string, std::string>> headers;
    for (const sigv4::Header &h : signable->headers)
        headers.emplace_back(h.name, lower(h.name) == "x-amz-security-token" ? "****" : h.value);
    url = signable->url();
    if (parsed->has("--json")) {
        PythonJson json;
        json.beginObject();
        json.key("method");
        json.string(signable->method);
        json.key("url");
        json.string(url);
        json.key("headers");
        json.stringPairs(headers);
        if (isText(signable->body)) {
            json.key("body");
            json.string(signable->body);
        } else {
            json.key("body_base64");
            json.string(QByteArray::fromStdString(signable->body).toBase64().toStdString());
        }
        json.endObject();
        out << json.text() << '\n';
        return Success;
    }
    out << signable->method << ' ' << url << '\n';
    for (const auto &[name, value] : headers)
        out << name << ": " << value << '\n';
    out << '\n';
    if (isText(signable->body))
        out << signable->body << '\n';
    else
        out << "(" << signable->body.size() << " bytes of binary body; --json shows them in base64)\n";
    return Success;
}

} // namespace cumulus::cli
