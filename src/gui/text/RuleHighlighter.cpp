#include "text/RuleHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace cumulus::gui {

RuleHighlighter::RuleHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document), m_dark(QGuiApplication::palette().color(QPalette::Base).lightness() < 128)
{
}

void RuleHighlighter::addRule(const QString &pattern, Role role, bool bold, bool italic)
{
    // Keyword, Name, String, Number, Annotation, Comment
    static const char *const light[] = {"#0033b3", "#871094", "#a31515", "#1750eb", "#067d17", "#8c8c8c"};
    static const char *const dark[] = {"#82aaff", "#c792ea", "#f78c6c", "#89ddff", "#c3e88d", "#7f8c98"};
    QTextCharFormat format;
    format.setForeground(QColor((m_dark ? dark : light)[int(role)]));
    if (bold)
        format.setFontWeight(QFont::Bold);
    format.setFontItalic(italic);
    m_rules.push_back({QRegularExpression(pattern), format});
}

void RuleHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : m_rules) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto m = matches.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
}

} // namespace cumulus::gui
