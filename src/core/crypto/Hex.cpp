#include "crypto/Hex.h"

namespace cumulus::crypto {

void appendHex(std::string &out, const unsigned char *data, std::size_t size)
{
    static constexpr char digits[] = "0123456789abcdef";
    const std::size_t start = out.size();
    out.resize(start + 2 * size);
    char *p = out.data() + start;
    for (std::size_t i = 0; i < size; ++i) {
        *p++ = digits[data[i] >> 4];
        *p++ = digits[data[i] & 0x0f];
    }
}

} // namespace cumulus::crypto
