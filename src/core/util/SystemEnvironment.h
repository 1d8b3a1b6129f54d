#pragma once

#include "util/Environment.h"

namespace cumulus::util {

class SystemEnvironment final : public Environment {
public:
    std::optional<QString> value(const QString &name) const override;
    QString homeDirectory() const override;
};

} // namespace cumulus::util
