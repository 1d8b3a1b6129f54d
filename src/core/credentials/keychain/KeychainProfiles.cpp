#include "credentials/keychain/KeychainProfiles.h"

#include "credentials/keychain/Keychain.h"
#include "credentials/profile/ProfileFileEditor.h"
#include "credentials/profile/ProfileFileStore.h"
#include "credentials/profile/SharedFiles.h"
#include "util/ShellWords.h"

#include <QJsonDocument>
#include <QJsonObject>


namespace cumulus::credentials {

namespace {

std::string entryOf(const std::string &profile)
{
    return "profile:" + profile;
}

} // namespace

std::string keychainCredentialProcess(const std::string &cliPath, const std::string &profile)
{
    const std::string program = cliPath.find(' ') == std::string::npos ? cliPath : "\"" + cliPath + "\"";
    return program + " credential-process --profile " + profile;
}

bool isKeychainCredentialProcess(const std::string &command, const std::string &profile)
{
    const auto w = util::shellWords(command);
    return w && w->size() == 4 && (*w)[1] == QLatin1String("credential-process") && (*w)[2] == QLatin1String("--profile")
        && (*w)[3] == QString::fromStdString(profile);
}

util::Expected<Credentials> keychainCredentials(const Keychain &keychain, const std::string &profile)
{
    const auto stored = keychain.read(entryOf(profile));
    if (!stored)
        return util::Error{"cannot read the keys of " + profile + ": " + stored.error().message};
    if (!*stored)
        return util::Error{"the OS keychain holds no keys for the profile " + profile};
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(**stored)).object();
    Credentials c;
    c.accessKeyId = json.value("AccessKeyId").toString().toStdString();
    c.secretAccessKey = json.value("SecretAccessKey").toString().toStdString();
    c.sessionToken = json.value("SessionToken").toString().toStdString();
    if (c.accessKeyId.empty() || c.secretAccessKey.empty())
        return util::Error{"the OS keychain's entry for the profile " + profile + " is not a pair of keys"};
    return c;
}

std::optional<util::Error> storeKeychainCredentials(const Keychain &keychain, const std::string &profile,
                                                    const Credentials &keys)
{
    QJsonObject json{{"AccessKeyId", QString::fromStdString(keys.accessKeyId)},
                     {"SecretAccessKey", QString::fromStdString(keys.secretAccessKey)}};
    if (!keys.sessionToken.empty())
        json.insert("SessionToken", QString::fromStdString(keys.sessionToken));
    const std::string entry = QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString();
    if (auto failed = keychain.write(entryOf(profile), entry))
        return failed;
    const auto back = keychain.read(entryOf(profile));
    if (!back)
        return back.error();
    if (*back != entry)
        return util::Error{"the OS keychain did not give back what was stored for " + profile};
    return std::nullopt;
}

std::optional<util::Error> moveKeysToKeychain(const Keychain &keychain, const std::string &credentialsPath,
                                              const std::string &profile, const std::string &cliPath)
{
    const auto snapshot = readForEditing(credentialsPath);
    if (!snapshot)
        return snapshot.error();
    const SharedFiles files = SharedFiles::fromTexts("", "config", snapshot->text, credentialsPath);
    const Profile *p = files.profile(profile);
    const auto keyId = p ? p->value("aws_access_key_id") : std::nullopt;
    const auto secret = p ? p->value("aws_secret_access_key") : std::nullopt;
    if (!keyId || !secret)
        return util::Error{"the profile " + profile + " has no aws_access_key_id and aws_secret_access_key in " + credentialsPath};

    Credentials keys;
    keys.accessKeyId = *keyId;
    keys.secretAccessKey = *secret;
    keys.sessionToken = p->value("aws_session_token").value_or("");
    if (auto failed = storeKeychainCredentials(keychain, profile, keys)) {
        keychain.remove(entryOf(profile));
        return util::Error{"the keys of " + profile + " stay in " + credentialsPath + ": " + failed->message};
    }

    // The new line first (after the keys), then the keys go: it takes their place.
    ProfileFileEditor editor(snapshot->text, SharedFileKind::Credentials);
    const auto set = editor.set(profile, "credential_process", keychainCredentialProcess(cliPath, profile));
    for (const char *key : {"aws_access_key_id", "aws_secret_access_key", "aws_session_token", "aws_security_token"})
        editor.unset(profile, key);
    std::optional<util::Error> failed = set ? saveEdited(*snapshot, editor.text()) : std::optional<util::Error>(set.error());
    if (failed)
        keychain.remove(entryOf(profile)); // the keys stay where they were
    return failed;
}

std::optional<util::Error> moveKeysToFile(const Keychain &keychain, const std::string &credentialsPath,
                                          const std::string &profile)
{
    const auto snapshot = readForEditing(credentialsPath);
    if (!snapshot)
        return snapshot.error();
    const SharedFiles files = SharedFiles::fromTexts("", "config", snapshot->text, credentialsPath);
    const Profile *p = files.profile(profile);
    const auto command = p ? p->value("credential_process") : std::nullopt;
    if (!command || !isKeychainCredentialProcess(*command, profile))
        return util::Error{"the profile " + profile + " in " + credentialsPath + " does not take its keys from the OS keychain"};
    const auto keys = keychainCredentials(keychain, profile);
    if (!keys)
        return keys.error();
    ProfileFileEditor editor(snapshot->text, SharedFileKind::Credentials);
    for (const auto &[key, value] : {std::pair<const char *, std::string>{"aws_access_key_id", keys->accessKeyId},
                                     {"aws_secret_access_key", keys->secretAccessKey},
                                     {"aws_session_token", keys->sessionToken}}) {
        if (value.empty())
            continue;
        if (const auto set = editor.set(profile, key, value); !set)
            return set.error();
    }
    editor.unset(profile, "credential_process");
    if (auto failed = saveEdited(*snapshot, editor.text()))
        return failed;
    if (auto failed = keychain.remove(entryOf(profile)))
        return util::Error{"the keys are back in " + credentialsPath + ", but " + failed->message};
    return std::nullopt;
}

} // namespace cumulus::credentials
