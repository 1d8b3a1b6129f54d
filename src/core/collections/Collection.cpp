#include "collections/Collection.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <toml++/toml.h>

#include <algorithm>
#include <regex>

namespace cumulus::collections {

namespace {

constexpr const char *CollectionFile = "collection.toml";
constexpr const char *EnvironmentsFolder = "environments";

// A TOML basic string.
std::string quoted(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::optional<std::string> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll().toStdString();
}

std::optional<util::Error> writeIfChanged(const QString &path, const std::string &text)
{
    if (readFile(path) == text)
        return std::nullopt; // the same bytes: not written
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit())
        return util::Error{path.toStdString() + ": cannot be written: " + file.errorString().toStdString()};
    return std::nullopt;
}

std::string variablesText(const std::map<std::string, std::string> &variables)
{
    std::string out;
    for (const auto &[name, value] : variables) {
        const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
        });
        out += (bare ? name : quoted(name)) + " = " + quoted(value) + "\n";
    }
    return out;
}

// A [variables] table of strings; anything else is a problem.
std::map<std::string, std::string> variablesOf(const toml::table &root, const std::string &file, std::vector<FileProblem> &problems)
{
    std::map<std::string, std::string> variables;
    if (const toml::table *table = root["variables"].as_table()) {
        for (const auto &[key, node] : *table) {
            if (const auto *text = node.as_string())
                variables[std::string(key.str())] = text->get();
            else
                problems.push_back({file, int(node.source().begin.line), "variable " + std::string(key.str()) + " is not a string"});
        }
    }
    return variables;
}

std::optional<toml::table> parse(const std::string &text, const std::string &file, std::vector<FileProblem> &problems)
{
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error &e) {
        problems.push_back({file, int(e.source().begin.line), std::string(e.description())});
        return std::nullopt;
    }
}

std::optional<SavedRequest> requestFrom(const std::string &text, const std::string &file, std::vector<FileProblem> &problems)
{
    const auto root = parse(text, file, problems);
    if (!root)
        return std::nullopt;
    SavedRequest r;
    r.path = file;
    std::optional<int> inputLine;
    std::string inputText;
    for (const auto &[key, node] : *root) {
        const std::string name(key.str());
        if (name == "headers") {
            const auto *list = node.as_array();
            for (std::size_t i = 0; list && i < list->size(); ++i) {
                const auto *header = list->get(i)->as_string();
                if (!header || header->get().find(':') == std::string::npos) {
                    problems.push_back({file, int(list->get(i)->source().begin.line), "headers are \"Name: value\" strings"});
                    return std::nullopt;
                }
                r.headers.push_back(header->get());
            }
            if (!list) {
                problems.push_back({file, int(node.source().begin.line), "headers is a list of \"Name: value\" strings"});
                return std::nullopt;
            }
            continue;
        }
        const auto *value = node.as_string();
        if (!value) {
            problems.push_back({file, int(node.source().begin.line), name + " is not a string"});
            return std::nullopt;
        }
        if (name == "service") r.service = value->get();
        else if (name == "operation") r.operation = value->get();
        else if (name == "description") r.description = value->get();
        else if (name == "region") r.region = value->get();
        else if (name == "profile") r.profile = value->get();
        else if (name == "endpoint") r.endpoint = value->get();
        else if (name == "method") r.method = value->get();
        else if (name == "url") r.url = value->get();
        else if (name == "body") r.body = value->get();
        else if (name == "input") {
            inputText = value->get();
            inputLine = int(node.source().begin.line);
        } else {
            problems.push_back({file, int(node.source().begin.line), "unknown key " + name + " (service, operation, description, "
                                                                     "region, profile, endpoint, input; method, url, headers, body)"});
        }
    }
    if (!r.url.empty() || !r.method.empty()) { // an HTTP request
        if (r.url.empty() || r.method.empty() || r.service.empty() || !r.operation.empty() || inputLine || !r.endpoint.empty()) {
            problems.push_back({file, 0, "an HTTP request has method, url and service (the name it is signed for), "
                                         "and no operation, input or endpoint"});
            return std::nullopt;
        }
        return r;
    }
    if (r.service.empty() || r.operation.empty()) {
        problems.push_back({file, 0, "a request needs service and operation (or, for an HTTP request, method, url and service)"});
        return std::nullopt;
    }
    if (inputLine) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(inputText), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            // A multi-line string's text starts on the line after its opening quotes.
            const auto upTo = inputText.substr(0, std::size_t(std::max(0, error.offset)));
            const int line = *inputLine + 1 + int(std::count(upTo.begin(), upTo.end(), '\n'));
            problems.push_back({file, line, "input is not a JSON object: "
                                                + (doc.isObject() || error.error != QJsonParseError::NoError ? error.errorString().toStdString()
                                                                                                             : std::string("not an object"))});
            return std::nullopt;
        }
        r.input = doc.object();
    }
    return r;
}

