#include "credentials/CredentialCache.h"


#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimeZone>

namespace cumulus::credentials {

namespace {

constexpr std::chrono::minutes ExpiryWindow{15};

// Python's json.dumps string, ensure_ascii=True.
std::string pythonJsonString(const std::string &utf8)
{
    std::string out = "\"";
    const std::u16string units = QString::fromStdString(utf8).toStdU16String();
    for (char16_t u : units) {
        switch (u) {
        case u'"': out += "\\\""; break;
        case u'\\': out += "\\\\"; break;
        case u'\n': out += "\\n"; break;
        case u'\r': out += "\\r"; break;
        case u'\t': out += "\\t"; break;
        case u'\b': out += "\\b"; break;
        case u'\f': out += "\\f"; break;
        default:
            if (u < 0x20 || u > 0x7e) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(u));
                out += buffer;
            } else {
                out += char(u);
            }
        }
    }
    return out + "\"";
}

std::optional<std::chrono::system_clock::time_point> expirationOf(const QJsonValue &value)
{
    if (value.isDouble())
        return std::chrono::system_clock::time_point(std::chrono::milliseconds(qint64(value.toDouble() * 1000)));
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(t.toMSecsSinceEpoch()));
}

} // namespace

std::string CredentialCache::key(const std::map<std::string, Argument> &arguments)
{
    std::string json = "{";
    bool first = true;
    for (const auto &[name, value] : arguments) { // std::map: sorted, as sort_keys=True
        json += (first ? "" : ", ") + pythonJsonString(name) + ": ";
        first = false;
        if (const auto *text = std::get_if<std::string>(&value))
            json += pythonJsonString(*text);
        else
            json += std::to_string(std::get<long long>(value));
    }
    json += "}";
    return QCryptographicHash::hash(QByteArray::fromStdString(json), QCryptographicHash::Sha1).toHex().toStdString();
}

std::optional<QJsonObject> CredentialCache::load(const std::string &key) const
{
    QFile file(QString::fromStdString(m_folder + "/" + key + ".json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject answer = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject credentials = answer.value("Credentials").toObject();
    const auto expiration = expirationOf(credentials.value("Expiration"));
    if (!expiration || credentials.value("AccessKeyId").toString().isEmpty()
        || credentials.value("SecretAccessKey").toString().isEmpty())
        return std::nullopt;
    if (*expiration - m_clock.now() < ExpiryWindow)
        return std::nullopt;
    return answer;
}

std::optional<std::chrono::system_clock::time_point> CredentialCache::expiration(const std::string &key) const
{
    QFile file(QString::fromStdString(m_folder + "/" + key + ".json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return expirationOf(QJsonDocument::fromJson(file.readAll()).object().value("Credentials").toObject().value("Expiration"));
}

bool CredentialCache::store(const std::string &key, const QJsonObject &stsAnswer) const
{
    if (!QDir().mkpath(QString::fromStdString(m_folder)))
        return false;
    QFile::setPermissions(QString::fromStdString(m_folder), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QJsonObject answer = stsAnswer;
    QJsonObject credentials = answer.value("Credentials").toObject();
    if (const auto expiration = expirationOf(credentials.value("Expiration"))) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(expiration->time_since_epoch()).count();
        // Python's isoformat() of an aware UTC datetime, as botocore writes it.
        credentials.insert("Expiration", QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString("yyyy-MM-ddTHH:mm:ss") + "+00:00");
    }
    answer.insert("Credentials", credentials);
    QSaveFile file(QString::fromStdString(m_folder + "/" + key + ".json"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(answer).toJson(QJsonDocument::Compact));
    return file.commit();
}

} // namespace cumulus::credentials
