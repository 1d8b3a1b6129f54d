#include "SignCaseGenerator.h"

#include "sigv4/AmzDate.h"
#include "sigv4/UriEncoding.h"

#include <QFile>

namespace cumulus::test {

// Left out on purpose — botocore behaviours that belong to its request pipeline, not to SigV4:
// - presigning with a body (botocore parses it as JSON into the query), with a repeated query
//   name (its dict keeps one value), or with the form Content-Type its query serializer adds
//   (it drops that header);
// - --unsigned-payload where botocore ignores it: S3 without https and a Content-MD5 header, and
//   presigning other services over plain http;
// - a Date header (botocore then signs Date instead of X-Amz-Date);
// - non-ASCII header values (Python splits on Unicode spaces when trimming).

namespace {

const std::vector<std::string> PathPieces = {
    "photos",     "2024",        "a b",         "file.txt",   "über",        "ሴ",
    "日本語",     "emoji-😀",     "a+b",         "x=y",        "semi;colon",  "at@sign",
    "colon:here", "per%cent",    "quote'd",     "paren(1)",   "star*",       "bang!",
    "dollar$",    "amp&",        "comma,",      "tilde~",     "under_score", "dash-",
    "dot.",       "KeyWithCAPS", "%2F-literal", "brackets[]", "braces{}",    "pipe|",
    "caret^",     "back`tick",   "lt<gt>",      "hash#",      "question?",   "double\"quote"};

const std::vector<std::string> QueryWords = {"",         "value", "a b",   "a+b",        "x=y",
                                             "ü",        "日本",  "😀",     "slash/ed",   "~tilde",
                                             "per%cent", "q?",    "&amp",  "comma,list", "semi;",
                                             "colon:",   "at@",   "star*", "paren()",    "Capital",
                                             "lower",    "0",     "-1",    "3.14"};

const std::vector<std::string> Regions = {"us-east-1",  "eu-west-3",     "ap-southeast-2",
                                          "cn-north-1", "us-gov-west-1", "sa-east-1"};
const std::vector<std::string> Services = {"dynamodb", "execute-api", "sqs",     "lambda",
                                           "iam",      "sts",         "kinesis", "monitoring"};
const std::vector<std::string> Methods = {"GET",   "POST", "PUT",   "DELETE",
                                          "PATCH", "HEAD", "patch", "get"};

const std::string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const std::string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const std::string Base64 = Alnum + "+/";

} // namespace

SignCaseGenerator::SignCaseGenerator(std::uint64_t seed, const QTemporaryDir &bodies)
    : m_rng(seed)
    , m_bodies(bodies)
{
}

int SignCaseGenerator::below(int n)
{
    return int(m_rng() % std::uint64_t(n));
}

bool SignCaseGenerator::chance(double p)
{
    return double(m_rng() >> 11) * 0x1.0p-53 < p;
}

std::string SignCaseGenerator::token(int length, const std::string &alphabet)
{
    std::string out;
    for (int i = 0; i < length; ++i)
        out.push_back(alphabet[std::size_t(below(int(alphabet.size())))]);
    return out;
}

std::string SignCaseGenerator::encoded(const std::string &raw, bool keepSlash)
{
    return sigv4::uriEncode(raw, keepSlash);
}

std::string SignCaseGenerator::path(bool s3)
{
    std::string out;
    const int segments = below(6);
    for (int i = 0; i < segments; ++i) {
        out += '/';
        const int kind = below(10);
        if (kind == 0) {
            out += oneOf(std::vector<std::string>{".", "..", ""}); // dot segments, "//"
        } else if (kind == 1 && !s3) {
            // Raw sub-delimiters, as a person may type them in a URL.
            out += oneOf(std::vector<std::string>{"a!b", "$x", "it's", "(c)", "*", "a,b", ";p", "=",
                                                  ":", "@me", "a+b"});
        } else {
            out += encoded(oneOf(PathPieces), false);
        }
    }
    if (out.empty() || chance(0.2))
        out += '/';
    return out;
}

std::string SignCaseGenerator::query(bool allowRepeats)
{
    std::vector<std::string> fields;
    std::vector<std::string> names;
    const int count = below(6);
    for (int i = 0; i < count; ++i) {
        std::string name =
            (allowRepeats && !names.empty() && chance(0.3)) ? oneOf(names) : oneOf(QueryWords);
        if (name.empty() || std::find(names.begin(), names.end(), name) != names.end()) {
            if (!allowRepeats || name.empty())
                name = "p" + std::to_string(i) + token(2, Alnum);
        }
        names.push_back(name);
        const int form = below(8);
        if (form == 0)
            fields.push_back(encoded(name, false)); // "?acl": no '=' at all
        else if (form == 1)
            fields.push_back(encoded(name, false) + "="); // empty value
        else
            fields.push_back(encoded(name, false) + "=" + encoded(oneOf(QueryWords), false));
    }
    std::string out;
    for (const std::string &field : fields)
        out += (out.empty() ? "" : "&") + field;
    return out;
}

std::string SignCaseGenerator::headerValue()
{
    const std::vector<std::string> words = {"alpha",      "Beta",  "x=1",        "a;b",
                                            "\"quoted\"", "/path", "*",          "gzip",
                                            "1.5",        "UPPER", "semi;colon", "comma,sep"};
    std::string out;
    const int count = 1 + below(4);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += oneOf(std::vector<std::string>{" ", "  ", "   ", "\t", " \t ", "    "});
        out += oneOf(words);
    }
    return out;
}

