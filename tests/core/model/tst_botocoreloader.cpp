// The botocore loader: the mapping onto Smithy traits, Debian's whole botocore data folder, gzip'd
// models, and the cross-check with the Smithy form of six services.
#include "BotocoreFixtures.h"
#include "ModelMessages.h"
#include "model/BotocoreLoader.h"
#include "model/JsonText.h"
#include "model/ModelRegistry.h"
#include "model/OperationIndex.h"
#include "model/SmithyJsonLoader.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

using namespace cumulus::model;
using cumulus::test::messages;

namespace {

const QString DebianBotocore = QStringLiteral("/usr/lib/python3/dist-packages/botocore/data");

using Operations = std::map<std::string, std::vector<std::string>>; // name -> input member names

// Our loader's view: operation names with their input members, sorted.
Operations fromModel(const Model &model)
{
    Operations out;
    for (const Shape *service : model.shapesOfType(ShapeType::Service)) {
        for (const Shape *op : operationsOf(model, *service)) {
            std::vector<std::string> members;
            if (op->rel().input) {
                if (const Shape *input = model.find(*op->rel().input)) {
                    for (const Member &m : input->members)
                        members.push_back(m.name);
                }
            }
            std::sort(members.begin(), members.end());
            out[std::string(op->id.name())] = members;
        }
    }
    return out;
}

// An independent plain JSON walk (Qt's parser) of a Smithy JSON AST or botocore file.
Operations plainWalk(const QByteArray &json, bool botocore)
{
    Operations out;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonObject shapes = root.value("shapes").toObject();
    auto membersOf = [&](const QString &shape) {
        std::vector<std::string> members;
        for (const QString &name :
             shapes.value(shape).toObject().value("members").toObject().keys())
            members.push_back(name.toStdString());
        std::sort(members.begin(), members.end());
        return members;
    };
    if (botocore) {
        const QJsonObject operations = root.value("operations").toObject();
        for (auto it = operations.begin(); it != operations.end(); ++it)
            out[it.key().toStdString()] = membersOf(
                it.value().toObject().value("input").toObject().value("shape").toString());
    } else {
        for (auto it = shapes.begin(); it != shapes.end(); ++it) {
            if (it.value().toObject().value("type") == "operation")
                out[it.key().section('#', 1).toStdString()] = membersOf(
                    it.value().toObject().value("input").toObject().value("target").toString());
        }
    }
    return out;
}

QByteArray readAll(const QString &path)
{
    std::string error;
    return readModelFile(path, error).value_or(QByteArray());
}

const Trait *trait(const Shape *shape, const char *member, const char *id)
{
    const Member *m = shape ? shape->member(member) : nullptr;
    return m ? m->trait(id) : nullptr;
}

} // namespace

