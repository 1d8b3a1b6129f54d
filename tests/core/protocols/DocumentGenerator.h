#pragma once

#include "model/Model.h"

#include <QJsonObject>

#include <random>

namespace cumulus::test {

// Random but valid request documents for an operation's input shape: required members always,
// others half the time, enum values from the enum, numbers within their range, lists and maps of
// one or two entries, unions with one member, bounded depth. Deterministic for a seed.
class DocumentGenerator {
public:
    DocumentGenerator(const model::Model &model, std::uint64_t seed) : m_model(model), m_rng(seed) {}

    QJsonObject structure(const model::Shape &shape, int depth = 0);

private:
    QJsonValue value(const model::Member &member, int depth);
    int below(int n) { return int(m_rng() % std::uint64_t(n)); }

    const model::Model &m_model;
    std::mt19937_64 m_rng;
};

} // namespace cumulus::test
