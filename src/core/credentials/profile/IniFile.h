#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace cumulus::credentials {

// A value in the shared files: text, or a nested block (`s3 =` followed by indented `key = value`
// lines).
using IniValue = std::variant<std::string, std::map<std::string, std::string>>;

struct IniProperty {
    std::string key; // lowercased, as the AWS CLI's parser does
    IniValue value;
    int line = 0;
};

struct IniSection {
    std::string name; // as written between the brackets: "default", "profile dev", "sso-session corp"
    int line = 0;
    std::vector<IniProperty> properties; // in file order; a repeated key keeps its last value
};

// Something a person should know about a file: where and what. Errors are lines that could not be
// read (the rest of the file still is); warnings are lines the AWS CLI would read differently.
struct IniFinding {
    enum class Severity { Warning, Error } severity = Severity::Warning;
    std::string file;
    int line = 0;
    std::string message;
    std::string text() const; // "file:line: message"
};

struct IniFile {
    std::vector<IniSection> sections; // in file order; a repeated section is merged into its first
    std::vector<IniFinding> findings;
    const IniSection *section(const std::string &name) const;
};

// Parses ~/.aws/config or ~/.aws/credentials text as the AWS CLI does (botocore: Python's
// RawConfigParser plus its nested blocks): `#`/`;` comment lines, `key = value` or `key: value`
// split at the first `=` or `:`, keys lowercased, values trimmed, indented lines continuing the
// previous value (joined with "\n"; a value that starts empty is a nested block of `key = value`
// lines), [DEFAULT] keys inherited by every section, a UTF-8 BOM and CRLF line ends accepted.
// Differences, each reported as a finding: an inline comment after whitespace (` # …`, ` ; …`)
// is dropped, as the Java and C++ SDKs do (botocore keeps it in the value); a repeated section or
// key is merged / overwritten (botocore refuses the whole file); a line that cannot be read is
// skipped (botocore refuses the whole file).
// Where an inline comment starts in a value: `#` or `;` after a space or tab; npos when none.
std::size_t inlineCommentStart(const std::string &value);

IniFile parseIni(const std::string &text, const std::string &fileName);

} // namespace cumulus::credentials
