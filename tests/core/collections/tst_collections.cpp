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

#include <functional>

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
        QVERIFY2(problems[3] == "group/no-operation.toml: a request needs service and operation (or, for an HTTP request, method, url and service)", qPrintable(problems.join('\n')));
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

    void httpRequestsAsWrittenAndBack()
    {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString();
        SavedRequest r;
        r.path = "api/put.toml";
        r.service = "execute-api";
        r.method = "PUT";
        r.url = "https://{{host}}/prod/items/{{id}}?verbose=true";
        r.region = "eu-west-1";
        r.headers = {"Content-Type: application/json", "X-Trace: {{trace}}"};
        r.body = "{\n  \"name\": \"{{name}}\",\n  \"quote\": \"it's\"\n}";
        QVERIFY(!saveRequest(folder, r));
        const QByteArray text = contents(dir.filePath("api/put.toml"));
        QCOMPARE(text, QByteArray("service = \"execute-api\"\nmethod = \"PUT\"\nurl = \"https://{{host}}/prod/items/{{id}}?verbose=true\"\n"
                                  "region = \"eu-west-1\"\nheaders = [\n    \"Content-Type: application/json\",\n"
                                  "    \"X-Trace: {{trace}}\",\n]\nbody = '''\n{\n  \"name\": \"{{name}}\",\n  \"quote\": \"it's\"\n}'''\n"));
        // Bodies TOML cannot hold literally (''' inside, CR, a quote at the end) go escaped; all read back as they were.
        for (const std::string body : {std::string("a ''' b"), std::string("line\r\nline"), std::string("ends with '"),
                                       std::string("\x7f\x01 control"), std::string("\n starts with a newline\n")}) {
            SavedRequest other = r;
            other.path = "other.toml";
            other.body = body;
            QVERIFY(!saveRequest(folder, other));
            put(dir.filePath("collection.toml"), "name = \"API\"\n");
            const auto loaded = loadCollection(folder);
            QVERIFY(loaded && loaded->problems.empty());
            const SavedRequest &back = loaded->requests.at(1);
            QCOMPARE(back.body, body);
            QCOMPARE(requestText(back), requestText(other));
        }
        const auto loaded = loadCollection(folder);
        const SavedRequest &back = loaded->requests.at(0);
        QVERIFY(back.isHttp());
        QCOMPARE(back.headers, r.headers);
        QVERIFY(!saveRequest(folder, back));
        QCOMPARE(contents(dir.filePath("api/put.toml")), text); // unchanged: no byte written

        test::FakeEnvironment process;
        process.set("trace", "t-1");
        Collection c = *loaded;
        c.variables = {{"host", "abc.execute-api.eu-west-1.amazonaws.com"}, {"id", "7"}, {"name", "Ann"}};
        const auto resolved = resolveRequest(c, back, "", process);
        QVERIFY2(resolved, resolved ? "" : resolved.error().message.c_str());
        QCOMPARE(resolved->url, std::string("https://abc.execute-api.eu-west-1.amazonaws.com/prod/items/7?verbose=true"));
        QCOMPARE(resolved->headers.at(1), std::string("X-Trace: t-1"));
        QVERIFY(resolved->body.find("\"name\": \"Ann\"") != std::string::npos);

        // A file that mixes the two kinds, or lacks the signing name, is named.
        put(dir.filePath("mixed.toml"), "service = \"dynamodb\"\noperation = \"GetItem\"\nurl = \"https://x\"\nmethod = \"GET\"\n");
        put(dir.filePath("headers.toml"), "service = \"s3\"\nmethod = \"GET\"\nurl = \"https://x\"\nheaders = [\"no colon\"]\n");
        const auto again = loadCollection(folder);
        QCOMPARE(again->problems.size(), std::size_t(2));
        QVERIFY2(again->problems[0].text().find("headers.toml:4: headers are") == 0, again->problems[0].text().c_str());
        QVERIFY2(again->problems[1].text().find("mixed.toml: an HTTP request has method, url and service") == 0, again->problems[1].text().c_str());
    }

    void httpRequestsWithCredentialsAreRefused()
    {
        QTemporaryDir dir;
        SavedRequest r;
        r.path = "leak.toml";
        r.service = "execute-api";
        r.method = "GET";
        r.url = "https://example.com/";
        const std::vector<std::pair<std::function<void(SavedRequest &)>, std::string>> leaks = {
            {[](SavedRequest &x) { x.headers = {"Authorization: AWS4-HMAC-SHA256 Credential=…"}; }, "the header Authorization"},
            {[](SavedRequest &x) { x.headers = {"x-amz-security-token: FwoGZXIvYXdzEJr"}; }, "the header x-amz-security-token"},
            {[](SavedRequest &x) { x.url = "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc"; }, "presigned"},
            {[](SavedRequest &x) { x.body = R"({"Credentials": {"SecretAccessKey": "wJalrXUtnFEMI"}})"; }, "SecretAccessKey"},
            {[](SavedRequest &x) { x.body = "key=AKIAIOSFODNN7EXAMPLE"; }, "the body holds an access key id"},
        };
        for (const auto &[leak, said] : leaks) {
            SavedRequest bad = r;
            leak(bad);
            const auto refused = saveRequest(dir.path().toStdString(), bad);
            QVERIFY2(refused && refused->message.find(said) != std::string::npos, refused ? refused->message.c_str() : said.c_str());
        }
        QVERIFY(!QFileInfo::exists(dir.filePath("leak.toml")));
    }

    void aRelativeFolderLoadsAlike()
    {
        QTemporaryDir dir;
        put(dir.filePath("music/collection.toml"), "name = \"Music\"\n");
        put(dir.filePath("music/environments/dev.toml"), "[variables]\ntable = \"Dev\"\n");
        put(dir.filePath("music/tables/list.toml"), "service = \"dynamodb\"\noperation = \"ListTables\"\n");
        const QString before = QDir::currentPath();
        QDir::setCurrent(dir.path());
        const auto loaded = loadCollection("music");
        QDir::setCurrent(before);
        QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
        QVERIFY(loaded->problems.empty());
        QCOMPARE(loaded->requests.size(), std::size_t(1));
        QCOMPARE(loaded->requests[0].path, std::string("tables/list.toml"));
        QCOMPARE(loaded->environments.count("dev"), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestCollections)
#include "tst_collections.moc"
