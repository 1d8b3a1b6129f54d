#pragma once

#include "model/ServiceSummary.h"

#include <QAbstractListModel>

#include <vector>

namespace cumulus::gui {

// Operations matching what a person types (Ctrl+K), best first: an operation named exactly so, then
// one that starts so, then one that contains every word in its name or its service's, then one
// whose documentation's first sentence holds the words the names do not ("encrypt" finds KMS
// Encrypt, then GenerateDataKey: "Returns a unique symmetric data key … encrypt"). A flat, capped
// list: a keystroke over the 16,019 operations of every AWS model costs well under a frame.
class SearchModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { ServiceNameRole = Qt::UserRole + 1, OperationNameRole, SummaryRole };
    static constexpr int MaxResults = 300;

    explicit SearchModel(QObject *parent = nullptr);
    void setServices(const std::vector<model::ServiceSummary> &services);
    void setQuery(const QString &query);
    int matches() const { return m_matches; } // before the cap

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QString service;
        QString operation;
        QString serviceLower;
        QString operationLower;
        QString summary;
        QString summaryLower;
    };
    std::vector<Entry> m_entries;
    std::vector<int> m_results; // indexes into m_entries
    int m_matches = 0;
};

} // namespace cumulus::gui
