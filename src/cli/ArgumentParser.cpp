#include "ArgumentParser.h"

#include <algorithm>
#include <fstream>
#include <istream>
#include <iterator>
#include <sstream>

namespace cumulus::cli {

bool ParsedArguments::has(const std::string &name) const
{
    return std::find(flags.begin(), flags.end(), name) != flags.end() || values.count(name) > 0;
}

std::optional<std::string> ParsedArguments::last(const std::string &name) const
{
    const auto it = values.find(name);
    if (it == values.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::vector<std::string> ParsedArguments::all(const std::string &name) const
{
    const auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

ArgumentParser::ArgumentParser(std::string command)
    : m_command(std::move(command))
{
}

void ArgumentParser::addOption(std::vector<std::string> names, std::string valueName,
                               std::string help)
{
    m_specs.push_back({std::move(names), std::move(valueName), std::move(help)});
}

void ArgumentParser::addFlag(std::vector<std::string> names, std::string help)
{
    m_specs.push_back({std::move(names), {}, std::move(help)});
}

void ArgumentParser::addPositional(std::string name, std::string help)
{
    m_positional.emplace_back(std::move(name), std::move(help));
}

const ArgumentParser::Spec *ArgumentParser::find(const std::string &name) const
{
    for (const Spec &spec : m_specs) {
        if (std::find(spec.names.begin(), spec.names.end(), name) != spec.names.end())
            return &spec;
    }
    return nullptr;
}

util::Expected<ParsedArguments>
ArgumentParser::parse(const std::vector<std::string> &arguments) const
{
    ParsedArguments parsed;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string &argument = arguments[i];
        if (argument.size() < 2 || argument[0] != '-') {
            if (parsed.positional.size() < m_positional.size()) {
                parsed.positional.push_back(argument);
                continue;
            }
            return util::Error{"unexpected argument #" + std::to_string(i + 1)
                               + " (options start with '-'; see --help)"};
        }
        std::string name = argument;
        std::optional<std::string> inlineValue;
        if (argument.rfind("--", 0) == 0) {
            if (const std::size_t eq = argument.find('='); eq != std::string::npos) {
                name = argument.substr(0, eq);
                inlineValue = argument.substr(eq + 1);
            }
        }
        const Spec *spec = find(name);
        if (!spec)
            return util::Error{"unknown option " + name + " (see --help)"};
        const std::string &key = spec->names.front();
        if (spec->valueName.empty()) {
            if (inlineValue)
                return util::Error{key + " takes no value"};
            parsed.flags.push_back(key);
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= arguments.size())
                return util::Error{key + " needs a value (" + spec->valueName + ")"};
            inlineValue = arguments[++i];
        }
        parsed.values[key].push_back(std::move(*inlineValue));
    }
    const bool help =
        std::find(parsed.flags.begin(), parsed.flags.end(), "--help") != parsed.flags.end();
    if (!help && parsed.positional.size() < m_positional.size())
        return util::Error{m_positional[parsed.positional.size()].first + " is required"};
    return parsed;
}

std::string ArgumentParser::usage() const
{
    std::string out = "usage: cumulus-cli " + m_command;
    for (const auto &[name, help] : m_positional)
        out += " " + name;
    out += " [options]\n\n";
    if (!m_positional.empty()) {
        out += "arguments:\n";
        for (const auto &[name, help] : m_positional) {
            std::string left = "  " + name;
            left.resize(std::max<std::size_t>(left.size() + 1, 30), ' ');
            out += left + help + "\n";
        }
        out += "\n";
    }
    out += "options:\n";
    for (const Spec &spec : m_specs) {
        std::string left = "  ";
        for (std::size_t i = 0; i < spec.names.size(); ++i)
            left += (i ? ", " : "") + spec.names[i];
        if (!spec.valueName.empty())
            left += " " + spec.valueName;
        if (left.size() < 30)
            left.resize(30, ' ');
        else
            left += "\n" + std::string(30, ' ');
        out += left + spec.help + "\n";
    }
    return out;
}

std::optional<std::string> readFileArgument(const std::string &path, std::istream &in)
{
    if (path == "-")
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    std::ostringstream content;
    content << file.rdbuf();
    if (file.bad())
        return std::nullopt;
    return content.str();
}

std::optional<int> helpOrError(const ArgumentParser &parser, const util::Expected<ParsedArguments> &parsed,
                               std::ostream &out, const std::function<int(const std::string &)> &usageError)
{
    if (!parsed)
        return usageError(parsed.error().message);
    if (parsed->has("--help")) {
        out << parser.usage();
        return 0;
    }
    return std::nullopt;
}

} // namespace cumulus::cli
