#pragma once

#include "model/Model.h"
#include "model/ServiceIndex.h"
#include "net/HttpRequest.h"
#include "net/HttpResponse.h"
#include "protocols/Protocol.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace cumulus::protocols {

// Smithy's HTTP binding traits, shared by restJson1 and restXml: where each input member goes in
// the request (URI label, query, header, prefixed headers, payload) and where each output member
// comes from in the response (https://smithy.io/2.0/spec/http-bindings.html).
class HttpBindings {
public:
    explicit HttpBindings(const model::Model &model) : m_model(model) {}

    // Fills method, path, query and headers from the @http trait and the bound input members;
    // members bound to the document are left for the caller. Reports problems with JSON paths.
    void bindRequest(const model::Shape &operation, const model::Shape *input, const QJsonObject &document,
                     net::HttpRequest &request, std::vector<InputProblem> &problems,
                     util::Random &random) const;

    // Output (or error) members bound to the status code and headers, as document values.
    QJsonObject readResponse(const model::Shape &structure, const net::HttpResponse &response) const;

    // A header or query value of a simple shape as text; nullopt for shapes that cannot be one.
    std::optional<std::string> text(const model::Member &member, const QJsonValue &value,
                                    const char *defaultTimestampFormat) const;

private:
    const model::Model &m_model;
};

} // namespace cumulus::protocols
