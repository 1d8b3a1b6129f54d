#include "credentials/keychain/Keychain.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace cumulus::credentials {

namespace {

constexpr const char *Where = " (on Linux: a Secret Service such as GNOME Keyring or KWallet, running and unlocked)";

// Runs a job to its end; the error as one sentence for a person.
std::optional<util::Error> run(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    switch (job.error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return std::nullopt;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return util::Error{std::string("no OS keychain is available") + Where};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return util::Error{"the OS keychain refused: " + job.errorString().toStdString()};
    default:
        return util::Error{"the OS keychain is not reachable: " + job.errorString().toStdString() + Where};
    }
}

} // namespace

Keychain::Keychain(QString service)
    : m_service(std::move(service))
{
}

util::Expected<std::optional<std::string>> Keychain::read(const std::string &key) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(QString::fromStdString(key));
    if (auto failed = run(job))
        return *failed;
    if (job.error() == QKeychain::EntryNotFound)
        return std::optional<std::string>();
    return std::optional<std::string>(job.textData().toStdString());
}

std::optional<util::Error> Keychain::write(const std::string &key, const std::string &secret) const
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(QString::fromStdString(key));
    job.setTextData(QString::fromStdString(secret));
    return run(job);
}

std::optional<util::Error> Keychain::remove(const std::string &key) const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(QString::fromStdString(key));
    return run(job);
}

} // namespace cumulus::credentials
