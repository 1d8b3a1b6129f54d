#pragma once

#include "endpoints/RuleValue.h"
#include "util/Expected.h"

#include <QRegularExpression>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cumulus::endpoints {

// The AWS partitions (botocore's data/partitions.json, bundled as :/endpoints/partitions.json):
// which partition a region belongs to, and what aws.partition returns for it.
class Partitions {
public:
    struct Region {
        std::string name;
        std::string description;
    };
    struct Partition {
        std::string id;
        QRegularExpression regionRegex;
        std::vector<Region> regions;
        RuleValue outputs; // name, dnsSuffix, dualStackDnsSuffix, supportsFIPS, supportsDualStack, implicitGlobalRegion
    };

    static util::Expected<Partitions> parse(std::string_view json);
    // The bundled data, read once.
    static const Partitions &bundled();

    const std::vector<Partition> &partitions() const { return m_partitions; }

    // The first partition that lists the region or whose pattern matches it, else the first (aws):
    // what the SDKs do, so an unknown region still gets the aws partition.
    const Partition &partitionOf(std::string_view region) const;

private:
    std::vector<Partition> m_partitions;
    std::unordered_map<std::string, std::size_t> m_byRegion;
};

} // namespace cumulus::endpoints
