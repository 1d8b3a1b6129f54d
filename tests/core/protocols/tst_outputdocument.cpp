// An output document kept as simdjson parsed the body must be the document Qt's parser makes of
// the same text: the same QJsonObject, printed byte for byte as QJsonDocument prints it. Where
// simdjson refuses a text, the JSON protocols read it with Qt (which names the problem), so a
// refusal is fine; an acceptance Qt does not share is not.
#include "protocols/OutputDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

#include <simdjson.h>

using cumulus::protocols::JsonWriter;
using cumulus::protocols::OutputDocument;

namespace {

// The same values, whatever order the objects hold their keys in (an object Qt's parser built and
// one built by inserting differ there for keys outside ASCII), looked up by key: QJsonObject::keys()
// drops a leading U+FEFF of keys its parser stored, value() finds them.
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isObject() && b.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!y.contains(it.key()) || !sameValue(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameValue(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    return a == b;
}

// Empty when simdjson and Qt agree (or simdjson refuses the text); else what differs.
QString disagreement(const QByteArray &text)
{
    simdjson::dom::parser parser;
    simdjson::dom::document parsed;
    if (parser.parse_into_document(parsed, text.constData(), std::size_t(text.size())).get_object().error())
        return {};
    const OutputDocument document(text.toStdString(), std::move(parsed));
    QJsonParseError error;
    QJsonDocument qt = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::IllegalNumber) {
        // Only here do they differ: a number that underflows (1e-400) is 0 to simdjson (and to
        // botocore), illegal to Qt. The document is then what it prints, and prints as Qt does.
        qt = QJsonDocument::fromJson(QByteArray::fromStdString(document.toJson(JsonWriter::Layout::Compact)), &error);
        if (error.error != QJsonParseError::NoError || !sameValue(document.object(), qt.object()))
            return QStringLiteral("an underflow read as ") + QString::fromStdString(document.toJson(JsonWriter::Layout::Compact));
        if (document.toJson(JsonWriter::Layout::Indented) != QJsonDocument(document.object()).toJson(QJsonDocument::Indented).toStdString())
            return QStringLiteral("an underflow printed otherwise than Qt prints its object");
        return {};
    }
    if (error.error != QJsonParseError::NoError || !qt.isObject())
        return QStringLiteral("simdjson read it, Qt did not: ") + error.errorString();
    if (document.object() != qt.object())
        return QStringLiteral("a different object");
    const std::string compact = document.toJson(JsonWriter::Layout::Compact);
    if (compact != qt.toJson(QJsonDocument::Compact).toStdString())
        return QStringLiteral("compact: ") + QString::fromStdString(compact) + QStringLiteral(", Qt: ")
            + QString::fromUtf8(qt.toJson(QJsonDocument::Compact));
    const std::string indented = document.toJson(JsonWriter::Layout::Indented);
    if (indented != qt.toJson(QJsonDocument::Indented).toStdString())
        return QStringLiteral("indented: ") + QString::fromStdString(indented);
    if (document.isEmpty() != qt.object().isEmpty())
        return QStringLiteral("isEmpty differs");
    return {};
}

bool accepted(const QByteArray &text)
{
    simdjson::dom::parser parser;
    return !parser.parse(text.constData(), std::size_t(text.size())).get_object().error();
}

QByteArray randomNumber(QRandomGenerator &random)
{
    static const char *const forms[] = {"0", "-0", "7", "-12", "1.0", "-0.0", "0.1", "1e2", "1E+2", "2.5e-3",
                                        "1e-400", "123456789012345678", "9007199254740993", "-9223372036854775808",
                                        "9223372036854775807", "9223372036854775808", "18446744073709551615",
                                        "18446744073709551616", "123456789012345678901234567890", "1.7976931348623157e308",
                                        "5e-324", "4.9406564584124654e-324", "0.30000000000000004", "1e400", "-1e400",
                                        "100000000000000000000.5", "3.14159265358979323846264338327950288"};
    return forms[random.bounded(int(std::size(forms)))];
}

QByteArray randomString(QRandomGenerator &random, bool ascii = false)
{
    static const char *const pieces[] = {"a", "Z", "9", " ", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
                                         "\\u0000", "\\u001f", "\\u007f", "\\u00e9", "\\u20ac", "\\ud83d\\ude00",
                                         "\\ud83d", "\\ude00", "\\uDBFF\\uDFFF", "\\uffff", "\\ufeff", "\xc3\xa9",
                                         "\xe2\x82\xac", "\xef\xbf\xbd", "\xee\x80\x80", "\xf0\x9f\x98\x80", "\x7f",
                                         "\xc3", "\xff", "\x01"};
    QByteArray out = "\"";
    for (int i = random.bounded(6); i > 0; --i)
        out += pieces[random.bounded(ascii ? 15 : int(std::size(pieces)))]; // the first 15: ASCII once read
    return out + "\"";
}

QByteArray space(QRandomGenerator &random)
{
    static const char *const spaces[] = {"", "", "", " ", "\n", "\t", "\r\n  "};
    return spaces[random.bounded(int(std::size(spaces)))];
}

QByteArray randomValue(QRandomGenerator &random, int depth);

// Keys outside ASCII are printed through Qt (see OutputDocument.cpp): half the objects have none.
bool asciiKeys = false;

QByteArray randomObject(QRandomGenerator &random, int depth)
{
    QByteArray out = "{" + space(random);
    QList<QByteArray> keys;
    for (int i = random.bounded(5); i > 0; --i) {
        // Now and then a key again: Qt keeps the last.
        const QByteArray key = !keys.isEmpty() && random.bounded(6) == 0 ? keys.at(random.bounded(int(keys.size())))
                                                                         : randomString(random, asciiKeys);
        keys.append(key);
        if (keys.size() > 1)
            out += "," + space(random);
        out += key + space(random) + ":" + space(random) + randomValue(random, depth + 1);
    }
    return out + space(random) + "}";
}

QByteArray randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 3 ? 5 : 7)) {
    case 0: return "null";
    case 1: return random.bounded(2) ? "true" : "false";
    case 2:
    case 3: return randomNumber(random);
    case 4: return randomString(random);
    case 5: {
        QByteArray out = "[" + space(random);
        for (int i = random.bounded(4); i > 0; --i)
            out += (out.size() > 1 && out.back() != '[' ? "," : "") + space(random) + randomValue(random, depth + 1);
        return out + "]";
    }
    default: return randomObject(random, depth);
    }
}

} // namespace

