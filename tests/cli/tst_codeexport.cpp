// `cumulus-cli call … --export aws-cli|boto3|curl`: the names are botocore's own (every service
// and operation of the botocore on the machine), and each exported command, run for real, does
// what Cumulus's call does: the AWS CLI and boto3 against dynalite and s3rver, curl against moto
// with its signature checking.
#include "Botocore.h"
#include "CallCommand.h"
#include "CliRun.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "PeerServer.h"
#include "SeededRandom.h"
#include "model/BotocoreNames.h"
#include "util/SystemClock.h"

#include <QJsonArray>
#include <QMultiHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using namespace cumulus;
using test::CliRun;
using test::PeerServer;

namespace {

struct Cumulus {
    QTemporaryDir home;
    test::FakeEnvironment environment{home.path()};
    util::SystemClock clock; // s3rver and moto refuse a request signed at another time
    test::MockClock fakeTime;
    test::FakeSleeper sleeper{fakeTime};
    test::SeededRandom random{3};

    Cumulus(const std::string &key, const std::string &secret)
    {
        environment.set("AWS_ACCESS_KEY_ID", QString::fromStdString(key));
        environment.set("AWS_SECRET_ACCESS_KEY", QString::fromStdString(secret));
        environment.set("AWS_REGION", "us-east-1");
        environment.set("AWS_CONFIG_FILE", home.filePath("config"));
        environment.set("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials"));
    }

    CliRun call(std::vector<std::string> arguments)
    {
        std::istringstream in;
        std::ostringstream out, err;
        const int code = cli::runCallCommand(arguments, environment, clock, random, sleeper, in, out, err);
        return {code, out.str(), err.str()};
    }

    // Runs an exported command in a shell with the same keys in its environment.
    CliRun shell(const std::string &command)
    {
        QProcess process;
        QProcessEnvironment env;
        env.insert("HOME", home.path());
        env.insert("PATH", qEnvironmentVariable("PATH"));
        for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"})
            env.insert(name, *environment.value(QString::fromLatin1(name)));
        env.insert("AWS_DEFAULT_REGION", "us-east-1");
        env.insert("AWS_EC2_METADATA_DISABLED", "true");
        process.setProcessEnvironment(env);
        process.start("bash", {"-c", QString::fromStdString(command)});
        process.waitForFinished(120000);
        return {process.exitCode(), process.readAllStandardOutput().toStdString(), process.readAllStandardError().toStdString()};
    }
};

} // namespace

class TestCodeExport : public QObject {
    Q_OBJECT

private slots:
    void namesAreBotocores()
    {
        const QString python = test::findPythonWithBotocore();
        if (python.isEmpty())
            QSKIP("botocore is not installed");
        QProcess names;
        names.start(python, {QStringLiteral(CUMULUS_SOURCE_DIR "/tests/peers/botocore_names.py")});
        QVERIFY(names.waitForFinished(300000));
        const QJsonArray services = QJsonDocument::fromJson(names.readAllStandardOutput()).array();
        QVERIFY2(services.size() > 300, qPrintable(names.readAllStandardError()));
        QMultiHash<QString, QString> namesOf; // a few sdk ids have two names (an old one kept as an alias)
        for (const QJsonValue &service : services)
            namesOf.insert(service.toArray()[0].toString(), service.toArray()[1].toString());
        int operations = 0;
        for (const QJsonValue &service : services) {
            const QJsonArray s = service.toArray();
            const QString ours = QString::fromStdString(model::botocoreServiceName(s[0].toString().toStdString()));
            QVERIFY2(namesOf.values(s[0].toString()).contains(ours), qPrintable(s[0].toString() + ": " + ours));
            for (const QJsonValue &op : s[2].toArray()) {
                QCOMPARE(QString::fromStdString(model::xformName(op[0].toString().toStdString())), op[1].toString());
                ++operations;
            }
        }
        qInfo("%d services, %d operations: every name as botocore has it", int(services.size()), operations);
        QCOMPARE(model::awsCliServiceName("S3"), std::string("s3api"));
    }

