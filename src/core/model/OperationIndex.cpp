#include "model/OperationIndex.h"

#include "model/Prelude.h"

#include <unordered_set>

namespace cumulus::model {

namespace {

void collect(const Model &model, const Shape &container, std::vector<const Shape *> &out,
             std::unordered_set<std::string_view> &seen,
             std::unordered_set<std::string_view> &visited)
{
    if (!visited.insert(container.id.text()).second)
        return; // a resource bound twice, or a cycle
    const ShapeRelations &rel = container.rel();
    auto add = [&](const ShapeId &id) {
        const Shape *operation = model.find(id);
        if (operation && operation->type == ShapeType::Operation && seen.insert(id.text()).second)
            out.push_back(operation);
    };
    for (const auto &[name, id] : rel.lifecycle)
        add(id);
    for (const ShapeId &id : rel.operations)
        add(id);
    for (const ShapeId &id : rel.collectionOperations)
        add(id);
    for (const ShapeId &id : rel.resources) {
        if (const Shape *resource = model.find(id);
            resource && resource->type == ShapeType::Resource)
            collect(model, *resource, out, seen, visited);
    }
}

} // namespace

std::vector<const Shape *> operationsOf(const Model &model, const Shape &service)
{
    std::vector<const Shape *> out;
    std::unordered_set<std::string_view> seen, visited;
    collect(model, service, out, seen, visited);
    return out;
}

namespace {

const Shape *structureOf(const Model &model, const std::optional<ShapeId> &id)
{
    if (!id || id->text() == UnitShapeId)
        return nullptr;
    return model.find(*id);
}

} // namespace

const Shape *inputOf(const Model &model, const Shape &operation)
{
    return structureOf(model, operation.rel().input);
}

const Shape *outputOf(const Model &model, const Shape &operation)
{
    return structureOf(model, operation.rel().output);
}

} // namespace cumulus::model
