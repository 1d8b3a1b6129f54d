#include "endpoints/ServiceEndpoints.h"

#include "endpoints/ContextParams.h"
#include "endpoints/Partitions.h"
#include "endpoints/RuleFunctions.h"
#include "model/ServiceSummary.h"

#include <algorithm>
#include <array>

namespace cumulus::endpoints {

namespace {

// botocore args.py LEGACY_GLOBAL_STS_REGIONS: where sts_regional_endpoints = legacy means sts.amazonaws.com.
constexpr std::array<std::string_view, 16> LegacyGlobalStsRegions = {
    "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1",
    "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1",
    "us-east-1", "us-east-2", "us-west-1", "us-west-2"};

std::string traitString(const model::Shape &shape, std::string_view trait, std::string_view member)
{
    const model::Trait *t = shape.trait(trait);
    if (!t)
        return {};
    const auto value = RuleValue::fromJson(t->json);
    return value && value->member(member).isString() ? value->member(member).toString() : std::string();
}

// botocore utils.is_s3_accelerate_url, in short: an https/http URL whose host starts "s3-accelerate."
// and ends "amazonaws.com".
bool isS3AccelerateUrl(const std::string &url)
{
    const RuleValue parsed = parseUrl(url);
    if (!parsed.isObject())
        return false;
    const std::string host = parsed.member("authority").toString();
    return host.rfind("s3-accelerate.", 0) == 0 && host.size() >= 13
        && host.compare(host.size() - 13, 13, "amazonaws.com") == 0;
}

void chooseAuthScheme(ResolvedEndpoint &endpoint)
{
    const RuleValue schemes = endpoint.properties.member("authSchemes");
    if (!schemes.isArray() || schemes.toArray().empty())
        return;
    // The first scheme botocore knows (its AUTH_TYPE_MAPS order is the list's order).
    for (const RuleValue &scheme : schemes.toArray()) {
        const std::string name = scheme.member("name").isString() ? scheme.member("name").toString() : "";
        if (name != "sigv4" && name != "sigv4a" && name != "sigv4-s3express" && name != "none")
            continue;
        endpoint.authScheme = name;
        if (scheme.member("signingName").isString())
            endpoint.signingName = scheme.member("signingName").toString();
        if (scheme.member("signingRegion").isString()) {
            endpoint.signingRegion = scheme.member("signingRegion").toString();
        } else if (scheme.member("signingRegionSet").isArray()) {
            std::string set;
            for (const RuleValue &r : scheme.member("signingRegionSet").toArray())
                set += (set.empty() ? "" : ",") + r.display();
            if (!set.empty())
                endpoint.signingRegion = set;
        }
        if (scheme.member("disableDoubleEncoding").isBool())
            endpoint.disableDoubleEncoding = scheme.member("disableDoubleEncoding").toBool();
        if (name == "sigv4a")
            endpoint.unsupported = "this endpoint needs SigV4a (multi-region signing), which Cumulus does not support yet";
        else if (name == "sigv4-s3express")
            endpoint.unsupported = "this endpoint is an S3 Express One Zone bucket, whose session auth Cumulus does not support yet";
        return;
    }
    std::string names;
    for (const RuleValue &scheme : schemes.toArray())
        names += (names.empty() ? "" : ", ") + scheme.member("name").display();
    endpoint.unsupported = "this endpoint asks for auth schemes Cumulus does not know: " + names;
}

} // namespace

RuleParams builtInValues(const EndpointSettings &s)
{
    const bool custom = !s.endpointUrl.empty();
    RuleParams values;
    if (!s.region.empty())
        values.emplace_back("AWS::Region", s.region);
    values.emplace_back("AWS::UseFIPS", !custom && s.useFips);
    values.emplace_back("AWS::UseDualStack", !custom && s.useDualStack);
    if (custom)
        values.emplace_back("SDK::Endpoint", s.endpointUrl);
    values.emplace_back("AWS::STS::UseGlobalEndpoint",
                        s.stsRegionalEndpoints == "legacy"
                            && std::find(LegacyGlobalStsRegions.begin(), LegacyGlobalStsRegions.end(), s.region)
                                   != LegacyGlobalStsRegions.end());
    values.emplace_back("AWS::S3::UseGlobalEndpoint",
                        s.s3UsEast1RegionalEndpoint == "legacy" && (s.region == "us-east-1" || s.region.empty()));
    values.emplace_back("AWS::S3::Accelerate", s.s3Accelerate);
    // Path style by default for a custom endpoint that is not S3 Accelerate's.
    bool pathStyle = s.s3AddressingStyle == "path";
    if (s.s3Accelerate)
        pathStyle = false;
    else if (custom && !isS3AccelerateUrl(s.endpointUrl))
        pathStyle = s.s3AddressingStyle != "virtual";
    values.emplace_back("AWS::S3::ForcePathStyle", pathStyle);
    values.emplace_back("AWS::S3::UseArnRegion", s.s3UseArnRegion.value_or(true));
    values.emplace_back("AWS::S3Control::UseArnRegion", s.s3UseArnRegion.value_or(false));
    values.emplace_back("AWS::S3::DisableMultiRegionAccessPoints", s.s3DisableMultiRegionAccessPoints);
    if (!s.accountId.empty())
        values.emplace_back("AWS::Auth::AccountId", s.accountId);
    if (!s.accountIdEndpointMode.empty())
        values.emplace_back("AWS::Auth::AccountIdEndpointMode", s.accountIdEndpointMode);
    return values;
}

util::Expected<ServiceEndpoints> ServiceEndpoints::forService(const model::Model &model, const model::Shape &service)
{
    ServiceEndpoints e;
    e.m_model = &model;
    e.m_service = &service;
    e.m_sdkId = model::sdkIdOf(service);
    e.m_endpointPrefix = traitString(service, "aws.api#service", "endpointPrefix");
    if (e.m_endpointPrefix.empty())
        e.m_endpointPrefix = std::string(service.id.name());
    e.m_signingName = traitString(service, "aws.auth#sigv4", "name");
    if (const model::Trait *t = service.trait("smithy.rules#endpointRuleSet")) {
        auto rules = RuleSet::parse(t->json);
        if (!rules)
            return util::Error{std::string(service.id.text()) + ": " + rules.error().message};
        e.m_rules = *rules;
    }
    return e;
}

RuleParams ServiceEndpoints::params(const model::Shape *operation, const QJsonObject &input,
                                    const RuleParams &builtIns, const RuleParams &explicitParams) const
{
    RuleParams bound = explicitParams;
    auto has = [&bound](std::string_view name) {
        for (const auto &p : bound) {
            if (p.first == name)
                return true;
        }
        return false;
    };
    if (operation) {
        const RuleParams context = operationContextParams(*m_model, *operation, input);
        for (const auto &p : context) {
            if (!has(p.first))
                bound.push_back(p);
        }
    }
    if (m_rules) {
        for (const RuleParameter &p : m_rules->parameters()) {
            if (p.builtIn.empty() || has(p.name))
                continue;
            RuleValue value;
            for (const auto &[name, v] : builtIns) {
                if (name == p.builtIn)
                    value = v;
            }
            // botocore's customize_endpoint_resolver_builtins: S3's GetBucketLocation always goes
            // path style, a bucket ARN never does.
            if (p.builtIn == "AWS::S3::ForcePathStyle" && m_sdkId == "S3" && operation) {
                const QString bucket = input.value("Bucket").toString();
                if (operation->id.name() == "GetBucketLocation")
                    value = true;
                else if (bucket.startsWith(QLatin1String("arn:")) && parseArn(bucket.toStdString()).isSet())
                    value = false;
            }
            if (value.isSet())
                bound.emplace_back(p.name, std::move(value));
        }
    }
    return bound;
}

util::Expected<ResolvedEndpoint> ServiceEndpoints::resolve(const model::Shape *operation, const QJsonObject &input,
                                                           const EndpointSettings &settings) const
{
    ResolvedEndpoint endpoint;
    endpoint.signingName = m_signingName;
    endpoint.signingRegion = settings.region;
    if (m_signingName.empty())
        endpoint.authScheme = "none";
    if (!m_rules) {
        // A model without rules (botocore's service-2.json, IDL): the endpointPrefix pattern.
        if (!settings.endpointUrl.empty()) {
            endpoint.url = settings.endpointUrl;
        } else {
            if (settings.region.empty())
                return util::Error{"no region: choose one (--region, AWS_REGION or the profile's region)"};
            const RuleValue partition = Partitions::bundled().partitionOf(settings.region).outputs;
            const std::string suffix = settings.useDualStack ? partition.member("dualStackDnsSuffix").display()
                                                             : partition.member("dnsSuffix").display();
            endpoint.url = "https://" + m_endpointPrefix + (settings.useFips ? "-fips." : ".") + settings.region + "." + suffix;
        }
        return endpoint;
    }
    endpoint.fromRules = true;
    endpoint.params = params(operation, input, builtInValues(settings), settings.params);
    auto resolved = evaluateRules(*m_rules, endpoint.params);
    if (!resolved)
        return resolved.error();
    endpoint.url = std::move(resolved->url);
    endpoint.properties = std::move(resolved->properties);
    for (const auto &[name, values] : resolved->headers) {
        for (const std::string &v : values)
            endpoint.headers.push_back({name, v});
    }
    chooseAuthScheme(endpoint);
    return endpoint;
}

std::string requestUrl(const ResolvedEndpoint &endpoint, const net::HttpRequest &request)
{
    std::string url = endpoint.url;
    std::size_t authority = url.find("://");
    authority = authority == std::string::npos ? 0 : authority + 3;
    std::size_t pathStart = url.find('/', authority);
    if (pathStart == std::string::npos)
        pathStart = url.size();
    const std::size_t queryStart = std::min(url.find('?', authority), url.size());
    pathStart = std::min(pathStart, queryStart);
    std::string base = url.substr(0, pathStart);
    std::string basePath = url.substr(pathStart, queryStart - pathStart);
    if (!request.hostPrefix.empty())
        base.insert(authority, request.hostPrefix);

    std::string path = request.path;
    if (endpoint.fromRules && request.leadingBucketSegment) {
        const std::size_t next = path.find('/', 1);
        path = next == std::string::npos ? std::string() : path.substr(next);
    }
    while (!basePath.empty() && basePath.back() == '/')
        basePath.pop_back();
    std::string fullPath = basePath + path;
    if (fullPath.empty())
        fullPath = "/";
    return base + fullPath + (request.query.empty() ? "" : "?" + request.query);
}

} // namespace cumulus::endpoints
