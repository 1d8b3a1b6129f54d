// A collection folder's TOML files (collection.toml, a request, an environment) as a person or a
// merge may leave them, and {{variable}} resolution over what loaded.
#include "FuzzInput.h"
#include "FakeEnvironment.h"
#include "collections/Collection.h"
#include "collections/Variables.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace cumulus;

namespace {

void write(const QString &path, const std::string &text)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text.data(), qint64(text.size()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir folder;
    static const bool made = QDir(folder.path()).mkpath(QStringLiteral("environments"));
    (void)made;
    const fuzz::FuzzInput input(data, size);
    const auto parts = input.parts(3); // collection.toml, a request, an environment
    const QDir dir(folder.path());
    write(dir.filePath(QStringLiteral("collection.toml")), parts[0]);
    write(dir.filePath(QStringLiteral("request.toml")), parts[1]);
    write(dir.filePath(QStringLiteral("environments/env.toml")), parts[2]);
    const auto collection = collections::loadCollection(folder.path().toStdString());
    if (!collection)
        return 0;
    static const test::FakeEnvironment process(folder.path());
    for (const collections::SavedRequest &request : collection->requests) {
        (void)collections::resolveRequest(*collection, request, input.mode & 1 ? "env" : "", process);
        (void)collections::requestText(request);
    }
    (void)collections::collectionText(*collection);
    return 0;
}
