#include "mainwindow/MainWindow.h"

#include "Version.h"
#include "catalog/CatalogModel.h"
#include "catalog/SearchModel.h"
#include "composer/RequestComposer.h"
#include "credentials/profile/ProfileFileStore.h"
#include "credentials/profile/SharedFiles.h"
#include "endpoints/Partitions.h"
#include "endpoints/ServiceEndpoints.h"
#include "history/CallHistory.h"
#include "history/HistoryPanel.h"
#include "model/ModelRegistry.h"
#include "model/OperationIndex.h"
#include "model/ServiceSummary.h"
#include "profiles/ProfileEditor.h"
#include "response/ResponseView.h"
#include "sending/CallExport.h"
#include "sending/CopyAsButton.h"
#include "sending/RequestOptions.h"
#include "ui_MainWindow.h"
#include "util/SystemClock.h"
#include "util/SystemEnvironment.h"
#include "util/SystemRandom.h"
#include "util/Sleeper.h"
#include "workbench/ModelWorkbench.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QJsonDocument>
#include <QCloseEvent>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace cumulus::gui {

namespace {

WindowServices systemServices()
{
    static const util::SystemEnvironment environment;
    static const util::SystemClock clock;
    static util::SystemRandom random;
    static util::SystemSleeper sleeper;
    return {&environment, &clock, &random, &sleeper, {}, {}};
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(systemServices(), parent)
{
}

MainWindow::MainWindow(WindowServices services, QWidget *parent)
    : QMainWindow(parent), m_ui(new Ui::MainWindow), m_services(std::move(services))
{
    qRegisterMetaType<cumulus::gui::CallRequest>();
    qRegisterMetaType<cumulus::gui::CallResult>();
    m_ui->setupUi(this);
    setWindowTitle(QString::fromLatin1(ApplicationName));
    build();

    m_ui->actionQuit->setShortcut(QKeySequence::Quit);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionFind, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_ui->actionSend, &QAction::triggered, this, [this] { send(); });

    m_worker = new CallWorker(*m_services.environment, *m_services.clock, *m_services.random, *m_services.sleeper);
    m_worker->setMfaPrompt([this](const std::string &profile, const std::string &serial) -> std::optional<std::string> {
        QString code;
        QMetaObject::invokeMethod(this, "askMfaCode", Qt::BlockingQueuedConnection, Q_RETURN_ARG(QString, code),
                                  Q_ARG(QString, QString::fromStdString(profile)), Q_ARG(QString, QString::fromStdString(serial)));
        if (code.isEmpty())
            return std::nullopt;
        return code.toStdString();
    });
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MainWindow::sendRequested, m_worker, &CallWorker::send);
    connect(m_worker, &CallWorker::finished, this, &MainWindow::finished);
    m_thread.start();

    loadModels();
}

