#pragma once

#include <string>
#include <string_view>

namespace cumulus::sigv4 {

// RFC 3986 percent-encoding as SigV4 defines it: every byte except A-Z a-z 0-9 - . _ ~ becomes
// %XX with uppercase hex; with keepSlash, '/' is kept too (paths). A space is %20, never '+'.
void appendUriEncoded(std::string &out, std::string_view text, bool keepSlash);
std::string uriEncode(std::string_view text, bool keepSlash = false);

// Decodes %XX sequences; a '%' not followed by two hex digits is kept as it is, and '+' stays '+'.
std::string uriDecode(std::string_view text);

// True when text is already in SigV4's canonical encoding (decoding and encoding again gives it
// back), which lets the hot path skip the round trip.
// With querySeparators, '&' and '=' may appear as they are (a whole query string).
bool isCanonicallyEncoded(std::string_view text, bool querySeparators = false);

// RFC 3986 section 5.2.4 dot-segment removal, plus what AWS services also require: empty segments
// (repeated slashes) are dropped. A leading and a trailing slash are kept; "" becomes "/".
// This is botocore's remove_dot_segments.
std::string removeDotSegments(std::string_view path);

// False when removeDotSegments would return path unchanged (no "//", "." or ".." segment).
bool needsDotSegmentRemoval(std::string_view path);

} // namespace cumulus::sigv4
