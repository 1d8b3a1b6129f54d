#pragma once

#include "credentials/rotation/KeyRotation.h"
#include "net/Transport.h"

#include <QDialog>
#include <QThread>

#include <map>
#include <memory>

class QLabel;
class QListWidget;
class QPushButton;

namespace cumulus::util {
class Clock;
class Environment;
class Random;
class Sleeper;
}

namespace cumulus::gui {

// Runs a KeyRotation's steps off the UI thread (its own transport, IAM and STS clients).
class RotationWorker : public QObject {
    Q_OBJECT

public:
    RotationWorker(const util::Environment &environment, const util::Clock &clock, util::Random &random,
                   util::Sleeper &sleeper, std::map<std::string, std::string> settings, credentials::RotatableKeys keys,
                   net::TransportOptions transport);
    ~RotationWorker() override;

public slots:
    void next();
    void undo();

signals:
    void finished(int step, const QString &error, const QString &oldKeyId, const QString &newKeyId);

private:
    void ensureClients();
    void report(const std::optional<util::Error> &error);

    struct Clients;
    const util::Environment &m_environment;
    const util::Clock &m_clock;
    util::Random &m_random;
    util::Sleeper &m_sleeper;
    std::map<std::string, std::string> m_settings;
    credentials::RotatableKeys m_keys;
    net::TransportOptions m_transport; // the profile's CA bundle, when it names one
    std::unique_ptr<Clients> m_clients;
};

// Rotating a profile's access key step by step, as IAM recommends: each step shown, Next does the
// next one, Undo takes back the last one until the old key is deleted (which asks first).
class KeyRotationDialog : public QDialog {
    Q_OBJECT

public:
    KeyRotationDialog(const util::Environment &environment, const util::Clock &clock, util::Random &random,
                      util::Sleeper &sleeper, const QString &profile, QWidget *parent = nullptr);
    ~KeyRotationDialog() override;

    QPushButton *nextButton() const { return m_next; }
    QPushButton *undoButton() const { return m_undo; }
    QLabel *status() const { return m_status; }
    credentials::KeyRotation::Step step() const { return m_step; }

signals:
    void stepFinished();
    void keysChanged();

private:
    void finished(int step, const QString &error, const QString &oldKeyId, const QString &newKeyId);
    void refresh();

    QThread m_thread;
    RotationWorker *m_worker = nullptr;
    credentials::KeyRotation::Step m_step = credentials::KeyRotation::Step::Start;
    bool m_busy = false;
    QListWidget *m_steps = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_undo = nullptr;
};

} // namespace cumulus::gui
