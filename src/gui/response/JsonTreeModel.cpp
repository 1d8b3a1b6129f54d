#include "response/JsonTreeModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cumulus::gui {

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node &node)
{
    auto add = [&node](const QString &key, const QJsonValue &value, const QString &path) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->value = value;
        child->path = path;
        child->parent = &node;
        child->row = int(node.children.size());
        build(*child);
        node.children.push_back(std::move(child));
    };
    if (node.value.isObject()) {
        const QJsonObject o = node.value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            add(it.key(), it.value(), node.path.isEmpty() ? it.key() : node.path + '.' + it.key());
    } else if (node.value.isArray()) {
        const QJsonArray a = node.value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            add(QStringLiteral("[%1]").arg(i), a[i], node.path + QStringLiteral("[%1]").arg(i));
    }
}

void JsonTreeModel::setDocument(const QJsonValue &document)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->value = document;
    build(*m_root);
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return 3;
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0: return tr("Key");
    case 1: return tr("Value");
    default: return tr("Type");
    }
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    if (role == PathRole)
        return n->path;
    if (role == JsonRole)
        return n->value.isObject() || n->value.isArray()
            ? QString::fromUtf8((n->value.isObject() ? QJsonDocument(n->value.toObject()) : QJsonDocument(n->value.toArray())).toJson(QJsonDocument::Compact))
            : n->value.toVariant().toString();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case 0:
        return n->key;
    case 1:
        if (n->value.isObject())
            return n->children.size() == 1 ? tr("{1 member}") : tr("{%1 members}").arg(n->children.size());
        if (n->value.isArray())
            return n->children.size() == 1 ? tr("[1 item]") : tr("[%1 items]").arg(n->children.size());
        if (n->value.isBool())
            return n->value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        if (n->value.isNull())
            return QStringLiteral("null");
        return n->value.toVariant().toString();
    default:
        if (n->value.isObject()) return QStringLiteral("object");
        if (n->value.isArray()) return QStringLiteral("list");
        if (n->value.isString()) return QStringLiteral("string");
        if (n->value.isDouble()) return QStringLiteral("number");
        if (n->value.isBool()) return QStringLiteral("boolean");
        return QStringLiteral("null");
    }
}

QModelIndex JsonTreeModel::find(const QString &key, const QModelIndex &from) const
{
    for (int r = 0; r < rowCount(from); ++r) {
        const QModelIndex i = index(r, 0, from);
        if (i.data().toString() == key)
            return i;
        if (const QModelIndex deeper = find(key, i); deeper.isValid())
            return deeper;
    }
    return {};
}

} // namespace cumulus::gui
