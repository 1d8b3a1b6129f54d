#pragma once

#include "util/Clock.h"
#include "util/Environment.h"
#include "util/Random.h"
#include "util/Sleeper.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace cumulus::cli {

// `cumulus-cli profiles rotate-key NAME [--delete-old]`: the profile's IAM access key rotated
// (credentials/rotation/KeyRotation.h): a new key made, tested, written where the profile keeps
// its keys (the credentials file or the OS keychain), the old key deactivated, and with
// --delete-old deleted. A failed step undoes the ones before it.
// `cumulus-cli profiles delete-key NAME KEYID`: deletes an inactive key of the profile's user (the
// last step, later, once nothing uses the old key).
bool isKeyRotationAction(const std::string &action);
int runKeyRotationCommand(const std::string &action, const std::vector<std::string> &arguments,
                          const util::Environment &environment, const util::Clock &clock, util::Random &random,
                          util::Sleeper &sleeper, std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
