#include "RequestCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "ProfileOptions.h"
#include "SendingOptions.h"
#include "calls/HttpCall.h"
#include "net/CaBundle.h"
#include "net/QnamTransport.h"
#include "util/Redactor.h"

#include <iostream>

namespace cumulus::cli {

namespace {

ArgumentParser makeParser()
{
    ArgumentParser parser("request");
    parser.addPositional("METHOD", "GET, POST, PUT, …");
    parser.addPositional("URL", "the whole URL, percent-encoded as it is to be sent");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--service"}, "NAME", "the name it is signed for: execute-api, dynamodb, s3, …");
    parser.addOption({"--region"}, "R", "the signing region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's)");
    parser.addOption({"--header", "-H"}, "'Name: value'", "a request header (repeatable, order kept)");
    parser.addOption({"--body"}, "TEXT", "the body, as UTF-8 text");
    parser.addOption({"--body-file"}, "F", "the body, from a file ('-' for standard input)");
    parser.addOption({"--profile"}, "P", "the profile whose credentials sign it");
    addSendingOptions(parser);
    parser.addFlag({"--no-sign"}, "send it unsigned");
    parser.addFlag({"--dry-run"}, "print the signed request instead of sending it");
    parser.addFlag({"--include"}, "print the answer's status line and headers before its body");
    parser.addFlag({"--debug"}, "print each attempt and its canonical request (secrets masked)");
    return parser;
}

} // namespace

int runRequestCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                      const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, std::istream &in,
                      std::ostream &out, std::ostream &err)
{
    util::Redactor redactor;
    auto fail = [&](const std::string &message, int code = UsageError) {
        err << "cumulus-cli request: error: " << redactor.redact(message) << '\n';
        return code;
    };
    const ArgumentParser parser = makeParser();
    const auto parsed = parser.parse(arguments);
    if (const auto exit = helpOrError(parser, parsed, out, fail))
        return *exit;
    calls::HttpCallSpec spec;
    spec.method = parsed->positional[0];
    spec.url = parsed->positional[1];
    spec.signingName = parsed->last("--service").value_or("");
    for (const std::string &header : parsed->all("--header")) {
        const std::size_t colon = header.find(':');
        if (colon == std::string::npos || colon == 0)
            return fail("--header wants 'Name: value', not '" + header + "'");
        std::string value = header.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        spec.headers.push_back({header.substr(0, colon), value});
    }
    if (parsed->has("--body") && parsed->has("--body-file"))
        return fail("--body and --body-file: one or the other");
    spec.body = parsed->last("--body").value_or("");
    if (const auto file = parsed->last("--body-file")) {
        const auto content = readFileArgument(*file, in);
        if (!content)
            return fail("--body-file: cannot read " + *file);
        spec.body = *content;
    }

    auto profile = loadProfile(*parsed, environment, err);
    if (!profile)
        return fail(profile.error().message, ConfigurationError);
    spec.region = parsed->last("--region").value_or("");
    for (const char *variable : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
        if (spec.region.empty())
            spec.region = environment.value(QLatin1String(variable)).value_or(QString()).toStdString();
    }
    if (spec.region.empty() && profile->settings.count("region"))
        spec.region = profile->settings.at("region");
    if (!parsed->has("--no-sign")) {
        if (spec.signingName.empty())
            return fail("--service: the name the request is signed for (execute-api, dynamodb, s3, …), or --no-sign");
        if (spec.region.empty())
            return fail("a region to sign for: --region, AWS_REGION, or the profile's region");
        auto credentials = signingCredentials(*profile, environment, clock, random, sleeper, in, err, redactor);
        if (!credentials)
            return fail(credentials.error().message, ConfigurationError);
        spec.credentials = std::move(*credentials);
    }

    if (parsed->has("--dry-run")) {
        const auto signed_ = calls::signHttpCall(spec, {}, clock.now());
        if (!signed_)
            return fail(signed_.error().message, GeneralError);
        out << signed_->method << ' ' << signed_->url << '\n';
        for (const net::Header &header : signed_->headers)
            out << header.name << ": " << redactor.redact(header.value) << '\n';
        out << '\n' << signed_->body;
        return Success;
    }

    const auto retry = retries::retrySettings(parsed->last("--retry-mode"), parsed->last("--max-attempts"), environment,
                                              profile->settings, calls::sdkIdOfSigningName(spec.signingName));
    if (!retry)
        return fail(retry.error().message);
    net::TransportOptions transportOptions;
    if (auto error = readTimeouts(*parsed, transportOptions))
        return fail(error->message);
    if (auto error = net::useCaBundle(transportOptions, profile->caBundleOption, environment, profile->settings))
        return fail(error->message, ConfigurationError);
    net::QnamTransport transport(transportOptions);
    net::RequestExecutor executor(transport, clock, sleeper, random);
    const calls::HttpCallOutcome outcome = calls::sendHttpCall(executor, spec, *retry);
    if (parsed->has("--debug")) {
        for (const net::AttemptRecord &a : outcome.result.attempts)
            err << "attempt " << a.number << ": " << spec.method << ' ' << spec.url << " -> "
                << (a.status ? std::to_string(a.status) : redactor.redact(a.failureMessage)) << " (" << a.decision << ")\n";
        for (const std::string &canonical : outcome.canonicalRequests)
            err << "--- canonical request\n" << redactor.redact(canonical) << "\n---\n";
    }
    if (!outcome.result.prepareError.empty())
        return fail(outcome.result.prepareError, GeneralError);
    const net::TransportResult &last = outcome.result.last;
    if (!last.ok()) {
        const std::size_t attempts = outcome.result.attempts.size();
        return fail(last.message + (attempts > 1 ? " (after " + std::to_string(attempts) + " attempts)" : ""), GeneralError);
    }
    if (parsed->has("--include")) {
        out << "HTTP " << last.response.status << '\n';
        for (const net::Header &header : last.response.headers)
            out << header.name << ": " << header.value << '\n';
        out << '\n';
    }
    out << last.response.body;
    if (last.response.status >= 400) {
        err << "\nAn error occurred (" << (outcome.errorCode.empty() ? "HTTP " + std::to_string(last.response.status) : outcome.errorCode)
            << ") when sending " << spec.method << ' ' << spec.url << ": HTTP " << last.response.status
            << (outcome.result.attempts.size() > 1 ? " (after " + std::to_string(outcome.result.attempts.size()) + " attempts)" : "")
            << '\n';
        return ServiceError;
    }
    return Success;
}

} // namespace cumulus::cli
