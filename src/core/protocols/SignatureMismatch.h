#pragma once

#include "protocols/Protocol.h"

namespace cumulus::protocols {

struct XmlNode;

// For a signature error (SignatureDoesNotMatch; DynamoDB says InvalidSignatureException), AWS's
// own canonical request and string to sign, for the signing inspector to set beside Cumulus's. S3
// sends them as <CanonicalRequest> and <StringToSign> elements; other services inside the message
// ("The Canonical String for this request should have been '…' The String-to-Sign should have
// been '…'"). Other errors carry neither.
void keepExpectedSignature(ServiceError &error, const XmlNode *errorNode = nullptr);

} // namespace cumulus::protocols
