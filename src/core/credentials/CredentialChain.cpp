#include "credentials/CredentialChain.h"

#include "credentials/providers/EnvironmentProvider.h"
#include "net/CaBundle.h"
#include "net/QnamTransport.h"
#include "credentials/providers/StaticProfileProvider.h"
#include "util/Environment.h"

namespace cumulus::credentials {

util::Expected<std::optional<ResolvedCredentials>> profileCredentials(ChainContext &context, const std::string &name,
                                                                      std::vector<std::string> &visited)
{
    const Profile *profile = context.files.profile(name);
    if (!profile)
        return std::optional<ResolvedCredentials>();
    if (profile->value("role_arn") && !profile->value("web_identity_token_file")) {
        auto assumed = assumeRoleCredentials(context, name, visited);
        if (!assumed)
            return assumed.error();
        return std::optional<ResolvedCredentials>(std::move(*assumed));
    }
    if (const auto tokenFile = profile->value("web_identity_token_file")) {
        const auto roleArn = profile->value("role_arn");
        if (!roleArn)
            return util::Error{"profile " + name + " has web_identity_token_file but no role_arn"};
        auto assumed = webIdentityCredentials(context, *roleArn, *tokenFile, profile->value("role_session_name").value_or(""),
                                              "profile " + name);
        if (!assumed)
            return assumed.error();
        return std::optional<ResolvedCredentials>(std::move(*assumed));
    }
    if (profile->value("sso_session") || profile->value("sso_start_url"))
        return util::Error{"profile " + name + " signs in with IAM Identity Center (SSO), which Cumulus does not support yet"};
    if (auto keys = staticProfileCredentials(*profile)) {
        if (!*keys)
            return keys->error();
        return std::optional<ResolvedCredentials>(ResolvedCredentials{std::move(keys->value()), "profile " + name + " (keys)"});
    }
    if (const auto command = profile->value("credential_process")) {
        auto fromProcess = processCredentials(context, name, *command);
        if (!fromProcess)
            return fromProcess.error();
        return std::optional<ResolvedCredentials>(std::move(*fromProcess));
    }
    return std::optional<ResolvedCredentials>();
}

util::Expected<std::optional<ResolvedCredentials>> resolveCredentials(ChainContext &context, const std::string &profile,
                                                                      bool explicitProfile)
{
    if (!explicitProfile) {
        if (auto fromEnvironment = environmentCredentials(context.environment))
            return std::optional<ResolvedCredentials>(ResolvedCredentials{std::move(*fromEnvironment), "environment"});
    }
    std::vector<std::string> visited{profile};
    const Profile *p = context.files.profile(profile);
    // The environment form of web identity applies when the profile does not configure a role.
    if (!p || !p->value("role_arn")) {
        auto env = [&](const char *name) { return context.environment.value(QString::fromLatin1(name)).value_or(QString()).toStdString(); };
        const std::string tokenFile = env("AWS_WEB_IDENTITY_TOKEN_FILE"), roleArn = env("AWS_ROLE_ARN");
        if (!tokenFile.empty() && !roleArn.empty()) {
            auto assumed = webIdentityCredentials(context, roleArn, tokenFile, env("AWS_ROLE_SESSION_NAME"), "the environment");
            if (!assumed)
                return assumed.error();
            return std::optional<ResolvedCredentials>(std::move(*assumed));
        }
    }
    return profileCredentials(context, profile, visited);
}

util::Expected<std::optional<ResolvedCredentials>> resolveProfileCredentials(
    const SharedFiles &files, const std::string &profile, bool explicitProfile, const util::Environment &environment,
    const util::Clock &clock, util::Random &random, util::Sleeper &sleeper, MfaPrompt mfa,
    const std::optional<std::string> &caBundleOption)
{
    net::TransportOptions options;
    if (auto error = net::useCaBundle(options, caBundleOption, environment, files.settingsOf(profile)))
        return *error;
    net::QnamTransport transport(options);
    net::RequestExecutor executor(transport, clock, sleeper, random);
    calls::CallRunner runner(executor, random);
    StsClient sts(runner, random, endpoints::endpointSettings({}, environment, files.settingsOf(profile), "STS"));
    const CredentialCache cache(environment.homeDirectory().toStdString() + "/.aws/cli/cache", clock);
    ChainContext context{files, environment, clock, sts, &cache, std::move(mfa)};
    return resolveCredentials(context, profile, explicitProfile);
}

} // namespace cumulus::credentials
