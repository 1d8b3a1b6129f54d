#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cumulus::sigv4 {

// The SigV4 timestamp, "YYYYMMDD'T'HHMMSS'Z'" in UTC (X-Amz-Date).
std::string formatAmzDate(std::chrono::sys_seconds time);

// Parses exactly "YYYYMMDDTHHMMSSZ" with a valid calendar date and time; nullopt otherwise.
std::optional<std::chrono::sys_seconds> parseAmzDate(std::string_view text);

} // namespace cumulus::sigv4
