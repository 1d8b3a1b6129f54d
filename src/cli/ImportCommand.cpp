#include "ImportCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "collections/PostmanImport.h"

#include <QFile>

#include <ostream>

namespace cumulus::cli {

int runImportCommand(const std::vector<std::string> &arguments, std::ostream &out, std::ostream &err)
{
    ArgumentParser parser("import");
    parser.addPositional("FORMAT", "postman (a collection exported as v2.1)");
    parser.addPositional("FILE", "the exported file");
    parser.addPositional("FOLDER", "where to write the collection (a folder without one)");
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    auto fail = [&](const std::string &message, int code = UsageError) {
        err << "cumulus-cli import: error: " << message << '\n';
        return code;
    };
    const auto parsed = parser.parse(arguments);
    if (const auto exit = helpOrError(parser, parsed, out, fail))
        return *exit;
    if (parsed->positional[0] != "postman")
        return fail("import reads postman collections, not '" + parsed->positional[0] + "'");
    const std::string &file = parsed->positional[1];
    QFile input(QString::fromStdString(file));
    if (!input.open(QIODevice::ReadOnly))
        return fail("cannot read " + file);
    const auto imported = collections::importPostman(input.readAll());
    if (!imported)
        return fail(file + ": " + imported.error().message);
    if (auto error = collections::writeImport(parsed->positional[2], *imported))
        return fail(error->message, error->message.find("already holds") != std::string::npos ? UsageError : GeneralError);
    out << "imported " << imported->collection.requests.size() << " request(s) of " << file << " into "
        << parsed->positional[2] << '\n';
    for (const std::string &line : imported->report)
        out << "  " << line << '\n';
    return Success;
}

} // namespace cumulus::cli
