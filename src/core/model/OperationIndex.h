#pragma once

#include "model/Model.h"

#include <vector>

namespace cumulus::model {

// The operations a service offers: its own, and those of its resources and their sub-resources
// (lifecycle, instance and collection operations), each once, in declaration order. Operations
// whose shapes are missing are left out (the validator reports them).
std::vector<const Shape *> operationsOf(const Model &model, const Shape &service);

// An operation's input or output structure; nullptr when it has none (absent, smithy.api#Unit, or
// missing from the model).
const Shape *inputOf(const Model &model, const Shape &operation);
const Shape *outputOf(const Model &model, const Shape &operation);

} // namespace cumulus::model
