// Opening a collection of 1,000 requests (the folder bench/peers/python_collections.py reads too):
// bench_collections FOLDER writes the collection there when it is empty, then prints, as JSON, the
// median of 7 loads (the files in the OS cache, as when a person reopens the app).
#include "collections/Collection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace cumulus;

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_collections FOLDER\n");
        return 2;
    }
    const QString folder = QString::fromLocal8Bit(argv[1]);
    if (QDir(folder).isEmpty()) {
        auto put = [&](const QString &path, const QByteArray &text) {
            QDir().mkpath(QFileInfo(path).path());
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        bool ok = put(folder + "/collection.toml", "name = \"Bench\"\nregion = \"us-east-1\"\n\n[variables]\ntable = \"Music\"\n");
        // Ten groups of a hundred requests: a PutItem with a few attributes each.
        for (int i = 0; i < 1000; ++i) {
            const QByteArray n = QByteArray::number(i);
            ok = ok && put(QStringLiteral("%1/group-%2/request-%3.toml").arg(folder).arg(i / 100).arg(i, 4, 10, QLatin1Char('0')),
                           "service = \"dynamodb\"\noperation = \"PutItem\"\ndescription = \"item " + n + "\"\ninput = '''\n"
                           "{\n    \"Item\": {\n        \"Artist\": {\"S\": \"Artist " + n + "\"},\n"
                           "        \"SongTitle\": {\"S\": \"Song " + n + "\"},\n        \"Year\": {\"N\": \"" + n + "\"}\n"
                           "    },\n    \"TableName\": \"{{table}}\"\n}\n'''\n");
        }
        if (!ok) {
            std::fprintf(stderr, "cannot write the collection in %s\n", argv[1]);
            return 1;
        }
    }
    std::vector<double> ms;
    std::size_t requests = 0;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto collection = collections::loadCollection(folder.toStdString());
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!collection || !collection->problems.empty()) {
            std::fprintf(stderr, "the collection does not load\n");
            return 1;
        }
        requests = collection->requests.size();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("{\"requests\": %zu, \"load_ms\": %.2f}\n", requests, ms[ms.size() / 2]);
    return 0;
}
