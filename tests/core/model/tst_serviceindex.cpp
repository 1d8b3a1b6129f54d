// ServiceIndex: protocol, auth, signing name, endpoint rules, HTTP bindings, pagination,
// documentation and examples, from the bundled AWS models.
#include "model/ServiceIndex.h"
#include "model/SmithyJsonLoader.h"

#include <QJsonObject>
#include <QtTest>

using namespace cumulus::model;

namespace {

const QString Bundled = QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/");

const MemberBinding *binding(const std::vector<MemberBinding> &bindings, const char *member)
{
    for (const MemberBinding &b : bindings) {
        if (b.member->name == member)
            return &b;
    }
    return nullptr;
}

} // namespace

class TestServiceIndex : public QObject {
    Q_OBJECT

private slots:
    void s3()
    {
        const LoadResult loaded = loadSmithyJsonFile(Bundled + "s3.json");
        QVERIFY(loaded.ok());
        const ServiceIndex index(*loaded.model, *loaded.model->find("com.amazonaws.s3#AmazonS3"));
        QCOMPARE(index.protocol(), std::string("restXml"));
        QCOMPARE(index.signingName(), std::string("s3"));
        QVERIFY(std::find(index.authSchemes().begin(), index.authSchemes().end(), "aws.auth#sigv4")
                != index.authSchemes().end());
        QVERIFY(index.endpointRuleSet() && index.endpointTests());
        QCOMPARE(index.operations().size(), std::size_t(98));

        const OperationInfo *put = index.operation("PutObject");
        QVERIFY(put && put->http);
        QCOMPARE(put->http->method, std::string("PUT"));
        QCOMPARE(put->http->uri, std::string("/{Bucket}/{Key+}?x-id=PutObject"));
        QCOMPARE(binding(put->http->input, "Bucket")->location, HttpLocation::Label);
        QCOMPARE(binding(put->http->input, "ACL")->location, HttpLocation::Header);
        QCOMPARE(binding(put->http->input, "ACL")->name, std::string("x-amz-acl"));
        QCOMPARE(binding(put->http->input, "Metadata")->location, HttpLocation::PrefixHeaders);
        QCOMPARE(binding(put->http->input, "Metadata")->name, std::string("x-amz-meta-"));
        QCOMPARE(binding(put->http->input, "Body")->location, HttpLocation::Payload);
        QCOMPARE(binding(put->http->output, "ETag")->location, HttpLocation::Header);
        QVERIFY(!put->documentation.empty());
        QVERIFY(put->documentation.find('<') == std::string::npos);

        const OperationInfo *list = index.operation("ListObjectsV2");
        QVERIFY(list->pagination);
        QCOMPARE(list->pagination->inputToken, std::string("ContinuationToken"));
        QCOMPARE(list->pagination->outputToken, std::string("NextContinuationToken"));
        QCOMPARE(list->pagination->pageSize, std::string("MaxKeys"));
        QCOMPARE(list->pagination->items, std::string()); // S3's model names no items member here
        const OperationInfo *versions = index.operation("ListParts");
        QVERIFY(versions->pagination);
        QCOMPARE(versions->pagination->items, std::string("Parts"));
        QCOMPARE(binding(list->http->input, "Prefix")->location, HttpLocation::Query);
        QCOMPARE(binding(list->http->input, "Prefix")->name, std::string("prefix"));
        QVERIFY(!index.operation("NoSuchOperation"));
    }

    void awsJsonAndExamples()
    {
        const LoadResult dynamo = loadSmithyJsonFile(Bundled + "dynamodb.json");
        const ServiceIndex ddb(*dynamo.model,
                               *dynamo.model->find("com.amazonaws.dynamodb#DynamoDB_20120810"));
        QCOMPARE(ddb.protocol(), std::string("awsJson1_0"));
        const OperationInfo *getItem = ddb.operation("GetItem");
        QVERIFY(!getItem->http); // RPC protocols have no HTTP bindings
        QVERIFY(getItem->input && getItem->output);
        QVERIFY(!getItem->errors.empty());
        QVERIFY(ddb.operation("Query")->pagination);

        const LoadResult sts = loadSmithyJsonFile(Bundled + "sts.json");
        const ServiceIndex index(
            *sts.model, *sts.model->find("com.amazonaws.sts#AWSSecurityTokenServiceV20110615"));
        QCOMPARE(index.protocol(), std::string("awsQuery"));
        const OperationInfo *assumeRole = index.operation("AssumeRole");
        QVERIFY(!assumeRole->examples.isEmpty());
        QVERIFY(assumeRole->examples.at(0).toObject().contains("input"));
        QCOMPARE(assumeRole->errors.size(), std::size_t(4));
    }
};

QTEST_APPLESS_MAIN(TestServiceIndex)
#include "tst_serviceindex.moc"
