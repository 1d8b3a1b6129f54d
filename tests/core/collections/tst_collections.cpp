// Collections as folders of small TOML files: load and save give the same bytes back, a broken
// file is named with its line while the others load, secrets are refused, variables resolve
// environment → collection → process environment, and unresolved ones are named.
#include "FakeEnvironment.h"
#include "TestFiles.h"
#include "collections/Collection.h"
#include "collections/Variables.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;
using namespace cumulus::collections;
using test::contents;
using test::put;

namespace {

SavedRequest getItem()
{
    SavedRequest r;
    r.path = "tables/get-item.toml";
    r.service = "dynamodb";
    r.operation = "GetItem";
    r.description = "An item of \"Music\", by its key";
    r.endpoint = "{{endpoint}}";
    r.input = QJsonDocument::fromJson(R"({"TableName": "{{table}}", "Key": {"Artist": {"S": "No One You Know"}}, "ConsistentRead": true})").object();
    return r;
}

} // namespace

class TestCollections : public QObject {
    Q_OBJECT

private slots:
    void savedAsWrittenAndBackUnchanged()
    {
        QTemporaryDir dir;
        Collection c;
        c.folder = dir.path().toStdString();
        c.name = "Music";
        c.region = "us-east-1";
        c.variables = {{"table", "Music"}, {"endpoint", "http://localhost:8000"}};
        QVERIFY(!saveCollectionFile(c));
        QVERIFY(!saveRequest(c.folder, getItem()));
        QCOMPARE(contents(dir.filePath("collection.toml")),
                 QByteArray("name = \"Music\"\nregion = \"us-east-1\"\n\n[variables]\nendpoint = \"http://localhost:8000\"\ntable = \"Music\"\n"));
        QCOMPARE(contents(dir.filePath("tables/get-item.toml")),
                 QByteArray("service = \"dynamodb\"\noperation = \"GetItem\"\ndescription = \"An item of \\\"Music\\\", by its key\"\n"
                            "endpoint = \"{{endpoint}}\"\ninput = '''\n{\n    \"ConsistentRead\": true,\n    \"Key\": {\n"
                            "        \"Artist\": {\n            \"S\": \"No One You Know\"\n        }\n    },\n"
                            "    \"TableName\": \"{{table}}\"\n}\n'''\n"));

        const auto loaded = loadCollection(c.folder);
        QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
        QVERIFY(loaded->problems.empty());
        QCOMPARE(loaded->name, std::string("Music"));
        QCOMPARE(loaded->requests.size(), std::size_t(1));
        const SavedRequest &r = loaded->requests[0];
        QCOMPARE(r.path, std::string("tables/get-item.toml"));
        QCOMPARE(r.description, getItem().description);
        QCOMPARE(r.input, getItem().input);
        // Saving what was loaded writes no byte: a read-only file proves it.
        const QString file = dir.filePath("tables/get-item.toml");
        QFile::setPermissions(file, QFileDevice::ReadOwner);
        QVERIFY(!saveRequest(c.folder, r));
        QVERIFY(!saveCollectionFile(*loaded));
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void aBrokenFileIsNamedAndTheRestLoads()
    {
        QTemporaryDir dir;
        put(dir.filePath("collection.toml"), "name = \"Broken bits\"\n");
        put(dir.filePath("a-good.toml"), "service = \"sts\"\noperation = \"GetCallerIdentity\"\n");
        put(dir.filePath("group/bad-toml.toml"), "service = \"sqs\"\noperation = \"ListQueues\"\nregion = us-east-1\n");
        put(dir.filePath("group/bad-json.toml"), "service = \"sqs\"\noperation = \"SendMessage\"\ninput = '''\n{\n  \"QueueUrl\": \"q\",\n  \"MessageBody\" \"x\"\n}\n'''\n");
        put(dir.filePath("group/no-operation.toml"), "service = \"sqs\"\n");
        put(dir.filePath("environments/local.toml"), "[variables]\nendpoint = \"http://localhost:4566\"\nport = 4566\n");
        const auto loaded = loadCollection(dir.path().toStdString());
        QVERIFY(loaded);
        QCOMPARE(loaded->requests.size(), std::size_t(1));
        QCOMPARE(loaded->requests[0].operation, std::string("GetCallerIdentity"));
        QStringList problems;
        for (const FileProblem &p : loaded->problems)
            problems << QString::fromStdString(p.text());
        QCOMPARE(problems.size(), 4);
        QVERIFY2(problems[0].startsWith("environments/local.toml:3: variable port is not a string"), qPrintable(problems.join('\n')));
        QVERIFY2(problems[1].startsWith("group/bad-json.toml:6: input is not a JSON object"), qPrintable(problems.join('\n')));
        QVERIFY2(problems[2].startsWith("group/bad-toml.toml:3: "), qPrintable(problems.join('\n')));
        QVERIFY2(problems[3] == "group/no-operation.toml: a request needs service and operation", qPrintable(problems.join('\n')));
        QCOMPARE(loaded->environments.at("local").at("endpoint"), std::string("http://localhost:4566"));

        QTemporaryDir empty;
        const auto notOne = loadCollection(empty.path().toStdString());
        QVERIFY(!notOne);
        QVERIFY(notOne.error().message.find("is not a Cumulus collection: it has no collection.toml") != std::string::npos);
    }

    void secretsAreRefused()
    {
        QTemporaryDir dir;
        SavedRequest r = getItem();
        r.path = "x.toml";
        for (const auto &[json, why] : std::vector<std::pair<const char *, const char *>>{
                 {R"({"TableName": "AKIAIOSFODNN7EXAMPLE"})", "$.TableName holds an access key id"},
                 {R"({"Credentials": {"SecretAccessKey": "wJalrXUtnFEMI"}})", "$.Credentials.SecretAccessKey holds a SecretAccessKey"},
                 {R"({"Tokens": ["IQoJb3JpZ2luX2VjEJr..."]})", "$.Tokens[0] holds an STS session token"}}) {
            r.input = QJsonDocument::fromJson(json).object();
            const auto refused = saveRequest(dir.path().toStdString(), r);
            QVERIFY2(refused && refused->message.find(why) != std::string::npos, refused ? refused->message.c_str() : json);
            QVERIFY(!QFile::exists(dir.filePath("x.toml")));
        }
        r.input = QJsonDocument::fromJson(R"({"SecretAccessKey": "{{secret}}", "Note": "AKIA is a prefix"})").object();
        QVERIFY(!saveRequest(dir.path().toStdString(), r)); // a variable, and no whole key id
        r.path = "collection.toml";
        QVERIFY(saveRequest(dir.path().toStdString(), r));
        r.path = "../outside.toml";
        QVERIFY(saveRequest(dir.path().toStdString(), r));
    }

    void variablesResolveInOrder()
    {
        Collection c;
        c.region = "{{region}}";
        c.variables = {{"table", "Music"}, {"region", "eu-west-1"}, {"endpoint", "http://collection"}};
        c.environments["local"] = {{"endpoint", "http://localhost:8000"}};
        test::FakeEnvironment process;
        process.set("USER_TABLE_SUFFIX", "-dev");
        SavedRequest r = getItem();
        r.input = QJsonDocument::fromJson(R"({"TableName": "{{table}}{{ USER_TABLE_SUFFIX }}", "Key": {"id": {"S": "{{id}}"}}})").object();
        auto resolved = resolveRequest(c, r, "local", process);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().message, std::string("tables/get-item.toml: unresolved variables: id ($.Key.id.S)"));
        c.variables["id"] = "42";
        resolved = resolveRequest(c, r, "local", process);
        QVERIFY2(resolved, resolved ? "" : resolved.error().message.c_str());
        QCOMPARE(resolved->endpoint, std::string("http://localhost:8000")); // the environment's first
        QCOMPARE(resolved->region, std::string("eu-west-1"));             // the collection's default, filled
        QCOMPARE(resolved->input.value("TableName").toString(), "Music-dev");
        QCOMPARE(resolveRequest(c, r, "", process)->endpoint, std::string("http://collection"));
        QVERIFY(!resolveRequest(c, r, "staging", process));
    }

