// `cumulus-cli endpoint`: what a person reads, the JSON, and every argument error.
#include "EndpointCommand.h"
#include "CallCommand.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "SeededRandom.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <sstream>

using namespace cumulus;

namespace {

struct Run {
    int code = 0;
    std::string out, err;
};

Run endpoint(const std::vector<std::string> &args, const test::FakeEnvironment &environment = test::FakeEnvironment())
{
    std::ostringstream out, err;
    Run run;
    run.code = cli::runEndpointCommand(args, environment, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

QJsonObject json(const Run &run)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(run.out)).object();
}

} // namespace

class TestEndpointCommand : public QObject {
    Q_OBJECT

private slots:
    void globalServiceText()
    {
        const Run run = endpoint({"iam", "--region", "eu-west-1"});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, std::string("url: https://iam.amazonaws.com\n"
                                      "auth: sigv4 (signing name iam, region us-east-1)\n"
                                      "from: the service's endpoint rules\n"
                                      "  UseDualStack = false\n"
                                      "  UseFIPS = false\n"
                                      "  Region = eu-west-1\n"));
    }

    void operationContextJson()
    {
        const Run run = endpoint({"s3", "--operation", "GetObject", "--input", "{\"Bucket\": \"my-bucket\", \"Key\": \"k\"}",
                                  "--region", "eu-west-1", "--json"});
        QCOMPARE(run.code, 0);
        const QJsonObject result = json(run);
        QCOMPARE(result.value("url").toString(), "https://my-bucket.s3.eu-west-1.amazonaws.com");
        QCOMPARE(result.value("signingName").toString(), "s3");
        QCOMPARE(result.value("signingRegion").toString(), "eu-west-1");
        QCOMPARE(result.value("disableDoubleEncoding").toBool(), true);
        QCOMPARE(result.value("params").toObject().value("Bucket").toString(), "my-bucket");
    }

    void fipsInGovCloud()
    {
        const QJsonObject result = json(endpoint({"sts", "--region", "us-gov-west-1", "--fips", "--json"}));
        QCOMPARE(result.value("url").toString(), "https://sts.us-gov-west-1.amazonaws.com");
        const QJsonObject china = json(endpoint({"dynamodb", "--region", "cn-north-1", "--dualstack", "--json"}));
        QCOMPARE(china.value("url").toString(), "https://dynamodb.cn-north-1.api.amazonwebservices.com.cn");
    }

    void customEndpointFromEnvironment()
    {
        test::FakeEnvironment env;
        env.set("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000");
        const Run run = endpoint({"dynamodb"}, env);
        QVERIFY2(run.out.find("url: http://localhost:8000\ncustom endpoint from: AWS_ENDPOINT_URL_DYNAMODB\n") == 0, run.out.c_str());
        env.set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        QVERIFY(endpoint({"dynamodb"}, env).out.find("url: https://dynamodb.us-east-1.amazonaws.com\n") == 0);
    }

    void params()
    {
        const QJsonObject path = json(endpoint({"s3", "--param", "Bucket=my-bucket", "--param", "ForcePathStyle=true", "--json"}));
        QCOMPARE(path.value("url").toString(), "https://s3.amazonaws.com/my-bucket");
        Run run = endpoint({"s3", "--param", "Nope=1"});
        QCOMPARE(run.code, 252);
        QVERIFY2(run.err.find("--param Nope: the service's endpoint rules have no such parameter (they have: Bucket, Region,") != std::string::npos, run.err.c_str());
        run = endpoint({"s3", "--param", "ForcePathStyle=yes"});
        QCOMPARE(run.code, 252);
        QCOMPARE(run.err, std::string("cumulus-cli endpoint: error: --param ForcePathStyle is a boolean: true or false, not 'yes'\n"));
        run = endpoint({"s3", "--param", "=x"});
        QCOMPARE(run.err, std::string("cumulus-cli endpoint: error: --param wants NAME=VALUE, not '=x'\n"));
    }

    void ruleErrorsAndArguments()
    {
        // The rules' own error message.
        Run run = endpoint({"s3", "--region", "a b"});
        QCOMPARE(run.code, 255);
        QCOMPARE(run.err, std::string("cumulus-cli endpoint: error: s3: Invalid region: region was not a valid DNS name.\n"));
        run = endpoint({"s3", "--input", "{}"});
        QCOMPARE(run.err, std::string("cumulus-cli endpoint: error: --input needs --operation\n"));
        run = endpoint({"nosuch"});
        QCOMPARE(run.code, 252);
        QVERIFY(run.err.find("unknown service 'nosuch'") != std::string::npos);
    }

    void multiRegionAccessPointNeedsSigV4a()
    {
        const char *mrap = "{\"Bucket\": \"arn:aws:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap\", \"Key\": \"k\"}";
        const QJsonObject result = json(endpoint({"s3", "--operation", "GetObject", "--input", mrap, "--json"}));
        QCOMPARE(result.value("authScheme").toString(), "sigv4a");
        QCOMPARE(result.value("signingRegion").toString(), "*");
        QVERIFY(result.value("unsupported").toString().contains("SigV4a"));
        // A call refuses to sign it, and says why.
        test::FakeEnvironment env;
        env.set("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.set("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        test::MockClock clock;
        test::SeededRandom random(1);
        test::FakeSleeper sleeper(clock);
    std::istringstream in;
        std::ostringstream out, err;
        const int code = cli::runCallCommand({"s3", "GetObject", "--dry-run", "--input", mrap}, env, clock, random, sleeper, in, out, err);
        QCOMPARE(code, 255);
        QVERIFY2(err.str().find("SigV4a (multi-region signing), which Cumulus does not support yet") != std::string::npos, err.str().c_str());
        QVERIFY(err.str().find("wJalr") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestEndpointCommand)
#include "tst_endpointcommand.moc"
