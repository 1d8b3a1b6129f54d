#include "collections/PostmanImport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <set>

namespace cumulus::collections {

namespace {

// Postman's AWS auth: v2.1 lists {key, value} pairs, v2.0 has an object.
struct AwsAuth {
    std::string service;
    std::string region;
    bool hadKeys = false;
};

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble() || value.isBool())
        return value.toVariant().toString();
    return {};
}

QString authParameter(const QJsonObject &auth, const QString &type, const QString &key)
{
    const QJsonValue parameters = auth.value(type);
    if (parameters.isArray()) {
        for (const QJsonValue &p : parameters.toArray()) {
            if (p.toObject().value(QLatin1String("key")).toString() == key)
                return text(p.toObject().value(QLatin1String("value")));
        }
        return {};
    }
    return text(parameters.toObject().value(key));
}

// "abc.execute-api.eu-west-1.amazonaws.com" -> execute-api, eu-west-1.
std::pair<std::string, std::string> serviceAndRegionOf(const QString &url)
{
    static const QRegularExpression host(QStringLiteral("^(?:[a-z]+://)?(?:[^/]*\\.)?([a-z0-9-]+)\\.([a-z]{2}(?:-[a-z]+)+-\\d)\\.amazonaws\\.com"));
    const auto match = host.match(url);
    return match.hasMatch() ? std::pair{match.captured(1).toStdString(), match.captured(2).toStdString()}
                            : std::pair{std::string(), std::string()};
}

