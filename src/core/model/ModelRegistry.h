#pragma once

#include "model/CatalogScanner.h"
#include "model/ModelError.h"
#include "model/ServiceSummary.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cumulus::util {
class Environment;
}

namespace cumulus::model {

// Every service Cumulus knows: the models bundled with it, then the files and folders a person
// adds (a checkout of aws/api-models-aws, a folder of their own models). The catalog comes first
// and fast; a service's full shape graph is loaded when it is opened, and kept. Thread-safe: open()
// may run off the UI thread.
class ModelRegistry {
public:
    // The bundled models (Qt resources ":/models/<name>.json").
    static QStringList bundledModelFiles();

    // CUMULUS_MODEL_PATH: a path list (':' on Unix, ';' on Windows).
    static QStringList pathsFromEnvironment(const util::Environment &environment);

    // Scans the sources in order; a later service with the same name replaces an earlier one (a
    // person's own newer model wins over the bundled one). A folder is searched recursively for
    // .json files; in a folder, JSON files that hold no service are passed over quietly.
    void addBundled();
    void addPath(const QString &path);
    // A model loaded elsewhere (the window's model workbench) under a key; its services replace the
    // ones an earlier call gave under the same key.
    void addLoaded(const QString &key, LoadResult result);
    // What a command line asks for: the paths given (--models), else CUMULUS_MODEL_PATH's, else the
    // bundled models.
    void addSources(const QStringList &paths, const util::Environment &environment);

    // Told after each file scanned while adding sources: how many so far, and of how many in the
    // source at hand (a window shows it; called on the thread that adds).
    using Progress = std::function<void(int scanned, int total)>;
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    const std::vector<ServiceSummary> &services() const { return m_services; }
    const std::vector<ModelError> &errors() const { return m_errors; }

    // By CLI name ("secrets-manager"), sdk id ("Secrets Manager", any case), signing name
    // ("secretsmanager") or service shape name; nullptr when unknown.
    const ServiceSummary *find(std::string_view name) const;

    // The full model of the service's file, loaded once.
    LoadResult open(const ServiceSummary &service) const;

private:
    void addFile(const QString &file, bool quietWithoutServices);
    void addIdl(const QString &key, const QStringList &files);
    static QStringList idlFilesOf(const QString &path);
    void add(ServiceSummary service);

    void scanned(int done, int total) const
    {
        if (m_progress)
            m_progress(done, total);
    }

    Progress m_progress;
    std::vector<ServiceSummary> m_services;
    std::map<std::string, int> m_sourceOfName; // service name -> which add call brought it
    int m_source = 0;
    std::vector<ModelError> m_errors;
    mutable std::mutex m_mutex;
    mutable std::map<std::string, LoadResult> m_loaded; // by source
};

} // namespace cumulus::model
