#include "workbench/ModelWorkbench.h"

#include "model/SmithyIdlLoader.h"
#include "workbench/IdlHighlighter.h"

#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace cumulus::gui {

ModelWorkbench::ModelWorkbench(QWidget *parent)
    : QWidget(parent), m_editor(new QPlainTextEdit(this)), m_problems(new QListWidget(this)), m_debounce(new QTimer(this)),
      m_fileName(QStringLiteral("untitled.smithy"))
{
    m_editor->setObjectName(QStringLiteral("idlEditor"));
    m_problems->setObjectName(QStringLiteral("idlProblems"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    new IdlHighlighter(m_editor->document());
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &ModelWorkbench::validateNow);
    connect(m_editor, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    // A problem clicked: its line.
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QTextBlock block = m_editor->document()->findBlockByNumber(item->data(Qt::UserRole).toInt() - 1);
        QTextCursor cursor(block);
        m_editor->setTextCursor(cursor);
        m_editor->setFocus();
    });
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(m_problems);
    split->setStretchFactor(0, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

bool ModelWorkbench::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    m_path = path;
    setText(QString::fromUtf8(file.readAll()), QFileInfo(path).fileName());
    return true;
}

bool ModelWorkbench::save()
{
    if (m_path.isEmpty())
        return false;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(m_editor->toPlainText().toUtf8());
    return file.commit();
}

void ModelWorkbench::setText(const QString &text, const QString &fileName)
{
    m_fileName = fileName;
    m_editor->setPlainText(text);
    validateNow();
}

void ModelWorkbench::validateNow()
{
    m_debounce->stop();
    const model::LoadResult result =
        model::loadSmithyIdl({{m_fileName.toStdString(), m_editor->toPlainText().toStdString()}});
    markProblems(result.errors);
    emit modelChanged(QStringLiteral("workbench:") + m_fileName, result);
}

void ModelWorkbench::markProblems(const std::vector<model::ModelError> &errors)
{
    m_problems->clear();
    QList<QTextEdit::ExtraSelection> marks;
    static const QRegularExpression where(QStringLiteral("line (\\d+), column (\\d+)"));
    for (const model::ModelError &e : errors) {
        const auto m = where.match(QString::fromStdString(e.location));
        const int line = m.hasMatch() ? m.captured(1).toInt() : 0;
        auto *item = new QListWidgetItem(
            line ? tr("line %1: %2").arg(line).arg(QString::fromStdString(e.message)) : QString::fromStdString(e.toString()),
            m_problems);
        item->setData(Qt::UserRole, line);
        if (!line)
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_editor->document()->findBlockByNumber(line - 1));
        mark.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(Qt::red);
        mark.format.setToolTip(QString::fromStdString(e.message));
        marks << mark;
    }
    if (errors.empty())
        new QListWidgetItem(tr("No problems: the explorer shows this model."), m_problems);
    m_editor->setExtraSelections(marks);
}

} // namespace cumulus::gui
