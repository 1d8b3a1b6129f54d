#include "profiles/ProfileEditor.h"

#include "profiles/KeyRotationDialog.h"

#include "credentials/CredentialCache.h"
#include "credentials/CredentialChain.h"
#include "credentials/StsClient.h"
#include "credentials/keychain/Keychain.h"
#include "credentials/keychain/KeychainProfiles.h"
#include "credentials/profile/ProfileChecks.h"
#include "credentials/profile/SharedFiles.h"
#include "net/CaBundle.h"
#include "net/QnamTransport.h"
#include "net/RequestExecutor.h"
#include "util/Clock.h"
#include "util/Environment.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

namespace cumulus::gui {

namespace {

// The settings the form knows, the kinds of profile that use each (K keys, R assume role,
// W web identity, P process, S SSO, * every kind), and whether it is a secret.
struct FieldSpec {
    const char *key;
    const char *label;
    const char *kinds;
    bool secret;
    const char *help;
};

constexpr FieldSpec Fields[] = {
    {"aws_access_key_id", "Access key id", "K", false, "AKIA… (16 more capitals or digits); credentials file"},
    {"aws_secret_access_key", "Secret access key", "K", true, "credentials file"},
    {"aws_session_token", "Session token", "K", true, "temporary keys only; credentials file"},
    {"role_arn", "Role ARN", "RW", false, "arn:aws:iam::ACCOUNT:role/NAME"},
    {"source_profile", "Source profile", "R", false, "the profile whose credentials assume the role"},
    {"credential_source", "Credential source", "R", false, "instead of a source profile: Environment, Ec2InstanceMetadata, EcsContainer"},
    {"role_session_name", "Session name", "RW", false, "shows in CloudTrail; default botocore-session-…"},
    {"external_id", "External id", "R", false, "when the role's trust policy asks for one"},
    {"mfa_serial", "MFA device", "R", false, "arn:aws:iam::ACCOUNT:mfa/NAME: a code is asked when the role is assumed"},
    {"duration_seconds", "Duration (s)", "R", false, "900 to 43200"},
    {"web_identity_token_file", "Token file", "W", false, "the OIDC token's file"},
    {"credential_process", "Command", "P", false, "prints credential_process JSON (Version 1)"},
    {"sso_session", "SSO session", "S", false, "a [sso-session NAME] of the config file"},
    {"sso_account_id", "SSO account", "S", false, "12 digits"},
    {"sso_role_name", "SSO role", "S", false, "the permission set's name"},
    {"region", "Region", "*", false, "e.g. eu-west-1"},
    {"output", "Output", "*", false, "json, text, table, yaml (the AWS CLI's)"},
};

struct Kind {
    const char *label;
    const char *name; // credentials::profileKind's
    char letter;
};
constexpr Kind Kinds[] = {{"Static keys", "keys", 'K'},        {"Assume role", "assume role", 'R'},
                          {"Web identity", "web identity", 'W'}, {"Process", "process", 'P'},
                          {"Keys in keychain", "keys in keychain", 'P'},
                          {"SSO", "SSO", 'S'},                  {"Settings only", "settings only", '-'}};

bool isSecret(const std::string &key)
{
    return key == "aws_secret_access_key" || key == "aws_session_token" || key == "aws_security_token";
}

std::vector<std::string> linesOf(const std::string &text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

// A line as shown: a secret's value masked unless asked for.
QString shown(const std::string &line, bool secrets)
{
    const std::size_t eq = line.find_first_of("=:");
    if (!secrets && eq != std::string::npos) {
        std::string key = line.substr(0, eq);
        key.erase(0, key.find_first_not_of(" \t"));
        key.erase(key.find_last_not_of(" \t") + 1);
        for (char &c : key)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        if (isSecret(key))
            return QString::fromStdString(line.substr(0, eq + 1)) + QStringLiteral(" ••••••••");
    }
    return QString::fromStdString(line);
}

// The lines that differ, as "- n  old" / "+ n  new" (a longest-common-subsequence diff).
QString lineDiff(const std::string &before, const std::string &after, bool secrets)
{
    const auto a = linesOf(before), b = linesOf(after);
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    QString out;
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            ++i;
            ++j;
        } else if (j < m && (i == n || common[i][j + 1] > common[i + 1][j])) { // removals first
            out += QStringLiteral("+ %1  %2\n").arg(j + 1, 3).arg(shown(b[j], secrets));
            ++j;
        } else {
            out += QStringLiteral("- %1  %2\n").arg(i + 1, 3).arg(shown(a[i], secrets));
            ++i;
        }
    }
    if (out.isEmpty() && before != after)
        out = QObject::tr("(line ends only)\n");
    return out;
}

// "deploy — assume role · eu-west-1"
QString listText(const std::string &name, const credentials::Profile &profile)
{
    QString text = QString::fromStdString(name) + QStringLiteral(" — ") + QString::fromStdString(credentials::profileKind(profile));
    if (const auto region = profile.value("region"))
        text += QStringLiteral(" · ") + QString::fromStdString(*region);
    return text;
}

} // namespace

