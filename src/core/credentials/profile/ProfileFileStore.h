#pragma once

#include "credentials/profile/ProfileFileEditor.h"
#include "util/Expected.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cumulus::credentials {

// A shared file as it was read for editing.
struct ProfileFileSnapshot {
    std::string path;
    std::string text;
    bool existed = false;
};

// Reads a shared file for editing (a missing file is an empty one that does not exist yet).
util::Expected<ProfileFileSnapshot> readForEditing(const std::string &path);

// Writes the edited text in place of the snapshot: refused when the file on disk is no longer what
// was read (someone else changed it: read again, edit again); atomic (a temporary file renamed
// over the old one), through a symbolic link to its target; the old permissions kept, 0600 for a
// new file (its new folder 0700). The text it replaces is kept in PATH.cumulus-backup (same
// permissions) for undoLastSave.
std::optional<util::Error> saveEdited(const ProfileFileSnapshot &snapshot, const std::string &text);

// Puts the backup back and keeps what it replaces as the new backup (an undo can be undone).
std::optional<util::Error> undoLastSave(const std::string &path);

std::string backupPathOf(const std::string &path);

// Read, edit, save in one go: sets (or, for nullopt, removes) these keys of one profile in one
// file. What "Save as profile" and other one-shot writers use.
std::optional<util::Error> setProfileValues(const std::string &path, SharedFileKind kind, const std::string &profile,
                                            const std::vector<std::pair<std::string, std::optional<std::string>>> &values);

} // namespace cumulus::credentials
