#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace cumulus::gui {

// Smithy IDL colours: keywords, traits, strings, comments (documentation comments too).
class IdlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit IdlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    std::vector<Rule> m_rules;
};

} // namespace cumulus::gui
