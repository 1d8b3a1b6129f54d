#include "response/BodyHighlighter.h"

namespace cumulus::gui {

BodyHighlighter::BodyHighlighter(QTextDocument *document)
    : RuleHighlighter(document)
{
}

void BodyHighlighter::setSyntax(Syntax syntax)
{
    clearRules();
    switch (syntax) {
    case Syntax::Plain:
        break;
    case Syntax::Json:
        addRule(QStringLiteral("-?\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\b"), Role::Number);
        addRule(QStringLiteral("\\b(true|false|null)\\b"), Role::Keyword, true);
        addRule(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\""), Role::String);
        addRule(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:)"), Role::Name);
        break;
    case Syntax::Xml:
        addRule(QStringLiteral("</?[A-Za-z_][\\w.:-]*|/?>"), Role::Name);
        addRule(QStringLiteral("\\b[A-Za-z_][\\w.:-]*(?==\")"), Role::Annotation);
        addRule(QStringLiteral("\"[^\"]*\""), Role::String);
        addRule(QStringLiteral("<\\?.*\\?>|<!--.*-->"), Role::Comment, false, true);
        break;
    }
    rehighlight();
}

} // namespace cumulus::gui
