#pragma once

#include "protocols/Protocol.h"

namespace cumulus::protocols {

// restJson1: the @http trait's method and URI, members bound to labels, query, headers and
// payload, the rest a JSON body with jsonName; errors as for the JSON protocols, with
// header-bound error members (https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html).
class RestJsonProtocol final : public Protocol {
public:
    std::string name() const override { return "restJson1"; }
    util::Expected<net::HttpRequest> serialize(const OperationContext &context, const QJsonObject &input,
                                               std::vector<InputProblem> &problems) const override;
    ParsedResponse parse(const OperationContext &context, const net::HttpResponse &response) const override;
};

} // namespace cumulus::protocols
