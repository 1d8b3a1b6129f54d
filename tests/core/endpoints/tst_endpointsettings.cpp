// Where endpoint settings come from (flag, environment, profile, in the SDKs' order), what
// built-ins they give, the fallback for models without rules, and how request URLs are joined.
#include "FakeEnvironment.h"
#include "endpoints/EndpointSettings.h"
#include "endpoints/ServiceEndpoints.h"
#include "model/SmithyJsonLoader.h"

#include <QtTest>

using namespace cumulus;
using namespace cumulus::endpoints;

namespace {

RuleValue builtIn(const RuleParams &values, const std::string &name)
{
    for (const auto &[n, v] : values) {
        if (n == name)
            return v;
    }
    return {};
}

} // namespace

class TestEndpointSettings : public QObject {
    Q_OBJECT

private slots:
    void customEndpointPrecedence()
    {
        test::FakeEnvironment env;
        ProfileSettings profile{{"endpoint_url", "http://profile"}, {"services.elastic_beanstalk.endpoint_url", "http://services"}};
        auto source = [&](const EndpointOverrides &o) {
            const EndpointSettings s = endpointSettings(o, env, profile, "Elastic Beanstalk");
            return QString::fromStdString(s.endpointUrl + " " + s.endpointUrlSource);
        };
        QCOMPARE(source({}), "http://services the profile's services section (elastic_beanstalk.endpoint_url)");
        profile.erase("services.elastic_beanstalk.endpoint_url");
        QCOMPARE(source({}), "http://profile the profile's endpoint_url");
        env.set("AWS_ENDPOINT_URL", "http://global");
        QCOMPARE(source({}), "http://global AWS_ENDPOINT_URL");
        env.set("AWS_ENDPOINT_URL_ELASTIC_BEANSTALK", "http://service");
        QCOMPARE(source({}), "http://service AWS_ENDPOINT_URL_ELASTIC_BEANSTALK");
        EndpointOverrides flag;
        flag.endpointUrl = "http://flag";
        QCOMPARE(source(flag), "http://flag --endpoint-url");
        env.set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        QCOMPARE(source({}), " ");
        QCOMPARE(source(flag), "http://flag --endpoint-url"); // an explicit flag still applies
    }

    void regionAndSwitches()
    {
        test::FakeEnvironment env;
        ProfileSettings profile{{"region", "eu-west-3"}, {"use_fips_endpoint", "true"}, {"s3.addressing_style", "path"}};
        EndpointSettings s = endpointSettings({}, env, profile, "S3");
        QCOMPARE(s.region, std::string("eu-west-3"));
        QVERIFY(s.useFips);
        QCOMPARE(s.s3AddressingStyle, std::string("path"));
        env.set("AWS_DEFAULT_REGION", "eu-central-1");
        QCOMPARE(endpointSettings({}, env, profile, "S3").region, std::string("eu-central-1"));
        env.set("AWS_REGION", "ap-south-1");
        QCOMPARE(endpointSettings({}, env, profile, "S3").region, std::string("ap-south-1"));
        EndpointOverrides o;
        o.region = "sa-east-1";
        o.useFips = false;
        s = endpointSettings(o, env, profile, "S3");
        QCOMPARE(s.region, std::string("sa-east-1"));
        QVERIFY(!s.useFips);
        env.set("AWS_USE_FIPS_ENDPOINT", "TRUE");
        QVERIFY(endpointSettings({}, env, {}, "S3").useFips);
    }

    void builtInsAsBotocore()
    {
        EndpointSettings s;
        s.region = "us-east-1";
        RuleParams b = builtInValues(s);
        QCOMPARE(builtIn(b, "AWS::S3::UseGlobalEndpoint"), RuleValue(true)); // botocore's legacy default
        QCOMPARE(builtIn(b, "AWS::STS::UseGlobalEndpoint"), RuleValue(false)); // regional by default
        QCOMPARE(builtIn(b, "AWS::S3::ForcePathStyle"), RuleValue(false));
        QVERIFY(!builtIn(b, "SDK::Endpoint").isSet());
        s.endpointUrl = "http://localhost:9000";
        s.useFips = true;
        b = builtInValues(s);
        QCOMPARE(builtIn(b, "AWS::S3::ForcePathStyle"), RuleValue(true)); // path style for custom endpoints
        QCOMPARE(builtIn(b, "AWS::UseFIPS"), RuleValue(false));          // never FIPS with a custom endpoint
        s.s3AddressingStyle = "virtual";
        QCOMPARE(builtIn(builtInValues(s), "AWS::S3::ForcePathStyle"), RuleValue(false));
        s.stsRegionalEndpoints = "legacy";
        QCOMPARE(builtIn(builtInValues(s), "AWS::STS::UseGlobalEndpoint"), RuleValue(true));
        s.region = "ap-east-1";
        QCOMPARE(builtIn(builtInValues(s), "AWS::STS::UseGlobalEndpoint"), RuleValue(false));
    }

