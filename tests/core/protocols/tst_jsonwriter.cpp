// JsonWriter writes what QJsonDocument::toJson writes for the same values, compact and indented:
// the JSON protocols' bodies and the printed output documents changed writer, not bytes.
#include "protocols/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <cmath>
#include <limits>

using cumulus::protocols::JsonWriter;

namespace {

QByteArray qtText(const QJsonValue &value)
{
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

QByteArray ourText(const QJsonValue &value)
{
    JsonWriter writer;
    writer.value(value);
    return QByteArray::fromStdString(writer.take());
}

// Indented, as a document (Qt lays out a whole document: a value goes in a list).
QByteArray qtIndented(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Indented);
}

QByteArray ourIndented(const QJsonValue &value)
{
    JsonWriter writer(JsonWriter::Layout::Indented);
    writer.beginArray();
    writer.value(value);
    writer.endArray();
    return QByteArray::fromStdString(writer.take());
}

QString randomText(QRandomGenerator &random)
{
    static const char16_t pool[] = {u'a', u'Z', u'0', u' ', u'"', u'\\', u'/', u'\b', u'\f', u'\n', u'\r',
                                    u'\t', 0x01, 0x1f, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x20ac, 0xfffd,
                                    0xffff, 0xd83d, 0xde00, 0xdbff, 0xdfff};
    QString text;
    const int length = random.bounded(12);
    for (int i = 0; i < length; ++i)
        text += QChar(pool[random.bounded(int(std::size(pool)))]);
    return text;
}

double randomNumber(QRandomGenerator &random)
{
    switch (random.bounded(6)) {
    case 0: return double(random.bounded(-1000, 1000));
    case 1: return random.generateDouble() * 1e6 - 5e5;
    case 2: return std::ldexp(random.generateDouble(), random.bounded(-1074, 1024));
    case 3: return -std::ldexp(1.0, random.bounded(0, 70));
    case 4: return double(qint64(random.generate64() >> random.bounded(1, 63)));
    default: return std::nextafter(9007199254740992.0, random.bounded(2) ? 0.0 : 1e300);
    }
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 3 ? 5 : 7)) {
    case 0: return QJsonValue();
    case 1: return random.bounded(2) == 0;
    case 2: return randomNumber(random);
    case 3: return QJsonValue(qint64(random.generate64()));
    case 4: return randomText(random);
    case 5: {
        QJsonArray array;
        for (int i = random.bounded(4); i > 0; --i)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = random.bounded(4); i > 0; --i)
            object.insert(randomText(random), randomValue(random, depth + 1));
        return object;
    }
    }
}

} // namespace

class TestJsonWriter : public QObject {
    Q_OBJECT

private slots:
    void writesWhatQtWrites_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("null") << QJsonValue();
        QTest::newRow("true") << QJsonValue(true);
        QTest::newRow("zero") << QJsonValue(0.0);
        QTest::newRow("minus zero") << QJsonValue(-0.0);
        QTest::newRow("whole") << QJsonValue(1e15);
        QTest::newRow("whole past 2^53") << QJsonValue(1e16);
        QTest::newRow("2^53") << QJsonValue(9007199254740992.0);
        QTest::newRow("2^60 as a double") << QJsonValue(std::ldexp(1.0, 60));
        QTest::newRow("2^60 as an integer") << QJsonValue(qint64(1) << 60);
        QTest::newRow("smallest integer") << QJsonValue(std::numeric_limits<qint64>::min());
        QTest::newRow("fraction") << QJsonValue(0.1);
        QTest::newRow("huge") << QJsonValue(1.5e300);
        QTest::newRow("tiny") << QJsonValue(5e-324);
        QTest::newRow("escapes") << QJsonValue(QStringLiteral("\"\\/\b\f\n\r\t\x01\x1f\x7f"));
        QTest::newRow("accents and euro") << QJsonValue(QStringLiteral("caf\u00e9 \u20ac"));
        QTest::newRow("emoji") << QJsonValue(QString::fromUtf8("\xf0\x9f\x98\x80"));
        QTest::newRow("lone high surrogate") << QJsonValue(QString(QChar(0xd83d)) + "x");
        QTest::newRow("lone low surrogate at the end") << QJsonValue(QString("x") + QChar(0xde00));
        QTest::newRow("empty object") << QJsonValue(QJsonObject());
        QTest::newRow("empty list") << QJsonValue(QJsonArray());
        QTest::newRow("nested")
            << QJsonValue(QJsonObject{{"b", QJsonArray{1, "two", QJsonObject{{"c", QJsonValue()}}}}, {"a", false}});
    }

    void writesWhatQtWrites()
    {
        QFETCH(QJsonValue, value);
        QCOMPARE(ourText(value), qtText(value));
        QCOMPARE(ourIndented(value), qtIndented(value));
    }

    void indentedObjectAsQtLaysItOut()
    {
        const QJsonObject object{{"a", QJsonObject{}}, {"b", QJsonArray{}},
                                 {"c", QJsonArray{1, QJsonObject{{"x", true}}, QJsonArray{}}}};
        JsonWriter writer(JsonWriter::Layout::Indented);
        writer.value(object);
        QCOMPARE(QByteArray::fromStdString(writer.take()), QJsonDocument(object).toJson(QJsonDocument::Indented));
        JsonWriter empty(JsonWriter::Layout::Indented);
        empty.beginObject();
        empty.endObject();
        QCOMPARE(QByteArray::fromStdString(empty.take()), QByteArray("{\n}\n"));
    }

    void randomValuesAsQtWritesThem()
    {
        QRandomGenerator random(20261203);
        for (int i = 0; i < 3000; ++i) {
            const QJsonValue value = randomValue(random, 0);
            const QByteArray qt = qtText(value);
            if (ourText(value) != qt)
                QFAIL(qPrintable(QStringLiteral("value %1: we wrote %2, Qt %3")
                                     .arg(i).arg(QString::fromUtf8(ourText(value)), QString::fromUtf8(qt))));
            if (ourIndented(value) != qtIndented(value))
                QFAIL(qPrintable(QStringLiteral("value %1 indented: we wrote\n%2\nQt\n%3")
                                     .arg(i).arg(QString::fromUtf8(ourIndented(value)),
                                                 QString::fromUtf8(qtIndented(value)))));
        }
    }

    void separatesMembersAndElements()
    {
        JsonWriter writer;
        writer.beginObject();
        writer.key(QStringLiteral("list"));
        writer.beginArray();
        writer.integer(1);
        writer.string(std::string_view("two"));
        writer.beginObject();
        writer.endObject();
        writer.null();
        writer.endArray();
        writer.key(std::string_view("n"));
        writer.number(2.5);
        writer.key(QStringLiteral("b"));
        writer.boolean(false);
        writer.endObject();
        QCOMPARE(QString::fromStdString(writer.text()), QStringLiteral(R"({"list":[1,"two",{},null],"n":2.5,"b":false})"));
    }

    void nonFiniteNumbersAreNull()
    {
        JsonWriter writer;
        writer.beginArray();
        writer.number(std::numeric_limits<double>::quiet_NaN());
        writer.number(-std::numeric_limits<double>::infinity());
        writer.endArray();
        QCOMPARE(QString::fromStdString(writer.text()), QStringLiteral("[null,null]"));
    }
};

QTEST_APPLESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
