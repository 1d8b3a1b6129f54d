#pragma once

#include "model/Shape.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cumulus::model {

// An immutable graph of shapes, from one or more model files. Look-ups by absolute shape id.
class Model {
public:
    Model() = default;
    Model(std::vector<Shape> shapes, std::string metadataJson);
    Model(const Model &) = delete;
    Model &operator=(const Model &) = delete;

    const Shape *find(std::string_view shapeId) const;
    const Shape *find(const ShapeId &id) const { return find(id.text()); }
    const std::vector<Shape> &shapes() const { return m_shapes; }
    std::vector<const Shape *> shapesOfType(ShapeType type) const;

    // The model's "metadata" object as JSON text ("{}" when there is none).
    const std::string &metadata() const { return m_metadata; }

private:
    std::vector<Shape> m_shapes;
    std::unordered_map<std::string_view, std::size_t> m_index; // views into m_shapes' ids
    std::string m_metadata = "{}";
};

} // namespace cumulus::model
