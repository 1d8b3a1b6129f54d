#include "ComplianceRunner.h"

#include "FakeEnvironment.h"
#include "endpoints/EndpointSettings.h"
#include "endpoints/ServiceEndpoints.h"
#include "model/JsonText.h"
#include "model/OperationIndex.h"
#include "model/Prelude.h"
#include "model/SmithyIdlLoader.h"
#include "model/SmithyJsonLoader.h"
#include "protocols/JsonCodec.h"
#include "protocols/Protocol.h"
#include "protocols/XmlNode.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <cmath>

namespace cumulus::test {

using model::Shape;
using model::ShapeType;

namespace {

// Returns zeros: uuid4() then gives the tests' 00000000-0000-4000-8000-000000000000.
class ZeroRandom final : public util::Random {
public:
    std::uint64_t next64() override { return 0; }
};

std::string protocolName(const QString &written)
{
    return written.section('#', -1).toStdString();
}

// Test params use raw strings for blobs; documents carry them as base64.
QJsonValue toDocument(const model::Model &model, const model::ShapeId &target, const QJsonValue &value)
{
    const auto type = protocols::typeOf(model, target);
    const Shape *shape = model.find(target);
    if (!type || value.isNull())
        return value;
    switch (*type) {
    case ShapeType::Blob:
        return value.isString() ? QJsonValue(QString::fromLatin1(value.toString().toUtf8().toBase64())) : value;
    case ShapeType::Structure:
    case ShapeType::Union: {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            const model::Member *m = shape ? shape->member(it.key().toStdString()) : nullptr;
            out.insert(it.key(), m ? toDocument(model, m->target, it.value()) : it.value());
        }
        return out;
    }
    case ShapeType::List:
    case ShapeType::Set: {
        const model::Member *m = shape ? shape->member("member") : nullptr;
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(m ? toDocument(model, m->target, v) : v);
        return out;
    }
    case ShapeType::Map: {
        const model::Member *m = shape ? shape->member("value") : nullptr;
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), m ? toDocument(model, m->target, it.value()) : it.value());
        return out;
    }
    default:
        return value;
    }
}

bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble() || std::fabs(a.toDouble() - b.toDouble()) < 1e-9 * std::fabs(a.toDouble());
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x[i], y[i]))
                return false;
        }
        return true;
    }
    if (a.isObject() && b.isObject()) {
        // In a document a member set to null is a member not set.
        const QJsonObject x = a.toObject(), y = b.toObject();
        for (const QJsonObject *one : {&x, &y}) {
            const QJsonObject &other = one == &x ? y : x;
            for (auto it = one->begin(); it != one->end(); ++it) {
                if (!it.value().isNull() && !other.contains(it.key()))
                    return false;
            }
        }
        for (auto it = x.begin(); it != x.end(); ++it) {
            const QJsonValue there = y.value(it.key());
            if (it.value().isNull() ? !(there.isNull() || there.isUndefined()) : !sameJson(it.value(), there))
                return false;
        }
        return true;
    }
    return a == b;
}

// XML compared as AWS's parsers read it: names, attributes as a set, text; a structure's members
// in any order (grouped by element name), a list's items (repeated names) in order, a map's
// entries (<entry>, or flattened ones led by their key) in any order.
std::string canonicalXml(const protocols::XmlNode &n);

bool isMapEntry(const protocols::XmlNode &n)
{
    return n.name == QLatin1String("entry")
        || (n.children.size() == 2 && n.children[0].name.compare(QLatin1String("key"), Qt::CaseInsensitive) == 0);
}

std::string canonicalXml(const protocols::XmlNode &n)
{
    auto attributes = n.attributes;
    std::sort(attributes.begin(), attributes.end());
    std::string out = "<" + n.name.toStdString();
    for (const auto &[k, v] : attributes)
        out += " " + k.toStdString() + "=" + v.toStdString();
    out += ">";
    if (n.children.empty())
        return out + n.text.toStdString() + "</>";
    std::map<QString, std::vector<std::string>> groups;
    for (const protocols::XmlNode &c : n.children)
        groups[c.name].push_back(canonicalXml(c));
    for (auto &[name, items] : groups) {
        bool entries = true;
        for (const protocols::XmlNode &c : n.children)
            if (c.name == name)
                entries = entries && isMapEntry(c);
        if (entries)
            std::sort(items.begin(), items.end());
        for (const std::string &item : items)
            out += item;
    }
    return out + "</>";
}

bool xmlEquivalent(const protocols::XmlNode &a, const protocols::XmlNode &b)
{
    return canonicalXml(a) == canonicalXml(b);
}

std::string compact(const QJsonValue &v)
{
    return (v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(QJsonArray{v})).toJson(QJsonDocument::Compact).toStdString();
}

