#include "catalog/OperationFilter.h"

#include "catalog/CatalogModel.h"

namespace cumulus::gui {

OperationFilter::OperationFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void OperationFilter::setQuery(const QString &query)
{
    m_words = query.simplified().toLower().split(' ', Qt::SkipEmptyParts);
    invalidateFilter();
}

bool OperationFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!sourceParent.isValid())
        return false; // a service stays through its operations (recursive filtering)
    const QString operation = index.data(CatalogModel::OperationNameRole).toString().toLower();
    const QString service = index.data(CatalogModel::ServiceNameRole).toString().toLower();
    for (const QString &word : m_words) {
        if (!operation.contains(word) && !service.contains(word))
            return false;
    }
    return true;
}

} // namespace cumulus::gui
