#pragma once

#include <QStyledItemDelegate>

namespace cumulus::gui {

// Editors by type for InputModel's value column: a list of values for enums and booleans, a
// date-time editor for timestamps, a line for the rest (numbers validated by the model).
class ValueDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace cumulus::gui
