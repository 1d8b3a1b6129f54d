#pragma once

#include "model/Model.h"
#include "net/HttpRequest.h"
#include "util/Expected.h"

#include <QJsonObject>

#include <string>

namespace cumulus::collections {

// A call as code a person runs elsewhere. Each re-signs when run, with the credentials of where it
// runs (a profile's name, or the environment's AWS_* variables): nothing carries a signature, a key
// or a token.
struct ExportedCall {
    std::string sdkId;     // "DynamoDB"
    std::string operation; // "PutItem"
    QJsonObject input;     // the --cli-input-json document (blobs as base64)
    std::string profile;   // empty: none named
    std::string region;    // empty: none named
    std::string endpoint;  // empty: AWS's
    // The operation's input shape: boto3 takes blobs as bytes (base64.b64decode of the document's
    // text); without it, blobs stay text.
    const model::Model *model = nullptr;
    const model::Shape *inputShape = nullptr;
};

// `aws dynamodb put-item --cli-input-json '{…}' --profile P --region R --endpoint-url E` (POSIX
// shell quoting; the AWS CLI's service and operation names).
std::string awsCliCommand(const ExportedCall &call);

// A Python snippet: boto3.Session(profile_name=…).client("dynamodb", …).put_item(**input).
std::string boto3Snippet(const ExportedCall &call);

// `curl --aws-sigv4 aws:amz:REGION:SERVICE --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" …`:
// the serialized request (method, URL, headers, body) signed by curl from the environment's keys
// (and X-Amz-Security-Token when AWS_SESSION_TOKEN is set). A body that is not UTF-8 text is
// refused: a shell word cannot hold it.
util::Expected<std::string> curlCommand(const net::HttpRequest &request, const std::string &url,
                                        const std::string &signingRegion, const std::string &signingName);

// Text as one POSIX shell word: 'it'\''s'.
std::string shellQuoted(const std::string &text);

} // namespace cumulus::collections
