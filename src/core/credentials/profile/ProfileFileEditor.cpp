#include "credentials/profile/ProfileFileEditor.h"

#include "credentials/profile/IniFile.h"
#include "credentials/profile/SharedFiles.h"

#include <algorithm>
#include <cctype>

namespace cumulus::credentials {

namespace {

constexpr std::string_view Bom = "\xEF\xBB\xBF";

std::string trim(std::string_view s)
{
    const auto begin = s.find_first_not_of(" \t\r\f\v");
    if (begin == std::string_view::npos)
        return {};
    const auto end = s.find_last_not_of(" \t\r\f\v");
    return std::string(s.substr(begin, end - begin + 1));
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isIdentifier(std::string_view name)
{
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_-/.%@").find(c) != std::string_view::npos;
    });
}

} // namespace

std::string sectionNameOf(std::string_view profile, SharedFileKind kind)
{
    if (kind == SharedFileKind::Credentials || profile == "default")
        return std::string(profile);
    return "profile " + std::string(profile);
}

std::optional<util::Error> checkProfileName(std::string_view name)
{
    if (!isIdentifier(name))
        return util::Error{"'" + std::string(name) + "' is not a profile name: use letters, digits and _-/.%@"};
    return std::nullopt;
}

std::optional<util::Error> checkKey(std::string_view key)
{
    if (!isIdentifier(key))
        return util::Error{"'" + std::string(key) + "' is not a setting name: use letters, digits and _-/.%@"};
    return std::nullopt;
}

std::optional<util::Error> checkValue(std::string_view key, std::string_view value)
{
    const std::string name(key);
    if (value.empty())
        return util::Error{name + ": an empty value; remove the setting instead"};
    if (value.find_first_of("\r\n") != std::string_view::npos)
        return util::Error{name + ": a value is one line"};
    if (trim(value).size() != value.size())
        return util::Error{name + ": the value starts or ends with a space, which every parser drops"};
    if (inlineCommentStart(std::string(value)) != std::string::npos)
        return util::Error{name + ": ' #' or ' ;' in a value starts a comment for the SDKs but not for the AWS CLI"};
    return std::nullopt;
}

// What the text holds, line by line, read as parseIni reads it.
struct ProfileFileEditor::Scan {
    struct Section {
        std::string name;
        std::optional<std::string> profile;
        std::size_t header = 0;
        std::size_t end = 0; // the next header line, or the line count
    };
    struct Setting {
        std::size_t section = 0; // index in sections
        std::string key;         // lowercased
        std::size_t first = 0, last = 0; // its line and its last continuation line
        std::size_t indent = 0;
    };
    std::vector<Section> sections;
    std::vector<Setting> settings;

    std::vector<std::size_t> sectionsOf(std::string_view profile) const
    {
        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < sections.size(); ++i) {
            if (sections[i].profile && *sections[i].profile == profile)
                found.push_back(i);
        }
        return found;
    }
    // The sections parseIni merges into the profile's: every one with the header of the last
    // section of the profile (in the config file a later [profile x] replaces an earlier [default]-style one).
    std::vector<std::size_t> effectiveSectionsOf(std::string_view profile) const
    {
        const auto all = sectionsOf(profile);
        std::vector<std::size_t> found;
        if (all.empty())
            return found;
        for (std::size_t i = 0; i < sections.size(); ++i) {
            if (sections[i].name == sections[all.back()].name)
                found.push_back(i);
        }
        return found;
    }
};

ProfileFileEditor::ProfileFileEditor(const std::string &text, SharedFileKind kind)
    : m_kind(kind)
{
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        Line line;
        if (end == std::string::npos) {
            line.text = text.substr(start);
            start = text.size();
        } else {
            line.text = text.substr(start, end - start);
            line.ending = "\n";
            if (!line.text.empty() && line.text.back() == '\r') {
                line.text.pop_back();
                line.ending = "\r\n";
            }
            start = end + 1;
        }
        m_lines.push_back(std::move(line));
    }
    for (const Line &line : m_lines) {
        if (!line.ending.empty()) {
            m_newline = line.ending;
            break;
        }
    }
}

