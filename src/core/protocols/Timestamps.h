#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cumulus::protocols {

// Smithy's three timestamp formats, between text and seconds since the epoch (with fractions).
std::optional<double> parseDateTime(std::string_view text);  // RFC 3339 / ISO 8601, any offset
std::optional<double> parseHttpDate(std::string_view text);  // IMF-fixdate "Tue, 29 Apr 2014 18:30:38 GMT"
std::string formatDateTime(double epochSeconds);              // "2014-04-29T18:30:38Z", fractions kept
std::string formatHttpDate(double epochSeconds);              // "Tue, 29 Apr 2014 18:30:38 GMT"
std::string formatEpochSeconds(double epochSeconds);          // "1398796238" or "1398796238.123"

} // namespace cumulus::protocols
