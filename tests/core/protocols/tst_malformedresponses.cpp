// Responses that cannot be read — not JSON/XML, truncated, nested absurdly deep — give a clear
// problem in every protocol (the caller keeps the raw bytes); nothing crashes.
#include "ParseResponse.h"
#include "protocols/UnreadableBody.h"

#include <QtTest>

using namespace cumulus;

namespace {

protocols::ParsedResponse parse(const QString &modelFile, const QString &operation, int status,
                                const std::string &contentType, const std::string &body)
{
    net::HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", contentType}};
    response.body = body;
    return test::parseResponse(QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/") + modelFile,
                               operation.toStdString(), response);
}

std::string nested(const std::string &open, const std::string &close, int depth)
{
    std::string text;
    for (int i = 0; i < depth; ++i)
        text += open;
    for (int i = 0; i < depth; ++i)
        text += close;
    return text;
}

} // namespace

class TestMalformedResponses : public QObject {
    Q_OBJECT

private slots:
    void problemsNotCrashes_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QByteArray>("body");
        const std::pair<const char *, const char *> json[] = {{"dynamodb.json", "ListTables"}, {"lambda.json", "ListFunctions"}};
        for (const auto &[file, op] : json) {
            for (int status : {200, 400}) {
                const QString name = QString("%1 %2 ").arg(file).arg(status);
                QTest::newRow(qPrintable(name + "not JSON")) << file << op << status << "application/json" << QByteArray("<html>oops</html>");
                QTest::newRow(qPrintable(name + "truncated")) << file << op << status << "application/json" << QByteArray("{\"TableNames\": [\"a\", \"b");
                QTest::newRow(qPrintable(name + "nested")) << file << op << status << "application/json"
                                                           << QByteArray::fromStdString(nested("[", "]", 100000));
            }
        }
        const std::pair<const char *, const char *> xml[] = {{"sts.json", "GetCallerIdentity"}, {"s3.json", "ListBuckets"}};
        for (const auto &[file, op] : xml) {
            for (int status : {200, 403}) {
                const QString name = QString("%1 %2 ").arg(file).arg(status);
                QTest::newRow(qPrintable(name + "not XML")) << file << op << status << "text/xml" << QByteArray("{\"json\": true}");
                QTest::newRow(qPrintable(name + "truncated")) << file << op << status << "text/xml" << QByteArray("<ErrorResponse><Error><Code>Thrott");
                QTest::newRow(qPrintable(name + "nested")) << file << op << status << "text/xml"
                                                           << QByteArray::fromStdString(nested("<a>", "</a>", 100000));
            }
        }
    }

    void problemsNotCrashes()
    {
        QFETCH(QString, model);
        QFETCH(QString, operation);
        QFETCH(int, status);
        QFETCH(QString, contentType);
        QFETCH(QByteArray, body);
        const auto parsed = parse(model, operation, status, contentType.toStdString(), body.toStdString());
        QCOMPARE(parsed.status, status);
        QVERIFY2(!parsed.problem.empty(), "an unreadable body must be reported as a problem");
        QVERIFY(!parsed.error || status >= 300);
        QVERIFY(parsed.output.isEmpty());
    }

    void firstInvalidUtf8_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("offset"); // -1: valid
        QTest::newRow("ascii") << QByteArray("{\"a\": 1}") << -1;
        QTest::newRow("two, three, four bytes") << QByteArray("\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") << -1;
        QTest::newRow("latin-1") << QByteArray("caf\xe9") << 3;
        QTest::newRow("cut short") << QByteArray("ab\xe2\x82") << 2;
        QTest::newRow("lone continuation") << QByteArray("a\x80") << 1;
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << 0;
        QTest::newRow("overlong three") << QByteArray("\xe0\x80\xaf") << 0;
        QTest::newRow("surrogate") << QByteArray("x\xed\xa0\x80") << 1;
        QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 0;
        QTest::newRow("bad third byte") << QByteArray("\xe2\x82\x41") << 0;
    }

    void firstInvalidUtf8()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, offset);
        const auto bad = protocols::firstInvalidUtf8(std::string_view(text.constData(), std::size_t(text.size())));
        QCOMPARE(bad ? int(*bad) : -1, offset);
    }
};

QTEST_GUILESS_MAIN(TestMalformedResponses)
#include "tst_malformedresponses.moc"
