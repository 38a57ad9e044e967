#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTimer;

namespace caseatlas {

class CaseDocument;

// The case filter as a row of fields: text, tag, date range (EDTF) with "possibly"/"certainly",
// sensitivity and "unsourced only". Every view of the case follows it.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void clear();

private:
    void apply();
    void reloadTags();

    CaseDocument* m_document = nullptr;
    QLineEdit* m_text;
    QComboBox* m_tag;
    QLineEdit* m_from;
    QLineEdit* m_to;
    QComboBox* m_mode;
    QComboBox* m_sensitivity;
    QCheckBox* m_unsourced;
    QTimer* m_typing;
};

} // namespace caseatlas