std::string ProfileFileEditor::text() const
{
    std::string out;
    for (const Line &line : m_lines)
        out += line.text + line.ending;
    return out;
}

ProfileFileEditor::Scan ProfileFileEditor::scan() const
{
    Scan s;
    std::optional<Scan::Setting> pending;
    std::optional<std::size_t> current;
    auto finish = [&] {
        if (pending)
            s.settings.push_back(*pending);
        pending.reset();
    };
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        std::string_view line = m_lines[i].text;
        if (i == 0 && line.substr(0, Bom.size()) == Bom)
            line.remove_prefix(Bom.size());
        const std::string stripped = trim(line);
        if (stripped.empty() || stripped[0] == '#' || stripped[0] == ';')
            continue;
        const std::size_t indent = line.find_first_not_of(" \t");
        if (pending && indent > pending->indent) {
            pending->last = i;
            continue;
        }
        finish();
        if (stripped[0] == '[') {
            if (!s.sections.empty() && s.sections.back().end == m_lines.size())
                s.sections.back().end = i;
            const std::size_t close = stripped.rfind(']');
            if (close == std::string::npos || close == 1) {
                current.reset();
                continue;
            }
            Scan::Section section;
            section.name = stripped.substr(1, close - 1);
            section.profile = profileOfSection(section.name, m_kind == SharedFileKind::Config);
            section.header = i;
            section.end = m_lines.size();
            s.sections.push_back(std::move(section));
            current = s.sections.size() - 1;
            continue;
        }
        const std::size_t delimiter = stripped.find_first_of("=:");
        if (!current || delimiter == std::string::npos || delimiter == 0)
            continue;
        pending = Scan::Setting{*current, lower(trim(stripped.substr(0, delimiter))), i, i, indent};
    }
    finish();
    return s;
}

std::vector<std::string> ProfileFileEditor::profiles() const
{
    std::vector<std::string> names;
    for (const Scan::Section &section : scan().sections) {
        if (section.profile && std::find(names.begin(), names.end(), *section.profile) == names.end())
            names.push_back(*section.profile);
    }
    return names;
}

std::optional<std::string> ProfileFileEditor::value(std::string_view profile, std::string_view key) const
{
    const Scan s = scan();
    const auto sections = s.sectionsOf(profile);
    if (sections.empty())
        return std::nullopt;
    const IniFile parsed = parseIni(text(), "");
    const IniSection *section = parsed.section(s.sections[sections.back()].name);
    if (!section)
        return std::nullopt;
    const std::string wanted = lower(key);
    for (const IniProperty &p : section->properties) {
        if (p.key == wanted && std::holds_alternative<std::string>(p.value))
            return std::get<std::string>(p.value);
    }
    return std::nullopt;
}

void ProfileFileEditor::insertLines(std::size_t at, std::vector<std::string> texts)
{
    if (texts.empty())
        return;
    const bool atEnd = at == m_lines.size();
    const bool endedWithoutBreak = !m_lines.empty() && m_lines.back().ending.empty();
    if (at > 0 && m_lines[at - 1].ending.empty())
        m_lines[at - 1].ending = m_newline;
    std::vector<Line> lines;
    for (std::string &text : texts)
        lines.push_back({std::move(text), m_newline});
    if (atEnd && endedWithoutBreak)
        lines.back().ending.clear(); // the file keeps its missing final line break
    m_lines.insert(m_lines.begin() + std::ptrdiff_t(at), lines.begin(), lines.end());
}

void ProfileFileEditor::eraseLines(std::size_t first, std::size_t last)
{
    const bool toEnd = last + 1 == m_lines.size();
    const bool endedWithoutBreak = m_lines.back().ending.empty();
    m_lines.erase(m_lines.begin() + std::ptrdiff_t(first), m_lines.begin() + std::ptrdiff_t(last + 1));
    if (toEnd && endedWithoutBreak && !m_lines.empty())
        m_lines.back().ending.clear();
}

