#pragma once

#include <QString>

namespace cumulus::gui {

// What a profile allows without asking: everything, reads only, or writes after a confirmation.
enum class WriteSafety { None, ConfirmWrites, ReadOnly };

// An operation that only reads, by the names AWS gives such operations (Get, List, Describe, Head,
// Query, Scan, BatchGet, Search, Lookup, Check, Estimate, Preview, Select, Validate, Test…). Anything
// else may change something.
bool isReadOperation(const QString &operation);

QString safetyName(WriteSafety safety);

} // namespace cumulus::gui
