#include "model/ServiceIndex.h"

#include "model/JsonText.h"
#include "model/OperationDescription.h"
#include "model/OperationIndex.h"
#include "model/Prelude.h"

#include <QJsonObject>

namespace cumulus::model {

namespace {

constexpr std::string_view Protocols[] = {"aws.protocols#awsJson1_0",  "aws.protocols#awsJson1_1",
                                          "aws.protocols#awsQuery",    "aws.protocols#ec2Query",
                                          "aws.protocols#restJson1",   "aws.protocols#restXml",
                                          "smithy.protocols#rpcv2Cbor"};

constexpr std::string_view AuthTraits[] = {
    "aws.auth#sigv4",           "aws.auth#sigv4a",           "smithy.api#httpBearerAuth",
    "smithy.api#httpBasicAuth", "smithy.api#httpDigestAuth", "smithy.api#httpApiKeyAuth"};

std::string text(const Trait *trait)
{
    return trait ? decodeJsonString(trait->json).value_or(std::string()) : std::string();
}

std::optional<Pagination> paginationOf(const Shape &operation, const Shape &service)
{
    const Trait *own = operation.trait("smithy.api#paginated");
    if (!own)
        return std::nullopt;
    const QJsonObject defaults = service.trait("smithy.api#paginated")
        ? parseJsonValue(service.trait("smithy.api#paginated")->json).toObject()
        : QJsonObject();
    const QJsonObject values = parseJsonValue(own->json).toObject();
    auto get = [&](const char *key) {
        return (values.contains(key) ? values : defaults).value(key).toString().toStdString();
    };
    return Pagination{get("inputToken"), get("outputToken"), get("pageSize"), get("items")};
}

} // namespace

std::vector<MemberBinding> ServiceIndex::bindingsOf(const Shape &structure)
{
    std::vector<MemberBinding> out;
    for (const Member &m : structure.members) {
        MemberBinding binding{&m, HttpLocation::Document, m.name};
        if (m.trait("smithy.api#httpLabel")) {
            binding.location = HttpLocation::Label;
        } else if (const Trait *t = m.trait("smithy.api#httpQuery")) {
            binding = {&m, HttpLocation::Query, text(t)};
        } else if (m.trait("smithy.api#httpQueryParams")) {
            binding.location = HttpLocation::QueryParams;
        } else if (const Trait *t = m.trait("smithy.api#httpHeader")) {
            binding = {&m, HttpLocation::Header, text(t)};
        } else if (const Trait *t = m.trait("smithy.api#httpPrefixHeaders")) {
            binding = {&m, HttpLocation::PrefixHeaders, text(t)};
        } else if (m.trait("smithy.api#httpPayload")) {
            binding.location = HttpLocation::Payload;
        } else if (m.trait("smithy.api#httpResponseCode")) {
            binding.location = HttpLocation::ResponseCode;
        }
        out.push_back(std::move(binding));
    }
    return out;
}

ServiceIndex::ServiceIndex(const Model &model, const Shape &service)
    : m_service(&service)
{
    for (const std::string_view protocol : Protocols) {
        if (service.hasTrait(protocol))
            m_protocol = std::string(protocol.substr(protocol.find('#') + 1));
    }
    for (const std::string_view auth : AuthTraits) {
        if (service.hasTrait(auth))
            m_auth.emplace_back(auth);
    }
    if (const Trait *sigv4 = service.trait("aws.auth#sigv4"))
        m_signingName =
            parseJsonValue(sigv4->json).toObject().value("name").toString().toStdString();

    for (const Shape *op : operationsOf(model, service)) {
        OperationInfo info;
        info.operation = op;
        const ShapeRelations &rel = op->rel();
        if (rel.input && rel.input->text() != UnitShapeId)
            info.input = model.find(*rel.input);
        if (rel.output && rel.output->text() != UnitShapeId)
            info.output = model.find(*rel.output);
        for (const auto *errors : {&rel.errors, &service.rel().errors}) {
            for (const ShapeId &id : *errors) {
                if (const Shape *error = model.find(id))
                    info.errors.push_back(error);
            }
        }
        if (const Trait *http = op->trait("smithy.api#http")) {
            const QJsonObject value = parseJsonValue(http->json).toObject();
            HttpBinding binding;
            binding.method = value.value("method").toString().toStdString();
            binding.uri = value.value("uri").toString().toStdString();
            binding.code = value.value("code").toInt(200);
            if (info.input)
                binding.input = bindingsOf(*info.input);
            if (info.output)
                binding.output = bindingsOf(*info.output);
            info.http = std::move(binding);
        }
        info.pagination = paginationOf(*op, service);
        if (const Trait *doc = op->trait("smithy.api#documentation"))
            info.documentation = documentationText(text(doc));
        if (const Trait *examples = op->trait("smithy.api#examples"))
            info.examples = parseJsonValue(examples->json).toArray();
        m_operations.push_back(std::move(info));
    }
}

const OperationInfo *ServiceIndex::operation(std::string_view name) const
{
    for (const OperationInfo &info : m_operations) {
        if (info.operation->id.name() == name)
            return &info;
    }
    return nullptr;
}

} // namespace cumulus::model
