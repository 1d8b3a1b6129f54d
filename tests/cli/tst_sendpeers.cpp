// `cumulus-cli call` end to end against real AWS-compatible servers somebody else wrote, each
// started on a free loopback port by its test: DynamoDB on dynalite and moto, S3 on s3rver and
// moto, Kinesis on kinesalite, SQS, SNS, STS and IAM on moto with signature checking on.
#include "CallCommand.h"
#include "CliRun.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "PeerServer.h"
#include "SeededRandom.h"
#include "util/SystemClock.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using namespace cumulus;
using test::PeerServer;

namespace {

using Run = test::CliRun;

// Calls through the command, in process, against one server with one set of keys.
class Cli {
public:
    Cli(const std::string &endpoint, const QString &keyId, const QString &secret, const QString &region = "us-east-1")
        : m_endpoint(endpoint)
    {
        m_env.set("AWS_ACCESS_KEY_ID", keyId);
        m_env.set("AWS_SECRET_ACCESS_KEY", secret);
        m_env.set("AWS_REGION", region);
    }
    void setKeys(const QString &keyId, const QString &secret)
    {
        m_env.set("AWS_ACCESS_KEY_ID", keyId);
        m_env.set("AWS_SECRET_ACCESS_KEY", secret);
    }
    Run operator()(const std::string &service, const std::string &operation, const QJsonObject &input = {},
                   std::vector<std::string> extra = {})
    {
        std::vector<std::string> args = {service, operation, "--endpoint-url", m_endpoint, "--input",
                                         QJsonDocument(input).toJson(QJsonDocument::Compact).toStdString()};
        args.insert(args.end(), extra.begin(), extra.end());
        util::SystemClock clock;
        test::MockClock fakeTime;
        test::FakeSleeper sleeper(fakeTime);
        test::SeededRandom random(++m_seed);
        std::istringstream in;
        std::ostringstream out, err;
        Run run;
        run.code = cli::runCallCommand(args, m_env, clock, random, sleeper, in, out, err);
        run.out = out.str();
        run.err = err.str();
        return run;
    }

private:
    std::string m_endpoint;
    test::FakeEnvironment m_env;
    std::uint64_t m_seed = 0;
};

// Evaluates its argument once (a call is not idempotent).
#define CHECK_RUN(expression)                                                                    \
    do {                                                                                         \
        const Run checked_ = (expression);                                                       \
        QVERIFY2(checked_.code == 0, (checked_.err + checked_.out).c_str());                     \
    } while (false)

void dynamoDbScenario(Cli &call)
{
    const QJsonObject table{{"TableName", "Music"},
                            {"AttributeDefinitions", QJsonArray{QJsonObject{{"AttributeName", "Artist"}, {"AttributeType", "S"}},
                                                                QJsonObject{{"AttributeName", "Song"}, {"AttributeType", "S"}}}},
                            {"KeySchema", QJsonArray{QJsonObject{{"AttributeName", "Artist"}, {"KeyType", "HASH"}},
                                                     QJsonObject{{"AttributeName", "Song"}, {"KeyType", "RANGE"}}}},
                            {"BillingMode", "PAY_PER_REQUEST"}};
    Run run = call("dynamodb", "CreateTable", table);
    CHECK_RUN(run);
    QCOMPARE(run.json().value("TableDescription").toObject().value("TableName").toString(), "Music");
    for (int i = 0; i < 5; ++i) {
        run = call("dynamodb", "PutItem",
                   {{"TableName", "Music"},
                    {"Item", QJsonObject{{"Artist", QJsonObject{{"S", "No One"}}},
                                         {"Song", QJsonObject{{"S", QStringLiteral("Song %1 — ünïcødé").arg(i)}}},
                                         {"Year", QJsonObject{{"N", QString::number(2000 + i)}}}}}});
        CHECK_RUN(run);
    }
    run = call("dynamodb", "GetItem",
               {{"TableName", "Music"},
                {"Key", QJsonObject{{"Artist", QJsonObject{{"S", "No One"}}}, {"Song", QJsonObject{{"S", "Song 3 — ünïcødé"}}}}}});
    CHECK_RUN(run);
    QCOMPARE(run.json().value("Item").toObject().value("Year").toObject().value("N").toString(), "2003");
    run = call("dynamodb", "Query",
               {{"TableName", "Music"},
                {"KeyConditionExpression", "Artist = :a"},
                {"ExpressionAttributeValues", QJsonObject{{":a", QJsonObject{{"S", "No One"}}}}}});
    CHECK_RUN(run);
    QCOMPARE(run.json().value("Items").toArray().size(), 5);
    // Two items a page: three pages, merged.
    run = call("dynamodb", "Scan", {{"TableName", "Music"}, {"Limit", 2}}, {"--all-pages"});
    CHECK_RUN(run);
    QCOMPARE(run.json().value("Items").toArray().size(), 5);
    QVERIFY(!run.json().contains("LastEvaluatedKey"));
    run = call("dynamodb", "Scan", {{"TableName", "Music"}, {"Limit", 2}});
    QCOMPARE(run.json().value("Items").toArray().size(), 2);
    QVERIFY(run.json().contains("LastEvaluatedKey"));
    // A service error: code, message, request id, exit 254.
    run = call("dynamodb", "DescribeTable", {{"TableName", "Nope"}});
    QCOMPARE(run.code, 254);
    QVERIFY2(run.err.find("An error occurred (ResourceNotFoundException) when calling the DescribeTable operation") != std::string::npos, run.err.c_str());
    QVERIFY2(run.err.find("Request id: ") != std::string::npos, run.err.c_str());
}

} // namespace