std::vector<std::string> SignCaseGenerator::next()
{
    ++m_count;
    const bool s3 = chance(0.4);
    const bool presign = chance(0.3);
    const bool https = chance(0.8);
    const bool withToken = chance(0.5);

    std::string host;
    if (s3) {
        host = oneOf(std::vector<std::string>{
            "my-bucket.s3.amazonaws.com", "Photos-2024.s3.eu-west-3.amazonaws.com",
            "s3.us-east-1.amazonaws.com", "127.0.0.1:4568", "localhost:9000"});
    } else {
        host = oneOf(std::vector<std::string>{
            "dynamodb.us-east-1.amazonaws.com", "Lambda.EU-WEST-3.amazonaws.com",
            "abc123.execute-api.us-east-1.amazonaws.com", "127.0.0.1:4566", "[::1]:8080", "[::1]",
            "example.com:443", "example.com:80", "localhost"});
    }
    std::string url = std::string(https ? "https" : "http") + "://" + host + path(s3);
    const std::string q = query(!presign);
    if (!q.empty())
        url += "?" + q;

    std::vector<std::string> args = {"--method", oneOf(Methods), "--url", url};

    bool hasContentMd5 = false;
    const int headerCount = below(6);
    for (int i = 0; i < headerCount; ++i) {
        std::vector<std::string> names = {"Content-Type",
                                          "X-Amz-Target",
                                          "x-amz-meta-Color",
                                          "My-Header",
                                          "my-header",
                                          "Accept",
                                          "Content-MD5",
                                          "User-Agent",
                                          "X-Amzn-Trace-Id",
                                          "Expect",
                                          "Cache-Control",
                                          "If-None-Match",
                                          "Range",
                                          "X-Amz-Date",
                                          "Authorization",
                                          "X-Amz-Security-Token",
                                          "X-Amz-Content-SHA256",
                                          "Host",
                                          "Content-Length",
                                          "Connection"};
        const std::string name = oneOf(names);
        std::string value = headerValue();
        if (name == "Content-Type")
            value = oneOf(std::vector<std::string>{"application/x-amz-json-1.0", "application/json",
                                                   "text/plain; charset=UTF-8",
                                                   "application/octet-stream"});
        if (name == "Content-MD5") {
            value = token(22, Base64) + "==";
            hasContentMd5 = true;
        }
        if (name == "X-Amz-Content-SHA256")
            value = chance(0.5) ? "UNSIGNED-PAYLOAD" : token(64, "0123456789abcdef");
        if (name == "Host")
            value = oneOf(std::vector<std::string>{"example.amazonaws.com", "Custom.Host:8443"});
        args.push_back("-H");
        args.push_back(name + ":" + std::string(below(3), ' ') + value
                       + std::string(below(2), ' '));
    }

    if (!presign) {
        const int body = below(6);
        if (body == 1) {
            args.insert(args.end(),
                        {"--body", R"({"TableName":"Music","Key":{"Artist":{"S":"No One"}}})"});
        } else if (body == 2) {
            args.insert(args.end(), {"--body", "Action=ListUsers&Version=2010-05-08&Marker=a%20b"});
        } else if (body == 3) {
            args.insert(args.end(), {"--body", "ünïcödé body — 日本語 😀\n  with  spaces\t"});
        } else if (body == 4) {
            const QString file = m_bodies.filePath(QStringLiteral("body-%1.bin").arg(m_count));
            QFile out(file);
            if (out.open(QIODevice::WriteOnly)) {
                QByteArray bytes;
                const int size = 1 + below(3000);
                for (int i = 0; i < size; ++i)
                    bytes.append(char(below(256)));
                out.write(bytes);
            }
            args.insert(args.end(), {"--body-file", file.toStdString()});
        }
    }

    args.insert(args.end(),
                {"--region", s3 && chance(0.5) ? "us-east-1" : oneOf(Regions), "--service",
                 s3 ? "s3" : oneOf(Services), "--access-key", "AKID" + token(16, Upper + "234567"),
                 "--secret-key", token(40, Base64)});
    if (withToken)
        args.insert(args.end(),
                    {"--session-token", "IQoJ" + token(60 + below(250), Base64) + "=="});

    const auto seconds = std::chrono::sys_seconds(
        std::chrono::seconds(946684800 + std::int64_t(m_rng() % 1100000000)));
    args.insert(args.end(), {"--timestamp", sigv4::formatAmzDate(seconds)});
    if (presign)
        args.insert(args.end(), {"--presign", std::to_string(1 + below(604800))});
    if (s3)
        args.push_back("--s3");

    bool unsignedAllowed = true;
    if (s3 && !presign)
        unsignedAllowed = https && hasContentMd5;
    if (!s3 && presign)
        unsignedAllowed = https;
    if (unsignedAllowed && chance(0.25))
        args.push_back("--unsigned-payload");
    if (chance(0.7))
        args.push_back("--json");
    return args;
}

} // namespace cumulus::test
