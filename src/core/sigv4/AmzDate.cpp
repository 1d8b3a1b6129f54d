#include "sigv4/AmzDate.h"

namespace cumulus::sigv4 {

std::string formatAmzDate(std::chrono::sys_seconds time)
{
    using namespace std::chrono;
    const auto day = floor<days>(time);
    const year_month_day ymd{day};
    const hh_mm_ss hms{time - day};
    std::string out(16, '0');
    auto put = [&out](std::size_t pos, int width, long long value) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            out[pos + std::size_t(i)] = char('0' + value % 10);
    };
    put(0, 4, int(ymd.year()));
    put(4, 2, unsigned(ymd.month()));
    put(6, 2, unsigned(ymd.day()));
    out[8] = 'T';
    put(9, 2, hms.hours().count());
    put(11, 2, hms.minutes().count());
    put(13, 2, hms.seconds().count());
    out[15] = 'Z';
    return out;
}

std::optional<std::chrono::sys_seconds> parseAmzDate(std::string_view text)
{
    using namespace std::chrono;
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z')
        return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len) -> int {
        int value = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int y = number(0, 4), mo = number(4, 2), d = number(6, 2);
    const int h = number(9, 2), mi = number(11, 2), s = number(13, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || h > 23 || mi > 59 || s > 59)
        return std::nullopt;
    const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return sys_days{ymd} + hours{h} + minutes{mi} + seconds{s};
}

} // namespace cumulus::sigv4
