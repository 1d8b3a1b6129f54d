#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace cumulus::gui {

// A highlighter made of rules (a pattern and its format; later rules win where they overlap),
// with colours that suit the palette: light ones on a dark base, dark ones on a light base.
class RuleHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    enum class Role { Keyword, Name, String, Number, Annotation, Comment };

    explicit RuleHighlighter(QTextDocument *document);

    void addRule(const QString &pattern, Role role, bool bold = false, bool italic = false);
    void clearRules() { m_rules.clear(); }

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    std::vector<Rule> m_rules;
    bool m_dark = false;
};

} // namespace cumulus::gui
