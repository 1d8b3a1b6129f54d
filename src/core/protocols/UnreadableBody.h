#pragma once

#include "net/HttpResponse.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cumulus::protocols {

// Why a body that did not parse may not have, for the error: a Content-Encoding that was not asked
// for (Cumulus asks for identity and, as botocore, does not decode anything else), or bytes that are
// not UTF-8. Empty when neither; else starts with "; ".
std::string unreadableBodyHint(const net::HttpResponse &response);

// The offset of the first byte that does not begin a valid UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF are invalid); nullopt when all of `text` is UTF-8.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

} // namespace cumulus::protocols
