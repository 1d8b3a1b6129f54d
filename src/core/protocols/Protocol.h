#pragma once

#include "model/Model.h"
#include "net/HttpRequest.h"
#include "net/HttpResponse.h"
#include "protocols/OutputDocument.h"
#include "util/Random.h"

#include <QJsonObject>
#include <QJsonValue>

#include <memory>
#include <string>
#include <vector>

namespace cumulus::protocols {

// The operation being called, and what a serializer may need besides the input.
struct OperationContext {
    const model::Model &model;
    const model::Shape &service;
    const model::Shape &operation;
    util::Random &random; // idempotency tokens
};

// A problem with the input document, before anything is sent: where ("$.Item.id.S") and what.
struct InputProblem {
    std::string path;
    std::string message;
};

// The AWS error a response carries.
struct ServiceError {
    std::string code;      // "ResourceNotFoundException"
    std::string message;
    std::string shapeId;   // the modeled error shape, when the code names one
    QJsonObject members;   // the error shape's members, as a document
    std::string requestId;
    bool throttling = false;
    // SignatureDoesNotMatch: what AWS signed, when it says (see SignatureMismatch.h).
    std::string expectedCanonicalRequest;
    std::string expectedStringToSign;
};

struct ParsedResponse {
    int status = 0;
    OutputDocument output;              // success: the output document
    std::optional<ServiceError> error;  // an AWS error
    std::string problem;                // the response could not be read (bad JSON, …); raw kept by caller
    std::string requestId;
};

// One AWS wire protocol: a request document becomes an HTTP request, an HTTP response becomes an
// output document or a ServiceError. Documents have the AWS CLI's --cli-input-json meaning: model
// member names, blobs as base64, timestamps as ISO 8601 strings or epoch seconds (output: epoch
// seconds).
class Protocol {
public:
    virtual ~Protocol() = default;

    virtual std::string name() const = 0;

    // Problems are errors: the request is not made.
    virtual util::Expected<net::HttpRequest> serialize(const OperationContext &context,
                                                       const QJsonObject &input,
                                                       std::vector<InputProblem> &problems) const = 0;

    virtual ParsedResponse parse(const OperationContext &context,
                                 const net::HttpResponse &response) const = 0;
};

// The protocol a service declares ("awsJson1_0", …), or nullptr when Cumulus has none for it.
std::unique_ptr<Protocol> protocolFor(const model::Shape &service);

} // namespace cumulus::protocols
