#include "eventinspector.h"

#include "backlinks.h"
#include "formhelpers.h"

#include "geo/gazetteer.h"
#include "model/casedocument.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QTextDocumentFragment>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// A form dialog: rows of fields with OK/Cancel.
struct FormDialog {
    QDialog dialog;
    QFormLayout* form;
    explicit FormDialog(QWidget* parent, const QString& title)
        : dialog(parent) {
        dialog.setWindowTitle(title);
        form = new QFormLayout(&dialog);
    }
    bool exec() {
        addDialogButtons(&dialog, form);
        return dialog.exec() == QDialog::Accepted;
    }
};

QPushButton* smallButton(const QString& text, const QString& name) {
    auto* b = new QPushButton(text);
    b->setObjectName(name);
    b->setAutoDefault(false);
    return b;
}

} // namespace

// --- CitationDialog ---

CitationDialog::CitationDialog(CaseDocument& document, const Citation& existing, QWidget* parent)
    : QDialog(parent)
    , m_existing(existing) {
    setWindowTitle(existing.id ? tr("Edit Citation") : tr("Cite a Source"));
    setObjectName(u"citationDialog"_s);
    m_source = new QComboBox;
    m_source->setObjectName(u"citationSource"_s);
    m_source->setEditable(true);
    m_source->setInsertPolicy(QComboBox::NoInsert);
    m_source->completer()->setFilterMode(Qt::MatchContains);
    m_source->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_source->addItem(tr("(a new source, described below)"), qint64(0));
    if (auto sources = document.sources().all())
        for (const Source& s : sources.value())
            m_source->addItem(
                u"%1 — %2 [%3]"_s.arg(s.title, s.publisher).arg(reliabilityLetter(s.reliability)),
                s.id);
    m_source->setCurrentIndex(std::max(0, m_source->findData(existing.sourceId)));
    m_newTitle = new QLineEdit;
    m_newTitle->setObjectName(u"newSourceTitle"_s);
    m_newUrl = new QLineEdit;
    m_newUrl->setPlaceholderText(u"https://…"_s);
    m_newPublisher = new QLineEdit;
    m_newReliability = reliabilityCombo(Reliability::F);
    m_locator = new QLineEdit(existing.locator);
    m_locator->setPlaceholderText(tr("page, paragraph, timestamp"));
    m_quote = new QPlainTextEdit(existing.quote);
    m_quote->setObjectName(u"citationQuote"_s);
    m_quote->setMaximumHeight(90);
    m_credibility = new QSpinBox;
    m_credibility->setRange(1, 6);
    m_credibility->setValue(existing.credibility);
    auto* credibilityText = new QLabel(credibilityDescription(existing.credibility));
    connect(m_credibility, &QSpinBox::valueChanged, credibilityText,
            [credibilityText](int v) { credibilityText->setText(credibilityDescription(v)); });
    auto* credibilityRow = new QHBoxLayout;
    credibilityRow->addWidget(m_credibility);
    credibilityRow->addWidget(credibilityText, 1);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("New source &title:"), m_newTitle);
    form->addRow(tr("&Address:"), m_newUrl);
    form->addRow(tr("&Publisher:"), m_newPublisher);
    form->addRow(tr("&Reliability:"), m_newReliability);
    form->addRow(tr("&Locator:"), m_locator);
    form->addRow(tr("&Quote:"), m_quote);
    auto* credibilityLabel = new QLabel(tr("&Credibility:")); // a row of widgets has no buddy
    credibilityLabel->setBuddy(m_credibility);
    form->addRow(credibilityLabel, credibilityRow);
    auto updateNew = [this] {
        const bool isNew = m_source->currentData().toLongLong() == 0;
        for (QWidget* w :
             {static_cast<QWidget*>(m_newTitle), static_cast<QWidget*>(m_newUrl),
              static_cast<QWidget*>(m_newPublisher), static_cast<QWidget*>(m_newReliability)})
            w->setEnabled(isNew);
    };
    connect(m_source, &QComboBox::currentIndexChanged, this, updateNew);
    updateNew();
    addDialogButtons(this, form);
}