MainWindow::~MainWindow()
{
    if (m_loader)
        m_loader->wait(); // a scan in flight finishes with the files it has; nothing is written
    if (m_worker)
        m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

void MainWindow::build()
{
    // The catalog and its search.
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Find an operation (Ctrl+K)"));
    m_search->setClearButtonEnabled(true);
    m_catalogModel = new CatalogModel(this);
    m_catalog = new QTreeView(this);
    m_catalog->setObjectName(QStringLiteral("catalog"));
    m_catalog->setModel(m_catalogModel);
    m_catalog->setHeaderHidden(true);
    m_catalog->setUniformRowHeights(true);
    m_searchModel = new SearchModel(this);
    m_results = new QListView(this);
    m_results->setObjectName(QStringLiteral("results"));
    m_results->setModel(m_searchModel);
    m_results->setUniformItemSizes(true);
    m_browse = new QStackedWidget(this);
    m_browse->addWidget(m_catalog);
    m_browse->addWidget(m_results);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_searchModel->setQuery(text);
        m_browse->setCurrentWidget(text.trimmed().isEmpty() ? static_cast<QWidget *>(m_catalog) : m_results);
        if (m_searchModel->rowCount() > 0)
            m_results->setCurrentIndex(m_searchModel->index(0));
        statusBar()->showMessage(text.trimmed().isEmpty() ? QString()
                                 : m_searchModel->matches() == 1 ? tr("1 operation matches")
                                                                 : tr("%1 operations match").arg(m_searchModel->matches()));
    });
    // Enter opens the best match (an operation named exactly as typed comes first).
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QModelIndex current = m_results->currentIndex().isValid() ? m_results->currentIndex() : m_searchModel->index(0);
        if (current.isValid())
            openSelected(current);
    });
    connect(m_catalog, &QTreeView::activated, this, &MainWindow::openSelected);
    connect(m_catalog, &QTreeView::clicked, this, &MainWindow::openSelected);
    connect(m_results, &QListView::activated, this, &MainWindow::openSelected);
    connect(m_results, &QListView::clicked, this, &MainWindow::openSelected);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_browse);
    left->setMinimumWidth(180);

    // Where and as whom.
    m_operationLabel = new QLabel(tr("No operation"), this);
    QFont bold = m_operationLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_operationLabel->setFont(bold);
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setEditable(true);
    m_profile->addItem(QString());
    m_profile->lineEdit()->setPlaceholderText(tr("profile: default"));
    m_files = credentials::SharedFiles::load(*m_services.environment);
    for (const auto &[name, profile] : m_files.profiles())
        m_profile->addItem(QString::fromStdString(name));
    m_profile->setMinimumContentsLength(10);
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("region"));
    m_region->setEditable(true);
    m_region->addItem(QString());
    m_region->lineEdit()->setPlaceholderText(tr("region: the profile's"));
    for (const auto &partition : endpoints::Partitions::bundled().partitions()) {
        for (const auto &region : partition.regions)
            m_region->addItem(QString::fromStdString(region.name));
    }
    m_region->setMinimumContentsLength(10);
    m_region->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_endpoint = new QLineEdit(this);
    m_endpoint->setObjectName(QStringLiteral("endpoint"));
    m_endpoint->setPlaceholderText(tr("endpoint: AWS's (or AWS_ENDPOINT_URL)"));
    m_endpoint->setMinimumWidth(160);
    m_options = new RequestOptions(this);
    m_safety = new QComboBox(this);
    m_safety->setObjectName(QStringLiteral("safety"));
    m_safety->addItems({tr("any call"), tr("confirm writes"), tr("read-only")});
    m_safety->setToolTip(tr("What this profile may do without asking: any call, writes after a confirmation, or reads only"));
    connect(m_safety, &QComboBox::activated, this, [this](int index) { setSafety(m_profile->currentText(), WriteSafety(index)); });
    connect(m_profile, &QComboBox::currentTextChanged, this, [this](const QString &profile) {
        m_safety->setCurrentIndex(int(safety(profile)));
    });
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_send->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    connect(m_send, &QPushButton::clicked, this, [this] { send(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_worker->cancel(); });
    // Two rows: what and go; as whom and where.
    auto *bar = new QVBoxLayout;
    m_resolved = new QLabel(this);
    m_resolved->setObjectName(QStringLiteral("resolvedEndpoint"));
    m_resolved->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resolved->setStyleSheet(QStringLiteral("color: palette(mid);"));
    // Who the calls go as, once an answer said so, and how long temporary credentials last.
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("identity"));
    m_identity->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *countdown = new QTimer(this);
    connect(countdown, &QTimer::timeout, this, &MainWindow::updateIdentity);
    countdown->start(15000);
    connect(m_profile, &QComboBox::currentTextChanged, this, &MainWindow::updateIdentity);
    // Copy as…: the call as code (the AWS CLI, boto3, curl) that signs where it runs.
    auto *copyAs = new CopyAsButton([this](const std::string &format) { return exportCall(format); }, this);
    connect(copyAs, &CopyAsButton::done, statusBar(), [this](const QString &message) { statusBar()->showMessage(message); });
    auto *what = new QHBoxLayout;
    what->addWidget(m_operationLabel);
    what->addWidget(m_resolved, 1);
    what->addWidget(m_identity);
    what->addWidget(copyAs);
    what->addWidget(m_send);
    what->addWidget(m_cancel);
    auto *where = new QHBoxLayout;
    where->addWidget(m_profile, 1);
    where->addWidget(m_region, 1);
    where->addWidget(m_endpoint, 2);
    where->addWidget(m_options);
    where->addWidget(m_safety);
    bar->addLayout(what);
    bar->addLayout(where);

    m_composer = new RequestComposer(this);
    m_response = new ResponseView(this);
    connect(m_composer, &RequestComposer::problemsChanged, this, &MainWindow::updateSendState);
    connect(m_composer, &RequestComposer::problemsChanged, this, &MainWindow::updateEndpointPreview);
    connect(m_profile, &QComboBox::currentTextChanged, this, [this] {
        m_files = credentials::SharedFiles::load(*m_services.environment);
        updateEndpointPreview();
    });
    connect(m_region, &QComboBox::currentTextChanged, this, &MainWindow::updateEndpointPreview);
    connect(m_endpoint, &QLineEdit::textChanged, this, &MainWindow::updateEndpointPreview);
    connect(m_response, &ResponseView::useCredentials, this, &MainWindow::useSession);
    connect(m_response, &ResponseView::saveCredentials, this, &MainWindow::saveAsProfile);
    connect(m_response, &ResponseView::nextPage, this, [this](const QJsonObject &next) {
        m_composer->setDocument(next);
        send();
    });
    connect(m_response, &ResponseView::allPages, this, [this] { send(true); });
    connect(m_response, &ResponseView::decodeAuthorization, this, [this](const QString &encoded) {
        if (!openOperation(QStringLiteral("sts"), QStringLiteral("DecodeAuthorizationMessage")))
            return;
        m_composer->setDocument(QJsonObject{{"EncodedMessage", encoded}});
        send();
    });
    connect(m_profile, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (m_session && text != m_sessionLabel) {
            m_session.reset();
            m_profile->removeItem(m_profile->findText(m_sessionLabel));
            statusBar()->showMessage(tr("Session credentials forgotten"));
        }
    });
    auto *work = m_work = new QSplitter(Qt::Vertical, this);
    work->addWidget(m_composer);
    work->addWidget(m_response);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(bar);
    rightLayout->addWidget(work);

    auto *split = m_split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    split->setSizes({280, 820});
    m_ui->centralLayout->addWidget(split);

    m_workbench = new ModelWorkbench(this);
    m_workbench->setMinimumWidth(360);
    m_workbenchDock = new QDockWidget(tr("Model workbench"), this);
    m_workbenchDock->setObjectName(QStringLiteral("workbenchDock"));
    m_workbenchDock->setWidget(m_workbench);
    addDockWidget(Qt::RightDockWidgetArea, m_workbenchDock);
    m_workbenchDock->hide();
    connect(m_workbench, &ModelWorkbench::modelChanged, this, &MainWindow::workbenchModelChanged);
    // The history of calls sent (shared with cumulus-cli), below the work area until asked for.
    m_history = new HistoryPanel(this);
    m_history->setFile(history::historyFile(*m_services.environment));
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_history);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    connect(m_history, &HistoryPanel::openRequested, this, [this](const history::HistoryEntry &entry) {
        if (!openOperation(QString::fromStdString(entry.service), QString::fromStdString(entry.operation))) {
            statusBar()->showMessage(tr("%1 %2 is not in the catalog").arg(QString::fromStdString(entry.service),
                                                                             QString::fromStdString(entry.operation)));
            return;
        }
        m_composer->setDocument(entry.input);
        if (!entry.profile.empty())
            m_profile->setCurrentText(QString::fromStdString(entry.profile));
        m_region->setCurrentText(QString::fromStdString(entry.region));
        m_endpoint->setText(QString::fromStdString(entry.endpoint));
    });
    QAction *historyAction = m_ui->menuFile->addAction(tr("History"));
    historyAction->setObjectName(QStringLiteral("actionHistory"));
    historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_ui->menuFile->insertAction(m_ui->actionQuit, historyAction);
    connect(historyAction, &QAction::triggered, this, &MainWindow::showHistory);
    QAction *profiles = m_ui->menuFile->addAction(tr("Profiles…"));
    profiles->setObjectName(QStringLiteral("actionProfiles"));
    m_ui->menuFile->insertAction(m_ui->actionQuit, profiles);
    connect(profiles, &QAction::triggered, this, [this] { showProfileEditor(); });
    QAction *openModel = m_ui->menuFile->addAction(tr("Open Smithy Model…"));
    m_ui->menuFile->insertAction(m_ui->actionQuit, openModel);
    connect(openModel, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a Smithy model"), QString(), tr("Smithy IDL (*.smithy)"));
        if (!path.isEmpty() && m_workbench->openFile(path))
            showWorkbench();
    });
    buildCollections();
    updateSendState();
    restore();
    restoreCollection();
}

