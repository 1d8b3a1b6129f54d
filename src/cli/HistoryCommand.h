#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace cumulus::util {
class Environment;
}

namespace cumulus::cli {

// `cumulus-cli history`: the calls `cumulus-cli call` sent (the app's data folder, history.toml).
//   history list [--search WORDS] [--limit N] [--json]   newest first, numbered from 1
//   history save N COLLECTION PATH                       call N as a request of a collection
//   history clear
// Exit 0; 252 for bad arguments; 255 when the history or the collection cannot be read or written.
int runHistoryCommand(const std::vector<std::string> &arguments, const util::Environment &environment,
                      std::ostream &out, std::ostream &err);

} // namespace cumulus::cli
