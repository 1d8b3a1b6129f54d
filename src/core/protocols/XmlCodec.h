#pragma once

#include "model/Model.h"
#include "protocols/XmlNode.h"

#include <QJsonObject>

namespace cumulus::protocols {

// XML bodies (awsQuery, ec2Query, restXml responses) into documents, guided by the shapes:
// xmlName, xmlAttribute, xmlFlattened lists and maps, timestamps (date-time unless a format is
// given), base64 blobs, booleans, numbers, special floats.
class XmlCodec {
public:
    explicit XmlCodec(const model::Model &model) : m_model(model) {}

    QJsonObject structure(const model::Shape &shape, const XmlNode &element) const;

    // The element name a member is written under.
    static QString elementName(const model::Member &member);

private:
    QJsonValue value(const model::Member &member, const XmlNode &element) const;
    QJsonValue scalar(const model::Member &member, const QString &text) const;

    const model::Model &m_model;
};

} // namespace cumulus::protocols
