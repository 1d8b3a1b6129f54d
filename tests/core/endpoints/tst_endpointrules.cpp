// The endpoint rules engine against the test cases every AWS model carries (smithy.rules#
// endpointTests): the bundled models always, all 402 models when ../shared's archive is there.
#include "EndpointTestCases.h"
#include "endpoints/Partitions.h"
#include "endpoints/RuleEvaluator.h"
#include "endpoints/RuleSet.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus::test;
using namespace cumulus::endpoints;

namespace {

const QString Bundled = QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models");
const QString AllModels = QStringLiteral(CUMULUS_SOURCE_DIR "/../shared/models/all/api-models-aws-all.tar.xz");

const QString KnownDifferences = QStringLiteral(CUMULUS_SOURCE_DIR "/tests/data/endpoints/known-differences.txt");

// "service<TAB>index" of the listed cases.
QStringList knownDifferences()
{
    QStringList ids;
    QFile f(KnownDifferences);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(KnownDifferences));
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith('#'))
            ids << line.section('\t', 0, 1);
    }
    return ids;
}

// Why a case is a failure: it fails and is not listed, or it is listed and passes.
std::string verdict(const EndpointTestCase &c, const std::string &problem)
{
    static const QStringList known = knownDifferences();
    const bool listed = known.contains(QString::fromStdString(c.service) + '\t' + QString::number(c.index));
    if (listed)
        return problem.empty() ? "passes: take it off known-differences.txt" : std::string();
    return problem;
}

QString describe(const EndpointTestCase &c, const std::string &problem)
{
    return QStringLiteral("%1 #%2 (%3): %4")
        .arg(QString::fromStdString(c.service))
        .arg(c.index)
        .arg(QString::fromStdString(c.documentation), QString::fromStdString(problem));
}

} // namespace

