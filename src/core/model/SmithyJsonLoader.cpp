#include "model/SmithyJsonLoader.h"

#include "model/ReferenceValidator.h"

#include <QFile>

#include <simdjson.h>

#include <unordered_map>

namespace cumulus::model {

namespace ondemand = simdjson::ondemand;

namespace {

std::string_view trimRight(std::string_view text)
{
    while (!text.empty()
           && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r'
               || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// The JSON text of a value (objects and arrays whole).
std::string_view rawJson(ondemand::value value)
{
    switch (value.type()) {
    case ondemand::json_type::object: {
        ondemand::object object = value.get_object();
        return object.raw_json();
    }
    case ondemand::json_type::array: {
        ondemand::array array = value.get_array();
        return array.raw_json();
    }
    default:
        return trimRight(value.raw_json_token());
    }
}

class Loader {
public:
    explicit Loader(const std::string &source)
        : m_source(source)
    {
    }

    LoadResult load(const simdjson::padded_string &json);

private:
    void parseShape(std::string_view key, ondemand::value value);
    std::optional<ShapeId> target(ondemand::value value, const std::string &pointer);
    std::vector<ShapeId> targets(ondemand::value value, const std::string &pointer);
    std::vector<Trait> traits(ondemand::value value);
    std::vector<NamedTarget> namedTargets(ondemand::value value, const std::string &pointer);
    Member member(std::string name, ondemand::value value, const std::string &pointer);
    void applyTraits();
    void error(std::string location, std::string message)
    {
        m_errors.push_back({m_source, std::move(location), std::move(message)});
    }

    const std::string &m_source;
    std::vector<Shape> m_shapes;
    std::vector<std::pair<ShapeId, std::vector<Trait>>> m_applies;
    std::vector<ModelError> m_errors;
    std::string m_metadata = "{}";
    std::string m_at = "the document"; // where reading is, for errors the JSON parser raises
};

std::optional<ShapeId> Loader::target(ondemand::value value, const std::string &pointer)
{
    for (auto field : value.get_object()) {
        const std::string_view key = field.unescaped_key();
        if (key != "target")
            continue;
        const std::string_view text = field.value().get_string();
        if (auto id = ShapeId::parse(text))
            return id;
        error(pointer + "/target", "\"" + std::string(text) + "\" is not an absolute shape id");
        return std::nullopt;
    }
    error(pointer, "missing \"target\"");
    return std::nullopt;
}

std::vector<ShapeId> Loader::targets(ondemand::value value, const std::string &pointer)
{
    std::vector<ShapeId> out;
    std::size_t index = 0;
    for (auto item : value.get_array()) {
        if (auto id = target(item.value(), pointer + "/" + std::to_string(index)))
            out.push_back(std::move(*id));
        ++index;
    }
    return out;
}

std::vector<Trait> Loader::traits(ondemand::value value)
{
    std::vector<Trait> out;
    for (auto field : value.get_object()) {
        const std::string_view key = field.unescaped_key();
        std::string id(key);
        out.push_back({std::move(id), std::string(rawJson(field.value()))});
    }
    return out;
}

std::vector<NamedTarget> Loader::namedTargets(ondemand::value value, const std::string &pointer)
{
    std::vector<NamedTarget> out;
    for (auto field : value.get_object()) {
        const std::string_view key = field.unescaped_key();
        std::string name(key);
        if (auto id = target(field.value(), pointer + "/" + name))
            out.emplace_back(std::move(name), std::move(*id));
    }
    return out;
}

Member Loader::member(std::string name, ondemand::value value, const std::string &pointer)
{
    Member member;
    member.name = std::move(name);
    for (auto part : value.get_object()) {
        const std::string_view partKey = part.unescaped_key();
        if (partKey == "target") {
            const std::string_view text = part.value().get_string();
            if (auto targetId = ShapeId::parse(text))
                member.target = std::move(*targetId);
            else
                error(pointer + "/target",
                      "\"" + std::string(text) + "\" is not an absolute shape id");
        } else if (partKey == "traits") {
            member.traits = traits(part.value());
        }
    }
    return member;
}

void Loader::parseShape(std::string_view key, ondemand::value value)
{
    const std::string pointer = "/shapes/" + std::string(key);
    m_at = pointer;
    auto id = ShapeId::parse(key);
    if (!id) {
        error(pointer, "\"" + std::string(key) + "\" is not an absolute shape id");
        return; // on-demand skips the unread value
    }
    Shape shape;
    shape.id = std::move(*id);
    std::string typeName;
    for (auto field : value.get_object()) {
        const std::string_view rawKey = field.unescaped_key();
        const std::string key(rawKey);
        ondemand::value v = field.value();
        if (key == "type") {
            typeName = std::string(std::string_view(v.get_string()));
        } else if (key == "members") {
            for (auto memberField : v.get_object()) {
                std::string name(std::string_view(memberField.unescaped_key()));
                const std::string memberPointer = pointer + "/members/" + name;
                shape.members.push_back(
                    member(std::move(name), memberField.value(), memberPointer));
            }
        } else if (key == "member" || key == "key" || key == "value") {
            shape.members.push_back(member(key, v, pointer + "/" + key));
        } else if (key == "traits") {
            shape.traits = traits(v);
        } else if (key == "mixins") {
            shape.mixins = targets(v, pointer + "/mixins");
        } else if (key == "input" || key == "output") {
            if (auto t = target(v, pointer + "/" + key))
                (key == "input" ? shape.mutableRelations().input
                                : shape.mutableRelations().output) = std::move(*t);
        } else if (key == "errors") {
            shape.mutableRelations().errors = targets(v, pointer + "/errors");
        } else if (key == "operations") {
            shape.mutableRelations().operations = targets(v, pointer + "/operations");
        } else if (key == "resources") {
            shape.mutableRelations().resources = targets(v, pointer + "/resources");
        } else if (key == "collectionOperations") {
            shape.mutableRelations().collectionOperations =
                targets(v, pointer + "/collectionOperations");
        } else if (key == "version") {
            shape.mutableRelations().version = std::string(std::string_view(v.get_string()));
        } else if (key == "identifiers") {
            shape.mutableRelations().identifiers = namedTargets(v, pointer + "/identifiers");
        } else if (key == "properties") {
            shape.mutableRelations().properties = namedTargets(v, pointer + "/properties");
        } else if (key == "create" || key == "put" || key == "read" || key == "update"
                   || key == "delete" || key == "list") {
            if (auto t = target(v, pointer + "/" + key))
                shape.mutableRelations().lifecycle.emplace_back(key, std::move(*t));
        } else if (key == "rename") {
            for (auto entry : v.get_object()) {
                const std::string from(std::string_view(entry.unescaped_key()));
                const std::string_view to = entry.value().get_string();
                if (auto fromId = ShapeId::parse(from))
                    shape.mutableRelations().rename.emplace_back(std::move(*fromId),
                                                                 std::string(to));
                else
                    error(pointer + "/rename/" + from, "not an absolute shape id");
            }
        }
        // Other keys are ignored, as Smithy's own loader does.
    }

    if (typeName == "apply") {
        m_applies.emplace_back(std::move(shape.id), std::move(shape.traits));
        return;
    }
    if (shape.id.hasMember()) {
        error(pointer, "a member id names only an \"apply\", not a " + typeName + " shape");
        return;
    }
    const auto type = shapeTypeFromString(typeName);
    if (!type || *type == ShapeType::Member) {
        error(pointer + "/type",
              typeName.empty() ? "missing \"type\"" : "unknown shape type \"" + typeName + "\"");
        return;
    }
    shape.type = *type;
    m_shapes.push_back(std::move(shape));
}

void Loader::applyTraits()
{
    if (m_applies.empty())
        return;
    std::unordered_map<std::string_view, Shape *> byId;
    for (Shape &shape : m_shapes)
        byId.emplace(shape.id.text(), &shape);
    for (auto &[id, traits] : m_applies) {
        const auto it = byId.find(id.withoutMember().text());
        std::vector<Trait> *into = nullptr;
        if (it != byId.end()) {
            if (!id.hasMember()) {
                into = &it->second->traits;
            } else {
                for (Member &member : it->second->members) {
                    if (member.name == id.member())
                        into = &member.traits;
                }
            }
        }
        if (!into) {
            error("/shapes/" + std::string(id.text()),
                  "apply targets " + std::string(id.text()) + ", which is not defined");
            continue;
        }
        for (Trait &trait : traits) {
            bool replaced = false;
            for (Trait &existing : *into) {
                if (existing.id == trait.id) {
                    existing.json = std::move(trait.json);
                    replaced = true;
                }
            }
            if (!replaced)
                into->push_back(std::move(trait));
        }
    }
}

LoadResult Loader::load(const simdjson::padded_string &json)
{
    thread_local ondemand::parser parser;
    bool sawVersion = false;
    try {
        ondemand::document document = parser.iterate(json);
        for (auto field : document.get_object()) {
            const std::string_view key = field.unescaped_key();
            if (key == "smithy") {
                m_at = "/smithy";
                const std::string_view version = field.value().get_string();
                sawVersion = true;
                if (version != "2.0" && version != "2" && version != "1.0" && version != "1")
                    error("/smithy", "unsupported Smithy version \"" + std::string(version) + "\"");
            } else if (key == "metadata") {
                m_at = "/metadata";
                m_metadata = std::string(rawJson(field.value()));
            } else if (key == "shapes") {
                m_at = "/shapes";
                for (auto shapeField : field.value().get_object()) {
                    const std::string shapeKey(std::string_view(shapeField.unescaped_key()));
                    parseShape(shapeKey, shapeField.value());
                }
            }
        }
        if (!sawVersion)
            error("", "not a Smithy JSON AST model: no \"smithy\" version");
    } catch (const simdjson::simdjson_error &e) {
        error(m_at, std::string("invalid JSON: ") + e.what());
    }
    applyTraits();
    auto model = std::make_shared<Model>(std::move(m_shapes), std::move(m_metadata));
    std::vector<ModelError> unresolved = findUnresolvedReferences(*model, m_source);
    m_errors.insert(m_errors.end(), std::make_move_iterator(unresolved.begin()),
                    std::make_move_iterator(unresolved.end()));
    return {std::move(model), std::move(m_errors)};
}

} // namespace

LoadResult loadSmithyJson(std::string_view json, const std::string &source)
{
    const simdjson::padded_string padded(json);
    return Loader(source).load(padded);
}

LoadResult loadSmithyJsonFile(const QString &path)
{
    const std::string source = path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::make_shared<Model>(),
                {{source, "", "cannot read: " + file.errorString().toStdString()}}};
    const QByteArray bytes = file.readAll();
    const simdjson::padded_string padded(bytes.constData(), std::size_t(bytes.size()));
    return Loader(source).load(padded);
}

} // namespace cumulus::model