std::optional<CitationRequest> CitationDialog::request() const {
    CitationRequest r;
    r.citation = m_existing;
    r.citation.locator = m_locator->text().trimmed();
    r.citation.quote = m_quote->toPlainText().trimmed();
    r.citation.credibility = m_credibility->value();
    r.sourceId = m_source->currentData().toLongLong();
    if (r.sourceId == 0) {
        if (m_newTitle->text().trimmed().isEmpty())
            return std::nullopt;
        Source s;
        s.title = m_newTitle->text().trimmed();
        s.url = m_newUrl->text().trimmed();
        s.publisher = m_newPublisher->text().trimmed();
        s.reliability = reliabilityOf(m_newReliability, Reliability::F);
        r.newSource = s;
    }
    return r;
}

// --- EventInspector ---

EventInspector::EventInspector(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"eventInspector"_s);
    m_empty = new QLabel(tr("Select an event to see and edit its dates, people, places and "
                            "sources."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    m_title = new QLineEdit;
    m_title->setObjectName(u"inspectorTitle"_s);
    m_start = new QLineEdit;
    m_start->setObjectName(u"inspectorStart"_s);
    m_start->setPlaceholderText(u"2023-11, 2023-11?, ../2024-01-05, 201X"_s);
    m_end = new QLineEdit;
    m_end->setObjectName(u"inspectorEnd"_s);
    m_end->setPlaceholderText(tr("(none)"));
    m_dateCheck = new QLabel;
    m_dateCheck->setObjectName(u"inspectorDateCheck"_s);
    m_dateCheck->setWordWrap(true);
    m_description = new QPlainTextEdit;
    m_description->setObjectName(u"inspectorDescription"_s);
    m_description->setMaximumHeight(110);
    m_description->installEventFilter(this);
    m_place = new QComboBox;
    m_place->setObjectName(u"inspectorPlace"_s);
    auto* gazetteerButton = smallButton(tr("Gazetteer…"), u"inspectorGazetteer"_s);
    gazetteerButton->setToolTip(tr("Add a populated place from the offline gazetteer"));
    auto* mapButton = smallButton(tr("On Map"), u"inspectorPickOnMap"_s);
    mapButton->setToolTip(tr("Click the map to give the event a location of its own"));
    auto* placeRow = new QHBoxLayout;
    placeRow->addWidget(m_place, 1);
    placeRow->addWidget(gazetteerButton);
    placeRow->addWidget(mapButton);
    connect(mapButton, &QPushButton::clicked, this, [this] {
        if (m_eventId)
            emit pickOnMapRequested(m_eventId);
    });
    m_precision = new QComboBox;
    for (LocationPrecision p :
         {LocationPrecision::Exact, LocationPrecision::Approximate, LocationPrecision::AdminArea,
          LocationPrecision::Country, LocationPrecision::Unknown})
        m_precision->addItem(shownKey(locationPrecisionKey(p)), locationPrecisionKey(p));
    m_radius = new QDoubleSpinBox;
    m_radius->setObjectName(u"inspectorRadius"_s);
    m_radius->setRange(0, 5000);
    m_radius->setDecimals(1);
    m_radius->setSuffix(tr(" km"));
    m_radius->setSpecialValueText(tr("(by precision)"));
    m_radius->setToolTip(tr("How far from the point the event may have happened"));
    m_origin = new QComboBox;
    m_origin->setObjectName(u"inspectorOrigin"_s);
    m_destination = new QComboBox;
    m_destination->setObjectName(u"inspectorDestination"_s);
    m_status = new QComboBox;
    m_status->setObjectName(u"inspectorStatus"_s);
    for (EventStatus s : {EventStatus::Draft, EventStatus::Corroborated, EventStatus::Disputed})
        m_status->addItem(shownKey(eventStatusKey(s)), eventStatusKey(s));
    m_sensitivity = sensitivityCombo();
    m_sensitivity->setObjectName(u"inspectorSensitivity"_s);
    m_tags = new QLineEdit;
    m_tags->setObjectName(u"inspectorTags"_s);
    m_tags->setPlaceholderText(tr("tags, separated by commas"));
    m_actors = new QListWidget;
    m_actors->setObjectName(u"inspectorActors"_s);
    m_actors->setMaximumHeight(80);
    m_values = new QListWidget;
    m_values->setMaximumHeight(60);
    m_citations = new QTreeWidget;
    m_citations->setObjectName(u"inspectorCitations"_s);
    m_citations->setHeaderLabels({tr("Source"), tr("Grade"), tr("Locator"), tr("Quote")});
    m_citations->setRootIsDecorated(false);
    m_citations->setMaximumHeight(120);
    m_sourcing = new QLabel;
    m_sourcing->setObjectName(u"inspectorSourcing"_s);
    m_sourcing->setWordWrap(true);
    m_backlinks = new QListWidget;
    m_backlinks->setObjectName(u"inspectorBacklinks"_s);
    m_backlinks->setMaximumHeight(60);

    auto* addActor = smallButton(tr("Add…"), u"inspectorAddActor"_s);
    auto* removeActor = smallButton(tr("Remove"), u"inspectorRemoveActor"_s);
    auto* addValue = smallButton(tr("Add…"), u"inspectorAddValue"_s);
    auto* removeValue = smallButton(tr("Remove"), u"inspectorRemoveValue"_s);
    auto* citeButton = smallButton(tr("&Cite a Source…"), u"inspectorCite"_s);
    auto* editCitation = smallButton(tr("Edit…"), u"inspectorEditCitation"_s);
    auto* removeCitation = smallButton(tr("Remove"), u"inspectorRemoveCitation"_s);
    auto row = [](QWidget* main, std::initializer_list<QWidget*> buttons) {
        auto* box = new QWidget;
        auto* l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(main);
        auto* b = new QHBoxLayout;
        for (QWidget* w : buttons)
            b->addWidget(w);
        b->addStretch();
        l->addLayout(b);
        return box;
    };

    m_form = new QWidget;
    auto* form = new QFormLayout(m_form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Date:"), m_start);
    form->addRow(tr("&Until:"), m_end);
    form->addRow(QString(), m_dateCheck);
    form->addRow(tr("Descr&iption:"), m_description);
    m_tooLong = new QLabel;
    m_tooLong->setObjectName(u"inspectorTooLong"_s);
    m_tooLong->setWordWrap(true);
    m_tooLong->setTextFormat(Qt::PlainText);
    m_tooLong->hide();
    form->addRow(m_tooLong);
    form->addRow(tr("Place:"), placeRow);
    auto* precisionRow = new QHBoxLayout;
    precisionRow->addWidget(m_precision, 1);
    precisionRow->addWidget(m_radius);
    form->addRow(tr("Precision:"), precisionRow);
    form->addRow(tr("Moved &from:"), m_origin);
    form->addRow(tr("Moved t&o:"), m_destination);
    form->addRow(tr("Stat&us:"), m_status);
    form->addRow(tr("Sensiti&vity:"), m_sensitivity);
    form->addRow(tr("Ta&gs:"), m_tags);
    form->addRow(tr("Actors:"), row(m_actors, {addActor, removeActor}));
    form->addRow(tr("Values:"), row(m_values, {addValue, removeValue}));
    form->addRow(tr("Sources:"), row(m_citations, {citeButton, editCitation, removeCitation}));
    form->addRow(QString(), m_sourcing);
    form->addRow(tr("Notes:"), m_backlinks);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(scroll, 1);
    m_form->setVisible(false);
    scroll->setVisible(false);
    m_form->setProperty("scroll", QVariant::fromValue(static_cast<QObject*>(scroll)));

    // Each field commits on its own, as one undoable step.
    connect(m_title, &QLineEdit::editingFinished, this, [this] {
        const QString t = m_title->text().trimmed();
        if (!t.isEmpty() && !m_cutShort)
            commit([&](Event& e) { e.title = t; });
    });
    connect(m_start, &QLineEdit::textEdited, this, &EventInspector::showDateCheck);
    connect(m_end, &QLineEdit::textEdited, this, &EventInspector::showDateCheck);
    auto commitDates = [this] {
        auto start = FuzzyDate::parse(m_start->text().trimmed());
        const QString endText = m_end->text().trimmed();
        auto end = endText.isEmpty() ? Result<FuzzyDate>(FuzzyDate()) : FuzzyDate::parse(endText);
        showDateCheck();
        if (start && end)
            commit([&](Event& e) {
                e.start = start.value();
                e.end = end.value();
            });
    };
    connect(m_start, &QLineEdit::editingFinished, this, commitDates);
    connect(m_end, &QLineEdit::editingFinished, this, commitDates);
    connect(m_place, &QComboBox::activated, this, [this] {
        const qint64 place = m_place->currentData().toLongLong();
        commit([&](Event& e) {
            e.placeId = place;
            e.point.reset(); // located by its place now
        });
    });
    connect(m_precision, &QComboBox::activated, this, [this] {
        const auto p = locationPrecisionFromKey(m_precision->currentData().toString());
        commit([&](Event& e) { e.locationPrecision = p.value_or(e.locationPrecision); });
    });
    connect(m_radius, &QDoubleSpinBox::editingFinished, this, [this] {
        const double metres = m_radius->value() * m_radiusUnit;
        commit([&](Event& e) { e.precisionMetres = metres; });
    });
    // A movement (repatriation, trafficking route): drawn on the map as an arrow.
    connect(m_origin, &QComboBox::activated, this, [this] {
        const qint64 place = m_origin->currentData().toLongLong();
        commit([&](Event& e) { e.originPlaceId = place; });
    });
    connect(m_destination, &QComboBox::activated, this, [this] {
        const qint64 place = m_destination->currentData().toLongLong();
        commit([&](Event& e) { e.destinationPlaceId = place; });
    });
    connect(m_status, &QComboBox::activated, this, [this] {
        const auto s = eventStatusFromKey(m_status->currentData().toString());
        commit([&](Event& e) { e.status = s.value_or(e.status); });
    });
    connect(m_sensitivity, &QComboBox::activated, this, [this] {
        const auto s = sensitivityFromKey(m_sensitivity->currentData().toString());
        commit([&](Event& e) { e.sensitivity = s.value_or(e.sensitivity); });
    });
    connect(m_tags, &QLineEdit::editingFinished, this, [this] {
        QStringList tags;
        for (const QString& t : m_tags->text().split(QRegularExpression(u"[,;]"_s)))
            if (!t.trimmed().isEmpty() && !tags.contains(t.trimmed()))
                tags << t.trimmed();
        commit([&](Event& e) { e.tags = tags; });
    });
    connect(gazetteerButton, &QPushButton::clicked, this, [this] {
        if (!m_document || !m_eventId)
            return;
        FormDialog d(this, tr("Add a Place from the Gazetteer"));
        auto* typed = new QLineEdit;
        typed->setPlaceholderText(tr("Town or city, e.g. Lashio"));
        auto* found = new QListWidget;
        found->setWordWrap(true); // the "no place called …" line is read whole
        found->setMinimumWidth(std::min(520, fontMetrics().averageCharWidth() * 64));
        connect(typed, &QLineEdit::textChanged, found, [found](const QString& text) {
            found->clear();
            const Gazetteer& g = Gazetteer::shared();
            for (const Gazetteer::Place* p : g.lookup(text, 30)) {
                auto* item = new QListWidgetItem(gazetteerEntryText(*p, text), found);
                item->setData(Qt::UserRole, qint64(p - g.places().data()));
            }
            if (found->count() == 0 && !text.trimmed().isEmpty())
                found->addItem(gazetteerNoResultItem(text));
            found->setCurrentRow(0);
        });
        d.form->addRow(tr("&Name:"), typed);
        d.form->addRow(found);
        if (!d.exec() || !found->currentItem() || !found->currentItem()->flags())
            return;
        const Gazetteer& g = Gazetteer::shared();
        const auto& gp = g.places()[size_t(found->currentItem()->data(Qt::UserRole).toLongLong())];
        const bool area = gp.isArea();
        auto id = m_document->addPlace(g.toCasePlace(gp));
        if (!id)
            return (void)report(id.error());
        commit([&](Event& e) {
            e.placeId = id.value();
            e.point.reset();
            // A town's centre: known to within the town, not exactly, and no longer unknown; a
            // division: known to within it.
            if (e.locationPrecision == LocationPrecision::Unknown)
                e.locationPrecision =
                    area ? LocationPrecision::AdminArea : LocationPrecision::Approximate;
        });
    });
    connect(addActor, &QPushButton::clicked, this, [this] {
        if (!m_document || !m_eventId)
            return;
        FormDialog d(this, tr("Add an Actor"));
        auto* who = new QComboBox;
        who->setEditable(true);
        who->completer()->setFilterMode(Qt::MatchContains);
        if (auto actors = m_document->actors().all())
            for (const Actor& a : actors.value())
                who->addItem(a.name, a.id);
        who->setCurrentIndex(-1);
        auto* role = new QLineEdit;
        role->setPlaceholderText(tr("perpetrator, victim, witness, official…"));
        d.form->addRow(tr("&Actor:"), who);
        d.form->addRow(tr("&Role:"), role);
        if (!d.exec() || who->currentText().trimmed().isEmpty())
            return;
        qint64 actorId = who->findText(who->currentText()) >= 0
                             ? who->itemData(who->findText(who->currentText())).toLongLong()
                             : 0;
        if (!actorId) { // a new actor, added to the case first
            Actor a;
            a.name = who->currentText().trimmed();
            auto id = m_document->addActor(a);
            if (!id)
                return (void)report(id.error());
            actorId = id.value();
        }
        const QString r = role->text().trimmed();
        commit([&](Event& e) { e.actors.append({actorId, r}); });
    });
    connect(removeActor, &QPushButton::clicked, this, [this] {
        const int row = m_actors->currentRow();
        if (row >= 0)
            commit([&](Event& e) {
                if (row < e.actors.size())
                    e.actors.removeAt(row);
            });
    });
    connect(addValue, &QPushButton::clicked, this, [this] {
        if (!m_document || !m_eventId)
            return;
        FormDialog d(this, tr("Add a Number"));
        auto* name = new QLineEdit;
        name->setPlaceholderText(tr("people repatriated, fatalities…"));
        auto* value = new QDoubleSpinBox;
        value->setRange(-1e12, 1e12);
        value->setDecimals(2);
        auto* unit = new QLineEdit;
        unit->setPlaceholderText(tr("people, USD…"));
        d.form->addRow(tr("&What:"), name);
        d.form->addRow(tr("&Value:"), value);
        d.form->addRow(tr("&Unit:"), unit);
        if (!d.exec() || name->text().trimmed().isEmpty())
            return;
        commit([&](Event& e) {
            e.values.append({name->text().trimmed(), value->value(), unit->text().trimmed()});
        });
    });
    connect(removeValue, &QPushButton::clicked, this, [this] {
        const int row = m_values->currentRow();
        if (row >= 0)
            commit([&](Event& e) {
                if (row < e.values.size())
                    e.values.removeAt(row);
            });
    });
    connect(citeButton, &QPushButton::clicked, this, &EventInspector::cite);
    connect(editCitation, &QPushButton::clicked, this, [this] {
        auto* item = m_citations->currentItem();
        if (!m_document || !item)
            return;
        auto citations = m_document->sources().citationsOfEvent(m_eventId);
        if (!citations)
            return (void)report(citations.error());
        for (const Citation& c : citations.value())
            if (c.id == item->data(0, Qt::UserRole).toLongLong()) {
                CitationDialog d(*m_document, c, this);
                if (d.exec() == QDialog::Accepted)
                    if (auto r = d.request())
                        (void)report(applyCitation(*r));
            }
    });
    connect(removeCitation, &QPushButton::clicked, this, [this] {
        if (auto* item = m_citations->currentItem(); item && m_document)
            (void)report(m_document->deleteCitation(item->data(0, Qt::UserRole).toLongLong()));
    });
    connect(m_backlinks, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (item->data(Qt::UserRole).isValid())
            emit noteActivated(item->data(Qt::UserRole).toLongLong());
    });
}

bool EventInspector::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_description && event->type() == QEvent::FocusOut && !m_loading &&
        !m_cutShort) {
        const QString text = m_description->toPlainText();
        commit([&](Event& e) { e.description = text; });
    }
    return QWidget::eventFilter(watched, event);
}

