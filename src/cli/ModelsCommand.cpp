#include "ModelsCommand.h"

#include "ArgumentParser.h"
#include "ExitCode.h"
#include "model/ModelRegistry.h"
#include "model/OperationDescription.h"
#include "model/OperationIndex.h"
#include "model/OperationSearch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace cumulus::cli {

namespace {

constexpr const char *Usage = R"(usage: cumulus-cli models <command> [options]

commands:
  list                        every service: name, sdk id, protocol, operation count
  ops SERVICE                 the operations of a service
  show SERVICE OPERATION      an operation's input and output, with constraints and docs
  search TEXT                 operations whose name contains TEXT, across every service

options for all: --models PATH (repeatable; a model file or a folder of them; also
CUMULUS_MODEL_PATH, a path list; without either, the bundled models), --json, --help
)";

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

void printJson(std::ostream &out, const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << document.toJson(QJsonDocument::Indented).toStdString();
}

// Text rendering of describeOperation()'s trees.
void printMember(std::ostream &out, const QJsonObject &node, int indent);

void printChildren(std::ostream &out, const QJsonObject &node, int indent)
{
    if (node.value("recursive").toBool()) {
        out << std::string(std::size_t(indent), ' ') << "(recursive: see above)\n";
        return;
    }
    for (const QJsonValue &member : node.value("members").toArray())
        printMember(out, member.toObject(), indent);
    for (const char *key : {"member", "key", "value"}) {
        if (node.contains(key))
            printMember(out, node.value(key).toObject(), indent);
    }
}

std::string constraints(const QJsonObject &node)
{
    std::string out;
    auto add = [&](const std::string &text) { out += "  " + text; };
    if (node.value("required").toBool())
        add("required");
    if (node.contains("min") || node.contains("max")) {
        auto bound = [&](const char *key) {
            return node.contains(key) ? QJsonDocument(QJsonArray{node.value(key)})
                                            .toJson(QJsonDocument::Compact)
                                            .mid(1)
                                            .chopped(1)
                                            .toStdString()
                                      : std::string();
        };
        add((node.value("type").toString() == "string" || node.value("type").toString() == "list"
                     || node.value("type").toString() == "map"
                     || node.value("type").toString() == "blob"
                 ? "length "
                 : "range ")
            + bound("min") + ".." + bound("max"));
    }
    if (node.contains("pattern"))
        add("pattern " + node.value("pattern").toString().toStdString());
    if (node.contains("default"))
        add("default "
            + QJsonDocument(QJsonArray{node.value("default")})
                  .toJson(QJsonDocument::Compact)
                  .mid(1)
                  .chopped(1)
                  .toStdString());
    if (node.contains("enum")) {
        QStringList values;
        for (const QJsonValue &v : node.value("enum").toArray())
            values << (v.isString() ? v.toString() : QString::number(v.toDouble()));
        add("one of " + values.join(" | ").toStdString());
    }
    return out;
}

void printMember(std::ostream &out, const QJsonObject &node, int indent)
{
    const std::string pad(std::size_t(indent), ' ');
    std::string name = node.value("name").toString().toStdString();
    std::string type = node.value("type").toString().toStdString();
    const std::string target = node.value("target").toString().toStdString();
    if (type != target && !target.empty() && lower(target) != lower(type))
        type += " " + target;
    out << pad << std::left << std::setw(28) << name << " " << type << constraints(node) << "\n";
    const std::string doc = node.value("documentation").toString().toStdString();
    if (!doc.empty()) {
        const std::size_t cut = doc.size() > 160 ? doc.rfind(' ', 157) : std::string::npos;
        out << pad << "    " << (cut == std::string::npos ? doc : doc.substr(0, cut) + " …")
            << "\n";
    }
    printChildren(out, node, indent + 2);
}

struct Context {
    model::ModelRegistry registry;
    bool json = false;
};

int list(const Context &context, std::ostream &out)
{
    const auto &services = context.registry.services();
    if (context.json) {
        QJsonArray array;
        for (const auto &s : services) {
            array.append(QJsonObject{{"name", qs(s.name)},
                                     {"sdkId", qs(s.sdkId)},
                                     {"signingName", qs(s.signingName)},
                                     {"protocol", qs(s.protocol)},
                                     {"version", qs(s.version)},
                                     {"operations", int(s.operations.size())},
                                     {"shapeId", qs(s.shapeId)},
                                     {"source", qs(s.source)}});
        }
        printJson(out, array);
        return Success;
    }
    std::size_t operations = 0;
    out << std::left << std::setw(34) << "SERVICE" << std::setw(34) << "SDK ID" << std::setw(12)
        << "PROTOCOL" << std::right << std::setw(10) << "OPERATIONS"
        << "\n";
    for (const auto &s : services) {
        out << std::left << std::setw(34) << s.name << std::setw(34) << s.sdkId << std::setw(12)
            << s.protocol << std::right << std::setw(10) << s.operations.size() << "\n";
        operations += s.operations.size();
    }
    out << services.size() << " services, " << operations << " operations\n";
    return Success;
}

const model::ServiceSummary *service(const Context &context, const std::string &name,
                                     std::ostream &err)
{
    const model::ServiceSummary *found = context.registry.find(name);
    if (!found)
        err << "cumulus-cli models: error: unknown service '" << name
            << "' (cumulus-cli models list shows them)\n";
    return found;
}

