#pragma once

#include <QString>

#include <optional>

namespace cumulus::util {

// Process environment and home directory, injected so that tests never read or change the real
// ones (AWS_PROFILE, AWS_CONFIG_FILE, ~/.aws, ...).
class Environment {
public:
    virtual ~Environment() = default;

    // The variable's value, or nullopt when it is not set (set-but-empty gives an empty string).
    virtual std::optional<QString> value(const QString &name) const = 0;

    // The user's home directory, as the AWS CLI finds it (HOME, then the platform's notion).
    virtual QString homeDirectory() const = 0;
};

} // namespace cumulus::util
