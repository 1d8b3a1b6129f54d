#include "protocols/JsonErrors.h"

#include "model/JsonText.h"
#include "protocols/SignatureMismatch.h"

namespace cumulus::protocols {

std::string sanitizeErrorCode(std::string_view code)
{
    if (const std::size_t colon = code.find(':'); colon != std::string_view::npos)
        code = code.substr(0, colon);
    if (const std::size_t hash = code.find('#'); hash != std::string_view::npos)
        code = code.substr(hash + 1);
    return std::string(code);
}

ServiceError jsonServiceError(const OperationContext &context, const net::HttpResponse &response,
                              const QJsonObject &body, const JsonCodec &codec)
{
    ServiceError error;
    if (const net::Header *id = response.header("x-amzn-RequestId"))
        error.requestId = id->value;
    if (const net::Header *type = response.header("X-Amzn-Errortype"))
        error.code = sanitizeErrorCode(type->value);
    else if (body.contains("__type"))
        error.code = sanitizeErrorCode(body.value("__type").toString().toStdString());
    else if (body.contains("code"))
        error.code = sanitizeErrorCode(body.value("code").toString().toStdString());
    for (const char *key : {"message", "Message", "errorMessage"}) {
        if (error.message.empty() && body.value(key).isString())
            error.message = body.value(key).toString().toStdString();
    }
    keepExpectedSignature(error);
    for (const auto *errors : {&context.operation.rel().errors, &context.service.rel().errors}) {
        for (const model::ShapeId &id : *errors) {
            const model::Shape *shape = context.model.find(id);
            if (!shape || shape->id.name() != error.code)
                continue;
            error.shapeId = std::string(shape->id.text());
            error.members = codec.structureFromWire(*shape, body);
            if (const model::Trait *retryable = shape->trait("smithy.api#retryable"))
                error.throttling = model::parseJsonValue(retryable->json).toObject().value("throttling").toBool();
        }
    }
    // awsQueryCompatible services also give the awsQuery error code.
    if (const net::Header *query = response.header("x-amzn-query-error"))
        error.code = query->value.substr(0, query->value.find(';'));
    return error;
}

} // namespace cumulus::protocols
