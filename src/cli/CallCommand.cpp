#include "CallCommand.h"

#include "ArgumentParser.h"
#include "EndpointOptions.h"
#include "ExitCode.h"
#include "OpenService.h"
#include "ProfileOptions.h"
#include "PythonJson.h"
#include "SendingOptions.h"
#include "calls/CallRunner.h"
#include "calls/Pagination.h"
#include "collections/CodeExport.h"
#include "history/CallHistory.h"
#include "model/OperationIndex.h"
#include "net/CaBundle.h"
#include "net/QnamTransport.h"
#include "protocols/Constraints.h"
#include "util/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iomanip>
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
    addSendingOptions(parser);
    parser.addOption({"--trust-certificate"}, "SHA256", "trust this certificate (its SHA-256, hex) for a custom endpoint");
    parser.addFlag({"--all-pages"}, "follow the operation's paginator and merge the pages");
    parser.addOption({"--models"}, "PATH", "a model file or folder (repeatable)");
    parser.addFlag({"--dry-run"}, "print the request instead of sending it");
    parser.addFlag({"--no-sign"}, "leave the request unsigned");
    parser.addFlag({"--no-history"}, "leave this call out of the history (also: CUMULUS_HISTORY=off)");
    parser.addFlag({"--debug"}, "print each attempt, its canonical request and string to sign (secrets masked)");
    parser.addOption({"--output"}, "FORMAT", "json (the parsed answer, default) or raw (the body as received)");
    parser.addFlag({"--json"}, "with --dry-run: print the request as JSON: method, url, headers, body or body_base64");
    parser.addFlag({"--strict"}, "treat values outside the model's length, range, pattern or enum as errors");
    parser.addOption({"--export"}, "FORMAT", "print the call as code instead of sending it: aws-cli, boto3 or curl "
                                             "(each signs when run, with its own credentials)");
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

void printDryRun(const calls::PreparedCall::Signed &signed_, bool asJson, std::ostream &out)
{
    std::vector<std::pair<std::string, std::string>> headers;
    for (const net::Header &h : signed_.request.headers)
        headers.emplace_back(h.name, lower(h.name) == "x-amz-security-token" ? "****" : h.value);
    const std::string &body = signed_.request.body;
    if (asJson) {
        PythonJson json;
        json.beginObject();
        json.key("method");
        json.string(signed_.request.method);
        json.key("url");
        json.string(signed_.request.url);
        json.key("headers");
        json.stringPairs(headers);
        json.key(isText(body) ? "body" : "body_base64");
        json.string(isText(body) ? body : QByteArray::fromStdString(body).toBase64().toStdString());
        json.endObject();
        out << json.text() << '\n';
        return;
    }
    out << signed_.request.method << ' ' << signed_.request.url << '\n';
    for (const auto &[name, value] : headers)
        out << name << ": " << value << '\n';
    out << '\n';
    if (isText(body))
        out << body << '\n';
    else
        out << "(" << body.size() << " bytes of binary body; --json shows them in base64)\n";
}

std::string seconds(std::chrono::milliseconds ms)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << double(ms.count()) / 1000.0 << " s";
    return s.str();
}

void printAttempts(const calls::CallOutcome &outcome, const std::string &method, const std::string &url,
                   const util::Redactor &redactor, std::ostream &err)
{
    for (std::size_t i = 0; i < outcome.attempts.size(); ++i) {
        const net::AttemptRecord &a = outcome.attempts[i];
        err << "cumulus-cli call: attempt " << a.number << ": " << method << ' ' << url << " -> ";
        if (a.status)
            err << a.status << (a.errorCode.empty() ? "" : " " + a.errorCode);
        else
            err << net::failureName(a.failure) << " (" << redactor.redact(a.failureMessage) << ")";
        err << " in " << seconds(a.duration) << "; " << a.decision;
        if (a.delayAfter.count() > 0)
            err << ", waiting " << seconds(a.delayAfter);
        if (a.waitedBefore.count() > 0)
            err << "; the rate limiter held it " << seconds(a.waitedBefore);
        if (a.quotaLeft >= 0)
            err << "; retry quota " << a.quotaLeft;
        err << '\n';
        if (i < outcome.canonicalRequests.size() && !outcome.canonicalRequests[i].empty()) {
            err << "--- canonical request\n" << redactor.redact(outcome.canonicalRequests[i]) << "\n--- string to sign\n"
                << outcome.stringsToSign[i] << "\n---\n";
        }
    }
}

} // namespace

int runCallCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                   const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, std::istream &in,
                   std::ostream &out, std::ostream &err)
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
    if (const auto exit = helpOrError(parser, parsed, out, fail))
        return *exit;
    const std::string output = parsed->last("--output").value_or("json");
    if (output != "json" && output != "raw")
        return fail("--output is json or raw, not '" + output + "'");
    if (parsed->has("--all-pages") && output == "raw")
        return fail("--all-pages merges parsed pages: it needs --output json");

    // The input document.
    std::string inputText = parsed->last("--input").value_or("{}");
    if (auto file = parsed->last("--input-file")) {
        if (parsed->has("--input"))
            return fail("--input and --input-file cannot be used together");
        const auto content = readFileArgument(*file, in);
        if (!content)
            return fail("--input-file: cannot read '" + *file + "'");
        inputText = *content;
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
    const model::ServiceSummary &summary = open->summary;

    // Constraints the model states but Smithy tells clients not to enforce: warnings, unless --strict.
    if (const model::Shape *inputShape = model::inputOf(*open->loaded.model, *open->operation)) {
        const bool strict = parsed->has("--strict");
        const auto warnings = protocols::constraintWarnings(*open->loaded.model, *inputShape, inputDocument.object());
        for (const protocols::InputProblem &p : warnings)
            err << "cumulus-cli call: " << (strict ? "input: " : "warning: input: ") << p.path << ": " << p.message << '\n';
        if (strict && !warnings.empty())
            return UsageError;
    }

    // Where it goes and how it is signed.
    const auto serviceEndpoints = endpoints::ServiceEndpoints::forService(*open->loaded.model, *open->service);
    if (!serviceEndpoints)
        return fail(serviceEndpoints.error().message, GeneralError);
    const std::optional<std::string> exportFormat = parsed->last("--export");
    if (exportFormat && *exportFormat != "aws-cli" && *exportFormat != "boto3" && *exportFormat != "curl")
        return fail("--export is aws-cli, boto3 or curl, not '" + *exportFormat + "'");
    auto profile = loadProfile(*parsed, environment, err);
    if (!profile && exportFormat && *exportFormat != "curl")
        profile = ProfileContext{}; // the command names the profile; it runs where that profile is
    if (!profile)
        return fail(profile.error().message, ConfigurationError);
    const auto endpointSettings = endpointSettingsFrom(*parsed, environment, profile->settings, summary.sdkId, *serviceEndpoints);
    if (!endpointSettings)
        return fail(endpointSettings.error().message);
    calls::CallSpec spec;
    spec.model = open->loaded.model.get();
    spec.service = open->service;
    spec.operation = open->operation;
    spec.input = inputDocument.object();
    spec.endpoint = *endpointSettings;
    spec.endpoints = std::make_shared<const endpoints::ServiceEndpoints>(*serviceEndpoints);
    if (!parsed->has("--no-sign") && !exportFormat) { // exported code finds its own credentials
        auto credentials = signingCredentials(*profile, environment, clock, random, sleeper, in, err, redactor);
        if (!credentials)
            return fail(credentials.error().message, ConfigurationError);
        spec.credentials = std::move(*credentials);
    }
    auto prepare = [&](const QJsonObject &input) {
        calls::CallSpec s = spec;
        s.input = input;
        return calls::PreparedCall::prepare(s, random);
    };
    auto prepared = prepare(spec.input);
    if (auto *problem = std::get_if<calls::PrepareError>(&prepared)) {
        if (problem->stage == calls::PrepareError::Stage::Protocol)
            return fail(summary.name + " speaks " + summary.protocol + ", which Cumulus cannot serialize yet", GeneralError);
        if (problem->stage == calls::PrepareError::Stage::Endpoint)
            return fail("endpoint: " + problem->message, GeneralError);
        for (const protocols::InputProblem &p : problem->problems)
            err << "cumulus-cli call: input: " << p.path << ": " << p.message << '\n';
        return problem->problems.empty() ? fail(problem->message) : UsageError;
    }
    const calls::PreparedCall &first = std::get<calls::PreparedCall>(prepared);

    if (exportFormat == "curl") {
        const auto command = collections::curlCommand(first.request(), first.url(), first.endpoint().signingRegion,
                                                      first.endpoint().signingName);
        if (!command)
            return fail("--export curl: " + command.error().message);
        out << *command << '\n';
        return Success;
    }
    if (exportFormat) {
        const collections::ExportedCall call{summary.sdkId, std::string(open->operation->id.name()), spec.input,
                                             parsed->last("--profile").value_or(""), parsed->last("--region").value_or(""),
                                             parsed->last("--endpoint-url").value_or(""), open->loaded.model.get(),
                                             model::inputOf(*open->loaded.model, *open->operation)};
        out << (*exportFormat == "aws-cli" ? collections::awsCliCommand(call) + '\n' : collections::boto3Snippet(call));
        return Success;
    }

    if (parsed->has("--dry-run")) {
        const auto signed_ = first.sign({}, clock.now());
        if (!signed_)
            return fail(signed_.error().message + (first.signs() ? " (--no-sign shows the request unsigned)" : ""),
                        GeneralError);
        printDryRun(*signed_, parsed->has("--json"), out);
        return Success;
    }

    // Send, with the SDKs' retries.
    const auto retry = retries::retrySettings(parsed->last("--retry-mode"), parsed->last("--max-attempts"), environment,
                                              profile->settings, summary.sdkId);
    if (!retry)
        return fail(retry.error().message);
    net::TransportOptions transportOptions;
    if (auto error = readTimeouts(*parsed, transportOptions))
        return fail(error->message);
    if (const auto trusted = parsed->last("--trust-certificate")) {
        if (spec.endpoint.endpointUrl.empty())
            return fail("--trust-certificate is for a custom endpoint (--endpoint-url, AWS_ENDPOINT_URL…), never for AWS's own");
        std::string digest = lower(*trusted);
        digest.erase(std::remove(digest.begin(), digest.end(), ':'), digest.end());
        if (digest.size() != 64 || digest.find_first_not_of("0123456789abcdef") != std::string::npos)
            return fail("--trust-certificate wants the certificate's SHA-256 in hex (64 digits)");
        err << "cumulus-cli call: warning: trusting the certificate " << digest << " for " << spec.endpoint.endpointUrl
            << " whatever its name and issuer\n";
        transportOptions.trustedCertificates.push_back(digest);
    }
    if (auto error = net::useCaBundle(transportOptions, profile->caBundleOption, environment, profile->settings))
        return fail(error->message, ConfigurationError);
    net::QnamTransport transport(transportOptions);
    net::RequestExecutor executor(transport, clock, sleeper, random);
    calls::CallRunner runner(executor, random);
    const bool debug = parsed->has("--debug");
    const auto paginator = calls::paginatorOf(*open->service, *open->operation);
    if (parsed->has("--all-pages") && !paginator)
        return fail(summary.name + " " + std::string(open->operation->id.name()) + " is not paginated");
    std::optional<calls::PageMerger> merger;
    if (parsed->has("--all-pages"))
        merger.emplace(*paginator);

    // Each call sent goes to the history (never a credential: the profile's name, the input with
    // anything like a secret redacted).
    std::optional<history::CallHistory> historyLog;
    if (!parsed->has("--no-history") && environment.value(QStringLiteral("CUMULUS_HISTORY")).value_or(QString()) != "off") {
        if (const std::string file = history::historyFile(environment); !file.empty())
            historyLog.emplace(file);
    }

    std::optional<calls::PreparedCall> call(first);
    QJsonObject input = spec.input;
    std::string lastToken;
    while (true) {
        const auto started = clock.monotonicNow();
        const auto sentAt = clock.now();
        const calls::CallOutcome outcome = runner.send(*call, *retry);
        if (historyLog && outcome.prepareError.empty()) {
            const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(clock.monotonicNow() - started);
            const history::HistoryEntry entry = history::entryOf(summary.name, std::string(open->operation->id.name()), profile->name,
                                                                 spec.endpoint.region, spec.endpoint.endpointUrl, input, outcome,
                                                                 sentAt, took);
            if (const auto problem = historyLog->append(entry))
                err << "cumulus-cli call: warning: the history: " << problem->message << '\n';
        }
        if (debug)
            printAttempts(outcome, call->request().method, call->url(), redactor, err);
        if (!outcome.prepareError.empty())
            return fail(outcome.prepareError, GeneralError);
        if (!outcome.last.ok()) {
            const std::size_t attempts = outcome.attempts.size();
            return fail(outcome.last.message + (attempts > 1 ? " (after " + std::to_string(attempts) + " attempts)" : ""),
                        GeneralError);
        }
        const protocols::ParsedResponse &answer = *outcome.parsed;
        if (answer.error) {
            const protocols::ServiceError &e = *answer.error;
            err << "\nAn error occurred (" << (e.code.empty() ? "HTTP " + std::to_string(outcome.last.response.status) : e.code)
                << ") when calling the " << open->operation->id.name() << " operation"
                << (outcome.attempts.size() > 1 ? " (reached max retries: " + std::to_string(outcome.attempts.size() - 1) + ")" : "")
                << ": " << redactor.redact(e.message) << '\n';
            const std::string requestId = e.requestId.empty() ? answer.requestId : e.requestId;
            if (!requestId.empty())
                err << "Request id: " << requestId << '\n';
            if (!e.expectedCanonicalRequest.empty() && debug)
                err << "--- the canonical request AWS expected\n" << e.expectedCanonicalRequest << "\n---\n";
            else if (e.code == "SignatureDoesNotMatch" && !debug)
                err << "(--debug shows the canonical request and string to sign Cumulus signed)\n";
            return ServiceError;
        }
        if (!answer.problem.empty())
            return fail("the answer could not be read: " + answer.problem + " (--output raw prints it as received)", GeneralError);
        if (output == "raw") {
            out << outcome.last.response.body;
            return Success;
        }
        if (!merger) {
            out << answer.output.toJson(protocols::JsonWriter::Layout::Indented);
            return Success;
        }
        merger->add(answer.output.object());
        const auto next = calls::nextPageInput(*paginator, input, answer.output.object());
        if (!next) {
            out << QJsonDocument(merger->result()).toJson(QJsonDocument::Indented).toStdString();
            return Success;
        }
        const std::string token = QJsonDocument(QJsonArray{calls::valueAt(answer.output.object(), paginator->outputToken)}).toJson().toStdString();
        if (token == lastToken)
            return fail("the service gave the same " + paginator->outputToken + " twice; stopped after "
                        + std::to_string(merger->pages()) + " pages", GeneralError);
        lastToken = token;
        input = *next;
        auto nextCall = prepare(input);
        if (auto *problem = std::get_if<calls::PrepareError>(&nextCall))
            return fail("page " + std::to_string(merger->pages() + 1) + ": " + problem->message, GeneralError);
        call.emplace(std::move(std::get<calls::PreparedCall>(nextCall)));
    }
}

} // namespace cumulus::cli
