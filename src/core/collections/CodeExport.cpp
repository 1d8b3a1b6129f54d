#include "collections/CodeExport.h"

#include "model/BotocoreNames.h"
#include "model/Prelude.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace cumulus::collections {

namespace {

// A JSON text as a Python literal: true/false/null become True/False/None outside strings.
std::string pythonLiteral(const std::string &json)
{
    std::string out;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            escaped = !escaped && c == '\\';
            if (c == '"' && !escaped)
                inString = false;
            if (c != '\\')
                escaped = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
        } else if (json.compare(i, 4, "true") == 0) {
            out += "True";
            i += 3;
        } else if (json.compare(i, 5, "false") == 0) {
            out += "False";
            i += 4;
        } else if (json.compare(i, 4, "null") == 0) {
            out += "None";
            i += 3;
        } else {
            out += c;
        }
    }
    return out;
}

// A JSON string literal is a Python one.
std::string pythonString(const std::string &text)
{
    const QByteArray json = QJsonDocument(QJsonArray{QString::fromStdString(text)}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2).toStdString(); // ["…"] without the brackets
}

// A document value as a Python literal (the layout of indented JSON), following the shape so that
// blobs become bytes: boto3 would send the base64 text itself as the blob.
void pythonValue(const QJsonValue &value, const model::Model *model, const model::Shape *shape, int indent,
                 std::string &out, bool &usesBase64)
{
    const std::string pad(std::size_t(indent + 4), ' ');
    auto targetOf = [&](const model::Member *member) -> const model::Shape * {
        return member && model ? (member->targetShape ? member->targetShape : model->find(member->target)) : nullptr;
    };
    auto typeOf = [&](const model::Member *member) {
        if (const model::Shape *target = targetOf(member))
            return std::optional<model::ShapeType>(target->type);
        return member ? model::preludeShapeType(member->target.text()) : std::nullopt;
    };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += "{}";
            return;
        }
        const bool isMap = shape && shape->type == model::ShapeType::Map;
        out += "{\n";
        qsizetype left = object.size();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const model::Member *member = shape ? shape->member(isMap ? "value" : it.key().toStdString()) : nullptr;
            out += pad + pythonString(it.key().toStdString()) + ": ";
            if (it.value().isString() && typeOf(member) == model::ShapeType::Blob) {
                out += "base64.b64decode(" + pythonString(it.value().toString().toStdString()) + ")";
                usesBase64 = true;
            } else {
                pythonValue(it.value(), model, targetOf(member), indent + 4, out, usesBase64);
            }
            out += --left ? ",\n" : "\n";
        }
        out += std::string(std::size_t(indent), ' ') + "}";
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            return;
        }
        const model::Member *member = shape ? shape->member("member") : nullptr;
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += pad;
            if (array[i].isString() && typeOf(member) == model::ShapeType::Blob) {
                out += "base64.b64decode(" + pythonString(array[i].toString().toStdString()) + ")";
                usesBase64 = true;
            } else {
                pythonValue(array[i], model, targetOf(member), indent + 4, out, usesBase64);
            }
            out += i + 1 < array.size() ? ",\n" : "\n";
        }
        out += std::string(std::size_t(indent), ' ') + "]";
        return;
    }
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    out += pythonLiteral(json.mid(1, json.size() - 2).toStdString());
}

} // namespace

std::string shellQuoted(const std::string &text)
{
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

std::string awsCliCommand(const ExportedCall &call)
{
    std::string command = "aws " + model::awsCliServiceName(call.sdkId) + ' ' + model::xformName(call.operation);
    if (!call.input.isEmpty())
        command += " --cli-input-json "
            + shellQuoted(QJsonDocument(call.input).toJson(QJsonDocument::Compact).toStdString());
    for (const auto &[option, value] : {std::pair{"--profile", call.profile}, std::pair{"--region", call.region},
                                        std::pair{"--endpoint-url", call.endpoint}}) {
        if (!value.empty())
            command += std::string(" ") + option + ' ' + shellQuoted(value);
    }
    return command;
}

std::string boto3Snippet(const ExportedCall &call)
{
    std::string method = model::xformName(call.operation);
    for (char &c : method)
        c = c == '-' ? '_' : c;
    std::string text = "import boto3\n\n";
    text += "session = boto3.Session(" + (call.profile.empty() ? std::string() : "profile_name=" + pythonString(call.profile))
        + ")\n";
    text += "client = session.client(" + pythonString(model::botocoreServiceName(call.sdkId));
    if (!call.region.empty())
        text += ", region_name=" + pythonString(call.region);
    if (!call.endpoint.empty())
        text += ", endpoint_url=" + pythonString(call.endpoint);
    text += ")\n";
    std::string input;
    bool usesBase64 = false;
    pythonValue(call.input, call.model, call.inputShape, 0, input, usesBase64);
    if (usesBase64)
        text.insert(0, "import base64\n");
    text += "response = client." + method + "(**" + input + ")\n";
    text += "print(response)\n";
    return text;
}

util::Expected<std::string> curlCommand(const net::HttpRequest &request, const std::string &url,
                                        const std::string &signingRegion, const std::string &signingName)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    (void)QString(utf8(QByteArray::fromStdString(request.body)));
    if (utf8.hasError() || request.body.find('\0') != std::string::npos)
        return util::Error{"the body is binary: curl's export needs a text body (save it to a file and use --data-binary @FILE)"};
    std::string command = "curl --aws-sigv4 " + shellQuoted("aws:amz:" + signingRegion + ":" + signingName)
        + " --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""
        + " ${AWS_SESSION_TOKEN:+-H \"X-Amz-Security-Token: $AWS_SESSION_TOKEN\"}";
    if (request.method == "HEAD")
        command += " --head";
    else if (request.method != "GET" || !request.body.empty())
        command += " -X " + request.method;
    for (const net::Header &h : request.headers) {
        std::string lower = h.name;
        for (char &c : lower)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        if (lower == "host" || lower == "content-length")
            continue; // curl writes them
        command += " -H " + shellQuoted(h.name + ": " + h.value);
    }
    if (!request.body.empty())
        command += " --data-binary " + shellQuoted(request.body);
    return command + ' ' + shellQuoted(url);
}

} // namespace cumulus::collections
