// A profile's role: role_arn with source_profile or credential_source, as botocore's
// AssumeRoleProvider (credentials.py): chains of any length, loops refused, the AWS CLI's cache.
#include "credentials/CredentialChain.h"
#include "credentials/providers/EnvironmentProvider.h"
#include "credentials/providers/StaticProfileProvider.h"

#include <QJsonObject>

#include <algorithm>

namespace cumulus::credentials {

namespace {

std::string chainText(const std::vector<std::string> &visited)
{
    std::string text;
    for (const std::string &v : visited)
        text += (text.empty() ? "" : " -> ") + v;
    return text;
}

// AssumeRole's arguments that make the AWS CLI's cache key: RoleArn, and RoleSessionName,
// ExternalId, SerialNumber, DurationSeconds when configured.
std::map<std::string, CredentialCache::Argument> roleArguments(const Profile &profile)
{
    std::map<std::string, CredentialCache::Argument> arguments{{"RoleArn", profile.value("role_arn").value_or("")}};
    if (const auto session = profile.value("role_session_name"))
        arguments["RoleSessionName"] = *session;
    if (const auto externalId = profile.value("external_id"))
        arguments["ExternalId"] = *externalId;
    if (const auto mfaSerial = profile.value("mfa_serial"))
        arguments["SerialNumber"] = *mfaSerial;
    if (const auto duration = profile.value("duration_seconds")) {
        bool ok = false;
        const long long seconds = QString::fromStdString(*duration).toLongLong(&ok);
        if (ok) // botocore ignores a value that is not a number
            arguments["DurationSeconds"] = seconds;
    }
    return arguments;
}

} // namespace

std::string roleCacheKey(const Profile &profile)
{
    if (!profile.value("role_arn") || (!profile.value("source_profile") && !profile.value("credential_source")))
        return {};
    return CredentialCache::key(roleArguments(profile));
}

util::Expected<ResolvedCredentials> assumeRoleCredentials(ChainContext &context, const std::string &name,
                                                          std::vector<std::string> &visited)
{
    const Profile *profile = context.files.profile(name);
    const std::string roleArn = profile->value("role_arn").value_or("");
    const auto sourceProfile = profile->value("source_profile");
    const auto credentialSource = profile->value("credential_source");
    if (sourceProfile && credentialSource)
        return util::Error{"profile " + name + " has both source_profile and credential_source: keep one"};
    if (!sourceProfile && !credentialSource)
        return util::Error{"profile " + name + " has role_arn but neither source_profile nor credential_source"};

    // The credentials that assume the role.
    ResolvedCredentials source;
    if (credentialSource) {
        if (*credentialSource != "Environment")
            return util::Error{"profile " + name + ": credential_source " + *credentialSource
                               + (*credentialSource == "Ec2InstanceMetadata" || *credentialSource == "EcsContainer"
                                      ? " is not supported by Cumulus yet"
                                      : " is not valid (Environment, Ec2InstanceMetadata or EcsContainer)")};
        auto fromEnvironment = environmentCredentials(context.environment);
        if (!fromEnvironment)
            return util::Error{"profile " + name + " takes its source credentials from the environment, and AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set"};
        source = {std::move(*fromEnvironment), "the environment's keys"};
    } else {
        const Profile *from = context.files.profile(*sourceProfile);
        if (!from)
            return util::Error{"the source_profile \"" + *sourceProfile + "\" of profile " + name + " does not exist"};
        const bool revisit = std::find(visited.begin(), visited.end(), *sourceProfile) != visited.end();
        const bool hasKeys = from->value("aws_access_key_id").has_value();
        // A profile may be its own source when it has keys; any other revisit is a loop.
        if (revisit && (*sourceProfile != name || !hasKeys)) {
            visited.push_back(*sourceProfile);
            return util::Error{"profile " + name + ": the source profiles loop: " + chainText(visited)};
        }
        visited.push_back(*sourceProfile);
        if (hasKeys) {
            auto keys = staticProfileCredentials(*from);
            if (!*keys)
                return keys->error();
            source = {std::move(keys->value()), "profile " + *sourceProfile + "'s keys"};
        } else {
            auto fromProfile = profileCredentials(context, *sourceProfile, visited);
            if (!fromProfile)
                return fromProfile.error();
            if (!*fromProfile)
                return util::Error{"the source profile " + *sourceProfile + " of profile " + name + " has no credentials"};
            source = std::move(**fromProfile);
        }
    }

    // AssumeRole's arguments, and the AWS CLI's cache key over them.
    const auto arguments = roleArguments(*profile);
    QJsonObject input{{"RoleArn", QString::fromStdString(roleArn)}};
    if (const auto session = profile->value("role_session_name")) {
        input.insert("RoleSessionName", QString::fromStdString(*session));
    } else {
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(context.clock.now().time_since_epoch()).count();
        input.insert("RoleSessionName", QStringLiteral("cumulus-session-%1").arg(now));
    }
    if (const auto externalId = profile->value("external_id"))
        input.insert("ExternalId", QString::fromStdString(*externalId));
    const auto mfaSerial = profile->value("mfa_serial");
    if (mfaSerial)
        input.insert("SerialNumber", QString::fromStdString(*mfaSerial));
    if (const auto seconds = arguments.find("DurationSeconds"); seconds != arguments.end())
        input.insert("DurationSeconds", std::get<long long>(seconds->second));
    const std::string description = "role " + roleArn + " (profile " + name + ", assumed with " + source.source + ")";
    const std::string cacheKey = CredentialCache::key(arguments);
    if (context.cache) {
        if (const auto cached = context.cache->load(cacheKey)) {
            auto credentials = credentialsFromSts(*cached);
            if (credentials)
                return ResolvedCredentials{std::move(*credentials), description + ", from the AWS CLI's cache"};
        }
    }
    if (mfaSerial) {
        const auto code = context.mfa ? context.mfa(name, *mfaSerial) : std::nullopt;
        if (!code || code->empty())
            return util::Error{"profile " + name + " needs an MFA code for " + *mfaSerial + ", and none was given"};
        input.insert("TokenCode", QString::fromStdString(*code));
    }
    const auto answer = context.sts.call("AssumeRole", input, source.credentials);
    if (!answer)
        return util::Error{"profile " + name + ": " + answer.error().message};
    auto credentials = credentialsFromSts(*answer);
    if (!credentials)
        return util::Error{"profile " + name + ": " + credentials.error().message};
    if (context.cache)
        context.cache->store(cacheKey, *answer);
    return ResolvedCredentials{std::move(*credentials), description};
}

} // namespace cumulus::credentials
