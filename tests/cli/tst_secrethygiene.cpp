// Secret hygiene: a session of cumulus-cli calls against moto (signature checks on) with static
// keys, session keys and an assumed role, at the highest verbosity (--debug, and every Qt logging
// category on), then a scan of every byte the program printed and of every file it left under its
// home and data folders (the call history among them), for the secret keys, the session tokens and
// the SigV4 signing keys. The only files allowed to hold a secret are the ones that exist to: the
// credentials file the test wrote (unchanged) and the AWS CLI's role cache (~/.aws/cli/cache,
// owner-only, as the AWS CLI writes it). The role sessions' secrets are read back from moto (its
// /moto-api/data.json).
#include "PeerServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;

namespace {

const char *Trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/tester"}, "Action": "sts:AssumeRole"}]})";
const char *AllowAll = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

// SigV4's signing key for a secret, a day, a region and a service.
QByteArray signingKey(const QString &secret, const QString &day, const QString &region, const QString &service)
{
    return hmac(hmac(hmac(hmac("AWS4" + secret.toUtf8(), day.toUtf8()), region.toUtf8()), service.toUtf8()), "aws4_request");
}

struct Secret {
    QString what;
    QByteArray value;
};

} // namespace

class TestSecretHygiene : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PeerServer> m_moto;
    QTemporaryDir m_home;
    QByteArray m_printed; // everything every run printed, for the scan
    QString m_keyId;
    QString m_secret;

    struct Result {
        int code = -1;
        QByteArray out, err;
    };

    Result cli(const QStringList &arguments, bool verbose = true)
    {
        QProcess process;
        QProcessEnvironment env;
        env.insert("HOME", m_home.path());
        env.insert("PATH", qEnvironmentVariable("PATH"));
        for (const char *xdg : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"})
            env.insert(xdg, m_home.filePath(QString::fromLatin1(xdg).toLower()));
        env.insert("AWS_ENDPOINT_URL", QString::fromStdString(m_moto->url()));
        env.insert("AWS_EC2_METADATA_DISABLED", "true");
        if (verbose)
            env.insert("QT_LOGGING_RULES", "*.debug=true");
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(CUMULUS_CLI_PATH), arguments);
        Result r;
        if (!process.waitForFinished(120000))
            return r;
        r.code = process.exitCode();
        r.out = process.readAllStandardOutput();
        r.err = process.readAllStandardError();
        m_printed += "$ cumulus-cli " + arguments.join(' ').toUtf8() + "\n" + r.out + r.err;
        return r;
    }

    void writeFile(const QString &name, const QByteArray &text)
    {
        QDir().mkpath(QFileInfo(m_home.filePath(name)).path());
        QFile f(m_home.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

    QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QByteArray m_credentials, m_config;

private slots:
    void initTestCase()
    {
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        m_moto = std::make_unique<test::PeerServer>(moto, QStringList{"-H", "127.0.0.1", "-p", "{port}"},
                                                    QStringList{"INITIAL_NO_AUTH_ACTION_COUNT=6"});
        QVERIFY2(m_moto->started(), qPrintable(m_moto->problem()));

        // The user, its key and a role, with unchecked bootstrap calls (not part of the scan).
        writeFile(".aws/credentials", "[boot]\naws_access_key_id = AKIDBOOTSTRAP\naws_secret_access_key = bootstrap\n");
        auto boot = [&](const QStringList &call) {
            const Result r = cli(QStringList{"call"} + call + QStringList{"--profile", "boot", "--region", "us-east-1"}, false);
            if (r.code != 0)
                qWarning("%s: %s", qPrintable(call.join(' ')), r.err.constData());
            return QJsonDocument::fromJson(r.out).object();
        };
        boot({"iam", "CreateUser", "--input", R"({"UserName": "tester"})"});
        boot({"iam", "PutUserPolicy", "--input",
              QString::fromUtf8(QJsonDocument(QJsonObject{{"UserName", "tester"}, {"PolicyName", "all"}, {"PolicyDocument", AllowAll}})
                                    .toJson(QJsonDocument::Compact))});
        const QJsonObject key = boot({"iam", "CreateAccessKey", "--input", R"({"UserName": "tester"})"}).value("AccessKey").toObject();
        m_keyId = key.value("AccessKeyId").toString();
        m_secret = key.value("SecretAccessKey").toString();
        QVERIFY(!m_secret.isEmpty());
        boot({"iam", "CreateRole", "--input",
              QString::fromUtf8(QJsonDocument(QJsonObject{{"RoleName", "r1"}, {"AssumeRolePolicyDocument", Trust}})
                                    .toJson(QJsonDocument::Compact))});
        boot({"iam", "PutRolePolicy", "--input",
              QString::fromUtf8(QJsonDocument(QJsonObject{{"RoleName", "r1"}, {"PolicyName", "all"}, {"PolicyDocument", AllowAll}})
                                    .toJson(QJsonDocument::Compact))});
        m_printed.clear(); // the bootstrap printed the new key on purpose

        m_credentials = QStringLiteral("[base]\naws_access_key_id = %1\naws_secret_access_key = %2\n").arg(m_keyId, m_secret).toUtf8();
        m_config = "[profile base]\nregion = us-east-1\n"
                   "[profile r1]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/r1\nsource_profile = base\n"
                   "role_session_name = hygiene\n";
        writeFile(".aws/credentials", m_credentials);
        writeFile(".aws/config", m_config);
    }

    void sessionOfCallsLeaksNoSecret()
    {
        // Session keys (GetSessionToken) printed by the call that makes them, which is not scanned;
        // then kept in a profile of their own.
        Result r = cli({"call", "sts", "GetSessionToken", "--profile", "base"}, false);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject session = QJsonDocument::fromJson(r.out).object().value("Credentials").toObject();
        m_printed.clear();
        m_credentials += QStringLiteral("[session]\naws_access_key_id = %1\naws_secret_access_key = %2\naws_session_token = %3\n")
                             .arg(session.value("AccessKeyId").toString(), session.value("SecretAccessKey").toString(),
                                  session.value("SessionToken").toString())
                             .toUtf8();
        m_config += "[profile session]\nregion = us-east-1\n";
        writeFile(".aws/credentials", m_credentials);
        writeFile(".aws/config", m_config);

        writeFile("collection/collection.toml", "name = \"hygiene\"\nregion = \"us-east-1\"\n");
        writeFile("collection/01-identity.toml", "service = \"sts\"\noperation = \"GetCallerIdentity\"\n");
        writeFile("collection/02-roles.toml", "service = \"iam\"\noperation = \"ListRoles\"\n");
        writeFile("collection/03-missing.toml",
                  "service = \"iam\"\noperation = \"GetUser\"\ninput = '''\n{\"UserName\": \"nobody\"}\n'''\n");

        // A Postman export whose AWS Signature auth holds the user's keys (outside the home: the
        // person's own file), imported into the home.
        const QJsonObject awsv4{{"type", "awsv4"},
                                {"awsv4", QJsonArray{QJsonObject{{"key", "service"}, {"value", "sts"}},
                                                     QJsonObject{{"key", "region"}, {"value", "us-east-1"}},
                                                     QJsonObject{{"key", "accessKey"}, {"value", m_keyId}},
                                                     QJsonObject{{"key", "secretKey"}, {"value", m_secret}}}}};
        const QJsonObject form{{"mode", "urlencoded"},
                               {"urlencoded", QJsonArray{QJsonObject{{"key", "Action"}, {"value", "GetCallerIdentity"}},
                                                         QJsonObject{{"key", "Version"}, {"value", "2011-06-15"}}}}};
        const QJsonObject postman{
            {"info", QJsonObject{{"name", "hygiene"}, {"schema", "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}},
            {"auth", awsv4},
            {"variable", QJsonArray{QJsonObject{{"key", "endpoint"}, {"value", QString::fromStdString(m_moto->url())}},
                                    QJsonObject{{"key", "secretKey"}, {"value", m_secret}}}},
            {"item", QJsonArray{QJsonObject{{"name", "who"},
                                            {"request", QJsonObject{{"method", "POST"}, {"url", "{{endpoint}}/"}, {"body", form},
                                                                    {"header", QJsonArray{QJsonObject{{"key", "X-Amz-Security-Token"},
                                                                                                      {"value", "FwoGZXIvYXdzEXAMPLE"}}}}}}}}}};
        QTemporaryDir elsewhere;
        QFile exported(elsewhere.filePath("hygiene.postman_collection.json"));
        QVERIFY(exported.open(QIODevice::WriteOnly));
        exported.write(QJsonDocument(postman).toJson());
        exported.close();

        const QList<QStringList> session_ = {
            {"call", "sts", "GetCallerIdentity", "--profile", "base", "--debug"},
            {"call", "iam", "ListUsers", "--profile", "base", "--debug"},
            {"call", "sts", "GetCallerIdentity", "--profile", "session", "--debug"},
            {"call", "sts", "GetCallerIdentity", "--profile", "r1", "--debug"}, // assumes the role
            {"call", "iam", "ListRoles", "--profile", "r1", "--debug"},         // from the cache
            {"call", "iam", "GetUser", "--input", R"({"UserName": "nobody"})", "--profile", "r1", "--debug"},
            {"call", "sts", "GetCallerIdentity", "--profile", "session", "--dry-run"},
            {"call", "sts", "GetCallerIdentity", "--profile", "r1", "--dry-run", "--json"},
            {"call", "sts", "GetCallerIdentity", "--profile", "r1", "--export", "curl"},
            {"call", "sts", "GetCallerIdentity", "--profile", "r1", "--export", "aws-cli"},
            {"call", "sts", "GetCallerIdentity", "--profile", "session", "--export", "boto3"},
            {"call", "sts", "GetCallerIdentity", "--profile", "r1", "--endpoint-url", "http://127.0.0.1:1", "--debug",
             "--max-attempts", "2"},
            {"whoami", "--profile", "r1"},
            {"whoami", "--profile", "session", "--json"},
            {"profiles", "list"},
            {"profiles", "list", "--json"},
            {"run", m_home.filePath("collection"), "--profile", "r1", "--show-output"},
            {"run", m_home.filePath("collection"), "--profile", "session"},
            {"history", "list", "--json"},
            {"history", "save", "1", m_home.filePath("collection"), "saved/from-history"}, // the app writes a request
            {"request", "POST", QString::fromStdString(m_moto->url()) + "/", "--service", "sts", "--profile", "r1", "--region",
             "us-east-1", "-H", "Content-Type: application/x-www-form-urlencoded", "--body",
             "Action=GetCallerIdentity&Version=2011-06-15", "--debug", "--include"},
            {"request", "GET", QString::fromStdString(m_moto->url()) + "/", "--service", "iam", "--profile", "session", "--region",
             "us-east-1", "--dry-run"},
            {"import", "postman", exported.fileName(), m_home.filePath("imported")},
            {"run", m_home.filePath("imported"), "--profile", "r1", "--show-output"},
        };
        for (const QStringList &arguments : session_) {
            const Result result = cli(arguments);
            QVERIFY2(result.code >= 0, qPrintable(arguments.join(' ')));
        }
        // The session did what it says: the role was assumed and the missing user failed the run.
        QVERIFY2(m_printed.contains("assumed-role/r1/hygiene"), m_printed.right(3000).constData());
        QVERIFY2(m_printed.contains("NoSuchEntity"), m_printed.right(3000).constData());
        // The Postman export was imported without its keys (or the token header), and ran signed by the profile.
        QVERIFY2(m_printed.contains("imported 1 request(s)") && m_printed.contains("the header X-Amz-Security-Token was left out")
                     && m_printed.contains("variable secretKey: left out"),
                 m_printed.right(3000).constData());
        QVERIFY2(QString::fromUtf8(m_printed).contains(QRegularExpression("who\\.toml +sts POST +\\d+ ms  ok")),
                 m_printed.mid(m_printed.indexOf("$ cumulus-cli import")).constData());

        // Every secret the session had: the user's, the session keys, and each role session's from
        // moto's own record; and their signing keys for the days around now.
        std::vector<Secret> secrets{{"the user's secret key", m_secret.toUtf8()},
                                    {"the session keys' secret", session.value("SecretAccessKey").toString().toUtf8()},
                                    {"the session token", session.value("SessionToken").toString().toUtf8()}};
        QNetworkAccessManager manager;
        QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(QString::fromStdString(m_moto->url()) + "/moto-api/data.json")));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(30000));
        const QJsonArray roles = QJsonDocument::fromJson(reply->readAll()).object().value("sts").toObject().value("AssumedRole").toArray();
        reply->deleteLater();
        QVERIFY2(!roles.isEmpty(), "moto recorded no role session");
        for (const QJsonValue &role : roles) {
            secrets.push_back({"a role session's secret key", role.toObject().value("secret_access_key").toString().toUtf8()});
            secrets.push_back({"a role session's token", role.toObject().value("session_token").toString().toUtf8()});
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const std::size_t keys = secrets.size();
        for (std::size_t i = 0; i < keys; ++i) {
            if (!secrets[i].what.contains("secret"))
                continue;
            for (int day = -1; day <= 1; ++day) {
                for (const char *service : {"sts", "iam"}) {
                    const QByteArray k = signingKey(QString::fromUtf8(secrets[i].value), now.addDays(day).toString("yyyyMMdd"),
                                                    "us-east-1", QString::fromLatin1(service));
                    secrets.push_back({"a signing key (" + secrets[i].what + ")", k.toHex()});
                    secrets.push_back({"a signing key (" + secrets[i].what + ", base64)", k.toBase64()});
                }
            }
        }
        for (const Secret &s : secrets)
            QVERIFY2(s.value.size() >= 20, qPrintable(s.what));

        // What of the secrets is in `bytes`: the whole value, or its first 16 characters (a secret
        // cut short is still a leak).
        auto findings = [&](const QString &where, const QByteArray &bytes) {
            QStringList found;
            for (const Secret &s : secrets) {
                for (const QByteArray &needle : {s.value, s.value.left(16)}) {
                    if (const qsizetype at = bytes.indexOf(needle); at >= 0)
                        found << QStringLiteral("%1 is in %2, at byte %3: …%4…")
                                     .arg(s.what, where)
                                     .arg(at)
                                     .arg(QString::fromUtf8(bytes.mid(std::max<qsizetype>(0, at - 80), 80)));
                }
            }
            return found;
        };
        auto scan = [&](const QString &where, const QByteArray &bytes) {
            const QStringList found = findings(where, bytes);
            QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
        };
        // The scan finds what it looks for: each secret, whole or cut, planted in harmless text.
        for (const Secret &s : secrets) {
            QVERIFY(!findings("a planted secret", "header: " + s.value + "\n").isEmpty());
            QVERIFY(!findings("a planted secret", "header: " + s.value.left(20) + "…\n").isEmpty());
        }
        scan(QStringLiteral("what cumulus-cli printed"), m_printed);

        // Every file left under the home (which holds the XDG folders too).
        const QString credentialsPath = QDir(m_home.path()).filePath(".aws/credentials");
        const QString cachePath = QDir(m_home.path()).filePath(".aws/cli/cache");
        int scanned = 0, cached = 0;
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (path == credentialsPath) {
                QCOMPARE(readFile(path), m_credentials); // never rewritten by a call
            } else if (path.startsWith(cachePath + '/')) {
                ++cached; // the AWS CLI's role cache holds role sessions by design: owner-only
                QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
            } else {
                ++scanned;
                scan(QDir(m_home.path()).relativeFilePath(path), readFile(path));
            }
        }
        QCOMPARE(cached, 1);
        QVERIFY(QFile::exists(m_home.filePath("collection/saved/from-history.toml")));
        QVERIFY(QFile::exists(m_home.filePath("xdg_data_home/cumulus/history.toml"))); // the history was among them
        QVERIFY(scanned >= 5); // config and the collection, at least
        qInfo("scanned %lld bytes printed by %lld runs and %d files for %zu secrets", qlonglong(m_printed.size()),
              qlonglong(session_.size()), scanned, secrets.size());
    }
};

QTEST_GUILESS_MAIN(TestSecretHygiene)
#include "tst_secrethygiene.moc"
