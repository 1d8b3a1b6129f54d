// The Smithy IDL parser and loader: the seed's example (broken and corrected), every feature
// of the IDL in one model, every protocol compliance test file, and syntax errors.
#include "IdlFixtures.h"
#include "ModelMessages.h"
#include "model/JsonText.h"
#include "model/OperationIndex.h"
#include "model/SmithyIdlLoader.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace cumulus::model;
using cumulus::test::messages;

namespace {

const QString ProtocolTests = QStringLiteral(CUMULUS_TEST_DATA_DIR "/protocol-tests");

QStringList operationNames(const LoadResult &result, const char *service)
{
    QStringList names;
    if (const Shape *s = result.model->find(service)) {
        for (const Shape *op : operationsOf(*result.model, *s))
            names << QString::fromUtf8(op->id.name().data(), qsizetype(op->id.name().size()));
    }
    return names;
}

std::string traitJson(const Shape *shape, const char *member, const char *trait)
{
    const Member *m = shape ? shape->member(member) : nullptr;
    const Trait *t = m ? m->trait(trait) : nullptr;
    return t ? t->json : std::string("(none)");
}

} // namespace

class TestSmithyIdl : public QObject {
    Q_OBJECT

private slots:
    void seedExampleReportsEachUnresolvedTarget()
    {
        const LoadResult result = loadSmithyIdl({{"simple.smithy", SeedExample}});
        QCOMPARE(result.errors.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(result.errors[0].toString()),
                 QStringLiteral("simple.smithy: line 2, column 69: PutObject is not defined (an "
                                "operation of SimpleS3)"));
        QCOMPARE(QString::fromStdString(result.errors[1].toString()),
                 QStringLiteral("simple.smithy: line 3, column 33: ListBucketsOutput is not "
                                "defined (the output of ListBuckets)"));
        QCOMPARE(QString::fromStdString(result.errors[2].toString()),
                 QStringLiteral("simple.smithy: line 5, column 27: Bucket is not defined (the "
                                "target of BucketList$member)"));
        // What is valid is still there.
        QCOMPARE(operationNames(result, "com.amazonaws.s3#SimpleS3"), QStringList{"ListBuckets"});
        QVERIFY(result.model->find("com.amazonaws.s3#ListBucketOutput"));
    }

    void correctedSeedExampleLoads()
    {
        const LoadResult result = loadSmithyIdl({{"simple.smithy", SeedExampleCorrected}});
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        QCOMPARE(operationNames(result, "com.amazonaws.s3#SimpleS3"), QStringList{"ListBuckets"});
        const Shape *list = result.model->find("com.amazonaws.s3#BucketList");
        QCOMPARE(list->members[0].target.text(), std::string_view("com.amazonaws.s3#Bucket"));
        QCOMPARE(result.model->find("com.amazonaws.s3#Bucket")->members[0].target.text(),
                 std::string_view("smithy.api#String"));
    }

