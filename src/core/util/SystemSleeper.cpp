#include "util/Sleeper.h"

#include <thread>

namespace cumulus::util {

bool SystemSleeper::sleep(std::chrono::milliseconds duration, const std::atomic<bool> *cancel)
{
    const auto end = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < end) {
        if (cancel && cancel->load())
            return false;
        const auto left = end - std::chrono::steady_clock::now();
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(20)));
    }
    return !(cancel && cancel->load());
}

} // namespace cumulus::util
