#pragma once

#include "model/Model.h"
#include "protocols/Protocol.h"

#include <QJsonValue>

#include <functional>
#include <string>
#include <vector>

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

    JsonCodec(const model::Model &model, Options options) : m_model(model), m_options(std::move(options)) {}

    // topLevel: the operation's input, where Smithy clients leave defaults for the service to
    // apply; nested structures get their members' defaults filled in.
    QJsonObject structureToWire(const model::Shape &structure, const QJsonObject &input,
                                const std::string &path, std::vector<InputProblem> &problems,
                                util::Random *random, bool topLevel = true) const;
    // only: when given, the members to read (restJson1 reads header-bound members elsewhere).
    QJsonObject structureFromWire(const model::Shape &structure, const QJsonObject &wire,
                                  const std::function<bool(const model::Member &)> &only = {}) const;

private:
    QJsonValue toWire(const model::ShapeId &target, const std::vector<model::Trait> &memberTraits,
                      const QJsonValue &value, const std::string &path,
                      std::vector<InputProblem> &problems, util::Random *random) const;
    QJsonValue fromWire(const model::ShapeId &target, const std::vector<model::Trait> &memberTraits,
                        const QJsonValue &wire) const;
    std::string timestampFormat(const model::ShapeId &target, const std::vector<model::Trait> &memberTraits) const;
    std::string wireName(const model::Member &member) const;
    QJsonValue zeroValue(const model::ShapeId &target) const;

    const model::Model &m_model;
    Options m_options;
};

// The shape type a target names: a model shape's type, or a prelude shape's.
std::optional<model::ShapeType> typeOf(const model::Model &model, const model::ShapeId &target);

} // namespace cumulus::protocols
