#include "protocols/Customizations.h"

#include "model/ServiceSummary.h"

#include "crypto/Hex.h"
#include "crypto/Sha256.h"
#include "model/JsonText.h"
#include "model/OperationIndex.h"
#include "protocols/XmlNode.h"

#include <QJsonObject>

namespace cumulus::protocols {

namespace {

std::string sdkId(const model::Shape &service)
{
    return model::sdkIdOf(service);
}

} // namespace

std::string sha256TreeHash(const std::string &data)
{
    constexpr std::size_t Leaf = 1024 * 1024;
    std::vector<crypto::Sha256Digest> level;
    for (std::size_t at = 0; at < data.size() || level.empty(); at += Leaf)
        level.push_back(crypto::sha256(std::string_view(data).substr(at, Leaf)));
    while (level.size() > 1) {
        std::vector<crypto::Sha256Digest> next;
        for (std::size_t i = 0; i < level.size(); i += 2) {
            if (i + 1 == level.size()) {
                next.push_back(level[i]);
                continue;
            }
            std::string pair(reinterpret_cast<const char *>(level[i].data()), level[i].size());
            pair.append(reinterpret_cast<const char *>(level[i + 1].data()), level[i + 1].size());
            next.push_back(crypto::sha256(pair));
        }
        level = std::move(next);
    }
    return crypto::toHex(level.front());
}

QJsonObject customizeInput(const OperationContext &context, const QJsonObject &input)
{
    QJsonObject out = input;
    if (sdkId(context.service) == "Glacier" && out.value("accountId").toString().isEmpty()) {
        const model::Shape *shape = model::inputOf(context.model, context.operation);
        if (shape && shape->member("accountId"))
            out.insert("accountId", QStringLiteral("-")); // the account of the credentials
    }
    return out;
}

void customizeRequest(const OperationContext &context, const QJsonObject &input, net::HttpRequest &request)
{
    const std::string id = sdkId(context.service);
    const std::string_view operation = context.operation.id.name();
    if (id == "API Gateway" && !request.header("Accept")) {
        request.headers.push_back({"Accept", "application/json"});
    } else if (id == "Glacier") {
        if (!request.header("X-Amz-Glacier-Version"))
            request.headers.push_back({"X-Amz-Glacier-Version", context.service.rel().version});
        if ((operation == "UploadArchive" || operation == "UploadMultipartPart") && !request.header("X-Amz-Content-Sha256")) {
            request.headers.push_back({"X-Amz-Content-Sha256", crypto::sha256Hex(request.body)});
            if (!request.header("X-Amz-Sha256-Tree-Hash"))
                request.headers.push_back({"X-Amz-Sha256-Tree-Hash", sha256TreeHash(request.body)});
        }
    } else if (id == "S3") {
        // botocore's remove_bucket_from_url_paths_from_model: the endpoint rules place the bucket.
        if (const model::Trait *http = context.operation.trait("smithy.api#http"))
            request.leadingBucketSegment = model::parseJsonValue(http->json).toObject().value("uri").toString().startsWith(QLatin1String("/{Bucket}"));
    } else if (id == "Machine Learning" && operation == "Predict") {
        const QString endpoint = input.value("PredictEndpoint").toString();
        if (!endpoint.isEmpty())
            request.endpointOverride = endpoint.toStdString();
    }
}

void customizeOutput(const OperationContext &context, const net::HttpResponse &response, ParsedResponse &parsed)
{
    if (sdkId(context.service) == "S3" && context.operation.id.name() == "GetBucketLocation"
        && response.status >= 200 && response.status < 300 && !parsed.output.object().contains("LocationConstraint")) {
        std::string error;
        if (const auto root = XmlNode::parse(response.body, error); root && root->name == QLatin1String("LocationConstraint")) {
            QJsonObject output = parsed.output.object();
            output.insert("LocationConstraint", root->text);
            parsed.output = std::move(output);
        }
    }
}

} // namespace cumulus::protocols