    void awsCliAndBoto3DoWhatTheCallDoes()
    {
        if (QStandardPaths::findExecutable("aws").isEmpty())
            QSKIP("the AWS CLI is not installed (the README's test command installs it)");
        PeerServer dynalite(PeerServer::npmBin("dynalite"), {"--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"});
        QVERIFY2(dynalite.started(), qPrintable(dynalite.problem()));
        Cumulus c("AKIDEXAMPLE", "dynalite-secret");
        const std::string endpoint = dynalite.url();
        CliRun run = c.call({"dynamodb", "CreateTable", "--endpoint-url", endpoint, "--input", R"({"TableName": "Music",
            "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}]})"});
        QVERIFY2(run.code == 0, run.err.c_str());
        // PutItem, exported and run by the AWS CLI (a quote in a value survives the shell); GetItem
        // by Cumulus finds the item.
        run = c.call({"dynamodb", "PutItem", "--endpoint-url", endpoint, "--export", "aws-cli", "--input",
                      "{\"TableName\": \"Music\", \"Item\": {\"Artist\": {\"S\": \"It's Me\"}, \"Year\": {\"N\": \"1999\"}, \"Tags\": {\"SS\": [\"a b\", \"c\"]}}}"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.out.rfind("aws dynamodb put-item --cli-input-json ", 0) == 0, run.out.c_str());
        CliRun aws = c.shell(run.out);
        QVERIFY2(aws.code == 0, (run.out + aws.err).c_str());
        run = c.call({"dynamodb", "GetItem", "--endpoint-url", endpoint, "--input", "{\"TableName\": \"Music\", \"Key\": {\"Artist\": {\"S\": \"It's Me\"}}}"});
        QVERIFY2(run.code == 0, run.err.c_str());
        const QJsonObject item = run.json().value("Item").toObject();
        QCOMPARE(item.value("Year").toObject().value("N").toString(), QString("1999"));
        QCOMPARE(item.value("Tags").toObject().value("SS").toArray().size(), 2);
        // GetItem exported for boto3 answers with the same item.
        run = c.call({"dynamodb", "GetItem", "--endpoint-url", endpoint, "--export", "boto3", "--region", "us-east-1", "--input",
                      "{\"TableName\": \"Music\", \"Key\": {\"Artist\": {\"S\": \"It's Me\"}}, \"ConsistentRead\": true}"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.out.find("client.get_item(**{") != std::string::npos && run.out.find("True") != std::string::npos, run.out.c_str());
        const QString python = test::findPythonWithBotocore();
        QProcess boto3;
        boto3.start(python, {"-c", "import boto3"});
        const bool hasBoto3 = boto3.waitForFinished(60000) && boto3.exitCode() == 0;
        if (hasBoto3) {
            CliRun py = c.shell(python.toStdString() + " - <<'PY'\n" + run.out + "PY\n");
            QVERIFY2(py.code == 0, (run.out + py.err).c_str());
            QVERIFY2(py.out.find("'Year': {'N': '1999'}") != std::string::npos, py.out.c_str());
        } else {
            qInfo("boto3 is not installed: the snippet is not run");
        }

        // S3 ListObjectsV2 on s3rver: the AWS CLI lists what Cumulus does.
        QTemporaryDir data;
        PeerServer s3rver(PeerServer::npmBin("s3rver"), {"-d", data.path(), "-a", "127.0.0.1", "-p", "{port}", "--silent"});
        QVERIFY2(s3rver.started(), qPrintable(s3rver.problem()));
        Cumulus s3("S3RVER", "S3RVER");
        const std::string url = s3rver.url();
        QCOMPARE(s3.call({"s3", "CreateBucket", "--endpoint-url", url, "--input", R"({"Bucket": "records"})"}).code, 0);
        for (const char *key : {"liner notes.txt", "a+b", "日本語"})
            QCOMPARE(s3.call({"s3", "PutObject", "--endpoint-url", url, "--input",
                              QJsonDocument(QJsonObject{{"Bucket", "records"}, {"Key", key}, {"Body", "aGk="}}).toJson().toStdString()}).code, 0);
        run = s3.call({"s3", "ListObjectsV2", "--endpoint-url", url, "--input", R"({"Bucket": "records", "Prefix": ""})"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QStringList ours;
        for (const QJsonValue &o : run.json().value("Contents").toArray())
            ours << o.toObject().value("Key").toString();
        run = s3.call({"s3", "ListObjectsV2", "--endpoint-url", url, "--export", "aws-cli", "--input", R"({"Bucket": "records", "Prefix": ""})"});
        QVERIFY2(run.out.rfind("aws s3api list-objects-v2 ", 0) == 0, run.out.c_str());
        aws = s3.shell(run.out.substr(0, run.out.size() - 1) + " --output json");
        QVERIFY2(aws.code == 0, (run.out + aws.err).c_str());
        QStringList theirs;
        for (const QJsonValue &o : QJsonDocument::fromJson(QByteArray::fromStdString(aws.out)).object().value("Contents").toArray())
            theirs << o.toObject().value("Key").toString();
        QCOMPARE(theirs, ours);
        QCOMPARE(ours.size(), 3);

        // PutObject exported for boto3: the body as bytes (boto3 would send base64 text as the
        // blob itself); the object holds what Cumulus's own call would have put.
        run = s3.call({"s3", "PutObject", "--endpoint-url", url, "--export", "boto3", "--region", "us-east-1", "--input",
                       R"({"Bucket": "records", "Key": "from-boto3", "Body": "aGVsbG8="})"});
        QVERIFY2(run.code == 0 && run.out.find("import base64\n") == 0
                     && run.out.find("\"Body\": base64.b64decode(\"aGVsbG8=\")") != std::string::npos,
                 run.out.c_str());
        if (hasBoto3) {
            CliRun py = s3.shell(python.toStdString() + " - <<'PY'\n" + run.out + "PY\n");
            QVERIFY2(py.code == 0, (run.out + py.err).c_str());
            run = s3.call({"s3", "GetObject", "--endpoint-url", url, "--output", "raw", "--input", R"({"Bucket": "records", "Key": "from-boto3"})"});
            QCOMPARE(run.out, std::string("hello"));
        }
    }

    void curlSignsWithTheEnvironmentsKeys()
    {
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        PeerServer server(moto, {"-H", "127.0.0.1", "-p", "{port}"}, {"INITIAL_NO_AUTH_ACTION_COUNT=2"});
        QVERIFY2(server.started(), qPrintable(server.problem()));
        Cumulus c("AKIDEXAMPLE", "bootstrap");
        QCOMPARE(c.call({"iam", "CreateUser", "--endpoint-url", server.url(), "--input", R"({"UserName": "curl"})"}).code, 0);
        const CliRun key = c.call({"iam", "CreateAccessKey", "--endpoint-url", server.url(), "--input", R"({"UserName": "curl"})"});
        QCOMPARE(key.code, 0);
        const QJsonObject access = key.json().value("AccessKey").toObject();
        c.environment.set("AWS_ACCESS_KEY_ID", access.value("AccessKeyId").toString());
        c.environment.set("AWS_SECRET_ACCESS_KEY", access.value("SecretAccessKey").toString());
        const CliRun exported = c.call({"sts", "GetCallerIdentity", "--endpoint-url", server.url(), "--export", "curl"});
        QVERIFY2(exported.code == 0, exported.err.c_str());
        QVERIFY(exported.out.find(access.value("SecretAccessKey").toString().toStdString()) == std::string::npos);
        CliRun curl = c.shell(exported.out);
        QVERIFY2(curl.out.find("<Arn>arn:aws:iam::123456789012:user/curl</Arn>") != std::string::npos,
                 (exported.out + curl.out + curl.err).c_str());
        // A wrong key is refused: the signature is curl's, checked by moto.
        c.environment.set("AWS_SECRET_ACCESS_KEY", "wrong");
        curl = c.shell(exported.out);
        QVERIFY2(curl.out.find("SignatureDoesNotMatch") != std::string::npos, curl.out.c_str());
    }

    void badArguments()
    {
        Cumulus c("AKIDEXAMPLE", "x");
        CliRun run = c.call({"sts", "GetCallerIdentity", "--export", "powershell"});
        QCOMPARE(run.code, 252);
        QVERIFY2(run.err.find("--export is aws-cli, boto3 or curl, not 'powershell'") != std::string::npos, run.err.c_str());
        run = c.call({"kinesis", "PutRecord", "--export", "curl", "--input",
                      R"({"StreamName": "s", "PartitionKey": "k", "Data": "AAEC"})"});
        QCOMPARE(run.code, 0); // JSON protocols carry blobs as base64 text
        run = c.call({"s3", "PutObject", "--export", "curl", "--input", R"({"Bucket": "b", "Key": "k", "Body": "AP8A"})"});
        QCOMPARE(run.code, 252);
        QVERIFY2(run.err.find("the body is binary") != std::string::npos, run.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCodeExport)
#include "tst_codeexport.moc"
