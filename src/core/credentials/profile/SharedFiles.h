#pragma once

#include "credentials/profile/IniFile.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cumulus::util {
class Environment;
}

namespace cumulus::credentials {

// One profile as the AWS CLI sees it: the config file's [profile NAME] (or [default]) with the
// credentials file's [NAME] on top, key by key.
struct Profile {
    std::string name;
    std::map<std::string, IniValue> values;
    std::map<std::string, std::string> sources; // key -> "file:line"

    std::optional<std::string> value(const std::string &key) const; // a plain value, when set and not empty
    const std::map<std::string, std::string> *block(const std::string &key) const; // a nested block
};

// The profile a section is, as botocore's build_profile_map reads it: in the config file
// [default] and [profile NAME] (NAME: the second word of the header, quotes as shlex), in the
// credentials file every section but [DEFAULT]. nullopt: not a profile.
std::optional<std::string> profileOfSection(const std::string &section, bool configFile);

// ~/.aws/config and ~/.aws/credentials, read together.
class SharedFiles {
public:
    // The files' paths: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and
    // ~/.aws/credentials (a leading ~ expands to the home directory).
    static std::string configPath(const util::Environment &environment);
    static std::string credentialsPath(const util::Environment &environment);

    // Reads both (a missing file is an empty one).
    static SharedFiles load(const util::Environment &environment);
    // From texts (tests, the editor's preview).
    static SharedFiles fromTexts(const std::string &config, const std::string &configName,
                                 const std::string &credentials, const std::string &credentialsName);

    const std::map<std::string, Profile> &profiles() const { return m_profiles; }
    const Profile *profile(const std::string &name) const;
    // [sso-session NAME] and [services NAME] blocks of the config file.
    const std::map<std::string, std::map<std::string, IniValue>> &ssoSessions() const { return m_ssoSessions; }
    const std::map<std::string, std::map<std::string, IniValue>> &services() const { return m_services; }
    // Everything worth telling about both files (file:line).
    const std::vector<IniFinding> &findings() const { return m_findings; }

    // The profile a command uses: the one asked for, else AWS_PROFILE, else AWS_DEFAULT_PROFILE
    // (the AWS CLI v2's order), else "default".
    static std::string selectedProfile(const std::string &asked, const util::Environment &environment);

    // A profile's settings as the endpoint and retry layers read them: its plain keys, its nested
    // blocks as "block.key" ("s3.addressing_style"), and its services section's entries as
    // "services.<service>.<key>". Empty when there is no such profile.
    std::map<std::string, std::string> settingsOf(const std::string &profileName) const;

private:
    std::map<std::string, Profile> m_profiles;
    std::map<std::string, std::map<std::string, IniValue>> m_ssoSessions;
    std::map<std::string, std::map<std::string, IniValue>> m_services;
    std::vector<IniFinding> m_findings;
};

} // namespace cumulus::credentials
