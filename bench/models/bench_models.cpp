// Model loading, against the goals of the models issue: the catalog of every model, opening one
// fully, searching every operation, and memory with everything loaded. Prints one JSON object;
// bench/run prints it beside Python's figures on the same files.
// Usage: bench_models MODEL_FOLDER S3_MODEL_FILE
#include "model/ModelRegistry.h"
#include "model/OperationSearch.h"
#include "model/SmithyJsonLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

using namespace cumulus::model;

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double rssMb()
{
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_models MODEL_FOLDER S3_MODEL_FILE\n");
        return 2;
    }
    const QString folder = QString::fromLocal8Bit(argv[1]);
    const QString s3 = QString::fromLocal8Bit(argv[2]);

    std::size_t services = 0;
    const double catalogMs = medianMs(5, [&] {
        ModelRegistry registry;
        registry.addPath(folder);
        services = registry.services().size();
    });
    const double openS3Ms = medianMs(21, [&] { loadSmithyJsonFile(s3); });

    ModelRegistry registry;
    registry.addPath(folder);
    std::size_t hits = 0;
    const double searchMs =
        medianMs(201, [&] { hits = searchOperations(registry.services(), "item").size(); });

    std::vector<LoadResult> all;
    for (const ServiceSummary &service : registry.services())
        all.push_back(loadSmithyJsonFile(QString::fromStdString(service.source)));
    const double rss = rssMb();

    std::printf("{\"services\": %zu, \"catalog_all_ms\": %.1f, \"open_s3_ms\": %.2f, "
                "\"search_ms\": %.3f, \"search_hits\": %zu, \"rss_all_loaded_mb\": %.0f}\n",
                services, catalogMs, openS3Ms, searchMs, hits, rss);
    return 0;
}
