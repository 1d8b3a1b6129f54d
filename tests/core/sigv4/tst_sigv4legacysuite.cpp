// The older AWS SigV4 test suite (.req/.creq/.sts/.authz/.sreq), where it applies (the cases left
// out say why below): every case with
// a request and a canonical request, at every stage the case has files for. Time, region and
// service come from the case itself (X-Amz-Date, the credential scope).
#include "RawHttpRequest.h"
#include "sigv4/AmzDate.h"
#include "sigv4/Signer.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QtTest>

using namespace cumulus;

namespace {

const QString SuiteDir = QStringLiteral(CUMULUS_TEST_DATA_DIR "/sigv4/legacy");
const char *Token =
    "AQoDYXdzEPT//////////"
    "wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoI"
    "YRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5"
    "VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+"
    "scqKmlzm8FDrypNC9Y"
    "jc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

QString file(const QString &base, const char *extension)
{
    return base + QLatin1Char('.') + QLatin1String(extension);
}

struct Case {
    test::RawHttpRequest raw;
    sigv4::SigningParams params;
};

Case load(const QString &base)
{
    Case c;
    c.raw = test::RawHttpRequest::parse(test::readTestFile(file(base, "req")));
    c.params.credentials.accessKeyId = "AKIDEXAMPLE";
    c.params.credentials.secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    c.params.region = "us-east-1";
    c.params.service = "service";
    // The suite's documented signing time, for requests that carry no X-Amz-Date.
    c.params.time = *sigv4::parseAmzDate("20150830T123600Z");
    for (const sigv4::Header &header : c.raw.headers) {
        if (QByteArray::fromStdString(header.name).toLower() == "x-amz-date")
            c.params.time = sigv4::parseAmzDate(header.value).value_or(c.params.time);
    }
    // The scope (date/region/service/aws4_request) is the third line of the string to sign.
    const QList<QByteArray> sts = test::readTestFile(file(base, "sts")).split('\n');
    if (sts.size() > 2) {
        const QList<QByteArray> scope = sts[2].split('/');
        if (scope.size() == 4) {
            c.params.region = scope[1].toStdString();
            c.params.service = scope[2].toStdString();
        }
    }
    if (base.contains("post-sts-token")) {
        c.params.credentials.sessionToken = Token;
        c.params.omitSessionToken = base.endsWith("after");
        // The "before" case carries the token in its request already; the signer adds its own.
    }
    return c;
}

sigv4::SigningResult sign(const Case &c)
{
    const sigv4::Signer signer;
    auto result = signer.sign(c.raw.toSignable(), c.params);
    return result ? *result : sigv4::SigningResult{};
}

} // namespace

class TestSigV4LegacySuite : public QObject {
    Q_OBJECT

private slots:
    void stages_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("stage");
        QDirIterator it(SuiteDir, {QStringLiteral("*.req")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList bases;
        while (it.hasNext())
            bases << it.next().chopped(4);
        bases.sort();
        QVERIFY(bases.size() >= 30);
        for (const QString &base : bases) {
            const QString name = QFileInfo(base).fileName();
            // Where the old suite does not apply: it reads a multi-line header value as three
            // values ("value1,value2,value3"); the current suite (aws-c-auth v4) and botocore read
            // one value and collapse its whitespace ("value1 value2 value3"), as AWS does.
            if (name == "get-header-value-multiline")
                continue;
            // smithy-rs edited these two into inconsistency: the canonical headers list
            // content-type while SignedHeaders leaves it out, which no SigV4 signer can produce.
            if (name.startsWith("post-x-www-form-urlencoded"))
                continue;
            for (const char *stage : {"creq", "sts", "authz", "sreq"}) {
                // double-encode-path's .sreq was signed at another time than its .req says.
                if (name == "double-encode-path" && QLatin1String(stage) != QLatin1String("creq"))
                    continue;
                // Files signed by smithy-rs with key id ANOTREAL use a secret it never published
                // (botocore and Cumulus agree with each other on those requests, not with them).
                if (QFileInfo::exists(file(base, stage))
                    && !test::readTestFile(file(base, stage)).contains("ANOTREAL"))
                    QTest::newRow(qPrintable(name + '/' + stage))
                        << base << QString::fromLatin1(stage);
            }
        }
    }

    void stages()
    {
        QFETCH(QString, base);
        QFETCH(QString, stage);
        const Case c = load(base);
        const std::string expected =
            test::readTestFile(file(base, qPrintable(stage))).toStdString();
        const sigv4::SigningResult result = sign(c);

        if (stage == "creq") {
            if (base.endsWith("double-encode-path")) {
                // This case's .creq was written for another X-Amz-Date than its .req carries; only
                // its canonical URI (the point of the case) is consistent.
                QCOMPARE(QByteArray::fromStdString(result.canonicalRequest).split('\n').value(1),
                         QByteArray::fromStdString(expected).split('\n').value(1));
                return;
            }
            QCOMPARE(result.canonicalRequest, expected);
        } else if (stage == "sts") {
            QCOMPARE(result.stringToSign + "\n",
                     expected.back() == '\n' ? expected : expected + "\n");
        } else if (stage == "authz") {
            QCOMPARE(result.authorization, expected);
        } else {
            sigv4::SignableRequest signedRequest = c.raw.toSignable();
            result.applyTo(signedRequest);
            test::RawHttpRequest mine = c.raw;
            mine.headers = signedRequest.headers;
            const auto theirs = test::RawHttpRequest::parse(QByteArray::fromStdString(expected));
            QCOMPARE(mine.method, theirs.method);
            QCOMPARE(mine.path, theirs.path);
            QCOMPARE(mine.normalizedHeaders(), theirs.normalizedHeaders());
        }
    }
};

QTEST_APPLESS_MAIN(TestSigV4LegacySuite)
#include "tst_sigv4legacysuite.moc"
