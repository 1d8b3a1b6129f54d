#include "collections/CollectionsPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <map>

namespace cumulus::gui {

namespace {

constexpr int PathRole = Qt::UserRole;

// An undo step whose first redo already happened (the panel acted, then recorded it).
class DoneCommand final : public QUndoCommand {
public:
    DoneCommand(const QString &text, std::function<void()> redo, std::function<void()> undo)
        : QUndoCommand(text), m_redo(std::move(redo)), m_undo(std::move(undo)) {}
    void redo() override
    {
        if (m_done)
            m_redo();
        m_done = true;
    }
    void undo() override { m_undo(); }

private:
    std::function<void()> m_redo;
    std::function<void()> m_undo;
    bool m_done = false;
};

bool sameRequest(const collections::SavedRequest &a, const collections::SavedRequest &b)
{
    return a.service == b.service && a.operation == b.operation && a.input == b.input && a.region == b.region
        && a.profile == b.profile && a.endpoint == b.endpoint;
}

QString withToml(QString path)
{
    path = path.trimmed();
    return path.endsWith(QLatin1String(".toml")) ? path : path + QLatin1String(".toml");
}

} // namespace

CollectionsPanel::CollectionsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *open = new QPushButton(tr("Open…"), this);
    open->setObjectName(QStringLiteral("openCollection"));
    open->setToolTip(tr("Open a collection folder"));
    auto *create = new QPushButton(tr("New…"), this);
    create->setObjectName(QStringLiteral("newCollection"));
    create->setToolTip(tr("Make a new collection in a folder"));
    m_environments = new QComboBox(this);
    m_environments->setObjectName(QStringLiteral("environment"));
    m_environments->setToolTip(tr("The environment whose variables fill {{name}} first"));
    m_environments->addItem(tr("No environment"), QString());
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("collectionTree"));
    m_tree->setHeaderLabels({tr("Request"), tr("Operation")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_status = new QLabel(tr("No collection is open."), this);
    m_status->setWordWrap(true);
    m_undo = new QUndoStack(this);

    auto *top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(create);
    top->addStretch();
    top->addWidget(m_environments);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);

    connect(open, &QPushButton::clicked, this, &CollectionsPanel::openWithDialog);
    connect(create, &QPushButton::clicked, this, &CollectionsPanel::createWithDialog);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, PathRole).toString();
        if (!path.isEmpty())
            openRequest(path);
    });
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &CollectionsPanel::showMenu);
    auto shortcut = [this](const QKeySequence &keys, std::function<void()> act) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, std::move(act));
        addAction(action);
    };
    shortcut(Qt::Key_F2, [this] { renameWithDialog(m_tree->currentItem()); });
    shortcut(QKeySequence::Delete, [this] {
        if (QTreeWidgetItem *item = m_tree->currentItem(); item && !item->data(0, PathRole).toString().isEmpty())
            deleteRequest(item->data(0, PathRole).toString());
    });
    shortcut(QKeySequence::Undo, [this] { m_undo->undo(); });
    shortcut(QKeySequence::Redo, [this] { m_undo->redo(); });
}

QString CollectionsPanel::folder() const
{
    return m_collection ? QString::fromStdString(m_collection->folder) : QString();
}

std::optional<std::string> CollectionsPanel::openCollection(const QString &folder)
{
    auto loaded = collections::loadCollection(QDir::cleanPath(folder).toStdString());
    if (!loaded)
        return loaded.error().message;
    m_collection = std::move(*loaded);
    m_openPath.clear();
    m_opened.reset();
    m_baseline.reset();
    m_undo->clear();
    const QString environment = this->environment();
    m_environments->clear();
    m_environments->addItem(tr("No environment"), QString());
    for (const auto &[name, variables] : m_collection->environments)
        m_environments->addItem(QString::fromStdString(name), QString::fromStdString(name));
    setEnvironment(environment);
    fill();
    emit collectionChanged();
    return std::nullopt;
}

std::optional<std::string> CollectionsPanel::createCollection(const QString &folder, const QString &name)
{
    collections::Collection c;
    c.folder = QDir::cleanPath(folder).toStdString();
    c.name = name.trimmed().isEmpty() ? QDir(folder).dirName().toStdString() : name.trimmed().toStdString();
    if (QFileInfo::exists(QDir(folder).filePath(QStringLiteral("collection.toml"))))
        return c.folder + " already holds a collection; open it instead";
    QDir().mkpath(folder);
    if (auto error = collections::saveCollectionFile(c))
        return error->message;
    return openCollection(folder);
}