util::Expected<std::string> MainWindow::exportCall(const std::string &format) const
{
    if (!m_operation || !m_service)
        return util::Error{"no operation is open"};
    const auto resolved = resolvedCall();
    if (!resolved)
        return resolved.error();
    return gui::exportCall({m_model, m_service, m_operation, resolved->input, m_session ? std::string() : resolved->profile,
                            resolved->region, resolved->endpoint},
                           format, *m_services.environment, m_files, *m_services.random);
}

void MainWindow::showHistory()
{
    m_history->reload();
    m_historyDock->show();
    m_historyDock->raise();
    m_history->search()->setFocus();
}

std::unique_ptr<QSettings> MainWindow::settings() const
{
    if (!m_services.settingsFile.isEmpty())
        return std::make_unique<QSettings>(m_services.settingsFile, QSettings::IniFormat);
    return std::make_unique<QSettings>();
}

// The layout, where the last call went, and the last operation with its input.
void MainWindow::restore()
{
    const auto s = settings();
    restoreGeometry(s->value("window/geometry").toByteArray());
    m_split->restoreState(s->value("window/split").toByteArray());
    m_work->restoreState(s->value("window/work").toByteArray());
    m_profile->setCurrentText(s->value("call/profile").toString());
    m_region->setCurrentText(s->value("call/region").toString());
    m_endpoint->setText(s->value("call/endpoint").toString());
    m_safety->setCurrentIndex(int(safety(m_profile->currentText())));
}

