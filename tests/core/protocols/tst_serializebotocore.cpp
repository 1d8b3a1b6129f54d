// Dry-run requests against botocore's serializers (the AWS SDK for Python on this machine), on
// generated inputs for every operation of JSON-protocol services. Both sides use the same model:
// Cumulus loads botocore's own service-2.json through its botocore loader.
#include "ComplianceRunner.h"
#include "DocumentGenerator.h"
#include "model/BotocoreLoader.h"
#include "model/OperationIndex.h"
#include "protocols/Protocol.h"
#include "protocols/XmlNode.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <set>

using namespace cumulus;

namespace {

const char *const Services[] = {"dynamodb", "kinesis", "secretsmanager", "sqs", "lambda",
                                "sts", "iam", "sns", "ec2", "s3", "route53"};

// Every interpreter here with a botocore of its own, with that botocore's data folder: Debian's
// botocore (1.29) still models sqs with awsQuery, newer ones with awsJson1_0; both forms are checked
// where both exist.
struct Botocore {
    QString python, version, dataDir;
};

std::vector<Botocore> botocores()
{
    std::vector<Botocore> found;
    for (const QString &candidate : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
        QProcess locate;
        locate.start(candidate, {CUMULUS_SOURCE_DIR "/tests/peers/botocore_serialize_batch.py", "--data-dir"});
        if (!locate.waitForFinished(60000) || locate.exitCode() != 0)
            continue;
        const QStringList lines = QString::fromUtf8(locate.readAllStandardOutput()).trimmed().split('\n');
        if (lines.size() == 2 && std::none_of(found.begin(), found.end(), [&](const Botocore &f) { return f.dataDir == lines[1]; }))
            found.push_back({candidate, lines[0], lines[1]});
    }
    return found;
}

class ZeroRandom final : public util::Random {
public:
    std::uint64_t next64() override { return 0; }
};

std::multiset<std::pair<QString, QString>> queryPairs(const std::string &query)
{
    std::multiset<std::pair<QString, QString>> out;
    for (const QString &field : QString::fromStdString(query).split('&', Qt::SkipEmptyParts)) {
        const QString key = field.section('=', 0, 0), value = field.section('=', 1);
        out.insert({QUrl::fromPercentEncoding(key.toUtf8()), QUrl::fromPercentEncoding(value.toUtf8())});
    }
    return out;
}

bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (const QString &k : x.keys())
            if (!sameJson(x[k], y[k]))
                return false;
        return true;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i)
            if (!sameJson(x[i], y[i]))
                return false;
        return true;
    }
    return a == b;
}

} // namespace

