// `cumulus-cli models`: list, ops, show, search, with bundled models, --models and
// CUMULUS_MODEL_PATH, and the seed's broken model.
#include "FakeEnvironment.h"
#include "ModelsCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using namespace cumulus;

namespace {

struct Run {
    int code;
    std::string out;
    std::string err;
};

Run models(std::vector<std::string> args, const test::FakeEnvironment &environment = {})
{
    std::ostringstream out, err;
    const int code = cli::runModelsCommand(args, environment, out, err);
    return {code, out.str(), err.str()};
}

} // namespace

class TestModelsCommand : public QObject {
    Q_OBJECT

private slots:
    void listsTheBundledModels()
    {
        const Run run = models({"list"});
        QCOMPARE(run.code, 0);
        QVERIFY(run.err.empty());
        QVERIFY(run.out.find("secrets-manager") != std::string::npos);
        QVERIFY(run.out.find("13 services, 821 operations") != std::string::npos);

        const Run json = models({"list", "--json"});
        const QJsonArray services =
            QJsonDocument::fromJson(QByteArray::fromStdString(json.out)).array();
        QCOMPARE(services.size(), 13);
        const QJsonObject first = services.at(0).toObject();
        QCOMPARE(first.value("name").toString(), QStringLiteral("cloudwatch"));
        QCOMPARE(first.value("signingName").toString(), QStringLiteral("monitoring"));
        QCOMPARE(first.value("operations").toInt(), 38);
    }

    void opsShowAndSearch()
    {
        const Run ops = models({"ops", "sts"});
        QCOMPARE(ops.code, 0);
        QVERIFY(ops.out.find("AssumeRole\n") != std::string::npos);
        QCOMPARE(std::count(ops.out.begin(), ops.out.end(), '\n'), 9L);

        const Run show = models({"show", "dynamodb", "GetItem"});
        QCOMPARE(show.code, 0);
        QVERIFY(show.out.find("TableName") != std::string::npos);
        QVERIFY(show.out.find("required") != std::string::npos);
        QVERIFY(show.out.find("ResourceNotFoundException") != std::string::npos);

        const Run json = models({"show", "secretsmanager", "getsecretvalue", "--json"});
        QCOMPARE(json.code, 0);
        const QJsonObject description =
            QJsonDocument::fromJson(QByteArray::fromStdString(json.out)).object();
        QCOMPARE(description.value("operation").toString(), QStringLiteral("GetSecretValue"));
        QCOMPARE(description.value("service").toString(), QStringLiteral("secrets-manager"));

        const Run search = models({"search", "getitem"});
        QCOMPARE(search.code, 0);
        QVERIFY(search.out.rfind("dynamodb", 0) == 0); // the exact match comes first
        QVERIFY(search.out.find("BatchGetItem") != std::string::npos);
    }

    void unknownNamesAndArguments()
    {
        QCOMPARE(models({"ops", "nope"}).code, 252);
        QCOMPARE(models({"show", "sts", "Nope"}).code, 252);
        QCOMPARE(models({"show", "sts"}).code, 252);
        QCOMPARE(models({"frobnicate"}).code, 252);
        QCOMPARE(models({}).code, 252);
        QCOMPARE(models({"list", "extra"}).code, 252);
    }

    void modelPathsReplaceTheBundledOnes()
    {
        QTemporaryDir dir;
        QFile::copy(CUMULUS_SOURCE_DIR "/resources/models/sts.json", dir.filePath("sts.json"));
        const Run viaOption = models({"list", "--models", dir.path().toStdString()});
        QCOMPARE(viaOption.code, 0);
        QVERIFY(viaOption.out.find("1 services, 9 operations") != std::string::npos);

        test::FakeEnvironment environment;
        environment.set("CUMULUS_MODEL_PATH", dir.path());
        QVERIFY(models({"list"}, environment).out.find("1 services, 9 operations")
                != std::string::npos);
    }

    void brokenModelsAreReportedAndTheRestListed()
    {
        QTemporaryDir dir;
        QFile broken(dir.filePath("broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"smithy\": \"2.0\", \"shapes\": [");
        broken.close();
        QFile::copy(CUMULUS_SOURCE_DIR "/resources/models/sqs.json", dir.filePath("sqs.json"));
        const Run run = models({"list", "--models", dir.filePath("broken.json").toStdString(),
                                "--models", dir.filePath("sqs.json").toStdString()});
        QCOMPARE(run.code, 255);
        QVERIFY(run.err.find("broken.json") != std::string::npos);
        QVERIFY(run.out.find("sqs") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestModelsCommand)
#include "tst_modelscommand.moc"
