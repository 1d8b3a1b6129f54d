#pragma once

#include "util/Expected.h"

#include <QString>

#include <optional>
#include <string>

namespace cumulus::credentials {

// The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux: GNOME
// Keyring, KWallet) through QtKeychain, under one service name. Blocking: each call runs its job to
// the end in a local event loop (a QCoreApplication must exist). Never the insecure plain-file
// fallback. Errors are one sentence, and never hold the secret.
class Keychain {
public:
    explicit Keychain(QString service = QStringLiteral("Cumulus"));

    util::Expected<std::optional<std::string>> read(const std::string &key) const; // nullopt: no entry
    std::optional<util::Error> write(const std::string &key, const std::string &secret) const;
    std::optional<util::Error> remove(const std::string &key) const; // no entry is fine

private:
    QString m_service;
};

} // namespace cumulus::credentials
