#include "credentials/profile/ProfileChecks.h"

#include "credentials/keychain/KeychainProfiles.h"
#include "endpoints/Partitions.h"

#include <regex>
#include <set>

namespace cumulus::credentials {

std::string profileKind(const Profile &p)
{
    if (p.value("web_identity_token_file"))
        return "web identity";
    if (p.value("role_arn"))
        return "assume role";
    if (p.value("sso_session") || p.value("sso_start_url"))
        return "SSO";
    if (p.value("aws_access_key_id"))
        return "keys";
    if (const auto command = p.value("credential_process"))
        return isKeychainCredentialProcess(*command, p.name) ? "keys in keychain" : "process";
    return "settings only";
}

std::vector<ProfileProblem> checkProfile(const SharedFiles &files, const std::string &name)
{
    std::vector<ProfileProblem> problems;
    const Profile *p = files.profile(name);
    if (!p)
        return {{"", "there is no profile " + name, true}};

    static const std::regex keyId("(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}");
    if (const auto id = p->value("aws_access_key_id"); id && !std::regex_match(*id, keyId))
        problems.push_back({"aws_access_key_id", "an access key id is AKIA or ASIA and 16 capital letters or digits", true});
    if (p->value("aws_access_key_id").has_value() != p->value("aws_secret_access_key").has_value())
        problems.push_back({p->value("aws_access_key_id") ? "aws_secret_access_key" : "aws_access_key_id",
                            "a key id and its secret go together", true});
    if (p->value("aws_session_token") && !p->value("aws_access_key_id"))
        problems.push_back({"aws_session_token", "a session token needs its key id and secret", true});

    static const std::regex roleArn("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+");
    if (const auto arn = p->value("role_arn"); arn && !std::regex_match(*arn, roleArn))
        problems.push_back({"role_arn", "a role ARN is arn:aws:iam::ACCOUNT:role/NAME (12 digits of account)", true});
    static const std::regex mfaArn("arn:aws[a-z-]*:iam::[0-9]{12}:(mfa|u2f)/[\\w+=,.@/-]+|GAHT[0-9A-Z]+|[0-9]{6,}");
    if (const auto serial = p->value("mfa_serial"); serial && !std::regex_match(*serial, mfaArn))
        problems.push_back({"mfa_serial", "an MFA device is arn:aws:iam::ACCOUNT:mfa/NAME (or a hardware serial)", true});
    if (const auto d = p->value("duration_seconds")) {
        std::size_t used = 0;
        long seconds = -1;
        try {
            seconds = std::stol(*d, &used);
        } catch (...) {
        }
        if (used != d->size() || seconds < 900 || seconds > 43200)
            problems.push_back({"duration_seconds", "whole seconds from 900 (15 min) to 43200 (12 h; the role's maximum applies)", true});
    }
    if (p->value("role_arn")) {
        const auto source = p->value("source_profile");
        const auto credentialSource = p->value("credential_source");
        if (source && credentialSource)
            problems.push_back({"credential_source", "source_profile and credential_source exclude each other", true});
        if (!source && !credentialSource && !p->value("web_identity_token_file"))
            problems.push_back({"source_profile", "a role needs source_profile or credential_source to be assumed from", true});
        if (credentialSource && *credentialSource != "Environment" && *credentialSource != "Ec2InstanceMetadata"
            && *credentialSource != "EcsContainer")
            problems.push_back({"credential_source", "Environment, Ec2InstanceMetadata or EcsContainer", true});
    }
    if (const auto source = p->value("source_profile")) {
        // Follow the chain: every link must exist, and it must not come back (a profile may name
        // itself only when it has keys of its own: the AWS CLI allows that one loop).
        std::set<std::string> seen{name};
        std::string at = *source, from = name;
        while (true) {
            const Profile *link = files.profile(at);
            if (!link) {
                problems.push_back({"source_profile", "there is no profile " + at + (from == name ? "" : " (named by " + from + ")"), true});
                break;
            }
            if (at == from && link->value("aws_access_key_id"))
                break;
            if (!seen.insert(at).second) {
                problems.push_back({"source_profile", "the source profiles loop back to " + at, true});
                break;
            }
            const auto next = link->value("role_arn") ? link->value("source_profile") : std::nullopt;
            if (!next)
                break;
            from = at;
            at = *next;
        }
    }
    if (const auto region = p->value("region")) {
        bool known = false;
        for (const auto &partition : endpoints::Partitions::bundled().partitions()) {
            for (const auto &r : partition.regions)
                known = known || r.name == *region;
        }
        if (!known)
            problems.push_back({"region", *region + " is not a region Cumulus knows (fine for a local endpoint)", false});
    }
    return problems;
}

} // namespace cumulus::credentials
