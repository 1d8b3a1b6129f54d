#pragma once

#include "history/CallHistory.h"

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace cumulus::gui {

// The calls sent (the history the CLI shares), newest first, with a search over every field.
// Activating one opens it again in the composer; "Save to collection…" writes it as a request file.
class HistoryPanel : public QWidget {
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void setFile(std::string file); // empty: no history (no home folder)
    void reload();                  // after a call, or when shown

    QLineEdit *search() const { return m_search; }
    QTreeWidget *list() const { return m_list; }
    QLabel *status() const { return m_status; }
    std::optional<history::HistoryEntry> selected() const;

    // Saves the selected call into a collection folder as `path` (".toml" added when missing);
    // the error, else nullopt. The button asks for both with dialogs, then calls this.
    std::optional<std::string> saveSelected(const QString &collectionFolder, const QString &path);

signals:
    void openRequested(const cumulus::history::HistoryEntry &entry);

private:
    void fill();
    void saveWithDialogs();

    std::string m_file;
    std::vector<history::HistoryEntry> m_entries; // oldest first, as in the file
    QLineEdit *m_search = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace cumulus::gui
