// `cumulus-cli run`: a collection of ten requests with an environment, against dynalite and s3rver
// started by the test; a failing request fails the run and the others still run.
#include "CallCommand.h"
#include "CliRun.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "HistoryCommand.h"
#include "ImportCommand.h"
#include "RequestCommand.h"
#include "MockClock.h"
#include "PeerServer.h"
#include "RunCommand.h"
#include "ScriptedHttpServer.h"
#include "SeededRandom.h"
#include "TestFiles.h"
#include "collections/Collection.h"
#include "util/SystemClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using namespace cumulus;
using test::CliRun;
using test::PeerServer;
using test::put;

namespace {

QByteArray request(const char *service, const char *operation, const char *endpoint, const char *input)
{
    return QByteArray("service = \"") + service + "\"\noperation = \"" + operation + "\"\nendpoint = \"" + endpoint
        + "\"\ninput = '''\n" + input + "\n'''\n";
}

struct Fixture {
    QTemporaryDir home;
    QTemporaryDir collection;
    test::FakeEnvironment environment{home.path()};
    util::SystemClock clock; // s3rver refuses a request signed at another time
    test::MockClock fakeTime;
    test::FakeSleeper sleeper{fakeTime};
    test::SeededRandom random{5};

    Fixture()
    {
        environment.set("AWS_CONFIG_FILE", home.filePath("config"));
        environment.set("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials"));
        // s3rver wants its own keys; dynalite takes any.
        put(home.filePath("credentials"), "[local]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n");
        put(home.filePath("config"), "[profile local]\nregion = us-east-1\n");
    }

    CliRun run(std::vector<std::string> arguments)
    {
        arguments.insert(arguments.begin(), collection.path().toStdString());
        std::istringstream in;
        std::ostringstream out, err;
        const int code = cli::runRunCommand(arguments, environment, clock, random, sleeper, in, out, err);
        return {code, out.str(), err.str()};
    }
};

} // namespace