void EventInspector::setDocument(CaseDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &CaseDocument::recordsChanged, this, [this](RecordKind kind) {
            if (kind == RecordKind::Place)
                m_placesStale = true;
            if (m_eventId)
                refresh();
        });
    m_placesStale = true;
    displayEvent(0);
}

Status EventInspector::report(const Status& s) {
    if (!s)
        emit failed(s.error());
    return s;
}

void EventInspector::commit(const std::function<void(Event&)>& change) {
    if (m_loading || !m_document || !m_eventId)
        return;
    auto loaded = m_document->events().load(m_eventId);
    if (!loaded)
        return (void)report(loaded.error());
    Event e = loaded.value();
    change(e);
    const Event& before = loaded.value();
    const bool same =
        e.title == before.title && e.description == before.description &&
        e.start.toEdtf() == before.start.toEdtf() && e.end.toEdtf() == before.end.toEdtf() &&
        e.placeId == before.placeId && e.point == before.point &&
        e.locationPrecision == before.locationPrecision &&
        e.precisionMetres == before.precisionMetres && e.originPlaceId == before.originPlaceId &&
        e.destinationPlaceId == before.destinationPlaceId && e.status == before.status &&
        e.sensitivity == before.sensitivity && e.tags == before.tags && e.actors == before.actors &&
        e.values == before.values;
    if (same)
        return;
    if (!report(m_document->updateEvent(e)))
        refresh(); // show what the case holds, not the refused edit
}

