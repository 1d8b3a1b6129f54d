// `cumulus-cli sign`: output against the official suite, the clock seam, and every error path —
// exit code 252, one line naming the argument, and never a secret.
#include "MockClock.h"
#include "SignCommand.h"
#include "Version.h"
#include "sigv4/AmzDate.h"

#include <QProcess>
#include <QtTest>

#include <sstream>

using namespace cumulus;

namespace {

const std::string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const std::string Token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENdoNotPrint0123456789==";

struct Run {
    int code;
    std::string out;
    std::string err;
};

Run sign(std::vector<std::string> args, const util::Clock &clock, const std::string &stdinText = {})
{
    std::istringstream in(stdinText);
    std::ostringstream out, err;
    const int code = cli::runSignCommand(args, clock, in, out, err);
    return {code, out.str(), err.str()};
}

std::vector<std::string> base()
{
    return {"--method",        "GET",         "--url",        "https://example.amazonaws.com/",
            "--region",        "us-east-1",   "--service",    "service",
            "--access-key",    "AKIDEXAMPLE", "--secret-key", Secret,
            "--session-token", Token,         "--timestamp",  "20150830T123600Z"};
}

std::vector<std::string> without(std::vector<std::string> args, const std::string &option)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == option) {
            args.erase(args.begin() + std::ptrdiff_t(i), args.begin() + std::ptrdiff_t(i) + 2);
            break;
        }
    }
    return args;
}

std::vector<std::string> with(std::vector<std::string> args,
                              std::initializer_list<std::string> more)
{
    args.insert(args.end(), more);
    return args;
}

} // namespace

class TestSignCommand : public QObject {
    Q_OBJECT

private slots:
    void matchesTheOfficialVector()
    {
        // aws-c-auth v4/get-vanilla: header signature cfd… is for a request without a token.
        const test::MockClock clock;
        const Run run = sign(with(without(base(), "--session-token"), {"--json"}), clock);
        QCOMPARE(run.code, 0);
        QVERIFY(run.err.empty());
        QVERIFY2(
            run.out.find("\"signature\": "
                         "\"5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31\"")
                != std::string::npos,
            run.out.c_str());
        QVERIFY(run.out.find(Secret) == std::string::npos);
    }