    void everyFeature()
    {
        const LoadResult result = loadSmithyIdl(
            {{"features.smithy", EveryFeature}, {"shared.smithy", EveryFeatureShared}});
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        const Model &model = *result.model;
        QVERIFY(parseJsonValue(model.metadata()).toObject().contains("quoted key"));

        const Shape *service = model.find("example.features#FeatureService");
        QCOMPARE(decodeJsonString(service->trait("smithy.api#documentation")->json),
                 std::optional<std::string>("The service.\nTwo lines of docs."));
        QCOMPARE(parseJsonValue(service->trait("aws.api#service")->json)
                     .toObject()
                     .value("sdkId")
                     .toString(),
                 QStringLiteral("Feature Store"));
        QVERIFY(service->hasTrait("smithy.api#title"));
        QCOMPARE(service->rel().errors.size(), std::size_t(1));
        QCOMPARE(operationNames(result, "example.features#FeatureService"),
                 (QStringList{"GetThing", "PutThing", "GetThingById", "ListThings"}));

        // Inline input with the custom suffix, "for" resource and an elided target.
        const Shape *getById = model.find("example.features#GetThingById");
        QCOMPARE(getById->rel().input->text(),
                 std::string_view("example.features#GetThingByIdRequest"));
        QCOMPARE(getById->rel().output->text(),
                 std::string_view("example.features#GetThingByIdOutput"));
        const Shape *byIdInput = model.find(*getById->rel().input);
        QVERIFY(byIdInput->hasTrait("smithy.api#input"));
        QCOMPARE(byIdInput->member("thingId")->target.text(),
                 std::string_view("example.features#ThingId"));
        QVERIFY(byIdInput->member("thingId")->trait("smithy.api#httpLabel"));
        QCOMPARE(model.find(*getById->rel().output)->member("thing")->target.text(),
                 std::string_view("example.shared#SharedThing"));
        QCOMPARE(parseJsonValue(getById->trait("smithy.api#http")->json)
                     .toObject()
                     .value("code")
                     .toInt(),
                 200);

        // Mixins: members first, the mixin's traits and defaults, local additions.
        const Shape *input = model.find("example.features#GetThingInput");
        QCOMPARE(input->members.size(), std::size_t(3));
        QCOMPARE(input->members[0].name, std::string("maxResults"));
        QCOMPARE(input->members[0].target.text(), std::string_view("smithy.api#Integer"));
        QVERIFY(input->members[0].trait("smithy.api#required"));
        QCOMPARE(traitJson(input, "maxResults", "smithy.api#default"), std::string("10"));
        QCOMPARE(traitJson(input, "maxResults", "smithy.api#range"),
                 std::string(R"({"min":1,"max":100})"));
        QCOMPARE(decodeJsonString(traitJson(input, "maxResults", "smithy.api#documentation")),
                 std::optional<std::string>("How many."));
        QVERIFY(input->members[2].trait(
            "example.shared#tag")); // a trait from another namespace, by use
        QCOMPARE(traitJson(input, "filter", "smithy.api#default"), std::string("\"all\""));
        QVERIFY(!input->hasTrait("smithy.api#mixin"));
        const Shape *listInput =
            model.find(*model.find("example.features#ListThings")->rel().input);
        QCOMPARE(listInput->members.size(), std::size_t(2));

        // Node values, text blocks, enums, apply.
        const Shape *put = model.find(*model.find("example.features#PutThing")->rel().input);
        QCOMPARE(decodeJsonString(traitJson(put, "body", "smithy.api#documentation")),
                 std::optional<std::string>(
                     "The body.\n  Indented \"line\".\n")); // closing """ on its own line: a final
                                                            // line break
        QCOMPARE(traitJson(put, "color", "smithy.api#jsonName"), std::string("\"c\""));
        QCOMPARE(traitJson(put, "count", "smithy.api#default"), std::string("-12"));
        QCOMPARE(traitJson(put, "ratio", "smithy.api#default"), std::string("1.5e3"));
        QCOMPARE(put->member("doc")->target.text(), std::string_view("smithy.api#Document"));
        const Shape *color = model.find("example.features#Color");
        QCOMPARE(color->type, ShapeType::Enum);
        QCOMPARE(color->members[0].trait("smithy.api#enumValue")->json, std::string("\"RED\""));
        QCOMPARE(color->members[1].trait("smithy.api#enumValue")->json,
                 std::string("\"dark-blue\""));
        const Shape *level = model.find("example.features#Level");
        QCOMPARE(level->type, ShapeType::IntEnum);
        QCOMPARE(level->members[1].trait("smithy.api#enumValue")->json, std::string("10"));
        QCOMPARE(model.find("example.features#Oops")->trait("smithy.api#httpError")->json,
                 std::string("404"));
        const Shape *mixin = model.find("example.features#PageMixin");
        QVERIFY(mixin->member("nextToken")->trait("smithy.api#sensitive"));

        const Shape *thing = model.find("example.features#Thing");
        QCOMPARE(thing->rel().identifiers.size(), std::size_t(1));
        QCOMPARE(thing->rel().lifecycle.size(), std::size_t(2));
    }

