#include "protocols/UnreadableBody.h"

#include <cstdio>

namespace cumulus::protocols {

std::optional<std::size_t> firstInvalidUtf8(std::string_view text)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        std::size_t length;
        unsigned char low = 0x80, high = 0xBF; // the allowed range of the second byte
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90; // overlong
            else if (c == 0xF4)
                high = 0x8F; // past U+10FFFF
        } else {
            return i;
        }
        if (i + length > n || s[i + 1] < low || s[i + 1] > high)
            return i;
        for (std::size_t k = 2; k < length; ++k) {
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::string unreadableBodyHint(const net::HttpResponse &response)
{
    if (const net::Header *encoding = response.header("Content-Encoding")) {
        if (!encoding->value.empty() && encoding->value != "identity")
            return "; the body is Content-Encoding: " + encoding->value
                + ", which was not asked for (Cumulus asks for identity and, as the AWS SDKs, does not decode it)";
    }
    if (const auto bad = firstInvalidUtf8(response.body)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", unsigned(static_cast<unsigned char>(response.body[*bad])));
        return "; the body is not valid UTF-8 (byte " + std::to_string(*bad) + " is " + byte + ")";
    }
    return {};
}

} // namespace cumulus::protocols
