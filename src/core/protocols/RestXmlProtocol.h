#pragma once

#include "protocols/Protocol.h"

namespace cumulus::protocols {

// restXml: HTTP bindings as restJson1, an XML body (xmlName, xmlAttribute, xmlNamespace,
// xmlFlattened), errors in <ErrorResponse><Error> or, for S3 (noErrorWrapping), a bare <Error>
// (https://smithy.io/2.0/aws/protocols/aws-restxml-protocol.html).
class RestXmlProtocol final : public Protocol {
public:
    std::string name() const override { return "restXml"; }
    util::Expected<net::HttpRequest> serialize(const OperationContext &context, const QJsonObject &input,
                                               std::vector<InputProblem> &problems) const override;
    ParsedResponse parse(const OperationContext &context, const net::HttpResponse &response) const override;
};

} // namespace cumulus::protocols
