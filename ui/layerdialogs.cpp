#include "layerdialogs.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
constexpr int kPage = 500;
} // namespace

AttributeTableModel::AttributeTableModel(CaseQueries queries, const QString& table, QObject* parent)
    : QAbstractTableModel(parent)
    , m_queries(queries)
    , m_table(table) {
    auto columns = m_queries.layerColumns(table);
    auto total = m_queries.layerFeatureCount(table);
    if (!columns || !total) {
        m_error = !columns ? columns.error() : total.error();
        return;
    }
    m_columns = columns.value();
    m_total = total.value();
    fetchMore({});
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}
int AttributeTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    return m_rows.at(index.row()).value(index.column());
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    return orientation == Qt::Horizontal ? QVariant(m_columns.value(section))
                                         : QVariant(section + 1);
}

bool AttributeTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_error && m_rows.size() < m_total;
}

void AttributeTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    auto read = m_queries.layerRows(m_table, m_columns, m_rows.size(), kPage);
    if (!read || read.value().isEmpty()) {
        if (!read)
            m_error = read.error();
        m_total = m_rows.size();
        return;
    }
    const QList<QVariantList>& page = read.value();
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows += page;
    endInsertRows();
}

LayerStyleDialog::LayerStyleDialog(const LayerStyle& style, const QStringList& fields,
                                   QWidget* parent)
    : QDialog(parent)
    , m_stroke(style.stroke)
    , m_fill(style.fill) {
    setWindowTitle(tr("Layer Style"));
    setObjectName(u"layerStyleDialog"_s);
    m_label = new QComboBox;
    m_label->setObjectName(u"labelField"_s);
    m_category = new QComboBox;
    m_category->setObjectName(u"categoryField"_s);
    m_label->addItem(tr("(no labels)"), QString());
    m_category->addItem(tr("(one colour)"), QString());
    for (const QString& f : fields) {
        m_label->addItem(f, f);
        m_category->addItem(f, f);
    }
    m_label->setCurrentIndex(std::max(0, m_label->findData(style.labelField)));
    m_category->setCurrentIndex(std::max(0, m_category->findData(style.categoryField)));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Line colour:"), colourButton(&m_stroke, u"strokeColour"_s));
    form->addRow(tr("&Fill colour:"), colourButton(&m_fill, u"fillColour"_s));
    form->addRow(tr("&Labels from:"), m_label);
    form->addRow(tr("&Colours by:"), m_category);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                m_stroke = m_fill = QColor();
                m_label->setCurrentIndex(0);
                m_category->setCurrentIndex(0);
                for (auto* b : findChildren<QPushButton*>(u"strokeColour"_s) +
                                   findChildren<QPushButton*>(u"fillColour"_s))
                    b->setText(tr("Automatic"));
            });
    form->addRow(buttons);
}

QPushButton* LayerStyleDialog::colourButton(QColor* colour, const QString& objectName) {
    auto* button = new QPushButton(colour->isValid() ? colour->name() : tr("Automatic"));
    button->setObjectName(objectName);
    connect(button, &QPushButton::clicked, this, [this, button, colour] {
        const QColor picked =
            QColorDialog::getColor(colour->isValid() ? *colour : QColor(Qt::darkCyan), this,
                                   tr("Choose a Colour"), QColorDialog::ShowAlphaChannel);
        if (!picked.isValid())
            return;
        *colour = picked;
        button->setText(picked.name());
    });
    return button;
}

LayerStyle LayerStyleDialog::style() const {
    LayerStyle s;
    s.stroke = m_stroke;
    s.fill = m_fill;
    s.labelField = m_label->currentData().toString();
    s.categoryField = m_category->currentData().toString();
    return s;
}

} // namespace caseatlas
