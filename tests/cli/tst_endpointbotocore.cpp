// Differential test: the URL `cumulus-cli call --dry-run` sends to, against the URL botocore itself
// prepares (tests/peers/botocore_endpoint_urls.py), for sts, iam, s3, dynamodb and sqs in four
// partitions' regions, S3 bucket styles, custom endpoints, FIPS and dual-stack.
#include "CallCommand.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "SeededRandom.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include "Botocore.h"
#include <QtTest>

#include <sstream>

using namespace cumulus;

namespace {

QJsonObject makeCase(const QString &service, const QString &operation, const QString &region,
                     const QJsonObject &params = {}, const QJsonObject &env = {})
{
    QJsonObject c{{"service", service}, {"operation", operation}, {"region", region}, {"params", params}};
    if (!env.isEmpty())
        c.insert("env", env);
    return c;
}

QJsonArray cases()
{
    QJsonArray list;
    const QJsonObject regional{{"AWS_STS_REGIONAL_ENDPOINTS", "regional"}};
    for (const QString region : {"us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1"}) {
        list.append(makeCase("sts", "GetCallerIdentity", region, {}, regional));
        list.append(makeCase("sts", "GetCallerIdentity", region, {}, QJsonObject{{"AWS_STS_REGIONAL_ENDPOINTS", "legacy"}}));
        list.append(makeCase("iam", "ListUsers", region));
        list.append(makeCase("dynamodb", "ListTables", region));
        list.append(makeCase("sqs", "ListQueues", region));
        list.append(makeCase("s3", "ListBuckets", region));
        list.append(makeCase("s3", "ListObjectsV2", region, {{"Bucket", "my-bucket"}}));
        list.append(makeCase("s3", "ListObjectsV2", region, {{"Bucket", "my.dotted.bucket"}}));
        list.append(makeCase("s3", "GetObject", region, {{"Bucket", "my-bucket"}, {"Key", "a b/c+d.txt"}}));
        QJsonObject pathStyle = makeCase("s3", "GetObject", region, {{"Bucket", "my-bucket"}, {"Key", "k"}});
        pathStyle.insert("s3", QJsonObject{{"addressing_style", "path"}});
        list.append(pathStyle);
        list.append(makeCase("dynamodb", "ListTables", region, {}, QJsonObject{{"AWS_USE_FIPS_ENDPOINT", "true"}}));
        list.append(makeCase("s3", "GetObject", region, {{"Bucket", "my-bucket"}, {"Key", "k"}},
                             QJsonObject{{"AWS_USE_DUALSTACK_ENDPOINT", "true"}}));
    }
    for (const QString endpoint : {"http://localhost:4568", "https://minio.example.com:9000/prefix"}) {
        QJsonObject c = makeCase("s3", "GetObject", "us-east-1", {{"Bucket", "my-bucket"}, {"Key", "k"}});
        c.insert("endpoint_url", endpoint);
        list.append(c);
    }
    QJsonObject dynamo = makeCase("dynamodb", "ListTables", "eu-west-1");
    dynamo.insert("endpoint_url", "http://localhost:8000");
    list.append(dynamo);
    QJsonObject viaEnv = makeCase("sqs", "ListQueues", "eu-west-1", {}, QJsonObject{{"AWS_ENDPOINT_URL_SQS", "http://localhost:9324"}});
    list.append(viaEnv);
    return list;
}

// The URL without its query: botocore adds encoding-type=url to S3 listings (a customization that
// also rewrites the response); the endpoint is what this test is about.
QString withoutQuery(const QString &url)
{
    return url.section('?', 0, 0);
}

} // namespace

class TestEndpointBotocore : public QObject {
    Q_OBJECT

private slots:
    void dryRunUrlsMatchBotocore()
    {
        const QString python = test::findPythonWithBotocore();
        QVERIFY2(!python.isEmpty(), "botocore is missing: the README's test command installs python3-botocore");
        const QJsonArray list = cases();
        QProcess botocore;
        botocore.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        botocore.start(python, {QStringLiteral(CUMULUS_SOURCE_DIR "/tests/peers/botocore_endpoint_urls.py")});
        botocore.write(QJsonDocument(list).toJson());
        botocore.closeWriteChannel();
        QVERIFY(botocore.waitForFinished(300000) && botocore.exitCode() == 0);
        const QJsonArray expected = QJsonDocument::fromJson(botocore.readAllStandardOutput()).array();
        QCOMPARE(expected.size(), list.size());

        QStringList differences;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject c = list[i].toObject();
            test::FakeEnvironment environment;
            const QJsonObject env = c.value("env").toObject();
            for (auto it = env.begin(); it != env.end(); ++it)
                environment.set(it.key(), it.value().toString());
            std::vector<std::string> args = {c.value("service").toString().toStdString(),
                                             c.value("operation").toString().toStdString(),
                                             "--dry-run", "--no-sign", "--json",
                                             "--region", c.value("region").toString().toStdString(),
                                             "--input", QJsonDocument(c.value("params").toObject()).toJson().toStdString()};
            if (c.contains("endpoint_url"))
                args.insert(args.end(), {"--endpoint-url", c.value("endpoint_url").toString().toStdString()});
            if (c.value("s3").toObject().value("addressing_style") == QLatin1String("path"))
                args.insert(args.end(), {"--param", "ForcePathStyle=true"});
            test::MockClock clock;
            test::SeededRandom random(1);
            test::FakeSleeper sleeper(clock);
    std::istringstream in;
            std::ostringstream out, err;
            const int code = cli::runCallCommand(args, environment, clock, random, sleeper, in, out, err);
            const QString label = QString::fromUtf8(QJsonDocument(c).toJson(QJsonDocument::Compact));
            const QString want = expected[i].toObject().value("url").toString();
            if (want.isEmpty()) {
                differences << label + ": botocore: " + expected[i].toObject().value("error").toString();
                continue;
            }
            if (code != 0) {
                differences << label + ": cumulus-cli: " + QString::fromStdString(err.str()).trimmed();
                continue;
            }
            const QString got = QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object().value("url").toString();
            if (withoutQuery(got) != withoutQuery(want))
                differences << label + ":\n  cumulus  " + got + "\n  botocore " + want;
        }
        qInfo("%lld calls resolved as botocore resolves them", list.size() - differences.size());
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestEndpointBotocore)
#include "tst_endpointbotocore.moc"
