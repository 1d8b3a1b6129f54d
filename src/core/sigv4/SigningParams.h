#pragma once

#include "credentials/Credentials.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace cumulus::sigv4 {

// Everything the signer needs besides the request. The time is an input: the signer never reads
// a clock, so a signature can always be reproduced.
struct SigningParams {
    credentials::Credentials credentials;
    std::string region; // signing region, e.g. "us-east-1"
    std::string service; // signing name, e.g. "dynamodb", "s3"
    std::chrono::sys_seconds time{};

    // URI rules. Every service but S3 removes dot segments and repeated slashes from the path and
    // percent-encodes the already encoded path a second time ("%2F" -> "%252F"). S3 signs the path
    // exactly as sent (useS3Rules turns both off).
    bool normalizePath = true;
    bool doubleEncodePath = true;

    // Send and sign X-Amz-Content-SHA256 with the payload hash (S3 requires it).
    bool contentSha256Header = false;

    // Use the literal "UNSIGNED-PAYLOAD" instead of the body's hash (S3 streaming uploads over
    // TLS, every S3 presigned URL).
    bool unsignedPayload = false;

    // Add X-Amz-Security-Token after signing, outside the signature (a few services, e.g. IoT,
    // want this; everything else signs the token).
    bool omitSessionToken = false;

    // Presigned URLs only: lifetime in seconds, 1 to 604800 (7 days).
    std::int64_t expiresSeconds = 3600;

    static constexpr std::int64_t MaxPresignExpiry = 7 * 24 * 3600;

    // S3's rules: the path as sent, X-Amz-Content-SHA256 on every request, and UNSIGNED-PAYLOAD
    // when presigning.
    void useS3Rules(bool presigning)
    {
        normalizePath = false;
        doubleEncodePath = false;
        contentSha256Header = true;
        if (presigning)
            unsignedPayload = true;
    }
};

} // namespace cumulus::sigv4
