#include "credentials/rotation/KeyRotation.h"

#include "calls/BundledServiceClient.h"
#include "credentials/keychain/Keychain.h"
#include "credentials/keychain/KeychainProfiles.h"
#include "credentials/profile/ProfileFileStore.h"
#include "credentials/profile/SharedFiles.h"
#include "util/Sleeper.h"

#include <QJsonArray>

namespace cumulus::credentials {

KeyRotation::KeyRotation(const calls::BundledServiceClient &iam, const calls::BundledServiceClient &sts,
                         util::Sleeper &sleeper, Credentials current, KeyWriter write)
    : m_iam(iam), m_sts(sts), m_sleeper(sleeper), m_old(std::move(current)), m_write(std::move(write))
{
}

const char *KeyRotation::describe(Step done)
{
    switch (done) {
    case Step::Start: return "create a second access key";
    case Step::Created: return "test the new key";
    case Step::Tested: return "switch the profile to the new key";
    case Step::Switched: return "deactivate the old key";
    case Step::Deactivated: return "delete the old key";
    case Step::Deleted: return "nothing: the rotation is done";
    }
    return "";
}

std::optional<util::Error> KeyRotation::next()
{
    switch (m_step) {
    case Step::Start: {
        if (m_old.hasSessionToken())
            return util::Error{"these are temporary credentials (a session token): only an IAM user's long-term keys rotate"};
        const auto who = m_sts.call("GetCallerIdentity", {}, m_old);
        if (!who)
            return who.error();
        m_arn = who->value("Arn").toString().toStdString();
        const auto keys = m_iam.call("ListAccessKeys", {}, m_old);
        if (!keys)
            return keys.error();
        const QJsonArray list = keys->value("AccessKeyMetadata").toArray();
        if (list.size() >= 2) {
            std::string ids;
            for (const QJsonValue &k : list)
                ids += (ids.empty() ? "" : " and ") + k.toObject().value("AccessKeyId").toString().toStdString() + " ("
                    + k.toObject().value("Status").toString().toStdString() + ")";
            return util::Error{m_arn + " has two access keys already, " + ids
                               + ": IAM allows two, so a new one cannot be made; delete the one that is not in use first"};
        }
        const auto created = m_iam.call("CreateAccessKey", {}, m_old);
        if (!created)
            return created.error();
        const QJsonObject key = created->value("AccessKey").toObject();
        m_new.accessKeyId = key.value("AccessKeyId").toString().toStdString();
        m_new.secretAccessKey = key.value("SecretAccessKey").toString().toStdString();
        if (m_new.accessKeyId.empty() || m_new.secretAccessKey.empty())
            return util::Error{"CreateAccessKey answered without a key"};
        m_step = Step::Created;
        return std::nullopt;
    }
    case Step::Created: {
        // IAM is eventually consistent: a new key can be refused for a few seconds.
        util::Expected<QJsonObject> who = util::Error{""};
        for (int attempt = 0; attempt < 10; ++attempt) {
            who = m_sts.call("GetCallerIdentity", {}, m_new);
            if (who || who.error().message.find("InvalidClientTokenId") == std::string::npos)
                break;
            m_sleeper.sleep(std::chrono::seconds(2), nullptr);
        }
        if (!who)
            return util::Error{"the new key " + m_new.accessKeyId + " does not work yet: " + who.error().message};
        if (who->value("Arn").toString().toStdString() != m_arn)
            return util::Error{"the new key is " + who->value("Arn").toString().toStdString() + ", not " + m_arn};
        m_step = Step::Tested;
        return std::nullopt;
    }
    case Step::Tested:
        if (auto failed = m_write(m_new))
            return failed;
        m_step = Step::Switched;
        return std::nullopt;
    case Step::Switched: {
        const auto done = m_iam.call("UpdateAccessKey", {{"AccessKeyId", QString::fromStdString(m_old.accessKeyId)}, {"Status", "Inactive"}}, m_new);
        if (!done)
            return done.error();
        m_step = Step::Deactivated;
        return std::nullopt;
    }
    case Step::Deactivated: {
        const auto done = m_iam.call("DeleteAccessKey", {{"AccessKeyId", QString::fromStdString(m_old.accessKeyId)}}, m_new);
        if (!done)
            return done.error();
        m_step = Step::Deleted;
        return std::nullopt;
    }
    case Step::Deleted:
        return util::Error{"the rotation is done"};
    }
    return std::nullopt;
}

std::optional<util::Error> KeyRotation::undo()
{
    switch (m_step) {
    case Step::Start:
        return util::Error{"nothing to undo"};
    case Step::Created:
    case Step::Tested: {
        const auto done = m_iam.call("DeleteAccessKey", {{"AccessKeyId", QString::fromStdString(m_new.accessKeyId)}}, m_old);
        if (!done)
            return done.error();
        m_new = {};
        m_step = Step::Start;
        return std::nullopt;
    }
    case Step::Switched:
        if (auto failed = m_write(m_old))
            return failed;
        m_step = Step::Tested;
        return std::nullopt;
    case Step::Deactivated: {
        const auto done = m_iam.call("UpdateAccessKey", {{"AccessKeyId", QString::fromStdString(m_old.accessKeyId)}, {"Status", "Active"}}, m_new);
        if (!done)
            return done.error();
        m_step = Step::Switched;
        return std::nullopt;
    }
    case Step::Deleted:
        return util::Error{"the old key is deleted: that cannot be undone"};
    }
    return std::nullopt;
}

util::Expected<RotatableKeys> rotatableKeysOf(const SharedFiles &files, const std::string &name,
                                              const std::string &credentialsPath)
{
    const Profile *profile = files.profile(name);
    const auto command = profile ? profile->value("credential_process") : std::nullopt;
    if (command && isKeychainCredentialProcess(*command, name)) {
        const Keychain keychain;
        const auto keys = keychainCredentials(keychain, name);
        if (!keys)
            return keys.error();
        return RotatableKeys{*keys, [keychain, name](const Credentials &c) { return storeKeychainCredentials(keychain, name, c); }};
    }
    const auto keyId = profile ? profile->value("aws_access_key_id") : std::nullopt;
    const auto secret = profile ? profile->value("aws_secret_access_key") : std::nullopt;
    if (!keyId || !secret)
        return util::Error{"the profile " + name + " has no access keys of its own (aws_access_key_id, aws_secret_access_key)"};
    Credentials current;
    current.accessKeyId = *keyId;
    current.secretAccessKey = *secret;
    current.sessionToken = profile->value("aws_session_token").value_or("");
    return RotatableKeys{current, [credentialsPath, name](const Credentials &c) {
                             return setProfileValues(credentialsPath, SharedFileKind::Credentials, name,
                                                     {{"aws_access_key_id", c.accessKeyId},
                                                      {"aws_secret_access_key", c.secretAccessKey},
                                                      {"aws_session_token", std::nullopt}});
                         }};
}

} // namespace cumulus::credentials
