// The credential chain against moto with signature checking on, as ../shared/peers/moto_auth_demo.py
// shows: static keys, a role assumed from them, a three-link chain, credential_process, the
// environment, a role whose trust policy refuses, the AWS CLI's role cache written and reused — and
// a session cached by the AWS CLI itself reused by Cumulus, with the same identity both ways.
#include "CallCommand.h"
#include "CliRun.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "KeyRotationCommand.h"
#include "PeerServer.h"
#include "ProfilesCommand.h"
#include "SeededRandom.h"
#include "WhoamiCommand.h"
#include "calls/BundledServiceClient.h"
#include "credentials/profile/ProfileFileStore.h"
#include "credentials/rotation/KeyRotation.h"
#include "net/QnamTransport.h"
#include "net/RequestExecutor.h"
#include "credentials/profile/SharedFiles.h"
#include "util/SystemClock.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using namespace cumulus;
using test::PeerServer;

namespace {

using Run = test::CliRun;

// Moto matches trust policy principals exactly: the user, and the role sessions that assume the
// next link of the chain.
const char *Trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::123456789012:user/tester", "arn:aws:sts::123456789012:assumed-role/r1/first", "arn:aws:sts::123456789012:assumed-role/r2/second"]}, "Action": "sts:AssumeRole"}]})";
const char *Nobody = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/someone-else"}, "Action": "sts:AssumeRole"}]})";
const char *AllowAll = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";

} // namespace

class TestCredentialsMoto : public QObject {
    Q_OBJECT

    std::unique_ptr<PeerServer> m_moto;
    QTemporaryDir m_home;
    test::FakeEnvironment m_env;
    QString m_keyId, m_secret;

    Run command(bool whoami, std::vector<std::string> args, const test::FakeEnvironment &env)
    {
        util::SystemClock clock;
        test::MockClock fake;
        test::FakeSleeper sleeper(fake);
        test::SeededRandom random(3);
        std::istringstream in;
        std::ostringstream out, err;
        Run run;
        run.code = whoami ? cli::runWhoamiCommand(args, env, clock, random, sleeper, in, out, err)
                          : cli::runCallCommand(args, env, clock, random, sleeper, in, out, err);
        run.out = out.str();
        run.err = err.str();
        return run;
    }
    Run call(std::vector<std::string> args, const test::FakeEnvironment &env) { return command(false, std::move(args), env); }
    Run whoami(std::vector<std::string> args) { return command(true, std::move(args), m_env); }

    // The AWS CLI on the machine, pointed at the same files, home and moto; its JSON answer.
    QJsonObject awsCli(const QStringList &arguments)
    {
        const QString aws = QStandardPaths::findExecutable("aws");
        QProcess cli;
        QProcessEnvironment env;
        env.insert("HOME", m_home.path());
        env.insert("PATH", qEnvironmentVariable("PATH"));
        env.insert("AWS_CONFIG_FILE", m_home.filePath("config"));
        env.insert("AWS_SHARED_CREDENTIALS_FILE", m_home.filePath("credentials"));
        env.insert("AWS_ENDPOINT_URL", QString::fromStdString(m_moto->url()));
        env.insert("AWS_EC2_METADATA_DISABLED", "true");
        env.insert("AWS_DEFAULT_REGION", "us-east-1");
        cli.setProcessEnvironment(env);
        cli.start(aws, arguments + QStringList{"--output", "json"});
        if (!cli.waitForFinished(120000) || cli.exitCode() != 0)
            qWarning("aws %s: %s", qPrintable(arguments.join(' ')), cli.readAllStandardError().constData());
        return QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    }

