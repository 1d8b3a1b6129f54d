#include "safety/WriteSafety.h"

#include <QStringList>

namespace cumulus::gui {

bool isReadOperation(const QString &operation)
{
    static const QStringList prefixes = {"Get", "List", "Describe", "Head", "Query", "Scan", "BatchGet", "Search",
                                         "Lookup", "Check", "Estimate", "Preview", "Select", "Validate", "Test",
                                         "Simulate", "Verify", "Detect", "Download", "Export"};
    for (const QString &prefix : prefixes) {
        // "Get" but not "Getaway": the next letter starts a new word.
        if (operation.startsWith(prefix) && (operation.size() == prefix.size() || operation[prefix.size()].isUpper()))
            return true;
    }
    return false;
}

QString safetyName(WriteSafety safety)
{
    switch (safety) {
    case WriteSafety::None: return QStringLiteral("none");
    case WriteSafety::ConfirmWrites: return QStringLiteral("confirm writes");
    case WriteSafety::ReadOnly: return QStringLiteral("read-only");
    }
    return {};
}

} // namespace cumulus::gui