bool looksLikeKeyId(const QString &text)
{
    static const QRegularExpression keyId(QStringLiteral("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"));
    return keyId.match(text).hasMatch();
}

std::optional<std::string> secretInValue(const QJsonValue &value, const std::string &path, const QString &member)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (auto found = secretInValue(it.value(), path + "." + it.key().toStdString(), it.key()))
                return found;
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (auto found = secretInValue(a[i], path + "[" + std::to_string(i) + "]", member))
                return found;
        }
    } else if (value.isString()) {
        const QString text = value.toString();
        const bool variable = text.trimmed().startsWith(QLatin1String("{{")) && text.trimmed().endsWith(QLatin1String("}}"));
        static const QRegularExpression secretName(QStringLiteral("secretaccesskey|sessiontoken|secretkey|password|privatekey"),
                                                   QRegularExpression::CaseInsensitiveOption);
        if (looksLikeKeyId(text))
            return path + " holds an access key id";
        if (!text.isEmpty() && !variable && secretName.match(member).hasMatch())
            return path + " holds a " + member.toStdString();
        if (text.startsWith(QLatin1String("IQoJb3JpZ2lu")) || text.startsWith(QLatin1String("FwoGZXIvYXdz")))
            return path + " holds an STS session token";
    }
    return std::nullopt;
}

} // namespace

std::string FileProblem::text() const
{
    return file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message;
}

std::optional<std::string> secretIn(const QJsonObject &input)
{
    return secretInValue(input, "$", QString());
}

std::optional<std::string> secretIn(const SavedRequest &request)
{
    if (auto found = secretIn(request.input))
        return found;
    static const QRegularExpression signedUrl(QStringLiteral("[?&](X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token)="),
                                              QRegularExpression::CaseInsensitiveOption);
    const QString url = QString::fromStdString(request.url);
    if (const auto match = signedUrl.match(url); match.hasMatch())
        return "the URL holds " + match.captured(1).toStdString() + " (a presigned URL)";
    if (looksLikeKeyId(url))
        return "the URL holds an access key id";
    for (const std::string &header : request.headers) {
        const QString name = QString::fromStdString(header.substr(0, header.find(':'))).trimmed();
        if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0
            || name.compare(QLatin1String("X-Amz-Security-Token"), Qt::CaseInsensitive) == 0)
            return "the header " + name.toStdString() + " holds credentials";
        if (looksLikeKeyId(QString::fromStdString(header)))
            return "the header " + name.toStdString() + " holds an access key id";
    }
    const QJsonDocument body = QJsonDocument::fromJson(QByteArray::fromStdString(request.body));
    if (body.isObject()) {
        if (auto found = secretInValue(body.object(), "body", QString()))
            return found;
    } else if (looksLikeKeyId(QString::fromStdString(request.body))) {
        return "the body holds an access key id";
    }
    return std::nullopt;
}

