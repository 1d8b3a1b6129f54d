#include "composer/RequestComposer.h"

#include "composer/InputModel.h"
#include "composer/ValueDelegate.h"
#include "model/OperationDescription.h"
#include "protocols/Protocol.h"
#include "util/SystemRandom.h"

#include <QFile>
#include <QInputDialog>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace cumulus::gui {

RequestComposer::RequestComposer(QWidget *parent)
    : QWidget(parent), m_model(new InputModel(this)), m_form(new QTreeView(this)), m_json(new QPlainTextEdit(this)),
      m_tabs(new QTabWidget(this)), m_problemLabel(new QLabel(this)), m_docs(new QTextBrowser(this))
{
    m_docs->setObjectName(QStringLiteral("docs"));
    m_docs->setOpenExternalLinks(true);
    m_form->setObjectName(QStringLiteral("form"));
    m_json->setObjectName(QStringLiteral("rawJson"));
    m_problemLabel->setObjectName(QStringLiteral("problems"));
    m_form->setModel(m_model);
    m_form->setItemDelegate(new ValueDelegate(m_form));
    m_form->setAlternatingRowColors(true);
    m_form->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_form->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_form->header()->setStretchLastSection(false);
    m_form->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_form->setContextMenuPolicy(Qt::CustomContextMenu);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_form, tr("Form"));
    m_tabs->addTab(m_json, tr("JSON"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The form, and beside it the documentation of what is selected (of the operation, at first).
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tabs);
    split->addWidget(m_docs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    layout->addWidget(m_problemLabel);

    connect(m_model, &InputModel::documentChanged, this, &RequestComposer::formChanged);
    connect(m_json, &QPlainTextEdit::textChanged, this, &RequestComposer::jsonEdited);
    connect(m_form, &QTreeView::customContextMenuRequested, this, &RequestComposer::showFormMenu);
    connect(m_form->selectionModel(), &QItemSelectionModel::currentChanged, this, &RequestComposer::showDocs);
}

RequestComposer::~RequestComposer() = default;

void RequestComposer::setOperation(std::shared_ptr<const model::Model> model, const model::Shape *service,
                                   const model::Shape *operation)
{
    m_modelGraph = std::move(model);
    m_service = service;
    m_operation = operation;
    const QJsonObject description = m_modelGraph && operation ? model::describeOperation(*m_modelGraph, *operation) : QJsonObject();
    m_model->setShape(description.value("input").toObject());
    m_form->expandToDepth(0);
    m_operationDocs = QStringLiteral("<h3>%1</h3><p>%2</p>")
                          .arg(description.value("operation").toString().toHtmlEscaped(),
                               description.value("documentation").toString().toHtmlEscaped());
    m_docs->setHtml(m_operationDocs);
}

QJsonObject RequestComposer::document() const
{
    return m_model->document();
}

void RequestComposer::setDocument(const QJsonObject &document)
{
    m_model->setDocument(document);
    m_form->expandAll();
}

void RequestComposer::formChanged()
{
    if (!m_syncing) {
        m_syncing = true;
        m_json->setPlainText(QString::fromUtf8(QJsonDocument(m_model->document()).toJson(QJsonDocument::Indented)));
        m_syncing = false;
    }
    validate();
}

void RequestComposer::jsonEdited()
{
    if (m_syncing)
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        m_problems = {tr("The JSON does not parse: %1 (at character %2)").arg(error.errorString()).arg(error.offset)};
        m_problemLabel->setText(m_problems.join('\n'));
        emit problemsChanged(m_problems);
        return;
    }
    m_syncing = true;
    m_model->setDocument(doc.object());
    m_form->expandAll();
    m_syncing = false;
    validate();
}

void RequestComposer::validate()
{
    m_problems.clear();
    if (m_modelGraph && m_service && m_operation) {
        if (const auto protocol = protocols::protocolFor(*m_service)) {
            util::SystemRandom random;
            std::vector<protocols::InputProblem> problems;
            const protocols::OperationContext context{*m_modelGraph, *m_service, *m_operation, random};
            const auto request = protocol->serialize(context, m_model->document(), problems);
            for (const protocols::InputProblem &p : problems)
                m_problems << QString::fromStdString(p.path + ": " + p.message);
            if (!request && problems.empty())
                m_problems << QString::fromStdString(request.error().message);
        }
    }
    m_problemLabel->setText(m_problems.join('\n'));
    m_problemLabel->setVisible(!m_problems.isEmpty());
    emit problemsChanged(m_problems);
}

