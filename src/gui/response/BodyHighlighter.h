#pragma once

#include "text/RuleHighlighter.h"

namespace cumulus::gui {

// Colours an answer's body as JSON (keys, strings, numbers, literals) or XML (tags, attributes,
// values, comments); plain text stays plain.
class BodyHighlighter : public RuleHighlighter {
    Q_OBJECT

public:
    enum class Syntax { Plain, Json, Xml };

    explicit BodyHighlighter(QTextDocument *document);
    void setSyntax(Syntax syntax);
};

} // namespace cumulus::gui
