#include "PeerServer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace cumulus::test {

QString PeerServer::npmBin(const QString &name)
{
    return QStringLiteral(CUMULUS_SOURCE_DIR "/tests/peers/node_modules/.bin/") + name;
}

PeerServer::PeerServer(const QString &program, QStringList arguments, const QStringList &environment,
                       const QString &workingDirectory)
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    m_port = probe.serverPort();
    probe.close();
    for (QString &a : arguments)
        a.replace(QLatin1String("{port}"), QString::number(m_port));
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : environment)
        env.insert(entry.section('=', 0, 0), entry.section('=', 1));
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDirectory.isEmpty())
        m_process->setWorkingDirectory(workingDirectory);
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(10000)) {
        m_problem = program + " did not start: " + m_process->errorString();
        return;
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 60000) {
        if (m_process->state() != QProcess::Running) {
            m_problem = program + " exited: " + QString::fromUtf8(m_process->readAll()).right(2000);
            return;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200)) {
            m_started = true;
            return;
        }
        QThread::msleep(100);
    }
    m_problem = program + " did not listen on port " + QString::number(m_port) + " within 60 s";
}

QString PeerServer::log()
{
    m_log += QString::fromUtf8(m_process->readAll());
    return m_log;
}

PeerServer::~PeerServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

} // namespace cumulus::test
