// The catalog scan and the registry: bundled models, folders, look-ups, overrides, bad files.
#include "FakeEnvironment.h"
#include "model/CatalogScanner.h"
#include "model/ModelRegistry.h"
#include "model/OperationDescription.h"
#include "model/OperationIndex.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;
using namespace cumulus::model;

namespace {

void write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

const QByteArray TinyModel = "{\"smithy\": \"2.0\", \"shapes\": {"
                             "\"ex#Svc\": {\"type\": \"service\", \"version\": \"2024-01-01\","
                             " \"operations\": [{\"target\": \"ex#Ping\"}],"
                             " \"traits\": {\"aws.api#service\": {\"sdkId\": \"STS\"},"
                             " \"aws.protocols#restJson1\": {}}},"
                             "\"ex#Ping\": {\"type\": \"operation\"}}}";

} // namespace

class TestModelRegistry : public QObject {
    Q_OBJECT

private slots:
    void bundledCatalog()
    {
        ModelRegistry registry;
        std::vector<std::pair<int, int>> progress;
        registry.setProgress([&](int scanned, int total) { progress.emplace_back(scanned, total); });
        registry.addBundled();
        QCOMPARE(progress.size(), std::size_t(13));
        QCOMPARE(progress.front(), std::make_pair(1, 13));
        QCOMPARE(progress.back(), std::make_pair(13, 13));
        QVERIFY(registry.errors().empty());
        QCOMPARE(registry.services().size(), std::size_t(13));
        std::size_t operations = 0;
        for (const ServiceSummary &s : registry.services())
            operations += s.operations.size();
        QCOMPARE(operations, std::size_t(821));

        const ServiceSummary *secrets = registry.find("secrets-manager");
        QVERIFY(secrets);
        QCOMPARE(secrets->sdkId, std::string("Secrets Manager"));
        QCOMPARE(secrets->signingName, std::string("secretsmanager"));
        QCOMPARE(secrets->protocol, std::string("awsJson1_1"));
        QCOMPARE(registry.find("secretsmanager"), secrets); // signing name
        QCOMPARE(registry.find("SECRETS MANAGER"), secrets); // sdk id, any case
        QCOMPARE(registry.find("monitoring"), registry.find("cloudwatch"));
        QVERIFY(!registry.find("nonexistent"));
    }

    void catalogAgreesWithTheFullLoad()
    {
        ModelRegistry registry;
        registry.addBundled();
        for (const ServiceSummary &summary : registry.services()) {
            const LoadResult loaded = registry.open(summary);
            QVERIFY(loaded.ok());
            const Shape *service = loaded.model->find(summary.shapeId);
            QVERIFY(service);
            std::vector<std::string> names;
            for (const Shape *op : operationsOf(*loaded.model, *service))
                names.emplace_back(op->id.name());
            QCOMPARE(names, summary.operations);
            QCOMPARE(service->rel().version, summary.version);
            // The scan's first sentences of the operations' documentation are the full load's.
            std::vector<ServiceSummary> full = summarize(*loaded.model, summary.source);
            QCOMPARE(full.size(), std::size_t(1));
            QCOMPARE(summary.operationSummaries, full.front().operationSummaries);
        }
        const ServiceSummary *sts = registry.find("sts");
        const auto assumeRole = std::find(sts->operations.begin(), sts->operations.end(), "AssumeRole");
        QCOMPARE(sts->operationSummaries[std::size_t(assumeRole - sts->operations.begin())],
                 "Returns a set of temporary security credentials that you can use to access Amazon Web Services resources.");
    }

    void openIsCached()
    {
        ModelRegistry registry;
        registry.addBundled();
        const ServiceSummary *sts = registry.find("sts");
        QCOMPARE(registry.open(*sts).model.get(), registry.open(*sts).model.get());
    }

