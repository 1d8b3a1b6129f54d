// Differential test: `cumulus-cli sign` against botocore's own signer
// (tests/peers/botocore_sign.py) on thousands of generated requests. Both print the same text (JSON
// or plain); they must agree on every byte.
#include "MockClock.h"
#include "SignCaseGenerator.h"
#include "SignCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include "Botocore.h"
#include <QtTest>

#include <sstream>

using namespace cumulus;

namespace {

constexpr int CaseCount = 2500;
constexpr int ThroughTheBinary = 60; // of those, run through the real executable too
constexpr std::uint64_t Seed = 20261124;

QString describe(const std::vector<std::string> &args)
{
    QStringList quoted;
    for (const std::string &arg : args)
        quoted << QStringLiteral("'%1'").arg(QString::fromStdString(arg));
    return quoted.join(' ');
}

} // namespace

class TestSignBotocore : public QObject {
    Q_OBJECT

private slots:
    void agreesWithBotocoreOnEveryByte()
    {
        const QString python = test::findPythonWithBotocore();
        QVERIFY2(!python.isEmpty(),
                 "botocore is missing: the README's test command installs python3-botocore");

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::SignCaseGenerator generator(Seed, dir);
        std::vector<std::vector<std::string>> cases;
        QJsonArray json;
        for (int i = 0; i < CaseCount; ++i) {
            cases.push_back(generator.next());
            QJsonArray argv;
            for (const std::string &arg : cases.back())
                argv.append(QString::fromStdString(arg));
            json.append(argv);
        }
        const QString casesFile = dir.filePath("cases.json");
        const QString outFile = dir.filePath("botocore.json");
        {
            QFile f(casesFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
        }

        QProcess botocore;
        botocore.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        botocore.start(python,
                       {QStringLiteral(CUMULUS_SOURCE_DIR "/tests/peers/botocore_sign_batch.py"),
                        casesFile, outFile});
        QVERIFY2(botocore.waitForFinished(600000), "botocore did not finish");
        QCOMPARE(botocore.exitCode(), 0);
        QFile out(outFile);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QJsonArray expected = QJsonDocument::fromJson(out.readAll()).array();
        QCOMPARE(expected.size(), CaseCount);

        const test::MockClock clock;
        int mismatches = 0;
        int presigned = 0, s3 = 0, withToken = 0, withBody = 0;
        for (int i = 0; i < CaseCount; ++i) {
            const auto &args = cases[std::size_t(i)];
            std::istringstream in;
            std::ostringstream mine, errors;
            const int code = cli::runSignCommand(args, clock, in, mine, errors);
            const std::string theirs = expected[i].toString().toStdString();
            if (code != 0 || mine.str() != theirs) {
                if (++mismatches <= 3) {
                    qWarning().noquote()
                        << "case" << i << "differs:" << describe(args) << "\n--- cumulus (exit"
                        << code << ")\n"
                        << QString::fromStdString(mine.str() + errors.str()) << "\n--- botocore\n"
                        << QString::fromStdString(theirs);
                }
            }
            const auto has = [&](const char *flag) {
                return std::find(args.begin(), args.end(), flag) != args.end();
            };
            presigned += has("--presign");
            s3 += has("--s3");
            withToken += has("--session-token");
            withBody += has("--body") || has("--body-file");
        }
        qInfo("%d requests signed by both (%d presigned, %d S3, %d with a session token, %d with a "
              "body)",
              CaseCount, presigned, s3, withToken, withBody);
        QCOMPARE(mismatches, 0);
        // The generator must keep covering each kind.
        QVERIFY(presigned > CaseCount / 5 && s3 > CaseCount / 4 && withToken > CaseCount / 3
                && withBody > CaseCount / 4);

        // The executable itself (argument decoding, standard output) agrees as well.
        for (int i = 0; i < ThroughTheBinary; ++i) {
            QStringList arguments{QStringLiteral("sign")};
            for (const std::string &arg : cases[std::size_t(i)])
                arguments << QString::fromStdString(arg);
            QProcess cli;
            cli.start(QStringLiteral(CUMULUS_CLI_PATH), arguments);
            QVERIFY(cli.waitForFinished(30000));
            QCOMPARE(cli.exitCode(), 0);
            QCOMPARE(QString::fromUtf8(cli.readAllStandardOutput()), expected[i].toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestSignBotocore)
#include "tst_signbotocore.moc"
