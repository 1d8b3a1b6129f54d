#pragma once

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace cumulus::util {

// Last line of defence for text that leaves the process (errors, logs): every known secret in it
// is replaced by "****". Code should not put secrets in messages to begin with; this catches what
// slips through (an argument echoed back, a server that repeats a header).
class Redactor {
public:
    static constexpr std::string_view Mask = "****";

    // Secrets shorter than 4 characters are ignored: masking them would garble ordinary text.
    void addSecret(std::string_view secret);

    std::string redact(std::string_view text) const;
    QString redact(const QString &text) const;

private:
    std::vector<std::string> m_secrets; // longest first, so that a secret containing another wins
};

} // namespace cumulus::util
