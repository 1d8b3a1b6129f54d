// A Postman v2.1 export (tests/data/postman) read as a Cumulus collection: AWS Signature requests
// become HTTP requests signed for their service and region (the collection's, a folder's or their
// own auth; a service and region taken from the URL when the auth has none), every key left out,
// and a line in the report for each thing not imported or changed.
#include "TestFiles.h"
#include "collections/PostmanImport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cumulus;
using namespace cumulus::collections;

namespace {

QByteArray fixture()
{
    return test::contents(QStringLiteral(CUMULUS_TEST_DATA_DIR "/postman/aws-api.postman_collection.json"));
}

bool reported(const PostmanImport &imported, const std::string &line)
{
    return std::find(imported.report.begin(), imported.report.end(), line) != imported.report.end();
}

std::string all(const PostmanImport &imported)
{
    std::string out;
    for (const std::string &line : imported.report)
        out += line + "\n";
    return out;
}

} // namespace

class TestPostmanImport : public QObject {
    Q_OBJECT

private slots:
    void requestsSignedWithAwsSignature()
    {
        const auto imported = importPostman(fixture());
        QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
        const Collection &c = imported->collection;
        QCOMPARE(c.name, std::string("AWS API"));
        QCOMPARE(c.variables, (std::map<std::string, std::string>{{"endpoint", "https://iam.amazonaws.com"}, {"table", "Music"}}));
        std::vector<std::string> paths;
        for (const SavedRequest &r : c.requests)
            paths.push_back(r.path);
        QCOMPARE(paths, (std::vector<std::string>{"STS/Who-am-I.toml", "IAM/List-users.toml", "IAM/A-user-that-is-not-there.toml",
                                                  "IAM/List-users-2.toml", "DynamoDB/List-tables.toml", "DynamoDB/Put-an-item.toml"}));

        const SavedRequest &sts = c.requests[0]; // the folder's auth; a form body; X-Amz-Date left out
        QVERIFY(sts.isHttp());
        QCOMPARE(sts.method, std::string("POST"));
        QCOMPARE(sts.url, std::string("{{endpoint}}/"));
        QCOMPARE(sts.service, std::string("sts"));
        QCOMPARE(sts.region, std::string("us-east-1"));
        QCOMPARE(sts.headers, std::vector<std::string>{"Content-Type: application/x-www-form-urlencoded; charset=utf-8"});
        QCOMPARE(sts.body, std::string("Action=GetCallerIdentity&Version=2011-06-15"));
        QCOMPARE(sts.description, std::string("STS GetCallerIdentity, as a form"));

        const SavedRequest &users = c.requests[1]; // the collection's auth; a disabled header left out
        QCOMPARE(users.service, std::string("iam"));
        QCOMPARE(users.url, std::string("{{endpoint}}/"));
        QCOMPARE(users.headers, (std::vector<std::string>{"Accept: text/xml", "Content-Type: application/x-www-form-urlencoded; charset=utf-8"}));
        const SavedRequest &missing = c.requests[2]; // a raw body with its own content type
        QCOMPARE(missing.body, std::string("Action=GetUser&UserName=nobody&Version=2010-05-08"));
        QCOMPARE(missing.headers, std::vector<std::string>{"Content-Type: application/x-www-form-urlencoded"});
        // A URL from its parts, without the disabled query parameter.
        QCOMPARE(c.requests[3].method, std::string("GET"));
        QCOMPARE(c.requests[3].url, std::string("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"));

        const SavedRequest &tables = c.requests[4]; // its own auth, v2.0's object form
        QCOMPARE(tables.service, std::string("dynamodb"));
        QCOMPARE(tables.headers, (std::vector<std::string>{"X-Amz-Target: DynamoDB_20120810.ListTables",
                                                          "Content-Type: application/x-amz-json-1.0"}));
        QCOMPARE(tables.body, std::string("{}"));
        const SavedRequest &put = c.requests[5]; // an auth with no service: the URL's
        QCOMPARE(put.service, std::string("dynamodb"));
        QCOMPARE(put.region, std::string("eu-west-1"));
        QCOMPARE(put.headers.back(), std::string("Content-Type: application/json"));

        for (const SavedRequest &r : c.requests)
            QVERIFY2(!secretIn(r), r.path.c_str());
        const std::string report = all(*imported);
        QVERIFY2(imported->report.front().find("AWS keys in Postman's AWS Signature auth were left out") == 0, report.c_str());
        for (const std::string line : {"Status page: not imported: it is not signed with AWS Signature (its auth: none)",
                                       "Partner API: not imported: it is not signed with AWS Signature (its auth: bearer)",
                                       "Upload a file: not imported: its body is formdata (a file or a form with files), which Cumulus cannot send as written",
                                       "STS/Who am I?: the header X-Amz-Date was left out (signing makes it anew)",
                                       "IAM/List users: its scripts were not imported",
                                       "IAM/List users: uses Postman's {{$guid}}, which Cumulus does not fill in",
                                       "variable accessKey: left out: it looks like a credential (set it in the process environment if a request needs it)",
                                       "variable secretKey: left out: it looks like a credential (set it in the process environment if a request needs it)"})
            QVERIFY2(reported(*imported, line), (line + "\nnot in:\n" + report).c_str());
        QCOMPARE(imported->report.size(), std::size_t(9));
    }

    void writtenAsAFolderWithoutAKey()
    {
        const auto imported = importPostman(fixture());
        QTemporaryDir dir;
        const std::string folder = dir.filePath("aws-api").toStdString();
        QVERIFY(!writeImport(folder, *imported));
        const auto loaded = loadCollection(folder);
        QVERIFY(loaded && loaded->problems.empty());
        QCOMPARE(loaded->requests.size(), std::size_t(6));
        QCOMPARE(loaded->name, std::string("AWS API"));
        for (const SavedRequest &r : loaded->requests) {
            const QByteArray text = test::contents(dir.filePath("aws-api/") + QString::fromStdString(r.path));
            QVERIFY2(!text.contains("AKIA") && !text.contains("wJalr"), text.constData());
        }
        QCOMPARE(test::contents(dir.filePath("aws-api/STS/Who-am-I.toml")),
                 QByteArray("service = \"sts\"\nmethod = \"POST\"\nurl = \"{{endpoint}}/\"\n"
                            "description = \"STS GetCallerIdentity, as a form\"\nregion = \"us-east-1\"\n"
                            "headers = [\n    \"Content-Type: application/x-www-form-urlencoded; charset=utf-8\",\n]\n"
                            "body = '''\nAction=GetCallerIdentity&Version=2011-06-15'''\n"));
        const auto again = writeImport(folder, *imported); // never over a collection
        QVERIFY(again && again->message.find("already holds a collection") != std::string::npos);
    }

    void notPostman()
    {
        for (const auto &[text, said] : std::vector<std::pair<QByteArray, std::string>>{
                 {"{", "not JSON"},
                 {"[]", "not a Postman collection (no info and item)"},
                 {R"({"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v1.0.0/collection.json"}, "item": []})",
                  "not a Postman collection v2.1 or v2.0"}}) {
            const auto imported = importPostman(text);
            QVERIFY2(!imported && imported.error().message.find(said) == 0, imported ? "imported" : imported.error().message.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestPostmanImport)
#include "tst_postmanimport.moc"
