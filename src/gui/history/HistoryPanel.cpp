#include "history/HistoryPanel.h"

#include "collections/Collection.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cumulus::gui {

namespace {
constexpr int IndexRole = Qt::UserRole + 1; // the entry's index in m_entries
}

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search the history (service, operation, profile, input, result…)"));
    m_search->setClearButtonEnabled(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setHeaderLabels({tr("Sent"), tr("Call"), tr("Profile"), tr("Region"), tr("Result"), tr("Time")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_status = new QLabel(this);
    m_save = new QPushButton(tr("Save to collection…"), this);
    m_save->setObjectName(QStringLiteral("historySave"));
    m_save->setEnabled(false);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addLayout(bottom);

    connect(m_search, &QLineEdit::textChanged, this, [this] { fill(); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] { m_save->setEnabled(selected().has_value()); });
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        if (const auto entry = selected())
            emit openRequested(*entry);
    });
    connect(m_save, &QPushButton::clicked, this, &HistoryPanel::saveWithDialogs);
}

void HistoryPanel::setFile(std::string file)
{
    m_file = std::move(file);
    reload();
}

void HistoryPanel::reload()
{
    m_entries.clear();
    if (m_file.empty()) {
        m_status->setText(tr("No history: there is no home folder to keep it in."));
    } else if (auto read = history::CallHistory(m_file).entries()) {
        m_entries = std::move(*read);
    } else {
        m_status->setText(QString::fromStdString(read.error().message));
    }
    fill();
}

void HistoryPanel::fill()
{
    const std::vector<std::size_t> shown = history::search(m_entries, m_search->text().toStdString());
    m_list->clear();
    QList<QTreeWidgetItem *> items;
    for (auto it = shown.rbegin(); it != shown.rend(); ++it) { // newest first
        const history::HistoryEntry &e = m_entries[*it];
        auto *item = new QTreeWidgetItem({QString::fromStdString(e.time).replace('T', ' ').remove('Z'),
                                          QString::fromStdString(e.service + " " + e.operation),
                                          QString::fromStdString(e.profile), QString::fromStdString(e.region),
                                          QString::fromStdString(e.result), tr("%1 ms").arg(e.milliseconds)});
        item->setData(0, IndexRole, qulonglong(*it));
        item->setToolTip(1, QString::fromStdString(e.endpoint.empty() ? e.service : e.endpoint));
        item->setToolTip(4, QString::fromStdString(e.result + (e.requestId.empty() ? "" : "\nRequest id: " + e.requestId)));
        items << item;
    }
    m_list->addTopLevelItems(items);
    if (!m_file.empty())
        m_status->setText(m_search->text().isEmpty() ? tr("%n call(s)", nullptr, int(m_entries.size()))
                                                     : tr("%1 of %2 calls").arg(items.size()).arg(m_entries.size()));
    m_save->setEnabled(selected().has_value());
}

std::optional<history::HistoryEntry> HistoryPanel::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !item->isSelected())
        return std::nullopt;
    const std::size_t i = item->data(0, IndexRole).toULongLong();
    return i < m_entries.size() ? std::optional(m_entries[i]) : std::nullopt;
}

std::optional<std::string> HistoryPanel::saveSelected(const QString &collectionFolder, const QString &path)
{
    const auto entry = selected();
    if (!entry)
        return std::string("no call is selected");
    std::string file = path.trimmed().toStdString();
    if (file.empty())
        return std::string("the request needs a file name");
    if (file.size() < 5 || file.substr(file.size() - 5) != ".toml")
        file += ".toml";
    const auto collection = collections::loadCollection(collectionFolder.toStdString());
    if (!collection)
        return collection.error().message;
    if (const auto problem = collections::saveRequest(collection->folder, history::toSavedRequest(*entry, file)))
        return problem->message;
    return std::nullopt;
}

void HistoryPanel::saveWithDialogs()
{
    const auto entry = selected();
    if (!entry)
        return;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("The collection (its folder, with collection.toml)"));
    if (folder.isEmpty())
        return;
    bool ok = false;
    const QString suggested = QString::fromStdString(entry->service + "/" + entry->operation);
    const QString path = QInputDialog::getText(this, tr("Save to collection"), tr("Request file in the collection:"),
                                               QLineEdit::Normal, suggested, &ok);
    if (!ok)
        return;
    if (const auto problem = saveSelected(folder, path))
        QMessageBox::warning(this, tr("Not saved"), QString::fromStdString(*problem));
}

} // namespace cumulus::gui
