// The shared config and credentials files, read as the AWS CLI reads them: a corpus of tricky
// files (tests/data/profiles/corpus.json) goes through botocore itself (tests/peers/
// botocore_profiles.py) and through Cumulus, and the profiles must agree — except where Cumulus
// deliberately differs (inline comments; files botocore refuses whole), which must be reported.
#include "FakeEnvironment.h"
#include "credentials/profile/SharedFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include "Botocore.h"
#include <QtTest>

using namespace cumulus;
using namespace cumulus::credentials;

namespace {

QJsonObject toJson(const std::map<std::string, IniValue> &values)
{
    QJsonObject o;
    for (const auto &[key, value] : values) {
        if (const std::string *text = std::get_if<std::string>(&value)) {
            o.insert(QString::fromStdString(key), QString::fromStdString(*text));
        } else {
            QJsonObject nested;
            for (const auto &[k, v] : std::get<std::map<std::string, std::string>>(value))
                nested.insert(QString::fromStdString(k), QString::fromStdString(v));
            o.insert(QString::fromStdString(key), nested);
        }
    }
    return o;
}

QJsonObject profilesOf(const SharedFiles &files)
{
    QJsonObject profiles;
    for (const auto &[name, profile] : files.profiles())
        profiles.insert(QString::fromStdString(name), toJson(profile.values));
    return profiles;
}

QJsonObject blocksOf(const std::map<std::string, std::map<std::string, IniValue>> &blocks)
{
    QJsonObject o;
    for (const auto &[name, values] : blocks)
        o.insert(QString::fromStdString(name), toJson(values));
    return o;
}

// botocore's values with inline comments cut the way Cumulus cuts them.
QJsonValue withoutInlineComments(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = withoutInlineComments(it.value());
        return o;
    }
    QString s = v.toString();
    for (const char *marker : {" #", " ;", "\t#", "\t;"}) {
        const qsizetype at = s.indexOf(QLatin1String(marker));
        if (at >= 0)
            s = s.left(at).trimmed();
    }
    return s;
}

std::string text(const QJsonValue &v)
{
    return v.isNull() ? std::string() : v.toString().toStdString();
}

} // namespace

