#include "protocols/RestRequest.h"

#include "protocols/AwsJsonProtocol.h"
#include "protocols/Customizations.h"
#include "protocols/RequestCompression.h"

#include <QCryptographicHash>

namespace cumulus::protocols {

util::Expected<net::HttpRequest> finishRestRequest(const OperationContext &context, const model::Shape *input,
                                                   const QJsonObject &document, const std::string &contentType,
                                                   net::HttpRequest request, std::vector<InputProblem> &problems)
{
    if (!contentType.empty() && !request.header("Content-Type"))
        request.headers.push_back({"Content-Type", contentType});
    if (!request.body.empty())
        request.headers.push_back({"Content-Length", std::to_string(request.body.size())});
    if (context.operation.hasTrait("smithy.api#httpChecksumRequired"))
        request.headers.push_back({"Content-MD5", QCryptographicHash::hash(QByteArray::fromStdString(request.body),
                                                                           QCryptographicHash::Md5).toBase64().toStdString()});
    const auto prefix = hostPrefix(context.operation, input, document, problems);
    if (!problems.empty())
        return util::Error{problems.front().path + ": " + problems.front().message};
    request.hostPrefix = prefix.value_or(std::string());
    customizeRequest(context, document, request);
    applyRequestCompression(context.operation, request);
    return request;
}

} // namespace cumulus::protocols