int ops(const Context &context, const std::string &name, std::ostream &out, std::ostream &err)
{
    const model::ServiceSummary *s = service(context, name, err);
    if (!s)
        return UsageError;
    if (context.json) {
        QJsonArray array;
        for (const std::string &op : s->operations)
            array.append(qs(op));
        printJson(out, array);
    } else {
        for (const std::string &op : s->operations)
            out << op << "\n";
    }
    return Success;
}

int show(const Context &context, const std::string &name, const std::string &operationName,
         std::ostream &out, std::ostream &err)
{
    const model::ServiceSummary *s = service(context, name, err);
    if (!s)
        return UsageError;
    const model::LoadResult loaded = context.registry.open(*s);
    for (const model::ModelError &e : loaded.errors)
        err << "cumulus-cli models: " << e.toString() << "\n";
    const model::Shape *serviceShape = loaded.model->find(s->shapeId);
    const model::Shape *operation = nullptr;
    if (serviceShape) {
        for (const model::Shape *op : model::operationsOf(*loaded.model, *serviceShape)) {
            if (op->id.name() == operationName
                || lower(std::string(op->id.name())) == lower(operationName))
                operation = op;
        }
    }
    if (!operation) {
        err << "cumulus-cli models: error: " << s->name << " has no operation '" << operationName
            << "' (cumulus-cli models ops " << s->name << " lists them)\n";
        return UsageError;
    }
    const QJsonObject description = model::describeOperation(*loaded.model, *operation);
    if (context.json) {
        QJsonObject withService = description;
        withService["service"] = qs(s->name);
        printJson(out, withService);
        return loaded.ok() ? Success : GeneralError;
    }
    out << s->name << " " << description.value("operation").toString().toStdString() << "  ("
        << description.value("shapeId").toString().toStdString() << ")\n";
    std::string doc = description.value("documentation").toString().toStdString();
    if (doc.size() > 600) // the whole text is in --json
        doc = doc.substr(0, doc.rfind(' ', 597)) + " …";
    if (!doc.empty())
        out << "  " << doc << "\n";
    for (const char *part : {"input", "output"}) {
        out << "\n" << part << ": ";
        if (!description.contains(part)) {
            out << "(none)\n";
            continue;
        }
        const QJsonObject tree = description.value(part).toObject();
        out << tree.value("shape").toString().toStdString() << "\n";
        printChildren(out, tree, 2);
    }
    QStringList errors;
    for (const QJsonValue &e : description.value("errors").toArray())
        errors << e.toString();
    out << "\nerrors: "
        << (errors.isEmpty() ? QStringLiteral("(none)") : errors.join(", ")).toStdString() << "\n";
    return loaded.ok() ? Success : GeneralError;
}

int search(const Context &context, const std::string &text, std::ostream &out)
{
    const auto hits = model::searchOperations(context.registry.services(), text);
    if (context.json) {
        QJsonArray array;
        for (const model::OperationHit &h : hits)
            array.append(
                QJsonObject{{"service", qs(h.service->name)}, {"operation", qs(*h.operation)}});
        printJson(out, array);
    } else {
        for (const model::OperationHit &h : hits)
            out << std::left << std::setw(34) << h.service->name << *h.operation << "\n";
    }
    return Success;
}

} // namespace

int runModelsCommand(const std::vector<std::string> &arguments,
                     const util::Environment &environment, std::ostream &out, std::ostream &err)
{
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h"
        || arguments[0] == "help") {
        (arguments.empty() ? err : out) << Usage;
        return arguments.empty() ? UsageError : Success;
    }
    const std::string command = arguments[0];
    ArgumentParser parser("models " + command);
    parser.addFlag({"--help", "-h"}, "show this help and exit");
    parser.addOption({"--models"}, "PATH", "a model file or folder (repeatable)");
    parser.addFlag({"--json"}, "print JSON");
    if (command == "ops") {
        parser.addPositional("SERVICE",
                             "name, sdk id or signing name (e.g. dynamodb, secrets-manager)");
    } else if (command == "show") {
        parser.addPositional("SERVICE", "name, sdk id or signing name");
        parser.addPositional("OPERATION", "operation name, e.g. GetItem");
    } else if (command == "search") {
        parser.addPositional("TEXT", "part of an operation name, any case");
    } else if (command != "list") {
        err << "cumulus-cli models: error: unknown command '" << command
            << "' (see cumulus-cli models --help)\n";
        return UsageError;
    }
    const auto parsed = parser.parse({arguments.begin() + 1, arguments.end()});
    if (const auto exit = helpOrError(parser, parsed, out, [&](const std::string &message) {
            err << "cumulus-cli models " << command << ": error: " << message << "\n";
            return int(UsageError);
        }))
        return *exit;

    Context context;
    context.json = parsed->has("--json");
    QStringList paths;
    for (const std::string &path : parsed->all("--models"))
        paths << QString::fromStdString(path);
    context.registry.addSources(paths, environment);
    for (const model::ModelError &e : context.registry.errors())
        err << "cumulus-cli models: " << e.toString() << "\n";
    const int loadStatus = context.registry.errors().empty() ? Success : GeneralError;

    int status = Success;
    const auto &args = parsed->positional;
    if (command == "list")
        status = list(context, out);
    else if (command == "ops")
        status = ops(context, args[0], out, err);
    else if (command == "show")
        status = show(context, args[0], args[1], out, err);
    else
        status = search(context, args[0], out);
    return status != Success ? status : loadStatus;
}

} // namespace cumulus::cli
