// QnamTransport against a scripted loopback server: what goes out, what comes back, and every way
// an answer can fail to come.
#include "ResidentMemory.h"
#include "ScriptedHttpServer.h"
#include "net/QnamTransport.h"

#include <QTcpServer>
#include <QtTest>

using namespace cumulus;
using test::ScriptedHttpServer;

class TestTransport : public QObject {
    Q_OBJECT

private slots:
    void sendsAsGivenAndReadsTheAnswer()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::answer(201, "{\"ok\": true}", {{"x-amzn-RequestId", "abc"}, {"Content-Type", "application/json"}})});
        net::QnamTransport transport;
        net::TransportRequest request{"POST", server.url() + "/a%20b/c+d~e?x=1%2F2",
                                      {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", "T.Op"}, {"Host", "ignored"}},
                                      "{}"};
        const net::TransportResult result = transport.send(request, nullptr);
        QVERIFY2(result.ok(), result.message.c_str());
        QCOMPARE(result.response.status, 201);
        QCOMPARE(result.response.body, std::string("{\"ok\": true}"));
        QCOMPARE(result.response.header("x-amzn-requestid")->value, std::string("abc"));
        QCOMPARE(server.received().size(), std::size_t(1));
        const auto &r = server.received()[0];
        QCOMPARE(r.method, std::string("POST"));
        QCOMPARE(r.target, std::string("/a%20b/c+d~e?x=1%2F2")); // the path exactly as signed
        QCOMPARE(r.body, std::string("{}"));
        QCOMPARE(r.header("X-Amz-Target"), std::string("T.Op"));
        QCOMPARE(r.header("Accept-Encoding"), std::string("identity"));
        QVERIFY(r.header("User-Agent").rfind("cumulus/", 0) == 0);
        QCOMPARE(r.header("Host"), server.url().substr(7));
    }

    void getWithoutBody()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::answer(404, "<Error><Code>NoSuchKey</Code></Error>")});
        net::QnamTransport transport;
        const auto result = transport.send({"GET", server.url() + "/bucket/key", {}, ""}, nullptr);
        QVERIFY(result.ok()); // an error status is still an answer
        QCOMPARE(result.response.status, 404);
        QCOMPARE(server.received()[0].header("Content-Length"), std::string());
    }

    void redirectsAreAnswers()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::answer(301, "<Error><Code>PermanentRedirect</Code></Error>",
                                                  {{"Location", "http://127.0.0.1:1/elsewhere"}})});
        net::QnamTransport transport;
        const auto result = transport.send({"GET", server.url() + "/b", {}, ""}, nullptr);
        QVERIFY(result.ok());
        QCOMPARE(result.response.status, 301);
        QCOMPARE(server.received().size(), std::size_t(1));
    }

    void connectionClosedWithoutAnswer()
    {
        // Qt's HTTP stack sends a request a second time when the connection closes before any byte
        // of the answer (its keep-alive race handling); only a second close is a failure.
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::close(), ScriptedHttpServer::close()});
        net::QnamTransport transport;
        const auto result = transport.send({"POST", server.url() + "/", {{"Content-Type", "text/plain"}}, "x"}, nullptr);
        QCOMPARE(server.received().size(), std::size_t(2));
        QCOMPARE(result.failure, net::TransportFailure::ConnectionClosed);
        QVERIFY2(result.message.find("POST http://127.0.0.1") != std::string::npos, result.message.c_str());
    }

    void answerCutShort()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::cutShort("{\"partial", 1000)});
        net::QnamTransport transport;
        const auto result = transport.send({"GET", server.url() + "/", {}, ""}, nullptr);
        QCOMPARE(result.failure, net::TransportFailure::ConnectionClosed);
    }

    void headAnswerHasNoBody()
    {
        // A HEAD answer's Content-Length is the size of what a GET would get; no body follows, and a
        // server that closes the connection right after it (s3rver on an error) cut nothing short.
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::cutShort("", 268)});
        net::QnamTransport transport;
        const auto result = transport.send({"HEAD", server.url() + "/bucket/key", {}, ""}, nullptr);
        QVERIFY2(result.ok(), result.message.c_str());
        QCOMPARE(result.response.status, 200);
        QCOMPARE(result.response.body, std::string());
    }

    void headOfAHugeObjectIsNotTooLarge()
    {
        // HeadObject on a 5 GB object, the connection kept open as S3 keeps it: the Content-Length
        // is the object's, the answer has no body. (Sent as a custom verb, Qt waited for 5 GB until
        // the read timeout; and the length was refused as over the limit.)
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::answer(200, "", {{"Content-Length", "5000000000"}})});
        net::TransportOptions options;
        options.maxResponseBytes = 1000;
        net::QnamTransport transport(options);
        const auto result = transport.send({"HEAD", server.url() + "/bucket/big", {}, ""}, nullptr);
        QVERIFY2(result.ok(), result.message.c_str());
        QCOMPARE(result.response.header("Content-Length")->value, std::string("5000000000"));
    }

    void stalledAnswerTimesOut()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::stall()});
        net::TransportOptions options;
        options.readTimeout = std::chrono::milliseconds(300);
        options.connectTimeout = std::chrono::milliseconds(0); // no limit: the read timeout is what ends it
        net::QnamTransport transport(options);
        const auto result = transport.send({"GET", server.url() + "/slow?X-Amz-Signature=secret", {}, ""}, nullptr);
        QCOMPARE(result.failure, net::TransportFailure::Timeout);
        QVERIFY2(result.message.find("no answer for 0.3 s from GET http://127.0.0.1") == 0, result.message.c_str());
        QVERIFY(result.message.find("secret") == std::string::npos); // the query (a presigned signature) is not shown
    }

    void handshakeThatNeverEndsIsAConnectTimeout()
    {
        // A server that takes the TCP connection and never answers the TLS hello: the connect
        // timeout ends it, not the (long) read timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        net::TransportOptions options;
        options.connectTimeout = std::chrono::milliseconds(300);
        options.readTimeout = std::chrono::hours(1);
        net::QnamTransport transport(options);
        const auto result = transport.send(
            {"GET", "https://127.0.0.1:" + std::to_string(silent.serverPort()) + "/", {}, ""}, nullptr);
        QCOMPARE(result.failure, net::TransportFailure::Timeout);
        QVERIFY2(result.message.find("could not connect within 0.3 s to GET https://127.0.0.1") == 0, result.message.c_str());
    }

    void noLimitWaitsUntilCancelled()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::stall()});
        net::TransportOptions options;
        options.connectTimeout = options.readTimeout = std::chrono::milliseconds(0);
        net::QnamTransport transport(options);
        std::atomic<bool> cancel{false};
        QTimer::singleShot(400, [&] { cancel = true; });
        const auto result = transport.send({"GET", server.url() + "/", {}, ""}, &cancel);
        QCOMPARE(result.failure, net::TransportFailure::Cancelled);
    }

    void timeoutsInSeconds()
    {
        QCOMPARE(net::timeoutFromSeconds("5", "--cli-read-timeout").value(), std::chrono::milliseconds(5000));
        QCOMPARE(net::timeoutFromSeconds("0.25", "--cli-read-timeout").value(), std::chrono::milliseconds(250));
        QCOMPARE(net::timeoutFromSeconds("0", "--cli-read-timeout").value(), std::chrono::milliseconds(0));
        for (const char *bad : {"", "-1", "5s", "nan", "1e9", " 5"}) {
            const auto t = net::timeoutFromSeconds(bad, "--cli-connect-timeout");
            QVERIFY2(!t, bad);
            QVERIFY(t.error().message.rfind("--cli-connect-timeout wants seconds", 0) == 0);
        }
        QCOMPARE(net::describeTimeout(std::chrono::milliseconds(60000)), std::string("60 s"));
        QCOMPARE(net::describeTimeout(std::chrono::milliseconds(0)), std::string("no limit"));
    }

    void answerTooLarge()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::answer(200, std::string(100000, 'x'))});
        net::TransportOptions options;
        options.maxResponseBytes = 1000;
        net::QnamTransport transport(options);
        const auto result = transport.send({"GET", server.url() + "/big", {}, ""}, nullptr);
        QCOMPARE(result.failure, net::TransportFailure::TooLarge);
        QVERIFY2(result.message.find("larger than the limit of 1000 bytes") != std::string::npos, result.message.c_str());
    }

    void endlessAnswerStopsAtTheLimit()
    {
        // 2 GB without a Content-Length (chunked): read until the limit, and no more held than it.
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::flood(2'000'000'000, false)});
        net::TransportOptions options;
        options.maxResponseBytes = 64 << 20;
        net::QnamTransport transport(options);
        net::TransportResult result;
        const auto grew = test::residentGrowthKib([&] { result = transport.send({"GET", server.url() + "/", {}, ""}, nullptr); });
        QCOMPARE(result.failure, net::TransportFailure::TooLarge);
        QVERIFY2(result.message.find("larger than the limit of 67108864 bytes") != std::string::npos, result.message.c_str());
        qInfo("the resident set grew by %ld KiB", grew.value_or(0));
        QVERIFY2(!grew || *grew < 3 * 64 * 1024, qPrintable(QStringLiteral("the resident set grew by %1 KiB").arg(grew.value_or(0))));
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        net::QnamTransport transport;
        const auto result = transport.send({"GET", "http://127.0.0.1:" + std::to_string(port) + "/", {}, ""}, nullptr);
        QCOMPARE(result.failure, net::TransportFailure::ConnectionRefused);
    }

    void cancelled()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::stall()});
        net::QnamTransport transport;
        std::atomic<bool> cancel{false};
        QTimer::singleShot(100, [&] { cancel = true; });
        const auto result = transport.send({"GET", server.url() + "/", {}, ""}, &cancel);
        QCOMPARE(result.failure, net::TransportFailure::Cancelled);
    }

    void untrustedCertificateIsAnErrorWithItsDetails()
    {
        const test::TestCertificate certificate = test::makeSelfSignedCertificate("wrong.example");
        ScriptedHttpServer server(certificate.certificate, certificate.key);
        server.script({ScriptedHttpServer::answer(200, "secret data")});
        net::QnamTransport transport;
        const auto result = transport.send({"GET", server.url() + "/", {}, ""}, nullptr);
        QCOMPARE(result.failure, net::TransportFailure::Tls);
        const std::string digest = certificate.certificate.digest(QCryptographicHash::Sha256).toHex().toStdString();
        QVERIFY2(result.message.find("certificate for 'wrong.example' issued by 'wrong.example'") != std::string::npos, result.message.c_str());
        QVERIFY2(result.message.find("SHA-256 " + digest) != std::string::npos, result.message.c_str());
        QVERIFY(server.received().empty()); // nothing was sent over the untrusted connection
    }

    void certificateTrustedByItsDigest()
    {
        const test::TestCertificate certificate = test::makeSelfSignedCertificate("wrong.example");
        ScriptedHttpServer server(certificate.certificate, certificate.key);
        server.script({ScriptedHttpServer::answer(200, "hello over TLS")});
        net::TransportOptions options;
        options.trustedCertificates = {certificate.certificate.digest(QCryptographicHash::Sha256).toHex().toStdString()};
        net::QnamTransport transport(options);
        const auto result = transport.send({"GET", server.url() + "/", {}, ""}, nullptr);
        QVERIFY2(result.ok(), result.message.c_str());
        QCOMPARE(result.response.body, std::string("hello over TLS"));
        // Another certificate is still refused.
        const test::TestCertificate other = test::makeSelfSignedCertificate("wrong.example");
        ScriptedHttpServer otherServer(other.certificate, other.key);
        QCOMPARE(transport.send({"GET", otherServer.url() + "/", {}, ""}, nullptr).failure, net::TransportFailure::Tls);
    }

    void notAUrl()
    {
        net::QnamTransport transport;
        const auto result = transport.send({"GET", "ftp://example.com/", {}, ""}, nullptr);
        QCOMPARE(result.failure, net::TransportFailure::Other);
        QCOMPARE(result.message, std::string("not an http(s) URL: ftp://example.com/"));
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
