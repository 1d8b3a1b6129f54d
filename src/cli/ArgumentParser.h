#pragma once

#include "util/Expected.h"

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cumulus::cli {

struct ParsedArguments {
    std::map<std::string, std::vector<std::string>> values; // by the option's first name
    std::vector<std::string> flags;
    std::vector<std::string> positional; // in order

    bool has(const std::string &name) const;
    // The last value given (a repeated option overrides earlier ones, as with argparse).
    std::optional<std::string> last(const std::string &name) const;
    std::vector<std::string> all(const std::string &name) const;
};

// A small argparse-like parser: "--name value", "--name=value", "-H value", flags, repeatable
// options. Errors name the option and never repeat a value (it may be a secret).
class ArgumentParser {
public:
    explicit ArgumentParser(std::string command);

    void addOption(std::vector<std::string> names, std::string valueName, std::string help);
    void addFlag(std::vector<std::string> names, std::string help);
    // Arguments that are not options, in this order; all of them are required.
    void addPositional(std::string name, std::string help);

    util::Expected<ParsedArguments> parse(const std::vector<std::string> &arguments) const;
    std::string usage() const;

private:
    struct Spec {
        std::vector<std::string> names;
        std::string valueName; // empty for a flag
        std::string help;
    };
    const Spec *find(const std::string &name) const;

    std::string m_command;
    std::vector<Spec> m_specs;
    std::vector<std::pair<std::string, std::string>> m_positional; // name, help
};

// What every command does with its parse: the exit code to return at once — 0 once --help has
// printed the usage, or what `usageError` returns for a command line that does not parse — else
// nothing, and the command goes on.
std::optional<int> helpOrError(const ArgumentParser &parser, const util::Expected<ParsedArguments> &parsed,
                               std::ostream &out, const std::function<int(const std::string &)> &usageError);

// The contents of a file an option names ("-": standard input); nullopt when it cannot be read.
std::optional<std::string> readFileArgument(const std::string &path, std::istream &in);

} // namespace cumulus::cli
