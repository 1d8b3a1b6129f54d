#pragma once

#include "endpoints/EndpointSettings.h"
#include "endpoints/RuleEvaluator.h"
#include "endpoints/RuleSet.h"
#include "model/Model.h"
#include "net/HttpRequest.h"
#include "util/Expected.h"

#include <QJsonObject>

#include <memory>
#include <string>
#include <vector>

namespace cumulus::endpoints {

// Where a request goes and how it is signed.
struct ResolvedEndpoint {
    std::string url; // the endpoint: scheme, host, optional path; the request's own path goes after it
    std::vector<net::Header> headers;
    std::string authScheme = "sigv4"; // sigv4, sigv4a, sigv4-s3express, none
    std::string signingName;
    std::string signingRegion; // sigv4a: the region set, comma-separated
    bool disableDoubleEncoding = false;
    bool fromRules = false; // else the endpointPrefix pattern of a model without rules
    RuleParams params;      // what the rules were given
    RuleValue properties;   // the rules' endpoint properties
    // Set when Cumulus cannot sign for the chosen scheme ("SigV4a not supported yet").
    std::string unsupported;
};

// One service's endpoint resolution: its rule set compiled once, then resolve() per call.
class ServiceEndpoints {
public:
    // Fails only when the service's rule set does not compile.
    static util::Expected<ServiceEndpoints> forService(const model::Model &model, const model::Shape &service);

    bool hasRules() const { return m_rules != nullptr; }
    const RuleSet *rules() const { return m_rules.get(); }

    // The rule parameters for a call: explicit ones, then the operation's context parameters, then
    // built-ins by name ("AWS::Region"; with botocore's per-operation S3 adjustments).
    RuleParams params(const model::Shape *operation, const QJsonObject &input, const RuleParams &builtIns,
                      const RuleParams &explicitParams = {}) const;

    // operation may be null (the endpoint of the service as a whole).
    util::Expected<ResolvedEndpoint> resolve(const model::Shape *operation, const QJsonObject &input,
                                             const EndpointSettings &settings) const;

private:
    const model::Model *m_model = nullptr;
    const model::Shape *m_service = nullptr;
    std::shared_ptr<const RuleSet> m_rules;
    std::string m_sdkId;
    std::string m_endpointPrefix;
    std::string m_signingName;
};

// The built-in values ("AWS::Region", "AWS::S3::ForcePathStyle", …) of a client with these settings,
// as botocore computes them (args.py compute_endpoint_resolver_builtin_defaults).
RuleParams builtInValues(const EndpointSettings &settings);

// The URL a serialized request is sent to: the endpoint's URL, the request's host prefix before its
// host, the endpoint's path before the request's path, then the query. For S3 with endpoint rules
// the request's leading "/{Bucket}" segment is dropped: the rules place the bucket themselves.
std::string requestUrl(const ResolvedEndpoint &endpoint, const net::HttpRequest &request);

} // namespace cumulus::endpoints
