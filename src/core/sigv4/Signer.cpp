#include "sigv4/Signer.h"

#include "crypto/Hex.h"
#include "crypto/Sha256.h"
#include "sigv4/AmzDate.h"
#include "sigv4/CanonicalQuery.h"
#include "sigv4/CanonicalRequest.h"
#include "sigv4/StringToSign.h"
#include "sigv4/UriEncoding.h"

#include <algorithm>
#include <optional>

namespace cumulus::sigv4 {

namespace {

constexpr std::string_view UnsignedPayload = "UNSIGNED-PAYLOAD";
constexpr std::string_view EmptyPayloadHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// The body's SHA-256 in hex: a constant for an empty body, else computed into storage.
std::string_view bodyHash(const std::string &body, std::string &storage)
{
    if (body.empty())
        return EmptyPayloadHash;
    storage = crypto::sha256Hex(body);
    return storage;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

void removeAll(std::vector<Header> &headers, std::string_view name)
{
    headers.erase(std::remove_if(headers.begin(), headers.end(),
                                 [&](const Header &h) { return equalsIgnoreCase(h.name, name); }),
                  headers.end());
}

const Header *find(const std::vector<Header> &headers, std::string_view name)
{
    for (const Header &header : headers) {
        if (equalsIgnoreCase(header.name, name))
            return &header;
    }
    return nullptr;
}

std::optional<util::Error> validate(const SignableRequest &request, const SigningParams &params)
{
    if (params.credentials.accessKeyId.empty())
        return util::Error{"no access key id to sign with"};
    if (params.credentials.secretAccessKey.empty())
        return util::Error{"no secret access key to sign with"};
    if (params.region.empty())
        return util::Error{"no signing region"};
    if (params.service.empty())
        return util::Error{"no signing service name"};
    if (request.method.empty())
        return util::Error{"no HTTP method"};
    return std::nullopt;
}

// The payload hash: an X-Amz-Content-SHA256 header's value when the request carries one (as
// botocore does), else UNSIGNED-PAYLOAD or the body's SHA-256.
// storage holds the computed hash when the result is neither a header's value nor a constant.
std::string_view payloadHash(const std::vector<Header> &headers, const SignableRequest &request,
                             const SigningParams &params, std::string &storage)
{
    if (const Header *given = find(headers, "x-amz-content-sha256"))
        return given->value;
    if (params.unsignedPayload)
        return UnsignedPayload;
    return bodyHash(request.body, storage);
}

std::string signatureHex(SigningKeyCache &keys, const SigningParams &params, std::string_view date,
                         std::string_view stringToSign)
{
    return crypto::toHex(keys.sign(params.credentials.secretAccessKey, date, params.region,
                                   params.service, stringToSign));
}

} // namespace

util::Expected<SigningResult> Signer::sign(const SignableRequest &request,
                                           const SigningParams &params) const
{
    if (auto error = validate(request, params))
        return *error;

    const std::string amzDate = formatAmzDate(params.time);
    const std::string_view date = std::string_view(amzDate).substr(0, 8);
    const credentials::Credentials &creds = params.credentials;

    SigningResult result;
    std::vector<Header> &headers = result.headers;
    headers.reserve(request.headers.size() + 4);
    headers = request.headers;
    removeAll(headers, "authorization");
    removeAll(headers, "x-amz-date");
    headers.push_back({"X-Amz-Date", amzDate});
    if (creds.hasSessionToken()) {
        removeAll(headers, "x-amz-security-token");
        if (!params.omitSessionToken)
            headers.push_back({"X-Amz-Security-Token", creds.sessionToken});
    }
    if (params.contentSha256Header || params.unsignedPayload) {
        removeAll(headers, "x-amz-content-sha256");
        std::string scratch;
        headers.push_back({"X-Amz-Content-SHA256",
                           std::string(params.unsignedPayload ? UnsignedPayload
                                                              : bodyHash(request.body, scratch))});
    }

    std::string hostScratch, hashScratch;
    const canonical::QueryShape queryShape = canonical::inspectQuery(request.query);
    canonical::Request canonicalRequest = canonical::request({
        .method = request.method,
        .path = request.path,
        .normalizePath = params.normalizePath,
        .doubleEncodePath = params.doubleEncodePath,
        .query = request.query,
        .queryShape = queryShape,
        .headers = headers,
        .hostFromUrl = request.hostFromUrl(hostScratch),
        .payloadHash = payloadHash(headers, request, params, hashScratch),
    });
    result.canonicalRequest = std::move(canonicalRequest.text);
    result.signedHeaders = std::move(canonicalRequest.signedHeaders);
    const std::string scope = credentialScope(date, params.region, params.service);
    result.stringToSign = sigv4::stringToSign(amzDate, scope, result.canonicalRequest);
    result.signature = signatureHex(m_keys, params, date, result.stringToSign);

    result.authorization.reserve(Algorithm.size() + creds.accessKeyId.size() + scope.size()
                                 + result.signedHeaders.size() + 112);
    result.authorization.append(Algorithm)
        .append(" Credential=")
        .append(creds.accessKeyId)
        .append("/")
        .append(scope)
        .append(", SignedHeaders=")
        .append(result.signedHeaders)
        .append(", Signature=")
        .append(result.signature);
    headers.push_back({"Authorization", result.authorization});
    if (creds.hasSessionToken() && params.omitSessionToken)
        headers.push_back({"X-Amz-Security-Token", creds.sessionToken});
    // Send the query in the encoding that was signed, so no HTTP stack can re-encode it otherwise.
    result.query = canonical::wireQuery(request.query, queryShape);
    return result;
}

util::Expected<SigningResult> Signer::presign(const SignableRequest &request,
                                              const SigningParams &params) const
{
    if (auto error = validate(request, params))
        return *error;
    if (params.expiresSeconds < 1 || params.expiresSeconds > SigningParams::MaxPresignExpiry) {
        return util::Error{"a presigned URL must expire in 1 to 604800 seconds (7 days); "
                           + std::to_string(params.expiresSeconds) + " was asked for"};
    }

    const std::string amzDate = formatAmzDate(params.time);
    const std::string_view date = std::string_view(amzDate).substr(0, 8);
    const credentials::Credentials &creds = params.credentials;

    // Headers are signed as given. (botocore drops a form Content-Type here because its own query
    // serializer added it; the official suite signs it. Our serializers add none to presign.)
    SigningResult result;
    result.headers = request.headers;

    std::string hostScratch;
    const std::string_view host = request.hostFromUrl(hostScratch);
    // The signed header names go into the URL, so they are needed before the canonical request.
    result.signedHeaders = canonical::headers(result.headers, host).signedHeaders;
    const std::string scope = credentialScope(date, params.region, params.service);

    // The X-Amz-* fields, encoded once, go after the request's own fields in the URL and are
    // sorted in with them in the canonical query.
    const std::string credential = uriEncode(creds.accessKeyId + "/" + scope);
    const std::string expires = std::to_string(params.expiresSeconds);
    const std::string signedHeaders = uriEncode(result.signedHeaders);
    const std::string token =
        creds.hasSessionToken() ? uriEncode(creds.sessionToken) : std::string();
    std::vector<canonical::EncodedField> authFields = {{"X-Amz-Algorithm", Algorithm},
                                                       {"X-Amz-Credential", credential},
                                                       {"X-Amz-Date", amzDate},
                                                       {"X-Amz-Expires", expires},
                                                       {"X-Amz-SignedHeaders", signedHeaders}};
    if (!token.empty() && !params.omitSessionToken)
        authFields.push_back({"X-Amz-Security-Token", token});

    const std::string ownFields = canonical::normalizedQuery(request.query);
    std::string &query = result.query;
    query.reserve(ownFields.size() + 200 + token.size());
    query = ownFields;
    for (const canonical::EncodedField &field : authFields) {
        if (!query.empty())
            query.push_back('&');
        query.append(field.name).append("=").append(field.value);
    }

    std::string hashScratch;
    result.canonicalRequest =
        canonical::request(
            {
                .method = request.method,
                .path = request.path,
                .normalizePath = params.normalizePath,
                .doubleEncodePath = params.doubleEncodePath,
                .query = ownFields,
                .queryShape = canonical::inspectQuery(ownFields),
                .extraQueryFields = authFields,
                .headers = result.headers,
                .hostFromUrl = host,
                .payloadHash = payloadHash(result.headers, request, params, hashScratch),
            })
            .text;
    result.stringToSign = sigv4::stringToSign(amzDate, scope, result.canonicalRequest);
    result.signature = signatureHex(m_keys, params, date, result.stringToSign);

    if (!token.empty() && params.omitSessionToken)
        query.append("&X-Amz-Security-Token=").append(token);
    query.append("&X-Amz-Signature=").append(result.signature);
    return result;
}

} // namespace cumulus::sigv4
