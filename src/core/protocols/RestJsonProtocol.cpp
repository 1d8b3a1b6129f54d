#include "protocols/RestJsonProtocol.h"

#include "model/JsonText.h"
#include "model/OperationIndex.h"
#include "model/Prelude.h"
#include "protocols/AwsJsonProtocol.h"
#include "protocols/HttpBindings.h"
#include "protocols/Customizations.h"
#include "protocols/RestRequest.h"
#include "protocols/JsonCodec.h"
#include "protocols/JsonErrors.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cumulus::protocols {

using model::HttpLocation;
using model::ShapeType;

namespace {

std::string mediaTypeOf(const model::Model &model, const model::Member &member, const char *fallback)
{
    if (const model::Shape *target = model.find(member.target)) {
        if (const model::Trait *t = target->trait("smithy.api#mediaType"))
            return model::decodeJsonString(t->json).value_or(fallback);
    }
    return fallback;
}

// In a response, labels and query members mean nothing: they are read from the body.
bool isResponseDocumentMember(const model::Member &member)
{
    for (const char *trait : {"smithy.api#httpHeader", "smithy.api#httpPrefixHeaders",
                              "smithy.api#httpPayload", "smithy.api#httpResponseCode"}) {
        if (member.trait(trait))
            return false;
    }
    return true;
}

bool isDocumentMember(const model::Member &member)
{
    for (const char *trait : {"smithy.api#httpLabel", "smithy.api#httpQuery", "smithy.api#httpQueryParams",
                              "smithy.api#httpHeader", "smithy.api#httpPrefixHeaders", "smithy.api#httpPayload",
                              "smithy.api#httpResponseCode"}) {
        if (member.trait(trait))
            return false;
    }
    return true;
}

} // namespace

util::Expected<net::HttpRequest> RestJsonProtocol::serialize(const OperationContext &context,
                                                             const QJsonObject &given,
                                                             std::vector<InputProblem> &problems) const
{
    const QJsonObject input = customizeInput(context, given);
    if (!context.operation.hasTrait("smithy.api#http"))
        return util::Error{std::string(context.operation.id.name()) + " has no @http trait"};
    const model::Shape *shape = model::inputOf(context.model, context.operation);
    const JsonCodec codec(context.model, {true, "epoch-seconds"});
    const HttpBindings bindings(context.model);
    net::HttpRequest request;
    bindings.bindRequest(context.operation, shape, input, request, problems, context.random);

    std::string contentType;
    const model::Member *payload = nullptr;
    bool hasDocumentMembers = false;
    if (shape) {
        for (const model::Member &m : shape->members) {
            if (m.trait("smithy.api#httpPayload"))
                payload = &m;
            hasDocumentMembers = hasDocumentMembers || isDocumentMember(m);
        }
    }
    // Check and convert the whole input once (types, required members, unknown members); the
    // members that go in the body are written as they are checked.
    JsonWriter body;
    if (shape)
        codec.writeStructure(*shape, input, "$", problems, &context.random, body, isDocumentMember);
    if (payload) {
        const QJsonValue value = input.value(QString::fromStdString(payload->name));
        const auto type = typeOf(context.model, payload->target);
        if (!value.isUndefined() && !value.isNull()) {
            if (type == ShapeType::Blob) {
                request.body = QByteArray::fromBase64(value.toString().toLatin1()).toStdString();
                contentType = mediaTypeOf(context.model, *payload, "application/octet-stream");
            } else if (type == ShapeType::String || type == ShapeType::Enum) {
                request.body = value.toString().toStdString();
                contentType = mediaTypeOf(context.model, *payload, "text/plain");
            } else {
                std::vector<InputProblem> reported; // already, by the whole input's check
                JsonWriter document;
                codec.writeValue(*payload, value, "$." + payload->name, reported, &context.random, document);
                request.body = document.take();
                contentType = "application/json";
            }
        } else if (type == ShapeType::Structure) {
            request.body = "{}"; // an unset union payload sends nothing
            contentType = "application/json";
        }
    } else if (hasDocumentMembers) {
        request.body = body.take();
        contentType = "application/json";
    }
    return finishRestRequest(context, shape, input, contentType, std::move(request), problems);
}

ParsedResponse RestJsonProtocol::parse(const OperationContext &context, const net::HttpResponse &response) const
{
    ParsedResponse parsed;
    parsed.status = response.status;
    if (const net::Header *id = response.header("x-amzn-RequestId"))
        parsed.requestId = id->value;
    const JsonCodec codec(context.model, {true, "epoch-seconds"});
    const HttpBindings bindings(context.model);
    const bool success = response.status >= 200 && response.status < 300;
    const model::Shape *shape = success ? model::outputOf(context.model, context.operation) : nullptr;

    const model::Member *payload = nullptr;
    if (shape) {
        for (const model::Member &m : shape->members) {
            if (m.trait("smithy.api#httpPayload"))
                payload = &m;
        }
    }
    const auto payloadType = payload ? typeOf(context.model, payload->target) : std::nullopt;
    const bool rawPayload = payloadType == ShapeType::Blob || payloadType == ShapeType::String
        || payloadType == ShapeType::Enum;
    QJsonValue bodyJson = QJsonObject();
    if (!rawPayload && response.body.find_first_not_of(" \t\r\n") != std::string::npos) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(response.body), &error);
        if (error.error != QJsonParseError::NoError) {
            // A scalar JSON document payload, e.g. "hello" or 42.
            bodyJson = model::parseJsonValue(response.body);
            if (bodyJson.isUndefined()) {
                parsed.problem = "the response body is not JSON (" + error.errorString().toStdString() + ")";
                return parsed;
            }
        } else {
            bodyJson = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        }
    }
    const QJsonObject body = bodyJson.toObject();

    if (!success) {
        ServiceError error = jsonServiceError(context, response, body, codec);
        if (const model::Shape *errorShape = context.model.find(error.shapeId)) {
            error.members = codec.structureFromWire(*errorShape, body, isResponseDocumentMember);
            const QJsonObject bound = bindings.readResponse(*errorShape, response);
            for (auto it = bound.begin(); it != bound.end(); ++it) {
                if (it.key() != QLatin1String("httpStatusCode"))
                    error.members.insert(it.key(), it.value());
            }
            for (const model::Member &m : errorShape->members) { // the status code is not a member value
                if (m.trait("smithy.api#httpResponseCode"))
                    error.members.remove(QString::fromStdString(m.name));
            }
        }
        parsed.error = std::move(error);
        return parsed;
    }
    if (!shape)
        return parsed;
    QJsonObject output = codec.structureFromWire(*shape, body, isResponseDocumentMember);
    const QJsonObject bound = bindings.readResponse(*shape, response);
    for (auto it = bound.begin(); it != bound.end(); ++it)
        output.insert(it.key(), it.value());
    if (payload) {
        const QString name = QString::fromStdString(payload->name);
        if (payloadType == ShapeType::Blob) {
            if (!response.body.empty())
                output.insert(name, QString::fromLatin1(QByteArray::fromStdString(response.body).toBase64()));
        } else if (rawPayload) {
            if (!response.body.empty())
                output.insert(name, QString::fromStdString(response.body));
        } else if (!response.body.empty()) {
            QJsonObject wrapper;
            wrapper.insert(name, bodyJson);
            const QJsonObject converted = codec.structureFromWire(*shape, wrapper,
                                                                  [&](const model::Member &m) { return &m == payload; });
            if (converted.contains(name))
                output.insert(name, converted.value(name));
        }
    }
    parsed.output = std::move(output);
    return parsed;
}

} // namespace cumulus::protocols