ProfileEditor::ProfileEditor(const util::Environment &environment, const util::Clock &clock, util::Random &random,
                             util::Sleeper &sleeper, QWidget *parent)
    : QDialog(parent), m_environment(environment), m_clock(clock), m_random(random), m_sleeper(sleeper)
{
    setWindowTitle(tr("Profiles"));
    setObjectName(QStringLiteral("profileEditor"));
    build();
    reload();
}

ProfileEditor::~ProfileEditor()
{
    if (m_testThread)
        m_testThread->wait();
}

void ProfileEditor::build()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profiles"));
    auto *add = new QPushButton(tr("Add…"), this);
    auto *rename = new QPushButton(tr("Rename…"), this);
    auto *remove = new QPushButton(tr("Delete"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString name = QInputDialog::getText(this, tr("Add a profile"), tr("Name:"));
        if (!name.isEmpty())
            addProfile(name.trimmed());
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        if (current().isEmpty())
            return;
        const QString name = QInputDialog::getText(this, tr("Rename %1").arg(current()), tr("New name:"), QLineEdit::Normal, current());
        if (!name.isEmpty())
            renameProfile(name.trimmed());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (!current().isEmpty()
            && QMessageBox::question(this, tr("Delete %1?").arg(current()),
                                     tr("Delete the profile %1 from both files (on Save)?").arg(current()))
                   == QMessageBox::Yes)
            deleteProfile();
    });
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(rename);
    listButtons->addWidget(remove);
    leftLayout->addLayout(listButtons);

    auto *formPage = new QWidget(this);
    // A grid, not a QFormLayout: hiding QFormLayout rows (either way) makes Qt 6.4 write past its
    // row table (valgrind), and crashed the editor now and then.
    auto *form = new QGridLayout(formPage);
    form->setColumnStretch(1, 1);
    auto addRow = [form](QWidget *label, QWidget *field) {
        const int row = form->rowCount();
        if (label)
            form->addWidget(label, row, 0);
        form->addWidget(field, row, label ? 1 : 0, 1, label ? 1 : 2);
    };
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const Kind &k : Kinds)
        m_kind->addItem(tr(k.label));
    m_kind->setToolTip(tr("Which fields to show; the settings decide the kind"));
    addRow(new QLabel(tr("Kind"), this), m_kind);
    for (const FieldSpec &f : Fields) {
        auto *edit = new QLineEdit(this);
        const QString key = QString::fromLatin1(f.key);
        edit->setObjectName(key);
        edit->setPlaceholderText(QString::fromLatin1(f.key));
        edit->setToolTip(tr(f.help));
        if (f.secret)
            edit->setEchoMode(QLineEdit::Password);
        connect(edit, &QLineEdit::textEdited, this, [this, key](const QString &text) { setField(key, text); });
        auto *label = new QLabel(tr(f.label), this);
        addRow(label, edit);
        m_fields.insert(key, edit);
        m_labels.insert(key, label);
    }
    m_showSecrets = new QCheckBox(tr("Show secrets"), this);
    m_showSecrets->setObjectName(QStringLiteral("showSecrets"));
    connect(m_showSecrets, &QCheckBox::toggled, this, [this](bool on) {
        for (const FieldSpec &f : Fields) {
            if (f.secret)
                m_fields.value(QString::fromLatin1(f.key))->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        }
        refresh();
    });
    addRow(new QLabel(this), m_showSecrets);
    m_cachedSession = new QLabel(this);
    m_cachedSession->setObjectName(QStringLiteral("cachedSession"));
    addRow(nullptr, m_cachedSession);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    addRow(nullptr, m_problems);
    form->setRowStretch(form->rowCount(), 1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileEditor::showRows);

    m_changes = new QPlainTextEdit(this);
    m_changes->setObjectName(QStringLiteral("changes"));
    m_changes->setReadOnly(true);
    m_changes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(formPage, tr("Settings"));
    tabs->addTab(m_changes, tr("Changes"));

    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(tabs);
    split->setStretchFactor(1, 2);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test = new QPushButton(tr("Test"), this);
    m_test->setToolTip(tr("Who the saved profile is: STS GetCallerIdentity"));
    m_toKeychain = new QPushButton(tr("Keys to Keychain"), this);
    m_toKeychain->setToolTip(tr("Move the keys into the OS keychain; the file keeps credential_process = cumulus-cli "
                                "credential-process, so the AWS CLI and SDKs still get them"));
    m_rotate = new QPushButton(tr("Rotate Key…"), this);
    m_rotate->setToolTip(tr("Make a new access key, switch the profile to it, retire the old one (IAM)"));
    connect(m_rotate, &QPushButton::clicked, this, [this] { rotateKey(); });
    m_undo = new QPushButton(tr("Undo Last Save"), this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setDefault(true);
    auto *closeButton = new QPushButton(tr("Close"), this);
    connect(m_test, &QPushButton::clicked, this, &ProfileEditor::test);
    connect(m_toKeychain, &QPushButton::clicked, this, [this] { moveKeys(m_toKeychain->property("toKeychain").toBool()); });
    connect(m_undo, &QPushButton::clicked, this, &ProfileEditor::undoLastSave);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(closeButton, &QPushButton::clicked, this, &QWidget::close);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_test);
    buttons->addWidget(m_toKeychain);
    buttons->addWidget(m_rotate);
    buttons->addStretch(1);
    buttons->addWidget(m_undo);
    buttons->addWidget(m_save);
    buttons->addWidget(closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileEditor::showProfile);
    resize(900, 620);
}

