#include "credentials/profile/ProfileFileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace cumulus::credentials {

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The file a path names, through symbolic links (dotfiles kept in a repository and linked in).
QString target(const std::string &path)
{
    const QFileInfo info(QString::fromStdString(path));
    return info.isSymLink() ? info.symLinkTarget() : info.filePath();
}

std::optional<std::string> readAll(const QString &path, std::string &error)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        error = path.toStdString() + ": cannot be read: " + file.errorString().toStdString();
        return std::nullopt;
    }
    return file.readAll().toStdString();
}

std::optional<util::Error> writeAtomically(const QString &path, const std::string &text, QFileDevice::Permissions permissions)
{
    const QString folder = QFileInfo(path).path();
    if (!QDir(folder).exists()) {
        if (!QDir().mkpath(folder))
            return util::Error{folder.toStdString() + ": cannot create the folder"};
        QFile::setPermissions(folder, OwnerOnly | QFileDevice::ExeOwner);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return util::Error{path.toStdString() + ": cannot be written: " + file.errorString().toStdString()};
    file.setPermissions(permissions);
    if (file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit())
        return util::Error{path.toStdString() + ": cannot be written: " + file.errorString().toStdString()
                           + " (the file is as it was)"};
    return std::nullopt;
}

} // namespace

std::string backupPathOf(const std::string &path)
{
    return target(path).toStdString() + ".cumulus-backup";
}

util::Expected<ProfileFileSnapshot> readForEditing(const std::string &path)
{
    std::string error;
    const auto text = readAll(target(path), error);
    if (!error.empty())
        return util::Error{error};
    return ProfileFileSnapshot{path, text.value_or(std::string()), text.has_value()};
}

std::optional<util::Error> saveEdited(const ProfileFileSnapshot &snapshot, const std::string &text)
{
    const QString path = target(snapshot.path);
    std::string error;
    const auto now = readAll(path, error);
    if (!error.empty())
        return util::Error{error};
    if (now.has_value() != snapshot.existed || now.value_or(std::string()) != snapshot.text)
        return util::Error{path.toStdString() + " changed on disk since it was read; nothing was written: read it again and "
                           "make the change again"};
    if (snapshot.existed && text == snapshot.text)
        return std::nullopt; // unchanged: not a byte written
    const QFileDevice::Permissions permissions = snapshot.existed ? QFile::permissions(path) : OwnerOnly;
    if (snapshot.existed) {
        if (auto failed = writeAtomically(QString::fromStdString(backupPathOf(snapshot.path)), snapshot.text, permissions))
            return failed;
    }
    return writeAtomically(path, text, permissions);
}

std::optional<util::Error> undoLastSave(const std::string &path)
{
    const QString file = target(path);
    const QString backup = QString::fromStdString(backupPathOf(path));
    std::string error;
    const auto previous = readAll(backup, error);
    if (!error.empty())
        return util::Error{error};
    if (!previous)
        return util::Error{file.toStdString() + ": there is no earlier version to go back to"};
    const auto current = readAll(file, error);
    if (!error.empty())
        return util::Error{error};
    const QFileDevice::Permissions permissions = current ? QFile::permissions(file) : QFile::permissions(backup);
    if (current) {
        if (auto failed = writeAtomically(backup, *current, permissions))
            return failed;
    }
    return writeAtomically(file, *previous, permissions);
}

std::optional<util::Error> setProfileValues(const std::string &path, SharedFileKind kind, const std::string &profile,
                                            const std::vector<std::pair<std::string, std::optional<std::string>>> &values)
{
    auto snapshot = readForEditing(path);
    if (!snapshot)
        return snapshot.error();
    ProfileFileEditor editor(snapshot->text, kind);
    for (const auto &[key, value] : values) {
        if (!value) {
            editor.unset(profile, key);
        } else if (const auto done = editor.set(profile, key, *value); !done) {
            return util::Error{path + ": " + done.error().message};
        }
    }
    return saveEdited(*snapshot, editor.text());
}

} // namespace cumulus::credentials
