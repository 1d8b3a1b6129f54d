// The official AWS SigV4 test suite (aws-c-auth, tests/data/sigv4/v4): 38 cases, each checked at
// every stage — canonical request, string to sign, signature, signed request — in both header and
// query (presigned) mode, so a failure names the case, the mode and the stage.
#include "RawHttpRequest.h"
#include "sigv4/CanonicalQuery.h"
#include "sigv4/Signer.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cumulus;

namespace {

const QString SuiteDir = QStringLiteral(CUMULUS_TEST_DATA_DIR "/sigv4/v4");

struct Case {
    sigv4::SignableRequest request;
    sigv4::SigningParams params;
    bool query = false;
    QString dir;
    QString prefix; // "header-" or "query-"
};

Case loadCase(const QString &name, bool query)
{
    Case c;
    c.dir = SuiteDir + '/' + name;
    c.query = query;
    c.prefix = query ? QStringLiteral("query-") : QStringLiteral("header-");
    c.request =
        test::RawHttpRequest::parse(test::readTestFile(c.dir + "/request.txt")).toSignable();

    const QJsonObject context =
        QJsonDocument::fromJson(test::readTestFile(c.dir + "/context.json")).object();
    const QJsonObject credentials = context.value("credentials").toObject();
    c.params.credentials.accessKeyId = credentials.value("access_key_id").toString().toStdString();
    c.params.credentials.secretAccessKey =
        credentials.value("secret_access_key").toString().toStdString();
    c.params.credentials.sessionToken = credentials.value("token").toString().toStdString();
    c.params.region = context.value("region").toString().toStdString();
    c.params.service = context.value("service").toString().toStdString();
    const QDateTime time =
        QDateTime::fromString(context.value("timestamp").toString(), Qt::ISODate);
    c.params.time = std::chrono::sys_seconds(std::chrono::seconds(time.toSecsSinceEpoch()));
    c.params.normalizePath = context.value("normalize").toBool(true);
    c.params.contentSha256Header = context.value("sign_body").toBool(false);
    c.params.omitSessionToken = context.value("omit_session_token").toBool(false);
    c.params.expiresSeconds = context.value("expiration_in_seconds").toInt(3600);
    return c;
}

sigv4::SigningResult signCase(const Case &c)
{
    const sigv4::Signer signer;
    auto result = c.query ? signer.presign(c.request, c.params) : signer.sign(c.request, c.params);
    if (!result) {
        qWarning("signing failed: %s", result.error().message.c_str());
        return {};
    }
    return *result;
}

std::string expected(const Case &c, const char *stage)
{
    return test::readTestFile(c.dir + '/' + c.prefix + QLatin1String(stage)).toStdString();
}

} // namespace

class TestSigV4Suite : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QDir(SuiteDir).exists(), qPrintable("missing test data: " + SuiteDir));
        const QStringList cases = QDir(SuiteDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(cases.size(), 38);
    }

    void canonicalRequest_data() { addRows(); }
    void canonicalRequest()
    {
        QFETCH(QString, name);
        QFETCH(bool, query);
        const Case c = loadCase(name, query);
        QCOMPARE(signCase(c).canonicalRequest, expected(c, "canonical-request.txt"));
    }

    void stringToSign_data() { addRows(); }
    void stringToSign()
    {
        QFETCH(QString, name);
        QFETCH(bool, query);
        const Case c = loadCase(name, query);
        QCOMPARE(signCase(c).stringToSign, expected(c, "string-to-sign.txt"));
    }

    void signature_data() { addRows(); }
    void signature()
    {
        QFETCH(QString, name);
        QFETCH(bool, query);
        const Case c = loadCase(name, query);
        QCOMPARE(signCase(c).signature, expected(c, "signature.txt"));
    }

    void signedRequest_data() { addRows(); }
    void signedRequest()
    {
        QFETCH(QString, name);
        QFETCH(bool, query);
        const Case c = loadCase(name, query);
        sigv4::SignableRequest signedRequest = c.request;
        signCase(c).applyTo(signedRequest);

        test::RawHttpRequest mine;
        mine.method = signedRequest.method;
        mine.path = signedRequest.path;
        mine.query = signedRequest.query;
        mine.headers = signedRequest.headers;
        mine.body = signedRequest.body;
        const auto theirs = test::RawHttpRequest::parse(
            test::readTestFile(c.dir + '/' + c.prefix + "signed-request.txt"));

        QCOMPARE(mine.method, theirs.method);
        QCOMPARE(mine.path, theirs.path);
        // The suite writes the query's own fields raw; we send them in SigV4's encoding.
        test::RawHttpRequest theirsEncoded = theirs;
        theirsEncoded.query = sigv4::canonical::normalizedQuery(theirs.query);
        QCOMPARE(mine.sortedQueryFields(), theirsEncoded.sortedQueryFields());
        QCOMPARE(mine.normalizedHeaders(), theirs.normalizedHeaders());
        QCOMPARE(mine.body, theirs.body);
    }

private:
    void addRows()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("query");
        for (const QString &name : QDir(SuiteDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QTest::newRow(qPrintable(name + "/header")) << name << false;
            QTest::newRow(qPrintable(name + "/query")) << name << true;
        }
    }
};

QTEST_APPLESS_MAIN(TestSigV4Suite)
#include "tst_sigv4suite.moc"
