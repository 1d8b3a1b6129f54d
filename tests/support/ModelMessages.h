#pragma once

#include "model/ModelError.h"

#include <QStringList>

namespace cumulus::test {

// Every error of a load, one per line, for test failure messages.
inline QString messages(const model::LoadResult &result)
{
    QStringList out;
    for (const model::ModelError &e : result.errors)
        out << QString::fromStdString(e.toString());
    return out.join('\n');
}

} // namespace cumulus::test
