#pragma once

#include "protocols/Protocol.h"

namespace cumulus::protocols {

// awsQuery and ec2Query: POST / with a form body (Action, Version, members flattened into dotted
// keys); XML responses and errors (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html,
// aws-ec2-query-protocol.html).
class QueryProtocol final : public Protocol {
public:
    explicit QueryProtocol(bool ec2) : m_ec2(ec2) {}

    std::string name() const override { return m_ec2 ? "ec2Query" : "awsQuery"; }
    util::Expected<net::HttpRequest> serialize(const OperationContext &context, const QJsonObject &input,
                                               std::vector<InputProblem> &problems) const override;
    ParsedResponse parse(const OperationContext &context, const net::HttpResponse &response) const override;

private:
    bool m_ec2;
};

} // namespace cumulus::protocols