class TestRunCommand : public QObject {
    Q_OBJECT

private slots:
    void tenRequestsAgainstLocalServers()
    {
        PeerServer dynalite(PeerServer::npmBin("dynalite"), {"--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"});
        QVERIFY2(dynalite.started(), qPrintable(dynalite.problem() + "\n(the README's test command installs the npm peers)"));
        QTemporaryDir data;
        PeerServer s3rver(PeerServer::npmBin("s3rver"), {"-d", data.path(), "-a", "127.0.0.1", "-p", "{port}", "--silent"});
        QVERIFY2(s3rver.started(), qPrintable(s3rver.problem()));

        Fixture f;
        const QDir c(f.collection.path());
        put(c.filePath("collection.toml"), "name = \"Music\"\nprofile = \"{{profile}}\"\n\n[variables]\ntable = \"Music\"\nprofile = \"local\"\n");
        put(c.filePath("environments/local.toml"),
            "[variables]\ndynamo = \"" + QByteArray::fromStdString(dynalite.url()) + "\"\ns3 = \"" + QByteArray::fromStdString(s3rver.url())
                + "\"\nbucket = \"records\"\n");
        put(c.filePath("environments/prod.toml"), "[variables]\ndynamo = \"https://dynamodb.us-east-1.amazonaws.com\"\n");
        put(c.filePath("dynamodb/01-create-table.toml"), request("dynamodb", "CreateTable", "{{dynamo}}", R"({"TableName": "{{table}}",
  "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "Artist", "AttributeType": "S"}],
  "KeySchema": [{"AttributeName": "Artist", "KeyType": "HASH"}]})"));
        put(c.filePath("dynamodb/02-put-first.toml"), request("dynamodb", "PutItem", "{{dynamo}}",
            R"({"TableName": "{{table}}", "Item": {"Artist": {"S": "No One"}, "Year": {"N": "1999"}}})"));
        put(c.filePath("dynamodb/03-put-second.toml"), request("dynamodb", "PutItem", "{{dynamo}}",
            R"({"TableName": "{{table}}", "Item": {"Artist": {"S": "Someone Else"}}})"));
        put(c.filePath("dynamodb/04-get.toml"), request("dynamodb", "GetItem", "{{dynamo}}",
            R"({"TableName": "{{table}}", "Key": {"Artist": {"S": "No One"}}})"));
        put(c.filePath("dynamodb/05-query.toml"), request("dynamodb", "Query", "{{dynamo}}",
            R"({"TableName": "{{table}}", "KeyConditionExpression": "Artist = :a", "ExpressionAttributeValues": {":a": {"S": "No One"}}})"));
        put(c.filePath("dynamodb/06-scan.toml"), request("dynamodb", "Scan", "{{dynamo}}", R"({"TableName": "{{table}}"})"));
        put(c.filePath("s3/07-create-bucket.toml"), request("s3", "CreateBucket", "{{s3}}", R"({"Bucket": "{{bucket}}"})"));
        put(c.filePath("s3/08-put-object.toml"), request("s3", "PutObject", "{{s3}}",
            R"({"Bucket": "{{bucket}}", "Key": "liner notes.txt", "Body": "aGVsbG8="})"));
        put(c.filePath("s3/09-list.toml"), request("s3", "ListObjectsV2", "{{s3}}", R"({"Bucket": "{{bucket}}"})"));
        put(c.filePath("s3/10-head.toml"), request("s3", "HeadObject", "{{s3}}", R"({"Bucket": "{{bucket}}", "Key": "liner notes.txt"})"));

        CliRun run = f.run({"--env", "local", "--show-output"});
        QVERIFY2(run.code == 0, (run.out + run.err).c_str());
        QVERIFY2(run.out.find("10 of 10 succeeded") != std::string::npos, run.out.c_str());
        const QStringList lines = QString::fromStdString(run.out).split('\n');
        QVERIFY(lines[0].startsWith("REQUEST"));
        QVERIFY2(lines[1].startsWith("dynamodb/01-create-table.toml") && lines[1].contains("dynamodb CreateTable") && lines[1].endsWith("  ok"),
                 qPrintable(lines[1]));
        QVERIFY2(run.out.find("\"Key\": \"liner notes.txt\"") != std::string::npos, run.out.c_str()); // ListObjectsV2's answer
        QVERIFY2(run.out.find("\"N\": \"1999\"") != std::string::npos, run.out.c_str()); // GetItem's answer

        // A filter runs a part; the rows are the requests it matches.
        run = f.run({"--env", "local", "--filter", "s3/0[89]*", "--filter", "*/10-*"});
        QVERIFY2(run.code == 0, (run.out + run.err).c_str());
        QVERIFY2(run.out.find("3 of 3 succeeded") != std::string::npos, run.out.c_str());
        QVERIFY(run.out.find("dynamodb/") == std::string::npos);

        // A request that fails fails the run; the others still run.
        put(c.filePath("dynamodb/04b-missing-table.toml"), request("dynamodb", "GetItem", "{{dynamo}}",
            R"({"TableName": "NoSuchTable", "Key": {"Artist": {"S": "x"}}})"));
        run = f.run({"--env", "local", "--filter", "dynamodb/0[45]*"});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.find("2 of 3 succeeded") != std::string::npos, run.out.c_str());
        QVERIFY2(QString::fromStdString(run.out).contains(QRegularExpression("04b-missing-table.toml +dynamodb GetItem +\\d+ ms  ResourceNotFoundException")),
                 run.out.c_str());