class TestOutputDocument : public QObject {
    Q_OBJECT

private slots:
    void asQtReadsIt_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("{}");
        QTest::newRow("empty, spaced") << QByteArray(" \n{ \t}\r\n");
        QTest::newRow("DynamoDB item")
            << QByteArray(R"({"Attributes":{"id":{"S":"1"},"n":{"N":"42"},"tags":{"SS":["b","a"]},)"
                          R"("m":{"M":{"deep":{"BOOL":true},"gone":{"NULL":true}}}},)"
                          R"("ConsumedCapacity":{"TableName":"Music","CapacityUnits":1.0}})");
        QTest::newRow("keys out of order") << QByteArray(R"({"b":1,"a":{"z":[],"y":{}},"A":null})");
        QTest::newRow("numbers")
            << QByteArray(R"({"a":-0,"b":1.0,"c":1e2,"d":9007199254740993,"e":18446744073709551615,)"
                          R"("f":-9223372036854775808,"g":0.1,"h":5e-324,"i":1.7976931348623157e308})");
        QTest::newRow("escapes") << QByteArray("{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u00e9\\u20ac\\ud83d\\ude00\"}");
        QTest::newRow("raw UTF-8") << QByteArray("{\"caf\xc3\xa9\":\"\xe2\x82\xac \xf0\x9f\x98\x80\"}");
        QTest::newRow("keys past U+FFFF and near it")
            << QByteArray("{\"\xef\xbf\xbd\":1,\"\xf0\x9f\x98\x80\":2,\"\xee\x80\x80\":3,\"z\":4}");
        QTest::newRow("a key twice") << QByteArray(R"({"a":1,"b":2,"a":3})");
        QTest::newRow("a key twice, nested") << QByteArray(R"({"x":[{"a":1,"a":{"b":2}}]})");
        QTest::newRow("a number that underflows") << QByteArray(R"({"a":1e-400,"b":[-1e-400]})");
    }

    void asQtReadsIt()
    {
        QFETCH(QByteArray, text);
        QVERIFY(accepted(text));
        const QString differs = disagreement(text);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    // What simdjson refuses goes to Qt's parser, which says what is wrong.
    void refusedTextsAreLeftToQt_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("truncated") << QByteArray(R"({"a":[1,2)");
        QTest::newRow("a list") << QByteArray("[1]");
        QTest::newRow("trailing text") << QByteArray(R"({"a":1} x)");
        QTest::newRow("number too large") << QByteArray(R"({"a":1e400})");
        QTest::newRow("lone surrogate") << QByteArray(R"({"a":"\ud83d"})");
        QTest::newRow("malformed UTF-8") << QByteArray("{\"a\":\"\xc3\"}");
    }

    void refusedTextsAreLeftToQt()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!accepted(text));
    }

    void randomTextsAsQtReadsThem()
    {
        QRandomGenerator random(20261203);
        int compared = 0;
        for (int i = 0; i < 5000; ++i) {
            asciiKeys = i % 2 == 0;
            const QByteArray text = space(random) + randomObject(random, 0) + space(random);
            const QString differs = disagreement(text);
            if (!differs.isEmpty())
                QFAIL(qPrintable(QStringLiteral("text %1: %2\n%3").arg(i).arg(QString::fromUtf8(text), differs)));
            compared += accepted(text) ? 1 : 0;
        }
        QVERIFY2(compared > 1000, "most random texts should be ones simdjson reads");
    }

    // Built from simdjson's parse (Qt refuses the underflow): text as Qt's parser would read it.
    void anUnderflowKeepsTheTextAsItCame()
    {
        const QByteArray text("{\"\xef\xbb\xbfk\":\"\xef\xbb\xbfv\",\"n\":1e-400}");
        simdjson::dom::parser parser;
        simdjson::dom::document parsed;
        QVERIFY(!parser.parse_into_document(parsed, text.constData(), std::size_t(text.size())).error());
        const OutputDocument document(text.toStdString(), std::move(parsed));
        const QString bom(QChar(0xfeff));
        QCOMPARE(document.object().value(bom + "k").toString(), bom + "v");
        QCOMPARE(document.object().value("n").toDouble(), 0.0);
    }

    void builtDocumentsPrintAsQtDoes()
    {
        const QJsonObject object{{"b", QJsonArray{1, "two"}}, {"a", QJsonObject{}}};
        const OutputDocument document(object);
        QCOMPARE(document.object(), object);
        QCOMPARE(QByteArray::fromStdString(document.toJson(JsonWriter::Layout::Indented)),
                 QJsonDocument(object).toJson(QJsonDocument::Indented));
        QVERIFY(OutputDocument().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestOutputDocument)
#include "tst_outputdocument.moc"
