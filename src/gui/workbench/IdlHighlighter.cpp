#include "workbench/IdlHighlighter.h"

namespace cumulus::gui {

IdlHighlighter::IdlHighlighter(QTextDocument *document)
    : RuleHighlighter(document)
{
    addRule(QStringLiteral("\\b(namespace|use|metadata|apply|service|operation|resource|structure|union|list|set|map|"
                           "enum|intEnum|string|blob|boolean|byte|short|integer|long|float|double|bigInteger|"
                           "bigDecimal|timestamp|document|with|for)\\b"),
            Role::Keyword, true);
    addRule(QStringLiteral("@[A-Za-z_][A-Za-z0-9_.#]*"), Role::Annotation);
    addRule(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""), Role::String);
    addRule(QStringLiteral("//.*$"), Role::Comment, false, true);
}

} // namespace cumulus::gui