QString urlOf(const QJsonValue &url)
{
    if (url.isString())
        return url.toString();
    const QJsonObject u = url.toObject();
    QString raw = u.value(QLatin1String("raw")).toString();
    if (raw.isEmpty()) {
        const QString protocol = u.value(QLatin1String("protocol")).toString();
        QStringList host, path, query;
        for (const QJsonValue &part : u.value(QLatin1String("host")).toArray())
            host << part.toString();
        if (u.value(QLatin1String("host")).isString())
            host << u.value(QLatin1String("host")).toString();
        for (const QJsonValue &part : u.value(QLatin1String("path")).toArray())
            path << (part.isString() ? part.toString() : part.toObject().value(QLatin1String("value")).toString());
        for (const QJsonValue &q : u.value(QLatin1String("query")).toArray()) {
            const QJsonObject o = q.toObject();
            if (!o.value(QLatin1String("disabled")).toBool())
                query << o.value(QLatin1String("key")).toString() + '=' + text(o.value(QLatin1String("value")));
        }
        raw = (protocol.isEmpty() ? QString() : protocol + QLatin1String("://")) + host.join('.');
        if (u.contains(QLatin1String("port")))
            raw += ':' + text(u.value(QLatin1String("port")));
        raw += '/' + path.join('/');
        if (!query.isEmpty())
            raw += '?' + query.join('&');
    }
    // Path variables (":id") take their values.
    for (const QJsonValue &v : u.value(QLatin1String("variable")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString key = o.value(QLatin1String("key")).toString();
        if (!key.isEmpty() && o.contains(QLatin1String("value")))
            raw.replace(QRegularExpression(QStringLiteral("/:%1(?=[/?#]|$)").arg(QRegularExpression::escape(key))),
                        '/' + text(o.value(QLatin1String("value"))));
    }
    return raw;
}

// A file name from a Postman name: letters, digits, '-', '_' and '.'; the rest becomes '-'.
QString fileNameOf(const QString &name)
{
    QString out;
    for (const QChar c : name.trimmed()) {
        const bool keep = c.isLetterOrNumber() || c == '_' || c == '.' || c == '-';
        if (keep)
            out += c;
        else if (!out.endsWith('-'))
            out += '-';
    }
    while (out.startsWith('.') || out.startsWith('-'))
        out.remove(0, 1);
    while (out.endsWith('-') || out.endsWith('.'))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("request") : out;
}

class Importer {
public:
    PostmanImport result;

    void items(const QJsonArray &items, const QString &folder, const QString &where, const QJsonObject &auth)
    {
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QString name = item.value(QLatin1String("name")).toString();
            const QString here = where.isEmpty() ? name : where + '/' + name;
            if (item.contains(QLatin1String("item"))) { // a folder
                const QJsonObject own = item.value(QLatin1String("auth")).toObject();
                const bool inherits = own.isEmpty() || own.value(QLatin1String("type")).toString() == QLatin1String("inherit");
                const QString sub = folder.isEmpty() ? fileNameOf(name) : folder + '/' + fileNameOf(name);
                if (item.contains(QLatin1String("event")) && hasScript(item))
                    note(here, "its scripts were not imported");
                this->items(item.value(QLatin1String("item")).toArray(), sub, here, inherits ? auth : own);
                continue;
            }
            request(item, folder, here, auth);
        }
    }

    void note(const QString &where, const std::string &what)
    {
        result.report.push_back(where.toStdString() + ": " + what);
    }

private:
    static bool hasScript(const QJsonObject &item)
    {
        for (const QJsonValue &event : item.value(QLatin1String("event")).toArray()) {
            for (const QJsonValue &line : event.toObject().value(QLatin1String("script")).toObject().value(QLatin1String("exec")).toArray()) {
                if (!line.toString().trimmed().isEmpty())
                    return true;
            }
        }
        return false;
    }

    void request(const QJsonObject &item, const QString &folder, const QString &where, const QJsonObject &inherited)
    {
        const QJsonValue requestValue = item.value(QLatin1String("request"));
        const QJsonObject request = requestValue.toObject();
        QJsonObject auth = request.value(QLatin1String("auth")).toObject();
        if (auth.isEmpty() || auth.value(QLatin1String("type")).toString() == QLatin1String("inherit"))
            auth = inherited;
        const QString authType = auth.value(QLatin1String("type")).toString();
        if (authType != QLatin1String("awsv4")) {
            note(where, "not imported: it is not signed with AWS Signature (its auth: "
                            + (authType.isEmpty() || authType == QLatin1String("noauth") ? std::string("none") : authType.toStdString()) + ")");
            return;
        }
        SavedRequest r;
        r.method = (requestValue.isString() ? QStringLiteral("GET") : request.value(QLatin1String("method")).toString(QStringLiteral("GET"))).toUpper().toStdString();
        const QString url = urlOf(requestValue.isString() ? requestValue : request.value(QLatin1String("url")));
        r.url = url.toStdString();
        if (r.url.empty()) {
            note(where, "not imported: it has no URL");
            return;
        }
        const auto [hostService, hostRegion] = serviceAndRegionOf(url);
        r.service = authParameter(auth, QStringLiteral("awsv4"), QStringLiteral("service")).toStdString();
        r.region = authParameter(auth, QStringLiteral("awsv4"), QStringLiteral("region")).toStdString();
        if (r.service.empty())
            r.service = hostService;
        if (r.region.empty())
            r.region = hostRegion;
        if (r.service.empty()) {
            note(where, "not imported: its AWS Signature auth names no service, nor does its URL");
            return;
        }
        for (const char *key : {"accessKey", "secretKey", "sessionToken"}) {
            if (!authParameter(auth, QStringLiteral("awsv4"), QLatin1String(key)).isEmpty())
                m_keysLeftOut = true;
        }
        const QJsonValue description = request.value(QLatin1String("description"));
        r.description = (description.isObject() ? description.toObject().value(QLatin1String("content")).toString()
                                                : description.toString()).toStdString();
        for (const QJsonValue &h : request.value(QLatin1String("header")).toArray()) {
            const QJsonObject header = h.toObject();
            const QString name = header.value(QLatin1String("key")).toString();
            if (header.value(QLatin1String("disabled")).toBool() || name.isEmpty())
                continue;
            static const QRegularExpression signing(QStringLiteral("^(authorization|x-amz-date|x-amz-security-token|x-amz-content-sha256)$"),
                                                    QRegularExpression::CaseInsensitiveOption);
            if (signing.match(name).hasMatch()) {
                note(where, "the header " + name.toStdString() + " was left out (signing makes it anew)");
                continue;
            }
            r.headers.push_back((name + QLatin1String(": ") + text(header.value(QLatin1String("value")))).toStdString());
        }
        if (!body(request.value(QLatin1String("body")).toObject(), r, where))
            return;
        if (item.contains(QLatin1String("event")) && hasScript(item))
            note(where, "its scripts were not imported");
        static const QRegularExpression dynamic(QStringLiteral("\\{\\{\\s*(\\$[A-Za-z]+)\\s*\\}\\}"));
        std::set<QString> dynamics;
        std::vector<std::string> fields = r.headers;
        fields.push_back(r.url);
        fields.push_back(r.body);
        for (const std::string &field : fields) {
            auto matches = dynamic.globalMatch(QString::fromStdString(field));
            while (matches.hasNext())
                dynamics.insert(matches.next().captured(1));
        }
        for (const QString &name : dynamics)
            note(where, "uses Postman's {{" + name.toStdString() + "}}, which Cumulus does not fill in");

        QString path = (folder.isEmpty() ? QString() : folder + '/') + fileNameOf(item.value(QLatin1String("name")).toString());
        QString unique = path + QLatin1String(".toml");
        for (int n = 2; m_paths.count(unique.toLower()); ++n)
            unique = path + '-' + QString::number(n) + QLatin1String(".toml");
        m_paths.insert(unique.toLower());
        r.path = unique.toStdString();
        if (const auto secret = secretIn(r)) {
            note(where, "not imported: " + *secret);
            return;
        }
        result.collection.requests.push_back(std::move(r));
    }

    bool body(const QJsonObject &body, SavedRequest &r, const QString &where)
    {
        const QString mode = body.value(QLatin1String("mode")).toString();
        if (body.isEmpty() || body.value(QLatin1String("disabled")).toBool() || mode.isEmpty())
            return true;
        if (mode == QLatin1String("raw")) {
            r.body = body.value(QLatin1String("raw")).toString().toStdString();
            const QString language = body.value(QLatin1String("options")).toObject().value(QLatin1String("raw")).toObject().value(QLatin1String("language")).toString();
            if (language == QLatin1String("json") && !hasHeader(r, "content-type"))
                r.headers.push_back("Content-Type: application/json"); // what Postman adds
            return true;
        }
        if (mode == QLatin1String("urlencoded")) {
            QStringList pairs;
            for (const QJsonValue &p : body.value(QLatin1String("urlencoded")).toArray()) {
                const QJsonObject o = p.toObject();
                if (o.value(QLatin1String("disabled")).toBool())
                    continue;
                pairs << QString::fromLatin1(QUrl::toPercentEncoding(o.value(QLatin1String("key")).toString(), "{}"))
                          + '=' + QString::fromLatin1(QUrl::toPercentEncoding(text(o.value(QLatin1String("value"))), "{}"));
            }
            r.body = pairs.join('&').toStdString();
            if (!hasHeader(r, "content-type"))
                r.headers.push_back("Content-Type: application/x-www-form-urlencoded; charset=utf-8");
            return true;
        }
        if (mode == QLatin1String("graphql")) {
            const QJsonObject graphql = body.value(QLatin1String("graphql")).toObject();
            QJsonObject document{{"query", graphql.value(QLatin1String("query"))}};
            const QJsonDocument variables = QJsonDocument::fromJson(graphql.value(QLatin1String("variables")).toString().toUtf8());
            if (variables.isObject())
                document.insert(QStringLiteral("variables"), variables.object());
            r.body = QJsonDocument(document).toJson(QJsonDocument::Compact).toStdString();
            if (!hasHeader(r, "content-type"))
                r.headers.push_back("Content-Type: application/json");
            return true;
        }
        note(where, "not imported: its body is " + mode.toStdString() + " (a file or a form with files), which Cumulus cannot send as written");
        return false;
    }

    static bool hasHeader(const SavedRequest &r, const char *name)
    {
        for (const std::string &header : r.headers) {
            if (QString::fromStdString(header.substr(0, header.find(':'))).trimmed().compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

public:
    bool m_keysLeftOut = false;

private:
    std::set<QString> m_paths;
};

} // namespace

util::Expected<PostmanImport> importPostman(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return util::Error{"not JSON: " + error.errorString().toStdString() + " at byte " + std::to_string(error.offset)};
    const QJsonObject root = document.object();
    const QJsonObject info = root.value(QLatin1String("info")).toObject();
    const QString schema = info.value(QLatin1String("schema")).toString();
    if (!document.isObject() || info.isEmpty() || !root.value(QLatin1String("item")).isArray())
        return util::Error{"not a Postman collection (no info and item)"};
    if (!schema.contains(QLatin1String("/v2.1")) && !schema.contains(QLatin1String("/v2.0")))
        return util::Error{"not a Postman collection v2.1 or v2.0 (its schema: " + schema.toStdString()
                           + "); Postman exports v2.1 (Export › Collection v2.1)"};
    Importer importer;
    PostmanImport &out = importer.result;
    out.collection.name = info.value(QLatin1String("name")).toString().toStdString();
    for (const QJsonValue &v : root.value(QLatin1String("variable")).toArray()) {
        const QJsonObject variable = v.toObject();
        const QString key = variable.value(QLatin1String("key")).toString();
        if (key.isEmpty() || variable.value(QLatin1String("disabled")).toBool())
            continue;
        const QString value = text(variable.value(QLatin1String("value")));
        if (secretIn(QJsonObject{{key, value}})) {
            importer.note(QStringLiteral("variable ") + key, "left out: it looks like a credential (set it in the process environment if a request needs it)");
            continue;
        }
        out.collection.variables[key.toStdString()] = value.toStdString();
    }
    if (root.contains(QLatin1String("event")) && !root.value(QLatin1String("event")).toArray().isEmpty())
        importer.note(QStringLiteral("the collection"), "its scripts were not imported");
    importer.items(root.value(QLatin1String("item")).toArray(), QString(), QString(), root.value(QLatin1String("auth")).toObject());
    if (importer.m_keysLeftOut)
        out.report.insert(out.report.begin(), "AWS keys in Postman's AWS Signature auth were left out: a profile signs the requests (--profile, or profile in collection.toml)");
    return out;
}

std::optional<util::Error> writeImport(const std::string &folder, const PostmanImport &imported)
{
    const QDir dir(QString::fromStdString(folder));
    if (QFileInfo::exists(dir.filePath(QStringLiteral("collection.toml"))))
        return util::Error{folder + " already holds a collection; import into a new folder"};
    if (!QDir().mkpath(dir.path()))
        return util::Error{"cannot make the folder " + folder};
    for (const SavedRequest &request : imported.collection.requests) {
        if (auto error = saveRequest(folder, request))
            return error;
    }
    Collection top = imported.collection;
    top.folder = folder;
    if (top.name.empty())
        top.name = dir.dirName().toStdString();
    return saveCollectionFile(top); // last: a folder without it is no collection, should a request fail
}

} // namespace cumulus::collections
