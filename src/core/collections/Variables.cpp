#include "collections/Variables.h"

#include "util/Environment.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace cumulus::collections {

namespace {

class Filler {
public:
    Filler(const std::map<std::string, std::string> *environment, const std::map<std::string, std::string> &collection,
           const util::Environment &process)
        : m_environment(environment), m_collection(collection), m_process(process)
    {
    }

    QString fill(const QString &text, const std::string &where)
    {
        static const QRegularExpression variable(QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*\\}\\}"));
        QString out;
        qsizetype last = 0;
        auto matches = variable.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            out += text.mid(last, match.capturedStart() - last);
            last = match.capturedEnd();
            const std::string name = match.captured(1).toStdString();
            if (const auto value = lookUp(name)) {
                out += QString::fromStdString(*value);
            } else {
                m_unresolved.push_back(name + " (" + where + ")");
                out += match.captured(0);
            }
        }
        return out + text.mid(last);
    }

    QJsonValue fill(const QJsonValue &value, const std::string &path)
    {
        if (value.isString())
            return fill(value.toString(), path);
        if (value.isArray()) {
            QJsonArray a = value.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                a[i] = fill(a[i], path + "[" + std::to_string(i) + "]");
            return a;
        }
        if (value.isObject()) {
            QJsonObject o = value.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                it.value() = fill(it.value(), path + "." + it.key().toStdString());
            return o;
        }
        return value;
    }

    const std::vector<std::string> &unresolved() const { return m_unresolved; }

private:
    std::optional<std::string> lookUp(const std::string &name) const
    {
        if (m_environment) {
            if (const auto it = m_environment->find(name); it != m_environment->end())
                return it->second;
        }
        if (const auto it = m_collection.find(name); it != m_collection.end())
            return it->second;
        if (const auto value = m_process.value(QString::fromStdString(name)))
            return value->toStdString();
        return std::nullopt;
    }

    const std::map<std::string, std::string> *m_environment;
    const std::map<std::string, std::string> &m_collection;
    const util::Environment &m_process;
    std::vector<std::string> m_unresolved;
};

} // namespace

util::Expected<ResolvedRequest> resolveRequest(const Collection &collection, const SavedRequest &request,
                                               const std::string &environmentName, const util::Environment &process)
{
    const std::map<std::string, std::string> *environment = nullptr;
    if (!environmentName.empty()) {
        const auto it = collection.environments.find(environmentName);
        if (it == collection.environments.end())
            return util::Error{"the collection has no environment " + environmentName + " (environments/" + environmentName + ".toml)"};
        environment = &it->second;
    }
    Filler filler(environment, collection.variables, process);
    ResolvedRequest resolved;
    resolved.region = filler.fill(QString::fromStdString(request.region.empty() ? collection.region : request.region), "region").toStdString();
    resolved.profile = filler.fill(QString::fromStdString(request.profile.empty() ? collection.profile : request.profile), "profile").toStdString();
    resolved.endpoint = filler.fill(QString::fromStdString(request.endpoint), "endpoint").toStdString();
    resolved.input = filler.fill(QJsonValue(request.input), "$").toObject();
    resolved.url = filler.fill(QString::fromStdString(request.url), "url").toStdString();
    for (const std::string &header : request.headers)
        resolved.headers.push_back(filler.fill(QString::fromStdString(header), "headers").toStdString());
    resolved.body = filler.fill(QString::fromStdString(request.body), "body").toStdString();
    if (!filler.unresolved().empty()) {
        std::string list;
        for (const std::string &name : filler.unresolved())
            list += (list.empty() ? "" : ", ") + name;
        return util::Error{request.path + ": unresolved variables: " + list};
    }
    return resolved;
}

} // namespace cumulus::collections
