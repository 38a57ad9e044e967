#pragma once

#include "core/result.h"
#include "domain/event.h"
#include "domain/source.h"

#include <QDialog>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTreeWidget;

namespace caseatlas {

class CaseDocument;

// What the user asked for when citing: an existing source or a new one, and the citation.
struct CitationRequest {
    qint64 sourceId = 0;             // an existing source, or 0 …
    std::optional<Source> newSource; // … a new one to add to the library first
    Citation citation;
};

// Cite a source: pick one from the library (type to search it) or describe a new one; where
// in it (locator), the passage, and how credible this piece of information is (1–6).
class CitationDialog : public QDialog {
    Q_OBJECT
public:
    CitationDialog(CaseDocument& document, const Citation& existing, QWidget* parent = nullptr);
    std::optional<CitationRequest> request() const;

private:
    QComboBox* m_source;
    QLineEdit* m_newTitle;
    QLineEdit* m_newUrl;
    QLineEdit* m_newPublisher;
    QComboBox* m_newReliability;
    QLineEdit* m_locator;
    QPlainTextEdit* m_quote;
    QSpinBox* m_credibility;
    Citation m_existing;
};

// The selected event, every field editable: each change is one undoable step. Dates are EDTF,
// parsed as you type; citations show their grades and the inspector warns about unsourced and
// single-source events; notes that link to the event are listed.
class EventInspector : public QWidget {
    Q_OBJECT
public:
    explicit EventInspector(QWidget* parent = nullptr);
    void setDocument(CaseDocument* document);
    // Preferences: the location radius in miles instead of kilometres.
    void setImperial(bool imperial);
    void displayEvent(qint64 eventId);
    qint64 eventId() const { return m_eventId; }
    // What the inspector shows, as text (for accessibility tools and tests).
    QString toPlainText() const;
    // Replaces the citation dialog (tests).
    using CitationAsker = std::function<std::optional<CitationRequest>(const Citation&)>;
    void setCitationAsker(CitationAsker asker) { m_askCitation = std::move(asker); }

public slots:
    // Cites a source for the event: asks (dialog), then adds the source if new and the citation.
    void cite();
    Status applyCitation(const CitationRequest& request);
    // Gives the event a location of its own (a click on the map).
    void setOwnPoint(double lon, double lat);

signals:
    void failed(const caseatlas::Error& error);
    void noteActivated(qint64 noteId);
    void pickOnMapRequested(qint64 eventId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    double m_radiusUnit = 1000; // metres per unit shown (km or mile)
    void refresh();
    void commit(const std::function<void(Event&)>& change);
    void showDateCheck();
    Status report(const Status& s);
    CaseDocument* m_document = nullptr;
    qint64 m_eventId = 0;
    bool m_loading = false;
    // A title or description too long to lay out and edit here (a damaged or hostile case):
    // shown cut short, read-only, and never written back.
    bool m_cutShort = false;
    QLabel* m_tooLong;
    bool m_placesStale = true; // the place lists need reading again
    QWidget* m_form;
    QLabel* m_empty;
    QLineEdit* m_title;
    QLineEdit* m_start;
    QLineEdit* m_end;
    QLabel* m_dateCheck;
    QPlainTextEdit* m_description;
    QComboBox* m_place;
    QComboBox* m_precision;
    QDoubleSpinBox* m_radius;
    QComboBox* m_origin;
    QComboBox* m_destination;
    QComboBox* m_status;
    QComboBox* m_sensitivity;
    QLineEdit* m_tags;
    QListWidget* m_actors;
    QListWidget* m_values;
    QTreeWidget* m_citations;
    QLabel* m_sourcing;
    QListWidget* m_backlinks;
    CitationAsker m_askCitation;
};

} // namespace caseatlas
