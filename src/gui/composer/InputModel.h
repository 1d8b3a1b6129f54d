#pragma once

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace cumulus::gui {

// An operation's input as an editable tree, generated from its shape (model::describeOperation's
// "input" tree): structures and unions as groups of their members, lists as elements added on
// demand, maps as key/value entries, unions as a choice of one member, scalars as values. Columns: name (a map entry's key is
// editable), value (scalars are editable; the type decides the editor), type. Required members are
// marked; documentation is the tooltip. document() is the --cli-input-json document of what is set.
class InputModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role {
        TypeRole = Qt::UserRole + 1, // "string", "enum", "integer", "boolean", "timestamp", "structure", …
        EnumValuesRole,              // QStringList
        RequiredRole,
        PathRole,                    // "$.Key.id.S"
        CanAddRole,                  // a list or map: elements can be added
        CanRemoveRole,               // an element or entry: can be removed
        CanMoveRole,                 // a list element: can move up or down
        SpecRole,                    // the member's description (QJsonObject: type, documentation, min, max, enum, …)
    };

    explicit InputModel(QObject *parent = nullptr);
    ~InputModel() override;

    // The operation's input tree ({"members": [...]}) and, optionally, a document to show.
    void setShape(const QJsonObject &inputTree);
    void setDocument(const QJsonObject &document);
    QJsonObject document() const;

    // Picks the member a union is set with ("" for none): the member's row replaces the previous
    // one. A union's value column does the same (a combo box of its members).
    bool choose(const QModelIndex &unionIndex, const QString &member);
    // Adds an element to a list or an entry (key "key", "key2", …) to a map; returns it.
    QModelIndex addElement(const QModelIndex &listOrMap);
    bool removeElement(const QModelIndex &element);
    // Moves a list element one place up (-1) or down (+1); false at either end or for a non-element.
    bool moveElement(const QModelIndex &element, int delta);
    // The row for a path of member names ("Key", "id"), building the tree on the way.
    QModelIndex indexOf(const QStringList &names, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void documentChanged();

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    void ensureChildren(Node &node) const;
    QModelIndex indexFor(Node *node, int column) const;
    static void fill(Node &node, const QJsonValue &value);
    static QJsonValue valueOf(const Node &node, bool &present);

    std::unique_ptr<Node> m_root;
};

} // namespace cumulus::gui