void MainWindow::restoreLastCall()
{
    const auto s = settings();
    const QString last = s->value("call/operation").toString();
    if (!last.isEmpty() && openOperation(last.section('/', 0, 0), last.section('/', 1))) {
        const QJsonDocument input = QJsonDocument::fromJson(s->value("call/input").toByteArray());
        if (input.isObject())
            m_composer->setDocument(input.object());
    }
}

// The catalog scan (the bundled models, or every file of the paths given: hundreds of files for a
// checkout of all AWS models) runs on its own thread; the status bar shows how far it is. The
// window is usable meanwhile; the catalog, the search and the last call arrive when it is done.
void MainWindow::loadModels()
{
    m_loading = std::make_unique<model::ModelRegistry>();
    m_loadProgress = new QProgressBar(this);
    m_loadProgress->setObjectName(QStringLiteral("modelProgress"));
    m_loadProgress->setRange(0, 0);
    m_loadProgress->setMaximumWidth(200);
    m_loadProgress->setFormat(tr("%v of %m models"));
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->showMessage(tr("Loading models…"));
    m_loading->setProgress([this](int scanned, int total) {
        QMetaObject::invokeMethod(this, [this, scanned, total] {
            if (m_loadProgress) {
                m_loadProgress->setRange(0, total);
                m_loadProgress->setValue(scanned);
            }
        });
    });
    model::ModelRegistry *registry = m_loading.get();
    m_loader = QThread::create([registry, paths = m_services.modelPaths, environment = m_services.environment] {
        registry->addSources(paths, *environment);
    });
    // A child of the window: a window closed before the scan's end (its finished() not yet seen)
    // still deletes it, after the wait in the destructor (LeakSanitizer found it left behind).
    m_loader->setParent(this);
    connect(m_loader, &QThread::finished, this, [this] {
        m_loader->deleteLater();
        m_loader = nullptr;
        m_loading->setProgress({});
        m_registry = std::move(m_loading);
        delete m_loadProgress;
        m_loadProgress = nullptr;
        if (m_workbenchPending) {
            m_registry->addLoaded(m_workbenchPending->first, m_workbenchPending->second);
            m_workbenchPending.reset();
        }
        m_catalogModel->setServices(m_registry->services());
        m_searchModel->setServices(m_registry->services());
        m_searchModel->setQuery(m_search->text());
        restoreLastCall();
        const auto &errors = m_registry->errors();
        if (errors.empty())
            statusBar()->showMessage(tr("Ready"));
        else
            statusBar()->showMessage(tr("Ready; %n model file(s) could not be read, the first: %1", nullptr, int(errors.size()))
                                         .arg(QString::fromStdString(errors.front().toString())));
        emit catalogLoaded();
    });
    m_loader->start();
}