namespace {

bool isComment(std::string_view text)
{
    const std::string stripped = trim(text);
    return !stripped.empty() && (stripped[0] == '#' || stripped[0] == ';');
}

bool isBlank(std::string_view text)
{
    return trim(text).empty();
}

// One `key = value` line taken apart: what comes before the value (indent, key, delimiter and the
// space after it), the value, and an inline comment.
struct SettingLine {
    std::string head;
    std::string value;
    std::string comment;
};

SettingLine split(std::string_view text)
{
    SettingLine parts;
    const std::size_t delimiter = text.find_first_of("=:");
    std::size_t valueStart = text.find_first_not_of(" \t", delimiter + 1);
    if (valueStart == std::string_view::npos)
        valueStart = text.size();
    parts.head = std::string(text.substr(0, valueStart));
    std::string rest(text.substr(valueStart));
    if (const std::size_t comment = inlineCommentStart(rest); comment != std::string::npos) {
        parts.comment = trim(rest.substr(comment));
        rest = rest.substr(0, comment);
    }
    parts.value = trim(rest);
    if (rest.empty() && !parts.head.empty() && parts.head.back() != ' ' && parts.head.back() != '\t'
        && delimiter > 0 && text[delimiter - 1] == ' ')
        parts.head += ' '; // "key =" with nothing after it: "key = value"
    return parts;
}

} // namespace

util::Expected<bool> ProfileFileEditor::set(std::string_view profile, std::string_view key, std::string_view value)
{
    for (const auto &problem : {checkProfileName(profile), checkKey(key), checkValue(key, value)}) {
        if (problem)
            return *problem;
    }
    const std::string wanted = lower(key);
    const Scan s = scan();
    const auto sections = s.effectiveSectionsOf(profile);

    // The spelling of a new line: the last plain setting's (of the section, else of the file).
    auto styleOf = [&](std::optional<std::size_t> section) -> std::pair<std::string, std::string> {
        const Scan::Setting *model = nullptr;
        for (const Scan::Setting &setting : s.settings) {
            if ((!section || setting.section == *section) && setting.first == setting.last
                && !split(m_lines[setting.first].text).value.empty())
                model = &setting;
        }
        if (!model)
            return {"", " = "};
        const std::string &text = m_lines[model->first].text;
        const std::string head = split(text).head;
        const std::size_t delimiter = head.find_first_of("=:");
        const std::size_t keyEnd = head.find_last_not_of(" \t", delimiter - 1) + 1;
        return {text.substr(0, model->indent), head.substr(keyEnd)};
    };

    if (sections.empty()) {
        std::vector<std::string> lines;
        if (!m_lines.empty() && !isBlank(m_lines.back().text))
            lines.emplace_back();
        lines.push_back("[" + sectionNameOf(profile, m_kind) + "]");
        lines.push_back(wanted + styleOf(std::nullopt).second + std::string(value));
        insertLines(m_lines.size(), std::move(lines));
        return true;
    }

    const Scan::Setting *existing = nullptr;
    for (const Scan::Setting &setting : s.settings) {
        if (setting.key == wanted && std::find(sections.begin(), sections.end(), setting.section) != sections.end())
            existing = &setting;
    }
    if (!existing) {
        const std::size_t section = sections.back();
        const Scan::Setting *previous = nullptr;
        for (const Scan::Setting &setting : s.settings) {
            if (setting.section == section)
                previous = &setting;
        }
        auto [indent, delimiter] = styleOf(section);
        // Indented deeper than the setting it follows, the line would continue it (a nested block's
        // member, or a value's next line) instead of being a setting of its own.
        if (previous && indent.size() > previous->indent)
            indent = m_lines[previous->first].text.substr(0, previous->indent);
        // A deeper line right after it (a header or a line indented for no reason) would become the
        // new key's continuation: the key takes that line's indentation instead. Never deeper than
        // `previous`: such a line would already be its continuation.
        const std::size_t at = (previous ? previous->last : s.sections[section].header) + 1;
        for (std::size_t i = at; i < m_lines.size(); ++i) {
            const std::string &text = m_lines[i].text;
            const std::string stripped = trim(text);
            if (stripped.empty() || stripped[0] == '#' || stripped[0] == ';')
                continue;
            const std::size_t deeper = text.find_first_not_of(" \t");
            if (deeper > indent.size())
                indent = text.substr(0, deeper);
            break;
        }
        insertLines(at, {indent + wanted + delimiter + std::string(value)});
        return true;
    }

    const std::string text = m_lines[existing->first].text; // never the first line: a section comes first
    const SettingLine parts = split(text);
    if (existing->first == existing->last && parts.value == value)
        return false;
    // Continuation lines go (the value is one line now); comment lines among them stay.
    for (std::size_t i = existing->last; i > existing->first; --i) {
        if (!isComment(m_lines[i].text))
            eraseLines(i, i);
    }
    m_lines[existing->first].text = parts.head + std::string(value);
    if (!parts.comment.empty()) // on its own line above: on the setting's line botocore would read it as part of the value
        insertLines(existing->first, {text.substr(0, existing->indent) + parts.comment});
    return true;
}

