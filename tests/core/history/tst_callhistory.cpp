// The call history: appended TOML tables read back as they were written, capped by size, a damaged
// file reported with its line, secrets redacted before anything is written, search, the folder.
#include "FakeEnvironment.h"
#include "history/CallHistory.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;

namespace {

history::HistoryEntry entry(int i)
{
    history::HistoryEntry e;
    e.time = "2026-12-03T17:40:" + std::to_string(10 + i % 50) + "Z";
    e.service = "dynamodb";
    e.operation = i % 2 ? "GetItem" : "PutItem";
    e.profile = "dev";
    e.region = "eu-west-1";
    e.endpoint = i % 3 ? "" : "http://localhost:8000";
    e.input = QJsonObject{{"TableName", "Music"}, {"Key", QJsonObject{{"id", QJsonObject{{"S", QString("item %1 'quoted' \"x\" '''").arg(i)}}}}}};
    e.status = 200;
    e.result = "ok";
    e.milliseconds = i;
    e.attempts = 1;
    e.requestId = "req-" + std::to_string(i);
    return e;
}

} // namespace

class TestCallHistory : public QObject {
    Q_OBJECT

private slots:
    void roundTrip()
    {
        QTemporaryDir dir;
        const history::CallHistory log(dir.filePath("data/history.toml").toStdString());
        QCOMPARE(log.entries()->size(), std::size_t(0)); // no file: an empty history
        for (int i = 0; i < 5; ++i)
            QVERIFY(!log.append(entry(i)));
        const auto read = log.entries();
        QVERIFY2(read, read ? "" : read.error().message.c_str());
        QCOMPARE(read->size(), std::size_t(5));
        for (int i = 0; i < 5; ++i) {
            const history::HistoryEntry &e = (*read)[std::size_t(i)], expected = entry(i);
            QCOMPARE(e.time, expected.time);
            QCOMPARE(e.operation, expected.operation);
            QCOMPARE(e.endpoint, expected.endpoint);
            QCOMPARE(e.input, expected.input);
            QCOMPARE(e.requestId, expected.requestId);
            QCOMPARE(e.milliseconds, expected.milliseconds);
        }
        QCOMPARE(QFile::permissions(dir.filePath("data/history.toml")) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(!log.clear());
        QCOMPARE(log.entries()->size(), std::size_t(0));
    }

    void cappedBySize()
    {
        QTemporaryDir dir;
        const std::string file = dir.filePath("history.toml").toStdString();
        const history::CallHistory log(file, 20000);
        for (int i = 0; i < 400; ++i)
            QVERIFY(!log.append(entry(i)));
        QVERIFY(QFileInfo(dir.filePath("history.toml")).size() <= 20000);
        const auto read = log.entries();
        QVERIFY(read && read->size() > 10);
        QCOMPARE(read->back().requestId, std::string("req-399")); // the newest kept, in order
        for (std::size_t i = 1; i < read->size(); ++i)
            QCOMPARE((*read)[i].milliseconds, (*read)[i - 1].milliseconds + 1);
    }

    void damagedFileNamesItsLine()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("history.toml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[[call]]\nservice = \"sts\"\n\n[[call]]\nservice = \"unterminated\n");
        f.close();
        const auto read = history::CallHistory(dir.filePath("history.toml").toStdString()).entries();
        QVERIFY(!read);
        QVERIFY2(read.error().message.find("history.toml:5: ") != std::string::npos, read.error().message.c_str());
    }

    void secretsAreRedactedBeforeWriting()
    {
        QTemporaryDir dir;
        const history::CallHistory log(dir.filePath("history.toml").toStdString());
        history::HistoryEntry e = entry(1);
        e.service = "secrets-manager";
        e.input = QJsonObject{{"SecretId", "prod/db"},
                              {"SecretString", "hunter2-very-secret"},
                              {"Tags", QJsonArray{QJsonObject{{"Key", "owner"}, {"Value", "AKIAIOSFODNN7EXAMPLE"}}}},
                              {"LoginProfile", QJsonObject{{"Password", "pa55word"}, {"UserName", "bob"}}}};
        QVERIFY(!log.append(e));
        QFile f(dir.filePath("history.toml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray written = f.readAll();
        for (const char *secret : {"hunter2-very-secret", "AKIAIOSFODNN7EXAMPLE", "pa55word"})
            QVERIFY2(!written.contains(secret), written.constData());
        const QJsonObject input = log.entries()->front().input;
        QCOMPARE(input.value("SecretId").toString(), "prod/db");
        QCOMPARE(input.value("SecretString").toString(), "(redacted)");
        QCOMPARE(input.value("LoginProfile").toObject().value("UserName").toString(), "bob");
    }

    void search()
    {
        std::vector<history::HistoryEntry> all{entry(1), entry(2), entry(3)};
        QCOMPARE(history::search(all, "getitem").size(), std::size_t(2));
        QCOMPARE(history::search(all, "GetItem req-3").size(), std::size_t(1));
        QCOMPARE(history::search(all, "localhost").size(), std::size_t(1));
        QCOMPARE(history::search(all, "").size(), std::size_t(3));
        QCOMPARE(history::search(all, "nothing").size(), std::size_t(0));
    }

    void folder()
    {
        QTemporaryDir home;
        const std::string h = home.path().toStdString();
        test::FakeEnvironment env(home.path());
        QCOMPARE(history::historyFile(env), h + "/.local/share/cumulus/history.toml");
        env.set("XDG_DATA_HOME", "/data");
        QCOMPARE(history::historyFile(env), std::string("/data/cumulus/history.toml"));
        env.set("XDG_DATA_HOME", "relative"); // the XDG spec: ignored unless absolute
        QCOMPARE(history::historyFile(env), h + "/.local/share/cumulus/history.toml");
        env.set("CUMULUS_DATA_DIR", "/var/cumulus");
        QCOMPARE(history::historyFile(env), std::string("/var/cumulus/history.toml"));
        QCOMPARE(history::historyFile(test::FakeEnvironment(QString())), std::string());
        // A home that does not exist gets nothing made in it.
        QCOMPARE(history::historyFile(test::FakeEnvironment(home.filePath("gone"))), std::string());
    }
};

QTEST_GUILESS_MAIN(TestCallHistory)
#include "tst_callhistory.moc"
