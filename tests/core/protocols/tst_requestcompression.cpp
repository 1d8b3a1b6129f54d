// @requestCompression: large bodies gzip'd (and really gunzip back), small ones and operations
// without the trait left alone, Content-Encoding appended to, Content-Length updated.
#include "model/BotocoreLoader.h"
#include "protocols/RequestCompression.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;

namespace {

model::Shape operation(bool withTrait)
{
    model::Shape shape;
    shape.id = *model::ShapeId::parse("ex#Put");
    shape.type = model::ShapeType::Operation;
    if (withTrait)
        shape.traits.push_back({"smithy.api#requestCompression", R"({"encodings":["gzip"]})"});
    return shape;
}

QByteArray gunzip(const std::string &data)
{
    QTemporaryDir dir;
    QFile file(dir.filePath("body.gz"));
    file.open(QIODevice::WriteOnly);
    file.write(QByteArray::fromStdString(data));
    file.close();
    QProcess gzip;
    gzip.start("gzip", {"-dc", file.fileName()});
    gzip.waitForFinished();
    return gzip.readAllStandardOutput();
}

} // namespace

class TestRequestCompression : public QObject {
    Q_OBJECT

private slots:
    void compressesLargeBodies()
    {
        net::HttpRequest request;
        request.body = std::string(20000, 'a') + "end";
        request.headers = {{"Content-Encoding", "custom"}, {"Content-Length", "20003"}};
        protocols::applyRequestCompression(operation(true), request);
        QVERIFY(request.body.size() < 1000);
        QCOMPARE(gunzip(request.body), QByteArray(20000, 'a') + "end");
        QCOMPARE(request.header("Content-Encoding")->value, std::string("custom, gzip"));
        QCOMPARE(request.header("Content-Length")->value, std::to_string(request.body.size()));
    }

    void leavesOthersAlone()
    {
        net::HttpRequest small;
        small.body = "{}";
        protocols::applyRequestCompression(operation(true), small);
        QCOMPARE(small.body, std::string("{}"));
        QVERIFY(!small.header("Content-Encoding"));

        net::HttpRequest large;
        large.body = std::string(20000, 'a');
        protocols::applyRequestCompression(operation(false), large);
        QCOMPARE(large.body.size(), std::size_t(20000));
    }
};

QTEST_GUILESS_MAIN(TestRequestCompression)
#include "tst_requestcompression.moc"
