// The Smithy JSON AST loader: the bundled AWS models, every model of the 402-model archive when it
// is there, and every error path.
#include "ModelFixtures.h"
#include "ModelMessages.h"
#include "model/JsonText.h"
#include "model/OperationIndex.h"
#include "model/SmithyJsonLoader.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus::model;
using cumulus::test::messages;

namespace {

const QString Bundled = QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models");
const QString AllModels =
    QStringLiteral(CUMULUS_SOURCE_DIR "/../shared/models/all/api-models-aws-all.tar.xz");

std::size_t operationCount(const LoadResult &result)
{
    std::size_t count = 0;
    for (const Shape *service : result.model->shapesOfType(ShapeType::Service))
        count += operationsOf(*result.model, *service).size();
    return count;
}

LoadResult load(const char *json)
{
    return loadSmithyJson(json, "test.json");
}

} // namespace

class TestSmithyJsonLoader : public QObject {
    Q_OBJECT

private slots:
    void bundledModelsLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("operations");
        QTest::addColumn<QString>("protocol");
        const QList<std::tuple<const char *, int, const char *>> expected = {
            {"cloudwatch", 38, "aws.protocols#awsQuery"},
            {"dynamodb", 57, "aws.protocols#awsJson1_0"},
            {"iam", 164, "aws.protocols#awsQuery"},
            {"kinesis", 32, "aws.protocols#awsJson1_1"},
            {"kms", 53, "aws.protocols#awsJson1_1"},
            {"lambda", 68, "aws.protocols#restJson1"},
            {"route-53", 70, "aws.protocols#restXml"},
            {"s3", 98, "aws.protocols#restXml"},
            {"secrets-manager", 23, "aws.protocols#awsJson1_1"},
            {"sns", 42, "aws.protocols#awsQuery"},
            {"sqs", 23, "aws.protocols#awsJson1_0"},
            {"ssm", 144, "aws.protocols#awsJson1_1"},
            {"sts", 9, "aws.protocols#awsQuery"}};
        for (const auto &[file, ops, protocol] : expected)
            QTest::newRow(file) << QString::fromLatin1(file) << ops
                                << QString::fromLatin1(protocol);
    }
    void bundledModelsLoad()
    {
        QFETCH(QString, file);
        QFETCH(int, operations);
        QFETCH(QString, protocol);
        const LoadResult result = loadSmithyJsonFile(Bundled + '/' + file + ".json");
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        const auto services = result.model->shapesOfType(ShapeType::Service);
        QCOMPARE(services.size(), std::size_t(1));
        QCOMPARE(int(operationsOf(*result.model, *services[0]).size()), operations);
        QVERIFY(services[0]->hasTrait(protocol.toStdString()));
        QVERIFY(!services[0]->rel().version.empty());
    }

    void stsDetails()
    {
        const LoadResult result = loadSmithyJsonFile(Bundled + "/sts.json");
        const Shape *assumeRole = result.model->find("com.amazonaws.sts#AssumeRole");
        QVERIFY(assumeRole);
        QCOMPARE(assumeRole->type, ShapeType::Operation);
        QCOMPARE(assumeRole->rel().input->text(),
                 std::string_view("com.amazonaws.sts#AssumeRoleRequest"));
        QCOMPARE(assumeRole->rel().errors.size(), std::size_t(4));
        const Shape *input = result.model->find(*assumeRole->rel().input);
        QVERIFY(input);
        const Member *roleArn = input->member("RoleArn");
        QVERIFY(roleArn && roleArn->trait("smithy.api#required"));
        const auto doc = decodeJsonString(roleArn->trait("smithy.api#documentation")->json);
        QCOMPARE(doc,
                 std::optional<std::string>(
                     "<p>The Amazon Resource Name (ARN) of the role to assume.</p>"));
        QVERIFY(result.model->metadata().size() >= 2);
    }

    void everyAwsModelLoads()
    {
        if (!QFile::exists(AllModels))
            QSKIP("../shared/models/all/api-models-aws-all.tar.xz is absent: the 402-model check "
                  "needs it");
        QTemporaryDir dir;
        QProcess tar;
        tar.start("tar", {"-xJf", AllModels, "-C", dir.path()});
        QVERIFY(tar.waitForFinished(300000) && tar.exitCode() == 0);
        const QDir all(dir.filePath("all"));
        const QStringList files = all.entryList({"*.json"});
        QCOMPARE(files.size(), 402);
        std::size_t operations = 0;
        QStringList failures;
        for (const QString &file : files) {
            const LoadResult result = loadSmithyJsonFile(all.filePath(file));
            if (!result.ok())
                failures << messages(result);
            operations += operationCount(result);
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 5).join('\n')));
        QCOMPARE(operations, std::size_t(16019));
    }

    void resourcesAndApply()
    {
        const LoadResult result = load(fixture(0));
        // The first apply targets a shape that does not exist.
        QVERIFY2(result.errors.size() == 1, qPrintable(messages(result)));
        QVERIFY(result.errors[0].message.find("ex#Apply") != std::string::npos);
        const Shape *service = result.model->find("ex#Svc");
        QStringList names;
        for (const Shape *op : operationsOf(*result.model, *service))
            names << QString::fromUtf8(op->id.name().data(), qsizetype(op->id.name().size()));
        QCOMPARE(names, (QStringList{"Ping", "GetThing", "Poke", "ListParts"}));
        QVERIFY(result.model->find("ex#GetThingInput")->member("id")->trait("smithy.api#required"));
    }

    void smithy1Sets()
    {
        const LoadResult result = load(fixture(1));
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        QCOMPARE(result.model->find("ex#Tags")->type, ShapeType::Set);
        QCOMPARE(result.model->find("ex#Map")->members.size(), std::size_t(2));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("validShapes");
        QTest::newRow("unresolved member target") << fixture(2) << "/shapes/ex#A/members/b/target"
                                                  << "ex#Missing, which is not defined" << 2;
        QTest::newRow("unresolved operation output") << fixture(3) << "/shapes/ex#Op/output/target"
                                                     << "output of ex#Op targets ex#Out" << 1;
        QTest::newRow("unresolved service operation") << fixture(4) << "/shapes/ex#S/operations/1"
                                                      << "ex#B" << 2;
        QTest::newRow("unknown type") << fixture(5) << "/shapes/ex#A/type"
                                      << "unknown shape type \"strukture\"" << 1;
        QTest::newRow("bad shape id") << fixture(6) << "/shapes/A"
                                      << "not an absolute shape id" << 0;
        QTest::newRow("bad target id") << fixture(7) << "/shapes/ex#L/member/target"
                                       << "\"String\" is not an absolute shape id" << 1;
        QTest::newRow("not smithy") << fixture(8) << ""
                                    << "no \"smithy\" version" << 0;
        QTest::newRow("future version") << fixture(9) << "/smithy"
                                        << "unsupported Smithy version" << 0;
        QTest::newRow("malformed JSON") << fixture(10) << "the document"
                                        << "invalid JSON" << 0;
        QTest::newRow("bad literal inside a shape") << fixture(11) << "/shapes/ex#B"
                                                    << "invalid JSON" << 1;
        QTest::newRow("not an object") << "[1, 2]"
                                       << "the document"
                                       << "invalid JSON" << 0;
    }
    void errors()
    {
        QFETCH(QString, json);
        QFETCH(QString, location);
        QFETCH(QString, message);
        QFETCH(int, validShapes);
        const LoadResult result = loadSmithyJson(json.toStdString(), "broken.json");
        QVERIFY(!result.ok());
        bool found = false;
        for (const ModelError &e : result.errors) {
            QCOMPARE(e.source, std::string("broken.json"));
            found = found
                || (e.location == location.toStdString()
                    && e.message.find(message.toStdString()) != std::string::npos);
        }
        QVERIFY2(found, qPrintable(messages(result)));
        // What was valid is still there.
        QCOMPARE(int(result.model->shapes().size()), validShapes);
    }

    void unreadableFile()
    {
        const LoadResult result = loadSmithyJsonFile("/nonexistent/model.json");
        QCOMPARE(result.errors.size(), std::size_t(1));
        QVERIFY(result.errors[0].message.find("cannot read") != std::string::npos);
        QVERIFY(result.model);
    }
};

QTEST_APPLESS_MAIN(TestSmithyJsonLoader)
#include "tst_smithyjsonloader.moc"
