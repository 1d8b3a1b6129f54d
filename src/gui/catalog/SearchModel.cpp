#include "catalog/SearchModel.h"

#include <algorithm>

namespace cumulus::gui {

SearchModel::SearchModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void SearchModel::setServices(const std::vector<model::ServiceSummary> &services)
{
    beginResetModel();
    m_entries.clear();
    m_results.clear();
    for (const model::ServiceSummary &s : services) {
        const QString service = QString::fromStdString(s.name);
        for (std::size_t i = 0; i < s.operations.size(); ++i) {
            const QString operation = QString::fromStdString(s.operations[i]);
            const QString summary = i < s.operationSummaries.size() ? QString::fromStdString(s.operationSummaries[i]) : QString();
            m_entries.push_back({service, operation, service.toLower(), operation.toLower(), summary, summary.toLower()});
        }
    }
    endResetModel();
}

void SearchModel::setQuery(const QString &query)
{
    const QStringList words = query.simplified().toLower().split(' ', Qt::SkipEmptyParts);
    std::vector<std::pair<int, int>> ranked; // rank, entry
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const Entry &e = m_entries[std::size_t(i)];
        bool all = !words.isEmpty(), inNames = true;
        for (const QString &w : words) {
            if (e.operationLower.contains(w) || e.serviceLower.contains(w))
                continue;
            inNames = false;
            if (!e.summaryLower.contains(w)) {
                all = false;
                break;
            }
        }
        if (!all)
            continue;
        if (!inNames) {
            ranked.emplace_back(3, i);
            continue;
        }
        // Ranked on the words that name the operation (those that name the service left out):
        // "list dynamodb tables" puts ListTables before ListGlobalTables.
        QString name;
        for (const QString &w : words) {
            if (!e.serviceLower.contains(w) || e.operationLower.contains(w))
                name += w;
        }
        const int rank = e.operationLower == name ? 0 : e.operationLower.startsWith(name) ? 1 : 2;
        ranked.emplace_back(rank, i);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    beginResetModel();
    m_matches = int(ranked.size());
    m_results.clear();
    for (std::size_t i = 0; i < ranked.size() && i < std::size_t(MaxResults); ++i)
        m_results.push_back(ranked[i].second);
    endResetModel();
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_results.size()))
        return {};
    const Entry &e = m_entries[std::size_t(m_results[std::size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
        return e.operation + QStringLiteral("  —  ") + e.service;
    case ServiceNameRole:
        return e.service;
    case OperationNameRole:
        return e.operation;
    case SummaryRole:
    case Qt::ToolTipRole:
        return e.summary;
    default:
        return {};
    }
}

} // namespace cumulus::gui