    void modelWithoutRules()
    {
        const auto loaded = model::loadSmithyJson(R"({"smithy": "2.0", "shapes": {"ex#Svc": {"type": "service", "version": "1",
            "traits": {"aws.api#service": {"sdkId": "Ex", "endpointPrefix": "ex-api"}, "aws.auth#sigv4": {"name": "exsign"}}}}})",
                                                  "ex.json");
        QVERIFY(loaded.ok());
        const auto service = ServiceEndpoints::forService(*loaded.model, *loaded.model->find("ex#Svc"));
        QVERIFY(service && !service->hasRules());
        EndpointSettings s;
        s.region = "cn-northwest-1";
        auto endpoint = service->resolve(nullptr, {}, s);
        QCOMPARE(QString::fromStdString(endpoint->url), "https://ex-api.cn-northwest-1.amazonaws.com.cn");
        QCOMPARE(QString::fromStdString(endpoint->signingName), "exsign");
        s.region = "us-west-2";
        s.useFips = true;
        QCOMPARE(QString::fromStdString(service->resolve(nullptr, {}, s)->url), "https://ex-api-fips.us-west-2.amazonaws.com");
        s.useFips = false;
        s.useDualStack = true;
        QCOMPARE(QString::fromStdString(service->resolve(nullptr, {}, s)->url), "https://ex-api.us-west-2.api.aws");
        s.region.clear();
        QVERIFY(!service->resolve(nullptr, {}, s));
    }

    void requestUrls_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("fromRules");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("bucketSegment");
        QTest::addColumn<QString>("hostPrefix");
        QTest::addColumn<QString>("url");
        QTest::newRow("plain") << "https://sqs.eu-west-1.amazonaws.com" << true << "/" << false << "" << "https://sqs.eu-west-1.amazonaws.com/?q=1";
        QTest::newRow("endpoint path") << "https://example.com/custom" << false << "/" << false << "" << "https://example.com/custom/?q=1";
        QTest::newRow("endpoint path slash") << "https://example.com/custom/" << false << "/x" << false << "" << "https://example.com/custom/x?q=1";
        QTest::newRow("host prefix") << "https://example.com" << false << "/" << false << "data-" << "https://data-example.com/?q=1";
        QTest::newRow("s3 virtual") << "https://b.s3.amazonaws.com" << true << "/b/k%20x" << true << "" << "https://b.s3.amazonaws.com/k%20x?q=1";
        QTest::newRow("s3 path style") << "https://s3.amazonaws.com/b" << true << "/b" << true << "" << "https://s3.amazonaws.com/b?q=1";
        QTest::newRow("s3 no rules") << "https://s3.amazonaws.com" << false << "/b/k" << true << "" << "https://s3.amazonaws.com/b/k?q=1";
    }
    void requestUrls()
    {
        QFETCH(QString, endpoint);
        QFETCH(bool, fromRules);
        QFETCH(QString, path);
        QFETCH(bool, bucketSegment);
        QFETCH(QString, hostPrefix);
        QFETCH(QString, url);
        ResolvedEndpoint e;
        e.url = endpoint.toStdString();
        e.fromRules = fromRules;
        net::HttpRequest r;
        r.path = path.toStdString();
        r.query = "q=1";
        r.leadingBucketSegment = bucketSegment;
        r.hostPrefix = hostPrefix.toStdString();
        QCOMPARE(QString::fromStdString(requestUrl(e, r)), url);
    }
};

QTEST_GUILESS_MAIN(TestEndpointSettings)
#include "tst_endpointsettings.moc"
