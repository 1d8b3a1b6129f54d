#pragma once

#include "model/Model.h"

#include <memory>
#include <string>
#include <vector>

namespace cumulus::model {

// One problem in a model file: which file, where in it (a JSON pointer such as
// "/shapes/com.example#Foo/members/bar/target", or "line 4, column 12"), and what is wrong.
struct ModelError {
    std::string source;
    std::string location;
    std::string message;

    std::string toString() const; // "source: location: message"
};

// What loading gave: the model with everything that was valid, and every error found. A model
// with errors is still usable for what it holds; it is never silently partial.
struct LoadResult {
    std::shared_ptr<const Model> model;
    std::vector<ModelError> errors;

    bool ok() const { return errors.empty(); }
};

} // namespace cumulus::model