void MainWindow::save() const
{
    const auto s = settings();
    s->setValue("window/geometry", saveGeometry());
    s->setValue("window/split", m_split->saveState());
    s->setValue("window/work", m_work->saveState());
    s->setValue("call/profile", m_session ? QString() : m_profile->currentText());
    s->setValue("call/region", m_region->currentText());
    s->setValue("call/endpoint", m_endpoint->text());
    if (m_operation) {
        s->setValue("call/operation", m_operationLabel->text().replace(QStringLiteral(" · "), QStringLiteral("/")));
        // As in the history: what looks like a secret is not written to the settings.
        s->setValue("call/input", QJsonDocument(history::redactSecrets(m_composer->document())).toJson(QJsonDocument::Compact));
    }
    saveCollectionSettings(*s);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    save();
    QMainWindow::closeEvent(event);
}

void MainWindow::openSelected(const QModelIndex &index)
{
    // The catalog's and the results' roles share their numbers.
    static_assert(int(CatalogModel::OperationNameRole) == int(SearchModel::OperationNameRole));
    const QString operation = index.data(CatalogModel::OperationNameRole).toString();
    if (!operation.isEmpty())
        openOperation(index.data(CatalogModel::ServiceNameRole).toString(), operation);
}

bool MainWindow::openOperation(const QString &serviceName, const QString &operationName)
{
    if (!m_registry)
        return false; // the catalog is still loading
    const model::ServiceSummary *summary = m_registry->find(serviceName.toStdString());
    if (!summary)
        return false;
    const model::LoadResult loaded = m_registry->open(*summary);
    if (!loaded.model)
        return false;
    const model::Shape *service = loaded.model->find(summary->shapeId);
    const model::Shape *operation = nullptr;
    if (service) {
        for (const model::Shape *op : model::operationsOf(*loaded.model, *service)) {
            if (QString::fromUtf8(op->id.name().data(), qsizetype(op->id.name().size())) == operationName)
                operation = op;
        }
    }
    if (!operation)
        return false;
    if (m_service != service)
        m_serviceEndpoints.reset();
    m_model = loaded.model;
    m_service = service;
    m_serviceName = summary->name;
    m_operation = operation;
    m_operationLabel->setText(QStringLiteral("%1 · %2").arg(QString::fromStdString(summary->name), operationName));
    m_composer->setOperation(m_model, service, operation);
    updateEndpointPreview();
    statusBar()->showMessage(tr("%1 %2: %3").arg(QString::fromStdString(summary->name), operationName,
                                                 QString::fromStdString(summary->title)));
    updateSendState();
    return true;
}

QString MainWindow::askMfaCode(const QString &profile, const QString &serial)
{
    bool ok = false;
    const QString code = QInputDialog::getText(this, tr("MFA code"),
                                               tr("Profile %1 assumes its role with MFA.\nCode for %2:").arg(profile, serial),
                                               QLineEdit::Normal, QString(), &ok);
    return ok ? code.trimmed() : QString();
}