QString CollectionsPanel::environment() const
{
    return m_environments->currentData().toString();
}

void CollectionsPanel::setEnvironment(const QString &name)
{
    const int index = m_environments->findData(name);
    m_environments->setCurrentIndex(index < 0 ? 0 : index);
}

const collections::SavedRequest *CollectionsPanel::savedRequest(const QString &path) const
{
    if (!m_collection)
        return nullptr;
    for (const collections::SavedRequest &r : m_collection->requests) {
        if (QString::fromStdString(r.path) == path)
            return &r;
    }
    return nullptr;
}

bool CollectionsPanel::openRequest(const QString &path)
{
    const collections::SavedRequest *request = savedRequest(path);
    if (!request)
        return false;
    if (request->isHttp()) {
        m_status->setText(tr("%1 is an HTTP request as written (imported from Postman): cumulus-cli request or run sends it; "
                             "the window composes operations.").arg(path));
        return false;
    }
    const collections::SavedRequest opened = *request;
    const std::string &region = opened.region.empty() ? m_collection->region : opened.region;
    const std::string &profile = opened.profile.empty() ? m_collection->profile : opened.profile;
    if (!m_opener || !m_opener(opened, QString::fromStdString(region), QString::fromStdString(profile))) {
        m_status->setText(tr("%1: %2 %3 is not in the catalog")
                              .arg(path, QString::fromStdString(opened.service), QString::fromStdString(opened.operation)));
        return false;
    }
    m_openPath = path;
    m_opened = opened;
    m_baseline = m_windowRequest ? m_windowRequest() : std::nullopt;
    fill();
    return true;
}

bool CollectionsPanel::isDirty() const
{
    if (m_openPath.isEmpty() || !m_baseline || !m_windowRequest)
        return false;
    const auto now = m_windowRequest();
    return !now || !sameRequest(*now, *m_baseline);
}

void CollectionsPanel::windowChanged()
{
    if (m_openPath.isEmpty())
        return;
    // Only the open request's item changes (a keystroke must not rebuild a tree of 1,000).
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, PathRole).toString() == m_openPath) {
            markOpen(*it);
            return;
        }
    }
}

void CollectionsPanel::markOpen(QTreeWidgetItem *item) const
{
    const QString name = QFileInfo(m_openPath).completeBaseName();
    const bool dirty = isDirty();
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setText(0, dirty ? name + QStringLiteral(" \u2022") : name);
    const collections::SavedRequest *saved = savedRequest(m_openPath);
    item->setToolTip(0, dirty ? tr("Changed in the window, not saved (Ctrl+S)")
                              : saved && !saved->description.empty() ? QString::fromStdString(saved->description) : m_openPath);
}

std::optional<collections::SavedRequest> CollectionsPanel::requestToSave(const std::string &path) const
{
    const auto now = m_windowRequest ? m_windowRequest() : std::nullopt;
    if (!now)
        return std::nullopt;
    collections::SavedRequest r = *now;
    r.path = path;
    r.description = m_opened ? m_opened->description : std::string();
    // A field left as it was opened keeps what the file said (a {{variable}}, or nothing for the
    // collection's default); a changed one is saved, unless it is the collection's default.
    auto field = [&](const std::string &shown, std::string collections::SavedRequest::*member, const std::string &fallback) {
        if (m_opened && m_baseline && shown == (*m_baseline).*member)
            return (*m_opened).*member;
        return shown == fallback ? std::string() : shown;
    };
    r.region = field(now->region, &collections::SavedRequest::region, m_collection->region);
    r.profile = field(now->profile, &collections::SavedRequest::profile, m_collection->profile);
    r.endpoint = field(now->endpoint, &collections::SavedRequest::endpoint, std::string());
    return r;
}

std::optional<std::string> CollectionsPanel::save()
{
    if (m_openPath.isEmpty())
        return std::string("no saved request is open in the window: use Save As");
    return saveAs(m_openPath);
}