void ProfileEditor::reload()
{
    m_loadProblem.clear();
    for (File *file : {&m_config, &m_credentials}) {
        const std::string path = file->kind == credentials::SharedFileKind::Config
            ? credentials::SharedFiles::configPath(m_environment)
            : credentials::SharedFiles::credentialsPath(m_environment);
        auto snapshot = credentials::readForEditing(path);
        if (!snapshot) {
            m_loadProblem = QString::fromStdString(snapshot.error().message);
            file->snapshot = {path, {}, false};
        } else {
            file->snapshot = std::move(*snapshot);
        }
        file->editor.emplace(file->snapshot.text, file->kind);
    }
    const QString keep = current();
    fillList();
    if (!select(keep) && m_list->count() > 0)
        m_list->setCurrentRow(0);
    refresh();
}

void ProfileEditor::fillList()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    const auto files = credentials::SharedFiles::fromTexts(m_config.editor->text(), m_config.snapshot.path,
                                                           m_credentials.editor->text(), m_credentials.snapshot.path);
    for (const auto &[name, profile] : files.profiles()) {
        auto *item = new QListWidgetItem(listText(name, profile), m_list);
        item->setData(Qt::UserRole, QString::fromStdString(name));
        QStringList where;
        for (const auto &[key, source] : profile.sources) {
            const QString file = QString::fromStdString(source.substr(0, source.rfind(':')));
            if (!where.contains(file))
                where << file;
        }
        item->setToolTip(where.join('\n'));
    }
}

QString ProfileEditor::current() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

bool ProfileEditor::select(const QString &profile)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == profile) {
            m_list->setCurrentRow(row);
            showProfile();
            return true;
        }
    }
    return false;
}