void EventInspector::showDateCheck() {
    // The parsed interval as you type, or what is wrong with the date.
    const QString startText = m_start->text().trimmed(), endText = m_end->text().trimmed();
    auto start = FuzzyDate::parse(startText);
    auto end = endText.isEmpty() ? Result<FuzzyDate>(FuzzyDate()) : FuzzyDate::parse(endText);
    auto day = [](qint64 s, bool open) {
        return open ? tr("open") : FuzzyDate::isoUtc(s).left(10);
    };
    if (!start) {
        m_dateCheck->setText(
            u"<span style='color:#c0392b'>%1</span>"_s.arg(start.error().message.toHtmlEscaped()));
        return;
    }
    if (!end) {
        m_dateCheck->setText(u"<span style='color:#c0392b'>%1</span>"_s.arg(
            tr("Until: %1").arg(end.error().message).toHtmlEscaped()));
        return;
    }
    const qint64 a = start.value().earliest();
    const qint64 b = end.value().isValid() ? end.value().latest() : start.value().latest();
    m_dateCheck->setText(u"<span style='color:gray'>EDTF <code>%1</code> — %2 … %3</span>"_s.arg(
        (start.value().toEdtf() +
         (end.value().isValid() ? u" → "_s + end.value().toEdtf() : QString()))
            .toHtmlEscaped(),
        day(a, a == FuzzyDate::UnboundedPast), day(b, b == FuzzyDate::Unbounded)));
}

