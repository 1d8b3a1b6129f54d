#pragma once

#include <QStringList>

#include <optional>
#include <string>

namespace cumulus::util {

// Python's shlex.split in POSIX mode, as botocore splits a credential_process command
// (compat_shell_split) and a "profile NAME" section header: blanks separate words, quotes group,
// backslashes escape. nullopt for an unclosed quote (shlex fails).
std::optional<QStringList> shellWords(const std::string &command);

} // namespace cumulus::util
