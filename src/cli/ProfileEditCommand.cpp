#include "ProfileEditCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "credentials/keychain/Keychain.h"
#include "credentials/keychain/KeychainProfiles.h"
#include "credentials/profile/ProfileFileEditor.h"
#include "credentials/profile/ProfileFileStore.h"
#include "credentials/profile/SharedFiles.h"

#include <QCoreApplication>

#include <array>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>

namespace cumulus::cli {

namespace {

using credentials::ProfileFileEditor;
using credentials::SharedFileKind;

// What `aws configure set` writes to the credentials file.
constexpr std::array CredentialsFileKeys = {"aws_access_key_id", "aws_secret_access_key", "aws_session_token",
                                            "aws_account_id"};

struct File {
    SharedFileKind kind;
    std::string path;
    credentials::ProfileFileSnapshot snapshot;
    std::optional<ProfileFileEditor> editor;
    bool changed = false;
};

const char *nameOf(SharedFileKind kind)
{
    return kind == SharedFileKind::Config ? "config" : "credentials";
}

} // namespace

bool isProfileEditAction(const std::string &action)
{
    return action == "set" || action == "unset" || action == "delete" || action == "rename" || action == "undo"
        || action == "to-keychain" || action == "from-keychain";
}

int runProfileEditCommand(const std::string &action, const std::vector<std::string> &arguments,
                          const util::Environment &environment, std::istream &in, std::ostream &out, std::ostream &err)
{
    ArgumentParser parser("profiles " + action);
    if (action == "set") {
        parser.addPositional("NAME", "the profile");
        parser.addPositional("KEY", "the setting, e.g. region");
        parser.addPositional("VALUE", "its value ('-': one line from standard input, for secrets)");
    } else if (action == "unset") {
        parser.addPositional("NAME", "the profile");
        parser.addPositional("KEY", "the setting");
    } else if (action == "delete" || action == "to-keychain" || action == "from-keychain") {
        parser.addPositional("NAME", "the profile");
    } else if (action == "rename") {
        parser.addPositional("OLD", "the profile");
        parser.addPositional("NEW", "its new name");
    }
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--file"}, "FILE", action == "set" ? "credentials or config (default: by the key, as aws configure set)"
                                                         : "credentials or config (default: both)");
    auto fail = [&](const std::string &message, int code) {
        err << "cumulus-cli profiles " << action << ": error: " << message << '\n';
        return code;
    };
    const auto parsed = parser.parse(arguments);
    if (const auto exit = helpOrError(parser, parsed, out, [&](const std::string &message) { return fail(message, UsageError); }))
        return *exit;
    std::optional<SharedFileKind> only;
    if (const auto file = parsed->last("--file")) {
        if (*file != "credentials" && *file != "config")
            return fail("--file is credentials or config, not '" + *file + "'", UsageError);
        only = *file == "config" ? SharedFileKind::Config : SharedFileKind::Credentials;
    }
    const auto &p = parsed->positional;

    if (action == "undo") {
        if (!only)
            return fail("say which file: --file credentials or --file config", UsageError);
        const std::string path = *only == SharedFileKind::Config ? credentials::SharedFiles::configPath(environment)
                                                                 : credentials::SharedFiles::credentialsPath(environment);
        if (auto failed = credentials::undoLastSave(path))
            return fail(failed->message, ConfigurationError);
        out << path << ": back to the text before the last save (undo again to return)\n";
        return Success;
    }

    if (action == "to-keychain" || action == "from-keychain") {
        const std::string path = credentials::SharedFiles::credentialsPath(environment);
        const credentials::Keychain keychain;
        const auto failed = action == "to-keychain"
            ? credentials::moveKeysToKeychain(keychain, path, p[0], QCoreApplication::applicationFilePath().toStdString())
            : credentials::moveKeysToFile(keychain, path, p[0]);
        if (failed)
            return fail(failed->message, ConfigurationError);
        out << path << (action == "to-keychain" ? ": the keys of " + p[0] + " are in the OS keychain now; the AWS CLI gets them through credential_process\n"
                                                 : ": the keys of " + p[0] + " are back in this file, and out of the OS keychain\n");
        return Success;
    }

    if (action == "set" && !only) {
        const bool secret = std::find(CredentialsFileKeys.begin(), CredentialsFileKeys.end(), p[1]) != CredentialsFileKeys.end();
        only = secret ? SharedFileKind::Credentials : SharedFileKind::Config;
    }
    std::vector<File> files;
    for (const SharedFileKind kind : {SharedFileKind::Credentials, SharedFileKind::Config}) {
        if (only && *only != kind)
            continue;
        File file{kind, kind == SharedFileKind::Config ? credentials::SharedFiles::configPath(environment)
                                                       : credentials::SharedFiles::credentialsPath(environment), {}, {}, false};
        auto snapshot = credentials::readForEditing(file.path);
        if (!snapshot)
            return fail(snapshot.error().message, ConfigurationError);
        file.snapshot = std::move(*snapshot);
        file.editor.emplace(file.snapshot.text, kind);
        files.push_back(std::move(file));
    }

    // Every edit in memory first: a refusal leaves both files as they were.
    std::string value;
    if (action == "set") {
        value = p[2];
        if (value == "-" && !std::getline(in, value))
            return fail("VALUE '-': nothing on standard input", UsageError);
        if (!value.empty() && value.back() == '\r')
            value.pop_back();
    }
    for (File &file : files) {
        util::Expected<bool> changed = false;
        if (action == "set")
            changed = file.editor->set(p[0], p[1], value);
        else if (action == "unset")
            changed = file.editor->unset(p[0], p[1]);
        else if (action == "delete")
            changed = file.editor->removeProfile(p[0]);
        else if (action == "rename")
            changed = file.editor->renameProfile(p[0], p[1]);
        if (!changed)
            return fail(file.path + ": " + changed.error().message, action == "set" ? UsageError : ConfigurationError);
        file.changed = *changed;
    }
    if (action != "set" && std::none_of(files.begin(), files.end(), [](const File &f) { return f.changed; })) {
        if (action == "unset")
            return fail("the profile " + p[0] + " has no " + p[1] + " to remove", ConfigurationError);
        return fail("there is no profile " + p[0], ConfigurationError);
    }
    for (const File &file : files) {
        if (!file.changed)
            continue;
        if (auto failed = credentials::saveEdited(file.snapshot, file.editor->text()))
            return fail(failed->message, ConfigurationError);
        out << file.path << ": ";
        if (action == "set")
            out << p[1] << " of " << p[0] << " set\n";
        else if (action == "unset")
            out << p[1] << " of " << p[0] << " removed\n";
        else if (action == "delete")
            out << p[0] << " deleted\n";
        else
            out << p[0] << " is now " << p[1] << '\n';
    }
    if (action == "set" && std::none_of(files.begin(), files.end(), [](const File &f) { return f.changed; }))
        out << files.front().path << ": " << p[1] << " of " << p[0] << " already has that value\n";

    // A profile that others still take as their source is worth a word.
    if (action == "delete") {
        std::string config, credentialsText;
        for (const File &file : files)
            (file.kind == SharedFileKind::Config ? config : credentialsText) = file.editor->text();
        const auto after = credentials::SharedFiles::fromTexts(config, "config", credentialsText, "credentials");
        for (const auto &[name, profile] : after.profiles()) {
            if (profile.value("source_profile") == p[0])
                err << "cumulus-cli profiles delete: warning: " << name << " still names " << p[0] << " as its source_profile\n";
        }
    }
    return Success;
}

} // namespace cumulus::cli
