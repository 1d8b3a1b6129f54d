#pragma once

#include "protocols/JsonWriter.h"

#include <QJsonObject>

#include <memory>
#include <string>

namespace simdjson::dom {
class document;
}

namespace cumulus::protocols {

// A call's output document. The protocols that reshape the wire (XML, query, restJson's
// bindings, a JSON body that needs a change) build it as a QJsonObject. A JSON body that already
// is the document (most awsJson responses) stays as simdjson parsed it: printed from that parse,
// and turned into a QJsonObject — the same one Qt's parser makes of the body — only when
// something asks for one (the window's tree, paging, the call's merge of pages).
class OutputDocument {
public:
    OutputDocument() = default;
    OutputDocument(QJsonObject object); // NOLINT: a built document converts implicitly
    // body: the response body, a JSON object; parsed: simdjson's parse of it.
    OutputDocument(std::string body, simdjson::dom::document &&parsed);

    // Built on first use, once, when the document came as JSON text (thread-safe).
    const QJsonObject &object() const;
    QJsonValue value(QStringView key) const { return object().value(key); }
    bool isEmpty() const;

    // As QJsonDocument(object()).toJson writes it, byte for byte.
    std::string toJson(JsonWriter::Layout layout) const;

private:
    struct Parsed;
    std::shared_ptr<Parsed> m_parsed;
    QJsonObject m_object;
};

} // namespace cumulus::protocols
