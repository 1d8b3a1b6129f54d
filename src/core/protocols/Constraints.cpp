#include "protocols/Constraints.h"

#include "model/JsonText.h"
#include "protocols/JsonCodec.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace cumulus::protocols {

namespace {

using model::Member;
using model::Shape;
using model::ShapeId;
using model::ShapeType;
using model::Trait;

std::string number(double value)
{
    return QString::number(value, 'g', 17).toStdString();
}

class Checker {
public:
    Checker(const model::Model &model, std::vector<InputProblem> &out) : m_model(model), m_out(out) {}

    void structure(const Shape &shape, const QJsonObject &object, const std::string &path)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (const Member *member = shape.member(it.key().toStdString()))
                value(member->target, member->traits, it.value(), path + "." + member->name);
        }
    }

    void value(const ShapeId &target, const std::vector<Trait> &memberTraits, const QJsonValue &value,
               const std::string &path)
    {
        const Shape *shape = m_model.find(target);
        const auto type = typeOf(m_model, target);
        if (!type || value.isNull() || value.isUndefined())
            return;
        auto trait = [&](std::string_view id) -> const Trait * {
            if (const Trait *t = model::findTrait(memberTraits, id))
                return t;
            return shape ? shape->trait(id) : nullptr;
        };
        const bool sensitive = trait("smithy.api#sensitive") != nullptr;
        auto warn = [&](std::string message) { m_out.push_back({path, std::move(message)}); };

        if (const Trait *length = trait("smithy.api#length")) {
            std::optional<qsizetype> size;
            if ((*type == ShapeType::String || *type == ShapeType::Enum) && value.isString())
                size = value.toString().toUcs4().size();
            else if (*type == ShapeType::Blob && value.isString())
                size = QByteArray::fromBase64(value.toString().toLatin1()).size();
            else if ((*type == ShapeType::List || *type == ShapeType::Set) && value.isArray())
                size = value.toArray().size();
            else if (*type == ShapeType::Map && value.isObject())
                size = value.toObject().size();
            const QJsonObject bounds = model::parseJsonValue(length->json).toObject();
            std::string unit = *type == ShapeType::Blob ? " byte"
                : (*type == ShapeType::List || *type == ShapeType::Set) ? " item"
                : *type == ShapeType::Map ? " entry" : " character";
            if (size && *size != 1)
                unit = *type == ShapeType::Map ? " entries" : unit + "s";
            if (size && bounds.contains("min") && double(*size) < bounds.value("min").toDouble())
                warn(std::to_string(*size) + unit + ", fewer than the model's minimum " + number(bounds.value("min").toDouble()));
            if (size && bounds.contains("max") && double(*size) > bounds.value("max").toDouble())
                warn(std::to_string(*size) + unit + ", more than the model's maximum " + number(bounds.value("max").toDouble()));
        }
        if (const Trait *range = trait("smithy.api#range"); range && model::isNumber(*type) && value.isDouble()) {
            const QJsonObject bounds = model::parseJsonValue(range->json).toObject();
            const std::string shown = sensitive ? "the value" : number(value.toDouble());
            if (bounds.contains("min") && value.toDouble() < bounds.value("min").toDouble())
                warn(shown + " is below the model's minimum " + number(bounds.value("min").toDouble()));
            if (bounds.contains("max") && value.toDouble() > bounds.value("max").toDouble())
                warn(shown + " is above the model's maximum " + number(bounds.value("max").toDouble()));
        }
        if (const Trait *pattern = trait("smithy.api#pattern"); pattern && value.isString()) {
            const QString expression = model::parseJsonValue(pattern->json).toString();
            const QRegularExpression regex(expression);
            if (regex.isValid() && !regex.match(value.toString()).hasMatch())
                warn((sensitive ? std::string("the value") : "\"" + value.toString().toStdString() + "\"")
                     + " does not match the model's pattern " + expression.toStdString());
        }
        enumeration(shape, trait("smithy.api#enum"), value, sensitive, warn);

        if (!shape)
            return;
        switch (shape->type) {
        case ShapeType::Structure:
        case ShapeType::Union:
            if (value.isObject())
                structure(*shape, value.toObject(), path);
            break;
        case ShapeType::List:
        case ShapeType::Set:
            if (const Member *item = shape->member("member"); item && value.isArray()) {
                const QJsonArray items = value.toArray();
                for (qsizetype i = 0; i < items.size(); ++i)
                    this->value(item->target, item->traits, items[i], path + "[" + std::to_string(i) + "]");
            }
            break;
        case ShapeType::Map:
            if (value.isObject()) {
                const Member *key = shape->member("key");
                const Member *entry = shape->member("value");
                const QJsonObject object = value.toObject();
                for (auto it = object.begin(); it != object.end(); ++it) {
                    const std::string entryPath = path + "." + it.key().toStdString();
                    if (key)
                        this->value(key->target, key->traits, it.key(), entryPath + " (key)");
                    if (entry)
                        this->value(entry->target, entry->traits, it.value(), entryPath);
                }
            }
            break;
        default:
            break;
        }
    }

private:
    template <typename Warn>
    void enumeration(const Shape *shape, const Trait *legacyEnum, const QJsonValue &value, bool sensitive, Warn &&warn)
    {
        QStringList allowed;
        bool known = false;
        if (shape && (shape->type == ShapeType::Enum || shape->type == ShapeType::IntEnum)) {
            for (const Member &m : shape->members) {
                const Trait *enumValue = m.trait("smithy.api#enumValue");
                const QJsonValue v = enumValue ? model::parseJsonValue(enumValue->json) : QJsonValue(QString::fromStdString(m.name));
                allowed << (v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 17));
                known = known || v == value;
            }
        } else if (legacyEnum && value.isString()) {
            for (const QJsonValue &definition : model::parseJsonValue(legacyEnum->json).toArray()) {
                allowed << definition.toObject().value("value").toString();
                known = known || allowed.back() == value.toString();
            }
        } else {
            return;
        }
        if (known || allowed.isEmpty() || !(value.isString() || value.isDouble()))
            return;
        const QString shown = sensitive ? QStringLiteral("the value")
            : value.isString() ? "\"" + value.toString() + "\"" : QString::number(value.toDouble(), 'g', 17);
        const qsizetype listed = std::min<qsizetype>(allowed.size(), 12);
        QString list = allowed.mid(0, listed).join(", ");
        if (listed < allowed.size())
            list += QStringLiteral(", … (%1 in all)").arg(allowed.size());
        warn((shown + " is not one of the model's values: " + list).toStdString());
    }

    const model::Model &m_model;
    std::vector<InputProblem> &m_out;
};

} // namespace

std::vector<InputProblem> constraintWarnings(const model::Model &model, const model::Shape &input,
                                             const QJsonObject &document)
{
    std::vector<InputProblem> out;
    Checker(model, out).structure(input, document, "$");
    return out;
}

} // namespace cumulus::protocols
