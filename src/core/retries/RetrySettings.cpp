#include "retries/RetrySettings.h"

#include "util/Environment.h"

namespace cumulus::retries {

const char *modeName(RetryMode mode)
{
    switch (mode) {
    case RetryMode::Legacy: return "legacy";
    case RetryMode::Standard: return "standard";
    case RetryMode::Adaptive: return "adaptive";
    }
    return "?";
}

util::Expected<RetrySettings> retrySettings(const std::optional<std::string> &mode,
                                            const std::optional<std::string> &maxAttempts,
                                            const util::Environment &environment,
                                            const endpoints::ProfileSettings &profile, const std::string &sdkId)
{
    // The first source that has the setting, and its name for messages.
    auto pick = [&](const std::optional<std::string> &flag, const char *flagName, const char *envName,
                    const std::string &profileKey) -> std::optional<std::pair<std::string, std::string>> {
        if (flag)
            return std::make_pair(*flag, std::string(flagName));
        if (const auto v = environment.value(QString::fromLatin1(envName)); v && !v->isEmpty())
            return std::make_pair(v->toStdString(), std::string(envName));
        if (const auto it = profile.find(profileKey); it != profile.end() && !it->second.empty())
            return std::make_pair(it->second, "the profile's " + profileKey);
        return std::nullopt;
    };
    RetrySettings settings;
    if (const auto m = pick(mode, "--retry-mode", "AWS_RETRY_MODE", "retry_mode")) {
        if (m->first == "legacy")
            settings.mode = RetryMode::Legacy;
        else if (m->first == "standard")
            settings.mode = RetryMode::Standard;
        else if (m->first == "adaptive")
            settings.mode = RetryMode::Adaptive;
        else
            return util::Error{m->second + ": '" + m->first + "' is not a retry mode (legacy, standard or adaptive)"};
    }
    if (settings.mode == RetryMode::Legacy)
        settings.maxAttempts = sdkId == "DynamoDB" ? 10 : 5;
    if (const auto n = pick(maxAttempts, "--max-attempts", "AWS_MAX_ATTEMPTS", "max_attempts")) {
        bool ok = !n->first.empty() && n->first.size() <= 4;
        int value = 0;
        for (char c : n->first) {
            ok = ok && c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        if (!ok || value < 1)
            return util::Error{n->second + ": '" + n->first + "' is not a number of attempts (1 or more)"};
        settings.maxAttempts = value;
    }
    return settings;
}

} // namespace cumulus::retries
