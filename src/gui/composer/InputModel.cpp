#include "composer/InputModel.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>

namespace cumulus::gui {

namespace {

bool isComposite(const QString &type)
{
    return type == QLatin1String("structure") || type == QLatin1String("union") || type == QLatin1String("list")
        || type == QLatin1String("set") || type == QLatin1String("map");
}

bool isInteger(const QString &type)
{
    return type == QLatin1String("byte") || type == QLatin1String("short") || type == QLatin1String("integer")
        || type == QLatin1String("long") || type == QLatin1String("bigInteger") || type == QLatin1String("intEnum");
}

bool isFloat(const QString &type)
{
    return type == QLatin1String("float") || type == QLatin1String("double") || type == QLatin1String("bigDecimal");
}

QString count(std::size_t n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace

struct InputModel::Node {
    enum class Kind { Member, Element, Entry } kind = Kind::Member;
    QString name;
    QJsonObject spec;
    QJsonValue value = QJsonValue(QJsonValue::Undefined);
    Node *parent = nullptr;
    int row = 0;
    bool built = false;
    QStringList chosen; // a union's members that are set (one, unless a document set more)
    std::vector<std::unique_ptr<Node>> children;

    QString type() const { return spec.value("type").toString(); }
    Node *add(Kind k, const QString &childName, const QJsonObject &childSpec)
    {
        auto child = std::make_unique<Node>();
        child->kind = k;
        child->name = childName;
        child->spec = childSpec;
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
    // A structure's members, or a union's chosen one, made when first needed (recursive shapes
    // stay finite).
    void buildMembers()
    {
        if (built)
            return;
        built = true;
        const QString t = type();
        const bool isUnion = t == QLatin1String("union");
        if ((t == QLatin1String("structure") || isUnion) && !spec.value("recursive").toBool()) {
            for (const QJsonValue &m : spec.value("members").toArray()) {
                const QString member = m.toObject().value("name").toString();
                if (!isUnion || chosen.contains(member))
                    add(Kind::Member, member, m.toObject());
            }
        }
    }
    QStringList memberNames() const
    {
        QStringList names;
        for (const QJsonValue &m : spec.value("members").toArray())
            names << m.toObject().value("name").toString();
        return names;
    }
    void renumber()
    {
        for (std::size_t i = 0; i < children.size(); ++i)
            children[i]->row = int(i);
    }
    QString path() const
    {
        if (!parent)
            return QStringLiteral("$");
        const QString up = parent->path();
        return kind == Kind::Element ? up + QStringLiteral("[%1]").arg(row) : up + '.' + name;
    }
};

InputModel::InputModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->spec = QJsonObject{{"type", "structure"}};
}

InputModel::~InputModel() = default;

void InputModel::ensureChildren(Node &node) const
{
    node.buildMembers();
}

void InputModel::setShape(const QJsonObject &inputTree)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->spec = inputTree;
    m_root->spec.insert("type", "structure");
    endResetModel();
    emit documentChanged();
}

void InputModel::fill(Node &node, const QJsonValue &value)
{
    const QString type = node.type();
    if (type == QLatin1String("structure") || type == QLatin1String("union")) {
        const QJsonObject o = value.toObject();
        if (type == QLatin1String("union")) {
            node.chosen.clear();
            for (const QString &member : node.memberNames()) {
                if (o.contains(member))
                    node.chosen << member;
            }
        }
        node.buildMembers();
        for (auto &child : node.children) {
            if (o.contains(child->name))
                fill(*child, o.value(child->name));
        }
    } else if (type == QLatin1String("list") || type == QLatin1String("set")) {
        node.built = true;
        for (const QJsonValue &item : value.toArray())
            fill(*node.add(Node::Kind::Element, QString(), node.spec.value("member").toObject()), item);
    } else if (type == QLatin1String("map")) {
        node.built = true;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            fill(*node.add(Node::Kind::Entry, it.key(), node.spec.value("value").toObject()), it.value());
    } else {
        node.value = value;
    }
}

void InputModel::setDocument(const QJsonObject &document)
{
    beginResetModel();
    auto root = std::make_unique<Node>();
    root->spec = m_root->spec;
    m_root = std::move(root);
    fill(*m_root, document);
    endResetModel();
    emit documentChanged();
}

QJsonValue InputModel::valueOf(const Node &node, bool &present)
{
    const QString type = node.type();
    if (type == QLatin1String("structure") || type == QLatin1String("union")) {
        QJsonObject o;
        for (const auto &child : node.children) {
            bool childPresent = false;
            const QJsonValue v = valueOf(*child, childPresent);
            if (childPresent)
                o.insert(child->name, v);
        }
        present = !o.isEmpty() || node.kind != Node::Kind::Member;
        return o;
    }
    if (type == QLatin1String("list") || type == QLatin1String("set")) {
        QJsonArray a;
        for (const auto &child : node.children) {
            bool ignored = false;
            a.append(valueOf(*child, ignored));
        }
        present = !a.isEmpty();
        return a;
    }
    if (type == QLatin1String("map")) {
        QJsonObject o;
        for (const auto &child : node.children) {
            bool ignored = false;
            o.insert(child->name, valueOf(*child, ignored));
        }
        present = !o.isEmpty();
        return o;
    }
    present = !node.value.isUndefined() || node.kind != Node::Kind::Member;
    return node.value.isUndefined() ? QJsonValue(QString()) : node.value;
}

QJsonObject InputModel::document() const
{
    bool present = false;
    return valueOf(*m_root, present).toObject();
}

InputModel::Node *InputModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex InputModel::indexFor(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

QModelIndex InputModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    ensureChildren(*p);
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex InputModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeOf(child)->parent, 0);
}

int InputModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    Node *n = nodeOf(parent);
    ensureChildren(*n);
    return int(n->children.size());
}

