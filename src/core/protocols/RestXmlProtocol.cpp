#include "protocols/RestXmlProtocol.h"

#include "model/JsonText.h"
#include "model/OperationIndex.h"
#include "model/Prelude.h"
#include "protocols/AwsJsonProtocol.h"
#include "protocols/HttpBindings.h"
#include "protocols/Customizations.h"
#include "protocols/RestRequest.h"
#include "protocols/SignatureMismatch.h"
#include "protocols/JsonCodec.h"
#include "protocols/XmlCodec.h"
#include "protocols/XmlWriter.h"


namespace cumulus::protocols {

using model::Member;
using model::ShapeType;

namespace {

bool isBound(const Member &member, bool response)
{
    for (const char *trait : {"smithy.api#httpHeader", "smithy.api#httpPrefixHeaders", "smithy.api#httpPayload",
                              "smithy.api#httpResponseCode"}) {
        if (member.trait(trait))
            return true;
    }
    if (response)
        return false;
    for (const char *trait : {"smithy.api#httpLabel", "smithy.api#httpQuery", "smithy.api#httpQueryParams"}) {
        if (member.trait(trait))
            return true;
    }
    return false;
}

std::string shapeElementName(const model::Shape &shape)
{
    if (const model::Trait *t = shape.trait("smithy.api#xmlName"))
        return model::decodeJsonString(t->json).value_or(std::string(shape.id.name()));
    return std::string(shape.id.name());
}

std::string mediaTypeOf(const model::Model &model, const Member &member, const char *fallback)
{
    if (const model::Shape *target = model.find(member.target)) {
        if (const model::Trait *t = target->trait("smithy.api#mediaType"))
            return model::decodeJsonString(t->json).value_or(fallback);
    }
    return fallback;
}

} // namespace

util::Expected<net::HttpRequest> RestXmlProtocol::serialize(const OperationContext &context, const QJsonObject &input,
                                                            std::vector<InputProblem> &problems) const
{
    if (!context.operation.hasTrait("smithy.api#http"))
        return util::Error{std::string(context.operation.id.name()) + " has no @http trait"};
    const model::Shape *shape = model::inputOf(context.model, context.operation);
    const HttpBindings bindings(context.model);
    net::HttpRequest request;
    bindings.bindRequest(context.operation, shape, input, request, problems, context.random);
    // Type checks, required members and idempotency tokens, as for the JSON protocols.
    QJsonObject document = input;
    if (shape) {
        const JsonCodec codec(context.model, {false, "date-time"});
        std::vector<InputProblem> checks;
        const QJsonObject checked = codec.structureToWire(*shape, input, "$", checks, &context.random);
        for (const InputProblem &p : checks)
            if (p.message.rfind("unknown member", 0) != 0 || true)
                problems.push_back(p);
        for (const Member &m : shape->members) { // tokens the codec filled in
            const QString name = QString::fromStdString(m.name);
            if (m.trait("smithy.api#idempotencyToken") && !document.contains(name) && checked.contains(name))
                document.insert(name, checked.value(name));
        }
    }
    std::string contentType;
    const Member *payload = nullptr;
    bool hasBodyMembers = false;
    if (shape) {
        for (const Member &m : shape->members) {
            if (m.trait("smithy.api#httpPayload"))
                payload = &m;
            hasBodyMembers = hasBodyMembers || !isBound(m, false);
        }
    }
    const XmlWriter writer(context.model, problems);
    if (payload) {
        const QJsonValue value = document.value(QString::fromStdString(payload->name));
        const auto type = typeOf(context.model, payload->target);
        const model::Shape *target = context.model.find(payload->target);
        if (!value.isUndefined() && !value.isNull()) {
            if (type == ShapeType::Blob) {
                request.body = QByteArray::fromBase64(value.toString().toLatin1()).toStdString();
                contentType = mediaTypeOf(context.model, *payload, "application/octet-stream");
            } else if (type == ShapeType::String || type == ShapeType::Enum) {
                request.body = value.toString().toStdString();
                contentType = mediaTypeOf(context.model, *payload, "text/plain");
            } else if (target) {
                const std::string name = payload->trait("smithy.api#xmlName")
                    ? XmlCodec::elementName(*payload).toStdString() : shapeElementName(*target);
                request.body = writer.element(name, *target, value.toObject(), payload->traits, "$." + payload->name);
                contentType = "application/xml";
            }
        }
    } else if (hasBodyMembers) {
        bool anySet = false;
        for (const Member &m : shape->members)
            anySet = anySet || (!isBound(m, false) && document.contains(QString::fromStdString(m.name)));
        if (anySet) {
            // The input's own element, in the service's namespace unless it has its own.
            std::vector<model::Trait> nameTraits;
            if (!shape->trait("smithy.api#xmlNamespace"))
                if (const model::Trait *ns = context.service.trait("smithy.api#xmlNamespace"))
                    nameTraits.push_back(*ns);
            request.body = writer.element(shapeElementName(*shape), *shape, document, nameTraits, "$",
                                          [](const Member &m) { return !isBound(m, false); });
            contentType = "application/xml";
        }
    }
    return finishRestRequest(context, shape, input, contentType, std::move(request), problems);
}

ParsedResponse RestXmlProtocol::parse(const OperationContext &context, const net::HttpResponse &response) const
{
    ParsedResponse parsed;
    parsed.status = response.status;
    for (const char *header : {"x-amz-request-id", "x-amzn-RequestId"}) {
        if (const net::Header *id = response.header(header); id && parsed.requestId.empty())
            parsed.requestId = id->value;
    }
    const XmlCodec codec(context.model);
    const HttpBindings bindings(context.model);
    const bool success = response.status >= 200 && response.status < 300;
    const model::Shape *shape = success ? model::outputOf(context.model, context.operation) : nullptr;
    const Member *payload = nullptr;
    if (shape) {
        for (const Member &m : shape->members)
            if (m.trait("smithy.api#httpPayload"))
                payload = &m;
    }
    const auto payloadType = payload ? typeOf(context.model, payload->target) : std::nullopt;
    const bool rawPayload = payloadType == ShapeType::Blob || payloadType == ShapeType::String || payloadType == ShapeType::Enum;
    std::optional<XmlNode> root;
    if (!rawPayload && response.body.find_first_not_of(" \t\r\n") != std::string::npos) {
        std::string error;
        root = XmlNode::parse(response.body, error);
        if (!root) {
            parsed.problem = "the response body is not XML (" + error + ")";
            return parsed;
        }
    }
    if (!success) {
        ServiceError error;
        const XmlNode *errorNode = root ? (root->name == QLatin1String("Error") ? &*root : root->child("Error")) : nullptr;
        if (errorNode) {
            if (const XmlNode *code = errorNode->child("Code"))
                error.code = code->text.toStdString();
            if (const XmlNode *message = errorNode->child("Message"))
                error.message = message->text.toStdString();
            if (const XmlNode *id = errorNode->child("RequestId"))
                error.requestId = id->text.toStdString();
        }
        if (root && error.requestId.empty())
            if (const XmlNode *id = root->child("RequestId"))
                error.requestId = id->text.toStdString();
        if (error.requestId.empty())
            error.requestId = parsed.requestId;
        keepExpectedSignature(error, errorNode);
        for (const auto *errors : {&context.operation.rel().errors, &context.service.rel().errors}) {
            for (const model::ShapeId &id : *errors) {
                const model::Shape *errorShape = context.model.find(id);
                if (!errorShape || errorShape->id.name() != error.code)
                    continue;
                error.shapeId = std::string(errorShape->id.text());
                if (errorNode)
                    error.members = codec.structure(*errorShape, *errorNode);
                const QJsonObject bound = bindings.readResponse(*errorShape, response);
                for (auto it = bound.begin(); it != bound.end(); ++it)
                    error.members.insert(it.key(), it.value());
                for (const Member &m : errorShape->members)
                    if (m.trait("smithy.api#httpResponseCode"))
                        error.members.remove(QString::fromStdString(m.name));
            }
        }
        parsed.requestId = error.requestId;
        parsed.error = std::move(error);
        return parsed;
    }
    if (!shape)
        return parsed;
    QJsonObject output;
    if (root && !payload) {
        const QJsonObject members = codec.structure(*shape, *root);
        for (const Member &m : shape->members) {
            const QString name = QString::fromStdString(m.name);
            if (!isBound(m, true) && members.contains(name))
                output.insert(name, members.value(name));
        }
    }
    const QJsonObject bound = bindings.readResponse(*shape, response);
    for (auto it = bound.begin(); it != bound.end(); ++it)
        output.insert(it.key(), it.value());
    for (const Member &m : shape->members) // restXml: prefix headers read as a map even when none came
        if (m.trait("smithy.api#httpPrefixHeaders") && !output.contains(QString::fromStdString(m.name)))
            output.insert(QString::fromStdString(m.name), QJsonObject());
    if (payload && !response.body.empty()) {
        const QString name = QString::fromStdString(payload->name);
        if (payloadType == ShapeType::Blob)
            output.insert(name, QString::fromLatin1(QByteArray::fromStdString(response.body).toBase64()));
        else if (rawPayload)
            output.insert(name, QString::fromStdString(response.body));
        else if (root)
            if (const model::Shape *target = context.model.find(payload->target))
                output.insert(name, codec.structure(*target, *root));
    }
    parsed.output = std::move(output);
    customizeOutput(context, response, parsed);
    return parsed;
}

} // namespace cumulus::protocols
