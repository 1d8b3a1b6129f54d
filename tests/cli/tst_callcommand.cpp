// `cumulus-cli call --dry-run`: the request it would send, signed or not, input problems by JSON
// path, and never the session token.
#include "CallCommand.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "ScriptedHttpServer.h"
#include "SeededRandom.h"
#include "sigv4/AmzDate.h"

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

Run call(std::vector<std::string> args, const test::FakeEnvironment &environment)
{
    test::MockClock clock(std::chrono::system_clock::time_point(*sigv4::parseAmzDate("20150830T123600Z")));
    test::SeededRandom random(1);
    test::FakeSleeper sleeper(clock);
    std::istringstream in;
    std::ostringstream out, err;
    const int code = cli::runCallCommand(args, environment, clock, random, sleeper, in, out, err);
    return {code, out.str(), err.str()};
}

test::FakeEnvironment withCredentials()
{
    test::FakeEnvironment environment;
    environment.set("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    environment.set("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    environment.set("AWS_SESSION_TOKEN", "SESSIONTOKENdoNotPrint");
    environment.set("AWS_REGION", "eu-west-3");
    return environment;
}

} // namespace

class TestCallCommand : public QObject {
    Q_OBJECT

private slots:
    void profiles()
    {
        QTemporaryDir dir;
        auto write = [&](const char *name, const char *text) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write("config", "[default]\nregion = eu-west-1\n"
                        "[profile dev]\nregion = ap-southeast-2\ns3 =\n  addressing_style = path\nservices = local\n"
                        "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = loop\n"
                        "[profile loop]\nrole_arn = arn:aws:iam::123456789012:role/l\nsource_profile = role\n"
                        "[profile retries]\nmax_attempts = many\naws_access_key_id = AKIDR\naws_secret_access_key = secret-r\n"
                        "[services local]\nsqs =\n  endpoint_url = http://localhost:9324\n");
        write("credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = secret-default\n"
                             "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = secret-dev\n");
        test::FakeEnvironment env(dir.path());
        env.set("AWS_CONFIG_FILE", dir.filePath("config"));
        env.set("AWS_SHARED_CREDENTIALS_FILE", dir.filePath("credentials"));

        // The default profile: its region and keys.
        Run run = call({"sts", "GetCallerIdentity", "--dry-run"}, env);
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.find("https://sts.eu-west-1.amazonaws.com/") != std::string::npos, run.out.c_str());
        QVERIFY(run.out.find("Credential=AKIDDEFAULT/20150830/eu-west-1/sts/aws4_request") != std::string::npos);
        // Environment keys come first, unless a profile is named.
        env.set("AWS_ACCESS_KEY_ID", "AKIDENV");
        env.set("AWS_SECRET_ACCESS_KEY", "secret-env");
        QVERIFY(call({"sts", "GetCallerIdentity", "--dry-run"}, env).out.find("Credential=AKIDENV/") != std::string::npos);
        run = call({"s3", "GetObject", "--dry-run", "--profile", "dev", "--input", "{\"Bucket\": \"b\", \"Key\": \"k\"}"}, env);
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.find("GET https://s3.ap-southeast-2.amazonaws.com/b/k") == 0, run.out.c_str()); // s3 addressing_style = path
        QVERIFY(run.out.find("Credential=AKIDDEV/") != std::string::npos);
        // The profile's services section.
        run = call({"sqs", "ListQueues", "--dry-run", "--profile", "dev"}, env);
        QVERIFY2(run.out.find("POST http://localhost:9324/") == 0, run.out.c_str());
        // Errors: an unknown profile, a loop of source profiles, a bad retry setting.
        run = call({"sts", "GetCallerIdentity", "--dry-run", "--profile", "nobody"}, env);
        QCOMPARE(run.code, 253);
        QVERIFY2(run.err.find("the profile 'nobody' is in neither") != std::string::npos, run.err.c_str());
        run = call({"sts", "GetCallerIdentity", "--dry-run", "--profile", "role"}, env);
        QCOMPARE(run.code, 253);
        QVERIFY2(run.err.find("profile loop: the source profiles loop: role -> loop -> role") != std::string::npos, run.err.c_str());
        run = call({"sts", "GetCallerIdentity", "--profile", "retries", "--endpoint-url", "http://127.0.0.1:1"}, env);
        QCOMPARE(run.code, 252);
        QVERIFY2(run.err.find("the profile's max_attempts: 'many' is not a number of attempts") != std::string::npos, run.err.c_str());
        QVERIFY(run.err.find("secret-") == std::string::npos);
    }

    void signedDynamoDbRequest()
    {
        const Run run = call({"dynamodb", "GetItem", "--dry-run", "--json", "--input",
                              R"({"TableName": "Music", "Key": {"Artist": {"S": "No One"}}})"},
                             withCredentials());
        QCOMPARE(run.code, 0);
        const QJsonObject request = QJsonDocument::fromJson(QByteArray::fromStdString(run.out)).object();
        QCOMPARE(request.value("method").toString(), QStringLiteral("POST"));
        QCOMPARE(request.value("url").toString(), QStringLiteral("https://dynamodb.eu-west-3.amazonaws.com/"));
        QMap<QString, QString> headers;
        for (const QJsonValue &h : request.value("headers").toArray())
            headers.insert(h.toArray()[0].toString(), h.toArray()[1].toString());
        QCOMPARE(headers.value("X-Amz-Target"), QStringLiteral("DynamoDB_20120810.GetItem"));
        QCOMPARE(headers.value("Content-Type"), QStringLiteral("application/x-amz-json-1.0"));
        QCOMPARE(headers.value("X-Amz-Date"), QStringLiteral("20150830T123600Z"));
        QVERIFY(headers.value("Authorization").startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-3/dynamodb/aws4_request"));
        QCOMPARE(headers.value("X-Amz-Security-Token"), QStringLiteral("****"));
        QCOMPARE(QJsonDocument::fromJson(request.value("body").toString().toUtf8()).object().value("TableName").toString(),
                 QStringLiteral("Music"));
        QVERIFY(run.out.find("SESSIONTOKENdoNotPrint") == std::string::npos);
        QVERIFY(run.out.find("wJalrXUtnFEMI") == std::string::npos);
    }

    void restJsonUnsignedWithEndpoint()
    {
        const Run run = call({"lambda", "Invoke", "--dry-run", "--no-sign", "--endpoint-url",
                              "http://127.0.0.1:4566/", "--input",
                              R"({"FunctionName": "my fn", "Payload": "eyJhIjoxfQ==", "InvocationType": "Event"})"},
                             test::FakeEnvironment());
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.rfind("POST http://127.0.0.1:4566/2015-03-31/functions/my%20fn/invocations\n", 0) == 0,
                 run.out.c_str());
        QVERIFY(run.out.find("X-Amz-Invocation-Type: Event\n") != std::string::npos);
        QVERIFY(run.out.find("\n{\"a\":1}\n") != std::string::npos);
        QVERIFY(run.out.find("Authorization") == std::string::npos);
    }

    void inputProblemsNameTheirPath()
    {
        const Run run = call({"dynamodb", "GetItem", "--dry-run", "--no-sign", "--input",
                              R"({"TableName": 5, "Bogus": 1, "ConsistentRead": "yes"})"},
                             test::FakeEnvironment());
        QCOMPARE(run.code, 252);
        QVERIFY(run.out.empty());
        for (const char *expected : {"$.Bogus: unknown member", "$.TableName: expected a string",
                                     "$.Key: missing required member", "$.ConsistentRead: expected true or false"})
            QVERIFY2(run.err.find(expected) != std::string::npos, run.err.c_str());
    }

    void constraintsWarnUnlessStrict()
    {
        const std::vector<std::string> args = {"dynamodb", "PutItem", "--dry-run", "--no-sign", "--input",
                                               R"({"TableName": "Music", "Item": {}, "ReturnValues": "EVERYTHING"})"};
        const Run lenient = call(args, test::FakeEnvironment());
        QCOMPARE(lenient.code, 0);
        QVERIFY(lenient.out.find("POST") != std::string::npos);
        QCOMPARE(lenient.err, std::string("cumulus-cli call: warning: input: $.ReturnValues: \"EVERYTHING\" is not one "
                                          "of the model's values: NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW\n"));
        std::vector<std::string> strictArgs = args;
        strictArgs.push_back("--strict");
        const Run strict = call(strictArgs, test::FakeEnvironment());
        QCOMPARE(strict.code, 252);
        QVERIFY(strict.out.empty());
        QCOMPARE(strict.err, std::string("cumulus-cli call: input: $.ReturnValues: \"EVERYTHING\" is not one "
                                         "of the model's values: NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW\n"));
        QCOMPARE(call({"dynamodb", "PutItem", "--dry-run", "--no-sign", "--strict", "--input",
                       R"({"TableName": "Music", "Item": {}, "ReturnValues": "ALL_OLD"})"}, test::FakeEnvironment()).code, 0);
    }

    void errors()
    {
        const test::FakeEnvironment none;
        QCOMPARE(call({"dynamodb", "GetItem", "--no-sign"}, none).code, 252); // no --dry-run yet
        QCOMPARE(call({"nope", "GetItem", "--dry-run"}, none).code, 252);
        QCOMPARE(call({"dynamodb", "Nope", "--dry-run"}, none).code, 252);
        QCOMPARE(call({"dynamodb", "ListTables", "--dry-run", "--input", "[1]"}, none).code, 252);
        const Run noCredentials = call({"dynamodb", "ListTables", "--dry-run"}, none);
        QCOMPARE(noCredentials.code, 253); // the AWS CLI: "Unable to locate credentials", a configuration error
        QVERIFY(noCredentials.err.find("no credentials") != std::string::npos);
    }

    void timeoutsFromTheCommandLine()
    {
        // A server that takes the request and never answers: --cli-read-timeout ends the wait.
        test::ScriptedHttpServer server;
        server.script({test::ScriptedHttpServer::stall()});
        const Run stalled = call({"dynamodb", "ListTables", "--endpoint-url", server.url(), "--max-attempts", "1",
                                  "--cli-read-timeout", "0.3", "--cli-connect-timeout", "5"},
                                 withCredentials());
        QCOMPARE(stalled.code, 255);
        QVERIFY2(stalled.err.find("no answer for 0.3 s from POST " + server.url()) != std::string::npos, stalled.err.c_str());
        const Run bad = call({"dynamodb", "ListTables", "--cli-read-timeout", "soon"}, withCredentials());
        QCOMPARE(bad.code, 252);
        QVERIFY2(bad.err.find("--cli-read-timeout wants seconds between 0 (no limit) and 86400, not 'soon'") != std::string::npos,
                 bad.err.c_str());
    }

    void awsQueryRequest()
    {
        const Run run = call({"sts", "AssumeRole", "--dry-run", "--no-sign", "--input",
                              R"({"RoleArn": "arn:aws:iam::123456789012:role/dev", "RoleSessionName": "s 1"})"},
                             test::FakeEnvironment());
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.find("Content-Type: application/x-www-form-urlencoded\n") != std::string::npos);
        QVERIFY2(run.out.find("\nAction=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdev"
                              "&RoleSessionName=s+1\n") != std::string::npos,
                 run.out.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCallCommand)
#include "tst_callcommand.moc"
