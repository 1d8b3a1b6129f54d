#include "history/CallHistory.h"

#include "util/Environment.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>

namespace cumulus::history {

namespace {

const char *const Redacted = "(redacted)";

QJsonValue redactValue(const QJsonValue &value, const QString &member)
{
    static const QRegularExpression secretName(
        QStringLiteral("secretaccesskey|sessiontoken|secretkey|password|privatekey|secretstring|secretbinary|"
                       "clientsecret|^token$|authtoken"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression keyId(QStringLiteral("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b"));
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = redactValue(it.value(), it.key());
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = redactValue(a[i], member);
        return a;
    }
    if (!member.isEmpty() && secretName.match(member).hasMatch() && !value.isNull())
        return QString::fromLatin1(Redacted);
    if (value.isString()) {
        const QString text = value.toString();
        if (keyId.match(text).hasMatch() || text.startsWith(QLatin1String("IQoJb3JpZ2lu"))
            || text.startsWith(QLatin1String("FwoGZXIvYXdz")))
            return QString::fromLatin1(Redacted);
    }
    return value;
}

toml::table tableOf(const HistoryEntry &e)
{
    toml::table t;
    t.insert("time", e.time);
    t.insert("service", e.service);
    t.insert("operation", e.operation);
    for (const auto &[key, value] : {std::pair{"profile", &e.profile}, std::pair{"region", &e.region},
                                     std::pair{"endpoint", &e.endpoint}, std::pair{"request_id", &e.requestId}}) {
        if (!value->empty())
            t.insert(key, *value);
    }
    if (!e.input.isEmpty())
        t.insert("input", QJsonDocument(e.input).toJson(QJsonDocument::Compact).toStdString());
    t.insert("status", e.status);
    t.insert("result", e.result);
    t.insert("milliseconds", e.milliseconds);
    t.insert("attempts", e.attempts);
    return t;
}

std::string textOf(const HistoryEntry &e)
{
    toml::table root;
    root.insert("call", toml::array{tableOf(e)});
    std::ostringstream out;
    out << root << "\n\n";
    return out.str();
}

} // namespace

HistoryEntry entryOf(const std::string &service, const std::string &operation, const std::string &profile,
                     const std::string &region, const std::string &endpoint, const QJsonObject &input,
                     const calls::CallOutcome &outcome, std::chrono::system_clock::time_point time,
                     std::chrono::milliseconds took)
{
    HistoryEntry e;
    e.time = QDateTime::fromMSecsSinceEpoch(std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count(),
                                            Qt::UTC)
                 .toString(Qt::ISODate) // "…Z"
                 .toStdString();
    e.service = service;
    e.operation = operation;
    e.profile = profile;
    e.region = region;
    e.endpoint = endpoint;
    e.input = input;
    e.status = outcome.last.ok() ? outcome.last.response.status : 0;
    e.milliseconds = took.count();
    e.attempts = int(outcome.attempts.size());
    const auto &parsed = outcome.parsed;
    if (!outcome.last.ok())
        e.result = outcome.last.message;
    else if (parsed && parsed->error)
        e.result = parsed->error->code.empty() ? "HTTP " + std::to_string(e.status) : parsed->error->code;
    else if (parsed && !parsed->problem.empty())
        e.result = "the answer could not be read";
    else
        e.result = "ok";
    if (parsed)
        e.requestId = parsed->error && !parsed->error->requestId.empty() ? parsed->error->requestId : parsed->requestId;
    return e;
}

CallHistory::CallHistory(std::string file, std::uint64_t maxBytes)
    : m_file(std::move(file)), m_maxBytes(maxBytes)
{
}

std::optional<util::Error> CallHistory::append(const HistoryEntry &entry) const
{
    HistoryEntry safe = entry;
    safe.input = redactSecrets(entry.input);
    const std::string text = textOf(safe);
    const QString path = QString::fromStdString(m_file);
    QDir().mkpath(QFileInfo(path).path());
    if (QFileInfo(path).size() + qint64(text.size()) > qint64(m_maxBytes)) {
        // Keep the newest calls that fill half the cap, and rewrite the file at once.
        auto all = entries();
        if (!all)
            return all.error();
        std::vector<std::string> kept;
        std::uint64_t size = text.size();
        for (auto it = all->rbegin(); it != all->rend(); ++it) {
            std::string t = textOf(*it);
            if (size + t.size() > m_maxBytes / 2)
                break;
            size += t.size();
            kept.push_back(std::move(t));
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return util::Error{m_file + ": " + file.errorString().toStdString()};
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        for (auto it = kept.rbegin(); it != kept.rend(); ++it)
            file.write(it->data(), qint64(it->size()));
        file.write(text.data(), qint64(text.size()));
        if (!file.commit())
            return util::Error{m_file + ": " + file.errorString().toStdString()};
        return std::nullopt;
    }
    QFile file(path);
    // One write in append mode: two processes adding a call at once each add a whole table.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return util::Error{m_file + ": " + file.errorString().toStdString()};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return util::Error{m_file + ": " + file.errorString().toStdString()};
    return std::nullopt;
}

util::Expected<std::vector<HistoryEntry>> CallHistory::entries() const
{
    std::vector<HistoryEntry> out;
    QFile file(QString::fromStdString(m_file));
    if (!file.exists())
        return out;
    if (!file.open(QIODevice::ReadOnly))
        return util::Error{m_file + ": " + file.errorString().toStdString()};
    const QByteArray bytes = file.readAll();
    toml::table parsed;
    try {
        parsed = toml::parse(std::string_view(bytes.constData(), std::size_t(bytes.size())), m_file);
    } catch (const toml::parse_error &e) {
        return util::Error{m_file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description())};
    }
    const toml::array *calls = parsed["call"].as_array();
    if (!calls)
        return out;
    for (const toml::node &node : *calls) {
        const toml::table *t = node.as_table();
        if (!t)
            continue;
        HistoryEntry e;
        auto text = [&](const char *key) { return (*t)[key].value_or(std::string()); };
        e.time = text("time");
        e.service = text("service");
        e.operation = text("operation");
        e.profile = text("profile");
        e.region = text("region");
        e.endpoint = text("endpoint");
        e.requestId = text("request_id");
        e.result = text("result");
        e.input = QJsonDocument::fromJson(QByteArray::fromStdString(text("input"))).object();
        e.status = int((*t)["status"].value_or(std::int64_t(0)));
        e.milliseconds = (*t)["milliseconds"].value_or(std::int64_t(0));
        e.attempts = int((*t)["attempts"].value_or(std::int64_t(0)));
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<util::Error> CallHistory::clear() const
{
    QFile file(QString::fromStdString(m_file));
    if (file.exists() && !file.remove())
        return util::Error{m_file + ": " + file.errorString().toStdString()};
    return std::nullopt;
}

std::string historyFile(const util::Environment &environment)
{
    QString folder;
    if (const auto dir = environment.value(QStringLiteral("CUMULUS_DATA_DIR")); dir && !dir->isEmpty()) {
        folder = *dir;
    } else {
        const QString home = environment.homeDirectory();
        if (home.isEmpty() || !QDir(home).exists())
            return {}; // no home to keep it in (and nothing made where there is none)
#if defined(Q_OS_WIN)
        if (const auto appData = environment.value(QStringLiteral("APPDATA")); appData && !appData->isEmpty())
            folder = *appData + QStringLiteral("/Cumulus");
#elif defined(Q_OS_MACOS)
        folder = home + QStringLiteral("/Library/Application Support/Cumulus");
#else
        if (const auto xdg = environment.value(QStringLiteral("XDG_DATA_HOME")); xdg && QDir::isAbsolutePath(*xdg))
            folder = *xdg + QStringLiteral("/cumulus");
        else
            folder = home + QStringLiteral("/.local/share/cumulus");
#endif
    }
    return folder.isEmpty() ? std::string() : QDir(folder).filePath(QStringLiteral("history.toml")).toStdString();
}

std::vector<std::size_t> search(const std::vector<HistoryEntry> &entries, std::string_view words)
{
    const QStringList wanted = QString::fromUtf8(words.data(), qsizetype(words.size())).split(' ', Qt::SkipEmptyParts);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const HistoryEntry &e = entries[i];
        const QString text = QString::fromStdString(e.time + ' ' + e.service + ' ' + e.operation + ' ' + e.profile + ' '
                                                    + e.region + ' ' + e.endpoint + ' ' + e.result + ' ' + e.requestId + ' ')
            + QString::fromUtf8(QJsonDocument(e.input).toJson(QJsonDocument::Compact));
        if (std::all_of(wanted.begin(), wanted.end(), [&](const QString &w) { return text.contains(w, Qt::CaseInsensitive); }))
            out.push_back(i);
    }
    return out;
}

QJsonObject redactSecrets(const QJsonObject &input)
{
    return redactValue(input, QString()).toObject();
}

collections::SavedRequest toSavedRequest(const HistoryEntry &entry, std::string path)
{
    collections::SavedRequest r;
    r.path = std::move(path);
    r.service = entry.service;
    r.operation = entry.operation;
    r.region = entry.region;
    r.profile = entry.profile;
    r.endpoint = entry.endpoint;
    r.input = entry.input;
    return r;
}

} // namespace cumulus::history
