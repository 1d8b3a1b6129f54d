#include "catalog/CatalogModel.h"

namespace cumulus::gui {

// Internal ids: 0 for a service row, service row + 1 for an operation row under it.

CatalogModel::CatalogModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void CatalogModel::setServices(std::vector<model::ServiceSummary> services)
{
    beginResetModel();
    m_services = std::move(services);
    endResetModel();
}

const model::ServiceSummary *CatalogModel::service(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const std::size_t row = index.internalId() == 0 ? std::size_t(index.row()) : std::size_t(index.internalId() - 1);
    return row < m_services.size() ? &m_services[row] : nullptr;
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex CatalogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_services.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_services[std::size_t(parent.row())].operations.size());
}

int CatalogModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    const model::ServiceSummary *s = service(index);
    if (!s)
        return {};
    const bool isService = index.internalId() == 0;
    switch (role) {
    case Qt::DisplayRole:
        return isService ? QString::fromStdString(s->name) : QString::fromStdString(s->operations[std::size_t(index.row())]);
    case Qt::ToolTipRole:
        return isService ? QString::fromStdString(s->title + " (" + s->protocol + ", " + s->version + ")") : QVariant();
    case ServiceNameRole:
        return QString::fromStdString(s->name);
    case OperationNameRole:
        return isService ? QVariant() : QString::fromStdString(s->operations[std::size_t(index.row())]);
    default:
        return {};
    }
}

} // namespace cumulus::gui
