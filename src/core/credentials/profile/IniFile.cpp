#include "credentials/profile/IniFile.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace cumulus::credentials {

namespace {

std::string trim(const std::string &s)
{
    const auto begin = s.find_first_not_of(" \t\r\f\v");
    if (begin == std::string::npos)
        return {};
    const auto end = s.find_last_not_of(" \t\r\f\v");
    return s.substr(begin, end - begin + 1);
}

std::string lower(std::string s)
{
    for (char &c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct Pending {
    std::string key;
    std::vector<std::string> lines; // the value's lines, first one included
    int line = 0;
    int indent = 0;
};

} // namespace

std::size_t inlineCommentStart(const std::string &value)
{
    for (std::size_t i = 1; i < value.size(); ++i) {
        if ((value[i] == '#' || value[i] == ';') && (value[i - 1] == ' ' || value[i - 1] == '\t'))
            return i;
    }
    return std::string::npos;
}

std::string IniFinding::text() const
{
    return file + ":" + std::to_string(line) + ": " + message;
}

const IniSection *IniFile::section(const std::string &name) const
{
    for (const IniSection &s : sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

IniFile parseIni(const std::string &input, const std::string &fileName)
{
    IniFile file;
    std::string text = input;
    auto finding = [&](IniFinding::Severity severity, int line, std::string message) {
        file.findings.push_back({severity, fileName, line, std::move(message)});
    };
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
        text.erase(0, 3);
        finding(IniFinding::Severity::Warning, 1, "the file starts with a byte-order mark, which the AWS CLI cannot read");
    }

    std::vector<IniSection> sections;
    IniSection defaults; // [DEFAULT]: configparser hands its keys to every section
    IniSection *current = nullptr;
    std::set<std::string> seenSections;
    std::set<std::pair<std::string, std::string>> seenKeys;
    std::optional<Pending> pending;
    int lineNumber = 0;

    auto finish = [&] {
        if (!pending || !current)
            return;
        // configparser drops trailing empty lines, then botocore reads a value that starts with a
        // line break as a nested block.
        while (pending->lines.size() > 1 && pending->lines.back().empty())
            pending->lines.pop_back();
        IniProperty property;
        property.key = pending->key;
        property.line = pending->line;
        if (pending->lines.size() > 1 && pending->lines.front().empty()) {
            std::map<std::string, std::string> nested;
            for (std::size_t i = 1; i < pending->lines.size(); ++i) {
                const std::string &l = pending->lines[i];
                if (l.empty())
                    continue;
                const std::size_t eq = l.find('=');
                if (eq == std::string::npos) {
                    finding(IniFinding::Severity::Error, pending->line,
                            "'" + l + "' in the " + pending->key + " block is not key = value; the line is skipped");
                    continue;
                }
                nested[trim(l.substr(0, eq))] = trim(l.substr(eq + 1));
            }
            property.value = std::move(nested);
        } else {
            std::string joined;
            for (std::size_t i = 0; i < pending->lines.size(); ++i)
                joined += (i ? "\n" : "") + pending->lines[i];
            property.value = std::move(joined);
        }
        auto &props = current->properties;
        const auto existing = std::find_if(props.begin(), props.end(), [&](const IniProperty &p) { return p.key == property.key; });
        if (existing != props.end())
            *existing = std::move(property);
        else
            props.push_back(std::move(property));
        pending.reset();
    };

    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::string stripped = trim(line);
        if (stripped.empty()) {
            if (pending)
                pending->lines.push_back({});
            continue;
        }
        if (stripped[0] == '#' || stripped[0] == ';')
            continue; // a comment line, even inside a continued value (configparser)
        const int indent = int(line.find_first_not_of(" \t"));
        if (pending && indent > pending->indent) {
            pending->lines.push_back(stripped); // a continuation: comments are not stripped here
            continue;
        }
        finish();
        if (stripped[0] == '[') {
            const std::size_t close = stripped.rfind(']');
            if (close == std::string::npos || close == 1) {
                finding(IniFinding::Severity::Error, lineNumber, "'" + stripped + "' is not a [section] line; the line is skipped");
                current = nullptr;
                continue;
            }
            const std::string name = stripped.substr(1, close - 1);
            const std::string after = trim(stripped.substr(close + 1));
            if (!after.empty() && after[0] != '#' && after[0] != ';')
                finding(IniFinding::Severity::Warning, lineNumber, "text after the section's ']' is ignored");
            if (name == "DEFAULT") {
                current = &defaults;
                finding(IniFinding::Severity::Warning, lineNumber,
                        "[DEFAULT] is not a profile: the AWS CLI's parser gives its keys to every section");
                continue;
            }
            if (!seenSections.insert(name).second)
                finding(IniFinding::Severity::Warning, lineNumber,
                        "[" + name + "] appears twice: its keys are merged (the AWS CLI refuses the file)");
            auto it = std::find_if(sections.begin(), sections.end(), [&](const IniSection &s) { return s.name == name; });
            if (it == sections.end()) {
                sections.push_back({name, lineNumber, {}});
                it = sections.end() - 1;
            }
            current = &*it;
            continue;
        }
        if (!current) {
            finding(IniFinding::Severity::Error, lineNumber, "a setting before any [section]; the line is skipped");
            continue;
        }
        const std::size_t delimiter = stripped.find_first_of("=:");
        if (delimiter == std::string::npos || delimiter == 0) {
            finding(IniFinding::Severity::Error, lineNumber,
                    delimiter == 0 ? "a setting without a name; the line is skipped"
                                   : "'" + stripped.substr(0, 40) + "' is not key = value; the line is skipped");
            continue;
        }
        std::string key = lower(trim(stripped.substr(0, delimiter)));
        std::string value = trim(stripped.substr(delimiter + 1));
        if (const std::size_t comment = inlineCommentStart(value); comment != std::string::npos) {
            finding(IniFinding::Severity::Warning, lineNumber,
                    "the comment after " + key + "'s value is dropped; the AWS CLI would keep it as part of the value");
            value = trim(value.substr(0, comment));
        }
        if (!seenKeys.insert({current->name, key}).second)
            finding(IniFinding::Severity::Warning, lineNumber,
                    key + " is set twice in [" + current->name + "]: the last one counts (the AWS CLI refuses the file)");
        pending = Pending{key, {value}, lineNumber, indent};
    }
    finish();

    for (IniSection &s : sections) {
        for (const IniProperty &d : defaults.properties) {
            if (std::none_of(s.properties.begin(), s.properties.end(), [&](const IniProperty &p) { return p.key == d.key; }))
                s.properties.push_back(d);
        }
    }
    file.sections = std::move(sections);
    return file;
}

} // namespace cumulus::credentials
