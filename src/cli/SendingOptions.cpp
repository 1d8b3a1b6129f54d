#include "SendingOptions.h"

namespace cumulus::cli {

void addSendingOptions(ArgumentParser &parser)
{
    parser.addOption({"--max-attempts"}, "N", "attempts in all (else AWS_MAX_ATTEMPTS, the profile, 3)");
    parser.addOption({"--retry-mode"}, "MODE", "legacy, standard or adaptive (else AWS_RETRY_MODE, the profile, standard)");
    parser.addOption({"--cli-connect-timeout"}, "SECONDS", "to connect, TLS included (default 60; 0: no limit)");
    parser.addOption({"--cli-read-timeout"}, "SECONDS", "without a byte of the answer (default 60; 0: no limit)");
    parser.addOption({"--ca-bundle"}, "PEM", "trust these authorities instead of the system's (else AWS_CA_BUNDLE, the profile's ca_bundle)");
}

std::optional<util::Error> readTimeouts(const ParsedArguments &parsed, net::TransportOptions &options)
{
    for (const auto &[option, field] : {std::pair{"--cli-connect-timeout", &options.connectTimeout},
                                        std::pair{"--cli-read-timeout", &options.readTimeout}}) {
        if (const auto seconds = parsed.last(option)) {
            const auto timeout = net::timeoutFromSeconds(*seconds, option);
            if (!timeout)
                return timeout.error();
            *field = *timeout;
        }
    }
    return std::nullopt;
}

} // namespace cumulus::cli