WriteSafety MainWindow::safety(const QString &profile) const
{
    const int value = settings()->value(QStringLiteral("safety/") + (profile.isEmpty() ? QStringLiteral("(default)") : profile)).toInt();
    return value >= 0 && value <= 2 ? WriteSafety(value) : WriteSafety::None;
}

void MainWindow::setSafety(const QString &profile, WriteSafety level)
{
    settings()->setValue(QStringLiteral("safety/") + (profile.isEmpty() ? QStringLiteral("(default)") : profile), int(level));
    m_safety->setCurrentIndex(int(level));
    statusBar()->showMessage(tr("%1: %2").arg(profile.isEmpty() ? tr("the default profile") : profile, safetyName(level)));
}

void MainWindow::showWorkbench()
{
    m_workbenchDock->show();
    m_workbenchDock->raise();
    resizeDocks({m_workbenchDock}, {std::max(460, width() * 2 / 5)}, Qt::Horizontal);
}

// The workbench's model, valid part and all, joins the catalog at once.
void MainWindow::workbenchModelChanged(const QString &key, const model::LoadResult &result)
{
    if (!m_registry) {
        m_workbenchPending = {key, result}; // joins the catalog when the scan is done
        return;
    }
    m_registry->addLoaded(key, result);
    m_catalogModel->setServices(m_registry->services());
    m_searchModel->setServices(m_registry->services());
    m_searchModel->setQuery(m_search->text());
    statusBar()->showMessage(result.ok() ? tr("The workbench's model is in the catalog")
                             : result.errors.size() == 1 ? tr("The workbench's model has a problem; its valid part is in the catalog")
                                                         : tr("The workbench's model has %1 problems; its valid part is in the catalog")
                                                               .arg(result.errors.size()));
}

// Where Send will go and how it will be signed, resolved as the call will resolve it.
void MainWindow::updateEndpointPreview()
{
    if (!m_operation) {
        m_resolved->clear();
        return;
    }
    const auto call = resolvedCall(); // with the collection's {{variables}} filled in
    if (!call) {
        m_resolved->setText(tr("→ %1").arg(QString::fromStdString(call.error().message)));
        return;
    }
    const credentials::SharedFiles &files = m_files;
    const std::string profile = credentials::SharedFiles::selectedProfile(m_session ? std::string() : call->profile,
                                                                          *m_services.environment);
    endpoints::EndpointOverrides overrides;
    overrides.region = call->region;
    overrides.endpointUrl = call->endpoint;
    auto settings = endpoints::endpointSettings(overrides, *m_services.environment, files.settingsOf(profile),
                                                model::sdkIdOf(*m_service));
    if (settings.region.empty())
        settings.region = "us-east-1";
    if (!m_serviceEndpoints) {
        auto compiled = endpoints::ServiceEndpoints::forService(*m_model, *m_service);
        if (!compiled) {
            m_resolved->setText(tr("→ no endpoint: %1").arg(QString::fromStdString(compiled.error().message)));
            return;
        }
        m_serviceEndpoints = std::make_shared<const endpoints::ServiceEndpoints>(std::move(*compiled));
    }
    const auto endpoint = m_serviceEndpoints->resolve(m_operation, call->input, settings);
    if (!endpoint) {
        m_resolved->setText(tr("→ no endpoint: %1").arg(QString::fromStdString(endpoint.error().message)));
        return;
    }
    m_resolved->setText(tr("→ %1").arg(QString::fromStdString(endpoint->url)));
    m_resolved->setToolTip(tr("Signed %1 as %2 in %3").arg(QString::fromStdString(endpoint->authScheme),
                                                          QString::fromStdString(endpoint->signingName),
                                                          QString::fromStdString(endpoint->signingRegion.empty() ? settings.region : endpoint->signingRegion)));
}