    void movedRenamedDeletedAndRestored()
    {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        Collection c;
        c.folder = folder;
        c.name = "Music";
        QVERIFY(!saveCollectionFile(c));
        QVERIFY(!saveRequest(folder, getItem()));
        const QByteArray bytes = contents(dir.filePath("tables/get-item.toml"));

        // A move to another folder leaves no empty folder behind; the bytes go along unchanged.
        QVERIFY(!moveRequest(folder, "tables/get-item.toml", "reads/one/item.toml"));
        QVERIFY(!QFileInfo::exists(dir.filePath("tables")));
        QCOMPARE(contents(dir.filePath("reads/one/item.toml")), bytes);
        QCOMPARE(loadCollection(folder)->requests.at(0).path, std::string("reads/one/item.toml"));

        // Refused: a taken name, a missing source, names that are no request files; nothing moves.
        QVERIFY(!saveRequest(folder, [] { SavedRequest r = getItem(); r.path = "other.toml"; return r; }()));
        const auto taken = moveRequest(folder, "reads/one/item.toml", "other.toml");
        QVERIFY(taken && taken->message.find("other.toml already exists") != std::string::npos);
        QVERIFY(moveRequest(folder, "missing.toml", "new.toml"));
        for (const char *bad : {"../outside.toml", "/tmp/x.toml", "collection.toml", "environments/dev.toml", "item.json", ".toml"})
            QVERIFY2(moveRequest(folder, "reads/one/item.toml", bad), bad);
        QCOMPARE(contents(dir.filePath("reads/one/item.toml")), bytes);

        // Deleted, then written back byte for byte (what the window's undo does).
        const auto deleted = deleteRequest(folder, "reads/one/item.toml");
        QVERIFY(deleted);
        QVERIFY(!QFileInfo::exists(dir.filePath("reads")));
        QVERIFY(!deleteRequest(folder, "reads/one/item.toml"));
        QVERIFY(!restoreRequest(folder, "reads/one/item.toml", *deleted));
        QCOMPARE(contents(dir.filePath("reads/one/item.toml")), bytes);
    }
};

QTEST_GUILESS_MAIN(TestCollections)
#include "tst_collections.moc"
