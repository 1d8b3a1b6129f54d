#include "model/OperationDescription.h"

#include "model/JsonText.h"
#include "model/Prelude.h"

#include <QJsonArray>

#include <unordered_set>

namespace cumulus::model {

namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

class Describer {
public:
    Describer(const Model &model, int maxDepth)
        : m_model(model)
        , m_maxDepth(maxDepth)
    {
    }

    QJsonObject tree(const ShapeId &id)
    {
        QJsonObject out;
        out["shape"] = qs(id.name());
        const Shape *shape = m_model.find(id);
        out["type"] = qs(shape ? shapeTypeName(shape->type) : typeOfPrelude(id));
        if (shape)
            addChildren(out, *shape, 0);
        return out;
    }

private:
    static std::string_view typeOfPrelude(const ShapeId &id)
    {
        const auto type = preludeShapeType(id.text());
        return type ? shapeTypeName(*type) : std::string_view("unknown");
    }

    // Constraints and docs from the traits of a member and of the shape it targets (the member's
    // win).
    void addConstraints(QJsonObject &out, const std::vector<Trait> &memberTraits,
                        const Shape *target)
    {
        auto traitOf = [&](std::string_view id) -> const Trait * {
            if (const Trait *t = findTrait(memberTraits, id))
                return t;
            return target ? target->trait(id) : nullptr;
        };
        if (findTrait(memberTraits, "smithy.api#required"))
            out["required"] = true;
        for (const char *id : {"smithy.api#length", "smithy.api#range"}) {
            if (const Trait *t = traitOf(id)) {
                const QJsonObject bounds = parseJsonValue(t->json).toObject();
                if (bounds.contains("min"))
                    out["min"] = bounds.value("min");
                if (bounds.contains("max"))
                    out["max"] = bounds.value("max");
            }
        }
        if (const Trait *t = traitOf("smithy.api#pattern"))
            out["pattern"] = qs(decodeJsonString(t->json).value_or(std::string()));
        if (const Trait *t = findTrait(memberTraits, "smithy.api#default"))
            out["default"] = parseJsonValue(t->json);
        if (target) {
            QJsonArray values;
            if (target->type == ShapeType::Enum || target->type == ShapeType::IntEnum) {
                for (const Member &m : target->members) {
                    const Trait *value = m.trait("smithy.api#enumValue");
                    values.append(value ? parseJsonValue(value->json) : QJsonValue(qs(m.name)));
                }
            } else if (const Trait *legacy = target->trait("smithy.api#enum")) { // Smithy 1.0
                for (const QJsonValue &entry : parseJsonValue(legacy->json).toArray())
                    values.append(entry.toObject().value("value"));
            }
            if (!values.isEmpty())
                out["enum"] = values;
        }
        std::string doc = documentationOf(memberTraits);
        if (doc.empty() && target)
            doc = documentationOf(target->traits);
        if (!doc.empty())
            out["documentation"] = qs(doc);
    }

    QJsonObject memberNode(const Member &member, int depth)
    {
        QJsonObject out;
        out["name"] = qs(member.name);
        out["target"] = qs(member.target.name());
        const Shape *target = m_model.find(member.target);
        out["type"] = qs(target ? shapeTypeName(target->type) : typeOfPrelude(member.target));
        addConstraints(out, member.traits, target);
        if (target)
            addChildren(out, *target, depth + 1);
        return out;
    }

    void addChildren(QJsonObject &out, const Shape &shape, int depth)
    {
        const bool container = shape.type == ShapeType::Structure || shape.type == ShapeType::Union
            || shape.type == ShapeType::List || shape.type == ShapeType::Set
            || shape.type == ShapeType::Map;
        if (!container || shape.members.empty())
            return;
        if (m_path.count(shape.id.text()) || depth >= m_maxDepth) {
            out["recursive"] = true;
            return;
        }
        m_path.insert(shape.id.text());
        if (shape.type == ShapeType::Structure || shape.type == ShapeType::Union) {
            QJsonArray members;
            for (const Member &m : shape.members)
                members.append(memberNode(m, depth));
            out["members"] = members;
        } else {
            for (const Member &m : shape.members)
                out[qs(m.name)] = memberNode(m, depth); // "member", or "key" and "value"
        }
        m_path.erase(shape.id.text());
    }

