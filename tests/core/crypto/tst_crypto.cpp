// SHA-256 (FIPS 180-4 examples) and HMAC-SHA256 (RFC 4231 test cases).
#include "crypto/Hex.h"
#include "crypto/HmacSha256.h"
#include "crypto/Sha256.h"

#include <QtTest>

using namespace cumulus::crypto;

namespace {

std::string fromHex(std::string_view hex)
{
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(char(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

} // namespace

class TestCrypto : public QObject {
    Q_OBJECT

private slots:
    void sha256KnownAnswers()
    {
        QCOMPARE(sha256Hex(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(sha256Hex(std::string(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void hmacRfc4231_data()
    {
        QTest::addColumn<QByteArray>("keyHex");
        QTest::addColumn<QByteArray>("dataHex");
        QTest::addColumn<QByteArray>("macHex");
        QTest::newRow("case 1")
            << QByteArray("0b").repeated(20) << QByteArray("4869205468657265")
            << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2 (short key)")
            << QByteArray("4a656665")
            << QByteArray("7768617420646f2079612077616e7420666f72206e6f7468696e673f")
            << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 3")
            << QByteArray(40, 'a') << QByteArray(100, 'd')
            << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("case 6 (key longer than a block)")
            << QByteArray(262, 'a')
            << QByteArray("54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b65"
                          "79202d2048617368204b6579204669727374")
            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    void hmacRfc4231()
    {
        QFETCH(QByteArray, keyHex);
        QFETCH(QByteArray, dataHex);
        QFETCH(QByteArray, macHex);
        const std::string key = fromHex(keyHex.toStdString());
        const std::string data = fromHex(dataHex.toStdString());
        QCOMPARE(toHex(HmacSha256::compute(key, data)), macHex.toStdString());
        // A prepared key gives the same MAC every time, and so does a copy of it.
        const HmacSha256 prepared(key);
        const HmacSha256 copy = prepared;
        QCOMPARE(toHex(prepared.mac(data)), macHex.toStdString());
        QCOMPARE(toHex(copy.mac(data)), macHex.toStdString());
        QCOMPARE(toHex(prepared.mac(data)), macHex.toStdString());
    }

    void hexIsLowercase()
    {
        QCOMPARE(toHex(std::string_view("\x00\xff\x10\xab", 4)), std::string("00ff10ab"));
    }
};

QTEST_APPLESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