class TestSharedFiles : public QObject {
    Q_OBJECT

private slots:
    void agreesWithBotocore()
    {
        const QString python = test::findPythonWithBotocore();
        QVERIFY2(!python.isEmpty(), "botocore is missing: the README's test command installs python3-botocore");
        QFile corpusFile(QStringLiteral(CUMULUS_SOURCE_DIR "/tests/data/profiles/corpus.json"));
        QVERIFY(corpusFile.open(QIODevice::ReadOnly));
        const QByteArray corpusText = corpusFile.readAll();
        const QJsonArray corpus = QJsonDocument::fromJson(corpusText).array();
        QVERIFY(corpus.size() >= 25);
        QProcess botocore;
        botocore.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        botocore.start(python, {QStringLiteral(CUMULUS_SOURCE_DIR "/tests/peers/botocore_profiles.py")});
        botocore.write(corpusText);
        botocore.closeWriteChannel();
        QVERIFY(botocore.waitForFinished(120000) && botocore.exitCode() == 0);
        const QJsonArray expected = QJsonDocument::fromJson(botocore.readAllStandardOutput()).array();
        QCOMPARE(expected.size(), corpus.size());

        QStringList failures;
        for (qsizetype i = 0; i < corpus.size(); ++i) {
            const QJsonObject c = corpus[i].toObject();
            const QString name = c.value("name").toString();
            const SharedFiles files = SharedFiles::fromTexts(text(c.value("config")), "config", text(c.value("credentials")), "credentials");
            const QJsonObject want = expected[i].toObject();
            if (c.value("botocore_refuses").toBool()) {
                // botocore refuses the whole file; Cumulus reads what it can and says why.
                if (!want.contains("error"))
                    failures << name + ": botocore no longer refuses this file";
                if (files.findings().empty())
                    failures << name + ": no finding reported";
                continue;
            }
            if (want.contains("error")) {
                failures << name + ": botocore refuses it: " + want.value("error").toString();
                continue;
            }
            QJsonValue wantProfiles = want.value("profiles");
            if (c.value("inline_comments").toBool()) {
                wantProfiles = withoutInlineComments(wantProfiles);
                const bool warned = std::any_of(files.findings().begin(), files.findings().end(), [](const IniFinding &f) {
                    return f.message.find("the AWS CLI would keep it") != std::string::npos;
                });
                if (!warned)
                    failures << name + ": the inline comment is not reported";
            }
            if (profilesOf(files) != wantProfiles.toObject())
                failures << name + ": profiles " + QJsonDocument(profilesOf(files)).toJson(QJsonDocument::Compact) + " != "
                                + QJsonDocument(wantProfiles.toObject()).toJson(QJsonDocument::Compact);
            if (blocksOf(files.services()) != want.value("services").toObject())
                failures << name + ": services differ";
            if (blocksOf(files.ssoSessions()) != want.value("sso_sessions").toObject())
                failures << name + ": sso sessions differ";
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    }

    void findingsNameTheLine()
    {
        const SharedFiles files = SharedFiles::fromTexts("[default]\nregion us-east-1\nregion = eu-west-1 # mine\n[prod]\nx = 1\n",
                                                         "/home/me/.aws/config", "[profile dev]\naws_access_key_id = A\n",
                                                         "/home/me/.aws/credentials");
        QStringList texts;
        for (const IniFinding &f : files.findings())
            texts << QString::fromStdString(f.text());
        QCOMPARE(texts, (QStringList{
                            "/home/me/.aws/config:2: 'region us-east-1' is not key = value; the line is skipped",
                            "/home/me/.aws/config:3: the comment after region's value is dropped; the AWS CLI would keep it as part of the value",
                            "/home/me/.aws/config:4: [prod] is not a profile: in the config file a profile is [profile prod]",
                            "/home/me/.aws/credentials:1: [profile dev] in the credentials file is the profile 'profile dev', not 'dev': the credentials file takes bare names"}));
        QCOMPARE(*files.profile("default")->value("region"), std::string("eu-west-1")); // the rest still reads
        QCOMPARE(files.profile("default")->sources.at("region"), std::string("/home/me/.aws/config:3"));
    }

    void locationsAndSelection()
    {
        test::FakeEnvironment env(QStringLiteral("/home/me"));
        QCOMPARE(SharedFiles::configPath(env), std::string("/home/me/.aws/config"));
        QCOMPARE(SharedFiles::credentialsPath(env), std::string("/home/me/.aws/credentials"));
        env.set("AWS_CONFIG_FILE", "~/elsewhere/config");
        env.set("AWS_SHARED_CREDENTIALS_FILE", "/etc/aws/creds");
        QCOMPARE(SharedFiles::configPath(env), std::string("/home/me/elsewhere/config"));
        QCOMPARE(SharedFiles::credentialsPath(env), std::string("/etc/aws/creds"));
        QCOMPARE(SharedFiles::selectedProfile("", env), std::string("default"));
        env.set("AWS_DEFAULT_PROFILE", "second");
        QCOMPARE(SharedFiles::selectedProfile("", env), std::string("second"));
        env.set("AWS_PROFILE", "first");
        QCOMPARE(SharedFiles::selectedProfile("", env), std::string("first"));
        QCOMPARE(SharedFiles::selectedProfile("asked", env), std::string("asked"));
    }

    void loadsFilesFromDisk()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath("config"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile dev]\nregion = eu-west-3\nservices = local\ns3 =\n  addressing_style = path\n[services local]\nsqs =\n  endpoint_url = http://localhost:9324\n");
        config.close();
        test::FakeEnvironment env(dir.path());
        env.set("AWS_CONFIG_FILE", dir.filePath("config"));
        env.set("AWS_SHARED_CREDENTIALS_FILE", dir.filePath("missing"));
        const SharedFiles files = SharedFiles::load(env);
        QVERIFY(files.findings().empty());
        const auto settings = files.settingsOf("dev");
        QCOMPARE(settings.at("region"), std::string("eu-west-3"));
        QCOMPARE(settings.at("s3.addressing_style"), std::string("path"));
        QCOMPARE(settings.at("services.sqs.endpoint_url"), std::string("http://localhost:9324"));
        QVERIFY(files.settingsOf("nobody").empty());
    }
};

QTEST_GUILESS_MAIN(TestSharedFiles)
#include "tst_sharedfiles.moc"
