#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cumulus::fuzz {

// libFuzzer's bytes, split into the parts a target needs: the first byte picks a mode, the rest
// splits at NUL bytes (missing parts are empty).
struct FuzzInput {
    std::uint8_t mode = 0;
    std::string_view rest;

    FuzzInput(const std::uint8_t *data, std::size_t size)
    {
        if (size > 0) {
            mode = data[0];
            rest = std::string_view(reinterpret_cast<const char *>(data) + 1, size - 1);
        }
    }

    std::vector<std::string> parts(std::size_t count) const
    {
        std::vector<std::string> out(count);
        std::string_view text = rest;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t nul = i + 1 < count ? text.find('\0') : std::string_view::npos;
            out[i] = std::string(text.substr(0, nul));
            if (nul == std::string_view::npos)
                break;
            text.remove_prefix(nul + 1);
        }
        return out;
    }
};

} // namespace cumulus::fuzz
