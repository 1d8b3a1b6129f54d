#include "model/ModelError.h"

namespace cumulus::model {

std::string ModelError::toString() const
{
    std::string out = source;
    if (!location.empty())
        out += (out.empty() ? "" : ": ") + location;
    return out + (out.empty() ? "" : ": ") + message;
}

} // namespace cumulus::model
