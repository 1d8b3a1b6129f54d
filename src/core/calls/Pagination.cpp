#include "calls/Pagination.h"

#include "model/JsonText.h"

#include <QJsonArray>

namespace cumulus::calls {

namespace {

QStringList parts(const std::string &path)
{
    return QString::fromStdString(path).split('.', Qt::SkipEmptyParts);
}

QJsonObject withValue(QJsonObject document, const QStringList &path, qsizetype at, const QJsonValue &value)
{
    if (at == path.size() - 1) {
        if (value.isUndefined())
            document.remove(path[at]);
        else
            document.insert(path[at], value);
        return document;
    }
    document.insert(path[at], withValue(document.value(path[at]).toObject(), path, at + 1, value));
    return document;
}

} // namespace

std::optional<Paginator> paginatorOf(const model::Shape &service, const model::Shape &operation)
{
    const model::Trait *own = operation.trait("smithy.api#paginated");
    if (!own)
        return std::nullopt;
    Paginator p;
    for (const model::Trait *t : {service.trait("smithy.api#paginated"), own}) {
        if (!t)
            continue;
        const QJsonObject o = model::parseJsonValue(t->json).toObject();
        auto take = [&o](const char *key, std::string &into) {
            if (o.value(key).isString())
                into = o.value(key).toString().toStdString();
        };
        take("inputToken", p.inputToken);
        take("outputToken", p.outputToken);
        take("items", p.items);
        take("pageSize", p.pageSize);
    }
    if (p.inputToken.empty() || p.outputToken.empty())
        return std::nullopt;
    return p;
}

QJsonValue valueAt(const QJsonObject &document, const std::string &path)
{
    QJsonValue v = document;
    for (const QString &part : parts(path)) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

std::optional<QJsonObject> nextPageInput(const Paginator &paginator, const QJsonObject &input, const QJsonObject &output)
{
    const QJsonValue token = valueAt(output, paginator.outputToken);
    if (token.isUndefined() || token.isNull() || (token.isString() && token.toString().isEmpty()))
        return std::nullopt;
    return withValue(input, parts(paginator.inputToken), 0, token);
}

void PageMerger::add(const QJsonObject &page)
{
    ++m_pages;
    if (m_pages == 1) {
        m_merged = withValue(page, parts(m_paginator.outputToken), 0, QJsonValue(QJsonValue::Undefined));
        return;
    }
    if (m_paginator.items.empty())
        return;
    QJsonArray items = valueAt(m_merged, m_paginator.items).toArray();
    for (const QJsonValue &item : valueAt(page, m_paginator.items).toArray())
        items.append(item);
    m_merged = withValue(m_merged, parts(m_paginator.items), 0, items);
}

QJsonObject PageMerger::result() const
{
    return m_merged;
}

} // namespace cumulus::calls