    const Model &m_model;
    int m_maxDepth;
    std::unordered_set<std::string_view> m_path; // shapes on the way down, to cut recursion
};

} // namespace

QJsonObject describeOperation(const Model &model, const Shape &operation, int maxDepth)
{
    Describer describer(model, maxDepth);
    QJsonObject out;
    out["operation"] = qs(operation.id.name());
    out["shapeId"] = qs(operation.id.text());
    const std::string doc = documentationOf(operation.traits);
    if (!doc.empty())
        out["documentation"] = qs(doc);
    const ShapeRelations &rel = operation.rel();
    if (rel.input && rel.input->text() != UnitShapeId)
        out["input"] = describer.tree(*rel.input);
    if (rel.output && rel.output->text() != UnitShapeId)
        out["output"] = describer.tree(*rel.output);
    QJsonArray errors;
    for (const ShapeId &error : rel.errors)
        errors.append(qs(error.name()));
    out["errors"] = errors;
    return out;
}

std::string documentationSummaryOfJson(const char *raw)
{
    // The first paragraph of the first kilobyte or so holds the first sentence.
    constexpr std::size_t Read = 1200;
    std::size_t end = 0;
    bool escaped = false;
    for (; end < Read && raw[end] != '\0'; ++end) {
        if (raw[end] == '"' && !escaped)
            break;
        escaped = raw[end] == '\\' && !escaped;
    }
    std::string_view literal(raw, end);
    if (raw[end] != '"') { // cut short: not in the middle of an escape
        const std::size_t lastEscape = literal.rfind('\\');
        if (lastEscape != std::string_view::npos && literal.size() - lastEscape <= 6)
            literal = literal.substr(0, lastEscape);
    }
    std::string quoted;
    quoted.reserve(literal.size() + 2);
    quoted.append(1, '"').append(literal).append(1, '"');
    const std::string html = decodeJsonString(quoted).value_or(std::string());
    std::string text = documentationText(std::string_view(html).substr(0, html.find("</p>")));
    for (std::size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 1)) {
        if (at >= 12) { // "e.g. " or "i.e. " early on are not the end of a sentence
            text.resize(at + 1);
            break;
        }
    }
    if (text.size() > 200) {
        std::size_t cut = text.rfind(' ', 200);
        if (cut == std::string::npos)
            for (cut = 200; cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80; --cut) {
            }
        text.resize(cut);
        text += "…";
    }
    return text;
}

std::string documentationOf(const std::vector<Trait> &traits)
{
    const Trait *doc = findTrait(traits, "smithy.api#documentation");
    if (!doc)
        return {};
    return documentationText(decodeJsonString(doc->json).value_or(std::string()));
}

std::string documentationText(std::string_view html)
{
    std::string out;
    out.reserve(html.size());
    bool pendingSpace = false;
    for (std::size_t i = 0; i < html.size(); ++i) {
        char c = html[i];
        if (c == '<') {
            const std::size_t close = html.find('>', i);
            if (close == std::string_view::npos)
                break;
            const std::string_view tag = html.substr(i + 1, close - i - 1);
            // Block-level tags separate words.
            if (tag.rfind("p", 0) == 0 || tag.rfind("/p", 0) == 0 || tag.rfind("li", 0) == 0
                || tag.rfind("br", 0) == 0 || tag.rfind("/li", 0) == 0)
                pendingSpace = !out.empty();
            i = close;
            continue;
        }
        if (c == '&') {
            static constexpr std::pair<std::string_view, char> Entities[] = {
                {"&lt;", '<'},   {"&gt;", '>'},    {"&amp;", '&'}, {"&quot;", '"'},
                {"&#39;", '\''}, {"&apos;", '\''}, {"&nbsp;", ' '}};
            for (const auto &[entity, ch] : Entities) {
                if (html.substr(i, entity.size()) == entity) {
                    c = ch;
                    i += entity.size() - 1;
                    break;
                }
            }
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out.push_back(' ');
        pendingSpace = false;
        out.push_back(c);
    }
    return out;
}

} // namespace cumulus::model
