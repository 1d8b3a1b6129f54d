#pragma once

#include "model/ServiceSummary.h"

#include <string>
#include <string_view>
#include <vector>

namespace cumulus::model {

struct OperationHit {
    const ServiceSummary *service;
    const std::string *operation;
    int rank; // 0: the whole name, 1: its start, 2: elsewhere in it
};

// Operations whose name contains text (any case) across the catalog: exact names first, then
// prefixes, then the rest, each group in catalog order.
std::vector<OperationHit> searchOperations(const std::vector<ServiceSummary> &services,
                                           std::string_view text);

} // namespace cumulus::model
