#include "ProfileOptions.h"

#include "credentials/providers/EnvironmentProvider.h"
#include "credentials/providers/StaticProfileProvider.h"

#include <ostream>

namespace cumulus::cli {

util::Expected<ProfileContext> loadProfile(const ParsedArguments &parsed, const util::Environment &environment,
                                           std::ostream &err)
{
    ProfileContext context;
    context.files = credentials::SharedFiles::load(environment);
    for (const credentials::IniFinding &f : context.files.findings())
        err << "cumulus-cli: " << (f.severity == credentials::IniFinding::Severity::Error ? "error" : "warning") << ": "
            << f.text() << '\n';
    const std::string asked = parsed.last("--profile").value_or("");
    context.explicitProfile = !asked.empty();
    context.name = credentials::SharedFiles::selectedProfile(asked, environment);
    if (context.explicitProfile && !context.files.profile(context.name))
        return util::Error{"the profile '" + context.name + "' is in neither " + credentials::SharedFiles::configPath(environment)
                           + " nor " + credentials::SharedFiles::credentialsPath(environment)};
    context.settings = context.files.settingsOf(context.name);
    return context;
}

util::Expected<std::optional<credentials::Credentials>> resolveCredentials(const ProfileContext &profile,
                                                                           const util::Environment &environment)
{
    if (!profile.explicitProfile) {
        if (auto fromEnvironment = credentials::environmentCredentials(environment))
            return std::optional<credentials::Credentials>(std::move(*fromEnvironment));
    }
    const credentials::Profile *p = profile.files.profile(profile.name);
    if (!p)
        return std::optional<credentials::Credentials>();
    if (auto fromProfile = credentials::staticProfileCredentials(*p)) {
        if (!*fromProfile)
            return fromProfile->error();
        return std::optional<credentials::Credentials>(std::move(fromProfile->value()));
    }
    for (const char *key : {"role_arn", "credential_process", "web_identity_token_file", "sso_session", "sso_start_url"}) {
        if (p->value(key))
            return util::Error{"profile " + profile.name + " gets its credentials through " + key
                               + ", which Cumulus does not support yet (it comes with the credentials layer); use a profile with keys, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"};
    }
    return std::optional<credentials::Credentials>();
}

} // namespace cumulus::cli