void ProfileEditor::showProfile()
{
    const auto files = credentials::SharedFiles::fromTexts(m_config.editor->text(), m_config.snapshot.path,
                                                           m_credentials.editor->text(), m_credentials.snapshot.path);
    const credentials::Profile *p = files.profile(current().toStdString());
    m_filling = true;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        it.value()->setText(p ? QString::fromStdString(p->value(it.key().toStdString()).value_or("")) : QString());
        it.value()->setEnabled(p != nullptr);
        if (p) {
            const auto source = p->sources.find(it.key().toStdString());
            it.value()->setToolTip(source == p->sources.end() ? it.value()->toolTip().section(QStringLiteral("\n"), 0, 0)
                                                              : it.value()->toolTip().section(QStringLiteral("\n"), 0, 0)
                                          + tr("\nfrom %1").arg(QString::fromStdString(source->second)));
        }
    }
    const std::string kind = p ? credentials::profileKind(*p) : "settings only";
    for (int i = 0; i < int(std::size(Kinds)); ++i) {
        if (kind == Kinds[i].name)
            m_kind->setCurrentIndex(i);
    }
    showRows();
    m_filling = false;
    refresh();
}

// The rows of the chosen kind, and every row that has a value.
void ProfileEditor::showRows()
{
    const char letter = Kinds[std::max(0, m_kind->currentIndex())].letter;
    for (const FieldSpec &f : Fields) {
        const QString key = QString::fromLatin1(f.key);
        const bool visible = f.kinds[0] == '*' || std::string_view(f.kinds).find(letter) != std::string_view::npos
            || !m_fields.value(key)->text().isEmpty();
        m_fields.value(key)->setVisible(visible);
        m_labels.value(key)->setVisible(visible);
    }
}

ProfileEditor::File &ProfileEditor::fileFor(const QString &key)
{
    // Where the setting is already, else secrets in the credentials file and the rest in config.
    const std::string profile = current().toStdString();
    if (m_credentials.editor->value(profile, key.toStdString()))
        return m_credentials;
    if (m_config.editor->value(profile, key.toStdString()))
        return m_config;
    return key.startsWith(QLatin1String("aws_")) ? m_credentials : m_config;
}

void ProfileEditor::setField(const QString &key, const QString &value)
{
    if (m_filling || current().isEmpty())
        return;
    const std::string profile = current().toStdString();
    m_status->clear();
    if (value.trimmed().isEmpty()) {
        m_config.editor->unset(profile, key.toStdString());
        m_credentials.editor->unset(profile, key.toStdString());
    } else if (const auto done = fileFor(key).editor->set(profile, key.toStdString(), value.toStdString()); !done) {
        m_status->setText(QString::fromStdString(done.error().message));
    }
    if (m_fields.value(key)->text() != value)
        m_fields.value(key)->setText(value);
    refresh();
}

bool ProfileEditor::addProfile(const QString &name)
{
    const auto added = m_config.editor->addProfile(name.toStdString());
    if (!added || !*added) {
        m_status->setText(added ? tr("There is a profile %1 already").arg(name) : QString::fromStdString(added.error().message));
        return false;
    }
    fillList();
    select(name);
    return true;
}

bool ProfileEditor::renameProfile(const QString &to)
{
    const std::string from = current().toStdString();
    if (from.empty() || to.toStdString() == from)
        return false;
    // Both files, checked before either changes.
    auto config = *m_config.editor;
    auto creds = *m_credentials.editor;
    for (auto *editor : {&config, &creds}) {
        if (const auto done = editor->renameProfile(from, to.toStdString()); !done) {
            m_status->setText(QString::fromStdString(done.error().message));
            return false;
        }
    }
    m_config.editor = std::move(config);
    m_credentials.editor = std::move(creds);
    fillList();
    select(to);
    return true;
}

void ProfileEditor::deleteProfile()
{
    const std::string name = current().toStdString();
    m_config.editor->removeProfile(name);
    m_credentials.editor->removeProfile(name);
    fillList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    showProfile();
}

bool ProfileEditor::hasChanges() const
{
    return m_config.editor->text() != m_config.snapshot.text || m_credentials.editor->text() != m_credentials.snapshot.text;
}

