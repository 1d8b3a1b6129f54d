#include "model/ModelRegistry.h"

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
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

} // namespace

QStringList ModelRegistry::bundledModelFiles()
{
    QStringList files;
    for (const QString &name : QDir(QStringLiteral(":/models")).entryList({"*.json"}, QDir::Files, QDir::Name))
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

void ModelRegistry::addBundled()
{
    for (const QString &file : bundledModelFiles())
        addFile(file, false);
}

void ModelRegistry::addPath(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        m_errors.push_back({path.toStdString(), "", "no such file or folder"});
        return;
    }
    if (info.isFile()) {
        addFile(path, false);
        return;
    }
    QStringList files;
    QDirIterator it(path, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : files)
        addFile(file, true);
}

void ModelRegistry::addFile(const QString &file, bool quietWithoutServices)
{
    CatalogScan scan = scanSmithyJsonFile(file);
    if (scan.services.empty() && scan.errors.empty() && !quietWithoutServices)
        m_errors.push_back({file.toStdString(), "", "holds no service shape"});
    for (ModelError &error : scan.errors)
        m_errors.push_back(std::move(error));
    for (ServiceSummary &service : scan.services)
        add(std::move(service));
}

void ModelRegistry::add(ServiceSummary service)
{
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
    LoadResult result = loadSmithyJsonFile(QString::fromStdString(service.source));
    const std::lock_guard lock(m_mutex);
    return m_loaded.emplace(service.source, std::move(result)).first->second;
}

} // namespace cumulus::model
