#pragma once

#include "util/Environment.h"

#include <QHash>

namespace cumulus::test {

class FakeEnvironment final : public util::Environment {
public:
    explicit FakeEnvironment(QString home = QStringLiteral("/home/tester"))
        : m_home(std::move(home))
    {
    }

    std::optional<QString> value(const QString &name) const override
    {
        const auto it = m_values.constFind(name);
        return it == m_values.constEnd() ? std::nullopt : std::optional<QString>(*it);
    }
    QString homeDirectory() const override { return m_home; }

    void set(const QString &name, const QString &value) { m_values.insert(name, value); }
    void unset(const QString &name) { m_values.remove(name); }
    void setHome(const QString &home) { m_home = home; }

private:
    QHash<QString, QString> m_values;
    QString m_home;
};

} // namespace cumulus::test
