#include "model/BotocoreLoader.h"

#include "model/JsonText.h"

#include <QFile>
#include <QFileInfo>

#include <simdjson.h>

#include <array>
#include <map>
#include <set>
#include <zlib.h>

namespace cumulus::model {

namespace dom = simdjson::dom;

namespace {

std::string str(dom::element e)
{
    std::string_view view;
    return e.get_string().get(view) == simdjson::SUCCESS ? std::string(view) : std::string();
}

std::string field(dom::object o, std::string_view key)
{
    dom::element e;
    return o.at_key(key).get(e) == simdjson::SUCCESS ? str(e) : std::string();
}

bool flag(dom::object o, std::string_view key)
{
    bool value = false;
    dom::element e;
    return o.at_key(key).get(e) == simdjson::SUCCESS && e.get_bool().get(value) == simdjson::SUCCESS
        && value;
}

std::string jsonString(std::string_view text)
{
    std::string out;
    appendJsonString(out, text);
    return out;
}

std::string cleanIdentifier(std::string_view text, bool lowercase)
{
    std::string out;
    for (char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (lowercase && c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
            out.push_back(c);
        }
    }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9'))
        out.insert(out.begin(), 'x');
    return out;
}

// An enum value as a member name: "us-east-1" -> "US_EAST_1".
std::string enumMemberName(std::string_view value)
{
    std::string out;
    for (const char c : value) {
        if ((c >= 'a' && c <= 'z'))
            out.push_back(char(c - 'a' + 'A'));
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            out.push_back(c);
        else
            out.push_back('_');
    }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')
        || out.find_first_not_of('_') == std::string::npos)
        out.insert(out.begin(), 'V');
    return out;
}

std::string timestampFormat(std::string_view botocore)
{
    if (botocore == "iso8601")
        return "date-time";
    if (botocore == "rfc822")
        return "http-date";
    if (botocore == "unixTimestamp")
        return "epoch-seconds";
    return std::string(botocore);
}

struct Protocol {
    std::string trait; // "aws.protocols#awsJson1_0"
    bool xml; // names go in xmlName (query, ec2, rest-xml) rather than jsonName
};

Protocol protocolOf(dom::object metadata)
{
    const std::string protocol = field(metadata, "protocol");
    if (protocol == "json")
        return {field(metadata, "jsonVersion") == "1.0" ? "aws.protocols#awsJson1_0"
                                                        : "aws.protocols#awsJson1_1",
                false};
    if (protocol == "rest-json")
        return {"aws.protocols#restJson1", false};
    if (protocol == "rest-xml")
        return {"aws.protocols#restXml", true};
    if (protocol == "ec2")
        return {"aws.protocols#ec2Query", true};
    if (protocol == "smithy-rpc-v2-cbor")
        return {"smithy.protocols#rpcv2Cbor", false};
    return {"aws.protocols#awsQuery", true};
}

struct ServiceNames {
    std::string ns;
    std::string serviceShape;
    std::string sdkId;
    std::string signingName;
};

ServiceNames namesOf(dom::object metadata)
{
    ServiceNames names;
    names.sdkId = field(metadata, "serviceId");
    if (names.sdkId.empty())
        names.sdkId = field(metadata, "serviceAbbreviation");
    if (names.sdkId.empty())
        names.sdkId = field(metadata, "endpointPrefix");
    names.signingName = field(metadata, "signingName");
    if (names.signingName.empty())
        names.signingName = field(metadata, "endpointPrefix");
    std::string prefix = field(metadata, "endpointPrefix");
    names.ns = "com.amazonaws." + cleanIdentifier(prefix.empty() ? names.sdkId : prefix, true);
    names.serviceShape = names.ns + "#" + cleanIdentifier(names.sdkId, false);
    return names;
}

class Loader {
public:
    explicit Loader(const std::string &source)
        : m_source(source)
    {
    }
    LoadResult load(std::string_view serviceJson, std::string_view paginatorsJson);

private:
    void error(std::string pointer, std::string message)
    {
        m_errors.push_back({m_source, std::move(pointer), std::move(message)});
    }
    std::optional<ShapeId> shapeRef(dom::object reference, const std::string &pointer);
    // The Smithy shape name of a botocore shape. botocore keeps operations and shapes apart; Smithy
    // has one namespace, so a shape named like an operation (iot's DeleteStream) is renamed.
    std::string shapeName(std::string_view botocoreName) const;
    void addShape(std::string_view name, dom::object shape);
    Member member(std::string name, dom::object definition, const std::string &pointer,
                  bool required);
    void addOperation(std::string_view name, dom::object operation);
    void addPaginators(std::string_view json);

