// Faults on the wire, through the whole call (`cumulus-cli call`): each gives a clear error, bounded
// memory and botocore's retry decision. botocore 1.43 (standard and legacy modes alike) retries a
// connection closed mid-answer, a read timeout and a TLS failure (its SSLError is a ConnectionError),
// does not decode a Content-Encoding it did not ask for (decode_content=False), fails to decode a
// body that is not UTF-8 without retrying, and answers a 307 with an error and no second request.
#include "CallCommand.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "ResidentMemory.h"
#include "ScriptedHttpServer.h"
#include "SeededRandom.h"

#include <QSslConfiguration>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <sstream>

using namespace cumulus;
using test::ScriptedHttpServer;

namespace {

struct Run {
    int code;
    std::string out;
    std::string err;
};

Run call(std::vector<std::string> args, const std::vector<std::pair<QString, QString>> &variables = {})
{
    test::FakeEnvironment environment;
    environment.set("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    environment.set("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    environment.set("AWS_REGION", "us-east-1");
    for (const auto &[name, value] : variables)
        environment.set(name, value);
    test::MockClock clock(std::chrono::system_clock::now());
    test::SeededRandom random(1);
    test::FakeSleeper sleeper(clock);
    std::istringstream in;
    std::ostringstream out, err;
    const int code = cli::runCallCommand(args, environment, clock, random, sleeper, in, out, err);
    qInfo("exit %d: %s", code, err.str().c_str()); // what each fault produced, in the test's log
    return {code, out.str(), err.str()};
}

std::string gzipOfZeros(std::size_t size)
{
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY); // 16+: gzip framing
    std::string in(1 << 20, '\0'), out;
    char buffer[1 << 16];
    for (std::size_t left = size; left > 0 || z.avail_in > 0;) {
        if (z.avail_in == 0) {
            const std::size_t n = std::min(left, in.size());
            z.next_in = reinterpret_cast<Bytef *>(in.data());
            z.avail_in = uInt(n);
            left -= n;
        }
        do {
            z.next_out = reinterpret_cast<Bytef *>(buffer);
            z.avail_out = sizeof buffer;
            deflate(&z, left == 0 ? Z_FINISH : Z_NO_FLUSH);
            out.append(buffer, sizeof buffer - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

private slots:
    void closedMidBodyIsRetried()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::cutShort("{\"TableNames\": [\"a", 1000),
                       ScriptedHttpServer::cutShort("{\"TableNames\": [\"a", 1000),
                       ScriptedHttpServer::cutShort("{\"TableNames\": [\"a", 1000)});
        const Run run = call({"dynamodb", "ListTables", "--endpoint-url", server.url()});
        QCOMPARE(run.code, 255);
        QVERIFY2(contains(run.err, "the connection closed after 18 of 1000 bytes of the answer: POST " + server.url()
                                       + "/ (after 3 attempts)"),
                 run.err.c_str());
        QCOMPARE(server.received().size(), std::size_t(3));
    }

    void slowerThanTheTimeoutIsRetried()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::stall(), ScriptedHttpServer::stall(), ScriptedHttpServer::stall()});
        const Run run = call({"dynamodb", "ListTables", "--endpoint-url", server.url(), "--cli-read-timeout", "0.2"});
        QCOMPARE(run.code, 255);
        QVERIFY2(contains(run.err, "no answer for 0.2 s from POST " + server.url() + "/ (after 3 attempts)"), run.err.c_str());
        QCOMPARE(server.received().size(), std::size_t(3));
    }

    void twoGigabytesAreRefusedAtTheirHeaders()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::flood(2'000'000'000, true)});
        Run run{};
        const auto grew = test::residentGrowthKib([&] { run = call({"dynamodb", "ListTables", "--endpoint-url", server.url()}); });
        QVERIFY2(!grew || *grew < 64 * 1024, qPrintable(QStringLiteral("the resident set grew by %1 KiB").arg(grew.value_or(0))));
        QCOMPARE(run.code, 255);
        QVERIFY2(contains(run.err, "the answer to POST " + server.url() + "/ is larger than the limit of 1073741824 bytes"),
                 run.err.c_str());
        QVERIFY2(!contains(run.err, "attempts"), run.err.c_str()); // not retried: it would come as large again
        QCOMPARE(server.received().size(), std::size_t(1));
    }

    void invalidUtf8IsAClearErrorAndNotRetried()
    {
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::answer(200, "{\"TableNames\": [\"caf\xe9\"]}",
                                                  {{"Content-Type", "application/x-amz-json-1.0"}})});
        const Run run = call({"dynamodb", "ListTables", "--endpoint-url", server.url()});
        QCOMPARE(run.code, 255);
        QVERIFY2(contains(run.err, "not valid UTF-8"), run.err.c_str());
        QCOMPARE(server.received().size(), std::size_t(1));

        ScriptedHttpServer xml;
        xml.script({ScriptedHttpServer::answer(
            200, "<ListAllMyBucketsResult><Buckets><Bucket><Name>caf\xe9</Name></Bucket></Buckets></ListAllMyBucketsResult>",
            {{"Content-Type", "application/xml"}})});
        const Run s3 = call({"s3", "ListBuckets", "--endpoint-url", xml.url()});
        QCOMPARE(s3.code, 255);
        QVERIFY2(contains(s3.err, "not valid UTF-8"), s3.err.c_str());
        QCOMPARE(xml.received().size(), std::size_t(1));
    }

    void gzipBombIsNotInflated()
    {
        // 512 MiB of zeros in about half a megabyte. Cumulus asks for identity and, as botocore,
        // does not decode what it did not ask for: the answer stays its compressed size.
        const std::string bomb = gzipOfZeros(std::size_t(512) << 20);
        QVERIFY(bomb.size() < (2 << 20));
        ScriptedHttpServer server;
        server.script({ScriptedHttpServer::answer(200, bomb, {{"Content-Type", "application/x-amz-json-1.0"},
                                                              {"Content-Encoding", "gzip"}})});
        Run run{};
        const auto grew = test::residentGrowthKib([&] { run = call({"dynamodb", "ListTables", "--endpoint-url", server.url()}); });
        QVERIFY2(!grew || *grew < 64 * 1024, qPrintable(QStringLiteral("the resident set grew by %1 KiB").arg(grew.value_or(0))));
        QCOMPARE(run.code, 255);
        QVERIFY2(contains(run.err, "Content-Encoding: gzip"), run.err.c_str());
        QCOMPARE(server.received().size(), std::size_t(1));
        QCOMPARE(server.received()[0].header("Accept-Encoding"), std::string("identity"));
    }

    void redirectLoopIsNotFollowed()
    {
        ScriptedHttpServer server;
        const std::string self = server.url() + "/";
        server.script({ScriptedHttpServer::answer(307, "", {{"Location", self}}),
                       ScriptedHttpServer::answer(307, "", {{"Location", self}}),
                       ScriptedHttpServer::answer(307, "", {{"Location", self}})});
        const Run run = call({"dynamodb", "ListTables", "--endpoint-url", server.url()});
        QCOMPARE(run.code, 254); // the AWS CLI's code for a service's error answer
        QVERIFY2(contains(run.err, "307"), run.err.c_str());
        QVERIFY2(contains(run.err, self), run.err.c_str());
        QCOMPARE(server.received().size(), std::size_t(1));
    }

    void certificateForAnotherHostIsRefused()
    {
        // A certificate from an authority this process trusts, for another name than the one
        // connected to: the name is the only fault.
        const test::TestCertificate authority = test::makeCertificateAuthority("Cumulus Test CA");
        const test::TestCertificate leaf = test::makeCertificate("wrong.example", authority);
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        const QSslConfiguration original = trusting;
        trusting.addCaCertificate(authority.certificate);
        QSslConfiguration::setDefaultConfiguration(trusting);
        ScriptedHttpServer server(leaf.certificate, leaf.key);
        server.script({ScriptedHttpServer::answer(200, "{\"TableNames\": []}")});
        const Run run = call({"dynamodb", "ListTables", "--endpoint-url", server.url()});
        QSslConfiguration::setDefaultConfiguration(original);
        QCOMPARE(run.code, 255);
        QVERIFY2(contains(run.err, "The host name did not match any of the valid hosts for this certificate"), run.err.c_str());
        QVERIFY2(contains(run.err, "certificate for 'wrong.example' issued by 'Cumulus Test CA'"), run.err.c_str());
        QVERIFY2(contains(run.err, "(after 3 attempts)"), run.err.c_str());
        QVERIFY(server.received().empty()); // nothing was sent to it
    }

    // A private authority named by --ca-bundle, AWS_CA_BUNDLE or the profile's ca_bundle is trusted
    // instead of the system's (botocore's verify=PATH); without it the same server is refused.
    void caBundleReplacesTheSystemsAuthorities()
    {
        const test::TestCertificate authority = test::makeCertificateAuthority("Cumulus Corporate CA");
        const test::TestCertificate leaf = test::makeCertificate("127.0.0.1", authority);
        const test::TestCertificate other = test::makeCertificateAuthority("Another CA");
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            file.open(QIODevice::WriteOnly);
            file.write(bytes);
            return dir.filePath(name).toStdString();
        };
        const std::string bundle = write("corporate.pem", other.certificate.toPem() + authority.certificate.toPem());
        const std::string wrong = write("other.pem", other.certificate.toPem());
        const std::string notPem = write("not.pem", "just text\n");
        const std::string config = write("config", QByteArray("[default]\nca_bundle = ") + bundle.c_str() + "\n");
        ScriptedHttpServer server(leaf.certificate, leaf.key);
        const std::string answer = "{\"TableNames\": [\"Music\"]}";
        server.script({ScriptedHttpServer::answer(200, answer), ScriptedHttpServer::answer(200, answer),
                       ScriptedHttpServer::answer(200, answer)});
        const std::vector<std::string> listTables{"dynamodb", "ListTables", "--endpoint-url", server.url(), "--max-attempts", "1"};
        auto with = [&](std::vector<std::string> extra) {
            std::vector<std::string> args = listTables;
            args.insert(args.end(), extra.begin(), extra.end());
            return args;
        };

        Run run = call(listTables); // the system's authorities do not know it
        QCOMPARE(run.code, 255);
        QVERIFY2(contains(run.err, "issued by 'Cumulus Corporate CA'"), run.err.c_str());
        run = call(with({"--ca-bundle", bundle}));
        QVERIFY2(run.code == 0 && contains(run.out, "Music"), run.err.c_str());
        run = call(listTables, {{"AWS_CA_BUNDLE", QString::fromStdString(bundle)}});
        QVERIFY2(run.code == 0 && contains(run.out, "Music"), run.err.c_str());
        run = call(listTables, {{"AWS_CONFIG_FILE", QString::fromStdString(config)}});
        QVERIFY2(run.code == 0 && contains(run.out, "Music"), run.err.c_str());
        QCOMPARE(server.received().size(), std::size_t(3));

        // The option wins over the variable, which wins over the file: another authority refuses it.
        run = call(with({"--ca-bundle", wrong}), {{"AWS_CA_BUNDLE", QString::fromStdString(bundle)}});
        QCOMPARE(run.code, 255);
        run = call(listTables, {{"AWS_CA_BUNDLE", QString::fromStdString(wrong)}, {"AWS_CONFIG_FILE", QString::fromStdString(config)}});
        QCOMPARE(run.code, 255);
        QCOMPARE(server.received().size(), std::size_t(3));

        // A bundle is read once per process while the file stays the same; a changed file is read again.
        const std::string changing = write("changing.pem", other.certificate.toPem());
        QCOMPARE(call(listTables, {{"AWS_CA_BUNDLE", QString::fromStdString(changing)}}).code, 255);
        write("changing.pem", other.certificate.toPem() + authority.certificate.toPem());
        server.script({ScriptedHttpServer::answer(200, answer)});
        run = call(listTables, {{"AWS_CA_BUNDLE", QString::fromStdString(changing)}});
        QVERIFY2(run.code == 0 && contains(run.out, "Music"), run.err.c_str());

        run = call(with({"--ca-bundle", dir.filePath("missing.pem").toStdString()}));
        QCOMPARE(run.code, 253);
        QVERIFY2(contains(run.err, "missing.pem (from --ca-bundle) cannot be read"), run.err.c_str());
        run = call(listTables, {{"AWS_CA_BUNDLE", QString::fromStdString(notPem)}});
        QCOMPARE(run.code, 253);
        QVERIFY2(contains(run.err, "not.pem (from AWS_CA_BUNDLE) holds no PEM certificate"), run.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