void ProfileEditor::refresh()
{
    // The checks of the profile at hand, by its fields.
    QStringList lines;
    bool blocking = false;
    if (!current().isEmpty()) {
        const auto files = credentials::SharedFiles::fromTexts(m_config.editor->text(), m_config.snapshot.path,
                                                               m_credentials.editor->text(), m_credentials.snapshot.path);
        for (const auto &problem : credentials::checkProfile(files, current().toStdString())) {
            blocking = blocking || problem.error;
            lines << QStringLiteral("%1%2: %3")
                         .arg(problem.error ? QString() : tr("warning: "), QString::fromStdString(problem.key),
                              QString::fromStdString(problem.message).toHtmlEscaped());
        }
        for (const FieldSpec &f : Fields)
            m_fields.value(QString::fromLatin1(f.key))->setStyleSheet(QString());
        for (const auto &problem : credentials::checkProfile(files, current().toStdString())) {
            if (QLineEdit *edit = m_fields.value(QString::fromStdString(problem.key)); edit && problem.error)
                edit->setStyleSheet(QStringLiteral("border: 1px solid #c62828;"));
        }
        const credentials::Profile *p = files.profile(current().toStdString());
        if (p)
            m_list->currentItem()->setText(listText(current().toStdString(), *p));
        // The role session the AWS CLI (or Cumulus) cached for this profile, if any.
        m_cachedSession->clear();
        if (const std::string key = p ? credentials::roleCacheKey(*p) : std::string(); !key.empty()) {
            const credentials::CredentialCache cache(m_environment.homeDirectory().toStdString() + "/.aws/cli/cache", m_clock);
            if (const auto ends = cache.expiration(key)) {
                const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(*ends - m_clock.now()).count();
                m_cachedSession->setText(minutes >= 0 ? tr("Cached role session: expires in %1 min").arg(minutes)
                                                      : tr("Cached role session: expired %1 min ago").arg(-minutes));
            } else {
                m_cachedSession->setText(tr("No cached role session (the next call assumes the role)"));
            }
        }
        const auto command = p ? p->value("credential_process") : std::nullopt;
        const bool inKeychain = command && credentials::isKeychainCredentialProcess(*command, current().toStdString());
        m_toKeychain->setText(inKeychain ? tr("Keys out of Keychain") : tr("Keys to Keychain"));
        m_toKeychain->setProperty("toKeychain", !inKeychain);
        m_toKeychain->setEnabled(inKeychain || (p && p->value("aws_access_key_id")));
        m_rotate->setEnabled(inKeychain || (p && p->value("aws_access_key_id") && !p->value("aws_session_token")));
    }
    m_problems->setText(lines.isEmpty() ? QString() : QStringLiteral("<span style='color:#c62828'>%1</span>").arg(lines.join(QStringLiteral("<br>"))));
    if (!m_loadProblem.isEmpty())
        m_status->setText(m_loadProblem);

    QString diff;
    for (const File *file : {&m_config, &m_credentials}) {
        if (file->editor->text() == file->snapshot.text)
            continue;
        diff += QString::fromStdString(file->snapshot.path) + (file->snapshot.existed ? QString() : tr(" (new)")) + '\n'
            + lineDiff(file->snapshot.text, file->editor->text(), m_showSecrets->isChecked()) + '\n';
    }
    m_changes->setPlainText(diff.isEmpty() ? tr("No changes.") : diff);
    m_save->setEnabled(hasChanges() && !blocking);
    m_save->setToolTip(blocking ? tr("Fix the problems first") : QString());
    m_undo->setEnabled(!m_lastSaved.isEmpty());
}

bool ProfileEditor::save()
{
    for (File *file : {&m_config, &m_credentials}) {
        if (file->editor->text() == file->snapshot.text)
            continue;
        if (const auto failed = credentials::saveEdited(file->snapshot, file->editor->text())) {
            m_status->setText(QString::fromStdString(failed->message));
            refresh();
            return false;
        }
        m_lastSaved.removeAll(QString::fromStdString(file->snapshot.path));
        m_lastSaved << QString::fromStdString(file->snapshot.path);
        // What is on disk now is the new starting point.
        file->snapshot.text = file->editor->text();
        file->snapshot.existed = true;
    }
    m_status->setText(tr("Saved."));
    refresh();
    emit saved();
    return true;
}

