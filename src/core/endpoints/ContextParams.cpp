#include "endpoints/ContextParams.h"

#include "model/OperationIndex.h"

#include <QJsonArray>

namespace cumulus::endpoints {

namespace {

RuleValue fromJson(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString())
        return v.toString().toStdString();
    if (v.isArray()) {
        RuleValue::Array items;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                return {};
            items.emplace_back(item.toString().toStdString());
        }
        return RuleValue(std::move(items));
    }
    return {};
}

void set(RuleParams &params, const std::string &name, RuleValue value)
{
    for (const auto &[existing, _] : params) {
        if (existing == name)
            return; // a stronger source bound it already
    }
    if (value.isSet())
        params.emplace_back(name, std::move(value));
}

// Applies the path segments to each value, flattening projections.
QJsonArray search(const QJsonArray &values, const QStringList &segments, qsizetype from, bool &projected)
{
    QJsonArray current = values;
    for (qsizetype i = from; i < segments.size(); ++i) {
        QString segment = segments[i];
        QJsonArray next;
        if (segment.startsWith(QLatin1String("keys(")) && segment.endsWith(')')) {
            const QString name = segment.mid(5, segment.size() - 6);
            for (const QJsonValue &v : current) {
                const QJsonValue target = name == QLatin1String("@") ? v : v.toObject().value(name);
                if (target.isObject()) {
                    for (const QString &key : target.toObject().keys())
                        next.append(key);
                }
            }
            projected = true;
            current = next;
            continue;
        }
        const bool project = segment.endsWith(QLatin1String("[*]"));
        if (project)
            segment.chop(3);
        for (const QJsonValue &v : current) {
            const QJsonValue member = segment.isEmpty() ? v : v.toObject().value(segment);
            if (project) {
                for (const QJsonValue &item : member.toArray())
                    next.append(item);
            } else if (!member.isUndefined() && !member.isNull()) {
                next.append(member);
            }
        }
        projected = projected || project;
        current = next;
    }
    return current;
}

} // namespace

RuleValue searchInput(const QJsonValue &input, std::string_view path)
{
    const QStringList segments = QString::fromUtf8(path.data(), qsizetype(path.size())).split('.');
    bool projected = false;
    const QJsonArray found = search(QJsonArray{input}, segments, 0, projected);
    if (projected)
        return fromJson(found);
    return found.isEmpty() ? RuleValue() : fromJson(found.first());
}

RuleParams operationContextParams(const model::Model &model, const model::Shape &operation, const QJsonObject &input)
{
    RuleParams params;
    if (const model::Trait *t = operation.trait("smithy.rules#staticContextParams")) {
        if (const auto value = RuleValue::fromJson(t->json); value && value->isObject()) {
            for (const auto &[name, spec] : value->toObject())
                set(params, name, spec.member("value"));
        }
    }
    if (const model::Shape *in = model::inputOf(model, operation)) {
        for (const model::Member &member : in->members) {
            if (const model::Trait *t = member.trait("smithy.rules#contextParam")) {
                const auto value = RuleValue::fromJson(t->json);
                if (value && value->member("name").isString())
                    set(params, value->member("name").toString(), fromJson(input.value(QString::fromStdString(member.name))));
            }
        }
    }
    if (const model::Trait *t = operation.trait("smithy.rules#operationContextParams")) {
        if (const auto value = RuleValue::fromJson(t->json); value && value->isObject()) {
            for (const auto &[name, spec] : value->toObject()) {
                if (spec.member("path").isString())
                    set(params, name, searchInput(input, spec.member("path").toString()));
            }
        }
    }
    return params;
}

} // namespace cumulus::endpoints
