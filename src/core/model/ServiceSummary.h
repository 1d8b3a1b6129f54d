#pragma once

#include <string>
#include <vector>

namespace cumulus::model {

// What the catalog knows of a service without loading its shapes.
struct ServiceSummary {
    std::string source; // the model file (or Qt resource) it comes from
    std::string shapeId; // "com.amazonaws.sts#AWSSecurityTokenServiceV20110615"
    std::string sdkId; // "STS", "Secrets Manager" (aws.api#service); else the shape name
    std::string name; // the sdk id as the AWS CLI writes it: "sts", "secrets-manager"
    std::string signingName; // aws.auth#sigv4 name: "sts", "secretsmanager"
    std::string protocol; // "awsQuery", "restJson1", … ("" when none is declared)
    std::string version; // "2011-06-15"
    std::string title; // smithy.api#title
    std::vector<std::string> operations; // operation names, in the service's order
    std::vector<std::string> operationSummaries; // the first sentence of each one's documentation

    // "Secrets Manager" -> "secrets-manager"
    static std::string cliName(const std::string &sdkId);
};

struct Shape;

// A service shape's sdk id (aws.api#service), else its shape name: the name the SDKs key their
// customizations, environment variables and retry tables on.
std::string sdkIdOf(const Shape &service);

} // namespace cumulus::model
