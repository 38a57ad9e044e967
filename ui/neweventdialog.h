#pragma once

#include "domain/fuzzydate.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace caseatlas {

class CaseDocument;

// Edit ▸ New Event… and a double-click on the timeline: the event's title, its date as EDTF
// (checked as it is typed, the interval it covers shown under it) and its place, so that the
// new event has a place in time and on the map from the start.
class NewEventDialog : public QDialog {
    Q_OBJECT
public:
    NewEventDialog(CaseDocument& document, const QString& suggestedDate, QWidget* parent = nullptr);

    QString title() const;
    FuzzyDate date() const; // invalid until the text parses
    qint64 placeId() const; // 0: none

private:
    void check();
    QLineEdit* m_title;
    QLineEdit* m_date;
    QLabel* m_dateCheck;
    QComboBox* m_place;
    QPushButton* m_ok = nullptr;
};

} // namespace caseatlas