        // A file that cannot be read is a failure named with its line; the rest runs.
        put(c.filePath("dynamodb/04c-broken.toml"), "service = \"dynamodb\"\noperation = GetItem\n");
        run = f.run({"--env", "local", "--filter", "dynamodb/04*"});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.find("dynamodb/04c-broken.toml:2:") != std::string::npos, run.out.c_str());
        QVERIFY2(run.out.find("1 of 3 succeeded") != std::string::npos, run.out.c_str());
    }

    void variablesAndArguments()
    {
        Fixture f;
        const QDir c(f.collection.path());
        put(c.filePath("collection.toml"), "name = \"Bits\"\n");
        put(c.filePath("environments/dev.toml"), "[variables]\nqueue = \"q\"\n");
        put(c.filePath("ask.toml"), request("sqs", "GetQueueUrl", "{{sqs_endpoint}}", R"({"QueueName": "{{queue}}"})"));
        // Unresolved variables are named with where they are; nothing is sent.
        CliRun run = f.run({});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.find("sqs_endpoint") != std::string::npos && run.out.find("queue") != std::string::npos, run.out.c_str());
        // An environment the collection does not have, or a folder that is not a collection: 252.
        run = f.run({"--env", "staging"});
        QCOMPARE(run.code, 252);
        QVERIFY2(run.err.find("no environment 'staging' (it has: dev)") != std::string::npos, run.err.c_str());
        std::istringstream in;
        std::ostringstream out, err;
        QCOMPARE(cli::runRunCommand({f.home.path().toStdString()}, f.environment, f.clock, f.random, f.sleeper, in, out, err), 252);
        QVERIFY2(err.str().find("collection.toml") != std::string::npos, err.str().c_str());
        run = f.run({"--filter", "nothing*"});
        QCOMPARE(run.code, 252);
        QVERIFY2(run.err.find("no request matches --filter") != std::string::npos, run.err.c_str());
    }

    void callsGoToTheHistoryAndBackToACollection()
    {
        PeerServer dynalite(PeerServer::npmBin("dynalite"), {"--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"});
        QVERIFY2(dynalite.started(), qPrintable(dynalite.problem()));
        Fixture f;
        auto call = [&](std::vector<std::string> arguments) {
            std::istringstream in;
            std::ostringstream out, err;
            const int code = cli::runCallCommand(arguments, f.environment, f.clock, f.random, f.sleeper, in, out, err);
            return CliRun{code, out.str(), err.str()};
        };
        auto history = [&](std::vector<std::string> arguments) {
            std::ostringstream out, err;
            const int code = cli::runHistoryCommand(arguments, f.environment, out, err);
            return CliRun{code, out.str(), err.str()};
        };
        const std::string endpoint = dynalite.url();
        QCOMPARE(call({"dynamodb", "ListTables", "--profile", "local", "--endpoint-url", endpoint}).code, 0);
        QCOMPARE(call({"dynamodb", "DescribeTable", "--input", R"({"TableName": "Nope"})", "--profile", "local",
                       "--endpoint-url", endpoint}).code, 254);
        QCOMPARE(call({"dynamodb", "ListTables", "--profile", "local", "--endpoint-url", endpoint, "--no-history"}).code, 0);
        QCOMPARE(call({"dynamodb", "ListTables", "--profile", "local", "--dry-run"}).code, 0); // not sent: not kept

        // In the data folder under the home; newest first.
        QVERIFY(QFile::exists(f.home.filePath(".local/share/cumulus/history.toml")));
        CliRun list = history({"list"});
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.find("   1  ") == 0 && list.out.find("dynamodb DescribeTable  local  us-east-1") != std::string::npos
                     && list.out.find("ResourceNotFoundException\n   2  ") != std::string::npos
                     && list.out.find("ListTables  local  us-east-1") != std::string::npos,
                 list.out.c_str());
        QCOMPARE(std::count(list.out.begin(), list.out.end(), '\n'), 2);
        list = history({"list", "--search", "nope describe", "--json"});
        const QJsonArray found = QJsonDocument::fromJson(QByteArray::fromStdString(list.out)).array();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].toObject().value("Number").toInt(), 1);
        QCOMPARE(found[0].toObject().value("Status").toInt(), 400);
        QCOMPARE(found[0].toObject().value("Endpoint").toString().toStdString(), endpoint);
        QVERIFY(!found[0].toObject().value("RequestId").toString().isEmpty());
        QVERIFY2(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$").match(found[0].toObject().value("Time").toString()).hasMatch(),
                 qPrintable(found[0].toObject().value("Time").toString()));

        // Saved to a collection, it runs from there.
        put(f.collection.filePath("collection.toml"), "name = \"Saved\"\n");
        const CliRun saved = history({"save", "1", f.collection.path().toStdString(), "tables/describe"});
        QVERIFY2(saved.code == 0, saved.err.c_str());
        const auto collection = collections::loadCollection(f.collection.path().toStdString());
        QVERIFY(collection && collection->requests.size() == 1);
        QCOMPARE(collection->requests[0].path, std::string("tables/describe.toml"));
        QCOMPARE(collection->requests[0].operation, std::string("DescribeTable"));
        QCOMPARE(collection->requests[0].input.value("TableName").toString(), "Nope");
        const CliRun run = f.run({});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.find("tables/describe.toml  dynamodb DescribeTable") != std::string::npos
                     && run.out.find("ResourceNotFoundException") != std::string::npos,
                 run.out.c_str());
        const std::string after = history({"list"}).out;
        QCOMPARE(std::count(after.begin(), after.end(), '\n'), 2); // a run adds nothing

        QCOMPARE(history({"save", "9", f.collection.path().toStdString(), "x"}).code, 252);
        QCOMPARE(history({"clear"}).code, 0);
        QCOMPARE(history({"list"}).out, std::string());
    }

    // A Postman export imported with `cumulus-cli import`, then run against moto, which checks
    // every signature: the requests as written, signed for their service with the profile's keys.
    void postmanImportRunsAgainstMoto()
    {
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        PeerServer server(moto, {"-H", "127.0.0.1", "-p", "{port}"}, {"INITIAL_NO_AUTH_ACTION_COUNT=3"});
        QVERIFY2(server.started(), qPrintable(server.problem()));
        Fixture f;
        f.environment.set("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        f.environment.set("AWS_SECRET_ACCESS_KEY", "bootstrap");
        auto call = [&](std::vector<std::string> arguments) {
            std::istringstream in;
            std::ostringstream out, err;
            const int code = cli::runCallCommand(arguments, f.environment, f.clock, f.random, f.sleeper, in, out, err);
            return CliRun{code, out.str(), err.str()};
        };
        QCOMPARE(call({"iam", "CreateUser", "--endpoint-url", server.url(), "--input", R"({"UserName": "postman"})"}).code, 0);
        const QJsonObject allowAll{{"Version", "2012-10-17"},
                                   {"Statement", QJsonArray{QJsonObject{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}}};
        const QJsonObject policy{{"UserName", "postman"}, {"PolicyName", "all"},
                                 {"PolicyDocument", QString::fromUtf8(QJsonDocument(allowAll).toJson(QJsonDocument::Compact))}};
        QCOMPARE(call({"iam", "PutUserPolicy", "--endpoint-url", server.url(), "--input",
                       QJsonDocument(policy).toJson(QJsonDocument::Compact).toStdString()}).code, 0);
        const CliRun key = call({"iam", "CreateAccessKey", "--endpoint-url", server.url(), "--input", R"({"UserName": "postman"})"});
        QCOMPARE(key.code, 0);
        const QJsonObject access = key.json().value("AccessKey").toObject();
        f.environment.set("AWS_ACCESS_KEY_ID", access.value("AccessKeyId").toString());
        f.environment.set("AWS_SECRET_ACCESS_KEY", access.value("SecretAccessKey").toString());

        const std::string folder = QDir(f.collection.path()).filePath("aws-api").toStdString();
        std::ostringstream imported, problems;
        const int code = cli::runImportCommand({"postman", CUMULUS_TEST_DATA_DIR "/postman/aws-api.postman_collection.json", folder},
                                               imported, problems);
        QVERIFY2(code == 0, problems.str().c_str());
        QVERIFY2(imported.str().find("imported 6 request(s)") == 0
                     && imported.str().find("Partner API: not imported") != std::string::npos,
                 imported.str().c_str());
        put(QString::fromStdString(folder) + "/environments/local.toml", "[variables]\nendpoint = \"" + QByteArray::fromStdString(server.url()) + "\"\n");

        const std::vector<std::string> local{folder, "--env", "local", "--show-output", "--filter", "STS/*", "--filter", "IAM/A-user*",
                                             "--filter", "IAM/List-users.toml", "--filter", "DynamoDB/List-tables.toml"};
        std::istringstream in;
        std::ostringstream out, err;
        int ran = cli::runRunCommand(local, f.environment, f.clock, f.random, f.sleeper, in, out, err);
        const std::string table = out.str();
        QVERIFY2(ran == 1, (table + err.str()).c_str()); // the user that is not there fails the run
        for (const char *row : {"STS/Who-am-I.toml +sts POST", "IAM/List-users.toml +iam POST", "DynamoDB/List-tables.toml +dynamodb POST"})
            QVERIFY2(QString::fromStdString(table).contains(QRegularExpression(QString(row) + " +\\d+ ms  ok\\n")),
                     (row + std::string("\n") + table).c_str());
        QVERIFY2(QString::fromStdString(table).contains(QRegularExpression("IAM/A-user-that-is-not-there.toml +iam POST +\\d+ ms  NoSuchEntity\\n")),
                 table.c_str());
        QVERIFY2(table.find("<Arn>arn:aws:iam::123456789012:user/postman</Arn>") != std::string::npos, table.c_str());
        QVERIFY2(table.find("\"TableNames\"") != std::string::npos, table.c_str());
        QVERIFY2(table.find("3 of 4 succeeded") != std::string::npos, table.c_str());

        // With a wrong secret moto refuses the signature.
        f.environment.set("AWS_SECRET_ACCESS_KEY", "wrong");
        std::ostringstream refused, refusedErr;
        ran = cli::runRunCommand({folder, "--env", "local", "--filter", "STS/*"}, f.environment, f.clock, f.random, f.sleeper, in,
                                 refused, refusedErr);
        QCOMPARE(ran, 1);
        QVERIFY2(refused.str().find("SignatureDoesNotMatch") != std::string::npos, refused.str().c_str());
    }

    void requestCommandArguments()
    {
        Fixture f;
        f.environment.set("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        f.environment.set("AWS_SECRET_ACCESS_KEY", "request-secret");
        auto request = [&](std::vector<std::string> arguments) {
            std::istringstream in;
            std::ostringstream out, err;
            const int code = cli::runRequestCommand(arguments, f.environment, f.clock, f.random, f.sleeper, in, out, err);
            return CliRun{code, out.str(), err.str()};
        };
        CliRun run = request({"PUT", "https://abc.execute-api.eu-west-1.amazonaws.com/prod/items/7", "--service", "execute-api",
                              "--region", "eu-west-1", "-H", "Content-Type: application/json", "--body", "{\"a\": 1}", "--dry-run"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.out.find("PUT https://abc.execute-api.eu-west-1.amazonaws.com/prod/items/7\n") == 0
                     && run.out.find("Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") != std::string::npos
                     && run.out.find("/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=")
                            != std::string::npos
                     && run.out.find("\n\n{\"a\": 1}") != std::string::npos && run.out.find("request-secret") == std::string::npos,
                 run.out.c_str());
        run = request({"GET", "https://example.com/", "--region", "us-east-1"});
        QVERIFY2(run.code == 252 && run.err.find("--service: the name the request is signed for") != std::string::npos, run.err.c_str());
        run = request({"GET", "https://example.com/", "--service", "execute-api"});
        QVERIFY2(run.code == 252 && run.err.find("a region to sign for") != std::string::npos, run.err.c_str());
        run = request({"GET", "https://example.com/", "--service", "s3", "--region", "us-east-1", "-H", "no colon"});
        QVERIFY2(run.code == 252 && run.err.find("--header wants 'Name: value'") != std::string::npos, run.err.c_str());
        // Error answers name their AWS code, whatever the protocol; a 500 is retried, a 400 is not.
        test::ScriptedHttpServer server;
        server.script({test::ScriptedHttpServer::answer(500, "<Error><Code>InternalError</Code></Error>"),
                       test::ScriptedHttpServer::answer(400, "{\"__type\": \"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\", \"message\": \"no\"}"),
                       test::ScriptedHttpServer::answer(403, "{}", {{"x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/"}}),
                       test::ScriptedHttpServer::answer(200, "done")});
        run = request({"POST", server.url() + "/", "--service", "dynamodb", "--region", "us-east-1", "--body", "{}"});
        QCOMPARE(run.code, 254);
        QVERIFY2(run.err.find("An error occurred (ResourceNotFoundException) when sending POST") != std::string::npos
                     && run.err.find("(after 2 attempts)") != std::string::npos,
                 run.err.c_str());
        QCOMPARE(run.out, std::string("{\"__type\": \"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\", \"message\": \"no\"}"));
        run = request({"GET", server.url() + "/", "--service", "execute-api", "--region", "us-east-1", "--include"});
        QVERIFY2(run.code == 254 && run.err.find("(AccessDeniedException)") != std::string::npos, run.err.c_str());
        run = request({"GET", server.url() + "/", "--service", "execute-api", "--region", "us-east-1", "--include"});
        QVERIFY2(run.code == 0 && run.out.find("HTTP 200\n") == 0 && run.out.find("\n\ndone") != std::string::npos, run.out.c_str());
        // The timeouts `call` takes: a server that never answers ends at --cli-read-timeout.
        test::ScriptedHttpServer silent;
        silent.script({test::ScriptedHttpServer::stall()});
        run = request({"GET", silent.url() + "/", "--service", "execute-api", "--region", "us-east-1", "--max-attempts", "1",
                       "--cli-read-timeout", "0.3", "--cli-connect-timeout", "5"});
        QVERIFY2(run.code == 255 && run.err.find("no answer for 0.3 s from GET " + silent.url()) != std::string::npos, run.err.c_str());
        run = request({"GET", silent.url() + "/", "--service", "execute-api", "--region", "us-east-1", "--cli-read-timeout", "soon"});
        QVERIFY2(run.code == 252 && run.err.find("--cli-read-timeout wants seconds") != std::string::npos, run.err.c_str());

        f.environment.unset("AWS_ACCESS_KEY_ID");
        run = request({"GET", "https://example.com/", "--service", "s3", "--region", "us-east-1"});
        QVERIFY2(run.code == 253 && run.err.find("no credentials") != std::string::npos, run.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRunCommand)
#include "tst_runcommand.moc"
