#pragma once

#include <QProcess>
#include <QString>

namespace cumulus::test {

// The first Python that can import botocore: the one on PATH (pyenv's, with botocore 1.43 here),
// then Debian's. Empty when neither can.
inline QString findPythonWithBotocore()
{
    for (const QString &candidate : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import botocore")});
        if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return candidate;
    }
    return {};
}

} // namespace cumulus::test
