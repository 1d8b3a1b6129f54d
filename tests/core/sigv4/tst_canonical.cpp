// The canonicalization pieces: encoding, dot segments, query, headers, dates, URL splitting.
#include "sigv4/AmzDate.h"
#include "sigv4/CanonicalQuery.h"
#include "sigv4/CanonicalRequest.h"
#include "sigv4/SignableRequest.h"
#include "sigv4/UriEncoding.h"

#include <QtTest>

using namespace cumulus::sigv4;

class TestCanonical : public QObject {
    Q_OBJECT

private slots:
    void uriEncoding()
    {
        QCOMPARE(uriEncode("a b+c/d~e_f.g-h"), std::string("a%20b%2Bc%2Fd~e_f.g-h"));
        QCOMPARE(uriEncode("a b/c", true), std::string("a%20b/c"));
        QCOMPARE(uriEncode("\xe1\x88\xb4"), std::string("%E1%88%B4"));
        QCOMPARE(uriEncode(std::string_view("\0", 1)), std::string("%00"));
        QCOMPARE(uriDecode("%E1%88%b4+%zz%4"), std::string("\xe1\x88\xb4+%zz%4"));
    }

    void canonicalEncodingCheck_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("canonical");
        QTest::newRow("unreserved") << "AZaz09-._~" << true;
        QTest::newRow("escape") << "a%20b%2F" << true;
        QTest::newRow("lowercase hex") << "a%2fb" << false;
        QTest::newRow("escaped unreserved") << "%41" << false;
        QTest::newRow("raw space") << "a b" << false;
        QTest::newRow("plus") << "a+b" << false;
        QTest::newRow("truncated escape") << "a%2" << false;
        QTest::newRow("separators") << "a=b&c" << false;
        QTest::newRow("empty") << "" << true;
    }
    void canonicalEncodingCheck()
    {
        QFETCH(QString, text);
        QFETCH(bool, canonical);
        QCOMPARE(isCanonicallyEncoded(text.toStdString()), canonical);
        // The check agrees with decoding and encoding again.
        const std::string t = text.toStdString();
        if (t.find('%') == std::string::npos || canonical)
            QCOMPARE(uriEncode(uriDecode(t)) == t, canonical);
    }

    void dotSegments_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << ""
                               << "/";
        QTest::newRow("root") << "/"
                              << "/";
        QTest::newRow("plain") << "/a/b"
                               << "/a/b";
        QTest::newRow("trailing slash") << "/a/b/"
                                        << "/a/b/";
        QTest::newRow("dot") << "/./a/./b"
                             << "/a/b";
        QTest::newRow("dot dot") << "/a/b/../c"
                                 << "/a/c";
        QTest::newRow("above root") << "/../../a"
                                    << "/a";
        QTest::newRow("all gone") << "/a/b/../.."
                                  << "/";
        QTest::newRow("repeated slashes") << "//a///b//"
                                          << "/a/b/";
        QTest::newRow("dot at end") << "/a/."
                                    << "/a";
    }
    void dotSegments()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(removeDotSegments(path.toStdString())), expected);
        // The fast check never skips a path that would change.
        if (!needsDotSegmentRemoval(path.toStdString()))
            QCOMPARE(expected, path);
    }

    void canonicalUri()
    {
        QCOMPARE(canonical::uri("/a%20b/../c d", true, true), std::string("/c%20d"));
        QCOMPARE(canonical::uri("/a%2Fb", true, true), std::string("/a%252Fb")); // double encoding
        QCOMPARE(canonical::uri("//key//x/../y", false, false), std::string("//key//x/../y")); // S3
        QCOMPARE(canonical::uri("", false, false), std::string("/"));
    }

    void query_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("canonicalForm");
        QTest::addColumn<QString>("wireForm");
        QTest::newRow("empty") << ""
                               << ""
                               << "";
        QTest::newRow("sorted by name") << "b=2&a=1&A=0"
                                        << "A=0&a=1&b=2"
                                        << "b=2&a=1&A=0";
        QTest::newRow("repeated name, sorted by value") << "k=b&k=a&k="
                                                        << "k=&k=a&k=b"
                                                        << "k=b&k=a&k=";
        QTest::newRow("no equals") << "acl"
                                   << "acl="
                                   << "acl";
        QTest::newRow("empty fields") << "&a=1&&b=2&"
                                      << "a=1&b=2"
                                      << "a=1&b=2";
        QTest::newRow("plus is literal") << "q=a+b"
                                         << "q=a%2Bb"
                                         << "q=a%2Bb";
        QTest::newRow("lowercase hex normalized") << "q=%2f"
                                                  << "q=%2F"
                                                  << "q=%2F";
        QTest::newRow("encoded unreserved decoded") << "q=%7E%41"
                                                    << "q=~A"
                                                    << "q=~A";
        QTest::newRow("raw unicode") << "\u1234=bar"
                                     << "%E1%88%B4=bar"
                                     << "%E1%88%B4=bar";
        QTest::newRow("second equals belongs to the value") << "a=b=c"
                                                            << "a=b%3Dc"
                                                            << "a=b%3Dc";
        QTest::newRow("bad escape kept as text") << "q=%zz"
                                                 << "q=%25zz"
                                                 << "q=%25zz";
        QTest::newRow("space") << "q=a%20b"
                               << "q=a%20b"
                               << "q=a%20b";
    }
    void query()
    {
        QFETCH(QString, query);
        QFETCH(QString, canonicalForm);
        QFETCH(QString, wireForm);
        const std::string q = query.toStdString();
        QCOMPARE(QString::fromStdString(canonical::query(q)), canonicalForm);
        QCOMPARE(QString::fromStdString(canonical::wireQuery(q)), wireForm);
        // The wire form canonicalizes to the same thing: what is sent is what was signed.
        QCOMPARE(QString::fromStdString(canonical::query(canonical::wireQuery(q))), canonicalForm);
    }

    void normalizedQueryWritesEveryEquals()
    {
        QCOMPARE(canonical::normalizedQuery("acl&b=1"), std::string("acl=&b=1"));
        QCOMPARE(canonical::normalizedQuery("b=1&a=2"), std::string("b=1&a=2"));
    }

    void queryWithExtraFields()
    {
        const std::vector<canonical::EncodedField> extra = {{"X-Amz-Date", "1"}, {"a", "%2F"}};
        QCOMPARE(canonical::query("z=1&b=2", extra), std::string("X-Amz-Date=1&a=%2F&b=2&z=1"));
    }

    void headers()
    {
        const std::vector<Header> given = {{"My-Header", "  a   b\t\tc  "},
                                           {"my-header", "second"},
                                           {"User-Agent", "never signed"},
                                           {"X-Amzn-Trace-Id", "never"},
                                           {"Expect", "100-continue"},
                                           {"Empty", ""},
                                           {"Zed", "z"},
                                           {"x-amz-date", "20150830T123600Z"}};
        const canonical::Headers out = canonical::headers(given, "example.com");
        QCOMPARE(out.signedHeaders, std::string("empty;host;my-header;x-amz-date;zed"));
        QCOMPARE(out.block,
                 std::string("empty:\nhost:example.com\nmy-header:a b c,second\n"
                             "x-amz-date:20150830T123600Z\nzed:z\n"));
        // An explicit Host header wins over the URL's.
        const canonical::Headers explicitHost =
            canonical::headers(std::vector<Header>{{"Host", "other:8443"}}, "example.com");
        QCOMPARE(explicitHost.block, std::string("host:other:8443\n"));
    }

    void amzDate()
    {
        const auto t = parseAmzDate("20240229T235959Z");
        QVERIFY(t);
        QCOMPARE(formatAmzDate(*t), std::string("20240229T235959Z"));
        QCOMPARE(formatAmzDate(std::chrono::sys_seconds{}), std::string("19700101T000000Z"));
        QVERIFY(!parseAmzDate("20230229T000000Z")); // not a leap year
        QVERIFY(!parseAmzDate("20240101T240000Z"));
        QVERIFY(!parseAmzDate("20240101T000000"));
        QVERIFY(!parseAmzDate("2024-01-01T00:00:00Z"));
        QVERIFY(!parseAmzDate("2024010xT000000Z"));
    }

    void urlSplitting()
    {
        auto r = SignableRequest::fromUrl("GET", "HTTPS://user:pw@Example.COM:443/a%20b?x=1#frag");
        QVERIFY(r);
        QCOMPARE(r->scheme, std::string("https"));
        QCOMPARE(r->authority, std::string("Example.COM:443"));
        QCOMPARE(r->path, std::string("/a%20b"));
        QCOMPARE(r->query, std::string("x=1"));
        QCOMPARE(r->hostFromUrl(), std::string("example.com"));
        QCOMPARE(r->url(), std::string("https://Example.COM:443/a%20b?x=1"));

        auto bare = SignableRequest::fromUrl("GET", "http://h?q");
        QVERIFY(bare);
        QCOMPARE(bare->path, std::string());
        QCOMPARE(bare->query, std::string("q"));

        QCOMPARE(SignableRequest::fromUrl("GET", "http://[::1]:8080/")->hostFromUrl(),
                 std::string("[::1]:8080"));
        QCOMPARE(SignableRequest::fromUrl("GET", "http://[::1]/")->hostFromUrl(),
                 std::string("[::1]"));
        QCOMPARE(SignableRequest::fromUrl("GET", "http://h:80/")->hostFromUrl(), std::string("h"));
        QCOMPARE(SignableRequest::fromUrl("GET", "https://h:80/")->hostFromUrl(),
                 std::string("h:80"));
        QCOMPARE(SignableRequest::fromUrl("GET", "https://h:0443/")->hostFromUrl(),
                 std::string("h"));

        QVERIFY(!SignableRequest::fromUrl("GET", "example.com/path"));
        QVERIFY(!SignableRequest::fromUrl("GET", "ftp://example.com/"));
        QVERIFY(!SignableRequest::fromUrl("GET", "https:///path"));
    }
};

QTEST_APPLESS_MAIN(TestCanonical)
#include "tst_canonical.moc"
