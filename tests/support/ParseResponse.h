#pragma once

#include "protocols/Protocol.h"

#include <QString>

#include <string_view>

namespace cumulus::test {

// One operation's response, parsed with the protocol of the service in a Smithy JSON model file.
// Aborts the test program if the model does not load or lacks the operation.
protocols::ParsedResponse parseResponse(const QString &modelFile, std::string_view operation,
                                        const net::HttpResponse &response);

} // namespace cumulus::test
