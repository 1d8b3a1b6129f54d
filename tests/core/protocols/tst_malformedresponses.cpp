// Responses that cannot be read — not JSON/XML, truncated, nested absurdly deep — give a clear
// problem in every protocol (the caller keeps the raw bytes); nothing crashes.
#include "model/SmithyJsonLoader.h"
#include "protocols/Protocol.h"

#include <QtTest>

using namespace cumulus;

namespace {

class ZeroRandom final : public util::Random {
public:
    std::uint64_t next64() override { return 0; }
};

protocols::ParsedResponse parse(const QString &modelFile, const QString &operation, int status,
                                const std::string &contentType, const std::string &body)
{
    const model::LoadResult loaded = model::loadSmithyJsonFile(QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/") + modelFile);
    if (!loaded.ok())
        qFatal("%s does not load", qPrintable(modelFile));
    const model::Shape *service = loaded.model->shapesOfType(model::ShapeType::Service)[0];
    const model::Shape *op = nullptr;
    for (const model::Shape *shape : loaded.model->shapesOfType(model::ShapeType::Operation))
        if (QString::fromUtf8(shape->id.name().data(), qsizetype(shape->id.name().size())) == operation)
            op = shape;
    if (!op)
        qFatal("no operation %s", qPrintable(operation));
    net::HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", contentType}};
    response.body = body;
    ZeroRandom random;
    return protocols::protocolFor(*service)->parse({*loaded.model, *service, *op, random}, response);
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
};

QTEST_GUILESS_MAIN(TestMalformedResponses)
#include "tst_malformedresponses.moc"