    void everyProtocolTestFileLoads()
    {
        QStringList files;
        QDirIterator it(ProtocolTests, {"*.smithy"}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        QCOMPARE(files.size(), 170);
        const LoadResult result = loadSmithyIdlFiles(files);
        QVERIFY2(result.ok(), qPrintable(messages(result).left(2000)));
        QCOMPARE(result.model->shapesOfType(ShapeType::Service).size(), std::size_t(17));
        // Each file parses on its own, too (unresolved names aside: they use each other).
        for (const QString &file : files) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            for (const ModelError &e :
                 loadSmithyIdl({{file.toStdString(), f.readAll().toStdString()}}).errors)
                QVERIFY2(e.message.find("is not defined") != std::string::npos,
                         e.toString().c_str());
        }
        const Shape *op = result.model->find("aws.protocoltests.restjson#HttpRequestWithLabels");
        QVERIFY(op);
        const QJsonArray tests =
            parseJsonValue(op->trait("smithy.test#httpRequestTests")->json).toArray();
        QVERIFY(!tests.isEmpty());
        QCOMPARE(tests[0].toObject().value("method").toString(), QStringLiteral("GET"));
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::newRow("unterminated string") << "namespace a\n@documentation(\"oops)\nstring S\n"
                                             << "line 4, column 1"
                                             << "unterminated string";
        QTest::newRow("unknown shape type") << "namespace a\n\nstrukture S {}\n"
                                            << "line 3, column 1"
                                            << "unknown shape type 'strukture'";
        QTest::newRow("missing colon") << "namespace a\nstructure S {\n  name String\n}\n"
                                       << "line 3, column 8"
                                       << "expected ':' and a target";
        QTest::newRow("no namespace") << "string S\n"
                                      << "line 1, column 1"
                                      << "needs a namespace";
        QTest::newRow("bad version") << "$version: \"3\"\n"
                                     << "line 1, column 14"
                                     << "unsupported IDL version";
        // Found by fuzz_smithy_idl: 100,000 nested arrays overflowed the stack.
        QTest::newRow("nested too deep") << "namespace a\n@tags(" + QString(100000, '[') + "\nstring S\n"
                                         << "line 2, column 263"
                                         << "values nested deeper than 256 levels";
        QTest::newRow("unterminated body") << "namespace a\nstructure S {\n  a: String\n"
                                           << "line 4, column 1"
                                           << "unterminated shape body";
    }
    void syntaxErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, location);
        QFETCH(QString, message);
        const LoadResult result = loadSmithyIdl({{"bad.smithy", text.toStdString()}});
        QCOMPARE(result.errors.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(result.errors[0].location), location);
        QVERIFY2(result.errors[0].message.find(message.toStdString()) != std::string::npos,
                 result.errors[0].message.c_str());
        QCOMPARE(result.errors[0].source, std::string("bad.smithy"));
    }

    void applyTakesOneTraitUnlessBraced()
    {
        // "apply A @x" takes exactly one trait: the "@http" after it belongs to the next shape.
        const LoadResult result = loadSmithyIdl({{"a.smithy", "namespace a\nstring A\napply A @sensitive\n@pattern(\"^b$\")\nstring B\n"}});
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        QVERIFY(result.model->find("a#A")->hasTrait("smithy.api#sensitive"));
        QVERIFY(!result.model->find("a#A")->hasTrait("smithy.api#pattern"));
        QVERIFY(result.model->find("a#B")->hasTrait("smithy.api#pattern"));
    }

    void duplicatesAndBadApply()
    {
        const LoadResult result =
            loadSmithyIdl({{"a.smithy", "namespace a\nstring S\nstring S\napply T @required\n"}});
        QCOMPARE(result.errors.size(), std::size_t(2));
        QVERIFY(result.errors[0].message.find("more than once") != std::string::npos);
        QVERIFY(result.errors[1].message.find("T is not defined") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestSmithyIdl)
#include "tst_smithyidl.moc"
