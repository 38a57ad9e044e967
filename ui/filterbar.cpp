#include "filterbar.h"
#include "wrappinglayout.h"

#include "model/casedocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace caseatlas {

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"filterBar"_s);
    m_text = new QLineEdit;
    m_text->setObjectName(u"filterText"_s);
    m_text->setPlaceholderText(tr("Filter: words in title or description"));
    m_text->setClearButtonEnabled(true);
    m_tag = new QComboBox;
    m_tag->setObjectName(u"filterTag"_s);
    m_actor = new QComboBox;
    m_actor->setObjectName(u"filterActor"_s);
    m_place = new QComboBox;
    m_place->setObjectName(u"filterPlace"_s);
    for (QComboBox* box : {m_tag, m_actor, m_place}) {
        box->setMinimumContentsLength(10);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    m_from = new QLineEdit;
    m_from->setObjectName(u"filterFrom"_s);
    m_from->setPlaceholderText(tr("from (EDTF)"));
    m_from->setMinimumWidth(fontMetrics().horizontalAdvance(u"2023-11-12T10:30~"_s) + 16);
    m_to = new QLineEdit;
    m_to->setObjectName(u"filterTo"_s);
    m_to->setPlaceholderText(tr("to (EDTF)"));
    m_to->setMinimumWidth(fontMetrics().horizontalAdvance(u"2023-11-12T10:30~"_s) + 16);
    m_mode = new QComboBox;
    m_mode->setObjectName(u"filterMode"_s);
    m_mode->addItem(tr("possibly in range"));
    m_mode->addItem(tr("certainly in range"));
    m_mode->setToolTip(
        tr("Possibly: the event's dates overlap the range. Certainly: they lie wholly inside it."));
    m_sensitivity = new QComboBox;
    m_sensitivity->setObjectName(u"filterSensitivity"_s);
    m_sensitivity->addItem(tr("all records"), int(Sensitivity::Confidential));
    m_sensitivity->addItem(tr("public and internal"), int(Sensitivity::Internal));
    m_sensitivity->addItem(tr("public only"), int(Sensitivity::Public));
    m_unsourced = new QCheckBox(tr("unsourced only"));
    m_unsourced->setObjectName(u"filterUnsourced"_s);
    m_extra = new QLabel;
    m_extra->setTextFormat(Qt::PlainText); // shows names and values from files
    m_extra->setObjectName(u"filterExtra"_s);
    m_extra->hide();
    auto* reset = new QPushButton(tr("Clear"));
    reset->setObjectName(u"filterClear"_s);

    // One row on a wide window, two or more on a laptop's.
    auto* row = new WrappingLayout(this);
    m_text->setMinimumWidth(fontMetrics().horizontalAdvance(m_text->placeholderText()) + 40);
    row->addWidget(m_text);
    row->addWidget(m_tag);
    row->addWidget(m_actor);
    row->addWidget(m_place);
    row->addWidget(m_from);
    row->addWidget(new QLabel(u"–"_s));
    row->addWidget(m_to);
    row->addWidget(m_mode);
    row->addWidget(m_sensitivity);
    row->addWidget(m_unsourced);
    row->addWidget(m_extra);
    row->addWidget(reset);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, &FilterBar::apply);
    for (QLineEdit* edit : {m_text, m_from, m_to})
        connect(edit, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    for (QLineEdit* edit : {m_text, m_from, m_to})
        connect(edit, &QLineEdit::returnPressed, this, &FilterBar::apply);
    for (QComboBox* box : {m_tag, m_actor, m_place, m_mode, m_sensitivity})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::apply);
    connect(m_unsourced, &QCheckBox::toggled, this, &FilterBar::apply);
    connect(reset, &QPushButton::clicked, this, &FilterBar::clear);
}

void FilterBar::setDocument(CaseDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &CaseDocument::recordsChanged, this, [this](RecordKind kind) {
            if (kind == RecordKind::Tag || kind == RecordKind::Event || kind == RecordKind::Actor ||
                kind == RecordKind::Place)
                reloadTags();
        });
        connect(m_document->filter(), &CaseFilter::changed, this, [this] {
            if (!m_applying)
                showCriteria();
        });
    }
    reloadTags();
    clear();
}

void FilterBar::reloadTags() {
    const QString current = m_tag->currentData().toString();
    const QSignalBlocker block(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("all tags"), QString());
    if (m_document)
        if (auto tags = m_document->catalog().tags())
            for (const Tag& t : tags.value())
                m_tag->addItem(t.name, t.name);
    const int index = m_tag->findData(current);
    m_tag->setCurrentIndex(index >= 0 ? index : 0);
    // Actors and places by name; the item's data is the id (0: all).
    for (auto [box, all] :
         {std::pair{m_actor, tr("all actors")}, std::pair{m_place, tr("all places")}}) {
        const qint64 was = box->currentData().toLongLong();
        const QSignalBlocker blockBox(box);
        box->clear();
        box->addItem(all, qint64(0));
        if (m_document) {
            if (box == m_actor) {
                if (auto actors = m_document->actors().all())
                    for (const Actor& a : actors.value())
                        box->addItem(a.name, a.id);
            } else if (auto places = m_document->places().all()) {
                for (const Place& p : places.value())
                    box->addItem(p.name, p.id);
            }
        }
        box->setCurrentIndex(std::max(0, box->findData(was)));
    }
}