class TestSerializeBotocore : public QObject {
    Q_OBJECT

private slots:
    void agreesWithBotocoresSerializers()
    {
        const auto found = botocores();
        QVERIFY2(!found.empty(), "botocore is missing: the README's test command installs python3-botocore");
        QStringList differences;
        std::map<std::string, int> perService;
        for (std::size_t i = 0; i < found.size(); ++i) {
            // The first botocore serializes every service; others only sqs, for its other protocol.
            std::vector<std::string> services(std::begin(Services), std::end(Services));
            if (i > 0)
                services = {"sqs"};
            compare(found[i], services, differences, perService);
            if (QTest::currentTestFailed())
                return;
        }
        for (const auto &[service, count] : perService)
            qInfo("%s: %d requests identical to botocore's", service.c_str(), count);
        for (const QString &d : differences)
            qWarning().noquote() << d;
        QCOMPARE(differences.size(), 0);
    }

private:
    void compare(const Botocore &botocore, const std::vector<std::string> &services,
                 QStringList &differences, std::map<std::string, int> &perService)
    {
        struct Case {
            std::string service, operation;
            QJsonObject input;
            std::shared_ptr<const model::Model> model;
            const model::Shape *serviceShape, *operationShape;
        };
        std::vector<Case> cases;
        QJsonArray batch;
        for (const std::string &serviceName : services) {
            const char *service = serviceName.c_str();
            QDir dir(botocore.dataDir + '/' + service);
            const QStringList versions = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            QVERIFY2(!versions.isEmpty(), service);
            QString file = dir.filePath(versions.last() + "/service-2.json");
            if (!QFile::exists(file))
                file += ".gz";
            const model::LoadResult loaded = model::loadBotocoreFile(file);
            QVERIFY2(loaded.ok(), service);
            const model::Shape *serviceShape = loaded.model->shapesOfType(model::ShapeType::Service)[0];
            if (!protocols::protocolFor(*serviceShape)) { // e.g. sqs before it moved to JSON (botocore < 1.31)
                qInfo("%s: this botocore's model uses a protocol Cumulus does not serialize yet; left out", service);
                continue;
            }
            test::DocumentGenerator generator(*loaded.model, 20261125);
            for (const model::Shape *op : model::operationsOf(*loaded.model, *serviceShape)) {
                const auto &in = op->rel().input;
                const model::Shape *input = in ? loaded.model->find(*in) : nullptr;
                for (int i = 0; i < 3; ++i) {
                    const QJsonObject document = input ? generator.structure(*input) : QJsonObject();
                    cases.push_back({service, std::string(op->id.name()), document, loaded.model, serviceShape, op});
                    batch.append(QJsonObject{{"service", service}, {"operation", QString::fromUtf8(op->id.name().data(), qsizetype(op->id.name().size()))},
                                             {"params", document}});
                }
            }
        }
        QTemporaryDir tmp;
        QFile casesFile(tmp.filePath("cases.json"));
        QVERIFY(casesFile.open(QIODevice::WriteOnly));
        casesFile.write(QJsonDocument(batch).toJson(QJsonDocument::Compact));
        casesFile.close();
        QProcess serializer;
        serializer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        serializer.start(botocore.python, {CUMULUS_SOURCE_DIR "/tests/peers/botocore_serialize_batch.py", casesFile.fileName(), tmp.filePath("out.json")});
        QVERIFY(serializer.waitForFinished(600000) && serializer.exitCode() == 0);
        QFile outFile(tmp.filePath("out.json"));
        QVERIFY(outFile.open(QIODevice::ReadOnly));
        const QJsonArray expected = QJsonDocument::fromJson(outFile.readAll()).array();
        QCOMPARE(expected.size(), qsizetype(cases.size()));

        for (std::size_t i = 0; i < cases.size(); ++i) {
            const Case &c = cases[i];
            const QJsonObject theirs = expected[qsizetype(i)].toObject();
            const QString where = QString::fromStdString(c.service + " " + c.operation);
            // botocore turns S3's Expires header into a timestamp in code; the published model (which
            // Cumulus reads) says string.
            if (theirs.value("error").toString().contains("Invalid timestamp") && c.service == "s3"
                && c.input.contains("Expires"))
                continue;
            if (theirs.contains("error")) {
                differences << where + ": botocore: " + theirs.value("error").toString();
                continue;
            }
            ZeroRandom random;
            const auto protocol = protocols::protocolFor(*c.serviceShape);
            QVERIFY(protocol);
            std::vector<protocols::InputProblem> problems;
            const auto ours = protocol->serialize({*c.model, *c.serviceShape, *c.operationShape, random}, c.input, problems);
            if (!ours) {
                differences << where + ": cumulus: " + QString::fromStdString(ours.error().message);
                continue;
            }
            QStringList diff;
            if (QString::fromStdString(ours->method) != theirs.value("method").toString())
                diff << "method";
            const QString theirPath = theirs.value("url_path").toString();
            const QString theirBasePath = theirPath.section('?', 0, 0);
            if (QString::fromStdString(ours->path) != theirBasePath)
                diff << "path " + QString::fromStdString(ours->path) + " vs " + theirBasePath;
            std::multiset<std::pair<QString, QString>> theirQuery = queryPairs(theirPath.section('?', 1).toStdString());
            for (const QJsonValue &pair : theirs.value("query").toArray())
                theirQuery.insert({pair.toArray()[0].toString(), pair.toArray()[1].toString()});
            if (queryPairs(ours->query) != theirQuery) {
                QStringList theirText;
                for (const auto &[k, v] : theirQuery)
                    theirText << k + "=" + v;
                diff << "query " + QString::fromStdString(ours->query) + " vs " + theirText.join('&');
            }
            const QJsonObject theirHeaders = theirs.value("headers").toObject();
            for (auto it = theirHeaders.begin(); it != theirHeaders.end(); ++it) {
                const net::Header *h = ours->header(it.key().toStdString());
                // botocore adds "; charset=utf-8" to the query protocols' form Content-Type; Smithy's
                // compliance tests want it bare, as Cumulus sends it. AWS accepts both.
                if (h && it.key().compare("Content-Type", Qt::CaseInsensitive) == 0
                    && it.value().toString() == QString::fromStdString(h->value) + "; charset=utf-8")
                    continue;
                // Header lists: botocore joins items with ",", Smithy's tests with ", ".
                if (h && QString::fromStdString(h->value).remove(' ') == it.value().toString().remove(' '))
                    continue;
                if (!h || QString::fromStdString(h->value) != it.value().toString())
                    diff << "header " + it.key() + ": " + (h ? QString::fromStdString(h->value) : "(missing)") + " vs " + it.value().toString();
            }
            for (const net::Header &h : ours->headers) {
                const QString name = QString::fromStdString(h.name);
                bool theyHaveIt = false;
                for (auto it = theirHeaders.begin(); it != theirHeaders.end(); ++it)
                    theyHaveIt = theyHaveIt || it.key().compare(name, Qt::CaseInsensitive) == 0;
                // botocore sends no Content-Type with a blob payload; Smithy (and its compliance
                // tests) want application/octet-stream, which Cumulus sends.
                // Likewise it sends none with a restXml XML body (Smithy: application/xml).
                const bool smithyContentType = name.compare("Content-Type", Qt::CaseInsensitive) == 0
                    && (h.value == "application/octet-stream" || h.value == "application/xml"
                        || h.value == "text/plain");
                const bool token = h.value == "00000000-0000-4000-8000-000000000000"; // filled idempotency token
                if (!theyHaveIt && !smithyContentType && !token && name.compare("Content-Length", Qt::CaseInsensitive) != 0)
                    diff << "extra header " + name;
            }
            const QByteArray theirBody = QByteArray::fromBase64(theirs.value("body_base64").toString().toLatin1());
            QByteArray ourBody = QByteArray::fromStdString(ours->body);
            // botocore fills idempotency tokens in a handler of its own, not in the serializer.
            if (const model::Shape *input = c.operationShape->rel().input ? c.model->find(*c.operationShape->rel().input) : nullptr) {
                QJsonObject body = QJsonDocument::fromJson(ourBody).object();
                bool removed = false;
                for (const model::Member &m : input->members) {
                    const QString name = QString::fromStdString(m.name);
                    if (m.trait("smithy.api#idempotencyToken") && !c.input.contains(name) && body.contains(name)) {
                        body.remove(name);
                        removed = true;
                    }
                }
                if (removed)
                    ourBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
            }
            const bool form = ours->header("Content-Type")
                && ours->header("Content-Type")->value.rfind("application/x-www-form-urlencoded", 0) == 0;
            // Field by field, as encoded (a space is '+', as botocore's urlencode writes it); the
            // order is the input's in botocore, so it is left out.
            auto fields = [](const QByteArray &body) {
                QStringList list = QString::fromUtf8(body).split('&', Qt::SkipEmptyParts);
                list.sort();
                return list;
            };
            const bool xml = ours->header("Content-Type") && ours->header("Content-Type")->value == "application/xml";
            if (xml) {
                std::string error;
                const auto a = protocols::XmlNode::parse(ours->body, error);
                const auto b = protocols::XmlNode::parse(theirBody.toStdString(), error);
                if (!a || !b || !test::sameXml(*a, *b))
                    diff << "xml body " + QString::fromUtf8(ourBody.left(300)) + " vs " + QString::fromUtf8(theirBody.left(300));
            } else if (form) {
                QStringList ourFields = fields(ourBody);
                // Idempotency tokens again (botocore fills them elsewhere): the zero-seeded UUID
                // can only come from one.
                ourFields.removeIf([](const QString &f) { return f.endsWith("=00000000-0000-4000-8000-000000000000"); });
                if (ourFields != fields(theirBody))
                    diff << "form body " + QString::fromUtf8(ourBody.left(300)) + " vs " + QString::fromUtf8(theirBody.left(300));
            } else if (theirBody != ourBody) {
                const QJsonDocument a = QJsonDocument::fromJson(ourBody), b = QJsonDocument::fromJson(theirBody);
                if (a.isNull() || b.isNull() || !sameJson(a.isObject() ? QJsonValue(a.object()) : QJsonValue(a.array()),
                                                          b.isObject() ? QJsonValue(b.object()) : QJsonValue(b.array())))
                    diff << "body " + QString::fromUtf8(ourBody.left(200)) + " vs " + QString::fromUtf8(theirBody.left(200));
            }
            if (diff.isEmpty())
                perService[c.service + " (" + protocol->name() + ", botocore " + botocore.version.toStdString() + ")"]++;
            else
                differences << where + " (" + QString::fromStdString(protocol->name()) + "): " + diff.join("; ");
        }
    }
};

QTEST_GUILESS_MAIN(TestSerializeBotocore)
#include "tst_serializebotocore.moc"
