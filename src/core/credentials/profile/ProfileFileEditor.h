#pragma once

#include "util/Expected.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cumulus::credentials {

enum class SharedFileKind { Config, Credentials };

// The section header a profile has: "default" or "profile NAME" in the config file, "NAME" in the
// credentials file.
std::string sectionNameOf(std::string_view profile, SharedFileKind kind);

// Checks a profile name, a key or a value before it is written; the message says what is wrong.
// Names and keys: [A-Za-z0-9_-/.%@] (the SDKs' valid identifiers). Values: one line, no space at
// either end (the parsers trim it), no ` #` / ` ;` (Cumulus and the SDKs would drop it as a comment,
// botocore would keep it: the file would mean two things).
std::optional<util::Error> checkProfileName(std::string_view name);
std::optional<util::Error> checkKey(std::string_view key);
std::optional<util::Error> checkValue(std::string_view key, std::string_view value);

// Edits the text of ~/.aws/config or ~/.aws/credentials in place, line by line, read with the same
// rules as parseIni: changing a value rewrites only its line (an inline comment on it moves to its
// own line above, so that every parser reads the new value alike); a new key goes after the
// section's last setting, in its indentation and `key = value` spelling; a new profile goes at the
// end. Every other byte stays: comments, blank lines, order, unknown keys, nested blocks, other
// sections, CRLF or LF, a BOM, a missing final line break.
class ProfileFileEditor {
public:
    ProfileFileEditor(const std::string &text, SharedFileKind kind);

    std::string text() const;
    SharedFileKind kind() const { return m_kind; }

    // Profiles with a section here, in file order (each once).
    std::vector<std::string> profiles() const;
    // The value that counts, as Cumulus reads the file (nullopt: not set, or a nested block).
    std::optional<std::string> value(std::string_view profile, std::string_view key) const;

    // Each returns whether the text changed (setting a value it already has changes nothing).
    util::Expected<bool> set(std::string_view profile, std::string_view key, std::string_view value);
    // A new, empty section at the end (false when the profile has one already).
    util::Expected<bool> addProfile(std::string_view profile);
    // Removes every setting of the key in the profile's section; its comments stay.
    bool unset(std::string_view profile, std::string_view key);
    // Removes the profile's sections: each from the comment lines right above its header to its
    // last line; a comment right above the next header stays with that section.
    bool removeProfile(std::string_view profile);
    // Renames the section, and every `source_profile = FROM` of this file. Refused when TO exists
    // here, or when FROM has more than one section (the AWS CLI refuses such a file).
    util::Expected<bool> renameProfile(std::string_view from, std::string_view to);

private:
    struct Line {
        std::string text;   // without its line end (a BOM stays in the first line's text)
        std::string ending; // "\n", "\r\n", or "" for a last line without one
    };
    struct Scan;
    Scan scan() const;
    void insertLines(std::size_t at, std::vector<std::string> texts);
    void eraseLines(std::size_t first, std::size_t last); // [first, last]

    std::vector<Line> m_lines;
    std::string m_newline = "\n";
    SharedFileKind m_kind;
};

} // namespace cumulus::credentials
