#include "model/ReferenceValidator.h"

#include "model/Prelude.h"

namespace cumulus::model {

namespace {

class Checker {
public:
    Checker(const Model &model, const std::string &source)
        : m_model(model)
        , m_source(source)
    {
    }

    void check(const ShapeId &target, const Shape &shape, const SourceLocation &where,
               const std::string &pointerSuffix, std::string_view role)
    {
        if (target.empty() || m_model.find(target.text()) || preludeShapeType(target.text()))
            return;
        ModelError error;
        error.source = m_source;
        if (where.line > 0) {
            error.location =
                "line " + std::to_string(where.line) + ", column " + std::to_string(where.column);
        } else {
            error.location = "/shapes/" + pointerEscape(shape.id.text()) + pointerSuffix;
        }
        error.message = std::string(role) + " of " + std::string(shape.id.text()) + " targets "
            + std::string(target.text()) + ", which is not defined";
        errors.push_back(std::move(error));
    }

    std::vector<ModelError> errors;

private:
    static std::string pointerEscape(std::string_view text)
    {
        std::string out;
        for (const char c : text) {
            if (c == '~')
                out += "~0";
            else if (c == '/')
                out += "~1";
            else
                out.push_back(c);
        }
        return out;
    }

    const Model &m_model;
    const std::string &m_source;
};

} // namespace

std::vector<ModelError> findUnresolvedReferences(const Model &model, const std::string &source)
{
    Checker checker(model, source);
    for (const Shape &shape : model.shapes()) {
        const SourceLocation &at = shape.location;
        for (const Member &member : shape.members) {
            const bool collectionMember = shape.type == ShapeType::List
                || shape.type == ShapeType::Set || shape.type == ShapeType::Map;
            checker.check(member.target, shape, member.location,
                          collectionMember ? "/" + member.name + "/target"
                                           : "/members/" + member.name + "/target",
                          "member " + member.name);
        }
        for (std::size_t i = 0; i < shape.mixins.size(); ++i)
            checker.check(shape.mixins[i], shape, at, "/mixins/" + std::to_string(i), "mixin");
        if (!shape.relations)
            continue;
        const ShapeRelations &rel = *shape.relations;
        if (rel.input)
            checker.check(*rel.input, shape, at, "/input/target", "input");
        if (rel.output)
            checker.check(*rel.output, shape, at, "/output/target", "output");
        auto list = [&](const std::vector<ShapeId> &ids, const char *key, const char *role) {
            for (std::size_t i = 0; i < ids.size(); ++i)
                checker.check(ids[i], shape, at, std::string("/") + key + "/" + std::to_string(i),
                              role);
        };
        list(rel.errors, "errors", "error");
        list(rel.operations, "operations", "operation");
        list(rel.resources, "resources", "resource");
        list(rel.collectionOperations, "collectionOperations", "collection operation");
        auto named = [&](const std::vector<NamedTarget> &targets, const char *key,
                         const char *role) {
            for (const auto &[name, id] : targets)
                checker.check(id, shape, at, std::string("/") + key + "/" + name, role);
        };
        named(rel.identifiers, "identifiers", "identifier");
        named(rel.properties, "properties", "property");
        for (const auto &[name, id] : rel.lifecycle)
            checker.check(id, shape, at, "/" + name, name.c_str());
    }
    return std::move(checker.errors);
}

} // namespace cumulus::model