void EventInspector::displayEvent(qint64 eventId) {
    m_eventId = eventId;
    refresh();
}

void EventInspector::refresh() {
    auto* scroll = qobject_cast<QScrollArea*>(m_form->property("scroll").value<QObject*>());
    Result<Event> loaded = m_document && m_eventId
                               ? m_document->events().load(m_eventId)
                               : Result<Event>(makeError(ErrorCode::NotFound, {}));
    const bool shown = loaded.ok();
    m_empty->setVisible(!shown);
    m_form->setVisible(shown);
    if (scroll)
        scroll->setVisible(shown);
    if (!shown) {
        m_eventId = m_document && loaded.error().code == ErrorCode::NotFound ? 0 : m_eventId;
        return;
    }
    m_loading = true;
    const Event& e = loaded.value();
    // Laying out text is slow beyond some length (a single line of megabytes takes minutes):
    // longer than any real title or description, it is shown cut short and cannot be edited.
    constexpr qsizetype titleCap = 2000, descriptionCap = 100000;
    m_cutShort = e.title.size() > titleCap || e.description.size() > descriptionCap;
    m_title->setReadOnly(m_cutShort);
    m_description->setReadOnly(m_cutShort);
    m_tooLong->setVisible(m_cutShort);
    if (m_cutShort)
        m_tooLong->setText(tr("This event's text is too long to edit here (a title of %1 and a "
                              "description of %2 characters); it is shown cut short and kept "
                              "whole in the case.")
                               .arg(e.title.size())
                               .arg(e.description.size()));
    m_title->setText(e.title.left(titleCap));
    m_title->setCursorPosition(0); // a long title shows its beginning
    m_start->setText(e.start.toEdtf());
    m_end->setText(e.end.isValid() ? e.end.toEdtf() : QString());
    showDateCheck();
    const QString description = e.description.left(descriptionCap);
    if (m_description->toPlainText() != description)
        m_description->setPlainText(description);
    // The case's places, listed again only when they changed (not on every edit of an event).
    if (m_placesStale) {
        for (QComboBox* combo : {m_place, m_origin, m_destination}) {
            combo->clear();
            combo->addItem(tr("(no place)"), qint64(0));
        }
        if (auto places = m_document->places().all())
            for (const Place& p : places.value())
                for (QComboBox* combo : {m_place, m_origin, m_destination})
                    combo->addItem(
                        p.countryCode.isEmpty() ? p.name : p.name + u", "_s + p.countryCode, p.id);
        m_placesStale = false;
    }
    m_place->setCurrentIndex(std::max(0, m_place->findData(e.placeId)));
    m_origin->setCurrentIndex(std::max(0, m_origin->findData(e.originPlaceId)));
    m_destination->setCurrentIndex(std::max(0, m_destination->findData(e.destinationPlaceId)));
    m_radius->setValue(e.precisionMetres / m_radiusUnit);
    m_precision->setCurrentIndex(m_precision->findData(locationPrecisionKey(e.locationPrecision)));
    m_status->setCurrentIndex(m_status->findData(eventStatusKey(e.status)));
    m_sensitivity->setCurrentIndex(m_sensitivity->findData(sensitivityKey(e.sensitivity)));
    m_tags->setText(e.tags.join(u", "_s));
    m_actors->clear();
    for (const EventActor& a : e.actors) {
        QString name = tr("(actor #%1)").arg(a.actorId);
        if (auto actor = m_document->actors().load(a.actorId)) {
            name = actor.value().name;
            if (!actor.value().aliases.isEmpty())
                name += u" ("_s + actor.value().aliases.first().name + u')';
            if (actor.value().protectedPerson)
                name += tr(" — protected");
        }
        m_actors->addItem(a.role.isEmpty() ? name : name + u" — "_s + shownKey(a.role));
    }
    m_values->clear();
    for (const EventValue& v : e.values)
        m_values->addItem(u"%1: %2 %3"_s.arg(v.name).arg(v.value).arg(v.unit).trimmed());
    m_citations->clear();
    QSet<qint64> sources;
    QSet<QString> publishers;
    if (auto citations = m_document->sources().citationsOfEvent(e.id)) {
        for (const Citation& c : citations.value()) {
            auto s = m_document->sources().load(c.sourceId);
            if (!s)
                continue;
            sources.insert(c.sourceId);
            publishers.insert(s.value().publisher.isEmpty() ? s.value().title
                                                            : s.value().publisher.toCaseFolded());
            auto* item = new QTreeWidgetItem(
                m_citations,
                {s.value().publisher.isEmpty() ? s.value().title
                                               : s.value().title + u" — "_s + s.value().publisher,
                 u"%1%2"_s.arg(reliabilityLetter(s.value().reliability)).arg(c.credibility),
                 c.locator, c.quote});
            item->setData(0, Qt::UserRole, c.id);
            item->setToolTip(1, reliabilityDescription(s.value().reliability) + u"; "_s +
                                    credibilityDescription(c.credibility));
            item->setToolTip(3, c.quote);
        }
    }
    // Independent: different publishers (two articles from one newspaper are one voice).
    if (sources.isEmpty())
        m_sourcing->setText(u"<span style='color:#c0392b'><b>%1</b></span>"_s.arg(
            tr("Unsourced: no source supports this event yet.")));
    else if (publishers.size() == 1)
        m_sourcing->setText(u"<span style='color:#d35400'>%1</span>"_s.arg(
            tr("Rests on a single source; look for another to corroborate it.")));
    else
        m_sourcing->setText(
            tr("Corroborated by %n independent source(s).", nullptr, int(publishers.size())));
    fillBacklinks(m_backlinks, m_document, LinkTarget::Event, e.id);
    m_loading = false;
}

