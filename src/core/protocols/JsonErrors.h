#pragma once

#include "protocols/JsonCodec.h"
#include "protocols/Protocol.h"

namespace cumulus::protocols {

// The AWS error in a JSON protocol's response (awsJson1_0/1_1, restJson1): its code from
// X-Amzn-Errortype, __type or code (sanitized), its message, the modeled error shape it names
// among the operation's and the service's errors with that shape's body members, the
// awsQueryCompatible code, and the request id.
ServiceError jsonServiceError(const OperationContext &context, const net::HttpResponse &response,
                              const QJsonObject &body, const JsonCodec &codec);

// "aws.protocoltests#FooError:http://…" -> "FooError".
std::string sanitizeErrorCode(std::string_view code);

} // namespace cumulus::protocols
