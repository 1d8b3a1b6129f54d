#include "protocols/HttpBindings.h"

#include "model/JsonText.h"
#include "protocols/JsonCodec.h"
#include "protocols/Timestamps.h"
#include "sigv4/UriEncoding.h"

#include <QJsonArray>

#include <cmath>

namespace cumulus::protocols {

using model::HttpLocation;
using model::Member;
using model::ShapeType;

namespace {

std::string timestampFormatOf(const model::Model &model, const Member &member, const char *fallback)
{
    if (const model::Trait *t = member.trait("smithy.api#timestampFormat"))
        return model::decodeJsonString(t->json).value_or(fallback);
    if (const model::Shape *shape = model.find(member.target)) {
        if (const model::Trait *t = shape->trait("smithy.api#timestampFormat"))
            return model::decodeJsonString(t->json).value_or(fallback);
    }
    return fallback;
}

std::string numberText(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    if (value == std::floor(value) && std::fabs(value) < 9e15)
        return std::to_string(qint64(value));
    QString text = QString::number(value, 'g', 17);
    // Shortest form that reads back the same.
    for (int precision = 1; precision <= 17; ++precision) {
        const QString candidate = QString::number(value, 'g', precision);
        if (candidate.toDouble() == value) {
            text = candidate;
            break;
        }
    }
    return text.toStdString();
}

// A header list item needs quotes when it holds a comma or a quote.
std::string quoteListItem(const std::string &item)
{
    if (item.find_first_of(",\"") == std::string::npos)
        return item;
    std::string out = "\"";
    for (const char c : item) {
        if (c == '"' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    return out + "\"";
}

// "a, \"b,c\", d" -> a | b,c | d
std::vector<std::string> splitHeaderList(const std::string &value)
{
    std::vector<std::string> items;
    std::string current;
    bool quoted = false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (quoted) {
            if (c == '\\' && i + 1 < value.size())
                current.push_back(value[++i]);
            else if (c == '"')
                quoted = false;
            else
                current.push_back(c);
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            items.push_back(current);
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    items.push_back(current);
    for (std::string &item : items) {
        const std::size_t first = item.find_first_not_of(' ');
        const std::size_t last = item.find_last_not_of(' ');
        item = first == std::string::npos ? std::string() : item.substr(first, last - first + 1);
    }
    return items;
}

} // namespace

std::optional<std::string> HttpBindings::text(const Member &member, const QJsonValue &value,
                                              const char *defaultTimestampFormat) const
{
    const auto type = typeOf(m_model, member.target);
    if (!type)
        return std::nullopt;
    switch (*type) {
    case ShapeType::String:
    case ShapeType::Enum: {
        std::string s = value.toString().toStdString();
        const model::Shape *shape = m_model.find(member.target);
        if (shape && shape->hasTrait("smithy.api#mediaType")) // a media-typed string header is base64
            s = QByteArray::fromStdString(s).toBase64().toStdString();
        return s;
    }
    case ShapeType::Boolean:
        return std::string(value.toBool() ? "true" : "false");
    case ShapeType::Byte:
    case ShapeType::Short:
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::IntEnum:
    case ShapeType::BigInteger:
    case ShapeType::Float:
    case ShapeType::Double:
    case ShapeType::BigDecimal:
        if (value.isString())
            return value.toString().toStdString(); // NaN, Infinity, -Infinity
        return numberText(value.toDouble());
    case ShapeType::Timestamp: {
        std::optional<double> seconds = value.isDouble() ? std::optional<double>(value.toDouble())
                                                         : parseDateTime(value.toString().toStdString());
        if (!seconds)
            seconds = parseHttpDate(value.toString().toStdString());
        if (!seconds)
            return std::nullopt;
        const std::string format = timestampFormatOf(m_model, member, defaultTimestampFormat);
        if (format == "date-time")
            return formatDateTime(*seconds);
        if (format == "http-date")
            return formatHttpDate(*seconds);
        return formatEpochSeconds(*seconds);
    }
    case ShapeType::Blob:
        return value.toString().toStdString(); // documents carry blobs as base64 already
    default:
        return std::nullopt;
    }
}

void HttpBindings::bindRequest(const model::Shape &operation, const model::Shape *input,
                               const QJsonObject &document, net::HttpRequest &request,
                               std::vector<InputProblem> &problems, util::Random &random) const
{
    const QJsonObject http = model::parseJsonValue(operation.trait("smithy.api#http")->json).toObject();
    request.method = http.value("method").toString().toStdString();
    std::string uri = http.value("uri").toString().toStdString();
    std::string fixedQuery;
    if (const std::size_t q = uri.find('?'); q != std::string::npos) {
        fixedQuery = uri.substr(q + 1);
        uri.resize(q);
    }
    std::vector<std::pair<std::string, std::string>> query; // encoded name, encoded value
    std::vector<std::string> queryNamesTaken;
    const std::vector<model::MemberBinding> bindings = input ? model::ServiceIndex::bindingsOf(*input)
                                                             : std::vector<model::MemberBinding>();

    auto valueOf = [&](const Member &member) -> QJsonValue {
        QJsonValue value = document.value(QString::fromStdString(member.name));
        if ((value.isUndefined() || value.isNull()) && member.trait("smithy.api#idempotencyToken"))
            value = random.uuid4().toString(QUuid::WithoutBraces);
        return value;
    };

    // Labels: {Name} and greedy {Name+}.
    std::string path;
    std::size_t at = 0;
    while (at < uri.size()) {
        const std::size_t open = uri.find('{', at);
        if (open == std::string::npos) {
            path += uri.substr(at);
            break;
        }
        path += uri.substr(at, open - at);
        const std::size_t close = uri.find('}', open);
        std::string label = uri.substr(open + 1, close - open - 1);
        const bool greedy = !label.empty() && label.back() == '+';
        if (greedy)
            label.pop_back();
        // Smithy names the label after the member; botocore models may bind a member under another
        // name (Route 53's HostedZoneId as {Id}).
        const Member *member = input ? input->member(label) : nullptr;
        if (!member && input) {
            for (const Member &m : input->members) {
                const model::Trait *t = m.trait("cumulus.botocore#locationName");
                if (t && model::decodeJsonString(t->json) == label)
                    member = &m;
            }
        }
        const QJsonValue value = member ? valueOf(*member) : QJsonValue();
        const auto text = member && !value.isUndefined() && !value.isNull()
            ? this->text(*member, value, "date-time") : std::nullopt;
        if (!text || text->empty()) {
            problems.push_back({"$." + label, "the URI label " + label + " needs a value"});
        } else {
            path += sigv4::uriEncode(*text, greedy);
        }
        at = close + 1;
    }
    request.path = path.empty() ? "/" : path;

    for (const model::MemberBinding &binding : bindings) {
        const Member &member = *binding.member;
        const QJsonValue value = valueOf(member);
        if (value.isUndefined() || value.isNull())
            continue;
        const std::string memberPath = "$." + member.name;
        switch (binding.location) {
        case HttpLocation::Query: {
            queryNamesTaken.push_back(binding.name);
            const std::string key = sigv4::uriEncode(binding.name);
            const model::Shape *shape = m_model.find(member.target);
            const bool list = shape && (shape->type == ShapeType::List || shape->type == ShapeType::Set);
            const Member *item = list ? shape->member("member") : nullptr;
            for (const QJsonValue &v : list ? value.toArray() : QJsonArray{value}) {
                if (auto t = text(item ? *item : member, v, "date-time"))
                    query.emplace_back(key, sigv4::uriEncode(*t));
                else
                    problems.push_back({memberPath, "cannot be a query value"});
            }
            break;
        }
        case HttpLocation::Header: {
            const model::Shape *shape = m_model.find(member.target);
            const bool list = shape && (shape->type == ShapeType::List || shape->type == ShapeType::Set);
            std::string headerValue;
            if (list) {
                const Member *item = shape->member("member");
                std::vector<std::string> parts;
                for (const QJsonValue &v : value.toArray()) {
                    if (auto t = text(*item, v, "http-date")) {
                        const auto itemType = typeOf(m_model, item->target);
                        parts.push_back(itemType == ShapeType::Timestamp ? *t : quoteListItem(*t));
                    }
                }
                for (std::size_t i = 0; i < parts.size(); ++i)
                    headerValue += (i ? ", " : "") + parts[i];
            } else if (auto t = text(member, value, "http-date")) {
                headerValue = *t;
            } else {
                problems.push_back({memberPath, "cannot be a header value"});
                break;
            }
            request.headers.push_back({binding.name, headerValue});
            break;
        }
        case HttpLocation::PrefixHeaders:
            break; // after the specific headers, which win over them
        default:
            break;
        }
    }
    for (const model::MemberBinding &binding : bindings) {
        if (binding.location != HttpLocation::PrefixHeaders)
            continue;
        const QJsonObject map = valueOf(*binding.member).toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string name = binding.name + it.key().toStdString();
            if (!request.header(name))
                request.headers.push_back({name, it.value().toString().toStdString()});
        }
    }
    // httpQueryParams last: keys taken by @httpQuery members win.
    for (const model::MemberBinding &binding : bindings) {
        if (binding.location != HttpLocation::QueryParams)
            continue;
        const QJsonObject map = valueOf(*binding.member).toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (std::find(queryNamesTaken.begin(), queryNamesTaken.end(), key) != queryNamesTaken.end())
                continue;
            for (const QJsonValue &v : it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()})
                query.emplace_back(sigv4::uriEncode(key), sigv4::uriEncode(v.toString().toStdString()));
        }
    }
    std::string queryText = fixedQuery;
    for (const auto &[key, value] : query)
        queryText += (queryText.empty() ? "" : "&") + key + "=" + value;
    request.query = queryText;
}

QJsonObject HttpBindings::readResponse(const model::Shape &structure, const net::HttpResponse &response) const
{
    QJsonObject out;
    for (const model::MemberBinding &binding : model::ServiceIndex::bindingsOf(structure)) {
        const Member &member = *binding.member;
        const QString name = QString::fromStdString(member.name);
        if (binding.location == HttpLocation::ResponseCode) {
            out.insert(name, response.status);
        } else if (binding.location == HttpLocation::Header) {
            const net::Header *header = response.header(binding.name);
            if (!header)
                continue;
            const model::Shape *shape = m_model.find(member.target);
            const bool list = shape && (shape->type == ShapeType::List || shape->type == ShapeType::Set);
            const Member *item = list ? shape->member("member") : &member;
            const auto itemType = typeOf(m_model, item->target);
            auto convert = [&](const std::string &text) -> QJsonValue {
                switch (itemType.value_or(ShapeType::String)) {
                case ShapeType::Boolean: return text == "true";
                case ShapeType::Byte: case ShapeType::Short: case ShapeType::Integer: case ShapeType::Long:
                case ShapeType::IntEnum: case ShapeType::BigInteger:
                    return QJsonValue(QString::fromStdString(text).toLongLong());
                case ShapeType::Float: case ShapeType::Double: case ShapeType::BigDecimal:
                    if (text == "NaN" || text == "Infinity" || text == "-Infinity")
                        return QString::fromStdString(text);
                    return QString::fromStdString(text).toDouble();
                case ShapeType::Timestamp: {
                    auto seconds = parseHttpDate(text);
                    if (!seconds)
                        seconds = parseDateTime(text);
                    if (!seconds && !text.empty())
                        seconds = QString::fromStdString(text).toDouble();
                    const double s = seconds.value_or(0);
                    return s == std::floor(s) ? QJsonValue(qint64(s)) : QJsonValue(s);
                }
                default: {
                    const model::Shape *target = m_model.find(item->target);
                    if (target && target->hasTrait("smithy.api#mediaType") && typeOf(m_model, item->target) == ShapeType::String)
                        return QString::fromUtf8(QByteArray::fromBase64(QByteArray::fromStdString(text)));
                    return QString::fromStdString(text);
                }
                }
            };
            if (list) {
                QJsonArray array;
                const bool timestamps = itemType == ShapeType::Timestamp;
                std::vector<std::string> items;
                if (timestamps) { // http-dates hold commas: "Mon, 16 Dec 2019 23:48:18 GMT, Tue, …"
                    const std::string &v = header->value;
                    std::size_t start = 0;
                    while (start < v.size()) {
                        std::size_t gmt = v.find("GMT", start);
                        const std::size_t end = gmt == std::string::npos ? v.size() : gmt + 3;
                        std::string item = v.substr(start, end - start);
                        item.erase(0, item.find_first_not_of(", "));
                        items.push_back(item);
                        start = end;
                    }
                } else {
                    items = splitHeaderList(header->value);
                }
                for (const std::string &text : items)
                    array.append(convert(text));
                out.insert(name, array);
            } else {
                out.insert(name, convert(header->value));
            }
        } else if (binding.location == HttpLocation::PrefixHeaders) {
            QJsonObject map;
            const QString prefix = QString::fromStdString(binding.name).toLower();
            for (const net::Header &h : response.headers) {
                const QString headerName = QString::fromStdString(h.name);
                if (headerName.toLower().startsWith(prefix))
                    map.insert(headerName.mid(prefix.size()), QString::fromStdString(h.value));
            }
            if (!map.isEmpty())
                out.insert(name, map);
        }
    }
    return out;
}

} // namespace cumulus::protocols
