#pragma once

#include "model/Model.h"

#include <QJsonArray>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cumulus::model {

// Where an HTTP protocol puts a member (Smithy's HTTP binding traits).
enum class HttpLocation {
    Label,
    Query,
    QueryParams,
    Header,
    PrefixHeaders,
    Payload,
    ResponseCode,
    Document
};

struct MemberBinding {
    const Member *member;
    HttpLocation location;
    std::string name; // the label, query key, header name or header prefix; else the member name
};

struct HttpBinding {
    std::string method;
    std::string uri;
    int code = 200;
    std::vector<MemberBinding> input; // one per input member
    std::vector<MemberBinding> output; // one per output member
};

struct Pagination {
    std::string inputToken;
    std::string outputToken;
    std::string pageSize;
    std::string items;
};

struct OperationInfo {
    const Shape *operation = nullptr;
    const Shape *input = nullptr; // nullptr for none (smithy.api#Unit)
    const Shape *output = nullptr;
    std::vector<const Shape *> errors; // the operation's, then the service's common ones
    std::optional<HttpBinding> http; // operations with an @http trait
    std::optional<Pagination> pagination; // @paginated, with the service's defaults merged in
    std::string documentation; // plain text
    QJsonArray examples; // smithy.api#examples
};

// What the rest of Cumulus asks of a service, worked out once: its protocol, auth schemes,
// signing name and endpoint rules; and for each operation its shapes, HTTP bindings, pagination,
// documentation and examples.
class ServiceIndex {
public:
    ServiceIndex(const Model &model, const Shape &service);

    const Shape &service() const { return *m_service; }
    const std::string &protocol() const { return m_protocol; } // "awsJson1_0", …; "" if none
    const std::vector<std::string> &authSchemes() const { return m_auth; } // trait ids, in order
    const std::string &signingName() const { return m_signingName; }
    const Trait *endpointRuleSet() const
    {
        return m_service->trait("smithy.rules#endpointRuleSet");
    }
    const Trait *endpointTests() const { return m_service->trait("smithy.rules#endpointTests"); }

    const std::vector<OperationInfo> &operations() const { return m_operations; }
    const OperationInfo *operation(std::string_view name) const;

    static std::vector<MemberBinding> bindingsOf(const Shape &structure);

private:
    const Shape *m_service;
    std::string m_protocol;
    std::vector<std::string> m_auth;
    std::string m_signingName;
    std::vector<OperationInfo> m_operations;
};

} // namespace cumulus::model
