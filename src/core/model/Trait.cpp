#include "model/Trait.h"

namespace cumulus::model {

const Trait *findTrait(const std::vector<Trait> &traits, std::string_view id)
{
    for (const Trait &trait : traits) {
        if (trait.id == id)
            return &trait;
    }
    return nullptr;
}

} // namespace cumulus::model
