#include "protocols/QueryProtocol.h"

#include "model/JsonText.h"
#include "model/OperationIndex.h"
#include "model/Prelude.h"
#include "protocols/AwsJsonProtocol.h"
#include "protocols/HttpBindings.h"
#include "protocols/Customizations.h"
#include "protocols/RequestCompression.h"
#include "protocols/SignatureMismatch.h"
#include "protocols/JsonCodec.h"
#include "protocols/XmlCodec.h"
#include "sigv4/UriEncoding.h"

#include <QJsonArray>

namespace cumulus::protocols {

using model::Member;
using model::ShapeType;

namespace {

std::string traitText(const Member &member, const char *trait)
{
    const model::Trait *t = member.trait(trait);
    return t ? model::decodeJsonString(t->json).value_or(std::string()) : std::string();
}

std::string capitalized(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = char(text[0] - 'a' + 'A');
    return text;
}

// application/x-www-form-urlencoded as botocore writes it (Python's urlencode): RFC 3986's
// unreserved characters as they are, a space as '+', everything else %XX.
std::string formEncode(std::string_view text)
{
    std::string out;
    std::size_t start = 0;
    for (std::size_t space = text.find(' '); space != std::string_view::npos; space = text.find(' ', start)) {
        out += sigv4::uriEncode(text.substr(start, space - start)) + '+';
        start = space + 1;
    }
    return out + sigv4::uriEncode(text.substr(start));
}

class FormWriter {
public:
    FormWriter(const model::Model &model, bool ec2, util::Random &random, std::vector<InputProblem> &problems)
        : m_model(model), m_ec2(ec2), m_random(random), m_problems(problems), m_bindings(model)
    {
    }

    std::string key(const Member &member) const
    {
        if (m_ec2) {
            if (std::string name = traitText(member, "aws.protocols#ec2QueryName"); !name.empty())
                return name;
            if (std::string name = traitText(member, "smithy.api#xmlName"); !name.empty())
                return capitalized(name);
            return capitalized(member.name);
        }
        std::string name = traitText(member, "smithy.api#xmlName");
        return name.empty() ? member.name : name;
    }

    void structure(const model::Shape &shape, const QJsonObject &input, const std::string &prefix,
                   const std::string &path, bool topLevel)
    {
        for (auto it = input.begin(); it != input.end(); ++it) {
            if (!shape.member(it.key().toStdString()))
                m_problems.push_back({path + "." + it.key().toStdString(), "unknown member " + it.key().toStdString()});
        }
        // In the model's order: botocore's, for input written in that order (as the AWS CLI's
        // --generate-cli-skeleton writes it).
        for (const Member &member : shape.members) {
            const QString name = QString::fromStdString(member.name);
            if (input.contains(name) && !input.value(name).isNull())
                value(member, input.value(name), prefix + key(member), path + "." + member.name);
            else if (member.trait("smithy.api#idempotencyToken"))
                add(prefix + key(member), m_random.uuid4().toString(QUuid::WithoutBraces).toStdString());
            else if (member.trait("smithy.api#required") && !member.trait("smithy.api#default") && shape.type == ShapeType::Structure)
                m_problems.push_back({path + "." + member.name, "missing required member " + member.name});
        }
        (void)topLevel;
    }

    void value(const Member &member, const QJsonValue &v, const std::string &name, const std::string &path)
    {
        const model::Shape *target = m_model.find(member.target);
        const auto type = typeOf(m_model, member.target);
        if (!type)
            return;
        switch (*type) {
        case ShapeType::Structure:
        case ShapeType::Union:
            if (!v.isObject())
                return problem(path, "expected an object");
            if (target)
                structure(*target, v.toObject(), name + ".", path, false);
            return;
        case ShapeType::List:
        case ShapeType::Set: {
            if (!v.isArray())
                return problem(path, "expected a list");
            const Member *item = target ? target->member("member") : nullptr;
            const QJsonArray items = v.toArray();
            if (items.isEmpty()) {
                if (!m_ec2)
                    add(name, ""); // awsQuery sends an empty list as "Key="
                return;
            }
            std::string base = name;
            if (!m_ec2 && !member.trait("smithy.api#xmlFlattened")) {
                const std::string itemName = item ? traitText(*item, "smithy.api#xmlName") : std::string();
                base += "." + (itemName.empty() ? std::string("member") : itemName);
            }
            for (qsizetype i = 0; i < items.size(); ++i)
                if (item)
                    value(*item, items[i], base + "." + std::to_string(i + 1), path + "[" + std::to_string(i) + "]");
            return;
        }
        case ShapeType::Map: {
            if (!v.isObject())
                return problem(path, "expected an object (a map)");
            const Member *k = target ? target->member("key") : nullptr;
            const Member *val = target ? target->member("value") : nullptr;
            const std::string keyName = k && !traitText(*k, "smithy.api#xmlName").empty() ? traitText(*k, "smithy.api#xmlName") : "key";
            const std::string valueName = val && !traitText(*val, "smithy.api#xmlName").empty() ? traitText(*val, "smithy.api#xmlName") : "value";
            const std::string base = member.trait("smithy.api#xmlFlattened") ? name : name + ".entry";
            const QJsonObject map = v.toObject();
            int index = 1;
            for (auto it = map.begin(); it != map.end(); ++it, ++index) {
                const std::string entry = base + "." + std::to_string(index) + ".";
                add(entry + keyName, it.key().toStdString());
                if (val)
                    value(*val, it.value(), entry + valueName, path + "." + it.key().toStdString());
            }
            return;
        }
        default: {
            if (type == ShapeType::Timestamp || type == ShapeType::Boolean || type == ShapeType::String
                || type == ShapeType::Enum) {
                // Type checks as in the JSON protocols.
                if ((type == ShapeType::Boolean && !v.isBool()) || ((type == ShapeType::String || type == ShapeType::Enum) && !v.isString()))
                    return problem(path, type == ShapeType::Boolean ? "expected true or false" : "expected a string");
            }
            const auto text = m_bindings.text(member, v, "date-time");
            if (!text)
                return problem(path, "not a valid value for this member");
            add(name, *text);
        }
        }
    }

