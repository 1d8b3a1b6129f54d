// SigV4's URL and query canonicalization, and whole signatures (header and query signing, S3's
// rules or the others'), on any method, URL, header and body.
#include "FuzzInput.h"
#include "sigv4/CanonicalQuery.h"
#include "sigv4/CanonicalRequest.h"
#include "sigv4/Signer.h"

using namespace cumulus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fuzz::FuzzInput input(data, size);
    const auto parts = input.parts(4); // URL, header name, header value, body
    (void)sigv4::canonical::uri(parts[0], input.mode & 1, input.mode & 2);
    (void)sigv4::canonical::query(parts[0]);
    (void)sigv4::canonical::wireQuery(parts[0]);
    (void)sigv4::canonical::normalizedQuery(parts[0]);
    auto request = sigv4::SignableRequest::fromUrl(input.mode & 4 ? "POST" : "GET", parts[0],
                                                   {{parts[1], parts[2]}}, parts[3]);
    if (!request)
        return 0;
    sigv4::SigningParams params;
    params.credentials.accessKeyId = "AKIDEXAMPLE";
    params.credentials.secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    if (input.mode & 8)
        params.credentials.sessionToken = "token";
    params.region = "us-east-1";
    params.service = input.mode & 16 ? "s3" : "dynamodb";
    params.time = std::chrono::sys_seconds(std::chrono::seconds(1440938160));
    if (input.mode & 16)
        params.useS3Rules(input.mode & 32);
    static const sigv4::Signer signer;
    if (input.mode & 32) {
        params.expiresSeconds = 1 + input.mode;
        (void)signer.presign(*request, params);
    } else {
        (void)signer.sign(*request, params);
    }
    return 0;
}