    const std::string &m_source;
    std::string m_ns;
    Protocol m_protocol;
    std::set<std::string, std::less<>> m_shapeNames;
    std::map<std::string, std::string, std::less<>> m_renamed; // botocore shape name -> Smithy name
    std::vector<Shape> m_shapes;
    std::map<std::string, std::size_t> m_operationIndex;
    std::set<std::string, std::less<>> m_flattened; // list/map shapes marked flattened
    std::map<std::string, std::string, std::less<>> m_locationNames; // shape -> its own locationName (JSON text)
    std::vector<ModelError> m_errors;
};

std::optional<ShapeId> Loader::shapeRef(dom::object reference, const std::string &pointer)
{
    const std::string name = field(reference, "shape");
    if (name.empty()) {
        error(pointer, "missing \"shape\"");
        return std::nullopt;
    }
    if (!m_shapeNames.count(name)) {
        error(pointer + "/shape", "refers to shape \"" + name + "\", which is not defined");
        return std::nullopt;
    }
    auto id = ShapeId::parse(m_ns + "#" + shapeName(name));
    if (!id)
        error(pointer + "/shape", "\"" + name + "\" cannot be a shape name");
    return id;
}

std::string Loader::shapeName(std::string_view botocoreName) const
{
    const auto it = m_renamed.find(botocoreName);
    return it == m_renamed.end() ? std::string(botocoreName) : it->second;
}

Member Loader::member(std::string name, dom::object definition, const std::string &pointer,
                      bool required)
{
    Member m;
    m.name = std::move(name);
    if (auto target = shapeRef(definition, pointer))
        m.target = std::move(*target);
    auto add = [&](std::string id, std::string json) {
        m.traits.push_back({std::move(id), std::move(json)});
    };
    if (required)
        add("smithy.api#required", "{}");
    const std::string doc = field(definition, "documentation");
    if (!doc.empty())
        add("smithy.api#documentation", jsonString(doc));
    const std::string location = field(definition, "location");
    const std::string locationName = field(definition, "locationName");
    if (location == "header") {
        add("smithy.api#httpHeader", jsonString(locationName.empty() ? m.name : locationName));
    } else if (location == "headers") {
        add("smithy.api#httpPrefixHeaders", jsonString(locationName));
    } else if (location == "querystring") {
        if (locationName.empty())
            add("smithy.api#httpQueryParams", "{}");
        else
            add("smithy.api#httpQuery", jsonString(locationName));
    } else if (location == "uri") {
        add("smithy.api#httpLabel", "{}");
        if (!locationName.empty() && locationName != m.name)
            add("cumulus.botocore#locationName", jsonString(locationName));
    } else if (location == "statusCode") {
        add("smithy.api#httpResponseCode", "{}");
    } else if (!locationName.empty()) {
        add(m_protocol.xml ? "smithy.api#xmlName" : "smithy.api#jsonName",
            jsonString(locationName));
    }
    // botocore's boolean member flags and the Smithy traits they become.
    static constexpr std::array<std::array<const char *, 3>, 8> Flags = {{
        {"xmlAttribute", "smithy.api#xmlAttribute", "{}"},
        {"flattened", "smithy.api#xmlFlattened", "{}"},
        {"idempotencyToken", "smithy.api#idempotencyToken", "{}"},
        {"hostLabel", "smithy.api#hostLabel", "{}"},
        {"deprecated", "smithy.api#deprecated", "{}"},
        {"jsonvalue", "smithy.api#mediaType", "\"application/json\""},
        {"eventpayload", "smithy.api#eventPayload", "{}"},
        {"eventheader", "smithy.api#eventHeader", "{}"},
    }};
    for (const auto &[botocoreFlag, trait, value] : Flags) {
        if (flag(definition, botocoreFlag))
            add(trait, value);
    }
    const std::string queryName = field(definition, "queryName");
    if (!queryName.empty())
        add("aws.protocols#ec2QueryName", jsonString(queryName));
    const std::string format = field(definition, "timestampFormat");
    if (!format.empty())
        add("smithy.api#timestampFormat", jsonString(timestampFormat(format)));
    dom::object ns;
    if (definition.at_key("xmlNamespace").get(ns) == simdjson::SUCCESS)
        add("smithy.api#xmlNamespace", simdjson::minify(ns));
    dom::object context;
    if (definition.at_key("contextParam").get(context) == simdjson::SUCCESS)
        add("smithy.rules#contextParam", simdjson::minify(context));
    return m;
}

void Loader::addShape(std::string_view name, dom::object definition)
{
    const std::string pointer = "/shapes/" + std::string(name);
    auto id = ShapeId::parse(m_ns + "#" + shapeName(name));
    if (!id) {
        error(pointer, "\"" + std::string(name) + "\" cannot be a shape name");
        return;
    }
    Shape shape;
    shape.id = std::move(*id);
    const std::string type = field(definition, "type");
    auto add = [&](std::string traitId, std::string json) {
        shape.traits.push_back({std::move(traitId), std::move(json)});
    };

    static const std::map<std::string, ShapeType, std::less<>> Types = {
        {"structure", ShapeType::Structure},
        {"list", ShapeType::List},
        {"map", ShapeType::Map},
        {"string", ShapeType::String},
        {"integer", ShapeType::Integer},
        {"long", ShapeType::Long},
        {"boolean", ShapeType::Boolean},
        {"timestamp", ShapeType::Timestamp},
        {"blob", ShapeType::Blob},
        {"float", ShapeType::Float},
        {"double", ShapeType::Double},
        {"bigdecimal", ShapeType::BigDecimal},
        {"biginteger", ShapeType::BigInteger},
        {"byte", ShapeType::Byte},
        {"short", ShapeType::Short},
        {"character", ShapeType::String}};
    const auto known = Types.find(type);
    if (known == Types.end()) {
        error(pointer + "/type",
              type.empty() ? "missing \"type\"" : "unknown shape type \"" + type + "\"");
        return;
    }
    shape.type = known->second;
    if (shape.type == ShapeType::Structure && flag(definition, "union"))
        shape.type = ShapeType::Union;
    if (shape.type == ShapeType::Structure && flag(definition, "document"))
        shape.type = ShapeType::Document;

    const std::string doc = field(definition, "documentation");
    if (!doc.empty())
        add("smithy.api#documentation", jsonString(doc));

    dom::array enumValues;
    if (shape.type == ShapeType::String
        && definition.at_key("enum").get(enumValues) == simdjson::SUCCESS) {
        shape.type = ShapeType::Enum;
        std::set<std::string> used;
        for (dom::element value : enumValues) {
            const std::string text = str(value);
            std::string memberName = enumMemberName(text);
            for (int n = 2; !used.insert(memberName).second; ++n)
                memberName = enumMemberName(text) + "_" + std::to_string(n);
            shape.members.push_back({memberName,
                                     *ShapeId::parse("smithy.api#Unit"),
                                     {{"smithy.api#enumValue", jsonString(text)}},
                                     {}});
        }
    }

    // min/max: a length for strings, blobs, lists and maps; a range for numbers.
    dom::element min, max;
    const bool hasMin = definition.at_key("min").get(min) == simdjson::SUCCESS;
    const bool hasMax = definition.at_key("max").get(max) == simdjson::SUCCESS;
    if (hasMin || hasMax) {
        std::string bounds = "{";
        if (hasMin)
            bounds += "\"min\":" + simdjson::minify(min);
        if (hasMax)
            bounds += std::string(hasMin ? "," : "") + "\"max\":" + simdjson::minify(max);
        bounds += "}";
        const bool length = shape.type == ShapeType::String || shape.type == ShapeType::Enum
            || shape.type == ShapeType::Blob || shape.type == ShapeType::List
            || shape.type == ShapeType::Map;
        add(length ? "smithy.api#length" : "smithy.api#range", bounds);
    }
    const std::string pattern = field(definition, "pattern");
    if (!pattern.empty())
        add("smithy.api#pattern", jsonString(pattern));
    if (flag(definition, "sensitive"))
        add("smithy.api#sensitive", "{}");
    if (flag(definition, "deprecated"))
        add("smithy.api#deprecated", "{}");
    if (flag(definition, "streaming") || flag(definition, "eventstream"))
        add("smithy.api#streaming", "{}");
    if (flag(definition, "flattened"))
        m_flattened.insert(shapeName(name));
    const std::string locationName = field(definition, "locationName");
    if (!locationName.empty())
        m_locationNames.emplace(shapeName(name), jsonString(locationName));
    const std::string format = field(definition, "timestampFormat");
    if (!format.empty())
        add("smithy.api#timestampFormat", jsonString(timestampFormat(format)));
    dom::object ns;
    if (definition.at_key("xmlNamespace").get(ns) == simdjson::SUCCESS)
        add("smithy.api#xmlNamespace", simdjson::minify(ns));
    if (flag(definition, "exception")) {
        dom::object details;
        const bool hasDetails = definition.at_key("error").get(details) == simdjson::SUCCESS;
        add("smithy.api#error", flag(definition, "fault") ? "\"server\"" : "\"client\"");
        if (hasDetails) {
            dom::element status;
            if (details.at_key("httpStatusCode").get(status) == simdjson::SUCCESS)
                add("smithy.api#httpError", simdjson::minify(status));
            const std::string code = field(details, "code");
            if (!code.empty()) {
                std::string queryError = "{\"code\":" + jsonString(code);
                if (details.at_key("httpStatusCode").get(status) == simdjson::SUCCESS)
                    queryError += ",\"httpResponseCode\":" + simdjson::minify(status);
                add("aws.protocols#awsQueryError", queryError + "}");
            }
        }
    }
    dom::object retryable;
    if (definition.at_key("retryable").get(retryable) == simdjson::SUCCESS)
        add("smithy.api#retryable", simdjson::minify(retryable));

    std::set<std::string, std::less<>> required;
    dom::array requiredList;
    if (definition.at_key("required").get(requiredList) == simdjson::SUCCESS) {
        for (dom::element r : requiredList)
            required.insert(str(r));
    }
    const std::string payload = field(definition, "payload");
    dom::object members;
    if (definition.at_key("members").get(members) == simdjson::SUCCESS) {
        for (auto [key, value] : members) {
            dom::object memberDefinition;
            if (value.get_object().get(memberDefinition) != simdjson::SUCCESS)
                continue;
            Member m = member(std::string(key), memberDefinition,
                              pointer + "/members/" + std::string(key), required.count(key) > 0);
            if (!payload.empty() && payload == key)
                m.traits.push_back({"smithy.api#httpPayload", "{}"});
            shape.members.push_back(std::move(m));
        }
    }
    for (const char *part : {"member", "key", "value"}) {
        dom::object partDefinition;
        if (definition.at_key(part).get(partDefinition) == simdjson::SUCCESS)
            shape.members.push_back(member(part, partDefinition, pointer + "/" + part, false));
    }
    m_shapes.push_back(std::move(shape));
}

void Loader::addOperation(std::string_view name, dom::object definition)
{
    const std::string pointer = "/operations/" + std::string(name);
    auto id = ShapeId::parse(m_ns + "#" + std::string(name));
    if (!id) {
        error(pointer, "\"" + std::string(name) + "\" cannot be an operation name");
        return;
    }
    Shape shape;
    shape.id = std::move(*id);
    shape.type = ShapeType::Operation;
    ShapeRelations &rel = shape.mutableRelations();
    auto add = [&](std::string traitId, std::string json) {
        shape.traits.push_back({std::move(traitId), std::move(json)});
    };
    dom::object ref;
    if (definition.at_key("input").get(ref) == simdjson::SUCCESS)
        rel.input = shapeRef(ref, pointer + "/input");
    if (definition.at_key("output").get(ref) == simdjson::SUCCESS) {
        rel.output = shapeRef(ref, pointer + "/output");
        const std::string wrapper = field(ref, "resultWrapper");
        if (!wrapper.empty())
            add("cumulus.botocore#resultWrapper", jsonString(wrapper));
    }
    dom::array errors;
    if (definition.at_key("errors").get(errors) == simdjson::SUCCESS) {
        std::size_t i = 0;
        for (dom::element e : errors) {
            dom::object errorRef;
            if (e.get_object().get(errorRef) == simdjson::SUCCESS) {
                if (auto target = shapeRef(errorRef, pointer + "/errors/" + std::to_string(i)))
                    rel.errors.push_back(std::move(*target));
            }
            ++i;
        }
    }
    const std::string doc = field(definition, "documentation");
    if (!doc.empty())
        add("smithy.api#documentation", jsonString(doc));
    dom::object http;
    if (definition.at_key("http").get(http) == simdjson::SUCCESS) {
        std::string trait = "{\"method\":" + jsonString(field(http, "method"))
            + ",\"uri\":" + jsonString(field(http, "requestUri"));
        dom::element code;
        if (http.at_key("responseCode").get(code) == simdjson::SUCCESS)
            trait += ",\"code\":" + simdjson::minify(code);
        add("smithy.api#http", trait + "}");
    }
    if (flag(definition, "deprecated"))
        add("smithy.api#deprecated", "{}");
    if (flag(definition, "httpChecksumRequired"))
        add("smithy.api#httpChecksumRequired", "{}");
    const std::string auth = field(definition, "authtype");
    if (auth == "none")
        add("smithy.api#auth", "[]");
    else if (auth == "v4-unsigned-body")
        add("aws.auth#unsignedPayload", "{}");
    dom::object endpoint;
    if (definition.at_key("endpoint").get(endpoint) == simdjson::SUCCESS)
        add("smithy.api#endpoint", simdjson::minify(endpoint));
    m_operationIndex[std::string(name)] = m_shapes.size();
    m_shapes.push_back(std::move(shape));
}

void Loader::addPaginators(std::string_view json)
{
    dom::parser parser;
    dom::object root;
    if (parser.parse(json.data(), json.size()).get_object().get(root) != simdjson::SUCCESS) {
        error("(paginators)", "invalid JSON in paginators-1.json");
        return;
    }
    dom::object pagination;
    if (root.at_key("pagination").get(pagination) != simdjson::SUCCESS)
        return;
    auto first = [](dom::object o, std::string_view key) -> std::string {
        dom::element e;
        if (o.at_key(key).get(e) != simdjson::SUCCESS)
            return {};
        dom::array list;
        if (e.get_array().get(list) == simdjson::SUCCESS)
            return list.size() ? str(list.at(0).value_unsafe()) : std::string();
        return str(e);
    };
    for (auto [name, value] : pagination) {
        const auto it = m_operationIndex.find(std::string(name));
        dom::object p;
        if (it == m_operationIndex.end() || value.get_object().get(p) != simdjson::SUCCESS)
            continue;
        std::string trait = "{";
        auto add = [&](const char *key, const std::string &v) {
            if (!v.empty())
                trait +=
                    std::string(trait.size() > 1 ? "," : "") + "\"" + key + "\":" + jsonString(v);
        };
        add("inputToken", first(p, "input_token"));
        add("outputToken", first(p, "output_token"));
        add("pageSize", first(p, "limit_key"));
        add("items", first(p, "result_key"));
        m_shapes[it->second].traits.push_back({"smithy.api#paginated", trait + "}"});
        m_shapes[it->second].traits.push_back({"cumulus.botocore#paginator", simdjson::minify(p)});
    }
}

LoadResult Loader::load(std::string_view serviceJson, std::string_view paginatorsJson)
{
    dom::parser parser;
    dom::object root;
    const auto parsed = parser.parse(serviceJson.data(), serviceJson.size());
    if (parsed.error() != simdjson::SUCCESS || parsed.get_object().get(root) != simdjson::SUCCESS) {
        error("", std::string("invalid JSON: ") + simdjson::error_message(parsed.error()));
        return {std::make_shared<Model>(), std::move(m_errors)};
    }
    dom::object metadata, shapes, operations;
    if (root.at_key("metadata").get(metadata) != simdjson::SUCCESS
        || root.at_key("operations").get(operations) != simdjson::SUCCESS) {
        error("", "not a botocore service model: no \"metadata\" or \"operations\"");
        return {std::make_shared<Model>(), std::move(m_errors)};
    }
    const ServiceNames names = namesOf(metadata);
    m_ns = names.ns;
    m_protocol = protocolOf(metadata);

    if (root.at_key("shapes").get(shapes) == simdjson::SUCCESS) {
        for (auto [name, value] : shapes)
            m_shapeNames.insert(std::string(name));
        for (auto [name, value] : operations) {
            if (!m_shapeNames.count(name))
                continue;
            std::string renamed = std::string(name) + "Shape";
            while (m_shapeNames.count(renamed)
                   || operations.at_key(renamed).error() == simdjson::SUCCESS)
                renamed += "_";
            m_renamed.emplace(std::string(name), renamed);
        }
        for (auto [name, value] : shapes) {
            dom::object definition;
            if (value.get_object().get(definition) == simdjson::SUCCESS)
                addShape(name, definition);
            else
                error("/shapes/" + std::string(name), "a shape must be an object");
        }
    }
    Shape service;
    service.id = *ShapeId::parse(names.serviceShape);
    service.type = ShapeType::Service;
    service.mutableRelations().version = field(metadata, "apiVersion");
    for (auto [name, value] : operations) {
        dom::object definition;
        if (value.get_object().get(definition) == simdjson::SUCCESS) {
            addOperation(name, definition);
            // A name that is no shape id was reported by addOperation; the service lists the rest.
            if (auto id = ShapeId::parse(m_ns + "#" + std::string(name)))
                service.mutableRelations().operations.push_back(std::move(*id));
        } else {
            error("/operations/" + std::string(name), "an operation must be an object");
        }
    }
    if (!paginatorsJson.empty())
        addPaginators(paginatorsJson);

    // botocore names members in three places; Smithy only on the member. A member's own
    // locationName comes first, then the targeted shape's; a flattened list's element name (its
    // member's locationName) overrides both, as botocore's query serializer and XML parser do.
    // botocore also marks "flattened" on the list or map; Smithy on the members that target it.
    std::map<std::string, std::string, std::less<>> flattenedElementNames;
    for (const Shape &shape : m_shapes) {
        const Member *element = shape.type == ShapeType::List ? shape.member("member") : nullptr;
        const Trait *name = element ? element->trait("smithy.api#xmlName") : nullptr;
        if (name)
            flattenedElementNames.emplace(std::string(shape.id.name()), name->json);
    }
    const char *const nameTrait = m_protocol.xml ? "smithy.api#xmlName" : "smithy.api#jsonName";
    for (Shape &shape : m_shapes) {
        if (shape.type == ShapeType::Service || shape.type == ShapeType::Operation)
            continue;
        for (Member &m : shape.members) {
            const auto shapeName = m_locationNames.find(m.target.name());
            if (shapeName != m_locationNames.end() && !m.trait(nameTrait) && !m.trait("smithy.api#httpHeader")
                && !m.trait("smithy.api#httpQuery") && !m.trait("smithy.api#httpPrefixHeaders"))
                m.traits.push_back({nameTrait, shapeName->second});
            if (m_flattened.count(m.target.name()) && !m.trait("smithy.api#xmlFlattened"))
                m.traits.push_back({"smithy.api#xmlFlattened", "{}"});
            const auto element = flattenedElementNames.find(m.target.name());
            if (m_protocol.xml && m.trait("smithy.api#xmlFlattened") && element != flattenedElementNames.end()) {
                std::erase_if(m.traits, [](const Trait &t) { return t.id == "smithy.api#xmlName"; });
                m.traits.push_back({"smithy.api#xmlName", element->second});
            }
        }
    }

    auto addTrait = [&](std::string id, std::string json) {
        service.traits.push_back({std::move(id), std::move(json)});
    };
    addTrait("aws.api#service",
             "{\"sdkId\":" + jsonString(names.sdkId)
                 + ",\"endpointPrefix\":" + jsonString(field(metadata, "endpointPrefix")) + "}");
    addTrait("aws.auth#sigv4", "{\"name\":" + jsonString(names.signingName) + "}");
    addTrait(m_protocol.trait, "{}");
    if (metadata.at_key("awsQueryCompatible").error() == simdjson::SUCCESS)
        addTrait("aws.protocols#awsQueryCompatible", "{}");
    const std::string title = field(metadata, "serviceFullName");
    if (!title.empty())
        addTrait("smithy.api#title", jsonString(title));
    const std::string doc = field(root, "documentation");
    if (!doc.empty())
        addTrait("smithy.api#documentation", jsonString(doc));
    const std::string xmlNamespace = field(metadata, "xmlNamespace");
    if (!xmlNamespace.empty())
        addTrait("smithy.api#xmlNamespace", "{\"uri\":" + jsonString(xmlNamespace) + "}");
    addTrait("cumulus.botocore#metadata", simdjson::minify(metadata));
    m_shapes.push_back(std::move(service));
    return {std::make_shared<Model>(std::move(m_shapes), "{}"), std::move(m_errors)};
}

QString paginatorsFileFor(const QString &serviceFile)
{
    const QString dir = QFileInfo(serviceFile).path();
    for (const char *name : {"paginators-1.json", "paginators-1.json.gz"}) {
        const QString path = dir + '/' + QLatin1String(name);
        if (QFile::exists(path))
            return path;
    }
    return {};
}

} // namespace