class TestSendPeers : public QObject {
    Q_OBJECT

private slots:
    void dynamoDbOnDynalite()
    {
        PeerServer server(PeerServer::npmBin("dynalite"), {"--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"});
        QVERIFY2(server.started(), qPrintable(server.problem() + "\n(the README's test command installs the npm peers)"));
        Cli call(server.url(), "AKIDEXAMPLE", "dynalite-secret");
        dynamoDbScenario(call);
    }

    void s3OnS3rver()
    {
        QTemporaryDir data;
        PeerServer server(PeerServer::npmBin("s3rver"), {"-d", data.path(), "-a", "127.0.0.1", "-p", "{port}", "--silent"});
        QVERIFY2(server.started(), qPrintable(server.problem()));
        Cli call(server.url(), "S3RVER", "S3RVER");
        Run run = call("s3", "CreateBucket", {{"Bucket", "photos"}});
        CHECK_RUN(run);
        const QStringList keys = {"plain.txt", "dir/with space.txt", "plus+sign", "100%.txt", "tilde~x", "café/日本語.txt",
                                  "a=b&c;d@e!f*g'h(i)j,k$l:m.txt"};
        for (const QString &key : keys) {
            const QByteArray content = ("contents of " + key).toUtf8();
            run = call("s3", "PutObject", {{"Bucket", "photos"}, {"Key", key}, {"Body", QString::fromLatin1(content.toBase64())}});
            CHECK_RUN(run);
            run = call("s3", "GetObject", {{"Bucket", "photos"}, {"Key", key}}, {"--output", "raw"});
            CHECK_RUN(run);
            QCOMPARE(QByteArray::fromStdString(run.out), content);
        }
        run = call("s3", "ListObjectsV2", {{"Bucket", "photos"}});
        CHECK_RUN(run);
        QStringList listed;
        for (const QJsonValue &object : run.json().value("Contents").toArray())
            listed << object.toObject().value("Key").toString();
        QStringList expected = keys;
        expected.sort();
        listed.sort();
        QCOMPARE(listed, expected);
        // 20 MB, every byte value.
        QByteArray big(20 * 1024 * 1024, '\0');
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char((i * 7919) % 251);
        run = call("s3", "PutObject", {{"Bucket", "photos"}, {"Key", "big.bin"}, {"Body", QString::fromLatin1(big.toBase64())}});
        CHECK_RUN(run);
        run = call("s3", "GetObject", {{"Bucket", "photos"}, {"Key", "big.bin"}}, {"--output", "raw"});
        CHECK_RUN(run);
        QVERIFY(QByteArray::fromStdString(run.out) == big);
        for (const QString &key : keys + QStringList{"big.bin"}) {
            run = call("s3", "DeleteObject", {{"Bucket", "photos"}, {"Key", key}});
            CHECK_RUN(run);
        }
        run = call("s3", "ListObjectsV2", {{"Bucket", "photos"}});
        QVERIFY(run.json().value("Contents").toArray().isEmpty());
        run = call("s3", "GetObject", {{"Bucket", "photos"}, {"Key", "gone"}});
        QCOMPARE(run.code, 254);
        QVERIFY2(run.err.find("(NoSuchKey)") != std::string::npos, run.err.c_str());
    }

