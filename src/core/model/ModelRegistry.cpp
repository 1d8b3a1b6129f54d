#include "model/ModelRegistry.h"

#include "model/BotocoreLoader.h"
#include "model/SmithyIdlLoader.h"
#include "model/SmithyJsonLoader.h"
#include "util/Environment.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace cumulus::model {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x))
            == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

QStringList ModelRegistry::bundledModelFiles()
{
    QStringList files;
    for (const QString &name :
         QDir(QStringLiteral(":/models")).entryList({"*.json"}, QDir::Files, QDir::Name))
        files << QStringLiteral(":/models/") + name;
    return files;
}

QStringList ModelRegistry::pathsFromEnvironment(const util::Environment &environment)
{
    const auto value = environment.value(QStringLiteral("CUMULUS_MODEL_PATH"));
    if (!value)
        return {};
    return value->split(QDir::listSeparator(), Qt::SkipEmptyParts);
}

void ModelRegistry::addSources(const QStringList &paths, const util::Environment &environment)
{
    const QStringList chosen = paths.isEmpty() ? pathsFromEnvironment(environment) : paths;
    if (chosen.isEmpty())
        addBundled();
    for (const QString &path : chosen)
        addPath(path);
}

void ModelRegistry::addBundled()
{
    ++m_source;
    const QStringList files = bundledModelFiles();
    for (int i = 0; i < files.size(); ++i) {
        addFile(files[i], false);
        scanned(i + 1, int(files.size()));
    }
}

void ModelRegistry::addPath(const QString &path)
{
    ++m_source;
    const QFileInfo info(path);
    if (!info.exists()) {
        m_errors.push_back({path.toStdString(), "", "no such file or folder"});
        return;
    }
    if (info.isFile()) {
        if (path.endsWith(QLatin1String(".smithy")))
            addIdl(path, {path});
        else
            addFile(path, false);
        return;
    }
    if (const QStringList idl = idlFilesOf(path); !idl.isEmpty())
        addIdl(path, idl); // the folder's IDL files load together (shared namespaces, use)
    QStringList smithyFiles;
    // botocore's layout: <service>/<api version>/service-2.json[.gz]; only the latest version of
    // each service counts, as in botocore.
    std::map<QString, QString> botocoreLatest; // service folder -> service file
    QDirIterator it(path, {QStringLiteral("*.json"), QStringLiteral("*.json.gz")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (isBotocoreServiceFile(file)) {
            const QFileInfo versionDir(QFileInfo(file).path());
            QString &latest = botocoreLatest[versionDir.path()];
            if (latest.isEmpty()
                || QFileInfo(QFileInfo(latest).path()).fileName() < versionDir.fileName()
                || (QFileInfo(QFileInfo(latest).path()).fileName() == versionDir.fileName()
                    && !file.endsWith(QLatin1String(".gz"))))
                latest = file;
        } else if (file.endsWith(QLatin1String(".json"))) {
            smithyFiles << file;
        }
    }
    if (!botocoreLatest.empty()) {
        // A botocore data folder: its other JSON files (paginators, waiters, examples, endpoint
        // rules, partitions) are not models.
        int done = 0;
        for (const auto &[service, file] : botocoreLatest) {
            addFile(file, false);
            scanned(++done, int(botocoreLatest.size()));
        }
        return;
    }
    smithyFiles.sort();
    for (int i = 0; i < smithyFiles.size(); ++i) {
        addFile(smithyFiles[i], true);
        scanned(i + 1, int(smithyFiles.size()));
    }
}

void ModelRegistry::addFile(const QString &file, bool quietWithoutServices)
{
    CatalogScan scan =
        isBotocoreServiceFile(file) ? scanBotocoreFile(file) : scanSmithyJsonFile(file);
    if (scan.services.empty() && scan.errors.empty() && !quietWithoutServices)
        m_errors.push_back({file.toStdString(), "", "holds no service shape"});
    for (ModelError &error : scan.errors)
        m_errors.push_back(std::move(error));
    for (ServiceSummary &service : scan.services)
        add(std::move(service));
}

QStringList ModelRegistry::idlFilesOf(const QString &path)
{
    if (QFileInfo(path).isFile())
        return {path};
    QStringList files;
    QDirIterator it(path, {QStringLiteral("*.smithy")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

void ModelRegistry::addIdl(const QString &key, const QStringList &files)
{
    LoadResult result = loadSmithyIdlFiles(files);
    for (const ModelError &error : result.errors)
        m_errors.push_back(error);
    addLoaded(key, std::move(result));
}

void ModelRegistry::addLoaded(const QString &key, LoadResult result)
{
    const std::string source = key.toStdString();
    m_services.erase(std::remove_if(m_services.begin(), m_services.end(),
                                    [&](const ServiceSummary &s) { return s.source == source; }),
                     m_services.end());
    if (result.model) {
        for (ServiceSummary &service : summarize(*result.model, source))
            add(std::move(service));
    }
    const std::lock_guard lock(m_mutex);
    m_loaded[source] = std::move(result);
}

void ModelRegistry::add(ServiceSummary service)
{
    const auto seen = m_sourceOfName.find(service.name);
    if (seen != m_sourceOfName.end() && seen->second == m_source) {
        // Two services of one source with one sdk id (botocore keeps old aliases such as
        // sms-voice beside pinpoint-sms-voice): keep both, the second under its folder's name
        // (botocore's own service name) or, failing that, with its version.
        const QFileInfo file(QString::fromStdString(service.source));
        const QString folder =
            isBotocoreServiceFile(file.filePath()) ? QFileInfo(file.path()).path() : QString();
        service.name = folder.isEmpty() ? service.name + "-" + service.version
                                        : QFileInfo(folder).fileName().toStdString();
    }
    m_sourceOfName[service.name] = m_source;
    for (ServiceSummary &existing : m_services) {
        if (existing.name == service.name) {
            existing = std::move(service);
            return;
        }
    }
    m_services.push_back(std::move(service));
    std::sort(m_services.begin(), m_services.end(),
              [](const ServiceSummary &a, const ServiceSummary &b) { return a.name < b.name; });
}

const ServiceSummary *ModelRegistry::find(std::string_view name) const
{
    for (const ServiceSummary &service : m_services) {
        if (service.name == name)
            return &service;
    }
    for (const ServiceSummary &service : m_services) {
        const std::string_view shapeName =
            std::string_view(service.shapeId).substr(service.shapeId.find('#') + 1);
        if (equalsIgnoreCase(service.sdkId, name) || service.signingName == name
            || shapeName == name)
            return &service;
    }
    return nullptr;
}

LoadResult ModelRegistry::open(const ServiceSummary &service) const
{
    {
        const std::lock_guard lock(m_mutex);
        if (const auto it = m_loaded.find(service.source); it != m_loaded.end())
            return it->second;
    }
    const QString source = QString::fromStdString(service.source);
    LoadResult result = isBotocoreServiceFile(source) ? loadBotocoreFile(source)
        : QFileInfo(source).isDir() || source.endsWith(QLatin1String(".smithy"))
        ? loadSmithyIdlFiles(idlFilesOf(source))
        : loadSmithyJsonFile(source);
    const std::lock_guard lock(m_mutex);
    return m_loaded.emplace(service.source, std::move(result)).first->second;
}

} // namespace cumulus::model
