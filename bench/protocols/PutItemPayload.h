#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include <string>

// The DynamoDB PutItem both sides serialize and whose response they parse: an item of 50
// attributes of mixed types, ReturnValues ALL_OLD (so the response carries 50 attributes too).
// bench/peers/botocore_protocols.py builds the same item.
namespace cumulus::bench {

inline QJsonObject putItemAttribute(int i)
{
    switch (i % 5) {
    case 0: return {{"S", QStringLiteral("value number %1 with some text").arg(i)}};
    case 1: return {{"N", QString::number(i * 1000 + 7)}};
    case 2: return {{"BOOL", i % 2 == 0}};
    case 3: return {{"SS", QJsonArray{"red", "green", "blue"}}};
    default: return {{"M", QJsonObject{{"nested", QJsonObject{{"S", "deep"}}}, {"count", QJsonObject{{"N", "42"}}}}}};
    }
}

inline QJsonObject putItemItem()
{
    QJsonObject item;
    for (int i = 0; i < 50; ++i)
        item.insert(QStringLiteral("attribute%1").arg(i), putItemAttribute(i));
    return item;
}

} // namespace cumulus::bench
