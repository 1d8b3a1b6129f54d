#include "model/Shape.h"

namespace cumulus::model {

const Member *Shape::member(std::string_view name) const
{
    for (const Member &m : members) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

const ShapeRelations &Shape::rel() const
{
    static const ShapeRelations none;
    return relations ? *relations : none;
}

ShapeRelations &Shape::mutableRelations()
{
    if (!relations)
        relations = std::make_unique<ShapeRelations>();
    return *relations;
}

} // namespace cumulus::model