class TestEndpointRules : public QObject {
    Q_OBJECT

private slots:
    void bundledModels_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &file : QDir(Bundled).entryList({"*.json"}))
            QTest::newRow(qPrintable(file)) << Bundled + '/' + file;
    }
    void bundledModels()
    {
        QFETCH(QString, file);
        const ModelEndpointTests tests = endpointTestsOf(file);
        QVERIFY2(tests.loadError.empty(), tests.loadError.c_str());
        QVERIFY(!tests.cases.empty());
        QStringList failures;
        for (const EndpointTestCase &c : tests.cases) {
            const std::string problem = verdict(c, runEndpointTestCase(tests, c));
            if (!problem.empty())
                failures << describe(c, problem);
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 10).join('\n') + QStringLiteral("\n(%1 in all)").arg(failures.size())));
    }

    void bundledPartitions_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("partition");
        QTest::addColumn<QString>("dnsSuffix");
        QTest::newRow("listed") << "us-east-1" << "aws" << "amazonaws.com";
        QTest::newRow("pattern") << "eu-future-9" << "aws" << "amazonaws.com";
        QTest::newRow("china") << "cn-north-1" << "aws-cn" << "amazonaws.com.cn";
        QTest::newRow("govcloud") << "us-gov-west-1" << "aws-us-gov" << "amazonaws.com";
        QTest::newRow("iso") << "us-iso-east-1" << "aws-iso" << "c2s.ic.gov";
        QTest::newRow("unknown: aws") << "mars-base-1" << "aws" << "amazonaws.com";
    }
    void bundledPartitions()
    {
        QFETCH(QString, region);
        QFETCH(QString, partition);
        QFETCH(QString, dnsSuffix);
        const RuleValue outputs = Partitions::bundled().partitionOf(region.toStdString()).outputs;
        QCOMPARE(QString::fromStdString(outputs.member("name").toString()), partition);
        QCOMPARE(QString::fromStdString(outputs.member("dnsSuffix").toString()), dnsSuffix);
        QVERIFY(outputs.member("supportsFIPS").isBool());
    }

    void malformedRuleSets_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{" << "not valid JSON";
        QTest::newRow("no rules") << "{'parameters': {}}" << "no rules array";
        QTest::newRow("bad type") << "{'parameters': {'R': {'type': 'Number'}}, 'rules': []}"
                                  << "parameters.R: unknown type 'Number'";
        QTest::newRow("bad default") << "{'parameters': {'R': {'type': 'Boolean', 'default': 'yes'}}, 'rules': []}"
                                     << "parameters.R: the default is not a Boolean";
        QTest::newRow("a parameter twice") // found by fuzz_endpoint_rules: evaluating it read past the variables
            << "{'parameters': {'R': {'type': 'String'}, 'R': {'type': 'String'}}, 'rules': []}"
            << "parameters.R: declared twice";
        QTest::newRow("unknown function")
            << "{'parameters': {}, 'rules': [{'type': 'tree', 'conditions': [], 'rules': [{'type': 'error', 'conditions': [{'fn': 'aws.foo', 'argv': []}], 'error': 'x'}]}]}"
            << "rules[0].rules[0].conditions[0]: unknown function 'aws.foo'";
        QTest::newRow("arity") << "{'parameters': {}, 'rules': [{'type': 'error', 'conditions': [{'fn': 'isSet', 'argv': [1, 2]}], 'error': 'x'}]}"
                               << "rules[0].conditions[0]: isSet takes 1 arguments, not 2";
        QTest::newRow("rule type") << "{'parameters': {}, 'rules': [{'type': 'maybe', 'conditions': []}]}"
                                   << "rules[0]: unknown rule type 'maybe'";
        QTest::newRow("no url") << "{'parameters': {}, 'rules': [{'type': 'endpoint', 'conditions': [], 'endpoint': {}}]}"
                                << "rules[0].endpoint: no url";
        QTest::newRow("template") << "{'parameters': {}, 'rules': [{'type': 'error', 'conditions': [], 'error': '{Region}{x'}]}"
                                  << "rules[0].error: unclosed '{'";
    }
    void malformedRuleSets()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const auto parsed = RuleSet::parse(json.replace('\'', '"').toStdString());
        QVERIFY(!parsed);
        QVERIFY2(QString::fromStdString(parsed.error().message).contains(message), parsed.error().message.c_str());
    }

    void parameterChecks()
    {
        const auto rules = RuleSet::parse(QString("{'parameters': {'Region': {'type': 'String', 'required': true},"
            "'UseFIPS': {'type': 'Boolean', 'required': true, 'default': false}},"
            "'rules': [{'type': 'endpoint', 'conditions': [{'fn': 'booleanEquals', 'argv': [{'ref': 'UseFIPS'}, true]}],"
            "           'endpoint': {'url': 'https://fips.{Region}.example'}},"
            "          {'type': 'endpoint', 'conditions': [], 'endpoint': {'url': 'https://{Region}.example'}}]}").replace('\'', '"').toStdString());
        QVERIFY2(rules, rules ? "" : rules.error().message.c_str());
        auto missing = evaluateRules(**rules, {});
        QVERIFY(!missing);
        QCOMPARE(QString::fromStdString(missing.error().message), "endpoint parameter Region is required and has no value");
        auto wrongType = evaluateRules(**rules, {{"Region", RuleValue(true)}});
        QVERIFY(!wrongType);
        QCOMPARE(QString::fromStdString(wrongType.error().message), "endpoint parameter Region must be a string, not true");
        auto defaulted = evaluateRules(**rules, {{"Region", RuleValue("eu-west-1")}});
        QVERIFY(defaulted);
        QCOMPARE(QString::fromStdString(defaulted->url), "https://eu-west-1.example");
        auto fips = evaluateRules(**rules, {{"Region", RuleValue("eu-west-1")}, {"UseFIPS", RuleValue(true)}});
        QCOMPARE(QString::fromStdString(fips->url), "https://fips.eu-west-1.example");
    }

    void everyAwsModel()
    {
        if (!QFile::exists(AllModels))
            QSKIP("../shared/models/all/api-models-aws-all.tar.xz is absent: the 15,320-case check needs it");
        QTemporaryDir dir;
        QProcess tar;
        tar.start("tar", {"-xJf", AllModels, "-C", dir.path()});
        QVERIFY(tar.waitForFinished(300000) && tar.exitCode() == 0);
        const QDir all(dir.filePath("all"));
        int total = 0, passed = 0;
        QStringList failures;
        for (const QString &file : all.entryList({"*.json"})) {
            const ModelEndpointTests tests = endpointTestsOf(all.filePath(file));
            QVERIFY2(tests.loadError.empty(), qPrintable(file + ": " + QString::fromStdString(tests.loadError)));
            for (const EndpointTestCase &c : tests.cases) {
                ++total;
                const std::string problem = runEndpointTestCase(tests, c);
                passed += problem.empty();
                if (const std::string v = verdict(c, problem); !v.empty())
                    failures << describe(c, v);
            }
        }
        qInfo("endpoint test cases: %d of %d pass; the rest are in known-differences.txt", passed, total);
        QCOMPARE(total, 15320);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 20).join('\n') + QStringLiteral("\n(%1 in all)").arg(failures.size())));
    }
};

QTEST_GUILESS_MAIN(TestEndpointRules)
#include "tst_endpointrules.moc"