util::Expected<bool> ProfileFileEditor::addProfile(std::string_view profile)
{
    if (auto problem = checkProfileName(profile))
        return *problem;
    if (!scan().sectionsOf(profile).empty())
        return false;
    std::vector<std::string> lines;
    if (!m_lines.empty() && !isBlank(m_lines.back().text))
        lines.emplace_back();
    lines.push_back("[" + sectionNameOf(profile, m_kind) + "]");
    insertLines(m_lines.size(), std::move(lines));
    return true;
}

bool ProfileFileEditor::unset(std::string_view profile, std::string_view key)
{
    const std::string wanted = lower(key);
    const Scan s = scan();
    const auto sections = s.effectiveSectionsOf(profile);
    bool changed = false;
    for (auto it = s.settings.rbegin(); it != s.settings.rend(); ++it) {
        if (it->key != wanted || std::find(sections.begin(), sections.end(), it->section) == sections.end())
            continue;
        for (std::size_t i = it->last + 1; i-- > it->first;) {
            if (!isComment(m_lines[i].text))
                eraseLines(i, i);
        }
        changed = true;
    }
    return changed;
}

bool ProfileFileEditor::removeProfile(std::string_view profile)
{
    // One section at a time, the last first, each found anew: removing one can take comment lines
    // that closed the section before it, so line numbers from an earlier scan no longer hold.
    bool removed = false;
    for (;;) {
        const Scan s = scan();
        const auto sections = s.sectionsOf(profile);
        if (sections.empty())
            return removed;
        const Scan::Section &section = s.sections[sections.back()];
        std::size_t first = section.header;
        while (first > 0 && isComment(m_lines[first - 1].text))
            --first;
        std::size_t last = section.end - 1;
        if (section.end < m_lines.size()) {
            // A comment block right above the next header belongs to it.
            while (last > section.header && isComment(m_lines[last].text))
                --last;
        } else {
            // The last section: no blank lines left dangling at the end of the file.
            while (first > 0 && isBlank(m_lines[first - 1].text))
                --first;
        }
        eraseLines(first, last);
        removed = true;
    }
}

util::Expected<bool> ProfileFileEditor::renameProfile(std::string_view from, std::string_view to)
{
    if (auto problem = checkProfileName(to))
        return *problem;
    const Scan s = scan();
    const auto sections = s.sectionsOf(from);
    if (sections.empty() || from == to)
        return false;
    if (sections.size() > 1)
        return util::Error{"the profile " + std::string(from) + " has " + std::to_string(sections.size())
                           + " sections here (lines " + std::to_string(s.sections[sections[0]].header + 1) + " and "
                           + std::to_string(s.sections[sections[1]].header + 1)
                           + "); the AWS CLI refuses such a file: merge them first"};
    if (!s.sectionsOf(to).empty())
        return util::Error{"a profile " + std::string(to) + " exists already"};
    std::string &header = m_lines[s.sections[sections[0]].header].text;
    const std::size_t open = header.find('[');
    const std::size_t close = header.rfind(']');
    header = header.substr(0, open + 1) + sectionNameOf(to, m_kind) + header.substr(close);
    for (const Scan::Setting &setting : s.settings) {
        if (setting.key != "source_profile" || setting.first != setting.last)
            continue;
        const std::string text = m_lines[setting.first].text;
        const SettingLine parts = split(text);
        if (parts.value == from)
            m_lines[setting.first].text = parts.head + std::string(to) + (parts.comment.empty() ? "" : " " + parts.comment);
    }
    return true;
}

} // namespace cumulus::credentials
