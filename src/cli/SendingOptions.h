#pragma once

#include "ArgumentParser.h"
#include "net/Transport.h"
#include "util/Expected.h"

namespace cumulus::cli {

// The options that say how a call is sent, shared by `call` and `request`: --max-attempts,
// --retry-mode, --cli-connect-timeout, --cli-read-timeout, --ca-bundle.
void addSendingOptions(ArgumentParser &parser);

// The timeouts those options give (botocore's 60 s each when absent). An error names the option.
std::optional<util::Error> readTimeouts(const ParsedArguments &parsed, net::TransportOptions &options);

} // namespace cumulus::cli
