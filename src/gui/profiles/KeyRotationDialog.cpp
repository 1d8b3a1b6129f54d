#include "profiles/KeyRotationDialog.h"

#include "calls/BundledServiceClient.h"
#include "credentials/profile/SharedFiles.h"
#include "net/CaBundle.h"
#include "net/QnamTransport.h"
#include "net/RequestExecutor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace cumulus::gui {

using Step = credentials::KeyRotation::Step;

struct RotationWorker::Clients {
    net::QnamTransport transport;
    net::RequestExecutor executor;
    calls::CallRunner runner;
    calls::BundledServiceClient iam;
    calls::BundledServiceClient sts;
    credentials::KeyRotation rotation;

    Clients(const util::Environment &environment, const util::Clock &clock, util::Random &random, util::Sleeper &sleeper,
            const std::map<std::string, std::string> &settings, const credentials::RotatableKeys &keys,
            const net::TransportOptions &options)
        : transport(options), executor(transport, clock, sleeper, random), runner(executor, random),
          iam("iam", runner, random, endpoints::endpointSettings({}, environment, settings, "IAM")),
          sts("sts", runner, random, endpoints::endpointSettings({}, environment, settings, "STS")),
          rotation(iam, sts, sleeper, keys.current, keys.write)
    {
    }
};

RotationWorker::RotationWorker(const util::Environment &environment, const util::Clock &clock, util::Random &random,
                               util::Sleeper &sleeper, std::map<std::string, std::string> settings,
                               credentials::RotatableKeys keys, net::TransportOptions transport)
    : m_environment(environment), m_clock(clock), m_random(random), m_sleeper(sleeper), m_settings(std::move(settings)),
      m_keys(std::move(keys)), m_transport(std::move(transport))
{
}

RotationWorker::~RotationWorker() = default;

void RotationWorker::ensureClients()
{
    if (!m_clients) // made on the worker thread: the transport is used from the thread that made it
        m_clients = std::make_unique<Clients>(m_environment, m_clock, m_random, m_sleeper, m_settings, m_keys, m_transport);
}

void RotationWorker::report(const std::optional<util::Error> &error)
{
    const auto &r = m_clients->rotation;
    emit finished(int(r.step()), error ? QString::fromStdString(error->message) : QString(),
                  QString::fromStdString(r.oldKeyId()), QString::fromStdString(r.newKeyId()));
}

void RotationWorker::next()
{
    ensureClients();
    report(m_clients->rotation.next());
}

void RotationWorker::undo()
{
    ensureClients();
    report(m_clients->rotation.undo());
}

KeyRotationDialog::KeyRotationDialog(const util::Environment &environment, const util::Clock &clock, util::Random &random,
                                     util::Sleeper &sleeper, const QString &profile, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Rotate the access key of %1").arg(profile));
    setObjectName(QStringLiteral("keyRotation"));
    m_steps = new QListWidget(this);
    for (int s = int(Step::Start); s < int(Step::Deleted); ++s)
        m_steps->addItem(QString::fromLatin1(credentials::KeyRotation::describe(Step(s))));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_next = new QPushButton(this);
    m_undo = new QPushButton(tr("Undo"), this);
    auto *close = new QPushButton(tr("Close"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_undo);
    buttons->addStretch(1);
    buttons->addWidget(m_next);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("IAM allows two keys per user: a new one is made and tested, the profile switches "
                                    "to it, the old one is deactivated, and deleted once nothing needs it."), this));
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);

    const auto files = credentials::SharedFiles::load(environment);
    const auto settings = files.settingsOf(profile.toStdString());
    auto keys = credentials::rotatableKeysOf(files, profile.toStdString(), credentials::SharedFiles::credentialsPath(environment));
    net::TransportOptions transport; // AWS_CA_BUNDLE, ca_bundle: a broken bundle stops it before anything changes
    const auto unusable = keys ? net::useCaBundle(transport, std::nullopt, environment, settings) : std::optional(keys.error());
    if (unusable) {
        m_status->setText(QString::fromStdString(unusable->message));
        m_next->setText(tr("Next"));
        m_next->setEnabled(false);
        m_undo->setEnabled(false);
        return;
    }
    m_worker = new RotationWorker(environment, clock, random, sleeper, settings, std::move(*keys), std::move(transport));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RotationWorker::finished, this, &KeyRotationDialog::finished);
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (m_step == Step::Deactivated
            && QMessageBox::question(this, tr("Delete the old key?"),
                                     tr("Deleting the old key cannot be undone. Is nothing using it any more?"))
                   != QMessageBox::Yes)
            return;
        m_busy = true;
        refresh();
        QMetaObject::invokeMethod(m_worker, &RotationWorker::next);
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        m_busy = true;
        refresh();
        QMetaObject::invokeMethod(m_worker, &RotationWorker::undo);
    });
    m_thread.start();
    refresh();
}

KeyRotationDialog::~KeyRotationDialog()
{
    m_thread.quit();
    m_thread.wait();
}

void KeyRotationDialog::finished(int step, const QString &error, const QString &oldKeyId, const QString &newKeyId)
{
    const bool switched = (m_step >= Step::Switched) != (Step(step) >= Step::Switched);
    m_busy = false;
    m_step = Step(step);
    m_status->setText(error.isEmpty() ? tr("Old key %1, new key %2.").arg(oldKeyId, newKeyId.isEmpty() ? tr("(none yet)") : newKeyId)
                                      : error);
    refresh();
    if (switched)
        emit keysChanged();
    emit stepFinished();
}

void KeyRotationDialog::refresh()
{
    for (int row = 0; row < m_steps->count(); ++row)
        m_steps->item(row)->setText((row < int(m_step) ? QStringLiteral("✓ ") : QStringLiteral("    "))
                                    + QString::fromLatin1(credentials::KeyRotation::describe(Step(row))));
    m_next->setText(m_step == Step::Deleted ? tr("Done") : tr("Next: %1").arg(credentials::KeyRotation::describe(m_step)));
    m_next->setEnabled(m_worker && !m_busy && m_step != Step::Deleted);
    m_undo->setEnabled(m_worker && !m_busy && m_step != Step::Start && m_step != Step::Deleted);
}

} // namespace cumulus::gui