void ProfileEditor::undoLastSave()
{
    if (hasChanges()
        && QMessageBox::question(this, tr("Undo last save"), tr("Drop the unsaved changes too?")) != QMessageBox::Yes)
        return;
    for (const QString &path : m_lastSaved) {
        if (const auto failed = credentials::undoLastSave(path.toStdString())) {
            m_status->setText(QString::fromStdString(failed->message));
            return;
        }
    }
    m_lastSaved.clear();
    reload();
    m_status->setText(tr("The files are as they were before the last save."));
    emit saved();
}

void ProfileEditor::test()
{
    if (hasChanges()) {
        m_status->setText(tr("Save first: Test runs as the saved profile, as the AWS CLI would."));
        return;
    }
    if (m_testThread || current().isEmpty())
        return;
    const std::string profile = current().toStdString();
    m_test->setEnabled(false);
    m_status->setText(tr("Testing %1…").arg(current()));
    m_testThread = QThread::create([this, profile] {
        const auto files = credentials::SharedFiles::load(m_environment);
        QString result;
        const auto resolved = credentials::resolveProfileCredentials(files, profile, true, m_environment, m_clock, m_random,
                                                                      m_sleeper, {});
        if (!resolved) {
            result = tr("✗ %1").arg(QString::fromStdString(resolved.error().message));
        } else if (!*resolved) {
            result = tr("✗ the profile has no credentials");
        } else {
            net::TransportOptions options; // the bundle was read (and checked) by the credential chain just now
            (void)net::useCaBundle(options, std::nullopt, m_environment, files.settingsOf(profile));
            net::QnamTransport transport(options);
            net::RequestExecutor executor(transport, m_clock, m_sleeper, m_random);
            calls::CallRunner runner(executor, m_random);
            const credentials::StsClient sts(runner, m_random,
                                             endpoints::endpointSettings({}, m_environment, files.settingsOf(profile), "STS"));
            const auto who = sts.call("GetCallerIdentity", {}, (*resolved)->credentials);
            result = who ? tr("✓ %1 (%2)").arg(who->value("Arn").toString(), QString::fromStdString((*resolved)->source))
                         : tr("✗ %1").arg(QString::fromStdString(who.error().message));
        }
        QMetaObject::invokeMethod(this, [this, result] {
            m_testThread->wait();
            delete m_testThread;
            m_testThread = nullptr;
            m_test->setEnabled(true);
            m_status->setText(result);
            emit tested(result);
        });
    });
    m_testThread->start();
}

void ProfileEditor::moveKeys(bool toKeychain)
{
    if (hasChanges()) {
        m_status->setText(tr("Save first."));
        return;
    }
    const QString cli = QDir(QCoreApplication::applicationDirPath()).filePath(
#ifdef Q_OS_WIN
        QStringLiteral("cumulus-cli.exe")
#else
        QStringLiteral("cumulus-cli")
#endif
    );
    if (toKeychain && !QFileInfo(cli).isExecutable()) {
        m_status->setText(tr("cumulus-cli is not next to Cumulus (%1): the AWS CLI would have nothing to run.").arg(cli));
        return;
    }
    const credentials::Keychain keychain;
    const auto failed = toKeychain
        ? credentials::moveKeysToKeychain(keychain, m_credentials.snapshot.path, current().toStdString(), cli.toStdString())
        : credentials::moveKeysToFile(keychain, m_credentials.snapshot.path, current().toStdString());
    if (failed) {
        m_status->setText(QString::fromStdString(failed->message));
        return;
    }
    reload();
    m_status->setText(toKeychain ? tr("The keys are in the OS keychain now.") : tr("The keys are back in the credentials file."));
    emit saved();
}

KeyRotationDialog *ProfileEditor::rotateKey()
{
    if (hasChanges()) {
        m_status->setText(tr("Save first."));
        return nullptr;
    }
    auto *dialog = new KeyRotationDialog(m_environment, m_clock, m_random, m_sleeper, current(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KeyRotationDialog::keysChanged, this, [this] {
        reload();
        emit saved();
    });
    dialog->show();
    return dialog;
}

void ProfileEditor::closeEvent(QCloseEvent *event)
{
    if (hasChanges()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"), tr("Save the changes to the profiles?"),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace cumulus::gui
