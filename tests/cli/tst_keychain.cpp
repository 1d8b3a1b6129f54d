// Keys in the OS keychain, in a real one: ctest runs this file twice — inside a D-Bus session of
// its own with an unlocked, throwaway GNOME Keyring (tests/support/with-keyring.sh), and with no
// keychain reachable (CUMULUS_EXPECT_NO_KEYCHAIN), where every move must fail in one sentence and
// change nothing. With the keyring: the round trip, the move of a profile's keys and back, and the
// AWS CLI and Cumulus signing for moto with a keychain-backed profile.
#include "TestFiles.h"
#include "CallCommand.h"
#include "CliRun.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "PeerServer.h"
#include "ProfilesCommand.h"
#include "SeededRandom.h"
#include "WhoamiCommand.h"
#include "credentials/keychain/Keychain.h"
#include "credentials/keychain/KeychainProfiles.h"
#include "util/SystemClock.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using namespace cumulus;
using test::contents;
using test::put;
using Run = test::CliRun;

class TestKeychain : public QObject {
    Q_OBJECT

    const bool m_expectNone = qEnvironmentVariableIsSet("CUMULUS_EXPECT_NO_KEYCHAIN");
    // A service name of its own: a person's real keychain (if the test ever reaches one) is not touched.
    const credentials::Keychain m_keychain{QStringLiteral("Cumulus tests")};

private slots:
    void roundTrip()
    {
        if (m_expectNone)
            QSKIP("no keychain in this run: see noKeychainChangesNothing");
        QVERIFY(!m_keychain.write("probe", "s3cret value ünï"));
        const auto back = m_keychain.read("probe");
        QVERIFY2(back, back ? "" : back.error().message.c_str());
        QCOMPARE(back->value_or(""), std::string("s3cret value ünï"));
        QVERIFY(!m_keychain.remove("probe"));
        QCOMPARE(m_keychain.read("probe").value(), std::nullopt);
        QVERIFY(!m_keychain.remove("probe")); // removing nothing is fine
    }

    void noKeychainChangesNothing()
    {
        if (!m_expectNone)
            QSKIP("a keychain is there in this run: see roundTrip");
        QTemporaryDir home;
        const QString file = home.filePath("credentials");
        const QByteArray before = "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = secretdev\n";
        put(file, before);
        const auto failed = credentials::moveKeysToKeychain(m_keychain, file.toStdString(), "dev", "/usr/bin/cumulus-cli");
        QVERIFY(failed);
        QVERIFY2(failed->message.find("the keys of dev stay in " + file.toStdString() + ": ") == 0, failed->message.c_str());
        QVERIFY2(failed->message.find("(on Linux: a Secret Service such as GNOME Keyring or KWallet, running and unlocked)") != std::string::npos,
                 failed->message.c_str());
        QVERIFY(failed->message.find("secretdev") == std::string::npos);
        QCOMPARE(contents(file), before);
        QVERIFY(!QFile::exists(file + ".cumulus-backup"));
        const auto read = credentials::keychainCredentials(m_keychain, "dev");
        QVERIFY(!read);
        QVERIFY2(read.error().message.find("cannot read the keys of dev: ") == 0, read.error().message.c_str());
    }

