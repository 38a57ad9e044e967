#pragma once

#include "geo/layerimport.h"
#include "model/casequeries.h"

#include <QAbstractTableModel>
#include <QDialog>

class QComboBox;
class QPushButton;

namespace caseatlas {

// The rows of a copied layer's table, read in pages as the view scrolls.
class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    AttributeTableModel(CaseQueries queries, const QString& table, QObject* parent = nullptr);
    const Error* error() const { return m_error ? &*m_error : nullptr; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    CaseQueries m_queries;
    QString m_table;
    QStringList m_columns; // fid first, then the attributes
    QList<QVariantList> m_rows;
    qint64 m_total = 0;
    std::optional<Error> m_error;
};

// Stroke and fill colours, labels from a field, colours by category.
class LayerStyleDialog : public QDialog {
    Q_OBJECT
public:
    LayerStyleDialog(const LayerStyle& style, const QStringList& fields, QWidget* parent = nullptr);
    LayerStyle style() const;

private:
    QPushButton* colourButton(QColor* colour, const QString& objectName);
    QColor m_stroke, m_fill;
    QComboBox* m_label;
    QComboBox* m_category;
};

} // namespace caseatlas
