#pragma once

#include "collections/Collection.h"
#include "collections/Variables.h"
#include "util/Expected.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoStack;

namespace cumulus::util {
class Environment;
}

namespace cumulus::gui {

// A collection folder as a tree (sub-folders as groups, files that did not load marked with their
// file:line), its environments to pick from, and the request open in the window: saved back with
// Ctrl+S, marked • while the window differs from its file. Rename, move and delete can be undone.
class CollectionsPanel : public QWidget {
    Q_OBJECT

public:
    // What the window holds, as a request: service, operation, input, and its region, profile
    // and endpoint fields as shown (path and description empty). Nullopt: no operation open.
    using WindowRequest = std::function<std::optional<collections::SavedRequest>()>;

    explicit CollectionsPanel(QWidget *parent = nullptr);

    // Opens a request in the window: region and profile are the request's, else the collection's
    // (empty: keep the window's). False when the window cannot (an operation not in its catalog).
    using Opener = std::function<bool(const collections::SavedRequest &request, const QString &region, const QString &profile)>;

    void setWindowRequest(WindowRequest windowRequest) { m_windowRequest = std::move(windowRequest); }
    void setOpener(Opener opener) { m_opener = std::move(opener); }
    // Reads a collection folder (the tree shows it); the error, else nullopt.
    std::optional<std::string> openCollection(const QString &folder);
    // Makes a new collection (collection.toml) in a folder, and opens it.
    std::optional<std::string> createCollection(const QString &folder, const QString &name);
    const std::optional<collections::Collection> &collection() const { return m_collection; }
    QString folder() const;

    // The environment whose variables fill `{{name}}` first; empty: none.
    QString environment() const;
    void setEnvironment(const QString &name);

    // Opens a request of the collection in the window; false when there is none, or the window
    // could not open it.
    bool openRequest(const QString &path);
    QString openPath() const { return m_openPath; } // empty: the window holds no saved request
    bool isDirty() const;
    void windowChanged(); // refreshes the • marker

    // Ctrl+S: the window's request back to its file; with none open, to `path` as a new one.
    std::optional<std::string> save();
    std::optional<std::string> saveAs(const QString &path);
    std::optional<std::string> moveRequest(const QString &from, const QString &to); // undoable
    std::optional<std::string> deleteRequest(const QString &path);                  // undoable

    // The window's request with `{{variables}}` filled in (environment, collection, process
    // environment) and the collection's defaults; as it is when no saved request is open.
    util::Expected<collections::ResolvedRequest> resolve(const collections::SavedRequest &windowRequest,
                                                         const util::Environment &process) const;

    QTreeWidget *tree() const { return m_tree; }
    QComboBox *environments() const { return m_environments; }
    QLabel *status() const { return m_status; }
    QUndoStack *undoStack() const { return m_undo; }

signals:
    void collectionChanged(); // opened, or its files changed

private:
    void reload();
    void fill();
    void markOpen(QTreeWidgetItem *item) const; // bold, with a • while the window differs
    void showMenu(const QPoint &position);
    void renameWithDialog(QTreeWidgetItem *item);
    void moveWithDialog(QTreeWidgetItem *item);
    void openWithDialog();
    void createWithDialog();
    std::optional<collections::SavedRequest> requestToSave(const std::string &path) const;
    const collections::SavedRequest *savedRequest(const QString &path) const;

    WindowRequest m_windowRequest;
    Opener m_opener;
    std::optional<collections::Collection> m_collection;
    QString m_openPath;
    std::optional<collections::SavedRequest> m_opened;   // the file's request, as opened or last saved
    std::optional<collections::SavedRequest> m_baseline; // what the window held then
    QTreeWidget *m_tree = nullptr;
    QComboBox *m_environments = nullptr;
    QLabel *m_status = nullptr;
    QUndoStack *m_undo = nullptr;
};

} // namespace cumulus::gui