void FilterBar::clear() {
    m_extra->hide();
    for (QWidget* w : std::initializer_list<QWidget*>{m_text, m_from, m_to, m_tag, m_mode,
                                                      m_sensitivity, m_unsourced, m_actor, m_place})
        w->blockSignals(true);
    m_actor->setCurrentIndex(0);
    m_place->setCurrentIndex(0);
    m_text->clear();
    m_from->clear();
    m_to->clear();
    m_tag->setCurrentIndex(0);
    m_mode->setCurrentIndex(0);
    m_sensitivity->setCurrentIndex(0);
    m_unsourced->setChecked(false);
    for (QWidget* w : std::initializer_list<QWidget*>{m_text, m_from, m_to, m_tag, m_mode,
                                                      m_sensitivity, m_unsourced, m_actor, m_place})
        w->blockSignals(false);
    apply();
}

void FilterBar::apply() {
    m_typing->stop();
    if (!m_document)
        return;
    FilterCriteria c;
    if (!m_extra->isHidden()) { // what a chart click set, until cleared
        const FilterCriteria& now = m_document->filter()->criteria();
        c.sources = now.sources;
        c.reliabilities = now.reliabilities;
    }
    c.text = m_text->text();
    if (const QString tag = m_tag->currentData().toString(); !tag.isEmpty())
        c.tags = {tag};
    if (const qint64 actor = m_actor->currentData().toLongLong())
        c.actors = {actor};
    if (const qint64 place = m_place->currentData().toLongLong())
        c.places = {place};
    // A date that does not parse marks its field and says why; the rest still applies.
    for (auto [edit, target, earliest] :
         {std::tuple{m_from, &c.from, true}, std::tuple{m_to, &c.to, false}}) {
        edit->setStyleSheet({});
        edit->setToolTip(tr("An EDTF date: 2023, 2023-11, 2023-11-12, 2023-21 (spring) …"));
        if (edit->text().trimmed().isEmpty())
            continue;
        auto d = FuzzyDate::parse(edit->text());
        if (!d) {
            edit->setStyleSheet(u"background:#fadbd8"_s);
            edit->setToolTip(d.error().message);
            continue;
        }
        *target = earliest ? d.value().earliest() : d.value().latest();
    }
    c.dateMode = m_mode->currentIndex() == 1 ? FilterCriteria::DateMode::Certainly
                                             : FilterCriteria::DateMode::Possibly;
    c.maxSensitivity = Sensitivity(m_sensitivity->currentData().toInt());
    c.unsourcedOnly = m_unsourced->isChecked();
    m_applying = true;
    m_document->filter()->setCriteria(c);
    m_applying = false;
}

void FilterBar::showCriteria() {
    if (!m_document)
        return;
    const FilterCriteria& c = m_document->filter()->criteria();
    const QList<QWidget*> fields = {m_text,        m_from,      m_to,    m_tag,  m_mode,
                                    m_sensitivity, m_unsourced, m_actor, m_place};
    for (QWidget* w : fields)
        w->blockSignals(true);
    m_text->setText(c.text);
    const int tag = c.tags.isEmpty() ? 0 : m_tag->findData(c.tags.first());
    m_tag->setCurrentIndex(std::max(tag, 0));
    auto day = [](qint64 seconds) {
        return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date().toString(Qt::ISODate);
    };
    m_from->setText(c.from ? day(*c.from) : QString());
    m_to->setText(c.to ? day(*c.to) : QString());
    m_mode->setCurrentIndex(c.dateMode == FilterCriteria::DateMode::Certainly ? 1 : 0);
    m_sensitivity->setCurrentIndex(std::max(0, m_sensitivity->findData(int(c.maxSensitivity))));
    m_unsourced->setChecked(c.unsourcedOnly);
    m_actor->setCurrentIndex(c.actors.isEmpty() ? 0
                                                : std::max(0, m_actor->findData(c.actors.first())));
    m_place->setCurrentIndex(c.places.isEmpty() ? 0
                                                : std::max(0, m_place->findData(c.places.first())));
    for (QWidget* w : fields)
        w->blockSignals(false);
    QStringList extra;
    for (qint64 id : c.sources)
        if (auto s = m_document->sources().load(id))
            extra << tr("source %1").arg(s.value().title);
    for (Reliability r : c.reliabilities)
        extra << tr("a source graded %1").arg(reliabilityLetter(r));
    m_extra->setText(tr("and: %1").arg(extra.join(u", "_s)));
    m_extra->setToolTip(m_extra->text());
    m_extra->setVisible(!extra.isEmpty());
}

} // namespace caseatlas