    void foldersAndOverrides()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("nested/deeper");
        write(dir.filePath("nested/deeper/mine.json"), TinyModel);
        write(dir.filePath("nested/notes.json"), "{\"not\": \"a model\"}"); // passed over quietly
        ModelRegistry registry;
        registry.addBundled();
        registry.addPath(dir.path());
        QVERIFY(registry.errors().empty());
        QCOMPARE(registry.services().size(), std::size_t(13)); // replaced, not added
        const ServiceSummary *sts = registry.find("sts");
        QCOMPARE(sts->operations, std::vector<std::string>{"Ping"});
        QCOMPARE(sts->protocol, std::string("restJson1"));
    }

    void badSources()
    {
        QTemporaryDir dir;
        write(dir.filePath("broken.json"),
              "{\"smithy\": \"2.0\", \"shapes\": {\"ex#S\": {\"type\": ");
        write(dir.filePath("good.json"), TinyModel);
        ModelRegistry registry;
        registry.addPath(dir.filePath("broken.json")); // named explicitly: reported
        registry.addPath(dir.filePath("empty-folder-that-is-missing"));
        registry.addPath(dir.filePath("good.json"));
        QCOMPARE(registry.errors().size(), std::size_t(2));
        QVERIFY(registry.errors()[0].source.find("broken.json") != std::string::npos);
        QVERIFY(registry.errors()[0].message.find("invalid JSON") != std::string::npos);
        QVERIFY(registry.errors()[1].message.find("no such file") != std::string::npos);
        QCOMPARE(registry.services().size(), std::size_t(1)); // the others still load
    }

    void modelPathFromTheEnvironment()
    {
        test::FakeEnvironment environment;
        QCOMPARE(ModelRegistry::pathsFromEnvironment(environment), QStringList());
        environment.set("CUMULUS_MODEL_PATH",
                        QStringList{"/a", "", "/b c"}.join(QDir::listSeparator()));
        QCOMPARE(ModelRegistry::pathsFromEnvironment(environment), (QStringList{"/a", "/b c"}));
    }

    void describesAnOperation()
    {
        ModelRegistry registry;
        registry.addBundled();
        const ServiceSummary *dynamo = registry.find("dynamodb");
        const LoadResult loaded = registry.open(*dynamo);
        const Shape *getItem = loaded.model->find("com.amazonaws.dynamodb#GetItem");
        const QJsonObject description = describeOperation(*loaded.model, *getItem);
        QCOMPARE(description.value("operation").toString(), QStringLiteral("GetItem"));
        const QJsonArray members = description.value("input").toObject().value("members").toArray();
        QJsonObject tableName, key;
        for (const QJsonValue &m : members) {
            if (m.toObject().value("name") == "TableName")
                tableName = m.toObject();
            if (m.toObject().value("name") == "Key")
                key = m.toObject();
        }
        QVERIFY(tableName.value("required").toBool());
        QCOMPARE(tableName.value("min").toInt(), 1);
        QCOMPARE(tableName.value("max").toInt(), 1024);
        QCOMPARE(key.value("type").toString(), QStringLiteral("map"));
        // AttributeValue is recursive (lists and maps of AttributeValue): cut, not endless.
        const QJsonObject value = key.value("value").toObject();
        QCOMPARE(value.value("type").toString(), QStringLiteral("union"));
        QVERIFY(description.value("errors").toArray().contains(
            QStringLiteral("ResourceNotFoundException")));
        const QJsonObject returnValues = [&] {
            const Shape *putItem = loaded.model->find("com.amazonaws.dynamodb#PutItem");
            for (const QJsonValue &m : describeOperation(*loaded.model, *putItem)
                                           .value("input")
                                           .toObject()
                                           .value("members")
                                           .toArray())
                if (m.toObject().value("name") == "ReturnValues")
                    return m.toObject();
            return QJsonObject();
        }();
        QVERIFY(returnValues.value("enum").toArray().contains(QStringLiteral("ALL_OLD")));
    }

    void documentationAsText()
    {
        QCOMPARE(documentationText("<p>Hello <b>world</b></p><p>a &lt;b&gt; &amp;\n  c</p>"),
                 std::string("Hello world a <b> & c"));
    }
};

QTEST_GUILESS_MAIN(TestModelRegistry)
#include "tst_modelregistry.moc"