// Where the request goes. A case's host is a custom endpoint ("example.com/custom"); S3's cases
// configure the client instead (vendorParams: region, s3 addressing style, dual-stack, accelerate)
// and leave the endpoint to S3's own endpoint rules, taken from the bundled S3 model.
util::Expected<endpoints::ResolvedEndpoint> endpointFor(const ComplianceCase &c, const QJsonObject &input)
{
    const QJsonObject scoped = c.test.value("vendorParams").toObject().value("scopedConfig").toObject();
    if (scoped.isEmpty()) {
        endpoints::ResolvedEndpoint custom;
        custom.url = "https://" + c.test.value("host").toString().toStdString();
        return custom;
    }
    static const model::LoadResult s3 = model::loadSmithyJsonFile(QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/s3.json"));
    const model::Shape *service = s3.model->shapesOfType(ShapeType::Service).front();
    const model::Shape *operation = nullptr;
    for (const Shape *op : model::operationsOf(*s3.model, *service)) {
        if (op->id.name() == c.operation->id.name())
            operation = op;
    }
    endpoints::ProfileSettings profile;
    for (const char *level : {"client", "operation"}) {
        const QJsonObject config = scoped.value(level).toObject();
        if (config.contains("region"))
            profile["region"] = config.value("region").toString().toStdString();
        const QJsonObject s3Config = config.value("s3").toObject();
        for (auto it = s3Config.begin(); it != s3Config.end(); ++it)
            profile["s3." + it.key().toStdString()] = it.value().isBool() ? (it.value().toBool() ? "true" : "false")
                                                                           : it.value().toString().toStdString();
    }
    const FakeEnvironment environment;
    const auto settings = endpoints::endpointSettings({}, environment, profile, "S3");
    const auto endpoints = endpoints::ServiceEndpoints::forService(*s3.model, *service);
    if (!endpoints)
        return endpoints.error();
    return endpoints->resolve(operation, input, settings);
}

std::string checkRequest(const ComplianceCase &c, protocols::Protocol &protocol)
{
    const model::Model &model = complianceModel();
    ZeroRandom random;
    const protocols::OperationContext context{model, *c.service, *c.operation, random};
    QJsonObject input;
    if (const auto &in = c.operation->rel().input; in && in->text() != model::UnitShapeId)
        input = toDocument(model, *in, c.test.value("params").toObject()).toObject();
    std::vector<protocols::InputProblem> problems;
    const auto request = protocol.serialize(context, input, problems);
    if (!request)
        return "serialize failed: " + request.error().message;
    const QJsonObject &t = c.test;
    if (request->method != t.value("method").toString().toStdString())
        return "method " + request->method;
    const auto endpoint = endpointFor(c, input);
    if (!endpoint)
        return "endpoint: " + endpoint.error().message;
    const QUrl url(QString::fromStdString(endpoints::requestUrl(*endpoint, *request)));
    if (url.path(QUrl::FullyEncoded) != t.value("uri").toString())
        return "uri " + url.path(QUrl::FullyEncoded).toStdString();
    const QJsonObject headers = t.value("headers").toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const net::Header *h = request->header(it.key().toStdString());
        if (!h || h->value != it.value().toString().toStdString())
            return "header " + it.key().toStdString() + ": " + (h ? h->value : std::string("(missing)"));
    }
    for (const QJsonValue &name : t.value("forbidHeaders").toArray()) {
        if (request->header(name.toString().toStdString()))
            return "forbidden header " + name.toString().toStdString();
    }
    for (const QJsonValue &name : t.value("requireHeaders").toArray()) {
        if (!request->header(name.toString().toStdString()))
            return "required header missing: " + name.toString().toStdString();
    }
    if (t.contains("body")) {
        const std::string expected = t.value("body").toString().toStdString();
        const bool json = t.value("bodyMediaType").toString() == QLatin1String("application/json");
        const bool form = t.value("bodyMediaType").toString() == QLatin1String("application/x-www-form-urlencoded");
        if (form) {
            // Compared as the set of its fields (their order carries no meaning); the test text may
            // span lines.
            auto fields = [](std::string text) {
                text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
                QStringList list = QString::fromStdString(text).split('&', Qt::SkipEmptyParts);
                for (QString &f : list)
                    f = f.trimmed();
                list.sort();
                return list;
            };
            if (fields(request->body) != fields(expected))
                return "body " + request->body + " != " + expected;
        } else if (t.value("bodyMediaType").toString() == QLatin1String("application/xml") && !expected.empty()) {
            std::string error;
            const auto want = protocols::XmlNode::parse(expected, error);
            const auto got = protocols::XmlNode::parse(request->body, error);
            if (!want || !got || !xmlEquivalent(*want, *got))
                return "body " + request->body + " != " + expected;
        } else if (json && !expected.empty()) {
            const QJsonValue want = model::parseJsonValue(expected);
            const QJsonValue got = model::parseJsonValue(request->body);
            if (!sameJson(want, got))
                return "body " + request->body + " != " + expected;
        } else if (request->body != expected) {
            return "body " + request->body + " != " + expected;
        }
    }
    if (t.contains("resolvedHost")) {
        std::string host = url.host().toStdString();
        if (!request->endpointOverride.empty())
            host = QUrl(QString::fromStdString(request->endpointOverride)).host().toStdString();
        if (host != t.value("resolvedHost").toString().toStdString())
            return "host " + host;
    }
    return {};
}

