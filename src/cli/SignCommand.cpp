#include "SignCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "PythonJson.h"
#include "sigv4/AmzDate.h"
#include "sigv4/Signer.h"
#include "util/Redactor.h"

#include <QByteArray>

#include <iostream>
#include <optional>

namespace cumulus::cli {

namespace {

ArgumentParser makeParser()
{
    ArgumentParser parser("sign");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--method"}, "M", "HTTP method (default GET)");
    parser.addOption({"--url"}, "URL", "the request URL, percent-encoded as it will be sent");
    parser.addOption({"--header", "-H"}, "'Name: value'",
                     "a request header (repeatable, order kept)");
    parser.addOption({"--body"}, "TEXT", "the body, as UTF-8 text");
    parser.addOption({"--body-file"}, "F", "the body, from a file ('-' for standard input)");
    parser.addOption({"--region"}, "R", "signing region, e.g. us-east-1");
    parser.addOption({"--service"}, "S", "signing name, e.g. dynamodb, s3");
    parser.addOption({"--access-key"}, "AK", "access key id");
    parser.addOption({"--secret-key"}, "SK", "secret access key (never printed)");
    parser.addOption({"--session-token"}, "T", "session token of temporary credentials");
    parser.addOption({"--timestamp"}, "YYYYMMDDTHHMMSSZ", "signing time in UTC (default: now)");
    parser.addOption({"--presign"}, "SECONDS",
                     "presign: a URL valid for SECONDS (1 to 604800) instead of a header");
    parser.addFlag({"--s3"}, "S3's rules: path as sent, X-Amz-Content-SHA256, unsigned presign");
    parser.addFlag({"--unsigned-payload"}, "payload hash UNSIGNED-PAYLOAD");
    parser.addFlag({"--json"}, "print one JSON object (same layout as botocore_sign.py --json)");
    return parser;
}

struct SignInput {
    sigv4::SignableRequest request;
    sigv4::SigningParams params;
    std::string originalUrl;
    bool presign = false;
    bool json = false;
};


std::string trim(const std::string &text)
{
    const char *space = " \t\r\n\v\f";
    const std::size_t first = text.find_first_not_of(space);
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

util::Expected<SignInput> readArguments(const ParsedArguments &args, const util::Clock &clock,
                                        std::istream &in)
{
    for (const char *required :
         {"--url", "--region", "--service", "--access-key", "--secret-key"}) {
        if (!args.last(required))
            return util::Error{std::string(required) + " is required"};
    }
    SignInput input;
    input.json = args.has("--json");
    input.originalUrl = *args.last("--url");

    std::vector<sigv4::Header> headers;
    const std::vector<std::string> given = args.all("--header");
    for (std::size_t i = 0; i < given.size(); ++i) {
        const std::size_t colon = given[i].find(':');
        if (colon == std::string::npos) {
            return util::Error{"-H #" + std::to_string(i + 1)
                               + " is not of the form 'Name: value'"};
        }
        headers.push_back({trim(given[i].substr(0, colon)), trim(given[i].substr(colon + 1))});
    }

    std::string body;
    if (args.has("--body") && args.has("--body-file"))
        return util::Error{"--body and --body-file cannot be used together"};
    if (auto text = args.last("--body")) {
        body = *text;
    } else if (auto path = args.last("--body-file")) {
        auto content = readFileArgument(*path, in);
        if (!content)
            return util::Error{"--body-file: cannot read '" + *path + "'"};
        body = std::move(*content);
    }

    auto request =
        sigv4::SignableRequest::fromUrl(args.last("--method").value_or("GET"), input.originalUrl,
                                        std::move(headers), std::move(body));
    if (!request)
        return util::Error{"--url: " + request.error().message};
    input.request = std::move(*request);

    sigv4::SigningParams &params = input.params;
    params.credentials.accessKeyId = *args.last("--access-key");
    params.credentials.secretAccessKey = *args.last("--secret-key");
    params.credentials.sessionToken = args.last("--session-token").value_or("");
    params.region = *args.last("--region");
    params.service = *args.last("--service");

    if (auto stamp = args.last("--timestamp")) {
        auto time = sigv4::parseAmzDate(*stamp);
        if (!time)
            return util::Error{"--timestamp must be a UTC time written YYYYMMDDTHHMMSSZ"};
        params.time = *time;
    } else {
        params.time = std::chrono::floor<std::chrono::seconds>(clock.now());
    }

    if (auto seconds = args.last("--presign")) {
        std::size_t used = 0;
        long long value = 0;
        try {
            value = std::stoll(*seconds, &used);
        } catch (...) {
            used = 0;
        }
        if (used == 0 || used != seconds->size())
            return util::Error{"--presign must be a whole number of seconds"};
        if (value < 1 || value > sigv4::SigningParams::MaxPresignExpiry)
            return util::Error{"--presign must be between 1 and 604800 seconds (7 days)"};
        params.expiresSeconds = value;
        input.presign = true;
    }
    params.unsignedPayload = args.has("--unsigned-payload");
    if (args.has("--s3"))
        params.useS3Rules(input.presign);
    return input;
}

void printResult(const SignInput &input, const sigv4::SigningResult &result, std::ostream &out)
{
    std::string url = input.originalUrl;
    if (input.presign) {
        sigv4::SignableRequest signedRequest = input.request;
        result.applyTo(signedRequest);
        url = signedRequest.url();
    }
    std::vector<std::pair<std::string, std::string>> headers;
    for (const sigv4::Header &header : result.headers)
        headers.emplace_back(header.name, header.value);
    // As botocore_sign.py reports it: the Authorization header as sent (when presigning, only one
    // the request already had).
    std::optional<std::string> authorization;
    for (const sigv4::Header &header : result.headers) {
        if (!authorization && header.name.size() == 13
            && QByteArray::fromStdString(header.name).compare("authorization", Qt::CaseInsensitive)
                == 0)
            authorization = header.value;
    }

    if (input.json) {
        PythonJson json;
        json.beginObject();
        json.key("canonical_request");
        json.string(result.canonicalRequest);
        json.key("string_to_sign");
        json.string(result.stringToSign);
        json.key("signature");
        json.string(result.signature);
        json.key("authorization");
        json.optionalString(authorization);
        json.key("url");
        json.string(url);
        json.key("headers");
        json.stringPairs(headers);
        json.key("signed_headers");
        json.string(result.signedHeaders);
        json.endObject();
        out << json.text() << '\n';
        return;
    }
    out << "--- canonical request ---\n" << result.canonicalRequest << '\n';
    out << "--- string to sign ---\n" << result.stringToSign << '\n';
    out << "--- signature ---\n" << result.signature << '\n';
    if (authorization)
        out << "--- Authorization ---\n" << *authorization << '\n';
    out << "--- URL ---\n" << url << '\n';
    out << "--- headers sent ---\n";
    for (const auto &[name, value] : headers)
        out << name << ": " << value << '\n';
}

} // namespace

int runSignCommand(const std::vector<std::string> &arguments, const util::Clock &clock,
                   std::istream &in, std::ostream &out, std::ostream &err)
{
    const ArgumentParser parser = makeParser();
    auto parsed = parser.parse(arguments);

    // Whatever goes wrong, no error message may carry the secret key or the session token.
    util::Redactor redactor;
    if (parsed) {
        for (const char *secret : {"--secret-key", "--session-token"}) {
            for (const std::string &value : parsed->all(secret))
                redactor.addSecret(value);
        }
    }
    auto fail = [&](const std::string &message) {
        err << "cumulus-cli sign: error: " << redactor.redact(message) << '\n';
        return UsageError;
    };

    if (const auto exit = helpOrError(parser, parsed, out, fail))
        return *exit;
    auto input = readArguments(*parsed, clock, in);
    if (!input)
        return fail(input.error().message);

    const sigv4::Signer signer;
    auto result = input->presign ? signer.presign(input->request, input->params)
                                 : signer.sign(input->request, input->params);
    if (!result)
        return fail(result.error().message);
    printResult(*input, *result, out);
    return Success;
}

} // namespace cumulus::cli
