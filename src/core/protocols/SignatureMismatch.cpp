#include "protocols/SignatureMismatch.h"

#include "protocols/XmlNode.h"

namespace cumulus::protocols {

namespace {

// The text between `'` after `intro` and the `'` that ends it: the one before `next`, or the last.
std::string quotedAfter(const std::string &message, std::string_view intro, std::string_view next)
{
    const std::size_t at = message.find(intro);
    if (at == std::string::npos)
        return {};
    const std::size_t open = message.find('\'', at + intro.size());
    if (open == std::string::npos)
        return {};
    std::size_t end = next.empty() ? std::string::npos : message.find(next, open + 1);
    const std::size_t close = message.rfind('\'', end == std::string::npos ? std::string::npos : end);
    if (close == std::string::npos || close <= open)
        return {};
    return message.substr(open + 1, close - open - 1);
}

} // namespace

void keepExpectedSignature(ServiceError &error, const XmlNode *errorNode)
{
    if (errorNode) {
        if (const XmlNode *canonical = errorNode->child("CanonicalRequest"))
            error.expectedCanonicalRequest = canonical->text.toStdString();
        if (const XmlNode *stringToSign = errorNode->child("StringToSign"))
            error.expectedStringToSign = stringToSign->text.toStdString();
    }
    if (error.expectedCanonicalRequest.empty())
        error.expectedCanonicalRequest = quotedAfter(error.message, "Canonical String for this request should have been",
                                                     "The String-to-Sign should have been");
    if (error.expectedStringToSign.empty())
        error.expectedStringToSign = quotedAfter(error.message, "String-to-Sign should have been", {});
}

} // namespace cumulus::protocols
