#pragma once

#include "protocols/Protocol.h"

namespace cumulus::protocols {

// What AWS SDKs do for particular services beyond their protocol, as botocore's handlers do:
// - API Gateway: Accept: application/json on every request;
// - Glacier: X-Amz-Glacier-Version (the API version), accountId "-" when none is given, and
//   X-Amz-Content-Sha256 / X-Amz-Sha256-Tree-Hash on archive and part uploads;
// - Machine Learning: Predict is sent to its PredictEndpoint;
// - S3: a request path that starts with "/{Bucket}" says so (the endpoint rules place the bucket);
//   GetBucketLocation's answer is a bare <LocationConstraint> element.

// Before serializing (defaults the service expects in the input).
QJsonObject customizeInput(const OperationContext &context, const QJsonObject &input);

// After serializing.
void customizeRequest(const OperationContext &context, const QJsonObject &input, net::HttpRequest &request);

// After parsing a success response.
void customizeOutput(const OperationContext &context, const net::HttpResponse &response, ParsedResponse &parsed);

// The SHA-256 tree hash of data (1 MiB leaves, combined pairwise), in hex.
std::string sha256TreeHash(const std::string &data);

} // namespace cumulus::protocols
