#include "RunCommand.h"

#include "ArgumentParser.h"
#include "CallCommand.h"
#include "RequestCommand.h"
#include "ExitCode.h"
#include "collections/Collection.h"
#include "collections/Variables.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace cumulus::cli {

namespace {

ArgumentParser makeParser()
{
    ArgumentParser parser("run");
    parser.addPositional("COLLECTION", "the collection's folder (the one with collection.toml)");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--env"}, "NAME", "fill {{variables}} from environments/NAME.toml first");
    parser.addOption({"--profile"}, "P", "the profile for every request (over the requests' and the collection's)");
    parser.addOption({"--region"}, "R", "the region for every request");
    parser.addOption({"--endpoint-url"}, "URL", "the endpoint for every request");
    parser.addOption({"--filter"}, "GLOB", "only the requests whose path matches (repeatable; e.g. 'tables/*')");
    parser.addFlag({"--show-output"}, "print each answer after its row");
    parser.addOption({"--models"}, "PATH", "a model file or folder (repeatable)");
    parser.addOption({"--iterations"}, "N", "run the requests N times over (a row each: how many succeeded, the mean time)");
    return parser;
}

// "An error occurred (ResourceNotFoundException) when calling …" -> "ResourceNotFoundException";
// "cumulus-cli call: error: …" -> "…".
std::string resultOf(int code, const std::string &errors)
{
    if (code == Success)
        return "ok";
    static const QRegularExpression serviceError(QStringLiteral("An error occurred \\(([^)]+)\\)"));
    const QString text = QString::fromStdString(errors);
    if (const auto match = serviceError.match(text); match.hasMatch())
        return match.captured(1).toStdString();
    const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
    QString last = lines.isEmpty() ? QStringLiteral("exit code %1").arg(code) : lines.last();
    for (const char *command : {"call", "request"}) {
        last.remove(QStringLiteral("cumulus-cli %1: error: ").arg(QLatin1String(command)));
        last.remove(QStringLiteral("cumulus-cli %1: ").arg(QLatin1String(command)));
    }
    return last.toStdString();
}

} // namespace

int runRunCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                  const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, std::istream &in,
                  std::ostream &out, std::ostream &err)
{
    const ArgumentParser parser = makeParser();
    auto fail = [&](const std::string &message) {
        err << "cumulus-cli run: error: " << message << '\n';
        return UsageError;
    };
    const auto parsed = parser.parse(arguments);
    if (const auto exit = helpOrError(parser, parsed, out, fail))
        return *exit;
    const auto collection = collections::loadCollection(parsed->positional[0]);
    if (!collection)
        return fail(collection.error().message);
    const std::string environmentName = parsed->last("--env").value_or("");
    if (!environmentName.empty() && !collection->environments.count(environmentName)) {
        std::string known;
        for (const auto &[name, variables] : collection->environments)
            known += (known.empty() ? "" : ", ") + name;
        return fail("--env: the collection has no environment '" + environmentName + "' (it has: "
                    + (known.empty() ? "none" : known) + ")");
    }
    std::vector<QRegularExpression> filters;
    for (const std::string &glob : parsed->all("--filter"))
        filters.emplace_back(QRegularExpression::wildcardToRegularExpression(QString::fromStdString(glob)));
    auto selected = [&](const std::string &path) { // a glob matches the whole path; '*' stays within a folder
        return filters.empty() || std::any_of(filters.begin(), filters.end(), [&](const QRegularExpression &f) {
                   return f.match(QString::fromStdString(path)).hasMatch();
               });
    };

    long long iterations = 1;
    if (const auto n = parsed->last("--iterations")) {
        bool ok = false;
        iterations = QString::fromStdString(*n).toLongLong(&ok);
        if (!ok || iterations < 1 || iterations > 100000000)
            return fail("--iterations wants a whole number from 1, not '" + *n + "'");
    }

    // One row per request, whatever the number of iterations: the runs add up in it.
    struct Row {
        std::string name, operation, result;
        long long milliseconds = -1; // the sum over the runs
        long long runs = 0, succeeded = 0;
        std::string output;          // the last run's
    };
    std::vector<Row> rows;
    int failed = 0;
    for (const collections::FileProblem &problem : collection->problems) {
        if (!selected(problem.file))
            continue;
        rows.push_back({problem.file, "", "cannot be read: " + problem.text(), -1, 0, 0, {}});
        ++failed;
    }
    std::vector<std::pair<const collections::SavedRequest *, std::size_t>> runnable; // and its row
    for (const collections::SavedRequest &request : collection->requests) {
        if (selected(request.path)) {
            runnable.emplace_back(&request, rows.size());
            rows.push_back({request.path, request.service + " " + (request.isHttp() ? request.method : request.operation), {}, -1, 0, 0, {}});
        }
    }
    for (long long iteration = 0; iteration < iterations; ++iteration) {
        for (const auto &[request, index] : runnable) {
            Row &row = rows[index];
            ++row.runs;
            const auto resolved = collections::resolveRequest(*collection, *request, environmentName, environment);
            if (!resolved) {
                row.result = resolved.error().message;
                continue;
            }
            const std::string region = parsed->last("--region").value_or(resolved->region);
            const std::string profile = parsed->last("--profile").value_or(resolved->profile);
            const std::string endpoint = parsed->last("--endpoint-url").value_or(resolved->endpoint);
            std::vector<std::string> call;
            if (request->isHttp()) { // as written: the URL is the endpoint
                call = {request->method, resolved->url, "--service", request->service};
                for (const std::string &header : resolved->headers)
                    call.insert(call.end(), {"--header", header});
                if (!resolved->body.empty())
                    call.insert(call.end(), {"--body", resolved->body});
            } else {
                call = {request->service, request->operation, "--input",
                        QJsonDocument(resolved->input).toJson(QJsonDocument::Compact).toStdString()};
                if (!endpoint.empty())
                    call.insert(call.end(), {"--endpoint-url", endpoint});
                for (const std::string &models : parsed->all("--models"))
                    call.insert(call.end(), {"--models", models});
                call.push_back("--no-history"); // a run is not a person's calls (as Postman's runner)
            }
            for (const auto &[option, value] : {std::pair{"--region", region}, std::pair{"--profile", profile}}) {
                if (!value.empty())
                    call.insert(call.end(), {option, value});
            }
            std::ostringstream answer, errors;
            const auto started = clock.monotonicNow();
            const int code = request->isHttp()
                ? runRequestCommand(call, environment, clock, random, sleeper, in, answer, errors)
                : runCallCommand(call, environment, clock, random, sleeper, in, answer, errors);
            row.milliseconds = std::max(0LL, row.milliseconds)
                + std::chrono::duration_cast<std::chrono::milliseconds>(clock.monotonicNow() - started).count();
            if (code == Success)
                ++row.succeeded;
            if (code != Success || row.result.empty())
                row.result = resultOf(code, errors.str()); // a failure stays the row's result
            row.output = code == Success ? answer.str() : errors.str();
        }
    }
    for (const auto &[request, index] : runnable) {
        Row &row = rows[index];
        failed += row.succeeded < row.runs;
        if (iterations > 1 && row.milliseconds >= 0)
            row.milliseconds /= row.runs; // the mean
        if (iterations > 1)
            row.result = std::to_string(row.succeeded) + " of " + std::to_string(row.runs) + " ok"
                + (row.succeeded < row.runs ? "; " + row.result : "");
    }
    if (rows.empty())
        return fail(filters.empty() ? "the collection has no requests" : "no request matches --filter");

    std::size_t nameWidth = 7, operationWidth = 9;
    for (const Row &row : rows) {
        nameWidth = std::max(nameWidth, row.name.size());
        operationWidth = std::max(operationWidth, row.operation.size());
    }
    out << std::left << std::setw(int(nameWidth)) << "REQUEST" << "  " << std::setw(int(operationWidth)) << "OPERATION"
        << "  " << std::right << std::setw(8) << "TIME" << "  RESULT\n";
    for (const Row &row : rows) {
        out << std::left << std::setw(int(nameWidth)) << row.name << "  " << std::setw(int(operationWidth))
            << row.operation << "  " << std::right << std::setw(8)
            << (row.milliseconds < 0 ? std::string("-") : std::to_string(row.milliseconds) + " ms") << "  " << row.result
            << '\n';
        if (parsed->has("--show-output") && !row.output.empty())
            out << row.output << (row.output.back() == '\n' ? "" : "\n");
    }
    out << (rows.size() - std::size_t(failed)) << " of " << rows.size() << " succeeded"
        << (iterations > 1 ? " every time over " + std::to_string(iterations) + " iterations" : "") << "\n";
    return failed ? 1 : Success;
}

} // namespace cumulus::cli