int InputModel::columnCount(const QModelIndex &) const
{
    return 3;
}

QVariant InputModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0: return tr("Member");
    case 1: return tr("Value");
    default: return tr("Type");
    }
}

Qt::ItemFlags InputModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Node *n = nodeOf(index);
    const bool choice = n->type() == QLatin1String("union");
    if (index.column() == 1 && (choice || !isComposite(n->type())) && !n->spec.value("recursive").toBool())
        f |= Qt::ItemIsEditable;
    if (index.column() == 0 && n->kind == Node::Kind::Entry)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant InputModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    const QString type = n->type();
    const bool required = n->spec.value("required").toBool() && n->kind == Node::Kind::Member;
    switch (role) {
    case TypeRole: return type;
    case EnumValuesRole: {
        if (type == QLatin1String("union"))
            return n->memberNames();
        QStringList values;
        for (const QJsonValue &v : n->spec.value("enum").toArray())
            values << v.toVariant().toString();
        return values;
    }
    case RequiredRole: return required;
    case PathRole: return n->path();
    case CanAddRole: return type == QLatin1String("list") || type == QLatin1String("set") || type == QLatin1String("map");
    case CanRemoveRole: return n->kind != Node::Kind::Member;
    case CanMoveRole: return n->kind == Node::Kind::Element;
    case SpecRole: return n->spec;
    case Qt::FontRole:
        if (index.column() == 0 && required) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = n->spec.value("documentation").toString();
        if (n->spec.contains("min") || n->spec.contains("max"))
            tip += QStringLiteral("\n(%1 … %2)").arg(n->spec.value("min").toVariant().toString(), n->spec.value("max").toVariant().toString());
        return tip.trimmed().isEmpty() ? QVariant() : tip.trimmed();
    }
    case Qt::DisplayRole:
    case Qt::EditRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case 0:
        if (n->kind == Node::Kind::Element)
            return QStringLiteral("[%1]").arg(n->row);
        return role == Qt::DisplayRole && required ? n->name + QStringLiteral(" *") : n->name;
    case 1:
        if (type == QLatin1String("list") || type == QLatin1String("set"))
            return role == Qt::DisplayRole ? count(n->children.size(), tr("item"), tr("items")) : QVariant();
        if (type == QLatin1String("map"))
            return role == Qt::DisplayRole ? count(n->children.size(), tr("entry"), tr("entries")) : QVariant();
        if (type == QLatin1String("union") && !n->spec.value("recursive").toBool()) {
            if (role == Qt::EditRole)
                return n->chosen.value(0);
            return n->chosen.isEmpty() ? tr("(choose one of %1)").arg(n->memberNames().size()) : n->chosen.join(QStringLiteral(", "));
        }
        if (isComposite(type))
            return {};
        if (n->spec.value("recursive").toBool())
            return role == Qt::DisplayRole ? tr("(nested again: edit it in the JSON tab)") : QVariant();
        if (n->value.isUndefined())
            return role == Qt::DisplayRole && n->spec.contains("default")
                ? tr("default: %1").arg(n->spec.value("default").toVariant().toString())
                : QVariant();
        if (n->value.isBool())
            return n->value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        if (type == QLatin1String("document"))
            return QString::fromUtf8(QJsonDocument::fromVariant(n->value.toVariant()).toJson(QJsonDocument::Compact));
        return n->value.toVariant().toString();
    default:
        if (type == QLatin1String("list") || type == QLatin1String("set"))
            return QStringLiteral("list of %1").arg(n->spec.value("member").toObject().value("type").toString());
        if (type == QLatin1String("map"))
            return QStringLiteral("map of %1").arg(n->spec.value("value").toObject().value("type").toString());
        return type;
    }
}

