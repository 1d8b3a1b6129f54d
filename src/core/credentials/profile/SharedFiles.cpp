#include "credentials/profile/SharedFiles.h"

#include "util/Environment.h"
#include "util/ShellWords.h"

#include <QDir>
#include <QFile>

namespace cumulus::credentials {

namespace {

std::string expandHome(const std::string &path, const util::Environment &environment)
{
    if (path == "~" || path.rfind("~/", 0) == 0)
        return environment.homeDirectory().toStdString() + path.substr(1);
    return path;
}

std::string readFile(const std::string &path, std::vector<IniFinding> &findings)
{
    QFile file(QString::fromStdString(path));
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        findings.push_back({IniFinding::Severity::Error, path, 0, "cannot be read: " + file.errorString().toStdString()});
        return {};
    }
    return file.readAll().toStdString();
}

// botocore's _parse_section: shlex.split of the section name must give exactly two words.
std::optional<std::string> secondWord(const std::string &section)
{
    const auto words = util::shellWords(section);
    if (!words || words->size() != 2)
        return std::nullopt; // an unclosed quote (shlex fails) or another count: botocore skips the section
    return (*words)[1].toStdString();
}

std::map<std::string, IniValue> valuesOf(const IniSection &section, const std::string &file,
                                         std::map<std::string, std::string> &sources)
{
    std::map<std::string, IniValue> values;
    for (const IniProperty &p : section.properties) {
        values[p.key] = p.value;
        sources[p.key] = file + ":" + std::to_string(p.line);
    }
    return values;
}

} // namespace

std::optional<std::string> profileOfSection(const std::string &section, bool configFile)
{
    if (!configFile)
        return section == "DEFAULT" ? std::nullopt : std::optional<std::string>(section);
    if (section == "default")
        return section;
    if (section.rfind("profile", 0) == 0)
        return secondWord(section);
    return std::nullopt;
}

std::optional<std::string> Profile::value(const std::string &key) const
{
    const auto it = values.find(key);
    if (it == values.end())
        return std::nullopt;
    const std::string *text = std::get_if<std::string>(&it->second);
    if (!text || text->empty())
        return std::nullopt;
    return *text;
}

const std::map<std::string, std::string> *Profile::block(const std::string &key) const
{
    const auto it = values.find(key);
    return it == values.end() ? nullptr : std::get_if<std::map<std::string, std::string>>(&it->second);
}

std::string SharedFiles::configPath(const util::Environment &environment)
{
    if (const auto v = environment.value("AWS_CONFIG_FILE"); v && !v->isEmpty())
        return expandHome(v->toStdString(), environment);
    return environment.homeDirectory().toStdString() + "/.aws/config";
}

std::string SharedFiles::credentialsPath(const util::Environment &environment)
{
    if (const auto v = environment.value("AWS_SHARED_CREDENTIALS_FILE"); v && !v->isEmpty())
        return expandHome(v->toStdString(), environment);
    return environment.homeDirectory().toStdString() + "/.aws/credentials";
}

SharedFiles SharedFiles::load(const util::Environment &environment)
{
    std::vector<IniFinding> readProblems;
    const std::string config = configPath(environment), credentials = credentialsPath(environment);
    SharedFiles files = fromTexts(readFile(config, readProblems), config, readFile(credentials, readProblems), credentials);
    files.m_findings.insert(files.m_findings.begin(), readProblems.begin(), readProblems.end());
    return files;
}

SharedFiles SharedFiles::fromTexts(const std::string &configText, const std::string &configName,
                                   const std::string &credentialsText, const std::string &credentialsName)
{
    SharedFiles files;
    const IniFile config = parseIni(configText, configName);
    const IniFile credentials = parseIni(credentialsText, credentialsName);
    files.m_findings = config.findings;
    files.m_findings.insert(files.m_findings.end(), credentials.findings.begin(), credentials.findings.end());

    // The config file, as botocore's build_profile_map: [default], [profile NAME], [sso-session
    // NAME], [services NAME]; a later section of the same profile replaces an earlier one.
    for (const IniSection &section : config.sections) {
        std::map<std::string, std::string> sources;
        if (section.name == "default") {
            Profile p{"default", valuesOf(section, configName, sources), sources};
            files.m_profiles[p.name] = std::move(p);
        } else if (section.name.rfind("profile", 0) == 0) {
            const auto name = secondWord(section.name);
            if (!name) {
                files.m_findings.push_back({IniFinding::Severity::Warning, configName, section.line,
                                            "[" + section.name + "] is not a profile: write [profile NAME]"});
                continue;
            }
            Profile p{*name, valuesOf(section, configName, sources), sources};
            files.m_profiles[*name] = std::move(p);
        } else if (section.name.rfind("sso-session", 0) == 0) {
            if (const auto name = secondWord(section.name))
                files.m_ssoSessions[*name] = valuesOf(section, configName, sources);
        } else if (section.name.rfind("services", 0) == 0) {
            if (const auto name = secondWord(section.name))
                files.m_services[*name] = valuesOf(section, configName, sources);
        } else {
            files.m_findings.push_back({IniFinding::Severity::Warning, configName, section.line,
                                        "[" + section.name + "] is not a profile: in the config file a profile is [profile " + section.name + "]"});
        }
    }
    // The credentials file: every section is a profile, named as written; its keys win.
    for (const IniSection &section : credentials.sections) {
        if (section.name.rfind("profile ", 0) == 0)
            files.m_findings.push_back({IniFinding::Severity::Warning, credentialsName, section.line,
                                        "[" + section.name + "] in the credentials file is the profile '" + section.name
                                            + "', not '" + section.name.substr(8) + "': the credentials file takes bare names"});
        Profile &p = files.m_profiles[section.name];
        p.name = section.name;
        for (const IniProperty &property : section.properties) {
            p.values[property.key] = property.value;
            p.sources[property.key] = credentialsName + ":" + std::to_string(property.line);
        }
    }
    return files;
}

const Profile *SharedFiles::profile(const std::string &name) const
{
    const auto it = m_profiles.find(name);
    return it == m_profiles.end() ? nullptr : &it->second;
}

std::string SharedFiles::selectedProfile(const std::string &asked, const util::Environment &environment)
{
    if (!asked.empty())
        return asked;
    for (const char *name : {"AWS_PROFILE", "AWS_DEFAULT_PROFILE"}) {
        if (const auto v = environment.value(QString::fromLatin1(name)); v && !v->isEmpty())
            return v->toStdString();
    }
    return "default";
}

std::map<std::string, std::string> SharedFiles::settingsOf(const std::string &profileName) const
{
    std::map<std::string, std::string> settings;
    const Profile *p = profile(profileName);
    if (!p)
        return settings;
    for (const auto &[key, value] : p->values) {
        if (const std::string *text = std::get_if<std::string>(&value)) {
            settings[key] = *text;
        } else {
            for (const auto &[subKey, subValue] : std::get<std::map<std::string, std::string>>(value))
                settings[key + "." + subKey] = subValue;
        }
    }
    if (const auto servicesName = p->value("services")) {
        if (const auto it = m_services.find(*servicesName); it != m_services.end()) {
            for (const auto &[service, block] : it->second) {
                if (const auto *entries = std::get_if<std::map<std::string, std::string>>(&block)) {
                    for (const auto &[key, value] : *entries)
                        settings["services." + service + "." + key] = value;
                }
            }
        }
    }
    return settings;
}

} // namespace cumulus::credentials