void RequestComposer::showDocs(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_docs->setHtml(m_operationDocs);
        return;
    }
    const QJsonObject spec = index.siblingAtColumn(0).data(InputModel::SpecRole).toJsonObject();
    QString html = QStringLiteral("<h3>%1</h3><p><i>%2%3</i></p>")
                       .arg(spec.value("name").toString().toHtmlEscaped(), spec.value("type").toString().toHtmlEscaped(),
                            spec.value("required").toBool() ? tr(", required") : QString());
    QStringList limits;
    if (spec.contains("min") || spec.contains("max"))
        limits << tr("from %1 to %2").arg(spec.value("min").toVariant().toString(), spec.value("max").toVariant().toString());
    if (spec.contains("pattern"))
        limits << tr("pattern %1").arg(spec.value("pattern").toString().toHtmlEscaped());
    if (spec.contains("default"))
        limits << tr("default %1").arg(spec.value("default").toVariant().toString().toHtmlEscaped());
    QStringList values;
    for (const QJsonValue &v : spec.value("enum").toArray())
        values << v.toVariant().toString().toHtmlEscaped();
    if (!values.isEmpty())
        limits << tr("one of %1").arg(values.join(", "));
    if (!limits.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(limits.join("; "));
    html += QStringLiteral("<p>%1</p>").arg(spec.value("documentation").toString().toHtmlEscaped());
    m_docs->setHtml(html);
}

bool RequestComposer::loadBlobFromFile(const QModelIndex &blob, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return m_model->setData(blob.siblingAtColumn(1), QString::fromLatin1(file.readAll().toBase64()));
}

bool RequestComposer::setBlobText(const QModelIndex &blob, const QString &text)
{
    return m_model->setData(blob.siblingAtColumn(1), QString::fromLatin1(text.toUtf8().toBase64()));
}

void RequestComposer::showFormMenu(const QPoint &position)
{
    const QModelIndex index = m_form->indexAt(position).siblingAtColumn(0);
    if (!index.isValid())
        return;
    QMenu menu(this);
    if (index.data(InputModel::CanAddRole).toBool()) {
        menu.addAction(tr("Add"), this, [this, index] {
            const QModelIndex added = m_model->addElement(index);
            m_form->expand(index);
            m_form->setCurrentIndex(added);
        });
    }
    if (index.data(InputModel::CanMoveRole).toBool()) {
        menu.addAction(tr("Move Up"), this, [this, index] { m_model->moveElement(index, -1); });
        menu.addAction(tr("Move Down"), this, [this, index] { m_model->moveElement(index, +1); });
    }
    if (index.data(InputModel::CanRemoveRole).toBool())
        menu.addAction(tr("Remove"), this, [this, index] { m_model->removeElement(index); });
    if (index.data(InputModel::TypeRole).toString() == QLatin1String("blob")) {
        menu.addAction(tr("Enter as Text…"), this, [this, index] {
            const QByteArray current = QByteArray::fromBase64(index.siblingAtColumn(1).data(Qt::EditRole).toString().toLatin1());
            bool ok = false;
            const QString text = QInputDialog::getMultiLineText(this, tr("%1 as text").arg(index.data().toString()),
                                                                tr("Text (sent as its UTF-8 bytes):"), QString::fromUtf8(current), &ok);
            if (ok)
                setBlobText(index, text);
        });
        menu.addAction(tr("Load from File…"), this, [this, index] {
            const QString path = QFileDialog::getOpenFileName(this, tr("Load %1 from a file").arg(index.data().toString()));
            if (!path.isEmpty() && !loadBlobFromFile(index, path))
                m_problemLabel->setText(tr("%1 cannot be read").arg(path));
        });
    }
    if (!menu.isEmpty())
        menu.exec(m_form->viewport()->mapToGlobal(position));
}

} // namespace cumulus::gui
