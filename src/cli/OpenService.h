#pragma once

#include "ArgumentParser.h"
#include "model/ModelRegistry.h"
#include "util/Expected.h"

#include <string>

namespace cumulus::util {
class Environment;
}

namespace cumulus::cli {

// A service (and maybe one of its operations) looked up the way every command does: by name, sdk
// id or signing name, in --models, else CUMULUS_MODEL_PATH, else the bundled models.
struct OpenService {
    model::ServiceSummary summary;
    model::LoadResult loaded;
    const model::Shape *service = nullptr;
    const model::Shape *operation = nullptr; // when one was asked for
};

// operationName empty: the service alone. Errors say what was not found and where to look.
util::Expected<OpenService> openService(const ParsedArguments &parsed, const util::Environment &environment,
                                        const std::string &serviceName, const std::string &operationName);

} // namespace cumulus::cli