namespace {

// A body as a TOML literal multi-line string (as it is, easy to read and diff) when TOML can hold
// it so, else as a basic string with escapes.
std::string bodyText(const std::string &body)
{
    const bool literal = body.find("'''") == std::string::npos && (body.empty() || body.back() != '\'')
        && std::none_of(body.begin(), body.end(), [](char c) {
               return (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
           });
    return literal ? "'''\n" + body + "'''" : quoted(body);
}

std::string httpRequestText(const SavedRequest &r)
{
    std::string out = "service = " + quoted(r.service) + "\nmethod = " + quoted(r.method) + "\nurl = " + quoted(r.url) + "\n";
    for (const auto &[key, value] : {std::pair{"description", &r.description}, std::pair{"region", &r.region},
                                     std::pair{"profile", &r.profile}}) {
        if (!value->empty())
            out += std::string(key) + " = " + quoted(*value) + "\n";
    }
    if (!r.headers.empty()) {
        out += "headers = [\n";
        for (const std::string &header : r.headers)
            out += "    " + quoted(header) + ",\n";
        out += "]\n";
    }
    if (!r.body.empty())
        out += "body = " + bodyText(r.body) + "\n";
    return out;
}

} // namespace

std::string requestText(const SavedRequest &r)
{
    if (r.isHttp())
        return httpRequestText(r);
    std::string out = "service = " + quoted(r.service) + "\noperation = " + quoted(r.operation) + "\n";
    for (const auto &[key, value] : {std::pair{"description", &r.description}, std::pair{"region", &r.region},
                                     std::pair{"profile", &r.profile}, std::pair{"endpoint", &r.endpoint}}) {
        if (!value->empty())
            out += std::string(key) + " = " + quoted(*value) + "\n";
    }
    if (!r.input.isEmpty()) {
        const std::string json = QJsonDocument(r.input).toJson(QJsonDocument::Indented).toStdString();
        // A literal multi-line string keeps the JSON as it is; a JSON text with ''' in it goes
        // on one line, escaped.
        if (json.find("'''") == std::string::npos)
            out += "input = '''\n" + json + "'''\n";
        else
            out += "input = " + quoted(QJsonDocument(r.input).toJson(QJsonDocument::Compact).toStdString()) + "\n";
    }
    return out;
}

std::string collectionText(const Collection &c)
{
    std::string out = "name = " + quoted(c.name) + "\n";
    if (!c.region.empty())
        out += "region = " + quoted(c.region) + "\n";
    if (!c.profile.empty())
        out += "profile = " + quoted(c.profile) + "\n";
    if (!c.variables.empty())
        out += "\n[variables]\n" + variablesText(c.variables);
    return out;
}

util::Expected<Collection> loadCollection(const std::string &folder)
{
    // Absolute: the files' paths inside it are taken relative to it ("./music" and "music" alike).
    const QDir dir(QFileInfo(QString::fromStdString(folder)).absoluteFilePath());
    const auto top = readFile(dir.filePath(QLatin1String(CollectionFile)));
    if (!top)
        return util::Error{folder + " is not a Cumulus collection: it has no " + CollectionFile};
    Collection c;
    c.folder = folder;
    if (const auto root = parse(*top, CollectionFile, c.problems)) {
        c.name = root->at_path("name").value_or(std::string());
        c.region = root->at_path("region").value_or(std::string());
        c.profile = root->at_path("profile").value_or(std::string());
        c.variables = variablesOf(*root, CollectionFile, c.problems);
    }
    if (c.name.empty())
        c.name = dir.dirName().toStdString();

    QDirIterator it(dir.path(), {QStringLiteral("*.toml")}, QDir::Files, QDirIterator::Subdirectories);
    std::vector<std::string> files;
    while (it.hasNext())
        files.push_back(dir.relativeFilePath(it.next()).toStdString());
    std::sort(files.begin(), files.end());
    for (const std::string &file : files) {
        const auto text = readFile(dir.filePath(QString::fromStdString(file)));
        if (!text) {
            c.problems.push_back({file, 0, "cannot be read"});
            continue;
        }
        if (file == CollectionFile)
            continue;
        if (file.rfind(std::string(EnvironmentsFolder) + "/", 0) == 0) {
            if (const auto root = parse(*text, file, c.problems)) {
                const std::string name = QFileInfo(QString::fromStdString(file)).completeBaseName().toStdString();
                c.environments[name] = variablesOf(*root, file, c.problems);
            }
            continue;
        }
        if (auto request = requestFrom(*text, file, c.problems))
            c.requests.push_back(std::move(*request));
    }
    return c;
}

std::optional<util::Error> saveRequest(const std::string &folder, const SavedRequest &request)
{
    if (const auto secret = secretIn(request))
        return util::Error{request.path + ": " + *secret
                           + ": a collection holds profile names, never credentials (use a {{variable}} from the environment)"};
    if (auto error = checkRequestPath(request.path))
        return error;
    return writeIfChanged(QDir(QString::fromStdString(folder)).filePath(QString::fromStdString(request.path)), requestText(request));
}

std::optional<util::Error> checkRequestPath(const std::string &path)
{
    const QString p = QString::fromStdString(path);
    if (!p.endsWith(QLatin1String(".toml")) || p == QLatin1String(".toml") || p.contains(QLatin1String(".."))
        || p.contains('\\') || QDir::isAbsolutePath(p) || p.startsWith('/') || p == QLatin1String(CollectionFile)
        || p.startsWith(QLatin1String(EnvironmentsFolder) + '/'))
        return util::Error{"'" + path + "' is not a request file name (NAME.toml inside the collection, not "
                           + CollectionFile + " nor under " + EnvironmentsFolder + "/)"};
    return std::nullopt;
}

namespace {

// Removes the sub-folders of `file` that are left empty, up to the collection's folder.
void removeEmptyFolders(const QDir &collection, const QString &file)
{
    QString folder = QFileInfo(file).path();
    while (!folder.isEmpty() && folder != QLatin1String(".")) {
        if (!collection.rmdir(folder)) // only when empty
            return;
        folder = QFileInfo(folder).path();
    }
}

} // namespace

std::optional<util::Error> moveRequest(const std::string &folder, const std::string &from, const std::string &to)
{
    for (const std::string *path : {&from, &to}) {
        if (auto error = checkRequestPath(*path))
            return error;
    }
    const QDir dir(QString::fromStdString(folder));
    const QString source = QString::fromStdString(from);
    const QString target = QString::fromStdString(to);
    if (!QFileInfo::exists(dir.filePath(source)))
        return util::Error{from + ": no such request in " + folder};
    if (QFileInfo::exists(dir.filePath(target)))
        return util::Error{to + " already exists in " + folder + "; nothing was moved"};
    dir.mkpath(QFileInfo(target).path());
    if (!QFile::rename(dir.filePath(source), dir.filePath(target)))
        return util::Error{"cannot move " + from + " to " + to + " in " + folder};
    removeEmptyFolders(dir, source);
    return std::nullopt;
}

util::Expected<std::string> deleteRequest(const std::string &folder, const std::string &path)
{
    if (auto error = checkRequestPath(path))
        return *error;
    const QDir dir(QString::fromStdString(folder));
    const QString file = dir.filePath(QString::fromStdString(path));
    const auto bytes = readFile(file);
    if (!bytes)
        return util::Error{path + ": no such request in " + folder};
    if (!QFile::remove(file))
        return util::Error{"cannot delete " + path + " in " + folder};
    removeEmptyFolders(dir, QString::fromStdString(path));
    return *bytes;
}

std::optional<util::Error> restoreRequest(const std::string &folder, const std::string &path, const std::string &bytes)
{
    if (auto error = checkRequestPath(path))
        return error;
    return writeIfChanged(QDir(QString::fromStdString(folder)).filePath(QString::fromStdString(path)), bytes);
}

std::optional<util::Error> saveCollectionFile(const Collection &collection)
{
    return writeIfChanged(QDir(QString::fromStdString(collection.folder)).filePath(QLatin1String(CollectionFile)),
                          collectionText(collection));
}

} // namespace cumulus::collections