    void kinesisOnKinesalite()
    {
        PeerServer server("node", {QStringLiteral(CUMULUS_SOURCE_DIR "/tests/peers/kinesalite_server.js"), "{port}"}, {},
                          QStringLiteral(CUMULUS_SOURCE_DIR "/tests/peers"));
        QVERIFY2(server.started(), qPrintable(server.problem()));
        Cli call(server.url(), "AKIDEXAMPLE", "kinesalite-secret");
        Run run = call("kinesis", "CreateStream", {{"StreamName", "events"}, {"ShardCount", 1}});
        CHECK_RUN(run);
        run = call("kinesis", "ListStreams");
        CHECK_RUN(run);
        QCOMPARE(run.json().value("StreamNames").toArray(), QJsonArray{"events"});
        run = call("kinesis", "PutRecord", {{"StreamName", "events"}, {"PartitionKey", "k"}, {"Data", QString::fromLatin1(QByteArray("hello kinesis").toBase64())}});
        CHECK_RUN(run);
        const QString shard = run.json().value("ShardId").toString();
        run = call("kinesis", "GetShardIterator", {{"StreamName", "events"}, {"ShardId", shard}, {"ShardIteratorType", "TRIM_HORIZON"}});
        CHECK_RUN(run);
        run = call("kinesis", "GetRecords", {{"ShardIterator", run.json().value("ShardIterator")}});
        CHECK_RUN(run);
        const QJsonArray records = run.json().value("Records").toArray();
        QCOMPARE(records.size(), 1);
        QCOMPARE(QByteArray::fromBase64(records[0].toObject().value("Data").toString().toLatin1()), QByteArray("hello kinesis"));
    }

    void signedCallsOnMoto()
    {
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        // The first three calls (creating a user, its policy and its key) go unchecked; every call
        // after them must carry a valid signature of a key moto knows.
        PeerServer server(moto, {"-H", "127.0.0.1", "-p", "{port}"}, {"INITIAL_NO_AUTH_ACTION_COUNT=3"});
        QVERIFY2(server.started(), qPrintable(server.problem()));
        Cli call(server.url(), "AKIDEXAMPLE", "bootstrap-secret");
        CHECK_RUN(call("iam", "CreateUser", {{"UserName", "tester"}}));
        CHECK_RUN(call("iam", "PutUserPolicy", {{"UserName", "tester"}, {"PolicyName", "all"},
                                                {"PolicyDocument", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})"}}));
        Run run = call("iam", "CreateAccessKey", {{"UserName", "tester"}});
        QVERIFY2(run.code == 0, qPrintable(QString::fromStdString(run.err) + server.log()));
        // From here on moto checks every signature.
        const QJsonObject key = run.json().value("AccessKey").toObject();
        call.setKeys(key.value("AccessKeyId").toString(), key.value("SecretAccessKey").toString());

        run = call("sts", "GetCallerIdentity");
        CHECK_RUN(run);
        QVERIFY2(run.json().value("Arn").toString().endsWith(":user/tester"), run.out.c_str());

        run = call("sqs", "CreateQueue", {{"QueueName", "jobs"}});
        CHECK_RUN(run);
        const QString queue = run.json().value("QueueUrl").toString();
        CHECK_RUN(call("sqs", "SendMessage", {{"QueueUrl", queue}, {"MessageBody", "hello & welcome <sqs> ünï"}}));
        run = call("sqs", "ReceiveMessage", {{"QueueUrl", queue}});
        CHECK_RUN(run);
        QCOMPARE(run.json().value("Messages").toArray().first().toObject().value("Body").toString(), "hello & welcome <sqs> ünï");

        run = call("sns", "CreateTopic", {{"Name", "alerts"}});
        CHECK_RUN(run);
        run = call("sns", "Publish", {{"TopicArn", run.json().value("TopicArn")}, {"Message", "ping"}});
        CHECK_RUN(run);
        QVERIFY(!run.json().value("MessageId").toString().isEmpty());

        CHECK_RUN(call("s3", "CreateBucket", {{"Bucket", "moto-bucket"}}));
        CHECK_RUN(call("s3", "PutObject", {{"Bucket", "moto-bucket"}, {"Key", "a b~c.txt"}, {"Body", QString::fromLatin1(QByteArray("moto").toBase64())}}));
        run = call("s3", "GetObject", {{"Bucket", "moto-bucket"}, {"Key", "a b~c.txt"}}, {"--output", "raw"});
        CHECK_RUN(run);
        QCOMPARE(run.out, std::string("moto"));

        dynamoDbScenario(call);

        // A wrong secret: moto (botocore's verifier) refuses it; Cumulus says so, exit 254, secret unprinted.
        call.setKeys(key.value("AccessKeyId").toString(), "wrong-secret-value");
        run = call("sts", "GetCallerIdentity");
        QCOMPARE(run.code, 254);
        QVERIFY2(run.err.find("An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation") != std::string::npos, run.err.c_str());
        QVERIFY(run.err.find("wrong-secret-value") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSendPeers)
#include "tst_sendpeers.moc"
