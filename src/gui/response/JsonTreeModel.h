#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace cumulus::gui {

// A JSON document as a tree: key, value (scalars), type. Each row knows its path
// ("Item.Artist.S") for "copy path".
class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role { PathRole = Qt::UserRole + 1, JsonRole };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;
    void setDocument(const QJsonValue &document);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The first row (depth first) whose key is `key`, for tests and "find".
    QModelIndex find(const QString &key, const QModelIndex &from = {}) const;

private:
    struct Node {
        QString key;
        QJsonValue value;
        QString path;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node &node);
    Node *nodeOf(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace cumulus::gui