bool isBotocoreServiceFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    return name == QLatin1String("service-2.json") || name == QLatin1String("service-2.json.gz");
}

std::optional<QByteArray> readModelFile(const QString &path, std::string &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = "cannot read: " + file.errorString().toStdString();
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    if (!path.endsWith(QLatin1String(".gz")))
        return bytes;
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
        error = "cannot start gzip decompression";
        return std::nullopt;
    }
    QByteArray out;
    stream.next_in = reinterpret_cast<Bytef *>(bytes.data());
    stream.avail_in = uInt(bytes.size());
    int status = Z_OK;
    while (status == Z_OK) {
        const qsizetype done = out.size();
        out.resize(done + 1024 * 1024);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + done);
        stream.avail_out = 1024 * 1024;
        status = inflate(&stream, Z_NO_FLUSH);
        out.resize(done + (1024 * 1024 - qsizetype(stream.avail_out)));
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) {
        error = "not a valid gzip file";
        return std::nullopt;
    }
    return out;
}

LoadResult loadBotocoreJson(std::string_view serviceJson, std::string_view paginatorsJson,
                            const std::string &source)
{
    return Loader(source).load(serviceJson, paginatorsJson);
}

LoadResult loadBotocoreFile(const QString &serviceFile)
{
    const std::string source = serviceFile.toStdString();
    std::string error;
    const auto service = readModelFile(serviceFile, error);
    if (!service)
        return {std::make_shared<Model>(), {{source, "", error}}};
    QByteArray paginators;
    if (const QString path = paginatorsFileFor(serviceFile); !path.isEmpty())
        paginators = readModelFile(path, error).value_or(QByteArray());
    return loadBotocoreJson(
        std::string_view(service->constData(), std::size_t(service->size())),
        std::string_view(paginators.constData(), std::size_t(paginators.size())), source);
}

