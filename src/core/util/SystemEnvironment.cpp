#include "util/SystemEnvironment.h"

#include <QDir>
#include <QtGlobal>

namespace cumulus::util {

std::optional<QString> SystemEnvironment::value(const QString &name) const
{
    const QByteArray key = name.toLocal8Bit();
    if (!qEnvironmentVariableIsSet(key.constData()))
        return std::nullopt;
    return qEnvironmentVariable(key.constData());
}

QString SystemEnvironment::homeDirectory() const
{
    // botocore expands "~" with os.path.expanduser: HOME first, on every platform.
    if (const auto home = value(QStringLiteral("HOME")); home && !home->isEmpty())
        return *home;
    return QDir::homePath();
}

} // namespace cumulus::util