class TestBotocoreLoader : public QObject {
    Q_OBJECT

private slots:
    void mapsBotocoreOntoSmithyTraits()
    {
        const LoadResult result =
            loadBotocoreJson(BotocoreService, BotocorePaginators, "widgets.json");
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        const Model &model = *result.model;
        const auto services = model.shapesOfType(ShapeType::Service);
        QCOMPARE(services.size(), std::size_t(1));
        const Shape &service = *services[0];
        QCOMPARE(service.id.text(), std::string_view("com.amazonaws.widgets#WidgetStore"));
        QVERIFY(service.hasTrait("aws.protocols#restXml"));
        QCOMPARE(service.trait("aws.auth#sigv4")->json, std::string(R"({"name":"widgetstore"})"));
        QCOMPARE(service.rel().version, std::string("2024-01-01"));
        QVERIFY(service.hasTrait("cumulus.botocore#metadata"));

        const Shape *put = model.find("com.amazonaws.widgets#PutWidget");
        QCOMPARE(
            parseJsonValue(put->trait("smithy.api#http")->json).toObject().value("uri").toString(),
            QStringLiteral("/{Bucket}/{Key+}"));
        QCOMPARE(
            parseJsonValue(put->trait("smithy.api#http")->json).toObject().value("code").toInt(),
            201);
        QCOMPARE(put->rel().errors.size(), std::size_t(1));
        QVERIFY(model.find("com.amazonaws.widgets#ListWidgets")->hasTrait("smithy.api#auth"));

        const Shape *request = model.find("com.amazonaws.widgets#PutWidgetRequest");
        QVERIFY(trait(request, "Bucket", "smithy.api#httpLabel")
                && trait(request, "Bucket", "smithy.api#required"));
        QCOMPARE(trait(request, "Color", "smithy.api#httpHeader")->json,
                 std::string("\"x-amz-color\""));
        QCOMPARE(trait(request, "Meta", "smithy.api#httpPrefixHeaders")->json,
                 std::string("\"x-amz-meta-\""));
        QCOMPARE(trait(request, "Limit", "smithy.api#httpQuery")->json, std::string("\"limit\""));
        QCOMPARE(trait(request, "When", "smithy.api#timestampFormat")->json,
                 std::string("\"date-time\""));
        QVERIFY(trait(request, "Body", "smithy.api#httpPayload"));
        QVERIFY(trait(request, "Token", "smithy.api#idempotencyToken"));
        QVERIFY(!trait(request, "Color", "smithy.api#required"));

        const Shape *output = model.find("com.amazonaws.widgets#PutWidgetOutput");
        QCOMPARE(trait(output, "Id", "smithy.api#xmlName")->json, std::string("\"WidgetId\""));
        QVERIFY(trait(output, "Id", "smithy.api#xmlAttribute"));
        QVERIFY(trait(output, "Tags", "smithy.api#xmlFlattened")); // the list was "flattened"
        // A flattened list's elements take its member's name (botocore's query serializer and XML
        // parser); a shape's own locationName names the members targeting it; "flattened" can sit
        // on the member too.
        QCOMPARE(trait(output, "Tags", "smithy.api#xmlName")->json, std::string("\"Tag\""));
        QCOMPARE(trait(output, "Labels", "smithy.api#xmlName")->json, std::string("\"Label\""));
        QVERIFY(trait(output, "Labels", "smithy.api#xmlFlattened"));
        QCOMPARE(trait(output, "Sizes", "smithy.api#xmlName")->json, std::string("\"Size\""));
        QVERIFY(trait(output, "Sizes", "smithy.api#xmlFlattened"));
        QCOMPARE(trait(output, "Id", "smithy.api#xmlName")->json, std::string("\"WidgetId\""));
        const Shape *tagList = model.find("com.amazonaws.widgets#TagList");
        QCOMPARE(trait(tagList, "member", "smithy.api#xmlName")->json, std::string("\"Tag\""));

        const Shape *bucket = model.find("com.amazonaws.widgets#BucketName");
        QCOMPARE(bucket->trait("smithy.api#length")->json, std::string(R"({"min":3,"max":63})"));
        QVERIFY(bucket->hasTrait("smithy.api#pattern"));
        QCOMPARE(model.find("com.amazonaws.widgets#Limit")->trait("smithy.api#range")->json,
                 std::string(R"({"min":1,"max":1000})"));
        const Shape *color = model.find("com.amazonaws.widgets#Color");
        QCOMPARE(color->type, ShapeType::Enum);
        QCOMPARE(color->members.size(), std::size_t(3));
        QCOMPARE(color->members[1].name, std::string("DARK_BLUE"));
        QCOMPARE(color->members[2].name, std::string("V2TONE"));
        QCOMPARE(color->members[1].trait("smithy.api#enumValue")->json,
                 std::string("\"dark-blue\""));
        QVERIFY(model.find("com.amazonaws.widgets#Body")->hasTrait("smithy.api#streaming"));

        const Shape *error = model.find("com.amazonaws.widgets#NoSuchThing");
        QCOMPARE(error->trait("smithy.api#error")->json, std::string("\"client\""));
        QCOMPARE(error->trait("smithy.api#httpError")->json, std::string("404"));
        QVERIFY(error->hasTrait("aws.protocols#awsQueryError"));

        const QJsonObject paginated =
            parseJsonValue(model.find("com.amazonaws.widgets#ListWidgets")
                               ->trait("smithy.api#paginated")
                               ->json)
                .toObject();
        QCOMPARE(paginated.value("inputToken").toString(), QStringLiteral("Marker"));
        QCOMPARE(paginated.value("items").toString(), QStringLiteral("Widgets"));
    }

    void errors()
    {
        QByteArray broken(BotocoreService);
        broken.replace("\"shape\": \"Color\"", "\"shape\": \"Colour\"");
        const LoadResult result = loadBotocoreJson(broken.toStdString(), "", "widgets.json");
        QCOMPARE(result.errors.size(), std::size_t(1));
        QCOMPARE(result.errors[0].location,
                 std::string("/shapes/PutWidgetRequest/members/Color/shape"));
        QVERIFY(result.errors[0].message.find("\"Colour\"") != std::string::npos);
        QVERIFY(result.model->find("com.amazonaws.widgets#PutWidget")); // the rest is there

        // An operation whose name is no shape id: reported, and the service lists the others (found
        // by fuzz_botocore: the service took an empty optional's garbage as an operation).
        QByteArray badName(BotocoreService);
        badName.replace("\"operations\": {\n", "\"operations\": {\"Put}Widget\": {\"name\": \"Put}Widget\", \"http\": {\"method\": \"POST\", \"requestUri\": \"/\"}},");
        const LoadResult named = loadBotocoreJson(badName.toStdString(), "", "widgets.json");
        QCOMPARE(named.errors.size(), std::size_t(1));
        QCOMPARE(named.errors[0].location, std::string("/operations/Put}Widget"));
        const Shape *service = named.model->shapesOfType(ShapeType::Service)[0];
        QCOMPARE(service->rel().operations.size(), std::size_t(2));

        QVERIFY(!loadBotocoreJson("{\"version\": \"2.0\"", "", "x.json").ok());
        QVERIFY(loadBotocoreJson("{\"shapes\": {}}", "", "x.json")
                    .errors[0]
                    .message.find("not a botocore")
                != std::string::npos);
        QVERIFY(!loadBotocoreFile("/nonexistent/service-2.json").ok());
    }

