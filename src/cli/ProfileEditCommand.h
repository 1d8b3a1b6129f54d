#pragma once

#include "util/Environment.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// The editing actions of `cumulus-cli profiles`, for scripts and tests; each edits the files in
// place (only the lines concerned), atomically, refusing a file changed meanwhile:
//   set NAME KEY VALUE [--file credentials|config]   VALUE '-' reads one line from standard input
//   unset NAME KEY [--file credentials|config]       (default: both files)
//   delete NAME                                      (both files)
//   rename OLD NEW                                   (both files, and source_profile = OLD)
//   undo --file credentials|config                   (puts the file as it was before the last save)
//   to-keychain NAME                                 (the keys into the OS keychain, credential_process in their place)
//   from-keychain NAME                               (and back)
// Without --file, set writes keys and tokens to the credentials file, everything else to the
// config file, as `aws configure set`. Values are never printed.
bool isProfileEditAction(const std::string &action);
int runProfileEditCommand(const std::string &action, const std::vector<std::string> &arguments,
                          const util::Environment &environment, std::istream &in, std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
