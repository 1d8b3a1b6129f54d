#pragma once

#include "util/Clock.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli sign`: the signing inspector. Same interface and output as
// ../shared/peers/botocore_sign.py, so the two can be diffed:
//   sign --method M --url URL [-H 'Name: value']... [--body TEXT | --body-file F]
//        --region R --service S --access-key AK --secret-key SK [--session-token T]
//        [--timestamp YYYYMMDDTHHMMSSZ] [--presign SECONDS] [--s3] [--unsigned-payload] [--json]
// Returns the process exit code (252 for bad arguments, with a one-line error on err).
int runSignCommand(const std::vector<std::string> &arguments, const util::Clock &clock,
                   std::istream &in, std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
