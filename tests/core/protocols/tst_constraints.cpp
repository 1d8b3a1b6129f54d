// Constraint findings: each kind of constraint, on members and on targets, at nested paths; values
// inside the constraints give none; sensitive values are never quoted.
#include "model/SmithyJsonLoader.h"
#include "protocols/Constraints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace cumulus;

namespace {

const char *const Model = R"({"smithy": "2.0", "shapes": {
  "ex#Input": {"type": "structure", "members": {
    "Name": {"target": "ex#Name"},
    "Count": {"target": "smithy.api#Integer", "traits": {"smithy.api#range": {"min": 1, "max": 10}}},
    "Data": {"target": "ex#Data"},
    "Color": {"target": "ex#Color"},
    "Level": {"target": "ex#Level"},
    "Mode": {"target": "ex#Mode"},
    "Tags": {"target": "ex#Tags"},
    "Labels": {"target": "ex#Labels"},
    "Secret": {"target": "ex#Secret"},
    "Nested": {"target": "ex#Input"}
  }},
  "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"min": 3, "max": 5}, "smithy.api#pattern": "^[a-zé]+$"}},
  "ex#Data": {"type": "blob", "traits": {"smithy.api#length": {"max": 4}}},
  "ex#Color": {"type": "enum", "members": {
    "RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}},
    "DARK_BLUE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "dark-blue"}}}},
  "ex#Level": {"type": "intEnum", "members": {
    "LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
    "HIGH": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 9}}}},
  "ex#Mode": {"type": "string", "traits": {"smithy.api#enum": [{"value": "on"}, {"value": "off"}]}},
  "ex#Tags": {"type": "list", "member": {"target": "ex#Name"}, "traits": {"smithy.api#length": {"max": 2}}},
  "ex#Labels": {"type": "map", "key": {"target": "ex#Name"}, "value": {"target": "ex#Color"}},
  "ex#Secret": {"type": "string", "traits": {"smithy.api#sensitive": {}, "smithy.api#pattern": "^[0-9]+$",
                                             "smithy.api#enum": [{"value": "1234"}]}}
}})";

QStringList findings(const char *document)
{
    const model::LoadResult loaded = model::loadSmithyJson(Model, "constraints.json");
    if (!loaded.ok())
        qFatal("the test model does not load");
    QStringList out;
    for (const auto &p : protocols::constraintWarnings(*loaded.model, *loaded.model->find("ex#Input"),
                                                       QJsonDocument::fromJson(document).object()))
        out << QString::fromStdString(p.path + ": " + p.message);
    return out;
}

} // namespace

class TestConstraints : public QObject {
    Q_OBJECT

private slots:
    void valuesInsideGiveNothing()
    {
        QCOMPARE(findings(R"({"Name": "abé", "Count": 10, "Data": "AAECAw==", "Color": "dark-blue", "Level": 9,
                              "Mode": "off", "Tags": ["abc", "abcde"], "Labels": {"abc": "red"}, "Secret": "1234",
                              "Nested": {"Count": 1}})"),
                 QStringList());
    }

    void eachConstraint()
    {
        const QStringList found = findings(R"({"Name": "ab", "Count": 11, "Data": "AAECAwQ=", "Color": "green",
                                                "Level": 5, "Mode": "auto", "Tags": ["abc", "abcdef", "x1x"],
                                                "Labels": {"a": "blue"}, "Nested": {"Count": 0, "Name": "ABC"}})");
        const QStringList expected = {
            "$.Name: 2 characters, fewer than the model's minimum 3",
            "$.Count: 11 is above the model's maximum 10",
            "$.Data: 5 bytes, more than the model's maximum 4",
            "$.Color: \"green\" is not one of the model's values: red, dark-blue",
            "$.Level: 5 is not one of the model's values: 1, 9",
            "$.Mode: \"auto\" is not one of the model's values: on, off",
            "$.Tags: 3 items, more than the model's maximum 2",
            "$.Tags[1]: 6 characters, more than the model's maximum 5",
            "$.Tags[2]: \"x1x\" does not match the model's pattern ^[a-zé]+$",
            "$.Labels.a (key): 1 character, fewer than the model's minimum 3",
            "$.Labels.a: \"blue\" is not one of the model's values: red, dark-blue",
            "$.Nested.Count: 0 is below the model's minimum 1",
            "$.Nested.Name: \"ABC\" does not match the model's pattern ^[a-zé]+$",
        };
        for (const QString &e : expected)
            QVERIFY2(found.contains(e), qPrintable("missing: " + e + "\nfound:\n" + found.join('\n')));
        QCOMPARE(found.size(), expected.size());
    }

    void sensitiveValuesAreNotQuoted()
    {
        const QStringList found = findings(R"({"Secret": "hunter2"})");
        QCOMPARE(found.size(), 2);
        for (const QString &f : found)
            QVERIFY2(!f.contains("hunter2"), qPrintable(f));
    }
};

QTEST_GUILESS_MAIN(TestConstraints)
#include "tst_constraints.moc"
