#include "credentials/providers/StaticProfileProvider.h"

namespace cumulus::credentials {

std::optional<util::Expected<Credentials>> staticProfileCredentials(const Profile &profile)
{
    const auto id = profile.value("aws_access_key_id");
    const auto secret = profile.value("aws_secret_access_key");
    if (!id && !secret)
        return std::nullopt;
    if (!id || !secret)
        return util::Expected<Credentials>(util::Error{
            "profile " + profile.name + " has " + (id ? "aws_access_key_id but no aws_secret_access_key"
                                                       : "aws_secret_access_key but no aws_access_key_id")});
    Credentials c;
    c.accessKeyId = *id;
    c.secretAccessKey = *secret;
    c.sessionToken = profile.value("aws_session_token").value_or(profile.value("aws_security_token").value_or(""));
    c.accountId = profile.value("aws_account_id").value_or("");
    return util::Expected<Credentials>(std::move(c));
}

} // namespace cumulus::credentials
