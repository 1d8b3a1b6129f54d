#pragma once

#include <QFile>

#include <optional>

namespace cumulus::test {

// The largest resident set since the last reset, in KiB (Linux: /proc/self/status VmHWM; writing 5
// to clear_refs resets it). nullopt where that is not available.
inline std::optional<long> peakKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return std::nullopt;
}

inline bool resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
}

// How much the largest resident set grew over `run`, in KiB; nullopt where it cannot be measured,
// and under the sanitizer preset (ASan's quarantine keeps freed memory by design).
template<typename F>
std::optional<long> residentGrowthKib(F run)
{
    const bool measurable = !qEnvironmentVariableIsSet("CUMULUS_SANITIZE") && resetPeak();
    const std::optional<long> before = measurable ? peakKib() : std::nullopt;
    run();
    if (!before)
        return std::nullopt;
    return *peakKib() - *before;
}

} // namespace cumulus::test
