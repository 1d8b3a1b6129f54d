#include "credentials/providers/EnvironmentProvider.h"

#include "util/Environment.h"

namespace cumulus::credentials {

std::optional<Credentials> environmentCredentials(const util::Environment &environment)
{
    auto get = [&](const char *name) {
        return environment.value(QString::fromLatin1(name)).value_or(QString()).toStdString();
    };
    Credentials c;
    c.accessKeyId = get("AWS_ACCESS_KEY_ID");
    c.secretAccessKey = get("AWS_SECRET_ACCESS_KEY");
    if (c.accessKeyId.empty() || c.secretAccessKey.empty())
        return std::nullopt;
    c.sessionToken = get("AWS_SESSION_TOKEN");
    if (c.sessionToken.empty())
        c.sessionToken = get("AWS_SECURITY_TOKEN");
    c.accountId = get("AWS_ACCOUNT_ID");
    return c;
}

} // namespace cumulus::credentials
