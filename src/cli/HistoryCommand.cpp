#include "HistoryCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "collections/Collection.h"
#include "history/CallHistory.h"
#include "util/Environment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iomanip>

namespace cumulus::cli {

namespace {

QJsonObject jsonOf(const history::HistoryEntry &e, int number)
{
    return {{"Number", number},        {"Time", QString::fromStdString(e.time)},
            {"Service", QString::fromStdString(e.service)}, {"Operation", QString::fromStdString(e.operation)},
            {"Profile", QString::fromStdString(e.profile)}, {"Region", QString::fromStdString(e.region)},
            {"Endpoint", QString::fromStdString(e.endpoint)}, {"Status", e.status},
            {"Result", QString::fromStdString(e.result)},   {"Milliseconds", e.milliseconds},
            {"Attempts", e.attempts},       {"RequestId", QString::fromStdString(e.requestId)},
            {"Input", e.input}};
}

} // namespace

int runHistoryCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                      std::ostream &out, std::ostream &err)
{
    auto fail = [&](const std::string &message, int code = UsageError) {
        err << "cumulus-cli history: error: " << message << '\n';
        return code;
    };
    const std::string action = arguments.empty() ? "list" : arguments[0];
    const std::vector<std::string> rest(arguments.empty() ? arguments.end() : arguments.begin() + 1, arguments.end());
    ArgumentParser parser("history " + action);
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    if (action == "list") {
        parser.addOption({"--search"}, "WORDS", "only the calls whose fields hold every word (any case)");
        parser.addOption({"--limit"}, "N", "at most N calls, the newest (default 50)");
        parser.addFlag({"--json"}, "print the calls as JSON");
    } else if (action == "save") {
        parser.addPositional("N", "the call's number in `history list` (1: the latest)");
        parser.addPositional("COLLECTION", "the collection's folder");
        parser.addPositional("PATH", "the request's file in it, e.g. tables/get-item.toml");
    } else if (action != "clear") {
        return fail("unknown action '" + action + "' (list, save or clear)");
    }
    const auto parsed = parser.parse(rest);
    if (const auto exit = helpOrError(parser, parsed, out, fail))
        return *exit;
    const std::string file = history::historyFile(environment);
    if (file.empty())
        return fail("no home folder to keep a history in (set CUMULUS_DATA_DIR)", GeneralError);
    const history::CallHistory log(file);
    if (action == "clear") {
        if (const auto problem = log.clear())
            return fail(problem->message, GeneralError);
        return Success;
    }
    const auto entries = log.entries();
    if (!entries)
        return fail(entries.error().message, GeneralError);

    if (action == "save") {
        bool ok = false;
        const int number = QString::fromStdString(parsed->positional[0]).toInt(&ok);
        if (!ok || number < 1 || std::size_t(number) > entries->size())
            return fail("N is a number from 1 to " + std::to_string(entries->size()) + ", not '" + parsed->positional[0] + "'");
        const history::HistoryEntry &entry = (*entries)[entries->size() - std::size_t(number)];
        std::string path = parsed->positional[2];
        if (path.size() < 5 || path.substr(path.size() - 5) != ".toml")
            path += ".toml";
        const auto collection = collections::loadCollection(parsed->positional[1]);
        if (!collection)
            return fail(collection.error().message, GeneralError);
        if (const auto problem = collections::saveRequest(collection->folder, history::toSavedRequest(entry, path)))
            return fail(problem->message, GeneralError);
        out << "saved " << entry.service << ' ' << entry.operation << " as " << path << '\n';
        return Success;
    }

    long long limit = 50;
    if (const auto n = parsed->last("--limit")) {
        bool ok = false;
        limit = QString::fromStdString(*n).toLongLong(&ok);
        if (!ok || limit < 1)
            return fail("--limit wants a whole number from 1, not '" + *n + "'");
    }
    // Newest first, numbered as `history save` takes them (1: the latest).
    const std::vector<std::size_t> shown = history::search(*entries, parsed->last("--search").value_or(""));
    std::vector<std::pair<int, const history::HistoryEntry *>> rows;
    for (auto it = shown.rbegin(); it != shown.rend() && (long long)rows.size() < limit; ++it)
        rows.emplace_back(int(entries->size() - *it), &(*entries)[*it]);
    if (parsed->has("--json")) {
        QJsonArray array;
        for (const auto &[n, e] : rows)
            array.append(jsonOf(*e, n));
        out << QJsonDocument(array).toJson(QJsonDocument::Indented).toStdString();
        return Success;
    }
    for (const auto &[n, e] : rows) {
        out << std::setw(4) << n << "  " << e->time << "  " << e->service << ' ' << e->operation << "  "
            << (e->profile.empty() ? "-" : e->profile) << "  " << (e->region.empty() ? "-" : e->region) << "  "
            << e->milliseconds << " ms  " << e->result << '\n';
    }
    return Success;
}

} // namespace cumulus::cli