    void add(const std::string &key, const std::string &value)
    {
        m_body += "&" + formEncode(key) + "=" + formEncode(value);
    }

    std::string m_body;

private:
    void problem(const std::string &path, const std::string &message) { m_problems.push_back({path, message}); }

    const model::Model &m_model;
    bool m_ec2;
    util::Random &m_random;
    std::vector<InputProblem> &m_problems;
    HttpBindings m_bindings;
};

} // namespace

util::Expected<net::HttpRequest> QueryProtocol::serialize(const OperationContext &context, const QJsonObject &input,
                                                          std::vector<InputProblem> &problems) const
{
    const model::Shape *shape = model::inputOf(context.model, context.operation);
    FormWriter writer(context.model, m_ec2, context.random, problems);
    writer.m_body = "Action=" + sigv4::uriEncode(std::string(context.operation.id.name())) + "&Version="
        + sigv4::uriEncode(context.service.rel().version);
    if (shape)
        writer.structure(*shape, input, "", "$", true);
    const auto prefix = hostPrefix(context.operation, shape, input, problems);
    if (!problems.empty())
        return util::Error{problems.front().path + ": " + problems.front().message};
    net::HttpRequest request;
    request.method = "POST";
    request.path = "/";
    request.body = std::move(writer.m_body);
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"Content-Length", std::to_string(request.body.size())}};
    request.hostPrefix = prefix.value_or(std::string());
    customizeRequest(context, input, request);
    applyRequestCompression(context.operation, request);
    return request;
}

ParsedResponse QueryProtocol::parse(const OperationContext &context, const net::HttpResponse &response) const
{
    ParsedResponse parsed;
    parsed.status = response.status;
    const XmlCodec codec(context.model);
    const bool success = response.status >= 200 && response.status < 300;
    std::optional<XmlNode> root;
    if (response.body.find_first_not_of(" \t\r\n") != std::string::npos) {
        std::string error;
        root = XmlNode::parse(response.body, error);
        if (!root) {
            parsed.problem = "the response body is not XML (" + error + ")";
            return parsed;
        }
    }
    if (success) {
        if (!root)
            return parsed;
        const XmlNode *result = m_ec2 ? &*root : root->child(QString::fromUtf8(context.operation.id.name().data(), qsizetype(context.operation.id.name().size())) + "Result");
        if (const XmlNode *metadata = root->child("ResponseMetadata"); metadata && metadata->child("RequestId"))
            parsed.requestId = metadata->child("RequestId")->text.toStdString();
        if (const XmlNode *id = root->child("requestId"))
            parsed.requestId = id->text.toStdString();
        if (const model::Shape *shape = model::outputOf(context.model, context.operation); shape && result)
            parsed.output = codec.structure(*shape, *result);
        return parsed;
    }
    ServiceError error;
    const XmlNode *errorNode = nullptr;
    if (root) {
        // <Response><Errors><Error> (ec2Query), <ErrorResponse><Error> (awsQuery); like botocore,
        // either protocol takes either form (moto answers IAM in the first).
        errorNode = root->child("Error");
        if (const XmlNode *errors = root->child("Errors"); errors && !errorNode)
            errorNode = errors->child("Error");
        for (const char *name : {"RequestId", "RequestID"}) {
            if (const XmlNode *id = root->child(name))
                error.requestId = id->text.toStdString();
        }
    }
    if (errorNode) {
        if (const XmlNode *code = errorNode->child("Code"))
            error.code = code->text.toStdString();
        if (const XmlNode *message = errorNode->child("Message"))
            error.message = message->text.toStdString();
    }
    keepExpectedSignature(error, errorNode);
    for (const auto *errors : {&context.operation.rel().errors, &context.service.rel().errors}) {
        for (const model::ShapeId &id : *errors) {
            const model::Shape *shape = context.model.find(id);
            if (!shape)
                continue;
            std::string code(shape->id.name());
            if (const model::Trait *queryError = shape->trait("aws.protocols#awsQueryError"))
                code = model::parseJsonValue(queryError->json).toObject().value("code").toString().toStdString();
            if (code != error.code)
                continue;
            error.shapeId = std::string(shape->id.text());
            if (errorNode)
                error.members = codec.structure(*shape, *errorNode);
        }
    }
    parsed.requestId = error.requestId;
    parsed.error = std::move(error);
    return parsed;
}

} // namespace cumulus::protocols
