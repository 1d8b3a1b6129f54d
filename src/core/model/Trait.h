#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cumulus::model {

// A trait applied to a shape or member: its shape id ("smithy.api#required") and its value as JSON
// text, decoded only when asked for (see JsonText.h). Most of a model's bytes are trait values
// (documentation, endpoint rules) that most uses never read.
struct Trait {
    std::string id;
    std::string json;
};

// The trait with this id, or nullptr.
const Trait *findTrait(const std::vector<Trait> &traits, std::string_view id);

} // namespace cumulus::model
