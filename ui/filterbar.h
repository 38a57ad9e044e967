#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace caseatlas {

class CaseDocument;

// The case filter as a row of fields: text, tag, date range (EDTF) with "possibly"/"certainly",
// sensitivity and "unsourced only". Every view of the case follows it. A filter set elsewhere
// (a click on a chart) shows here too; what the fields cannot hold (an actor, place, source or
// reliability grade) is named after them and kept until cleared.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void clear();

private:
    void apply();
    void reloadTags(); // and the actors and places
    void showCriteria();

    CaseDocument* m_document = nullptr;
    QLineEdit* m_text;
    QComboBox* m_tag;
    QComboBox* m_actor;
    QComboBox* m_place;
    QLineEdit* m_from;
    QLineEdit* m_to;
    QComboBox* m_mode;
    QComboBox* m_sensitivity;
    QCheckBox* m_unsourced;
    QTimer* m_typing;
    QLabel* m_extra;
    bool m_applying = false;
};

} // namespace caseatlas
