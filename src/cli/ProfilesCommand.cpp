#include "ProfilesCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "ProfileEditCommand.h"
#include "ProfileOptions.h"
#include "credentials/profile/ProfileChecks.h"
#include "credentials/keychain/Keychain.h"
#include "credentials/keychain/KeychainProfiles.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <iomanip>
#include <ostream>
#include <set>

namespace cumulus::cli {

namespace {

std::string filesOf(const credentials::Profile &p)
{
    std::set<std::string> files;
    for (const auto &[key, source] : p.sources)
        files.insert(source.substr(0, source.rfind(':')));
    std::string text;
    for (const std::string &f : files)
        text += (text.empty() ? "" : ", ") + f;
    return text;
}

} // namespace

int runProfilesCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                       std::istream &in, std::ostream &out, std::ostream &err)
{
    if (!arguments.empty() && isProfileEditAction(arguments[0]))
        return runProfileEditCommand(arguments[0], {arguments.begin() + 1, arguments.end()}, environment, in, out, err);
    ArgumentParser parser("profiles");
    parser.addPositional("ACTION", "list, set, unset, delete, rename, undo, to-keychain, from-keychain, rotate-key or delete-key (each has --help)");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addFlag({"--json"}, "print a JSON list");
    const auto parsed = parser.parse(arguments);
    if (const auto exit = helpOrError(parser, parsed, out, [&](const std::string &message) {
            err << "cumulus-cli profiles: error: " << message << '\n';
            return int(UsageError);
        }))
        return *exit;
    if (parsed->positional[0] != "list") {
        err << "cumulus-cli profiles: error: unknown action '" << parsed->positional[0] << "' (list, set, unset, delete, rename, undo, to-keychain, from-keychain, rotate-key, delete-key)\n";
        return UsageError;
    }
    const auto context = loadProfile(*parsed, environment, err);
    if (!context) {
        err << "cumulus-cli profiles: error: " << context.error().message << '\n';
        return ConfigurationError;
    }
    if (parsed->has("--json")) {
        QJsonArray list;
        for (const auto &[name, p] : context->files.profiles())
            list.append(QJsonObject{{"Name", QString::fromStdString(name)},
                                    {"Kind", QString::fromStdString(credentials::profileKind(p))},
                                    {"Region", QString::fromStdString(p.value("region").value_or(""))},
                                    {"Files", QString::fromStdString(filesOf(p))}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented).toStdString();
        return Success;
    }
    out << std::left << std::setw(24) << "PROFILE" << std::setw(15) << "KIND" << std::setw(16) << "REGION" << "FILES\n";
    for (const auto &[name, p] : context->files.profiles())
        out << std::setw(24) << name << std::setw(15) << credentials::profileKind(p) << std::setw(16) << p.value("region").value_or("-")
            << filesOf(p) << '\n';
    return Success;
}

int runCredentialProcessCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                                const util::Clock &clock, util::Random &random, util::Sleeper &sleeper,
                                std::istream &in, std::ostream &out, std::ostream &err)
{
    ArgumentParser parser("credential-process");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--profile"}, "NAME", "the profile (else AWS_PROFILE, default)");
    const auto parsed = parser.parse(arguments);
    auto fail = [&](const std::string &message, int code) {
        err << "cumulus-cli credential-process: error: " << message << '\n';
        return code;
    };
    if (const auto exit = helpOrError(parser, parsed, out, [&](const std::string &message) { return fail(message, UsageError); }))
        return *exit;
    const auto context = loadProfile(*parsed, environment, err);
    if (!context)
        return fail(context.error().message, ConfigurationError);
    // A profile whose keys Cumulus keeps in the OS keychain names this very command: the keys
    // come from there (and its chain would only run this command again).
    const credentials::Profile *profile = context->files.profile(context->name);
    if (const auto command = profile ? profile->value("credential_process") : std::nullopt;
        command && credentials::isKeychainCredentialProcess(*command, context->name)) {
        const auto keys = credentials::keychainCredentials(credentials::Keychain(), context->name);
        if (!keys)
            return fail(keys.error().message, ConfigurationError);
        QJsonObject json{{"Version", 1}, {"AccessKeyId", QString::fromStdString(keys->accessKeyId)},
                         {"SecretAccessKey", QString::fromStdString(keys->secretAccessKey)}};
        if (!keys->sessionToken.empty())
            json.insert("SessionToken", QString::fromStdString(keys->sessionToken));
        out << QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString() << '\n';
        return Success;
    }
    const auto resolved = resolveCredentials(*context, environment, clock, random, sleeper, in, err);
    if (!resolved)
        return fail(resolved.error().message, ConfigurationError);
    if (!*resolved)
        return fail("profile " + context->name + " has no credentials", ConfigurationError);
    const credentials::Credentials &c = (*resolved)->credentials;
    QJsonObject json{{"Version", 1}, {"AccessKeyId", QString::fromStdString(c.accessKeyId)},
                     {"SecretAccessKey", QString::fromStdString(c.secretAccessKey)}};
    if (!c.sessionToken.empty())
        json.insert("SessionToken", QString::fromStdString(c.sessionToken));
    if (c.expiration) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(c.expiration->time_since_epoch()).count();
        json.insert("Expiration", QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate));
    }
    out << QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString() << '\n';
    return Success;
}

} // namespace cumulus::cli
