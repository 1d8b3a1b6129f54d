#include "model/Model.h"

namespace cumulus::model {

Model::Model(std::vector<Shape> shapes, std::string metadataJson)
    : m_shapes(std::move(shapes))
    , m_metadata(std::move(metadataJson))
{
    // m_shapes never changes from here on, so views of the ids inside it stay valid.
    m_index.reserve(m_shapes.size());
    for (std::size_t i = 0; i < m_shapes.size(); ++i)
        m_index.emplace(m_shapes[i].id.text(), i);
    for (Shape &shape : m_shapes) {
        for (Member &member : shape.members) {
            member.targetShape = find(member.target);
            member.idempotencyToken = member.trait("smithy.api#idempotencyToken");
            member.required = member.trait("smithy.api#required");
            member.clientOptional = member.trait("smithy.api#clientOptional");
            member.defaultValue = member.trait("smithy.api#default");
        }
    }
}

const Shape *Model::find(std::string_view shapeId) const
{
    const auto it = m_index.find(shapeId);
    return it == m_index.end() ? nullptr : &m_shapes[it->second];
}

std::vector<const Shape *> Model::shapesOfType(ShapeType type) const
{
    std::vector<const Shape *> out;
    for (const Shape &shape : m_shapes) {
        if (shape.type == type)
            out.push_back(&shape);
    }
    return out;
}

} // namespace cumulus::model
