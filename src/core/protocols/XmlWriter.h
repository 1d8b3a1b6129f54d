#pragma once

#include "model/Model.h"
#include "protocols/Protocol.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace cumulus::protocols {

// Documents into restXml bodies, guided by the shapes: element names (xmlName), attributes
// (xmlAttribute), namespaces (xmlNamespace), flattened and wrapped lists and maps, timestamps
// (date-time unless a format is given), base64 blobs, special floats. Input that does not fit
// the shape is reported with its JSON path.
class XmlWriter {
public:
    XmlWriter(const model::Model &model, std::vector<InputProblem> &problems)
        : m_model(model), m_problems(problems) {}

    // <name xmlns…>members</name>; only the members for which include is true.
    std::string element(const std::string &name, const model::Shape &shape, const QJsonObject &value,
                        const std::vector<model::Trait> &nameTraits, const std::string &path,
                        const std::function<bool(const model::Member &)> &include = {}) const;

private:
    std::string member(const model::Member &member, const QJsonValue &value, const std::string &path) const;
    std::string content(const model::Member &member, const QJsonValue &value, const std::string &path) const;
    std::string scalar(const model::Member &member, const QJsonValue &value, const std::string &path) const;

    const model::Model &m_model;
    std::vector<InputProblem> &m_problems;
};

// The xmlns attribute(s) a namespace trait asks for: ' xmlns="uri"' or ' xmlns:prefix="uri"'.
std::string namespaceAttribute(const model::Trait *xmlNamespace);

// Text escaped for XML element content and attribute values.
std::string xmlEscape(std::string_view text);

} // namespace cumulus::protocols