bool InputModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    Node *n = nodeOf(index);
    if (index.column() == 0) {
        if (n->kind != Node::Kind::Entry || value.toString().isEmpty())
            return false;
        n->name = value.toString();
    } else if (n->type() == QLatin1String("union")) {
        return choose(index, value.toString());
    } else {
        const QString type = n->type();
        const QString text = value.toString();
        if (text.isEmpty()) {
            n->value = QJsonValue(QJsonValue::Undefined);
        } else if (isInteger(type)) {
            bool ok = false;
            const qlonglong v = text.toLongLong(&ok);
            if (!ok)
                return false;
            n->value = v;
        } else if (isFloat(type)) {
            bool ok = false;
            const double v = text.toDouble(&ok);
            if (!ok)
                return false;
            n->value = v;
        } else if (type == QLatin1String("boolean")) {
            if (text != QLatin1String("true") && text != QLatin1String("false"))
                return false;
            n->value = text == QLatin1String("true");
        } else if (type == QLatin1String("document")) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
            n->value = error.error == QJsonParseError::NoError ? (doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array())) : QJsonValue(text);
        } else {
            n->value = text;
        }
    }
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(2));
    emit documentChanged();
    return true;
}

bool InputModel::choose(const QModelIndex &unionIndex, const QString &member)
{
    Node *n = nodeOf(unionIndex);
    if (!unionIndex.isValid() || n->type() != QLatin1String("union") || (!member.isEmpty() && !n->memberNames().contains(member)))
        return false;
    if (n->chosen == QStringList{member} || (member.isEmpty() && n->chosen.isEmpty()))
        return true;
    const QModelIndex parentIndex = unionIndex.siblingAtColumn(0);
    n->buildMembers();
    if (!n->children.empty()) {
        beginRemoveRows(parentIndex, 0, int(n->children.size()) - 1);
        n->children.clear();
        endRemoveRows();
    }
    n->chosen = member.isEmpty() ? QStringList() : QStringList{member};
    if (!member.isEmpty()) {
        beginInsertRows(parentIndex, 0, 0);
        n->built = false;
        n->buildMembers();
        endInsertRows();
    }
    emit dataChanged(unionIndex.siblingAtColumn(0), unionIndex.siblingAtColumn(2));
    emit documentChanged();
    return true;
}

QModelIndex InputModel::addElement(const QModelIndex &listOrMap)
{
    Node *n = nodeOf(listOrMap);
    const QString type = n->type();
    ensureChildren(*n);
    const int row = int(n->children.size());
    beginInsertRows(listOrMap.siblingAtColumn(0), row, row);
    Node *child = nullptr;
    if (type == QLatin1String("map")) {
        QString key = QStringLiteral("key");
        for (int i = 2; std::any_of(n->children.begin(), n->children.end(), [&](const auto &c) { return c->name == key; }); ++i)
            key = QStringLiteral("key%1").arg(i);
        child = n->add(Node::Kind::Entry, key, n->spec.value("value").toObject());
    } else {
        child = n->add(Node::Kind::Element, QString(), n->spec.value("member").toObject());
    }
    endInsertRows();
    emit dataChanged(listOrMap.siblingAtColumn(1), listOrMap.siblingAtColumn(1));
    emit documentChanged();
    return indexFor(child, 0);
}

bool InputModel::removeElement(const QModelIndex &element)
{
    Node *n = nodeOf(element);
    if (!element.isValid() || n->kind == Node::Kind::Member)
        return false;
    Node *parentNode = n->parent;
    const QModelIndex parentIndex = parent(element);
    beginRemoveRows(parentIndex, n->row, n->row);
    parentNode->children.erase(parentNode->children.begin() + n->row);
    parentNode->renumber();
    endRemoveRows();
    emit documentChanged();
    return true;
}

bool InputModel::moveElement(const QModelIndex &element, int delta)
{
    Node *n = nodeOf(element);
    if (!element.isValid() || n->kind != Node::Kind::Element || (delta != -1 && delta != 1))
        return false;
    Node *parentNode = n->parent;
    const int from = n->row, to = from + delta;
    if (to < 0 || to >= int(parentNode->children.size()))
        return false;
    const QModelIndex parentIndex = parent(element);
    // Qt's destination is the row before which it lands, counted before the move.
    if (!beginMoveRows(parentIndex, from, from, parentIndex, delta > 0 ? to + 1 : to))
        return false;
    std::swap(parentNode->children[std::size_t(from)], parentNode->children[std::size_t(to)]);
    parentNode->renumber();
    endMoveRows();
    emit dataChanged(index(std::min(from, to), 0, parentIndex), index(std::max(from, to), 0, parentIndex));
    emit documentChanged();
    return true;
}

QModelIndex InputModel::indexOf(const QStringList &names, int column) const
{
    Node *n = m_root.get();
    for (const QString &name : names) {
        ensureChildren(*n);
        Node *next = nullptr;
        for (const auto &child : n->children) {
            if (child->name == name)
                next = child.get();
        }
        if (!next)
            return {};
        n = next;
    }
    return indexFor(n, column);
}

} // namespace cumulus::gui
