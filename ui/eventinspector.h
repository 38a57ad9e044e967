#pragma once

#include <QTextBrowser>

namespace caseatlas {

class CaseDocument;

// Read-only details of the selected event: dates as written and as an interval, place,
// actors, tags, values and every citation with its grades. Editing arrives with the inspector
// issue.
class EventInspector : public QTextBrowser {
    Q_OBJECT
public:
    explicit EventInspector(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    void displayEvent(qint64 eventId);
    qint64 eventId() const { return m_eventId; }

private:
    CaseDocument* m_document = nullptr;
    qint64 m_eventId = 0;
};

} // namespace caseatlas
