// Shape ids, shape types and JSON text decoding.
#include "model/JsonText.h"
#include "model/Prelude.h"
#include "model/ShapeId.h"
#include "model/ShapeType.h"

#include <QJsonObject>
#include <QtTest>

using namespace cumulus::model;

class TestShapeId : public QObject {
    Q_OBJECT

private slots:
    void parsesAbsoluteIds()
    {
        const auto id = ShapeId::parse("com.amazonaws.s3#PutObjectRequest$Bucket");
        QVERIFY(id);
        QCOMPARE(id->ns(), std::string_view("com.amazonaws.s3"));
        QCOMPARE(id->name(), std::string_view("PutObjectRequest"));
        QCOMPARE(id->member(), std::string_view("Bucket"));
        QCOMPARE(id->withoutMember().text(), std::string_view("com.amazonaws.s3#PutObjectRequest"));
        QCOMPARE(ShapeId::fromParts("a.b", "C", "d").text(), std::string_view("a.b#C$d"));
        QVERIFY(!ShapeId::parse("com.amazonaws.s3#Name")->hasMember());
    }

    void rejectsInvalidIds_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"", "Name", "#Name", "ns#", "ns#1Name", "ns.#Name", "n s#Name",
                                "ns#Name$", "ns#Na-me", "ns#_", "1ns#Name", "ns#Name$1m"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void rejectsInvalidIds()
    {
        QFETCH(QString, text);
        QVERIFY(!ShapeId::parse(text.toStdString()));
    }

    void shapeTypes()
    {
        QCOMPARE(shapeTypeFromString("intEnum"), std::optional(ShapeType::IntEnum));
        QCOMPARE(shapeTypeName(ShapeType::BigDecimal), std::string_view("bigDecimal"));
        QVERIFY(!shapeTypeFromString("apply"));
        QVERIFY(isSimple(ShapeType::Document) && !isSimple(ShapeType::List));
        QVERIFY(isAggregate(ShapeType::Union) && !isAggregate(ShapeType::Service));
        QCOMPARE(preludeShapeType("smithy.api#PrimitiveLong"), std::optional(ShapeType::Long));
        QVERIFY(!preludeShapeType("smithy.api#Nope"));
    }

    void decodesJsonStrings()
    {
        QCOMPARE(decodeJsonString("\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\""),
                 std::optional<std::string>("a\"b\\c\n\xc3\xa9\xf0\x9f\x98\x80"));
        QCOMPARE(decodeJsonString("\"plain\"  \n"), std::optional<std::string>("plain"));
        QVERIFY(!decodeJsonString("{}"));
        QVERIFY(!decodeJsonString("\"bad \\x\""));
        std::string out;
        appendJsonString(out, "q\"\n\x01");
        QCOMPARE(out, std::string("\"q\\\"\\n\\u0001\""));
        QCOMPARE(decodeJsonString(out), std::optional<std::string>("q\"\n\x01"));
    }

    void parsesJsonValues()
    {
        QCOMPARE(parseJsonValue("{\"a\": [1, true]}").toObject().value("a").toArray().size(), 2);
        QCOMPARE(parseJsonValue("42").toInt(), 42);
        QCOMPARE(parseJsonValue("\"s\"").toString(), QStringLiteral("s"));
        QVERIFY(parseJsonValue("{").isUndefined());
        QVERIFY(parseJsonValue("1 2").isUndefined());
    }
};

QTEST_APPLESS_MAIN(TestShapeId)
#include "tst_shapeid.moc"
