#pragma once

#include "model/ModelError.h"

#include <string>
#include <vector>

namespace cumulus::model {

// Every shape id the model points at — member targets, operation input/output/errors, service and
// resource bindings, mixins — must be a shape of the model or of the prelude. Returns one error per
// unresolved reference, located by line and column (IDL) or by JSON pointer (JSON).
std::vector<ModelError> findUnresolvedReferences(const Model &model, const std::string &source);

} // namespace cumulus::model
