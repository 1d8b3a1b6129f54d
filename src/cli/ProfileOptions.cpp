#include "ProfileOptions.h"

#include "util/Environment.h"
#include "util/Redactor.h"

#include <istream>
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
    context.caBundleOption = parsed.last("--ca-bundle");
    return context;
}

util::Expected<std::optional<credentials::ResolvedCredentials>>
resolveCredentials(const ProfileContext &profile, const util::Environment &environment, const util::Clock &clock,
                   util::Random &random, util::Sleeper &sleeper, std::istream &in, std::ostream &err)
{
    auto mfa = [&](const std::string &name, const std::string &serial) -> std::optional<std::string> {
        err << "Enter MFA code for " << serial << " (profile " << name << "): " << std::flush;
        std::string code;
        if (!std::getline(in, code))
            return std::nullopt;
        return code;
    };
    return credentials::resolveProfileCredentials(profile.files, profile.name, profile.explicitProfile, environment,
                                                  clock, random, sleeper, mfa, profile.caBundleOption);
}

util::Expected<credentials::Credentials> signingCredentials(const ProfileContext &profile, const util::Environment &environment,
                                                            const util::Clock &clock, util::Random &random,
                                                            util::Sleeper &sleeper, std::istream &in, std::ostream &err,
                                                            util::Redactor &redactor)
{
    auto resolved = resolveCredentials(profile, environment, clock, random, sleeper, in, err);
    if (!resolved)
        return resolved.error();
    if (!*resolved)
        return util::Error{"no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, give the profile keys, or use --no-sign"};
    redactor.addSecret((*resolved)->credentials.secretAccessKey);
    redactor.addSecret((*resolved)->credentials.sessionToken);
    return std::move((*resolved)->credentials);
}

} // namespace cumulus::cli
