#include "model/ServiceSummary.h"

#include "model/JsonText.h"
#include "model/Shape.h"

#include <QJsonObject>

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

std::string sdkIdOf(const Shape &service)
{
    std::string id;
    if (const Trait *t = service.trait("aws.api#service"))
        id = jsonStringMember(t->json, "sdkId").value_or(std::string());
    return id.empty() ? std::string(service.id.name()) : id;
}

} // namespace cumulus::model
