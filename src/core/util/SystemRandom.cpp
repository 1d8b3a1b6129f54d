#include "util/SystemRandom.h"

#include <QRandomGenerator>

namespace cumulus::util {

std::uint64_t SystemRandom::next64()
{
    return QRandomGenerator::system()->generate64();
}

} // namespace cumulus::util
