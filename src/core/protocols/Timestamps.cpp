#include "protocols/Timestamps.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QLocale>
#include <QTimeZone>

#include <cmath>
#include <cstdio>

namespace cumulus::protocols {

namespace {

// Milliseconds are what QDateTime keeps; finer fractions are kept separately.
std::optional<double> fromDateTime(const QDateTime &time, double extraFraction = 0)
{
    if (!time.isValid())
        return std::nullopt;
    return double(time.toSecsSinceEpoch()) + extraFraction;
}

std::string fraction(double epochSeconds)
{
    const double whole = std::floor(epochSeconds);
    double frac = epochSeconds - whole;
    if (frac < 1e-9)
        return {};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6f", frac);
    std::string text = buffer + 1; // ".123000"
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    return text == "." ? std::string() : text;
}

} // namespace

std::optional<double> parseDateTime(std::string_view text)
{
    const QString s = QString::fromUtf8(text.data(), qsizetype(text.size()));
    // Seconds fractions of any length: QDateTime reads up to milliseconds.
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    const auto match = pattern.match(s);
    if (!match.hasMatch())
        return std::nullopt;
    QString base = match.captured(1).toUpper() + match.captured(3).toUpper();
    const QDateTime time = QDateTime::fromString(base, Qt::ISODate);
    const double frac = match.captured(2).isEmpty() ? 0 : match.captured(2).toDouble();
    return fromDateTime(time, frac);
}

std::optional<double> parseHttpDate(std::string_view text)
{
    const QString s = QString::fromUtf8(text.data(), qsizetype(text.size())).trimmed();
    const QLocale c = QLocale::c();
    for (const char *format : {"ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'GMT'"}) {
        QDateTime time = c.toDateTime(s, QString::fromLatin1(format));
        if (time.isValid()) {
            time.setTimeZone(QTimeZone::utc());
            return fromDateTime(time);
        }
    }
    // With fractional seconds ("… 18:30:38.123 GMT").
    QDateTime time = c.toDateTime(s, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss.zzz 'GMT'"));
    if (time.isValid()) {
        time.setTimeZone(QTimeZone::utc());
        return double(time.toMSecsSinceEpoch()) / 1000.0;
    }
    return std::nullopt;
}

std::string formatDateTime(double epochSeconds)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(qint64(std::floor(epochSeconds)), QTimeZone::utc());
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toStdString() + fraction(epochSeconds) + "Z";
}

std::string formatHttpDate(double epochSeconds)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(qint64(std::floor(epochSeconds)), QTimeZone::utc());
    return QLocale::c().toString(time, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toStdString()
        + fraction(epochSeconds) + " GMT";
}

std::string formatEpochSeconds(double epochSeconds)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.0f", std::floor(epochSeconds));
    return buffer + fraction(epochSeconds);
}

} // namespace cumulus::protocols
