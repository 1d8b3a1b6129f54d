#pragma once

#include <QSortFilterProxyModel>

namespace cumulus::gui {

// Narrows the catalog as a person types: an operation stays when its name contains every word typed
// (case-insensitive), or its service's name does; services stay when any operation does.
class OperationFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit OperationFilter(QObject *parent = nullptr);
    void setQuery(const QString &query);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace cumulus::gui
