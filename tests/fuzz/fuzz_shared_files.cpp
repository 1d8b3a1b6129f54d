// ~/.aws/config and ~/.aws/credentials: the reader (parseIni, SharedFiles' profiles) and the
// in-place editor, whatever the text. An edit must keep the text readable by the same rules.
#include "FuzzInput.h"
#include "credentials/profile/IniFile.h"
#include "credentials/profile/ProfileFileEditor.h"

#include <cstdlib>

using namespace cumulus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fuzz::FuzzInput input(data, size);
    const auto parts = input.parts(3); // text, key, value
    const auto kind = input.mode & 1 ? credentials::SharedFileKind::Config : credentials::SharedFileKind::Credentials;
    const credentials::IniFile ini = credentials::parseIni(parts[0], "fuzz");
    (void)ini;
    credentials::ProfileFileEditor editor(parts[0], kind);
    if (editor.text() != parts[0])
        std::abort(); // reading must not change a byte
    const std::vector<std::string> profiles = editor.profiles();
    const std::string profile = profiles.empty() ? std::string("fuzz") : profiles[input.mode % profiles.size()];
    switch ((input.mode >> 1) % 5) {
    case 0:
        if (auto changed = editor.set(profile, parts[1], parts[2]); changed && *changed) {
            // What was set reads back.
            if (editor.value(profile, parts[1]) != parts[2])
                std::abort();
        }
        break;
    case 1:
        editor.unset(profile, parts[1]);
        break;
    case 2:
        editor.removeProfile(profile);
        break;
    case 3:
        (void)editor.renameProfile(profile, parts[1]);
        break;
    case 4:
        (void)editor.addProfile(parts[1]);
        break;
    }
    (void)credentials::parseIni(editor.text(), "fuzz");
    return 0;
}
