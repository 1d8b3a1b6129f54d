#pragma once

#include "util/Environment.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli models`: the service catalog.
//   models list [--models PATH]... [--json]
//   models ops SERVICE
//   models show SERVICE OPERATION [--json]
//   models search TEXT
// Models come from --models (repeatable: files or folders), else CUMULUS_MODEL_PATH, else the
// bundled models. A model that fails to load is reported on err with its file and place; the
// others are still listed (exit code 255 then).
int runModelsCommand(const std::vector<std::string> &arguments,
                     const util::Environment &environment, std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
