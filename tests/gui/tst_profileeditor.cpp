// The visual editor of ~/.aws/config and ~/.aws/credentials, driven as a person would: pick a
// profile, edit, see the checks and the lines that will change (secrets masked), save (only those
// lines change on disk), add, rename, delete, a file changed by someone else meanwhile, Test.
#include "TestFiles.h"
#include "FakeEnvironment.h"
#include "FakeSleeper.h"
#include "MockClock.h"
#include "SeededRandom.h"
#include "mainwindow/MainWindow.h"
#include "credentials/CredentialChain.h"
#include "credentials/profile/SharedFiles.h"
#include "profiles/KeyRotationDialog.h"
#include "profiles/ProfileEditor.h"
#include "PeerServer.h"
#include "calls/BundledServiceClient.h"
#include "net/QnamTransport.h"
#include "net/RequestExecutor.h"
#include "util/SystemClock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimeZone>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;
using test::contents;
using test::put;
using cumulus::gui::ProfileEditor;

namespace {

const QByteArray Config = "# my profiles\n[default]\nregion = us-east-1 # home\n\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\n"
                          "source_profile = default\n";
const QByteArray Credentials = "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n";

struct Fixture {
    QTemporaryDir home;
    test::FakeEnvironment environment{home.path()};
    test::MockClock clock;
    test::FakeSleeper sleeper{clock};
    test::SeededRandom random{3};
    std::unique_ptr<ProfileEditor> editor;

    Fixture()
    {
        environment.set("AWS_CONFIG_FILE", home.filePath("config"));
        environment.set("AWS_SHARED_CREDENTIALS_FILE", home.filePath("credentials"));
        put(home.filePath("config"), Config);
        put(home.filePath("credentials"), Credentials);
        editor = std::make_unique<ProfileEditor>(environment, clock, random, sleeper);
        editor->show();
    }
    ~Fixture()
    {
        editor->reload(); // no "unsaved changes" question on the way out
    }
};

} // namespace

class TestProfileEditor : public QObject {
    Q_OBJECT

private slots:
    void editAndSaveChangesOnlyThoseLines()
    {
        Fixture f;
        QCOMPARE(f.editor->profileList()->count(), 2);
        QVERIFY(f.editor->select("default"));
        QCOMPARE(f.editor->field("region")->text(), "us-east-1");
        QCOMPARE(f.editor->field("aws_access_key_id")->text(), "AKIAIOSFODNN7EXAMPLE");
        QCOMPARE(f.editor->field("aws_secret_access_key")->echoMode(), QLineEdit::Password);
        QVERIFY(!f.editor->saveButton()->isEnabled()); // nothing to save

        // Type a new region: the change is listed, the comment moves above, nothing else.
        f.editor->field("region")->clear();
        QTest::keyClicks(f.editor->field("region"), "eu-west-1");
        QVERIFY(f.editor->hasChanges());
        const QString changes = f.editor->changes()->toPlainText();
        QVERIFY2(changes.contains("-   3  region = us-east-1 # home\n+   3  # home\n+   4  region = eu-west-1\n"), qPrintable(changes));
        QVERIFY(!changes.contains("credentials"));
        // A secret changes: masked in the list unless asked for.
        f.editor->setField("aws_secret_access_key", "newSecretValue");
        QVERIFY(!f.editor->changes()->toPlainText().contains("newSecretValue"));
        QVERIFY(f.editor->changes()->toPlainText().contains("aws_secret_access_key = ••••••••"));
        f.editor->showSecrets()->setChecked(true);
        QVERIFY(f.editor->changes()->toPlainText().contains("newSecretValue"));
        f.editor->showSecrets()->setChecked(false);

        QSignalSpy saved(f.editor.get(), &ProfileEditor::saved);
        QVERIFY(f.editor->saveButton()->isEnabled());
        f.editor->saveButton()->click();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(contents(f.home.filePath("config")),
                 QByteArray("# my profiles\n[default]\n# home\nregion = eu-west-1\n\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\n"
                            "source_profile = default\n"));
        QCOMPARE(contents(f.home.filePath("credentials")),
                 QByteArray("[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = newSecretValue\n"));
        QVERIFY(!f.editor->hasChanges());
        QCOMPARE(f.editor->changes()->toPlainText(), "No changes.");
    }