std::optional<std::string> CollectionsPanel::saveAs(const QString &givenPath)
{
    if (!m_collection)
        return std::string("no collection is open: open or make one first");
    const QString path = withToml(givenPath);
    if (auto error = collections::checkRequestPath(path.toStdString()))
        return error->message;
    if (path != m_openPath && QFileInfo::exists(QDir(folder()).filePath(path)))
        return path.toStdString() + " already exists in the collection; pick another name";
    const auto request = requestToSave(path.toStdString());
    if (!request)
        return std::string("no operation is open in the window");
    if (auto error = collections::saveRequest(m_collection->folder, *request))
        return error->message;
    reload();
    m_openPath = path;
    m_opened = *request;
    m_baseline = m_windowRequest();
    fill();
    m_status->setText(tr("Saved %1.").arg(path));
    return std::nullopt;
}

std::optional<std::string> CollectionsPanel::moveRequest(const QString &from, const QString &givenTo)
{
    if (!m_collection)
        return std::string("no collection is open");
    const QString to = withToml(givenTo);
    const std::string folder = m_collection->folder;
    auto move = [this, folder](const QString &a, const QString &b) -> std::optional<std::string> {
        if (auto error = collections::moveRequest(folder, a.toStdString(), b.toStdString()))
            return error->message;
        if (m_openPath == a) {
            m_openPath = b;
            m_opened->path = b.toStdString();
        }
        reload();
        return std::nullopt;
    };
    if (auto error = move(from, to))
        return error;
    auto report = [this](const std::optional<std::string> &error) {
        if (error)
            m_status->setText(QString::fromStdString(*error));
    };
    m_undo->push(new DoneCommand(tr("Move %1 to %2").arg(from, to), [=] { report(move(from, to)); },
                                 [=] { report(move(to, from)); }));
    return std::nullopt;
}

std::optional<std::string> CollectionsPanel::deleteRequest(const QString &path)
{
    if (!m_collection)
        return std::string("no collection is open");
    const std::string folder = m_collection->folder;
    const auto bytes = collections::deleteRequest(folder, path.toStdString());
    if (!bytes)
        return bytes.error().message;
    if (m_openPath == path) { // the window keeps it, unsaved
        m_openPath.clear();
        m_opened.reset();
        m_baseline.reset();
    }
    reload();
    const std::string kept = *bytes;
    auto report = [this](const std::optional<util::Error> &error) {
        if (error)
            m_status->setText(QString::fromStdString(error->message));
        reload();
    };
    m_undo->push(new DoneCommand(
        tr("Delete %1").arg(path),
        [=] {
            const auto again = collections::deleteRequest(folder, path.toStdString());
            report(again ? std::nullopt : std::optional<util::Error>(again.error()));
        },
        [=] { report(collections::restoreRequest(folder, path.toStdString(), kept)); }));
    m_status->setText(tr("Deleted %1 (Ctrl+Z brings it back).").arg(path));
    return std::nullopt;
}

util::Expected<collections::ResolvedRequest> CollectionsPanel::resolve(const collections::SavedRequest &windowRequest,
                                                                       const util::Environment &process) const
{
    if (!m_collection)
        return collections::ResolvedRequest{windowRequest.region, windowRequest.profile, windowRequest.endpoint,
                                            windowRequest.input};
    return collections::resolveRequest(*m_collection, windowRequest, environment().toStdString(), process);
}

void CollectionsPanel::reload()
{
    if (!m_collection)
        return;
    if (auto loaded = collections::loadCollection(m_collection->folder))
        m_collection = std::move(*loaded);
    fill();
    emit collectionChanged();
}

