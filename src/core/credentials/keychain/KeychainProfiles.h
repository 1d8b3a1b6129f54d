#pragma once

#include "credentials/Credentials.h"
#include "util/Expected.h"

#include <optional>
#include <string>

namespace cumulus::credentials {

class Keychain;

// A profile's keys kept in the OS keychain instead of the credentials file: one entry
// "profile:NAME" holding {"AccessKeyId", "SecretAccessKey"[, "SessionToken"]} as JSON, and in the
// file, where the keys were, `credential_process = CLI credential-process --profile NAME` — so the
// AWS CLI and every SDK still get the keys, through Cumulus.

// The command line written for a profile (the path quoted when it holds a space).
std::string keychainCredentialProcess(const std::string &cliPath, const std::string &profile);
// Whether a credential_process value is that command for this profile.
bool isKeychainCredentialProcess(const std::string &command, const std::string &profile);

// Moves the keys of the profile's credentials-file section into the keychain (stored, read back,
// then the file saved; any failure leaves the file as it was and the keychain without the entry).
std::optional<util::Error> moveKeysToKeychain(const Keychain &keychain, const std::string &credentialsPath,
                                              const std::string &profile, const std::string &cliPath);
// The reverse: the keys back into the file, then the keychain entry removed.
std::optional<util::Error> moveKeysToFile(const Keychain &keychain, const std::string &credentialsPath,
                                          const std::string &profile);
// Stores (or replaces) the keys the keychain holds for a profile.
std::optional<util::Error> storeKeychainCredentials(const Keychain &keychain, const std::string &profile,
                                                    const Credentials &keys);
// The keys the keychain holds for a profile.
util::Expected<Credentials> keychainCredentials(const Keychain &keychain, const std::string &profile);

} // namespace cumulus::credentials
