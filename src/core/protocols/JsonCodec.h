#pragma once

#include "model/Model.h"
#include "protocols/JsonWriter.h"
#include "protocols/Protocol.h"

#include <QJsonValue>

#include <functional>
#include <string>
#include <vector>

namespace simdjson::dom {
class element;
class object;
}

namespace cumulus::protocols {

// Between request/response documents and the JSON bodies of awsJson1_0, awsJson1_1 and restJson1,
// guided by the shapes: member names (or jsonName), timestamps in the member's or the protocol's
// format, blobs as base64, special floats as strings, idempotency tokens filled in, unions as a
// one-member object. Input that does not fit the shape is reported with its JSON path.
class JsonCodec {
public:
    struct Options {
        bool useJsonName = false;
        std::string timestampFormat = "epoch-seconds";
    };
    using MemberFilter = std::function<bool(const model::Member &)>;

    JsonCodec(const model::Model &model, Options options) : m_model(model), m_options(std::move(options)) {}

    // Checks the input against the structure and writes its wire form as JSON text, as it goes.
    // topLevel: the operation's input, where Smithy clients leave defaults for the service to
    // apply; nested structures get their members' defaults filled in. written: when given, the
    // members to write (restJson1 binds the others elsewhere); all are checked.
    void writeStructure(const model::Shape &structure, const QJsonObject &input, const std::string &path,
                        std::vector<InputProblem> &problems, util::Random *random, JsonWriter &out,
                        const MemberFilter &written = {}, bool topLevel = true) const;
    // One value of the target's shape (an httpPayload member).
    void writeValue(const model::Member &member, const QJsonValue &value, const std::string &path,
                    std::vector<InputProblem> &problems, util::Random *random, JsonWriter &out) const;
    // The wire form as an object (what writeStructure writes, read back).
    QJsonObject structureToWire(const model::Shape &structure, const QJsonObject &input,
                                const std::string &path, std::vector<InputProblem> &problems,
                                util::Random *random) const;

    // only: when given, the members to read (restJson1 reads header-bound members elsewhere).
    // What needs no change (most responses) is returned as it came, shared rather than copied.
    QJsonObject structureFromWire(const model::Shape &structure, const QJsonObject &wire,
                                  const MemberFilter &only = {}) const;

    // True when a response body, as simdjson parsed it, is already the output document: what
    // structureFromWire would return unchanged (no member left out, renamed, filled in or
    // converted). False may also mean "not sure": the caller then builds the document.
    bool isDocumentAsIs(const model::Shape &structure, const simdjson::dom::object &wire) const;

    struct Path;

private:
    void structureToWire(const model::Shape &structure, const QJsonObject &input, const Path &path,
                         std::vector<InputProblem> &problems, util::Random *random, JsonWriter &out,
                         const MemberFilter &written, bool topLevel) const;
    void toWire(const model::Member &member, const QJsonValue &value, const Path &path,
                std::vector<InputProblem> &problems, util::Random *random, JsonWriter &out) const;
    QJsonObject structureFromWire(const model::Shape &structure, const QJsonObject &wire,
                                  const MemberFilter &only, bool &changed) const;
    QJsonValue fromWire(const model::Member &member, const QJsonValue &wire, bool &changed) const;
    bool isValueAsIs(const model::Member &member, const simdjson::dom::element &wire) const;
    const model::Shape *targetOf(const model::Member &member) const;
    std::string timestampFormat(const model::ShapeId &target, const std::vector<model::Trait> &memberTraits) const;
    const model::Trait *jsonName(const model::Member &member) const;
    std::string wireName(const model::Member &member) const;
    QJsonValue zeroValue(const model::ShapeId &target) const;

    const model::Model &m_model;
    Options m_options;
};

// The shape type a target names: a model shape's type, or a prelude shape's.
std::optional<model::ShapeType> typeOf(const model::Model &model, const model::ShapeId &target);

} // namespace cumulus::protocols
