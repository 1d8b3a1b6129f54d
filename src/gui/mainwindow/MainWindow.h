#pragma once

#include "collections/Variables.h"
#include "model/ModelError.h"
#include "safety/WriteSafety.h"
#include "sending/CallWorker.h"

#include <QMainWindow>
#include <QThread>

#include <map>
#include <memory>

namespace Ui {
class MainWindow;
}

class QComboBox;
class QListView;
class QStackedWidget;
class QSettings;
class QSplitter;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace cumulus::model {
class ModelRegistry;
struct LoadResult;
}
namespace cumulus::endpoints {
class ServiceEndpoints;
}
namespace cumulus::util {
class Clock;
class Environment;
class Random;
class Sleeper;
}

namespace cumulus::gui {

class CatalogModel;
class SearchModel;
class ModelWorkbench;
class RequestComposer;
class RequestOptions;
class ProfileEditor;
class ResponseView;
class CollectionsPanel;

// What the window runs on: the process's environment, clock, randomness and waiting, injected
// (tests pass fakes), and the model paths given on the command line.
struct WindowServices {
    const util::Environment *environment = nullptr;
    const util::Clock *clock = nullptr;
    util::Random *random = nullptr;
    util::Sleeper *sleeper = nullptr;
    QStringList modelPaths;
    QString settingsFile; // where the window keeps its layout and last call; empty: the platform's place
};

// The explorer: the service catalog with its search (Ctrl+K), the request composer, where and as
// whom to send (profile, region, endpoint), Send (Ctrl+Enter) and Cancel, and the response.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(WindowServices services, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showAbout();
    // Opens an operation ("dynamodb", "GetItem"); false when there is no such operation.
    bool openOperation(const QString &service, const QString &operation);
    void send(bool allPages = false);

    QLineEdit *search() const { return m_search; }
    QTreeView *catalog() const { return m_catalog; }
    QListView *results() const { return m_results; }
    RequestComposer *composer() const { return m_composer; }
    ResponseView *response() const { return m_response; }
    QComboBox *profile() const { return m_profile; }
    QComboBox *region() const { return m_region; }
    QLineEdit *endpoint() const { return m_endpoint; }
    RequestOptions *options() const { return m_options; }
    QComboBox *safetySelector() const { return m_safety; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *resolvedEndpoint() const { return m_resolved; }
    QLabel *identity() const { return m_identity; }
    bool busy() const { return m_busy; }
    // The model catalog is scanned off the UI thread; until catalogLoaded(), openOperation() fails.
    bool catalogReady() const { return m_registry != nullptr; }
    ModelWorkbench *workbench() const { return m_workbench; }
    class HistoryPanel *historyPanel() const { return m_history; }
    CollectionsPanel *collectionsPanel() const { return m_collections; }
    // Ctrl+S: the open request back to its collection file; as: under a name asked for.
    void saveToCollection(bool as);
    // The window's call as a collection request (service, operation, input, region, profile,
    // endpoint as shown); nullopt when no operation is open.
    std::optional<collections::SavedRequest> windowRequest() const;
    // The same with `{{variables}}` filled in from the collection's chosen environment: what is
    // sent and what Copy as… copies. The unresolved names, when some are.
    util::Expected<collections::ResolvedRequest> resolvedCall() const;
    void showHistory();
    // The open operation with its input, profile, region and endpoint as code that signs when it
    // runs ("aws-cli", "boto3" or "curl"); also what Copy as… puts on the clipboard. An error
    // (curl: a body that is not text; no operation open) instead.
    util::Expected<std::string> exportCall(const std::string &format) const;
    void showWorkbench();
    // The visual editor of the shared files (File > Profiles…).
    ProfileEditor *showProfileEditor();
    // The safety of a profile ("" is the default one), kept in the window's settings.
    WriteSafety safety(const QString &profile) const;
    void setSafety(const QString &profile, WriteSafety safety);
    // Signs the next calls with these credentials (shown as the profile) until another profile is picked.
    void useSession(const credentials::Credentials &credentials, const QString &label);
    // Writes them to a profile of the credentials file (asks for its name; confirms a replacement).
    void saveAsProfile(const credentials::Credentials &credentials, const QString &suggestedName);

protected:
    void closeEvent(QCloseEvent *event) override;

public slots:
    // Asks a person for an MFA code (the credential chain's prompt, run on the UI thread).
    QString askMfaCode(const QString &profile, const QString &serial);

signals:
    void sendRequested(const cumulus::gui::CallRequest &request);
    void callFinished();
    void catalogLoaded();

private:
    void build();
    void openSelected(const QModelIndex &index);
    void finished(const CallResult &result);
    void updateSendState();
    void updateEndpointPreview();
    void updateIdentity();
    void reloadProfiles();
    void workbenchModelChanged(const QString &key, const model::LoadResult &result);
    std::unique_ptr<QSettings> settings() const;
    void restore();
    void restoreLastCall();
    void loadModels();
    void save() const;
    void buildCollections();
    void saveCollectionSettings(QSettings &settings) const;
    void restoreCollection();

    std::unique_ptr<Ui::MainWindow> m_ui;
    WindowServices m_services;
    std::unique_ptr<model::ModelRegistry> m_registry; // once the catalog is loaded
    std::unique_ptr<model::ModelRegistry> m_loading;  // while it loads, on m_loader
    QThread *m_loader = nullptr;
    std::optional<std::pair<QString, model::LoadResult>> m_workbenchPending; // changed while loading
    QProgressBar *m_loadProgress = nullptr;
    CatalogModel *m_catalogModel = nullptr;
    SearchModel *m_searchModel = nullptr;
    QListView *m_results = nullptr;
    QStackedWidget *m_browse = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_catalog = nullptr;
    QLabel *m_operationLabel = nullptr;
    QComboBox *m_profile = nullptr;
    QComboBox *m_region = nullptr;
    QLineEdit *m_endpoint = nullptr;
    RequestOptions *m_options = nullptr;
    QComboBox *m_safety = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_resolved = nullptr;
    QPushButton *m_cancel = nullptr;
    RequestComposer *m_composer = nullptr;
    QSplitter *m_split = nullptr;
    QSplitter *m_work = nullptr;
    ResponseView *m_response = nullptr;
    std::shared_ptr<const model::Model> m_model;
    const model::Shape *m_service = nullptr;
    std::string m_serviceName; // the catalog name of m_service
    const model::Shape *m_operation = nullptr;
    std::shared_ptr<const endpoints::ServiceEndpoints> m_serviceEndpoints; // the open service's, compiled once
    credentials::SharedFiles m_files; // read at start and when another profile is picked, not per keystroke
    QThread m_thread;
    CallWorker *m_worker = nullptr;
    bool m_busy = false;
    ModelWorkbench *m_workbench = nullptr;
    class QDockWidget *m_workbenchDock = nullptr;
    class HistoryPanel *m_history = nullptr;
    class QDockWidget *m_historyDock = nullptr;
    CollectionsPanel *m_collections = nullptr;
    class QDockWidget *m_collectionsDock = nullptr;
    // What answers told about each profile (and session): its ARN, when its credentials expire.
    struct Identity {
        QString arn;
        std::optional<std::chrono::system_clock::time_point> expires;
    };
    std::map<QString, Identity> m_identities;
    QLabel *m_identity = nullptr;
    ProfileEditor *m_profileEditor = nullptr;
    std::optional<credentials::Credentials> m_session;
    QString m_sessionLabel;
};

} // namespace cumulus::gui