void EventInspector::cite() {
    if (!m_document || !m_eventId)
        return;
    Citation c;
    c.eventId = m_eventId;
    std::optional<CitationRequest> request;
    if (m_askCitation) {
        request = m_askCitation(c);
    } else {
        CitationDialog d(*m_document, c, this);
        if (d.exec() != QDialog::Accepted)
            return;
        request = d.request();
        if (!request)
            return (void)report(makeError(ErrorCode::InvalidInput,
                                          tr("Pick a source or give the new one a title.")));
    }
    if (request)
        (void)report(applyCitation(*request));
}

void EventInspector::setOwnPoint(double lon, double lat) {
    commit([&](Event& e) {
        e.point = GeoPoint{lon, lat};
        if (e.locationPrecision == LocationPrecision::Unknown)
            e.locationPrecision = LocationPrecision::Approximate; // a click is not a survey
    });
}

Status EventInspector::applyCitation(const CitationRequest& request) {
    if (!m_document || !m_eventId)
        return makeError(ErrorCode::NotFound, tr("No event is selected."));
    Citation c = request.citation;
    c.eventId = m_eventId;
    c.sourceId = request.sourceId;
    if (request.newSource) {
        auto id = m_document->addSource(*request.newSource);
        if (!id)
            return id.error();
        c.sourceId = id.value();
    }
    if (c.id)
        return m_document->updateCitation(c);
    auto id = m_document->addCitation(c);
    return id ? Status{} : Status{id.error()};
}

