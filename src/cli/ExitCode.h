#pragma once

namespace cumulus::cli {

// The AWS CLI v2's exit codes, so scripts can treat both tools alike.
enum ExitCode : int {
    Success = 0,
    ServiceError = 254, // the service answered with an error
    UsageError = 252, // bad or missing arguments
    ConfigurationError = 253, // configuration or credentials
    GeneralError = 255,
};

} // namespace cumulus::cli
