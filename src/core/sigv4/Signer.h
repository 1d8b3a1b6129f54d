#pragma once

#include "sigv4/SignableRequest.h"
#include "sigv4/SigningKeyCache.h"
#include "sigv4/SigningParams.h"
#include "sigv4/SigningResult.h"
#include "util/Expected.h"

namespace cumulus::sigv4 {

// AWS Signature Version 4, as botocore's SigV4Auth / S3SigV4Auth / SigV4QueryAuth /
// S3SigV4QueryAuth do it. A pure function of the request and the parameters (which include the
// time); the only state is a cache of derived signing keys.
class Signer {
public:
    Signer() = default;
    Signer(const Signer &) = delete;
    Signer &operator=(const Signer &) = delete;

    // Authorization-header signing. Adds X-Amz-Date, X-Amz-Security-Token (with a session token),
    // X-Amz-Content-SHA256 (S3, or an unsigned payload) and Authorization, replacing any already
    // there. The query is sent in SigV4's encoding (unchanged when it is already canonical).
    util::Expected<SigningResult> sign(const SignableRequest &request,
                                       const SigningParams &params) const;

    // Query-string signing (a presigned URL): the X-Amz-* fields go after the request's own query
    // fields and X-Amz-Signature comes last. Headers are signed but not added to.
    util::Expected<SigningResult> presign(const SignableRequest &request,
                                          const SigningParams &params) const;

private:
    mutable SigningKeyCache m_keys;
};

} // namespace cumulus::sigv4
