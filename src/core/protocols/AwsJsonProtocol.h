#pragma once

#include "protocols/Protocol.h"

namespace cumulus::protocols {

// awsJson1_0 and awsJson1_1: POST / with the whole input as a JSON body, X-Amz-Target naming the
// operation; errors from X-Amzn-Errortype, __type or code
// (https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html).
class AwsJsonProtocol final : public Protocol {
public:
    explicit AwsJsonProtocol(std::string version) : m_version(std::move(version)) {} // "1.0", "1.1"

    std::string name() const override { return m_version == "1.0" ? "awsJson1_0" : "awsJson1_1"; }
    util::Expected<net::HttpRequest> serialize(const OperationContext &context, const QJsonObject &input,
                                               std::vector<InputProblem> &problems) const override;
    ParsedResponse parse(const OperationContext &context, const net::HttpResponse &response) const override;

private:
    std::string m_version;
};

// Expands @endpoint(hostPrefix: "{Label}.data-") with the input's @hostLabel members.
std::optional<std::string> hostPrefix(const model::Shape &operation, const model::Shape *input,
                                      const QJsonObject &document, std::vector<InputProblem> &problems);

} // namespace cumulus::protocols
