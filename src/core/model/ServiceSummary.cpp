#include "model/ServiceSummary.h"

namespace cumulus::model {

std::string ServiceSummary::cliName(const std::string &sdkId)
{
    std::string out;
    for (const char c : sdkId) {
        if (c == ' ' || c == '_')
            out.push_back('-');
        else if (c >= 'A' && c <= 'Z')
            out.push_back(char(c - 'A' + 'a'));
        else
            out.push_back(c);
    }
    return out;
}

} // namespace cumulus::model