    void keychainBackedProfileServesTheAwsCliAndCumulus()
    {
        if (m_expectNone)
            QSKIP("no keychain in this run");
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        test::PeerServer server(moto, {"-H", "127.0.0.1", "-p", "{port}"}, {"INITIAL_NO_AUTH_ACTION_COUNT=3"});
        QVERIFY2(server.started(), qPrintable(server.problem()));
        QTemporaryDir home;
        test::FakeEnvironment env(home.path());
        env.set("AWS_ENDPOINT_URL", QString::fromStdString(server.url()));
        env.set("AWS_CONFIG_FILE", home.filePath("config"));
        env.set("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials"));
        env.set("AWS_REGION", "us-east-1");
        // The credential_process child reads the process's own environment.
        qputenv("AWS_CONFIG_FILE", home.filePath("config").toUtf8());
        qputenv("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials").toUtf8());
        util::SystemClock clock;
        test::MockClock fake;
        test::FakeSleeper sleeper(fake);
        test::SeededRandom random(9);
        auto command = [&](bool whoami, std::vector<std::string> args) {
            std::istringstream in;
            std::ostringstream out, err;
            Run run;
            run.code = whoami ? cli::runWhoamiCommand(args, env, clock, random, sleeper, in, out, err)
                              : cli::runCallCommand(args, env, clock, random, sleeper, in, out, err);
            run.out = out.str();
            run.err = err.str();
            return run;
        };
        // A user with a key (three unchecked bootstrap calls), in the credentials file.
        put(home.filePath("credentials"), "[boot]\naws_access_key_id = AKIDBOOT\naws_secret_access_key = boot\n");
        const char *all = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";
        QCOMPARE(command(false, {"iam", "CreateUser", "--profile", "boot", "--input", R"({"UserName": "keeper"})"}).code, 0);
        QCOMPARE(command(false, {"iam", "PutUserPolicy", "--profile", "boot", "--input",
                                 QJsonDocument(QJsonObject{{"UserName", "keeper"}, {"PolicyName", "all"}, {"PolicyDocument", all}}).toJson().toStdString()}).code, 0);
        const Run key = command(false, {"iam", "CreateAccessKey", "--profile", "boot", "--input", R"({"UserName": "keeper"})"});
        QCOMPARE(key.code, 0);
        const QString keyId = key.json().value("AccessKey").toObject().value("AccessKeyId").toString();
        const QString secret = key.json().value("AccessKey").toObject().value("SecretAccessKey").toString();
        const QByteArray withKeys = QStringLiteral("# mine\n[kept]\n# the keeper's keys\naws_access_key_id = %1\naws_secret_access_key = %2\n")
                                        .arg(keyId, secret).toUtf8();
        put(home.filePath("credentials"), withKeys);

        // Into the keychain: no secret left in the file, credential_process in its place.
        QVERIFY(!credentials::moveKeysToKeychain(m_keychain, home.filePath("credentials").toStdString(), "kept", CUMULUS_CLI_PATH));
        const QByteArray moved = contents(home.filePath("credentials"));
        QVERIFY2(!moved.contains(secret.toUtf8()) && !moved.contains(keyId.toUtf8()), moved.constData());
        QCOMPARE(moved, QByteArray("# mine\n[kept]\n# the keeper's keys\ncredential_process = " CUMULUS_CLI_PATH
                                   " credential-process --profile kept\n"));

        // The real cumulus-cli gives them to whoever runs credential_process: the AWS CLI, Cumulus.
        // (It reads the service "Cumulus"; this test's entries are under "Cumulus tests", so the
        // same keys go there too for the child processes.)
        const credentials::Keychain real;
        QVERIFY(!real.write("profile:kept", QJsonDocument(QJsonObject{{"AccessKeyId", keyId}, {"SecretAccessKey", secret}})
                                                .toJson(QJsonDocument::Compact).toStdString()));
        Run who = command(true, {"--profile", "kept", "--json"});
        QVERIFY2(who.code == 0, who.err.c_str());
        QVERIFY2(who.json().value("Arn").toString().endsWith(":user/keeper"), who.out.c_str());
        if (!QStandardPaths::findExecutable("aws").isEmpty()) {
            QProcess aws;
            QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
            e.insert("AWS_CONFIG_FILE", home.filePath("config"));
            e.insert("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials"));
            e.insert("AWS_ENDPOINT_URL", QString::fromStdString(server.url()));
            e.insert("AWS_DEFAULT_REGION", "us-east-1");
            aws.setProcessEnvironment(e);
            aws.start(QStandardPaths::findExecutable("aws"), {"sts", "get-caller-identity", "--profile", "kept", "--output", "json"});
            QVERIFY(aws.waitForFinished(120000));
            const QJsonObject answer = QJsonDocument::fromJson(aws.readAllStandardOutput()).object();
            QVERIFY2(answer.value("Arn").toString().endsWith(":user/keeper"), aws.readAllStandardError().constData());
        } else {
            qWarning("the AWS CLI is not installed: its half of this check was skipped");
        }
        QVERIFY(!real.remove("profile:kept"));

        // And back: the file as it was (the keys where credential_process was), the entry gone.
        QVERIFY(!credentials::moveKeysToFile(m_keychain, home.filePath("credentials").toStdString(), "kept"));
        QCOMPARE(contents(home.filePath("credentials")),
                 QStringLiteral("# mine\n[kept]\n# the keeper's keys\naws_access_key_id = %1\naws_secret_access_key = %2\n").arg(keyId, secret).toUtf8());
        QCOMPARE(m_keychain.read("profile:kept").value(), std::nullopt);
        const auto again = credentials::moveKeysToFile(m_keychain, home.filePath("credentials").toStdString(), "kept");
        QVERIFY(again && again->message.find("does not take its keys from the OS keychain") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
