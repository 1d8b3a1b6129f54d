#pragma once

#include "credentials/Credentials.h"
#include "credentials/profile/SharedFiles.h"
#include "util/Expected.h"

#include <optional>

namespace cumulus::credentials {

// A profile's own keys: aws_access_key_id and aws_secret_access_key, with aws_session_token (or
// aws_security_token) and aws_account_id. Nothing when the profile has no key id; an error that
// names the profile when it has half a key pair.
std::optional<util::Expected<Credentials>> staticProfileCredentials(const Profile &profile);

} // namespace cumulus::credentials
