#pragma once

#include "credentials/Credentials.h"
#include "util/Clock.h"
#include "util/Expected.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace cumulus::credentials {

// Credentials that expire (an assumed role, a process's), refreshed as the SDKs refresh them
// (botocore RefreshableCredentials): from 15 minutes before expiry a refresh starts in the
// background while the current credentials keep serving; from 10 minutes before, callers wait for
// fresh ones. Credentials without an expiry are fetched once. Thread-safe.
class RefreshingCredentials {
public:
    using Fetch = std::function<util::Expected<Credentials>()>;
    // Runs a task off the caller's thread (the window: a thread pool; tests: by hand).
    using Background = std::function<void(std::function<void()>)>;

    static constexpr std::chrono::minutes AdvisoryWindow{15};
    static constexpr std::chrono::minutes MandatoryWindow{10};

    RefreshingCredentials(Fetch fetch, const util::Clock &clock, Background background);

    // Credentials to sign with now.
    util::Expected<Credentials> get();

    // The last background refresh's failure (the current credentials kept serving), if any.
    std::optional<std::string> lastBackgroundError() const;

private:
    util::Expected<Credentials> refreshNow(std::unique_lock<std::mutex> &lock);

    Fetch m_fetch;
    const util::Clock &m_clock;
    Background m_background;
    mutable std::mutex m_mutex;
    std::condition_variable m_refreshed;
    std::optional<Credentials> m_current;
    bool m_refreshing = false;
    std::optional<std::string> m_backgroundError;
};

} // namespace cumulus::credentials