std::string checkResponse(const ComplianceCase &c, protocols::Protocol &protocol)
{
    const model::Model &model = complianceModel();
    ZeroRandom random;
    const protocols::OperationContext context{model, *c.service, *c.operation, random};
    net::HttpResponse response;
    response.status = c.test.value("code").toInt();
    const QJsonObject headers = c.test.value("headers").toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        response.headers.push_back({it.key().toStdString(), it.value().toString().toStdString()});
    response.body = c.test.value("body").toString().toStdString();
    const protocols::ParsedResponse parsed = protocol.parse(context, response);
    if (!parsed.problem.empty())
        return "parse problem: " + parsed.problem;
    const QJsonObject params = c.test.value("params").toObject();
    if (c.kind == "error") {
        if (!parsed.error)
            return "no error identified";
        if (parsed.error->shapeId != std::string(c.error->id.text()))
            return "error " + parsed.error->code + " mapped to '" + parsed.error->shapeId + "'";
        const QJsonValue want = toDocument(model, c.error->id, params);
        if (!sameJson(want, parsed.error->members))
            return "error members " + compact(parsed.error->members) + " != " + compact(want);
        return {};
    }
    if (parsed.error)
        return "unexpected error " + parsed.error->code;
    QJsonValue want = QJsonObject();
    if (const auto &out = c.operation->rel().output; out && out->text() != model::UnitShapeId)
        want = toDocument(model, *out, params);
    const QJsonObject output = parsed.output.object();
    if (!sameJson(want, output))
        return "output " + compact(output) + " != " + compact(want);
    // Printed from simdjson's parse when the body was the document as it came: as Qt prints it.
    const std::string printed = parsed.output.toJson(protocols::JsonWriter::Layout::Indented);
    if (printed != QJsonDocument(output).toJson(QJsonDocument::Indented).toStdString())
        return "output printed as " + printed + ", Qt prints " + compact(output);
    return {};
}

} // namespace

bool sameXml(const protocols::XmlNode &a, const protocols::XmlNode &b)
{
    return xmlEquivalent(a, b);
}

const model::Model &complianceModel()
{
    static const std::shared_ptr<const model::Model> model = [] {
        QStringList files;
        QDirIterator it(QStringLiteral(CUMULUS_TEST_DATA_DIR "/protocol-tests"), {"*.smithy"}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return model::loadSmithyIdlFiles(files).model;
    }();
    return *model;
}

std::vector<ComplianceCase> complianceCases(const std::string &protocol)
{
    const model::Model &model = complianceModel();
    std::vector<ComplianceCase> cases;
    for (const Shape *service : model.shapesOfType(ShapeType::Service)) {
        if (!service->hasTrait("aws.protocols#" + protocol))
            continue;
        for (const Shape *op : model::operationsOf(model, *service)) {
            auto add = [&](const char *trait, const char *kind, const Shape *error) {
                const Shape *holder = error ? error : op;
                const model::Trait *t = holder->trait(trait);
                if (!t)
                    return;
                for (const QJsonValue &entry : model::parseJsonValue(t->json).toArray()) {
                    const QJsonObject test = entry.toObject();
                    if (test.value("appliesTo").toString() == QLatin1String("server")
                        || protocolName(test.value("protocol").toString()) != protocol)
                        continue;
                    cases.push_back({test.value("id").toString().toStdString(), kind, protocol, service, op, error, test});
                }
            };
            add("smithy.test#httpRequestTests", "request", nullptr);
            add("smithy.test#httpResponseTests", "response", nullptr);
            for (const model::ShapeId &errorId : op->rel().errors) {
                const Shape *error = model.find(errorId);
                // An error's cases run once, with the first operation that names it.
                const bool seen = std::any_of(cases.begin(), cases.end(), [&](const ComplianceCase &c) { return c.error == error; });
                if (error && !seen)
                    add("smithy.test#httpResponseTests", "error", error);
            }
        }
    }
    return cases;
}

std::string runCase(const ComplianceCase &c)
{
    const auto protocol = protocols::protocolFor(*c.service);
    if (!protocol)
        return "no protocol implementation for " + c.protocol;
    return c.kind == "request" ? checkRequest(c, *protocol) : checkResponse(c, *protocol);
}

const std::map<std::string, std::string> &knownFailures()
{
    static const std::map<std::string, std::string> failures = [] {
        std::map<std::string, std::string> out;
        QFile file(QStringLiteral(CUMULUS_TEST_DATA_DIR "/protocol-tests-known-failures.txt"));
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (line.trimmed().isEmpty() || line.startsWith('#'))
                    continue;
                const qsizetype tab = line.indexOf('\t');
                out[line.left(tab).trimmed().toStdString()] = tab < 0 ? std::string() : line.mid(tab + 1).trimmed().toStdString();
            }
        }
        return out;
    }();
    return failures;
}

} // namespace cumulus::test