void MainWindow::updateSendState()
{
    const bool ready = m_operation && m_composer->problems().isEmpty() && !m_busy;
    m_send->setEnabled(ready);
    m_send->setToolTip(m_operation && !m_composer->problems().isEmpty()
                           ? tr("Fix the input first:\n%1").arg(m_composer->problems().join('\n'))
                           : tr("Send (Ctrl+Enter)"));
}

void MainWindow::send(bool allPages)
{
    if (!m_operation || m_busy || !m_composer->problems().isEmpty())
        return;
    const QString operationName = QString::fromUtf8(m_operation->id.name().data(), qsizetype(m_operation->id.name().size()));
    if (!isReadOperation(operationName)) {
        const QString profile = m_profile->currentText();
        const WriteSafety level = safety(profile);
        const QString who = profile.isEmpty() ? tr("the default profile") : profile;
        if (level == WriteSafety::ReadOnly) {
            m_response->showRefusal(tr("%1 is read-only here: %2 may change something, so it was not sent.").arg(who, operationName));
            return;
        }
        if (level == WriteSafety::ConfirmWrites
            && QMessageBox::question(this, tr("Send %1?").arg(operationName),
                                     tr("%1 may change something, as %2. Send it?").arg(operationName, who))
                   != QMessageBox::Yes)
            return;
    }
    const auto resolved = resolvedCall();
    if (!resolved) {
        m_response->showRefusal(QString::fromStdString(resolved.error().message));
        return;
    }
    CallRequest request;
    request.model = m_model;
    request.service = m_service;
    request.operation = m_operation;
    request.serviceName = m_serviceName;
    request.input = resolved->input;
    request.profile = resolved->profile;
    request.region = resolved->region;
    request.endpointUrl = resolved->endpoint;
    m_options->applyTo(request);
    request.allPages = allPages;
    if (m_session) {
        request.profile.clear();
        request.session = m_session;
        request.sessionLabel = m_sessionLabel.toStdString();
    }
    m_busy = true;
    m_cancel->setEnabled(true);
    updateSendState();
    m_response->showSending(m_operationLabel->text());
    emit sendRequested(request);
}

void MainWindow::finished(const CallResult &result)
{
    Identity &known = m_identities[m_profile->currentText()];
    if (result.credentialsExpire)
        known.expires = result.credentialsExpire;
    if (result.outcome && result.outcome->parsed && !result.outcome->parsed->error && m_service
        && model::sdkIdOf(*m_service) == "STS" && m_operation && m_operation->id.name() == "GetCallerIdentity")
        known.arn = result.outcome->parsed->output.value(QStringLiteral("Arn")).toString();
    updateIdentity();
    m_busy = false;
    m_cancel->setEnabled(false);
    m_response->showResult(result);
    m_history->reload();
    updateSendState();
    statusBar()->showMessage(result.outcome ? tr("Done in %1 ms").arg(result.elapsed.count()) : tr("Not sent"));
    emit callFinished();
}

void MainWindow::useSession(const credentials::Credentials &credentials, const QString &label)
{
    if (m_session)
        m_profile->removeItem(m_profile->findText(m_sessionLabel));
    m_session = credentials;
    m_sessionLabel = label;
    m_identities[label] = Identity{QString(), credentials.expiration};
    m_profile->addItem(label);
    m_profile->setCurrentText(label);
    QString expires;
    if (credentials.expiration) {
        const auto left = std::chrono::duration_cast<std::chrono::minutes>(*credentials.expiration - m_services.clock->now()).count();
        expires = tr(" (expires in %1 min)").arg(left);
    }
    statusBar()->showMessage(tr("Calling as %1%2").arg(label, expires));
}

