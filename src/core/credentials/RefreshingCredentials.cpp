#include "credentials/RefreshingCredentials.h"

namespace cumulus::credentials {

RefreshingCredentials::RefreshingCredentials(Fetch fetch, const util::Clock &clock, Background background)
    : m_fetch(std::move(fetch)), m_clock(clock), m_background(std::move(background))
{
}

util::Expected<Credentials> RefreshingCredentials::refreshNow(std::unique_lock<std::mutex> &lock)
{
    // Someone else is already refreshing: wait for them rather than ask twice.
    if (m_refreshing) {
        m_refreshed.wait(lock, [this] { return !m_refreshing; });
        if (m_current && (!m_current->expiration || *m_current->expiration - m_clock.now() >= MandatoryWindow))
            return *m_current;
    }
    m_refreshing = true;
    lock.unlock();
    auto fresh = m_fetch();
    lock.lock();
    m_refreshing = false;
    if (fresh)
        m_current = *fresh;
    m_refreshed.notify_all();
    return fresh;
}

util::Expected<Credentials> RefreshingCredentials::get()
{
    std::unique_lock lock(m_mutex);
    if (!m_current)
        return refreshNow(lock);
    if (!m_current->expiration)
        return *m_current;
    const auto left = *m_current->expiration - m_clock.now();
    if (left < MandatoryWindow)
        return refreshNow(lock);
    if (left < AdvisoryWindow && !m_refreshing) {
        m_refreshing = true;
        m_background([this] {
            auto fresh = m_fetch();
            const std::lock_guard inner(m_mutex);
            m_refreshing = false;
            if (fresh) {
                m_current = *fresh;
                m_backgroundError.reset();
            } else {
                m_backgroundError = fresh.error().message;
            }
            m_refreshed.notify_all();
        });
    }
    return *m_current;
}

std::optional<std::string> RefreshingCredentials::lastBackgroundError() const
{
    const std::lock_guard lock(m_mutex);
    return m_backgroundError;
}

} // namespace cumulus::credentials