    void cachedRoleSessionsShowTheirExpiry()
    {
        Fixture f;
        QVERIFY(f.editor->select("dev"));
        QVERIFY(f.editor->cachedSession()->text().startsWith("No cached role session"));
        // The AWS CLI's cache file for dev's role (its key: the SHA-1 of AssumeRole's arguments).
        const auto files = credentials::SharedFiles::load(f.environment);
        const std::string key = credentials::roleCacheKey(*files.profile("dev"));
        QVERIFY(!key.empty());
        QVERIFY(QDir().mkpath(f.home.filePath(".aws/cli/cache")));
        const QDateTime ends = QDateTime::fromMSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::milliseconds>(f.clock.now().time_since_epoch()).count() + 42 * 60000 + 30000, QTimeZone::utc());
        put(f.home.filePath(".aws/cli/cache/" + QString::fromStdString(key) + ".json"),
            "{\"Credentials\": {\"AccessKeyId\": \"ASIA\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\", \"Expiration\": \""
                + ends.toString(Qt::ISODate).toUtf8() + "\"}}");
        f.editor->reload();
        QCOMPARE(f.editor->cachedSession()->text(), "Cached role session: expires in 42 min");
        QVERIFY(f.editor->select("default"));
        QVERIFY(f.editor->cachedSession()->text().isEmpty()); // keys, no role
    }

    void checksBlockSaving()
    {
        Fixture f;
        QVERIFY(f.editor->select("dev"));
        f.editor->setField("role_arn", "arn:aws:iam::12:role/dev");
        QVERIFY(f.editor->problems()->text().contains("role_arn"));
        QVERIFY(!f.editor->saveButton()->isEnabled());
        f.editor->setField("role_arn", "arn:aws:iam::123456789012:role/dev");
        f.editor->setField("source_profile", "nowhere");
        QVERIFY(f.editor->problems()->text().contains("there is no profile nowhere"));
        QVERIFY(!f.editor->saveButton()->isEnabled());
        f.editor->setField("source_profile", "default");
        f.editor->setField("duration_seconds", "60");
        QVERIFY(f.editor->problems()->text().contains("duration_seconds"));
        f.editor->setField("duration_seconds", "");
        QVERIFY(f.editor->problems()->text().isEmpty());
        QVERIFY(!f.editor->hasChanges()); // back to what the files say
    }

    void addRenameDelete()
    {
        Fixture f;
        QVERIFY(f.editor->addProfile("ci"));
        QVERIFY(!f.editor->addProfile("ci")); // once
        QVERIFY(!f.editor->addProfile("two words"));
        f.editor->setField("aws_access_key_id", "AKIAI44QH8DHBEXAMPLE");
        f.editor->setField("aws_secret_access_key", "ciSecret");
        f.editor->setField("region", "us-west-2");
        QVERIFY(f.editor->select("dev"));
        QVERIFY(f.editor->renameProfile("development"));
        QVERIFY(f.editor->select("default"));
        QVERIFY(!f.editor->renameProfile("ci")); // taken
        QVERIFY(f.editor->save());
        QCOMPARE(contents(f.home.filePath("config")),
                 QByteArray("# my profiles\n[default]\nregion = us-east-1 # home\n\n[profile development]\nrole_arn = arn:aws:iam::123456789012:role/dev\n"
                            "source_profile = default\n\n[profile ci]\nregion = us-west-2\n"));
        QCOMPARE(contents(f.home.filePath("credentials")),
                 Credentials + "\n[ci]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = ciSecret\n");
        QVERIFY(f.editor->select("ci"));
        f.editor->deleteProfile();
        QVERIFY(f.editor->save());
        QCOMPARE(contents(f.home.filePath("credentials")), Credentials);
    }

    void externalChangeIsNotOverwritten()
    {
        Fixture f;
        QVERIFY(f.editor->select("default"));
        f.editor->setField("output", "json");
        put(f.home.filePath("config"), Config + "[profile other]\nregion = x\n"); // someone else, meanwhile
        QVERIFY(!f.editor->save());
        QVERIFY2(f.editor->status()->text().contains("changed on disk since it was read"), qPrintable(f.editor->status()->text()));
        QCOMPARE(contents(f.home.filePath("config")), Config + "[profile other]\nregion = x\n");
        f.editor->reload();
        QCOMPARE(f.editor->profileList()->count(), 3);
    }

    void testSaysWhatIsWrong()
    {
        Fixture f;
        QVERIFY(f.editor->select("default"));
        f.editor->setField("output", "json");
        f.editor->testButton()->click();
        QVERIFY(f.editor->status()->text().startsWith("Save first"));
        f.editor->reload();
        // No server at this endpoint: the test fails and says why, secret unprinted.
        f.environment.set("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        f.environment.set("AWS_MAX_ATTEMPTS", "1");
        QSignalSpy tested(f.editor.get(), &ProfileEditor::tested);
        f.editor->testButton()->click();
        QVERIFY(tested.wait(30000));
        const QString result = tested.first().first().toString();
        QVERIFY2(result.startsWith("✗ GetCallerIdentity"), qPrintable(result));
        QVERIFY(!result.contains("wJalrXUtnFEMI"));
    }

    void keyRotationStepByStep()
    {
        const QString moto = QStandardPaths::findExecutable("moto_server");
        QVERIFY2(!moto.isEmpty(), "moto_server is missing (the README's test command installs it)");
        test::PeerServer server(moto, {"-H", "127.0.0.1", "-p", "{port}"}, {"INITIAL_NO_AUTH_ACTION_COUNT=3"});
        QVERIFY2(server.started(), qPrintable(server.problem()));
        Fixture f;
        f.environment.set("AWS_ENDPOINT_URL", QString::fromStdString(server.url()));
        // A user allowed everything, with a key (three unchecked bootstrap calls).
        util::SystemClock clock;
        net::QnamTransport transport;
        net::RequestExecutor executor(transport, clock, f.sleeper, f.random);
        calls::CallRunner runner(executor, f.random);
        endpoints::EndpointSettings where;
        where.region = "us-east-1";
        where.endpointUrl = server.url();
        const calls::BundledServiceClient iam("iam", runner, f.random, where);
        const calls::BundledServiceClient sts("sts", runner, f.random, where);
        credentials::Credentials boot{"AKIDBOOT", "boot", "", {}, ""};
        QVERIFY(iam.call("CreateUser", {{"UserName", "jane"}}, boot));
        QVERIFY(iam.call("PutUserPolicy", {{"UserName", "jane"}, {"PolicyName", "all"},
                                           {"PolicyDocument", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})"}}, boot));
        const auto key = iam.call("CreateAccessKey", {{"UserName", "jane"}}, boot);
        QVERIFY(key);
        const QJsonObject k = key->value("AccessKey").toObject();
        put(f.home.filePath("credentials"), "[jane]\naws_access_key_id = " + k.value("AccessKeyId").toString().toUtf8()
                                                + "\naws_secret_access_key = " + k.value("SecretAccessKey").toString().toUtf8() + "\n");
        f.editor->reload();
        QVERIFY(f.editor->select("jane"));
        auto signedAs = [&] { // who the profile's keys in the file are now
            const auto files = credentials::SharedFiles::load(f.environment);
            const credentials::Profile *p = files.profile("jane");
            credentials::Credentials c{p->value("aws_access_key_id").value(), p->value("aws_secret_access_key").value(), "", {}, ""};
            const auto who = sts.call("GetCallerIdentity", {}, c);
            return who ? who->value("Arn").toString() : QString::fromStdString(who.error().message);
        };

        gui::KeyRotationDialog *rotation = f.editor->rotateKey();
        QVERIFY(rotation);
        QSignalSpy steps(rotation, &gui::KeyRotationDialog::stepFinished);
        using Step = credentials::KeyRotation::Step;
        for (const Step expected : {Step::Created, Step::Tested, Step::Switched, Step::Deactivated}) {
            QVERIFY(rotation->nextButton()->isEnabled());
            rotation->nextButton()->click();
            QVERIFY(steps.wait(30000));
            QVERIFY2(rotation->step() == expected, qPrintable(rotation->status()->text()));
            QCOMPARE(signedAs(), "arn:aws:iam::123456789012:user/jane");
        }
        QVERIFY(f.editor->field("aws_access_key_id")->text() != k.value("AccessKeyId").toString()); // the editor follows
        rotation->undoButton()->click(); // the old key active again
        QVERIFY(steps.wait(30000));
        QCOMPARE(rotation->step(), Step::Switched);
        rotation->nextButton()->click();
        QVERIFY(steps.wait(30000));
        // The last step asks first.
        QTimer::singleShot(100, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        rotation->nextButton()->click();
        QVERIFY(steps.wait(30000));
        QCOMPARE(rotation->step(), Step::Deleted);
        QVERIFY(!rotation->undoButton()->isEnabled());
        QCOMPARE(signedAs(), "arn:aws:iam::123456789012:user/jane");
        const auto files = credentials::SharedFiles::load(f.environment);
        const credentials::Credentials now{files.profile("jane")->value("aws_access_key_id").value(),
                                           files.profile("jane")->value("aws_secret_access_key").value(), "", {}, ""};
        const auto keys = iam.call("ListAccessKeys", {}, now);
        QVERIFY2(keys, keys ? "" : keys.error().message.c_str());
        QCOMPARE(keys->value("AccessKeyMetadata").toArray().size(), 1); // the old key is gone
        rotation->close();
    }

    // The dialog trusts what the CLI trusts (AWS_CA_BUNDLE, the profile's ca_bundle); a bundle it
    // cannot read stops it before any call, naming the file.
    void keyRotationStopsOnAnUnreadableCaBundle()
    {
        Fixture f;
        const QString missing = f.home.filePath("no-such-bundle.pem");
        put(f.home.filePath("config"), "[default]\nca_bundle = " + missing.toUtf8() + "\n");
        f.editor->reload();
        QVERIFY(f.editor->select("default"));
        const QByteArray before = contents(f.home.filePath("credentials"));
        gui::KeyRotationDialog *rotation = f.editor->rotateKey();
        QVERIFY(rotation);
        QVERIFY2(rotation->status()->text().contains(missing), qPrintable(rotation->status()->text()));
        QVERIFY(!rotation->nextButton()->isEnabled());
        QVERIFY(!rotation->undoButton()->isEnabled());
        QCOMPARE(contents(f.home.filePath("credentials")), before);
        rotation->close();
    }

    void openedFromTheWindow()
    {
        Fixture f;
        gui::MainWindow window(gui::WindowServices{&f.environment, &f.clock, &f.random, &f.sleeper, {}, f.home.filePath("cumulus.ini")});
        ProfileEditor *editor = window.showProfileEditor();
        QVERIFY(editor->isVisible());
        QVERIFY(editor->addProfile("fromwindow"));
        editor->setField("region", "eu-north-1");
        QVERIFY(editor->save());
        QVERIFY(window.profile()->findText("fromwindow") >= 0); // the selector follows the files
    }
};

QTEST_MAIN(TestProfileEditor)
#include "tst_profileeditor.moc"
