#include "util/Redactor.h"

#include <algorithm>

namespace cumulus::util {

void Redactor::addSecret(std::string_view secret)
{
    if (secret.size() < 4)
        return;
    if (std::find(m_secrets.begin(), m_secrets.end(), secret) != m_secrets.end())
        return;
    m_secrets.emplace_back(secret);
    std::stable_sort(
        m_secrets.begin(), m_secrets.end(),
        [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
}

std::string Redactor::redact(std::string_view text) const
{
    std::string out(text);
    for (const std::string &secret : m_secrets) {
        std::size_t pos = 0;
        while ((pos = out.find(secret, pos)) != std::string::npos) {
            out.replace(pos, secret.size(), Mask);
            pos += Mask.size();
        }
    }
    return out;
}

QString Redactor::redact(const QString &text) const
{
    const QByteArray utf8 = text.toUtf8();
    return QString::fromStdString(
        redact(std::string_view(utf8.constData(), std::size_t(utf8.size()))));
}

} // namespace cumulus::util