    void presignsWithTheOfficialVector()
    {
        // aws-c-auth v4/get-vanilla, query variant.
        const test::MockClock clock;
        const Run run =
            sign(with(without(base(), "--session-token"), {"--presign", "3600"}), clock);
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.find("X-Amz-Signature="
                              "e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d")
                     != std::string::npos,
                 run.out.c_str());
    }

    void defaultsToTheClocksTime()
    {
        test::MockClock clock;
        clock.set(std::chrono::system_clock::time_point(*sigv4::parseAmzDate("20300102T030405Z")));
        const Run run = sign(without(base(), "--timestamp"), clock);
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.find("X-Amz-Date: 20300102T030405Z") != std::string::npos);
        QVERIFY(run.out.find("20300102/us-east-1/service/aws4_request") != std::string::npos);
    }

    void readsTheBodyFromStandardInput()
    {
        const test::MockClock clock;
        const Run fromStdin = sign(with(base(), {"--body-file", "-"}), clock, "Param1=value1");
        const Run inline_ = sign(with(base(), {"--body", "Param1=value1"}), clock);
        QCOMPARE(fromStdin.code, 0);
        QCOMPARE(fromStdin.out, inline_.out);
        QVERIFY(
            fromStdin.out.find("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
            != std::string::npos);
    }

    void helpExitsCleanly()
    {
        const test::MockClock clock;
        const Run run = sign({"--help"}, clock);
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.find("--presign") != std::string::npos);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        auto list = [](const std::vector<std::string> &args) {
            QStringList out;
            for (const auto &a : args)
                out << QString::fromStdString(a);
            return out;
        };
        QTest::newRow("missing --region") << list(without(base(), "--region")) << "--region";
        QTest::newRow("missing --secret-key")
            << list(without(base(), "--secret-key")) << "--secret-key";
        QTest::newRow("missing --url") << list(without(base(), "--url")) << "--url";
        QTest::newRow("misspelt option carrying the secret")
            << list(with(base(), {"--secret-keyy=" + Secret})) << "--secret-keyy";
        QTest::newRow("secret given as a stray argument")
            << list(with(base(), {Secret})) << "argument #";
        QTest::newRow("token given as a stray argument")
            << list(with(base(), {Token})) << "argument #";
        QTest::newRow("header without a colon, holding the token")
            << list(with(base(), {"-H", "X-Amz-Security-Token " + Token})) << "-H #1";
        QTest::newRow("secret key value missing")
            << list(with(without(base(), "--secret-key"), {"--secret-key"})) << "--secret-key";
        QTest::newRow("bad timestamp")
            << list(with(without(base(), "--timestamp"), {"--timestamp", "2015-08-30"}))
            << "--timestamp";
        QTest::newRow("impossible date")
            << list(with(without(base(), "--timestamp"), {"--timestamp", "20150231T000000Z"}))
            << "--timestamp";
        QTest::newRow("presign over 7 days")
            << list(with(base(), {"--presign", "604801"})) << "--presign";
        QTest::newRow("presign zero") << list(with(base(), {"--presign", "0"})) << "--presign";
        QTest::newRow("presign not a number")
            << list(with(base(), {"--presign", "1h"})) << "--presign";
        QTest::newRow("body and body file")
            << list(with(base(), {"--body", "x", "--body-file", "-"})) << "--body";
        QTest::newRow("unreadable body file")
            << list(with(base(), {"--body-file", "/nonexistent/cumulus/body"})) << "--body-file";
        QTest::newRow("unsupported scheme")
            << list(with(without(base(), "--url"), {"--url", "ftp://example.com/"})) << "--url";
        QTest::newRow("no host") << list(with(without(base(), "--url"), {"--url", "https:///path"}))
                                 << "--url";
        QTest::newRow("flag with a value") << list(with(base(), {"--json=" + Secret})) << "--json";
        QTest::newRow("empty secret key")
            << list(with(without(base(), "--secret-key"), {"--secret-key", ""})) << "secret";
    }

    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        std::vector<std::string> args;
        for (const QString &a : arguments)
            args.push_back(a.toStdString());
        const test::MockClock clock;
        const Run run = sign(args, clock);
        QCOMPARE(run.code, 252);
        QVERIFY(run.out.empty());
        QVERIFY2(run.err.find(named.toStdString()) != std::string::npos, run.err.c_str());
        QCOMPARE(std::count(run.err.begin(), run.err.end(), '\n'), 1L);
        QVERIFY2(run.err.find(Secret) == std::string::npos, "the secret key leaked");
        QVERIFY2(run.err.find(Token) == std::string::npos, "the session token leaked");
        QVERIFY2(run.err.find("wJalrXUtnFEMI") == std::string::npos, "part of the secret leaked");
    }

    void theExecutableExitsWith252AndKeepsSecrets()
    {
        QProcess cli;
        QStringList args{QStringLiteral("sign")};
        for (const auto &a : with(without(base(), "--region"), {"--bogus=" + Secret}))
            args << QString::fromStdString(a);
        cli.start(QStringLiteral(CUMULUS_CLI_PATH), args);
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 252);
        const QByteArray everything = cli.readAllStandardOutput() + cli.readAllStandardError();
        QVERIFY(!everything.contains(QByteArray::fromStdString(Secret)));
        QVERIFY(!everything.contains(QByteArray::fromStdString(Token)));
        QCOMPARE(everything.count('\n'), 1);
    }

    void theExecutableKnowsItsVersionAndCommands()
    {
        QProcess cli;
        cli.start(QStringLiteral(CUMULUS_CLI_PATH), {QStringLiteral("--version")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(cli.readAllStandardOutput().trimmed(), QByteArray("cumulus-cli ") + Version);

        cli.start(QStringLiteral(CUMULUS_CLI_PATH), {QStringLiteral("no-such-command")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 252);
    }
};

QTEST_GUILESS_MAIN(TestSignCommand)
#include "tst_signcommand.moc"
