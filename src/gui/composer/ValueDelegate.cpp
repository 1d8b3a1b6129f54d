#include "composer/ValueDelegate.h"

#include "composer/InputModel.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QTimeZone>

namespace cumulus::gui {

QWidget *ValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != 1)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const QString type = index.data(InputModel::TypeRole).toString();
    const bool closed = type == QLatin1String("boolean") || type == QLatin1String("union");
    if (type == QLatin1String("enum") || type == QLatin1String("intEnum") || closed) {
        auto *combo = new QComboBox(parent);
        combo->addItem(QString());
        combo->addItems(type == QLatin1String("boolean") ? QStringList{"true", "false"}
                                                         : index.data(InputModel::EnumValuesRole).toStringList());
        combo->setEditable(!closed); // services add enum values; Smithy lets clients send others
        return combo;
    }
    if (type == QLatin1String("timestamp")) {
        auto *edit = new QDateTimeEdit(parent);
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
        edit->setCalendarPopup(true);
        return edit;
    }
    auto *line = new QLineEdit(parent);
    if (type == QLatin1String("blob"))
        line->setPlaceholderText(tr("base64"));
    return line;
}

void ValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString value = index.data(Qt::EditRole).toString();
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentText(value);
    } else if (auto *edit = qobject_cast<QDateTimeEdit *>(editor)) {
        const QDateTime t = QDateTime::fromString(value, Qt::ISODate);
        edit->setDateTime(t.isValid() ? t : QDateTime::currentDateTimeUtc());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void ValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentText());
    else if (auto *edit = qobject_cast<QDateTimeEdit *>(editor))
        model->setData(index, edit->dateTime().toUTC().toString(Qt::ISODate));
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace cumulus::gui
