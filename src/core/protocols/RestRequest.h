#pragma once

#include "protocols/Protocol.h"

namespace cumulus::protocols {

// The end restJson1 and restXml requests share, once bindings and body are in place: the body's
// Content-Type (unless a member bound one), Content-Length, Content-MD5 for
// @httpChecksumRequired, the host prefix, service customizations and request compression.
util::Expected<net::HttpRequest> finishRestRequest(const OperationContext &context, const model::Shape *input,
                                                   const QJsonObject &document, const std::string &contentType,
                                                   net::HttpRequest request, std::vector<InputProblem> &problems);

} // namespace cumulus::protocols
