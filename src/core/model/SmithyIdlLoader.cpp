#include "model/SmithyIdlLoader.h"

#include "model/Prelude.h"
#include "model/SmithyIdlSyntax.h"

#include <QFile>

#include <functional>
#include <map>
#include <set>
#include <unordered_map>

namespace cumulus::model {

namespace {

std::string where(const SourceLocation &at)
{
    return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

class Assembler {
public:
    explicit Assembler(std::vector<idl::File> files)
        : m_files(std::move(files))
    {
    }

    LoadResult run()
    {
        for (const idl::File &file : m_files) {
            for (const ModelError &e : file.errors)
                m_errors.push_back(e);
            for (const idl::Shape &shape : file.shapes)
                m_defined.insert(file.ns + "#" + shape.name);
        }
        for (const idl::File &file : m_files) {
            for (const idl::Shape &shape : file.shapes)
                build(file, shape);
        }
        resolveElidedTargets();
        std::set<std::string> expanded;
        for (std::size_t i = 0; i < m_shapes.size(); ++i)
            expandMixins(i, expanded);
        for (const idl::File &file : m_files) {
            for (const idl::Apply &apply : file.applies)
                applyTraits(file, apply);
        }
        std::string metadata = "{";
        for (const idl::File &file : m_files) {
            for (const auto &[key, value] : file.metadata) {
                std::string quoted;
                idl::Node keyNode;
                keyNode.kind = idl::Node::Kind::String;
                keyNode.text = key;
                metadata +=
                    (metadata.size() > 1 ? "," : "") + keyNode.toJson() + ":" + value.toJson();
            }
        }
        metadata += "}";
        return {std::make_shared<Model>(std::move(m_shapes), std::move(metadata)),
                std::move(m_errors)};
    }

private:
    void error(const idl::File &file, const SourceLocation &at, std::string message)
    {
        m_errors.push_back({file.source, where(at), std::move(message)});
    }

    // The absolute id a name in file means, or nullopt (reported) when it means nothing.
    std::optional<ShapeId> resolve(const idl::File &file, const idl::Reference &ref,
                                   const std::string &role)
    {
        const std::string &name = ref.name;
        const std::size_t dollar = name.find('$');
        const std::string base = name.substr(0, dollar);
        const std::string member =
            dollar == std::string::npos ? std::string() : name.substr(dollar);
        std::string absolute;
        if (base.find('#') != std::string::npos) {
            if (m_defined.count(base) || preludeShapeType(base))
                absolute = base;
        } else {
            for (const auto &[local, used] : file.uses) {
                if (local == base)
                    absolute = used.name;
            }
            if (absolute.empty() && m_defined.count(file.ns + "#" + base))
                absolute = file.ns + "#" + base;
            if (absolute.empty()
                && (preludeShapeType("smithy.api#" + base)
                    || m_defined.count("smithy.api#" + base)))
                absolute = "smithy.api#" + base;
        }
        if (absolute.empty()) {
            error(file, ref.at, name + " is not defined (" + role + ")");
            return std::nullopt;
        }
        auto id = ShapeId::parse(absolute + member);
        if (!id)
            error(file, ref.at, "\"" + name + "\" is not a valid shape id");
        return id;
    }

    // Trait names: like shapes, except that any other name is taken as a prelude trait (the
    // prelude's trait definitions need not be loaded).
    std::string traitId(const idl::File &file, const std::string &name)
    {
        if (name.find('#') != std::string::npos)
            return name;
        for (const auto &[local, used] : file.uses) {
            if (local == name)
                return used.name;
        }
        if (m_defined.count(file.ns + "#" + name))
            return file.ns + "#" + name;
        return "smithy.api#" + name;
    }

    std::vector<Trait> traits(const idl::File &file, const std::vector<idl::Trait> &given)
    {
        std::vector<Trait> out;
        for (const idl::Trait &t : given) {
            Trait trait{traitId(file, t.name), t.value.toJson()};
            bool replaced = false;
            for (Trait &existing : out) {
                if (existing.id == trait.id) {
                    existing = trait;
                    replaced = true;
                }
            }
            if (!replaced)
                out.push_back(std::move(trait));
        }
        return out;
    }

    std::vector<ShapeId> references(const idl::File &file, const std::vector<idl::Reference> &refs,
                                    const std::string &role)
    {
        std::vector<ShapeId> out;
        for (const idl::Reference &ref : refs) {
            if (auto id = resolve(file, ref, role))
                out.push_back(std::move(*id));
        }
        return out;
    }

    std::optional<ShapeId> nodeReference(const idl::File &file, const idl::Node &node,
                                         const std::string &role)
    {
        if (node.kind != idl::Node::Kind::String) {
            error(file, node.at, "expected a shape id (" + role + ")");
            return std::nullopt;
        }
        return resolve(file, {node.text, node.at}, role);
    }

    void entityBody(const idl::File &file, const idl::Node &body, Shape &shape)
    {
        ShapeRelations &rel = shape.mutableRelations();
        const std::string of = " of " + std::string(shape.id.name());
        for (const idl::NodeEntry &entry : body.entries) {
            const std::string &key = entry.key; // not a structured binding: lambdas capture these
            const idl::Node &value = entry.value;
            auto list = [&](std::vector<ShapeId> &into, const std::string &role) {
                if (value.kind != idl::Node::Kind::Array) {
                    error(file, value.at, key + " must be a list of shape ids");
                    return;
                }
                for (const idl::Node &item : value.items) {
                    if (auto id = nodeReference(file, item, role))
                        into.push_back(std::move(*id));
                }
            };
            auto named = [&](std::vector<NamedTarget> &into, const std::string &role) {
                for (const auto &[name, target] : value.entries) {
                    if (auto id = nodeReference(file, target, role))
                        into.emplace_back(name, std::move(*id));
                }
            };
            if (key == "version") {
                rel.version = value.text;
            } else if (key == "operations") {
                list(rel.operations, "an operation" + of);
            } else if (key == "resources") {
                list(rel.resources, "a resource" + of);
            } else if (key == "errors") {
                list(rel.errors, "an error" + of);
            } else if (key == "collectionOperations") {
                list(rel.collectionOperations, "a collection operation" + of);
            } else if (key == "identifiers") {
                named(rel.identifiers, "an identifier" + of);
            } else if (key == "properties") {
                named(rel.properties, "a property" + of);
            } else if (key == "create" || key == "put" || key == "read" || key == "update"
                       || key == "delete" || key == "list") {
                if (auto id = nodeReference(file, value, "the " + key + " operation" + of))
                    rel.lifecycle.emplace_back(key, std::move(*id));
            } else if (key == "rename") {
                for (const auto &[from, to] : value.entries) {
                    if (auto id = ShapeId::parse(from))
                        rel.rename.emplace_back(std::move(*id), to.text);
                    else
                        error(file, to.at, "rename keys must be absolute shape ids");
                }
            }
        }
    }

    void build(const idl::File &file, const idl::Shape &given)
    {
        const std::string absolute = file.ns + "#" + given.name;
        if (!m_built.insert(absolute).second) {
            error(file, given.at, absolute + " is defined more than once");
            return;
        }
        auto id = ShapeId::parse(absolute);
        const auto type = shapeTypeFromString(given.typeName);
        if (!id || !type) {
            error(file, given.at, "invalid shape " + given.typeName + " " + given.name);
            return;
        }
        Shape shape;
        shape.id = std::move(*id);
        shape.type = *type;
        shape.location = given.at;
        shape.traits = traits(file, given.traits);
        shape.mixins = references(file, given.mixins, "a mixin of " + given.name);
        const bool enumShape = shape.type == ShapeType::Enum || shape.type == ShapeType::IntEnum;
        PendingShape pending;
        for (const idl::Member &m : given.members) {
            Member member;
            member.name = m.name;
            member.location = m.at;
            member.traits = traits(file, m.traits);
            if (enumShape) {
                member.target = *ShapeId::parse(UnitShapeId);
                if (m.value) {
                    member.traits.push_back({"smithy.api#enumValue", m.value->toJson()});
                } else if (shape.type == ShapeType::Enum) {
                    idl::Node name;
                    name.kind = idl::Node::Kind::String;
                    name.text = m.name;
                    member.traits.push_back({"smithy.api#enumValue", name.toJson()});
                } else {
                    error(file, m.at, "intEnum member " + m.name + " needs a value");
                }
            } else {
                if (m.target) {
                    if (auto target =
                            resolve(file, *m.target, "the target of " + given.name + "$" + m.name))
                        member.target = std::move(*target);
                } else {
                    pending.elided.push_back(shape.members.size());
                }
                if (m.value)
                    member.traits.push_back({"smithy.api#default", m.value->toJson()});
            }
            shape.members.push_back(std::move(member));
        }
        if (given.forResource) {
            if (auto resource = resolve(file, *given.forResource, "the resource of " + given.name))
                pending.forResource = std::move(*resource);
        }
        if (shape.type == ShapeType::Operation) {
            ShapeRelations &rel = shape.mutableRelations();
            if (given.input)
                rel.input = resolve(file, *given.input, "the input of " + given.name);
            if (given.output)
                rel.output = resolve(file, *given.output, "the output of " + given.name);
            rel.errors = references(file, given.errors, "an error of " + given.name);
        }
        if (given.body)
            entityBody(file, *given.body, shape);
        pending.file = &file;
        m_pending.push_back(std::move(pending));
        m_index[std::string(shape.id.text())] = m_shapes.size();
        m_shapes.push_back(std::move(shape));
    }

    Shape *find(const std::string &id)
    {
        const auto it = m_index.find(id);
        return it == m_index.end() ? nullptr : &m_shapes[it->second];
    }

    // "$name": the member of that name in a mixin, else the "for" resource's identifier or
    // property.
    void resolveElidedTargets()
    {
        for (std::size_t i = 0; i < m_shapes.size(); ++i) {
            for (const std::size_t memberIndex : m_pending[i].elided) {
                Member &member = m_shapes[i].members[memberIndex];
                std::function<const Member *(const Shape &, int)> fromMixins =
                    [&](const Shape &shape, int depth) -> const Member * {
                    for (const ShapeId &mixinId : shape.mixins) {
                        const Shape *mixin = find(std::string(mixinId.text()));
                        if (!mixin || depth > 16)
                            continue;
                        if (const Member *found = mixin->member(member.name);
                            found && !found->target.empty())
                            return found;
                        if (const Member *found = fromMixins(*mixin, depth + 1))
                            return found;
                    }
                    return nullptr;
                };
                if (const Member *inherited = fromMixins(m_shapes[i], 0)) {
                    member.target = inherited->target;
                    continue;
                }
                if (m_pending[i].forResource) {
                    if (const Shape *resource =
                            find(std::string(m_pending[i].forResource->text()))) {
                        for (const auto *list :
                             {&resource->rel().identifiers, &resource->rel().properties}) {
                            for (const auto &[name, target] : *list) {
                                if (name == member.name && member.target.empty())
                                    member.target = target;
                            }
                        }
                    }
                }
                if (member.target.empty())
                    error(*m_pending[i].file, member.location,
                          "the target of $" + member.name
                              + " is found in no mixin and no resource");
            }
        }
    }

    // Members and traits of mixins come first; a member the shape declares again keeps the
    // mixin's target and adds its own traits.
    void expandMixins(std::size_t index, std::set<std::string> &expanded)
    {
        Shape &shape = m_shapes[index];
        const std::string id(shape.id.text());
        if (!expanded.insert(id).second || shape.mixins.empty())
            return;
        std::vector<Member> members;
        std::vector<Trait> traits;
        for (const ShapeId &mixinId : shape.mixins) {
            const auto it = m_index.find(std::string(mixinId.text()));
            if (it == m_index.end())
                continue;
            expandMixins(it->second, expanded);
            const Shape &mixin = m_shapes[it->second];
            for (const Member &m : mixin.members) {
                if (std::none_of(members.begin(), members.end(),
                                 [&](const Member &x) { return x.name == m.name; }))
                    members.push_back(m);
            }
            for (const Trait &t : mixin.traits) {
                if (t.id != "smithy.api#mixin" && !shape.hasTrait(t.id))
                    traits.push_back(t);
            }
            if (mixin.relations && shape.type == ShapeType::Operation) {
                ShapeRelations &rel = shape.mutableRelations();
                if (!rel.input)
                    rel.input = mixin.rel().input;
                if (!rel.output)
                    rel.output = mixin.rel().output;
                rel.errors.insert(rel.errors.begin(), mixin.rel().errors.begin(),
                                  mixin.rel().errors.end());
            }
        }
        for (Member &local : shape.members) {
            auto existing = std::find_if(members.begin(), members.end(),
                                         [&](const Member &x) { return x.name == local.name; });
            if (existing == members.end()) {
                members.push_back(std::move(local));
                continue;
            }
            for (Trait &t : local.traits) {
                auto same = std::find_if(existing->traits.begin(), existing->traits.end(),
                                         [&](const Trait &x) { return x.id == t.id; });
                if (same != existing->traits.end())
                    *same = std::move(t);
                else
                    existing->traits.push_back(std::move(t));
            }
            existing->location = local.location;
        }
        shape.members = std::move(members);
        traits.insert(traits.end(), shape.traits.begin(), shape.traits.end());
        shape.traits = std::move(traits);
    }

    void applyTraits(const idl::File &file, const idl::Apply &apply)
    {
        const auto id = resolve(file, apply.target, "an apply target");
        if (!id)
            return;
        Shape *shape = find(std::string(id->withoutMember().text()));
        std::vector<Trait> *into = nullptr;
        if (shape && !id->hasMember()) {
            into = &shape->traits;
        } else if (shape) {
            for (Member &m : shape->members) {
                if (m.name == id->member())
                    into = &m.traits;
            }
        }
        if (!into) {
            error(file, apply.target.at, "apply target " + apply.target.name + " is not defined");
            return;
        }
        for (Trait &t : traits(file, apply.traits)) {
            auto same = std::find_if(into->begin(), into->end(),
                                     [&](const Trait &x) { return x.id == t.id; });
            if (same != into->end())
                *same = std::move(t);
            else
                into->push_back(std::move(t));
        }
    }

    struct PendingShape {
        const idl::File *file = nullptr;
        std::vector<std::size_t> elided;
        std::optional<ShapeId> forResource;
    };

    std::vector<idl::File> m_files;
    std::set<std::string> m_defined;
    std::set<std::string> m_built;
    std::vector<Shape> m_shapes;
    std::vector<PendingShape> m_pending; // parallel to m_shapes
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<ModelError> m_errors;
};

} // namespace

LoadResult loadSmithyIdl(const std::vector<std::pair<std::string, std::string>> &sources)
{
    std::vector<idl::File> files;
    for (const auto &[name, text] : sources)
        files.push_back(idl::parse(text, name));
    return Assembler(std::move(files)).run();
}

LoadResult loadSmithyIdlFiles(const QStringList &paths)
{
    std::vector<std::pair<std::string, std::string>> sources;
    std::vector<ModelError> unreadable;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            unreadable.push_back(
                {path.toStdString(), "", "cannot read: " + file.errorString().toStdString()});
            continue;
        }
        sources.emplace_back(path.toStdString(), file.readAll().toStdString());
    }
    LoadResult result = loadSmithyIdl(sources);
    result.errors.insert(result.errors.begin(), unreadable.begin(), unreadable.end());
    return result;
}

} // namespace cumulus::model
