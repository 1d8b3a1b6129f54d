#include "protocols/AwsJsonProtocol.h"

#include "model/JsonText.h"
#include "model/OperationIndex.h"
#include "model/Prelude.h"
#include "protocols/JsonCodec.h"
#include "protocols/Customizations.h"
#include "protocols/RequestCompression.h"
#include "protocols/JsonErrors.h"
#include "protocols/QueryProtocol.h"
#include "protocols/RestJsonProtocol.h"
#include "protocols/RestXmlProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

namespace cumulus::protocols {


std::optional<std::string> hostPrefix(const model::Shape &operation, const model::Shape *input,
                                      const QJsonObject &document, std::vector<InputProblem> &problems)
{
    const model::Trait *endpoint = operation.trait("smithy.api#endpoint");
    if (!endpoint)
        return std::nullopt;
    std::string prefix = model::parseJsonValue(endpoint->json).toObject().value("hostPrefix").toString().toStdString();
    std::size_t open;
    while ((open = prefix.find('{')) != std::string::npos) {
        const std::size_t close = prefix.find('}', open);
        if (close == std::string::npos)
            break;
        const std::string label = prefix.substr(open + 1, close - open - 1);
        const QString value = document.value(QString::fromStdString(label)).toString();
        if (value.isEmpty() || !input || !input->member(label)) {
            problems.push_back({"$." + label, "the host prefix needs " + label});
            return std::nullopt;
        }
        prefix.replace(open, close - open + 1, value.toStdString());
    }
    return prefix;
}

namespace {

// The name botocore puts before the operation in X-Amz-Target: its targetPrefix when the model
// came from botocore, else the service shape's name (as Smithy specifies).
std::string targetPrefix(const model::Shape &service)
{
    if (const model::Trait *metadata = service.trait("cumulus.botocore#metadata")) {
        const std::string prefix = model::jsonStringMember(metadata->json, "targetPrefix").value_or(std::string());
        if (!prefix.empty())
            return prefix;
    }
    return std::string(service.id.name());
}

// A success body that already is the output document, as simdjson parsed it; nothing when it is
// not (or is not JSON simdjson reads: Qt's parser then says what is wrong).
std::optional<OutputDocument> documentAsIs(const JsonCodec &codec, const model::Shape &output, const std::string &body)
{
    static constexpr std::size_t Reused = 1 << 20; // a parser kept per thread up to this size
    thread_local simdjson::dom::parser kept;
    simdjson::dom::parser fresh;
    simdjson::dom::parser &parser = body.size() <= Reused ? kept : fresh;
    simdjson::dom::document document;
    const auto root = parser.parse_into_document(document, body.data(), body.size()).get_object();
    if (root.error() || !codec.isDocumentAsIs(output, root.value_unsafe()))
        return std::nullopt;
    return OutputDocument(body, std::move(document));
}

} // namespace

util::Expected<net::HttpRequest> AwsJsonProtocol::serialize(const OperationContext &context,
                                                            const QJsonObject &input,
                                                            std::vector<InputProblem> &problems) const
{
    const model::Shape *shape = model::inputOf(context.model, context.operation);
    const JsonCodec codec(context.model, {false, "epoch-seconds"});
    JsonWriter body;
    if (shape) {
        codec.writeStructure(*shape, input, "$", problems, &context.random, body);
    } else {
        body.beginObject();
        body.endObject();
        if (!input.isEmpty())
            problems.push_back({"$", std::string(context.operation.id.name()) + " takes no input"});
    }
    const auto prefix = hostPrefix(context.operation, shape, input, problems);
    if (!problems.empty())
        return util::Error{problems.front().path + ": " + problems.front().message};

    net::HttpRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = {{"Content-Type", "application/x-amz-json-" + m_version},
                       {"X-Amz-Target", targetPrefix(context.service) + "." + std::string(context.operation.id.name())}};
    request.body = body.take();
    request.headers.push_back({"Content-Length", std::to_string(request.body.size())});
    if (context.service.hasTrait("aws.protocols#awsQueryCompatible"))
        request.headers.push_back({"x-amzn-query-mode", "true"});
    request.hostPrefix = prefix.value_or(std::string());
    customizeRequest(context, input, request);
    applyRequestCompression(context.operation, request);
    return request;
}

ParsedResponse AwsJsonProtocol::parse(const OperationContext &context, const net::HttpResponse &response) const
{
    ParsedResponse parsed;
    parsed.status = response.status;
    if (const net::Header *id = response.header("x-amzn-RequestId"))
        parsed.requestId = id->value;
    const JsonCodec codec(context.model, {false, "epoch-seconds"});
    const bool success = response.status >= 200 && response.status < 300;
    const model::Shape *output = success ? model::outputOf(context.model, context.operation) : nullptr;
    if (output) {
        if (auto document = documentAsIs(codec, *output, response.body)) {
            parsed.output = std::move(*document);
            return parsed;
        }
    }
    QJsonObject body;
    const std::string_view text = response.body;
    if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(response.body), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            parsed.problem = "the response body is not a JSON object (" + error.errorString().toStdString()
                + " at byte " + std::to_string(error.offset) + ")";
            return parsed;
        }
        body = document.object();
    }
    if (success) {
        if (output)
            parsed.output = codec.structureFromWire(*output, body);
        return parsed;
    }

    ServiceError error = jsonServiceError(context, response, body, codec);
    parsed.error = std::move(error);
    return parsed;
}

std::unique_ptr<Protocol> protocolFor(const model::Shape &service)
{
    if (service.hasTrait("aws.protocols#restJson1"))
        return std::make_unique<RestJsonProtocol>();
    if (service.hasTrait("aws.protocols#restXml"))
        return std::make_unique<RestXmlProtocol>();
    if (service.hasTrait("aws.protocols#awsQuery"))
        return std::make_unique<QueryProtocol>(false);
    if (service.hasTrait("aws.protocols#ec2Query"))
        return std::make_unique<QueryProtocol>(true);
    if (service.hasTrait("aws.protocols#awsJson1_0"))
        return std::make_unique<AwsJsonProtocol>("1.0");
    if (service.hasTrait("aws.protocols#awsJson1_1"))
        return std::make_unique<AwsJsonProtocol>("1.1");
    return nullptr;
}

} // namespace cumulus::protocols
