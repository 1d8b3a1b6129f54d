#include "model/OperationSearch.h"

#include <algorithm>

namespace cumulus::model {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// Position of needle (already lowercase) in haystack, ignoring ASCII case; npos if absent.
std::size_t findIgnoringCase(std::string_view haystack, std::string_view needle)
{
    if (needle.size() > haystack.size())
        return std::string_view::npos;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower(haystack[i + k]) == needle[k])
            ++k;
        if (k == needle.size())
            return i;
    }
    return std::string_view::npos;
}

} // namespace

std::vector<OperationHit> searchOperations(const std::vector<ServiceSummary> &services,
                                           std::string_view text)
{
    std::string needle(text);
    std::transform(needle.begin(), needle.end(), needle.begin(), lower);
    std::vector<OperationHit> hits;
    for (const ServiceSummary &service : services) {
        for (const std::string &operation : service.operations) {
            const std::size_t at = findIgnoringCase(operation, needle);
            if (at != std::string_view::npos)
                hits.push_back({&service, &operation,
                                operation.size() == needle.size() ? 0
                                    : at == 0                     ? 1
                                                                  : 2});
        }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const OperationHit &a, const OperationHit &b) { return a.rank < b.rank; });
    return hits;
}

} // namespace cumulus::model
