#include "calls/PreparedCall.h"

#include "model/ServiceSummary.h"
#include "sigv4/Signer.h"

namespace cumulus::calls {

std::variant<PreparedCall, PrepareError> PreparedCall::prepare(const CallSpec &spec, util::Random &random)
{
    PreparedCall call;
    call.m_spec = spec;
    call.m_sdkId = model::sdkIdOf(*spec.service);
    call.m_protocol = protocols::protocolFor(*spec.service);
    if (!call.m_protocol)
        return PrepareError{PrepareError::Stage::Protocol, "the service's protocol is not one Cumulus can serialize", {}};
    const protocols::OperationContext context{*spec.model, *spec.service, *spec.operation, random};
    std::vector<protocols::InputProblem> problems;
    auto request = call.m_protocol->serialize(context, spec.input, problems);
    if (!request)
        return PrepareError{PrepareError::Stage::Input, request.error().message, std::move(problems)};
    call.m_request = std::move(*request);

    std::shared_ptr<const endpoints::ServiceEndpoints> endpoints = spec.endpoints;
    if (!endpoints) {
        auto made = endpoints::ServiceEndpoints::forService(*spec.model, *spec.service);
        if (!made)
            return PrepareError{PrepareError::Stage::Endpoint, made.error().message, {}};
        endpoints = std::make_shared<const endpoints::ServiceEndpoints>(std::move(*made));
    }
    auto endpoint = endpoints->resolve(spec.operation, spec.input, spec.endpoint);
    if (!endpoint)
        return PrepareError{PrepareError::Stage::Endpoint, endpoint.error().message, {}};
    call.m_endpoint = std::move(*endpoint);
    if (!call.m_request.endpointOverride.empty()) {
        call.m_endpoint.url = call.m_request.endpointOverride;
        call.m_endpoint.fromRules = false;
    }
    for (const net::Header &h : call.m_endpoint.headers)
        call.m_request.headers.push_back(h);
    if (call.m_endpoint.signingRegion.empty())
        call.m_endpoint.signingRegion = spec.endpoint.region;
    call.m_url = endpoints::requestUrl(call.m_endpoint, call.m_request);
    return call;
}

util::Expected<PreparedCall::Signed> PreparedCall::sign(const std::vector<net::Header> &extraHeaders,
                                                        std::chrono::system_clock::time_point time) const
{
    std::vector<net::Header> headers = m_request.headers;
    headers.insert(headers.end(), extraHeaders.begin(), extraHeaders.end());
    auto signable = sigv4::SignableRequest::fromUrl(m_request.method, m_url, std::move(headers), m_request.body);
    if (!signable)
        return util::Error{"endpoint " + m_endpoint.url + ": " + signable.error().message};
    Signed out;
    if (signs()) {
        if (!m_endpoint.unsupported.empty())
            return util::Error{m_endpoint.unsupported};
        sigv4::SigningParams params;
        params.credentials = *m_spec.credentials;
        params.region = m_endpoint.signingRegion;
        params.service = m_endpoint.signingName;
        params.time = std::chrono::floor<std::chrono::seconds>(time);
        // botocore signs S3 and S3 Control with its S3 signer (s3v4): the path as sent, the payload hash header.
        if (m_sdkId == "S3" || m_sdkId == "S3 Control")
            params.useS3Rules(false);
        if (m_endpoint.disableDoubleEncoding)
            params.doubleEncodePath = false;
        static const sigv4::Signer signer;
        auto result = signer.sign(*signable, params);
        if (!result)
            return result.error();
        result->applyTo(*signable);
        out.canonicalRequest = result->canonicalRequest;
        out.stringToSign = result->stringToSign;
    }
    out.request = {signable->method, signable->url(), signable->headers, signable->body};
    return out;
}

} // namespace cumulus::calls