QString EventInspector::toPlainText() const {
    if (!m_eventId || !m_form->isVisibleTo(const_cast<EventInspector*>(this)))
        return m_empty->text();
    QStringList lines = {m_title->text(),
                         m_start->text() + u" "_s + m_end->text(),
                         QTextDocumentFragment::fromHtml(m_dateCheck->text()).toPlainText(),
                         m_description->toPlainText(),
                         m_place->currentText(),
                         m_tags->text()};
    for (int i = 0; i < m_actors->count(); ++i)
        lines << m_actors->item(i)->text();
    for (int i = 0; i < m_citations->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_citations->topLevelItem(i);
        lines << item->text(0) + u" "_s + item->text(1) + u" "_s + item->text(2) + u" "_s +
                     item->text(3);
    }
    lines << QTextDocumentFragment::fromHtml(m_sourcing->text()).toPlainText();
    return lines.join(u'\n');
}

void EventInspector::setImperial(bool imperial) {
    const QSignalBlocker block(m_radius);
    const double metres = m_radius->value() * m_radiusUnit;
    m_radiusUnit = imperial ? 1609.344 : 1000;
    m_radius->setSuffix(imperial ? tr(" mi") : tr(" km"));
    m_radius->setValue(metres / m_radiusUnit);
}

} // namespace caseatlas
