// The window's side of collections: the Collections dock, opening a saved request into the
// composer, saving the composer back (Ctrl+S, Ctrl+Shift+S), and `{{variables}}` filled in from
// the chosen environment before a call is sent or copied.
#include "mainwindow/MainWindow.h"

#include "collections/CollectionsPanel.h"
#include "composer/RequestComposer.h"
#include "response/ResponseView.h"
#include "ui_MainWindow.h"

#include <QComboBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <QStatusBar>

namespace cumulus::gui {

void MainWindow::buildCollections()
{
    m_collections = new CollectionsPanel(this);
    m_collections->setWindowRequest([this] { return windowRequest(); });
    m_collectionsDock = new QDockWidget(tr("Collections"), this);
    m_collectionsDock->setObjectName(QStringLiteral("collectionsDock"));
    m_collectionsDock->setWidget(m_collections);
    addDockWidget(Qt::LeftDockWidgetArea, m_collectionsDock);
    m_collectionsDock->hide();
    m_collections->setOpener([this](const collections::SavedRequest &request, const QString &region, const QString &profile) {
        if (!openOperation(QString::fromStdString(request.service), QString::fromStdString(request.operation)))
            return false;
        m_composer->setDocument(request.input);
        if (!region.isEmpty())
            m_region->setCurrentText(region);
        if (!profile.isEmpty())
            m_profile->setCurrentText(profile);
        m_endpoint->setText(QString::fromStdString(request.endpoint));
        return true;
    });
    auto changed = [this] { m_collections->windowChanged(); };
    connect(m_collections->environments(), &QComboBox::currentIndexChanged, this, &MainWindow::updateEndpointPreview);
    connect(m_collections, &CollectionsPanel::collectionChanged, this, &MainWindow::updateEndpointPreview);
    connect(m_composer, &RequestComposer::problemsChanged, this, changed);
    connect(m_region, &QComboBox::currentTextChanged, this, changed);
    connect(m_profile, &QComboBox::currentTextChanged, this, changed);
    connect(m_endpoint, &QLineEdit::textChanged, this, changed);

    auto add = [this](const QString &text, const char *name, const QKeySequence &keys, auto slot) {
        QAction *action = m_ui->menuFile->addAction(text);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(keys);
        m_ui->menuFile->insertAction(m_ui->actionQuit, action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(tr("Collections"), "actionCollections", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] {
        m_collectionsDock->show();
        m_collectionsDock->raise();
        m_collections->tree()->setFocus();
    });
    add(tr("Save to Collection"), "actionSaveToCollection", QKeySequence::Save, [this] { saveToCollection(false); });
    add(tr("Save to Collection As…"), "actionSaveToCollectionAs", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        [this] { saveToCollection(true); });
}

std::optional<collections::SavedRequest> MainWindow::windowRequest() const
{
    if (!m_operation || m_serviceName.empty())
        return std::nullopt;
    collections::SavedRequest r;
    r.service = m_serviceName;
    r.operation = std::string(m_operation->id.name());
    r.input = m_composer->document();
    r.region = m_region->currentText().trimmed().toStdString();
    r.profile = m_session ? std::string() : m_profile->currentText().trimmed().toStdString();
    r.endpoint = m_endpoint->text().trimmed().toStdString();
    return r;
}

util::Expected<collections::ResolvedRequest> MainWindow::resolvedCall() const
{
    const auto request = windowRequest();
    if (!request)
        return util::Error{"no operation is open"};
    if (!m_collections) // while the window is being built
        return collections::ResolvedRequest{request->region, request->profile, request->endpoint, request->input};
    return m_collections->resolve(*request, *m_services.environment);
}

void MainWindow::saveToCollection(bool as)
{
    std::optional<std::string> error;
    if (!as && !m_collections->openPath().isEmpty()) {
        error = m_collections->save();
    } else {
        if (!m_collections->collection()) {
            m_collectionsDock->show();
            statusBar()->showMessage(tr("Open or make a collection first (Collections › Open… or New…)"));
            return;
        }
        bool ok = false;
        const QString suggested = m_operation ? QString::fromUtf8(m_operation->id.name().data(), qsizetype(m_operation->id.name().size())) : QString();
        const QString path = QInputDialog::getText(this, tr("Save to %1").arg(QString::fromStdString(m_collections->collection()->name)),
                                                   tr("File in the collection (folder/name):"), QLineEdit::Normal,
                                                   m_collections->openPath().isEmpty() ? suggested : m_collections->openPath(), &ok);
        if (!ok || path.trimmed().isEmpty())
            return;
        error = m_collections->saveAs(path);
    }
    statusBar()->showMessage(error ? QString::fromStdString(*error) : tr("Saved to %1").arg(m_collections->openPath()));
}

void MainWindow::saveCollectionSettings(QSettings &s) const
{
    s.setValue("collections/folder", m_collections->folder());
    s.setValue("collections/environment", m_collections->environment());
}

void MainWindow::restoreCollection()
{
    const auto s = settings();
    const QString folder = s->value("collections/folder").toString();
    if (folder.isEmpty() || m_collections->openCollection(folder))
        return;
    m_collections->setEnvironment(s->value("collections/environment").toString());
    m_collectionsDock->show();
}

} // namespace cumulus::gui
