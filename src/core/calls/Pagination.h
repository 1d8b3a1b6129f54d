#pragma once

#include "model/Model.h"

#include <QJsonObject>

#include <optional>
#include <string>

namespace cumulus::calls {

// An operation's @paginated trait, completed from the service's (Smithy: members may be set on the
// service and refined per operation). Paths are dotted member paths ("NextToken", "Page.Next").
struct Paginator {
    std::string inputToken;
    std::string outputToken;
    std::string items;    // may be empty
    std::string pageSize; // may be empty
};

std::optional<Paginator> paginatorOf(const model::Shape &service, const model::Shape &operation);

// The input for the page after `output`, or nullopt when `output` is the last page (no token, or an
// empty one).
std::optional<QJsonObject> nextPageInput(const Paginator &paginator, const QJsonObject &input, const QJsonObject &output);

// Pages merged as botocore's build_full_result: the first page's members, the items of every page
// in order, no output token.
class PageMerger {
public:
    explicit PageMerger(Paginator paginator) : m_paginator(std::move(paginator)) {}
    void add(const QJsonObject &page);
    QJsonObject result() const;
    int pages() const { return m_pages; }

private:
    Paginator m_paginator;
    QJsonObject m_merged;
    int m_pages = 0;
};

// A dotted path's value in a document (undefined when absent).
QJsonValue valueAt(const QJsonObject &document, const std::string &path);

} // namespace cumulus::calls