CatalogScan scanBotocoreFile(const QString &serviceFile)
{
    const std::string source = serviceFile.toStdString();
    std::string error;
    const auto bytes = readModelFile(serviceFile, error);
    if (!bytes)
        return {{}, {{source, "", error}}};
    dom::parser parser;
    dom::object root, metadata, operations;
    const auto parsed = parser.parse(bytes->constData(), std::size_t(bytes->size()));
    if (parsed.get_object().get(root) != simdjson::SUCCESS
        || root.at_key("metadata").get(metadata) != simdjson::SUCCESS
        || root.at_key("operations").get(operations) != simdjson::SUCCESS)
        return {{},
                {{source, "",
                  "not a botocore service model (invalid JSON, or no metadata/operations)"}}};
    const ServiceNames names = namesOf(metadata);
    ServiceSummary summary;
    summary.source = source;
    summary.shapeId = names.serviceShape;
    summary.sdkId = names.sdkId;
    summary.name = ServiceSummary::cliName(names.sdkId);
    summary.signingName = names.signingName;
    const std::string trait = protocolOf(metadata).trait;
    summary.protocol = trait.substr(trait.find('#') + 1);
    summary.version = field(metadata, "apiVersion");
    summary.title = field(metadata, "serviceFullName");
    for (auto [name, value] : operations)
        summary.operations.emplace_back(name);
    return {{std::move(summary)}, {}};
}

} // namespace cumulus::model
