#pragma once

#include "credentials/profile/ProfileFileEditor.h"
#include "credentials/profile/ProfileFileStore.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace cumulus::util {
class Clock;
class Environment;
class Random;
class Sleeper;
}

namespace cumulus::gui {

// The visual editor of ~/.aws/config and ~/.aws/credentials: every profile of both files, a form
// per kind (static keys, assume role, web identity, process, SSO) whose fields say where they are
// written, checks as you type, secrets masked unless shown, the lines that will change before
// saving, Save (refused when a file changed on disk meanwhile), Undo last save, Test
// (GetCallerIdentity as the saved profile), and moving keys into the OS keychain and back.
// Edits go through ProfileFileEditor: only the lines concerned change.
class ProfileEditor : public QDialog {
    Q_OBJECT

public:
    ProfileEditor(const util::Environment &environment, const util::Clock &clock, util::Random &random,
                  util::Sleeper &sleeper, QWidget *parent = nullptr);
    ~ProfileEditor() override;

    // Reads both files again (unsaved edits are dropped).
    void reload();
    bool select(const QString &profile);
    // Sets or clears (empty) a setting of the selected profile, as typing in its field does.
    void setField(const QString &key, const QString &value);
    bool addProfile(const QString &name);
    bool renameProfile(const QString &to);
    void deleteProfile();
    // Writes the changed files; false with the reason shown when it could not.
    bool save();
    bool hasChanges() const;
    // Opens the key rotation of the selected profile (nullptr while there are unsaved changes).
    class KeyRotationDialog *rotateKey();

    QListWidget *profileList() const { return m_list; }
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    QLabel *problems() const { return m_problems; }
    QPlainTextEdit *changes() const { return m_changes; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *testButton() const { return m_test; }
    QLabel *status() const { return m_status; }
    QLabel *cachedSession() const { return m_cachedSession; }
    QCheckBox *showSecrets() const { return m_showSecrets; }

signals:
    void saved();
    void tested(const QString &result);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct File {
        credentials::SharedFileKind kind;
        credentials::ProfileFileSnapshot snapshot;
        std::optional<credentials::ProfileFileEditor> editor;
    };
    void build();
    void fillList();
    void showProfile();
    void showRows();
    void refresh(); // problems, changes, buttons
    void test();
    void moveKeys(bool toKeychain);
    void undoLastSave();
    File &fileFor(const QString &key);
    QString current() const;

    const util::Environment &m_environment;
    const util::Clock &m_clock;
    util::Random &m_random;
    util::Sleeper &m_sleeper;
    File m_config{credentials::SharedFileKind::Config, {}, {}};
    File m_credentials{credentials::SharedFileKind::Credentials, {}, {}};
    QString m_loadProblem;
    QStringList m_lastSaved; // paths, for Undo last save
    QListWidget *m_list = nullptr;
    QComboBox *m_kind = nullptr;
    QMap<QString, QLineEdit *> m_fields;
    QMap<QString, QLabel *> m_labels;
    QCheckBox *m_showSecrets = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_cachedSession = nullptr;
    QPlainTextEdit *m_changes = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_toKeychain = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_rotate = nullptr;
    class QThread *m_testThread = nullptr;
    bool m_filling = false;
};

} // namespace cumulus::gui
