#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>

namespace cumulus::test {

// A real AWS-compatible server (moto, s3rver, dynalite, kinesalite) started for one test on a free
// loopback port and stopped when this goes away. `{port}` in the arguments is replaced by the port.
class PeerServer {
public:
    // The program and its arguments; the environment additions. Waits (up to 60 s) until the port
    // accepts connections.
    PeerServer(const QString &program, QStringList arguments, const QStringList &environment = {},
               const QString &workingDirectory = {});
    ~PeerServer();
    PeerServer(const PeerServer &) = delete;
    PeerServer &operator=(const PeerServer &) = delete;

    bool started() const { return m_started; }
    QString problem() const { return m_problem; } // why it did not start
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    quint16 port() const { return m_port; }
    // What the server has printed so far (its log, for a failing test's message).
    QString log();

    // Where the project's npm peers are (tests/peers/node_modules/.bin/NAME).
    static QString npmBin(const QString &name);

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_started = false;
    QString m_problem;
    QString m_log;
};

} // namespace cumulus::test