    void debiansBotocoreLoadsWithoutErrors()
    {
        if (!QDir(DebianBotocore).exists())
            QSKIP("Debian's python3-botocore is absent (the README's test command installs it)");
        ModelRegistry registry;
        registry.addPath(DebianBotocore);
        QVERIFY2(registry.errors().empty(),
                 registry.errors().empty() ? "" : registry.errors()[0].toString().c_str());
        QCOMPARE(registry.services().size(), std::size_t(333));
        QStringList failures;
        for (const ServiceSummary &service : registry.services()) {
            const LoadResult result = registry.open(service);
            if (!result.ok())
                failures << messages(result);
            else if (fromModel(*result.model).size() != service.operations.size())
                failures << QString::fromStdString(service.name) + ": catalog and model disagree";
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join('\n')));
    }

    void bothFormsMatchTheirSourcesAndEachOther_data()
    {
        QTest::addColumn<QString>("smithy");
        QTest::addColumn<QString>("botocore");
        for (const char *name : {"sts", "s3", "dynamodb", "sqs", "iam", "lambda"})
            QTest::newRow(name) << QString::fromLatin1(name) << QString::fromLatin1(name);
    }
    void bothFormsMatchTheirSourcesAndEachOther()
    {
        QFETCH(QString, smithy);
        QFETCH(QString, botocore);
        if (!QDir(DebianBotocore).exists())
            QSKIP("Debian's python3-botocore is absent (the README's test command installs it)");
        QStringList versions = QDir(DebianBotocore + '/' + botocore)
                                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        const QString botocoreFile =
            DebianBotocore + '/' + botocore + '/' + versions.last() + "/service-2.json";
        const QString smithyFile =
            QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/") + smithy + ".json";

        const LoadResult fromSmithy = loadSmithyJsonFile(smithyFile);
        const LoadResult fromBotocore = loadBotocoreFile(botocoreFile);
        QVERIFY(fromSmithy.ok() && fromBotocore.ok());
        const Operations a = fromModel(*fromSmithy.model), b = fromModel(*fromBotocore.model);
        // Each loader gives exactly what its file holds.
        QCOMPARE(a, plainWalk(readAll(smithyFile), false));
        QCOMPARE(b, plainWalk(readAll(botocoreFile), true));
        // And the two agree wherever their files agree: both files are AWS's, but of different
        // dates (Debian's botocore is from 2022, the Smithy models from 2025), so operations and
        // members added in between differ — in the files as much as in the models.
        int shared = 0, agreeing = 0;
        for (const auto &[name, members] : a) {
            if (b.count(name)) {
                ++shared;
                agreeing += b.at(name) == members;
            }
        }
        qInfo("%s: %zu operations in Smithy, %zu in botocore, %d in both, %d of them with the same "
              "input members",
              qPrintable(smithy), a.size(), b.size(), shared, agreeing);
        QVERIFY(shared >= int(std::min(a.size(), b.size())) * 9 / 10);
        QVERIFY(agreeing >= shared * 3 / 4);
    }

    void gzipAndLatestVersion()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("widgets/2023-01-01");
        QDir(dir.path()).mkpath("widgets/2024-01-01");
        QFile old(dir.filePath("widgets/2023-01-01/service-2.json"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(BotocoreService)
                      .replace("\"ListWidgets\": {\"name\"", "\"ListOld\": {\"name\""));
        old.close();
        // The newer version gzip'd, as pip's botocore ships it.
        QFile plain(dir.filePath("widgets/2024-01-01/service-2.json.tmp"));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write(BotocoreService);
        plain.close();
        QProcess gzip;
        gzip.start("gzip", {"-c", plain.fileName()});
        QVERIFY(gzip.waitForFinished());
        QFile gz(dir.filePath("widgets/2024-01-01/service-2.json.gz"));
        QVERIFY(gz.open(QIODevice::WriteOnly));
        gz.write(gzip.readAllStandardOutput());
        gz.close();
        QFile::remove(plain.fileName());

        ModelRegistry registry;
        registry.addPath(dir.path());
        QVERIFY(registry.errors().empty());
        QCOMPARE(registry.services().size(), std::size_t(1));
        const ServiceSummary &service = registry.services()[0];
        QCOMPARE(service.name, std::string("widget-store"));
        QVERIFY(service.source.find("2024-01-01/service-2.json.gz") != std::string::npos);
        QCOMPARE(service.operations, (std::vector<std::string>{"PutWidget", "ListWidgets"}));
        QVERIFY(registry.open(service).ok());
    }
};

QTEST_GUILESS_MAIN(TestBotocoreLoader)
#include "tst_botocoreloader.moc"