    void writeFile(const QString &name, const QString &text)
    {
        QFile f(m_home.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
    }

private slots:
    void initTestCase()
    {
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        // Ten bootstrap calls go unchecked; every call after them must be signed by a key moto knows.
        m_moto = std::make_unique<PeerServer>(moto, QStringList{"-H", "127.0.0.1", "-p", "{port}"},
                                              QStringList{"INITIAL_NO_AUTH_ACTION_COUNT=10"});
        QVERIFY2(m_moto->started(), qPrintable(m_moto->problem()));
        test::FakeEnvironment boot(m_home.path());
        boot.set("AWS_ACCESS_KEY_ID", "AKIDBOOTSTRAP");
        boot.set("AWS_SECRET_ACCESS_KEY", "bootstrap");
        boot.set("AWS_ENDPOINT_URL", QString::fromStdString(m_moto->url()));
        boot.set("AWS_CONFIG_FILE", m_home.filePath("none"));
        boot.set("AWS_SHARED_CREDENTIALS_FILE", m_home.filePath("none"));
        auto input = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(); };
        auto boot1 = [&](const char *service, const char *op, const QJsonObject &in) {
            const Run r = call({service, op, "--input", input(in)}, boot);
            QVERIFY2(r.code == 0, (std::string(op) + ": " + r.err).c_str());
        };
        boot1("iam", "CreateUser", {{"UserName", "tester"}});
        boot1("iam", "PutUserPolicy", {{"UserName", "tester"}, {"PolicyName", "all"}, {"PolicyDocument", AllowAll}});
        const Run key = call({"iam", "CreateAccessKey", "--input", input({{"UserName", "tester"}})}, boot);
        QVERIFY(key.code == 0);
        m_keyId = key.json().value("AccessKey").toObject().value("AccessKeyId").toString();
        m_secret = key.json().value("AccessKey").toObject().value("SecretAccessKey").toString();
        for (const char *role : {"r1", "r2", "r3"}) {
            boot1("iam", "CreateRole", {{"RoleName", role}, {"AssumeRolePolicyDocument", Trust}});
            boot1("iam", "PutRolePolicy", {{"RoleName", role}, {"PolicyName", "all"}, {"PolicyDocument", AllowAll}});
        }
        boot1("iam", "CreateRole", {{"RoleName", "denied"}, {"AssumeRolePolicyDocument", Nobody}});

        writeFile("credentials", QStringLiteral("[base]\naws_access_key_id = %1\naws_secret_access_key = %2\n").arg(m_keyId, m_secret));
        writeFile("config", QStringLiteral(
            "[profile base]\nregion = us-east-1\n"
            "[profile r1]\nrole_arn = arn:aws:iam::123456789012:role/r1\nsource_profile = base\nrole_session_name = first\n"
            "[profile r2]\nrole_arn = arn:aws:iam::123456789012:role/r2\nsource_profile = r1\nrole_session_name = second\n"
            "[profile r3]\nrole_arn = arn:aws:iam::123456789012:role/r3\nsource_profile = r2\nexternal_id = ext-123\n"
            "[profile denied]\nrole_arn = arn:aws:iam::123456789012:role/denied\nsource_profile = base\n"
            "[profile process]\ncredential_process = /bin/echo '{\"Version\": 1, \"AccessKeyId\": \"%1\", \"SecretAccessKey\": \"%2\"}'\n"
            "[profile fromenv]\nrole_arn = arn:aws:iam::123456789012:role/r1\ncredential_source = Environment\n"
            "[profile cli]\nrole_arn = arn:aws:iam::123456789012:role/r2\nsource_profile = base\nrole_session_name = by-aws-cli\n"
            "[profile viacumulus]\nregion = us-east-1\ncredential_process = %3 credential-process --profile r1\n")
                      .arg(m_keyId, m_secret, QStringLiteral(CUMULUS_CLI_PATH)));
        m_env.setHome(m_home.path());
        m_env.set("AWS_CONFIG_FILE", m_home.filePath("config"));
        m_env.set("AWS_SHARED_CREDENTIALS_FILE", m_home.filePath("credentials"));
        m_env.set("AWS_ENDPOINT_URL", QString::fromStdString(m_moto->url()));
    }