void CollectionsPanel::fill()
{
    const QString current = m_tree->currentItem() ? m_tree->currentItem()->data(0, PathRole).toString() : QString();
    m_tree->clear();
    if (!m_collection)
        return;
    std::map<QString, QTreeWidgetItem *> folders;
    auto folderItem = [&](const QString &path) {
        QTreeWidgetItem *parent = nullptr;
        QString sofar;
        for (const QString &part : QFileInfo(path).path().split('/', Qt::SkipEmptyParts)) {
            if (part == QLatin1String("."))
                continue;
            sofar += (sofar.isEmpty() ? QString() : QStringLiteral("/")) + part;
            QTreeWidgetItem *&item = folders[sofar];
            if (!item) {
                item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
                item->setText(0, part);
                item->setIcon(0, style()->standardIcon(QStyle::SP_DirIcon));
                item->setExpanded(true);
            }
            parent = item;
        }
        return parent;
    };
    auto newItem = [&](const QString &path) {
        QTreeWidgetItem *parent = folderItem(path);
        return parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    };
    for (const collections::SavedRequest &r : m_collection->requests) {
        const QString path = QString::fromStdString(r.path);
        QTreeWidgetItem *item = newItem(path);
        const QString name = QFileInfo(path).completeBaseName();
        item->setData(0, PathRole, path);
        item->setText(1, QString::fromStdString(r.service + " " + (r.isHttp() ? r.method + " " + r.url : r.operation)));
        item->setToolTip(0, r.description.empty() ? path : QString::fromStdString(r.description));
        item->setText(0, name);
        if (path == m_openPath)
            markOpen(item);
        if (path == current)
            m_tree->setCurrentItem(item);
    }
    for (const collections::FileProblem &problem : m_collection->problems) {
        QTreeWidgetItem *item = newItem(QString::fromStdString(problem.file));
        item->setText(0, QFileInfo(QString::fromStdString(problem.file)).fileName());
        item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setText(1, QString::fromStdString(problem.text()));
        item->setToolTip(0, QString::fromStdString(problem.text()));
        item->setFlags(Qt::ItemIsSelectable);
    }
    QString text = tr("%1: %n request(s)", nullptr, int(m_collection->requests.size())).arg(QString::fromStdString(m_collection->name));
    if (!m_collection->problems.empty())
        text += tr(", %n file(s) with problems", nullptr, int(m_collection->problems.size()));
    m_status->setText(text);
}

void CollectionsPanel::showMenu(const QPoint &position)
{
    QTreeWidgetItem *item = m_tree->itemAt(position);
    const QString path = item ? item->data(0, PathRole).toString() : QString();
    QMenu menu(this);
    if (!path.isEmpty()) {
        menu.addAction(tr("Open"), this, [this, path] { openRequest(path); });
        menu.addAction(tr("Rename…"), this, [this, item] { renameWithDialog(item); });
        menu.addAction(tr("Move to…"), this, [this, item] { moveWithDialog(item); });
        menu.addAction(tr("Delete"), this, [this, path] { deleteRequest(path); });
        menu.addSeparator();
    }
    QAction *undo = m_undo->createUndoAction(&menu);
    QAction *redo = m_undo->createRedoAction(&menu);
    menu.addAction(undo);
    menu.addAction(redo);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void CollectionsPanel::renameWithDialog(QTreeWidgetItem *item)
{
    const QString path = item ? item->data(0, PathRole).toString() : QString();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename"), tr("New name:"), QLineEdit::Normal,
                                               info.completeBaseName(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    const QString to = info.path() == QLatin1String(".") ? name : info.path() + '/' + name;
    if (auto error = moveRequest(path, to))
        m_status->setText(QString::fromStdString(*error));
}

void CollectionsPanel::moveWithDialog(QTreeWidgetItem *item)
{
    const QString path = item ? item->data(0, PathRole).toString() : QString();
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString folder = QInputDialog::getText(this, tr("Move"), tr("To the folder (empty: the top):"), QLineEdit::Normal,
                                                 QFileInfo(path).path() == QLatin1String(".") ? QString() : QFileInfo(path).path(), &ok);
    if (!ok)
        return;
    const QString to = folder.trimmed().isEmpty() ? QFileInfo(path).fileName() : folder.trimmed() + '/' + QFileInfo(path).fileName();
    if (auto error = moveRequest(path, to))
        m_status->setText(QString::fromStdString(*error));
}

void CollectionsPanel::openWithDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a collection folder"), this->folder());
    if (folder.isEmpty())
        return;
    if (auto error = openCollection(folder))
        m_status->setText(QString::fromStdString(*error));
}

void CollectionsPanel::createWithDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("A folder for the new collection"));
    if (folder.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New collection"), tr("Name:"), QLineEdit::Normal, QDir(folder).dirName(), &ok);
    if (!ok)
        return;
    if (auto error = createCollection(folder, name))
        m_status->setText(QString::fromStdString(*error));
}

} // namespace cumulus::gui
