#pragma once

#include "model/ServiceSummary.h"

#include <QAbstractItemModel>

#include <vector>

namespace cumulus::gui {

// The service catalog as a tree: services (name, title), each with its operations. Built from the
// registry's summaries, so it needs no model loaded.
class CatalogModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role { ServiceNameRole = Qt::UserRole + 1, OperationNameRole };

    explicit CatalogModel(QObject *parent = nullptr);
    void setServices(std::vector<model::ServiceSummary> services);
    const model::ServiceSummary *service(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<model::ServiceSummary> m_services;
};

} // namespace cumulus::gui
