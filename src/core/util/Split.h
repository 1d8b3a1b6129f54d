#pragma once

#include <string_view>
#include <type_traits>

namespace cumulus::util {

// Calls visit(part) for each part of text between separators, empty parts included ("a//b" has
// three parts; "" has one). A visitor that returns bool stops the walk by returning false.
template <typename Visit> void forEachPart(std::string_view text, char separator, Visit &&visit)
{
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view part = text.substr(start, end - start);
        if constexpr (std::is_same_v<std::invoke_result_t<Visit, std::string_view>, bool>) {
            if (!visit(part))
                return;
        } else {
            visit(part);
        }
        if (end == text.size())
            return;
        start = end + 1;
    }
}

} // namespace cumulus::util
