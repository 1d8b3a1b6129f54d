#pragma once

#include "text/RuleHighlighter.h"

namespace cumulus::gui {

// Smithy IDL colours: keywords, traits, strings, comments (documentation comments too).
class IdlHighlighter : public RuleHighlighter {
    Q_OBJECT

public:
    explicit IdlHighlighter(QTextDocument *document);
};

} // namespace cumulus::gui
