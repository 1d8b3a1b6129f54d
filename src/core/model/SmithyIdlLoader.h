#pragma once

#include "model/ModelError.h"

#include <QStringList>

#include <string>
#include <utility>
#include <vector>

namespace cumulus::model {

// Smithy IDL 2.0 files into one Model: relative names resolved as Smithy does (use statements,
// then the file's namespace, then the prelude), mixins expanded, elided "$member" targets found in
// mixins or the "for" resource, apply statements applied, inline input/output structures made.
// Every name that resolves to nothing is reported with its file, line and column; the rest of the
// model still loads. Files that share a namespace, or use each other's shapes, load together.
LoadResult
loadSmithyIdl(const std::vector<std::pair<std::string, std::string>> &sources); // (name, text)
LoadResult loadSmithyIdlFiles(const QStringList &paths);

} // namespace cumulus::model
