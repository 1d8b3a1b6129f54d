#include "workbench/IdlHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace cumulus::gui {

IdlHighlighter::IdlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const QPalette palette = QGuiApplication::palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    auto format = [](const QColor &color, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(color);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    const QColor keyword = dark ? QColor("#82aaff") : QColor("#0033b3");
    const QColor trait = dark ? QColor("#c3e88d") : QColor("#067d17");
    const QColor string = dark ? QColor("#f78c6c") : QColor("#a31515");
    const QColor comment = dark ? QColor("#7f8c98") : QColor("#8c8c8c");
    m_rules.push_back({QRegularExpression(QStringLiteral(
                           "\\b(namespace|use|metadata|apply|service|operation|resource|structure|union|list|set|map|"
                           "enum|intEnum|string|blob|boolean|byte|short|integer|long|float|double|bigInteger|"
                           "bigDecimal|timestamp|document|with|for)\\b")),
                       format(keyword, true)});
    m_rules.push_back({QRegularExpression(QStringLiteral("@[A-Za-z_][A-Za-z0-9_.#]*")), format(trait)});
    m_rules.push_back({QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"")), format(string)});
    m_rules.push_back({QRegularExpression(QStringLiteral("//.*$")), format(comment, false, true)});
}

void IdlHighlighter::highlightBlock(const QString &text)
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