    void staticProfile()
    {
        const Run run = whoami({"--profile", "base", "--json"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QCOMPARE(run.json().value("Arn").toString(), "arn:aws:iam::123456789012:user/tester");
        QCOMPARE(run.json().value("Source").toString(), "profile base (keys)");
    }

    void roleFromStaticKeysIsCached()
    {
        Run run = whoami({"--profile", "r1", "--json"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.json().value("Arn").toString().startsWith("arn:aws:sts::123456789012:assumed-role/r1/"), run.out.c_str());
        QVERIFY(run.json().contains("Expiration"));
        QCOMPARE(QDir(m_home.filePath(".aws/cli/cache")).entryList({"*.json"}).size(), 1);
        run = whoami({"--profile", "r1", "--json"});
        QVERIFY2(run.json().value("Source").toString().endsWith("from the AWS CLI's cache"), run.out.c_str());
    }

    void threeLinkChain()
    {
        const Run run = whoami({"--profile", "r3", "--json"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.json().value("Arn").toString().startsWith("arn:aws:sts::123456789012:assumed-role/r3/"), run.out.c_str());
        QVERIFY2(run.json().value("Source").toString().contains("profile r2"), run.out.c_str());
    }

    void credentialProcess()
    {
        const Run run = whoami({"--profile", "process", "--json"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QCOMPARE(run.json().value("Arn").toString(), "arn:aws:iam::123456789012:user/tester");
        QCOMPARE(run.json().value("Source").toString(), "profile process (credential_process)");
    }

    void environmentKeys()
    {
        test::FakeEnvironment env = m_env;
        env.set("AWS_ACCESS_KEY_ID", m_keyId);
        env.set("AWS_SECRET_ACCESS_KEY", m_secret);
        Run run = command(true, {"--json"}, env);
        QVERIFY2(run.code == 0, run.err.c_str());
        QCOMPARE(run.json().value("Source").toString(), "environment");
        // credential_source = Environment: the role, assumed with the environment's keys.
        run = command(true, {"--profile", "fromenv", "--json"}, env);
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY(run.json().value("Arn").toString().startsWith("arn:aws:sts::123456789012:assumed-role/r1/"));
    }

    void trustPolicyRefuses()
    {
        const Run run = whoami({"--profile", "denied"});
        QCOMPARE(run.code, 253);
        QVERIFY2(run.err.find("profile denied: AssumeRole: AccessDenied") != std::string::npos, run.err.c_str());
        QVERIFY(run.err.find(m_secret.toStdString()) == std::string::npos);
    }

    Run profiles(std::vector<std::string> args, const std::string &input = {})
    {
        std::istringstream in(input);
        std::ostringstream out, err;
        Run run;
        run.code = cli::runProfilesCommand(args, m_env, in, out, err);
        run.out = out.str();
        run.err = err.str();
        return run;
    }

    void profilesWrittenByCumulusServeTheAwsCli()
    {
        // Static keys (the secret from standard input) and a role assumed from them, written by
        // `cumulus-cli profiles set` into the files the AWS CLI reads.
        for (const auto &args : std::vector<std::vector<std::string>>{
                 {"set", "written", "aws_access_key_id", m_keyId.toStdString()},
                 {"set", "written", "region", "us-east-1"},
                 {"set", "writtenrole", "role_arn", "arn:aws:iam::123456789012:role/r1"},
                 {"set", "writtenrole", "source_profile", "written"},
                 {"set", "writtenrole", "role_session_name", "written-by-cumulus"}}) {
            const Run run = profiles(args);
            QVERIFY2(run.code == 0, run.err.c_str());
        }
        Run run = profiles({"set", "written", "aws_secret_access_key", "-"}, m_secret.toStdString() + "\n");
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY(run.out.find("credentials: aws_secret_access_key of written set") != std::string::npos);
        QVERIFY(run.out.find(m_secret.toStdString()) == std::string::npos);

        run = whoami({"--profile", "writtenrole", "--json"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.json().value("Arn").toString().endsWith(":assumed-role/r1/written-by-cumulus"), run.out.c_str());
        if (QStandardPaths::findExecutable("aws").isEmpty())
            QSKIP("the AWS CLI is not installed: the rest of this check needs it");
        QVERIFY(awsCli({"sts", "get-caller-identity", "--profile", "written"}).value("Arn").toString().endsWith(":user/tester"));
        QVERIFY(awsCli({"sts", "get-caller-identity", "--profile", "writtenrole"}).value("Arn").toString()
                    .endsWith(":assumed-role/r1/written-by-cumulus"));

        // Renamed in both files, with the role's source_profile: the AWS CLI still finds its way.
        run = profiles({"rename", "written", "renamed"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY(awsCli({"sts", "get-caller-identity", "--profile", "writtenrole"}).value("Arn").toString()
                    .endsWith(":assumed-role/r1/written-by-cumulus"));
        // Deleting a profile others take as their source says so.
        run = profiles({"delete", "renamed"});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.find("warning: writtenrole still names renamed as its source_profile") != std::string::npos, run.err.c_str());
        QCOMPARE(profiles({"delete", "renamed"}).code, 253);
        QVERIFY(profiles({"delete", "writtenrole"}).code == 0);
        // Undo the last save of the config file: writtenrole is back.
        run = profiles({"undo", "--file", "config"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY(credentials::SharedFiles::load(m_env).profile("writtenrole"));
        QVERIFY(profiles({"delete", "writtenrole"}).code == 0);
        // Bad arguments.
        QCOMPARE(profiles({"set", "a b", "region", "x"}).code, 252);
        QCOMPARE(profiles({"set", "x", "region", "x", "--file", "nope"}).code, 252);
        QCOMPARE(profiles({"undo"}).code, 252);
    }

    Run rotateCommand(const std::string &action, std::vector<std::string> args)
    {
        util::SystemClock clock;
        test::MockClock fake;
        test::FakeSleeper sleeper(fake);
        test::SeededRandom random(21);
        std::ostringstream out, err;
        Run run;
        run.code = cli::runKeyRotationCommand(action, args, m_env, clock, random, sleeper, out, err);
        run.out = out.str();
        run.err = err.str();
        return run;
    }

    void keyRotation()
    {
        // A user of its own (made by tester), with a key, in a profile.
        auto input = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(); };
        QCOMPARE(call({"iam", "CreateUser", "--profile", "base", "--input", input({{"UserName", "rotator"}})}, m_env).code, 0);
        const Run policy = call({"iam", "PutUserPolicy", "--profile", "base", "--input",
                                 input({{"UserName", "rotator"}, {"PolicyName", "all"}, {"PolicyDocument", AllowAll}})}, m_env);
        QVERIFY2(policy.code == 0, policy.err.c_str());
        const Run key = call({"iam", "CreateAccessKey", "--profile", "base", "--input", input({{"UserName", "rotator"}})}, m_env);
        QCOMPARE(key.code, 0);
        credentials::Credentials first;
        first.accessKeyId = key.json().value("AccessKey").toObject().value("AccessKeyId").toString().toStdString();
        first.secretAccessKey = key.json().value("AccessKey").toObject().value("SecretAccessKey").toString().toStdString();
        const std::string path = m_home.filePath("credentials").toStdString();
        auto write = [&](const credentials::Credentials &c) {
            return credentials::setProfileValues(path, credentials::SharedFileKind::Credentials, "rotator",
                                                 {{"aws_access_key_id", c.accessKeyId}, {"aws_secret_access_key", c.secretAccessKey}});
        };
        QVERIFY(!write(first));
        auto whoamiWorks = [&] {
            const Run run = whoami({"--profile", "rotator", "--json"});
            return run.code == 0 && run.json().value("Arn").toString().endsWith(":user/rotator");
        };
        QVERIFY(whoamiWorks());

        // Step by step, whoami working after each, one undo and redo on the way.
        util::SystemClock clock;
        test::MockClock fake;
        test::FakeSleeper sleeper(fake);
        test::SeededRandom random(22);
        net::QnamTransport transport;
        net::RequestExecutor executor(transport, clock, sleeper, random);
        calls::CallRunner runner(executor, random);
        endpoints::EndpointSettings where;
        where.region = "us-east-1";
        where.endpointUrl = m_moto->url();
        const calls::BundledServiceClient iam("iam", runner, random, where);
        const calls::BundledServiceClient sts("sts", runner, random, where);
        credentials::KeyRotation rotation(iam, sts, sleeper, first, write);
        using Step = credentials::KeyRotation::Step;
        for (const Step expected : {Step::Created, Step::Tested, Step::Switched, Step::Deactivated}) {
            const auto failed = rotation.next();
            QVERIFY2(!failed, failed ? failed->message.c_str() : "");
            QCOMPARE(rotation.step(), expected);
            QVERIFY2(whoamiWorks(), credentials::KeyRotation::describe(expected));
        }
        const auto listStatus = [&](const credentials::Credentials &as) {
            std::map<std::string, std::string> status;
            for (const QJsonValue &k : iam.call("ListAccessKeys", {}, as)->value("AccessKeyMetadata").toArray())
                status[k.toObject().value("AccessKeyId").toString().toStdString()] = k.toObject().value("Status").toString().toStdString();
            return status;
        };
        credentials::Credentials second;
        second.accessKeyId = rotation.newKeyId();
        second.secretAccessKey = credentials::SharedFiles::load(m_env).profile("rotator")->value("aws_secret_access_key").value();
        QCOMPARE(second.accessKeyId, credentials::SharedFiles::load(m_env).profile("rotator")->value("aws_access_key_id").value());
        QCOMPARE(listStatus(second)[first.accessKeyId], std::string("Inactive"));
        QVERIFY(!rotation.undo()); // the old key active again
        QCOMPARE(listStatus(second)[first.accessKeyId], std::string("Active"));
        QVERIFY(!rotation.next());
        QVERIFY(!rotation.next()); // deleted: the last step
        QCOMPARE(rotation.step(), Step::Deleted);
        QVERIFY(rotation.undo());  // cannot be undone, and says so
        QVERIFY(whoamiWorks());
        QCOMPARE(listStatus(second).size(), std::size_t(1));

        // The command: a whole rotation, then the old key deleted by its own command.
        Run run = rotateCommand("rotate-key", {"rotator"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.out.find("done: deactivate the old key") != std::string::npos, run.out.c_str());
        QVERIFY(run.out.find(second.secretAccessKey) == std::string::npos);
        QVERIFY(whoamiWorks());
        QCOMPARE(rotateCommand("delete-key", {"rotator", credentials::SharedFiles::load(m_env).profile("rotator")->value("aws_access_key_id").value()}).code, 252); // in use
        run = rotateCommand("delete-key", {"rotator", second.accessKeyId});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY(whoamiWorks());
        // Two keys already: refused, with both named, nothing changed.
        QCOMPARE(call({"iam", "CreateAccessKey", "--profile", "base", "--input", input({{"UserName", "rotator"}})}, m_env).code, 0);
        const std::string before = credentials::SharedFiles::load(m_env).profile("rotator")->value("aws_access_key_id").value();
        run = rotateCommand("rotate-key", {"rotator"});
        QCOMPARE(run.code, 254);
        QVERIFY2(run.err.find("has two access keys already") != std::string::npos, run.err.c_str());
        QCOMPARE(credentials::SharedFiles::load(m_env).profile("rotator")->value("aws_access_key_id").value(), before);

        // IAM and STS are reached through the CA bundle the AWS CLI would use: a broken one stops it first.
        writeFile("not.pem", "not a certificate\n");
        m_env.set("AWS_CA_BUNDLE", m_home.filePath("not.pem"));
        run = rotateCommand("rotate-key", {"rotator"});
        m_env.unset("AWS_CA_BUNDLE");
        QCOMPARE(run.code, 253);
        QVERIFY2(run.err.find("not.pem (from AWS_CA_BUNDLE) holds no PEM certificate") != std::string::npos, run.err.c_str());
        QCOMPARE(credentials::SharedFiles::load(m_env).profile("rotator")->value("aws_access_key_id").value(), before);
    }

    void profilesList()
    {
        std::istringstream in;
        std::ostringstream out, err;
        QCOMPARE(cli::runProfilesCommand({"list", "--json"}, m_env, in, out, err), 0);
        QJsonObject kinds;
        for (const QJsonValue &p : QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).array())
            kinds.insert(p.toObject().value("Name").toString(), p.toObject().value("Kind").toString());
        QCOMPARE(kinds.value("base").toString(), "keys");
        QCOMPARE(kinds.value("r3").toString(), "assume role");
        QCOMPARE(kinds.value("process").toString(), "process");
    }

    void credentialProcessForOtherSdks()
    {
        // Cumulus's resolution of r1 as credential_process JSON, used by the AWS CLI itself.
        util::SystemClock clock;
        test::MockClock fake;
        test::FakeSleeper sleeper(fake);
        test::SeededRandom random(5);
        std::istringstream in;
        std::ostringstream out, err;
        QCOMPARE(cli::runCredentialProcessCommand({"--profile", "r1"}, m_env, clock, random, sleeper, in, out, err), 0);
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object();
        QCOMPARE(json.value("Version").toInt(), 1);
        QVERIFY(json.value("AccessKeyId").toString().size() > 0 && json.value("SessionToken").toString().size() > 0);
        QVERIFY(json.contains("Expiration"));
        if (QStandardPaths::findExecutable("aws").isEmpty())
            QSKIP("the AWS CLI is not installed: the rest of this check needs it");
        const QJsonObject answer = awsCli({"sts", "get-caller-identity", "--profile", "viacumulus"});
        QVERIFY2(answer.value("Arn").toString().startsWith("arn:aws:sts::123456789012:assumed-role/r1/first"),
                 QJsonDocument(answer).toJson().constData());
    }

    void awsCliCacheIsShared()
    {
        if (QStandardPaths::findExecutable("aws").isEmpty())
            QSKIP("the AWS CLI is not installed: the cache-sharing check needs it");
        const QString awsArn = awsCli({"sts", "get-caller-identity", "--profile", "cli"}).value("Arn").toString();
        QVERIFY2(awsArn.startsWith("arn:aws:sts::123456789012:assumed-role/r2/by-aws-cli"), qPrintable(awsArn));
        // Cumulus takes the AWS CLI's session from the cache: same identity, no AssumeRole of its own.
        const Run run = whoami({"--profile", "cli", "--json"});
        QVERIFY2(run.code == 0, run.err.c_str());
        QCOMPARE(run.json().value("Arn").toString(), awsArn);
        QVERIFY2(run.json().value("Source").toString().endsWith("from the AWS CLI's cache"), run.out.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCredentialsMoto)
#include "tst_credentialsmoto.moc"
