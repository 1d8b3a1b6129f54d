// Resource use: `cumulus-cli run --iterations` makes thousands of calls in one process against
// dynalite; its resident memory, sampled as it runs, stays flat from the first quarter of the run to
// the end. Under the sanitizer preset (scripts/sanitize.sh) the same run ends with LeakSanitizer's
// check, and a leak fails it. CUMULUS_SOAK_ITERATIONS sets the number of iterations (three calls
// each; default 3,400, so over 10,000 calls).
#include "PeerServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;

namespace {

// The resident set of a process, in KiB (Linux); -1 when it cannot be read.
long residentKib(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

void put(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestSoak : public QObject {
    Q_OBJECT

private slots:
    void thousandsOfCallsInOneProcess()
    {
        if (!QFile::exists(QStringLiteral("/proc/self/status")))
            QSKIP("needs /proc to sample the resident set");
        test::PeerServer dynalite(test::PeerServer::npmBin("dynalite"), {"--host", "127.0.0.1", "--port", "{port}", "--createTableMs", "0"});
        QVERIFY2(dynalite.started(), qPrintable(dynalite.problem()));

        QTemporaryDir home;
        put(home.filePath("credentials"), "[soak]\naws_access_key_id = AKIDSOAK\naws_secret_access_key = soak-secret\n");
        put(home.filePath("config"), "[profile soak]\nregion = us-east-1\n");
        const QString collection = home.filePath("collection");
        put(collection + "/collection.toml", "name = \"soak\"\nprofile = \"soak\"\n");
        put(collection + "/01-create.toml", "service = \"dynamodb\"\noperation = \"CreateTable\"\ninput = '''\n"
                                            R"({"TableName": "Soak", "BillingMode": "PAY_PER_REQUEST",
"AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]})" "\n'''\n");
        put(collection + "/calls/01-put.toml", "service = \"dynamodb\"\noperation = \"PutItem\"\ninput = '''\n"
                                               R"({"TableName": "Soak", "Item": {"id": {"S": "one"}, "n": {"N": "42"}, "text": {"S": "{{text}}"}}})"
                                               "\n'''\n");
        put(collection + "/calls/02-get.toml", "service = \"dynamodb\"\noperation = \"GetItem\"\ninput = '''\n"
                                               R"({"TableName": "Soak", "Key": {"id": {"S": "one"}}})" "\n'''\n");
        put(collection + "/calls/03-missing.toml", "service = \"dynamodb\"\noperation = \"DescribeTable\"\ninput = '''\n"
                                                   R"({"TableName": "Nothing"})" "\n'''\n");
        put(collection + "/environments/soak.toml", "[variables]\ntext = \"" + QByteArray(2000, 'x') + "\"\n");

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HOME", home.path());
        env.insert("AWS_CONFIG_FILE", home.filePath("config"));
        env.insert("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials"));
        env.insert("AWS_ENDPOINT_URL", QString::fromStdString(dynalite.url()));
        auto run = [&](const QStringList &arguments, std::vector<long> *samples) {
            QProcess cli;
            cli.setProcessEnvironment(env);
            cli.start(QStringLiteral(CUMULUS_CLI_PATH), QStringList{"run", collection, "--env", "soak"} + arguments);
            if (!cli.waitForStarted())
                return QByteArray("did not start");
            while (!cli.waitForFinished(250)) {
                if (samples) {
                    if (const long kib = residentKib(cli.processId()); kib > 0)
                        samples->push_back(kib);
                }
            }
            return QByteArray::number(cli.exitCode()) + "\n" + cli.readAllStandardOutput() + cli.readAllStandardError();
        };
        const QByteArray created = run({"--filter", "01-create.toml"}, nullptr);
        QVERIFY2(created.startsWith("0\n"), created.constData());

        const int iterations = qEnvironmentVariableIsSet("CUMULUS_SOAK_ITERATIONS")
            ? qEnvironmentVariableIntValue("CUMULUS_SOAK_ITERATIONS") : 3400;
        std::vector<long> samples;
        const QByteArray result = run({"--filter", "calls/*", "--iterations", QString::number(iterations)}, &samples);
        // The missing table fails every time, so the run fails (1) with those rows; a leak found by
        // LeakSanitizer would make it 23 and print its report.
        QVERIFY2(result.startsWith("1\n"), result.constData());
        const QByteArray all = QByteArray::number(iterations);
        QVERIFY2(result.contains(all + " of " + all + " ok\n"), result.constData()); // put, get
        QVERIFY2(result.contains("0 of " + all + " ok; ResourceNotFoundException"), result.constData());
        QVERIFY2(!result.contains("LeakSanitizer"), result.constData());

        // Flat: the largest resident set of the last three quarters is within 4 MiB of the
        // largest of the first quarter (a leak of a kilobyte a call fails it).
        QVERIFY2(samples.size() >= 8, qPrintable(QStringLiteral("only %1 samples").arg(samples.size())));
        const std::size_t quarter = samples.size() / 4;
        const long early = *std::max_element(samples.begin(), samples.begin() + qsizetype(quarter));
        const long late = *std::max_element(samples.begin() + qsizetype(quarter), samples.end());
        qInfo("%d calls; resident set: %ld KiB after the first quarter, at most %ld KiB after (%zu samples)",
              iterations * 3, early, late, samples.size());
        if (!qEnvironmentVariableIsSet("CUMULUS_SANITIZE")) // ASan's quarantine grows by design
            QVERIFY2(late - early < 4096, qPrintable(QStringLiteral("grew from %1 KiB to %2 KiB").arg(early).arg(late)));
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