void MainWindow::saveAsProfile(const credentials::Credentials &credentials, const QString &suggestedName)
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as profile"),
                                               tr("Profile name (written to the credentials file; these credentials are temporary):"),
                                               QLineEdit::Normal, suggestedName, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (const auto problem = credentials::checkProfileName(name.toStdString())) {
        QMessageBox::warning(this, tr("Save as profile"), QString::fromStdString(problem->message));
        return;
    }
    m_files = credentials::SharedFiles::load(*m_services.environment);
    if (m_files.profile(name.toStdString())
        && QMessageBox::question(this, tr("Save as profile"),
                                 tr("The profile %1 exists. Replace its keys with these temporary ones?").arg(name))
               != QMessageBox::Yes)
        return;
    const std::string path = credentials::SharedFiles::credentialsPath(*m_services.environment);
    const std::optional<std::string> token =
        credentials.sessionToken.empty() ? std::nullopt : std::optional<std::string>(credentials.sessionToken);
    const auto failed = credentials::setProfileValues(path, credentials::SharedFileKind::Credentials, name.toStdString(),
                                                      {{"aws_access_key_id", credentials.accessKeyId},
                                                       {"aws_secret_access_key", credentials.secretAccessKey},
                                                       {"aws_session_token", token}});
    if (failed) {
        QMessageBox::warning(this, tr("Save as profile"), QString::fromStdString(failed->message));
        return;
    }
    reloadProfiles();
    QString expires;
    if (credentials.expiration)
        expires = tr("; they expire in %1 min")
                      .arg(std::chrono::duration_cast<std::chrono::minutes>(*credentials.expiration - m_services.clock->now()).count());
    statusBar()->showMessage(tr("Saved as the profile %1 in %2%3").arg(name, QString::fromStdString(path), expires));
}

void MainWindow::updateIdentity()
{
    const auto known = m_identities.find(m_profile->currentText());
    if (known == m_identities.end()) {
        m_identity->clear();
        return;
    }
    QStringList parts;
    if (!known->second.arn.isEmpty())
        parts << tr("as %1").arg(known->second.arn);
    bool expired = false;
    if (known->second.expires) {
        const auto left = std::chrono::duration_cast<std::chrono::minutes>(*known->second.expires - m_services.clock->now()).count();
        expired = left < 0;
        const auto span = [this](long long minutes) {
            return minutes >= 2 * 24 * 60 ? tr("%1 d").arg(minutes / (24 * 60))
                 : minutes >= 120        ? tr("%1 h").arg(minutes / 60)
                                         : tr("%1 min").arg(minutes);
        };
        parts << (expired ? tr("expired %1 ago").arg(span(-left)) : tr("expires in %1").arg(span(left)));
    }
    m_identity->setText(parts.join(QStringLiteral(" · ")));
    m_identity->setStyleSheet(expired ? QStringLiteral("color: #c62828;") : QStringLiteral("color: palette(mid);"));
}

ProfileEditor *MainWindow::showProfileEditor()
{
    if (!m_profileEditor) {
        m_profileEditor = new ProfileEditor(*m_services.environment, *m_services.clock, *m_services.random,
                                            *m_services.sleeper, this);
        connect(m_profileEditor, &ProfileEditor::saved, this, &MainWindow::reloadProfiles);
    } else {
        m_profileEditor->reload();
    }
    if (!m_profile->currentText().isEmpty() && !m_session)
        m_profileEditor->select(m_profile->currentText());
    m_profileEditor->show();
    m_profileEditor->raise();
    return m_profileEditor;
}

// The profile selector and the endpoint preview follow the files.
void MainWindow::reloadProfiles()
{
    m_files = credentials::SharedFiles::load(*m_services.environment);
    const QString keep = m_profile->currentText();
    const QSignalBlocker block(m_profile);
    for (int i = m_profile->count() - 1; i > 0; --i) {
        if (m_profile->itemText(i) != m_sessionLabel || !m_session)
            m_profile->removeItem(i);
    }
    for (const auto &[name, profile] : m_files.profiles())
        m_profile->addItem(QString::fromStdString(name));
    m_profile->setCurrentText(keep);
    updateEndpointPreview();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cumulus"),
                       tr("<h3>Cumulus %1</h3>"
                          "<p>A native desktop explorer for AWS APIs.</p>"
                          "<p>Requests are signed with AWS Signature Version 4, checked against "
                          "the official test suite and botocore.</p>")
                           .arg(QString::fromLatin1(Version)));
}

} // namespace cumulus::gui
