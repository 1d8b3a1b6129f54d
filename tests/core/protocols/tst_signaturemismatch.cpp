// A signature error keeps what AWS says it signed (its canonical request and string to sign), in
// each of the three forms AWS sends: S3's XML elements, and the message text of JSON and query
// services.
#include "ParseResponse.h"

#include <QtTest>

using namespace cumulus;

namespace {

const std::string Canonical = "POST\n/\n\ncontent-type:application/x-amz-json-1.0\nhost:dynamodb.us-east-1.amazonaws.com\n"
                              "x-amz-date:20261125T010203Z\n\ncontent-type;host;x-amz-date\n"
                              "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
const std::string StringToSign = "AWS4-HMAC-SHA256\n20261125T010203Z\n20261125/us-east-1/dynamodb/aws4_request\n"
                                 "2f4f0b1a4a4e6a3f1c9b0e6d0e6f1b2e3c4d5e6f708192a3b4c5d6e7f8091a2b";
const std::string Message = "The request signature we calculated does not match the signature you provided. Check your "
                            "AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                            "The Canonical String for this request should have been\n'" + Canonical + "'\n\n"
                            "The String-to-Sign should have been\n'" + StringToSign + "'\n";

protocols::ParsedResponse parse(const char *modelFile, std::string_view operation, const net::HttpResponse &response)
{
    return test::parseResponse(QStringLiteral(CUMULUS_SOURCE_DIR "/resources/models/") + modelFile, operation, response);
}

QString xmlEscaped(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

} // namespace

class TestSignatureMismatch : public QObject {
    Q_OBJECT

private slots:
    void jsonMessage()
    {
        net::HttpResponse response;
        response.status = 400;
        response.headers = {{"Content-Type", "application/x-amz-json-1.0"}, {"x-amzn-RequestId", "RID1"}};
        response.body = QJsonDocument(QJsonObject{{"__type", "com.amazon.coral.service#InvalidSignatureException"},
                                                  {"message", QString::fromStdString(Message)}})
                            .toJson(QJsonDocument::Compact).toStdString();
        const auto parsed = parse("dynamodb.json", "ListTables", response);
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, std::string("InvalidSignatureException"));
        QCOMPARE(parsed.error->expectedCanonicalRequest, Canonical);
        QCOMPARE(parsed.error->expectedStringToSign, StringToSign);
        QCOMPARE(parsed.error->requestId, std::string("RID1"));
    }

    void queryMessage()
    {
        net::HttpResponse response;
        response.status = 403;
        response.headers = {{"Content-Type", "text/xml"}};
        response.body = ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                         "<Code>SignatureDoesNotMatch</Code><Message>" + xmlEscaped(Message) + "</Message></Error>"
                         "<RequestId>RID2</RequestId></ErrorResponse>").toStdString();
        const auto parsed = parse("sts.json", "GetCallerIdentity", response);
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, std::string("SignatureDoesNotMatch"));
        QCOMPARE(parsed.error->expectedCanonicalRequest, Canonical);
        QCOMPARE(parsed.error->expectedStringToSign, StringToSign);
        QCOMPARE(parsed.error->requestId, std::string("RID2"));
    }

    void s3Elements()
    {
        net::HttpResponse response;
        response.status = 403;
        response.headers = {{"Content-Type", "application/xml"}, {"x-amz-request-id", "RID3"}};
        response.body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>"
                         "<Message>The request signature we calculated does not match the signature you provided. "
                         "Check your key and signing method.</Message><AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId>"
                         "<StringToSign>" + xmlEscaped(StringToSign) + "</StringToSign><SignatureProvided>abc</SignatureProvided>"
                         "<CanonicalRequest>" + xmlEscaped(Canonical) + "</CanonicalRequest><RequestId>RID3</RequestId></Error>").toStdString();
        const auto parsed = parse("s3.json", "ListBuckets", response);
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, std::string("SignatureDoesNotMatch"));
        QCOMPARE(parsed.error->expectedCanonicalRequest, Canonical);
        QCOMPARE(parsed.error->expectedStringToSign, StringToSign);
    }

    void otherErrorsCarryNeither()
    {
        net::HttpResponse response;
        response.status = 400;
        response.headers = {{"Content-Type", "application/x-amz-json-1.0"}};
        response.body = R"({"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"})";
        const auto parsed = parse("dynamodb.json", "ListTables", response);
        QVERIFY(parsed.error);
        QVERIFY(parsed.error->expectedCanonicalRequest.empty());
        QVERIFY(parsed.error->expectedStringToSign.empty());
    }
};

QTEST_GUILESS_MAIN(TestSignatureMismatch)
#include "tst_signaturemismatch.moc"
