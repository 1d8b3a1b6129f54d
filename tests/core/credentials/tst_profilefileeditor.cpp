// Editing the shared files in place: every case of tests/data/profiles/edits.json (tricky files:
// comments everywhere, nested blocks, CRLF, BOM, no final line break, repeated sections and keys,
// odd spacing) is edited and must come out byte for byte as written there; then botocore itself
// (tests/peers/botocore_profiles.py) reads each result and must find the intended values.
#include "TestFiles.h"
#include "Botocore.h"
#include "credentials/profile/ProfileChecks.h"
#include "credentials/profile/ProfileFileEditor.h"
#include "credentials/profile/ProfileFileStore.h"
#include "credentials/profile/SharedFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;
using test::contents;
using test::put;
using namespace cumulus::credentials;

namespace {

QJsonArray corpus()
{
    QFile file(QStringLiteral(CUMULUS_TEST_DATA_DIR "/profiles/edits.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

SharedFileKind kindOf(const QJsonObject &c)
{
    return c.value("file").toString() == "config" ? SharedFileKind::Config : SharedFileKind::Credentials;
}

// Applies a case's edits; the error of the first edit that fails, if one does.
std::optional<std::string> apply(ProfileFileEditor &editor, const QJsonArray &edits)
{
    for (const QJsonValue &e : edits) {
        const QJsonArray edit = e.toArray();
        const std::string op = edit[0].toString().toStdString();
        auto arg = [&](int i) { return edit[i].toString().toStdString(); };
        if (op == "set") {
            if (const auto done = editor.set(arg(1), arg(2), arg(3)); !done)
                return done.error().message;
        } else if (op == "add") {
            if (const auto done = editor.addProfile(arg(1)); !done)
                return done.error().message;
        } else if (op == "unset") {
            editor.unset(arg(1), arg(2));
        } else if (op == "remove") {
            editor.removeProfile(arg(1));
        } else if (op == "rename") {
            if (const auto done = editor.renameProfile(arg(1), arg(2)); !done)
                return done.error().message;
        } else {
            return "unknown edit " + op;
        }
    }
    return std::nullopt;
}

// Owner, group and other bits (Qt adds "user" bits that repeat the owner's for the running user).
QFileDevice::Permissions modeOf(const QString &path)
{
    return QFile::permissions(path) & QFileDevice::Permissions(0x7077);
}

} // namespace

class TestProfileFileEditor : public QObject {
    Q_OBJECT

private slots:
    void editsChangeOnlyTheIntendedLines()
    {
        const QJsonArray cases = corpus();
        QVERIFY(cases.size() >= 30);
        QStringList failures;
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            const QString name = c.value("name").toString();
            const std::string before = c.value("before").toString().toStdString();
            ProfileFileEditor editor(before, kindOf(c));
            if (editor.text() != before) {
                failures << name + ": reading and writing back changed the text";
                continue;
            }
            const auto error = apply(editor, c.value("edits").toArray());
            if (c.contains("error")) {
                if (!error || error->find(c.value("error").toString().toStdString()) == std::string::npos)
                    failures << name + ": wanted the error '" + c.value("error").toString() + "', got '"
                                    + QString::fromStdString(error.value_or("none")) + "'";
                else if (editor.text() != before)
                    failures << name + ": a refused edit changed the text";
                continue;
            }
            if (error) {
                failures << name + ": " + QString::fromStdString(*error);
                continue;
            }
            const std::string after = c.value("after").toString().toStdString();
            if (editor.text() != after)
                failures << name + ":\n--- wanted\n" + QString::fromStdString(after) + "--- got\n"
                                + QString::fromStdString(editor.text());
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join("\n\n")));
    }

    void botocoreReadsTheIntendedValues()
    {
        const QString python = test::findPythonWithBotocore();
        QVERIFY2(!python.isEmpty(), "botocore is missing: the README's test command installs python3-botocore");
        QJsonArray pairs;
        QList<QJsonObject> checked;
        for (const QJsonValue &v : corpus()) {
            const QJsonObject c = v.toObject();
            if (c.contains("error"))
                continue;
            QJsonObject pair{{"config", QJsonValue::Null}, {"credentials", QJsonValue::Null}};
            pair.insert(c.value("file").toString(), c.value("after"));
            pairs.append(pair);
            checked << c;
        }
        QProcess botocore;
        botocore.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        botocore.start(python, {QStringLiteral(CUMULUS_SOURCE_DIR "/tests/peers/botocore_profiles.py")});
        botocore.write(QJsonDocument(pairs).toJson());
        botocore.closeWriteChannel();
        QVERIFY(botocore.waitForFinished(120000) && botocore.exitCode() == 0);
        const QJsonArray read = QJsonDocument::fromJson(botocore.readAllStandardOutput()).array();
        QCOMPARE(read.size(), checked.size());

        QStringList failures;
        for (int i = 0; i < checked.size(); ++i) {
            const QJsonObject &c = checked[i];
            const QString name = c.value("name").toString();
            const QJsonObject got = read[i].toObject();
            if (c.value("botocore_refuses").toBool()) {
                if (!got.contains("error"))
                    failures << name + ": botocore no longer refuses this file";
                continue;
            }
            if (got.contains("error")) {
                failures << name + ": botocore refuses it: " + got.value("error").toString();
                continue;
            }
            const QJsonObject profiles = got.value("profiles").toObject();
            const QJsonObject expect = c.value("expect").toObject();
            for (auto p = expect.begin(); p != expect.end(); ++p) {
                if (p.value().isNull()) {
                    if (profiles.contains(p.key()))
                        failures << name + ": the profile " + p.key() + " is still there";
                    continue;
                }
                const QJsonObject values = profiles.value(p.key()).toObject();
                const QJsonObject wanted = p.value().toObject();
                for (auto k = wanted.begin(); k != wanted.end(); ++k) {
                    if (k.value().isNull() ? values.contains(k.key()) : values.value(k.key()) != k.value())
                        failures << name + ": botocore reads " + p.key() + "." + k.key() + " as "
                                        + QString::fromUtf8(QJsonDocument(QJsonObject{{"v", values.value(k.key())}}).toJson(QJsonDocument::Compact));
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join("\n")));
    }

    void newFilesAreTheOwnersAlone()
    {
        QTemporaryDir home;
        const QString path = home.filePath(".aws/credentials");
        const auto snapshot = readForEditing(path.toStdString());
        QVERIFY(snapshot && !snapshot->existed && snapshot->text.empty());
        ProfileFileEditor editor(snapshot->text, SharedFileKind::Credentials);
        QVERIFY(editor.set("default", "aws_access_key_id", "AKIDNEW").value());
        QVERIFY(!saveEdited(*snapshot, editor.text()));
        QCOMPARE(contents(path), QByteArray("[default]\naws_access_key_id = AKIDNEW\n"));
#ifdef Q_OS_UNIX
        QCOMPARE(modeOf(path), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(modeOf(home.filePath(".aws")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
#endif
        QVERIFY(!QFile::exists(QString::fromStdString(backupPathOf(path.toStdString())))); // nothing was replaced
    }

    void savesKeepPermissionsAndABackup()
    {
        QTemporaryDir home;
        const QString path = home.filePath("config");
        put(path, "[default]\nregion = us-east-1\n");
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
        const auto snapshot = readForEditing(path.toStdString());
        QVERIFY(snapshot && snapshot->existed);
        ProfileFileEditor editor(snapshot->text, SharedFileKind::Config);
        QVERIFY(editor.set("default", "region", "eu-west-1").value());
        QVERIFY(!saveEdited(*snapshot, editor.text()));
        QCOMPARE(contents(path), QByteArray("[default]\nregion = eu-west-1\n"));
        const QString backup = QString::fromStdString(backupPathOf(path.toStdString()));
        QCOMPARE(contents(backup), QByteArray("[default]\nregion = us-east-1\n"));
#ifdef Q_OS_UNIX
        const auto kept = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;
        QCOMPARE(modeOf(path), kept);
        QCOMPARE(modeOf(backup), kept);
#endif
        // Undo puts the old text back, and can itself be undone.
        QVERIFY(!undoLastSave(path.toStdString()));
        QCOMPARE(contents(path), QByteArray("[default]\nregion = us-east-1\n"));
        QVERIFY(!undoLastSave(path.toStdString()));
        QCOMPARE(contents(path), QByteArray("[default]\nregion = eu-west-1\n"));
    }

    void aFileChangedOnDiskIsNotOverwritten()
    {
        QTemporaryDir home;
        const QString path = home.filePath("credentials");
        put(path, "[default]\naws_access_key_id = AKIDONE\n");
        const auto snapshot = readForEditing(path.toStdString());
        QVERIFY(snapshot);
        put(path, "[default]\naws_access_key_id = AKIDOTHER\n"); // another program, meanwhile
        ProfileFileEditor editor(snapshot->text, SharedFileKind::Credentials);
        QVERIFY(editor.set("default", "region", "us-east-1").value());
        const auto refused = saveEdited(*snapshot, editor.text());
        QVERIFY(refused);
        QVERIFY2(refused->message.find("changed on disk since it was read; nothing was written") != std::string::npos,
                 refused->message.c_str());
        QCOMPARE(contents(path), QByteArray("[default]\naws_access_key_id = AKIDOTHER\n"));
        // A file that appeared after a "missing" read is a change too.
        const QString fresh = home.filePath("config");
        const auto none = readForEditing(fresh.toStdString());
        put(fresh, "[default]\n");
        QVERIFY(saveEdited(*none, "[default]\nregion = a\n"));
        QCOMPARE(contents(fresh), QByteArray("[default]\n"));
    }

    void removingARepeatedProfileWhoseSectionsTouch()
    {
        // Found by fuzz_shared_files (ASan: erasing past the end): the second section's comment
        // block, which closes the first section, went with the second, and the first's end, from
        // the scan before, lay past the shortened file.
        ProfileFileEditor editor("[default]\nregion = a\n# about the next\n[default]\noutput = json\n# trailing\n",
                                 SharedFileKind::Config);
        QVERIFY(editor.removeProfile("default"));
        QCOMPARE(editor.text(), std::string());
        ProfileFileEditor kept("# top\n[default]\nregion = a\n[profile b]\nx = 1\n[default]\noutput = json\n",
                               SharedFileKind::Config);
        QVERIFY(kept.removeProfile("default"));
        QCOMPARE(kept.text(), std::string("[profile b]\nx = 1\n"));
    }

    void aNewKeyIsNotIndentedIntoANestedBlock()
    {
        // Found by fuzz_shared_files: the new key took the indentation of an indented setting and,
        // after a nested block, became a member of it.
        ProfileFileEditor editor("[default]\n http://local\ns3 =\n  endpoint_url = http://x\n", SharedFileKind::Config);
        QVERIFY(*editor.set("default", "region", "eu-west-1"));
        QCOMPARE(editor.text(), std::string("[default]\n http://local\ns3 =\n  endpoint_url = http://x\nregion:eu-west-1\n"));
        QCOMPARE(editor.value("default", "region"), std::optional<std::string>("eu-west-1"));
        // Nor does it take the indented line after the header as its continuation.
        ProfileFileEditor header("[default]\n\t[profile b]\nx = 1\n", SharedFileKind::Config);
        QVERIFY(*header.set("default", "region", "eu-west-1"));
        QCOMPARE(header.text(), std::string("[default]\n\tregion = eu-west-1\n\t[profile b]\nx = 1\n"));
        QCOMPARE(header.value("default", "region"), std::optional<std::string>("eu-west-1"));
        QCOMPARE(header.value("b", "x"), std::optional<std::string>("1"));
    }

    void unchangedTextWritesNothing()
    {
        QTemporaryDir home;
        const QString path = home.filePath("config");
        put(path, "[default]\nregion = a\n");
        const auto snapshot = readForEditing(path.toStdString());
        QVERIFY(!saveEdited(*snapshot, snapshot->text));
        QVERIFY(!QFile::exists(QString::fromStdString(backupPathOf(path.toStdString()))));
        QVERIFY(undoLastSave(path.toStdString())); // nothing to go back to, said so
    }

#ifdef Q_OS_UNIX
    void aLinkedFileIsWrittenThroughTheLink()
    {
        QTemporaryDir home;
        const QString real = home.filePath("dotfiles-config");
        const QString link = home.filePath("config");
        put(real, "[default]\nregion = a\n");
        QVERIFY(QFile::link(real, link));
        const auto snapshot = readForEditing(link.toStdString());
        QVERIFY(!saveEdited(*snapshot, "[default]\nregion = b\n"));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(contents(real), QByteArray("[default]\nregion = b\n"));
    }
#endif

    void profilesAndValues()
    {
        ProfileFileEditor editor("[default]\nregion = a # note\n[profile dev]\ns3 =\n  x = 1\n[sso-session corp]\n[profile dev]\noutput = json\n",
                                 SharedFileKind::Config);
        QCOMPARE(editor.profiles(), (std::vector<std::string>{"default", "dev"}));
        QCOMPARE(editor.value("default", "region"), std::optional<std::string>("a")); // as Cumulus reads it
        QCOMPARE(editor.value("dev", "output"), std::optional<std::string>("json"));  // repeated sections merge
        QCOMPARE(editor.value("dev", "s3"), std::nullopt);                            // a block is no value
        QCOMPARE(editor.value("corp", "x"), std::nullopt);
    }

    void profilesAreCheckedBeforeSaving()
    {
        const auto files = SharedFiles::fromTexts(
            "[profile good]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = keys\nduration_seconds = 3600\nregion = eu-west-1\n"
            "[profile bad]\nrole_arn = arn:aws:iam::1234:role/r\nsource_profile = nowhere\nduration_seconds = 60\nregion = mars-1\n"
            "[profile a]\nrole_arn = arn:aws:iam::123456789012:role/a\nsource_profile = b\n"
            "[profile b]\nrole_arn = arn:aws:iam::123456789012:role/b\nsource_profile = a\n"
            "[profile self]\nrole_arn = arn:aws:iam::123456789012:role/s\nsource_profile = self\n",
            "config",
            "[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n"
            "[half]\naws_access_key_id = nope\n"
            "[self]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n",
            "credentials");
        QVERIFY(checkProfile(files, "good").empty());
        QVERIFY(checkProfile(files, "keys").empty());
        QVERIFY(checkProfile(files, "self").empty()); // a role from its own keys: the AWS CLI allows it
        auto keysOf = [](const std::vector<ProfileProblem> &problems) {
            QStringList keys;
            for (const ProfileProblem &p : problems)
                keys << QString::fromStdString(p.key) + (p.error ? "" : " (warning)");
            return keys;
        };
        QCOMPARE(keysOf(checkProfile(files, "bad")),
                 (QStringList{"role_arn", "duration_seconds", "source_profile", "region (warning)"}));
        QCOMPARE(keysOf(checkProfile(files, "half")), (QStringList{"aws_access_key_id", "aws_secret_access_key"}));
        const auto loop = checkProfile(files, "a");
        QCOMPARE(loop.size(), std::size_t(1));
        QCOMPARE(loop[0].message, std::string("the source profiles loop back to a"));
        QCOMPARE(profileKind(*files.profile("good")), std::string("assume role"));
        QCOMPARE(profileKind(*files.profile("keys")), std::string("keys"));
    }

    void namesKeysAndValuesAreChecked()
    {
        QVERIFY(!checkProfileName("dev-1_a/b.c%d@e"));
        QVERIFY(checkProfileName(""));
        QVERIFY(checkProfileName("a]b"));
        QVERIFY(!checkKey("aws_access_key_id"));
        QVERIFY(checkKey("a=b"));
        QVERIFY(checkValue("k", ""));
        QVERIFY(checkValue("k", "a\nb"));
        QVERIFY(checkValue("k", "a ;b"));
        QVERIFY(!checkValue("k", "a#b;c")); // without a space before, # and ; are part of the value everywhere
        QCOMPARE(sectionNameOf("default", SharedFileKind::Config), std::string("default"));
        QCOMPARE(sectionNameOf("dev", SharedFileKind::Config), std::string("profile dev"));
        QCOMPARE(sectionNameOf("dev", SharedFileKind::Credentials), std::string("dev"));
    }
};

QTEST_GUILESS_MAIN(TestProfileFileEditor)
#include "tst_profilefileeditor.moc"
