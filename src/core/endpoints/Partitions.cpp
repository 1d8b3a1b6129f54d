#include "endpoints/Partitions.h"

#include <QFile>

namespace cumulus::endpoints {

util::Expected<Partitions> Partitions::parse(std::string_view json)
{
    const auto root = RuleValue::fromJson(json);
    if (!root)
        return util::Error{"partitions: " + root.error().message};
    const RuleValue list = root->member("partitions");
    if (!list.isArray() || list.toArray().empty())
        return util::Error{"partitions: no \"partitions\" list"};
    Partitions result;
    for (std::size_t index = 0; index < list.toArray().size(); ++index) {
        const RuleValue &entry = list.toArray()[index];
        const RuleValue id = entry.member("id"), regex = entry.member("regionRegex"), outputs = entry.member("outputs");
        if (!id.isString() || !regex.isString() || !outputs.isObject())
            return util::Error{"partitions: partitions[" + std::to_string(index) + "] needs id, regionRegex and outputs"};
        Partition p;
        p.id = id.toString();
        p.regionRegex = QRegularExpression(QString::fromStdString(regex.toString()));
        if (!p.regionRegex.isValid())
            return util::Error{"partitions: " + p.id + ".regionRegex: " + p.regionRegex.errorString().toStdString()};
        // botocore sets name to the partition id, whatever outputs say.
        RuleValue::Object out{{"name", p.id}};
        for (const auto &[key, value] : outputs.toObject()) {
            if (key != "name")
                out.emplace_back(key, value);
        }
        p.outputs = RuleValue(std::move(out));
        const RuleValue regions = entry.member("regions");
        if (regions.isObject()) {
            for (const auto &[name, info] : regions.toObject()) {
                p.regions.push_back({name, info.member("description").isString() ? info.member("description").toString() : std::string()});
                result.m_byRegion.emplace(name, index);
            }
        }
        result.m_partitions.push_back(std::move(p));
    }
    return result;
}

const Partitions &Partitions::bundled()
{
    static const Partitions partitions = [] {
        QFile file(QStringLiteral(":/endpoints/partitions.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the bundled partitions.json is missing from the resources");
        const QByteArray data = file.readAll();
        auto parsed = parse(std::string_view(data.constData(), std::size_t(data.size())));
        if (!parsed)
            qFatal("%s", parsed.error().message.c_str());
        return std::move(parsed).value();
    }();
    return partitions;
}

const Partitions::Partition &Partitions::partitionOf(std::string_view region) const
{
    // In order, listed or matching, as botocore's aws_partition: the first partition wins.
    const auto listed = m_byRegion.find(std::string(region));
    const std::size_t listedIn = listed == m_byRegion.end() ? m_partitions.size() : listed->second;
    const QString text = QString::fromUtf8(region.data(), qsizetype(region.size()));
    for (std::size_t i = 0; i < m_partitions.size(); ++i) {
        if (i == listedIn || m_partitions[i].regionRegex.match(text).hasMatch())
            return m_partitions[i];
    }
    return m_partitions.front();
}

} // namespace cumulus::endpoints
