#include "peopleplaces.h"

#include "formhelpers.h"

#include "backlinks.h"

#include "geo/gazetteer.h"
#include "model/casedocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

QTableWidget* aliasTable(const QString& name) {
    auto* t = new QTableWidget(0, 2);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(
        {PeoplePlacesPanel::tr("Alias"), PeoplePlacesPanel::tr("Language (zh-Hans, my, en…)")});
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->verticalHeader()->hide();
    t->setMaximumHeight(110);
    return t;
}

QPushButton* button(const QString& text, const QString& name) {
    auto* b = new QPushButton(text);
    b->setObjectName(name);
    b->setAutoDefault(false);
    return b;
}

// A list on the left, the form on the right, split by a handle; the form scrolls when the dock
// is smaller than it (a laptop screen).
QWidget* pane(QListWidget* list, QWidget* form, std::initializer_list<QPushButton*> buttons) {
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(list, 1);
    auto* row = new QHBoxLayout;
    for (QPushButton* b : buttons)
        row->addWidget(b);
    leftLayout->addLayout(row);
    auto* scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(scroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    return split;
}

} // namespace

PeoplePlacesPanel::PeoplePlacesPanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"peoplePlacesPanel"_s);
    m_tabs = new QTabWidget;

    // Actors.
    m_actorList = new QListWidget;
    m_actorList->setObjectName(u"actorList"_s);
    m_actorName = new QLineEdit;
    m_actorName->setObjectName(u"actorName"_s);
    m_actorKind = new QComboBox;
    for (ActorKind k :
         {ActorKind::Person, ActorKind::Organisation, ActorKind::Group, ActorKind::StateBody})
        m_actorKind->addItem(shownKey(actorKindKey(k)), actorKindKey(k));
    m_protected = new QCheckBox(tr("Protected person (victim, witness)"));
    m_protected->setToolTip(tr("Never named in public exports and briefings: a pseudonym "
                               "stands in for every name and alias."));
    m_protected->setObjectName(u"actorProtected"_s);
    m_actorAliases = aliasTable(u"actorAliases"_s);
    m_actorDescription = new QPlainTextEdit;
    m_actorDescription->setMaximumHeight(80);
    m_actorBacklinks = new QListWidget;
    m_actorBacklinks->setMaximumHeight(60);
    auto* actorForm = new QWidget;
    auto* af = new QFormLayout(actorForm);
    af->addRow(tr("&Name:"), m_actorName);
    af->addRow(tr("&Kind:"), m_actorKind);
    af->addRow(QString(), m_protected);
    auto* addAlias = button(tr("Add Alias"), u"actorAddAlias"_s);
    af->addRow(tr("Aliases:"), m_actorAliases);
    af->addRow(QString(), addAlias);
    af->addRow(tr("&Description:"), m_actorDescription);
    auto* saveActorButton = button(tr("&Save"), u"actorSave"_s);
    af->addRow(QString(), saveActorButton);
    af->addRow(tr("Notes:"), m_actorBacklinks);
    auto* newActor = button(tr("New"), u"actorNew"_s);
    auto* deleteActor = button(tr("Delete"), u"actorDelete"_s);
    m_tabs->addTab(pane(m_actorList, actorForm, {newActor, deleteActor}), tr("&Actors"));

    // Places.
    m_placeList = new QListWidget;
    m_placeList->setObjectName(u"placeList"_s);
    m_placeName = new QLineEdit;
    m_placeName->setObjectName(u"placeName"_s);
    m_placeKind = new QLineEdit;
    m_placeKind->setPlaceholderText(tr("town, compound, border crossing, region…"));
    m_placeCountry = new QLineEdit;
    m_placeCountry->setMaxLength(2);
    m_placeCountry->setPlaceholderText(u"MM"_s);
    m_placeLat = new QLineEdit;
    m_placeLon = new QLineEdit;
    m_placeAliases = aliasTable(u"placeAliases"_s);
    m_placeBacklinks = new QListWidget;
    m_placeBacklinks->setMaximumHeight(60);
    m_gazetteerBox = new QLineEdit;
    m_gazetteerBox->setObjectName(u"gazetteerBox"_s);
    m_gazetteerBox->setPlaceholderText(tr("Type a town to add it from the gazetteer"));
    m_gazetteerHits = new QListWidget;
    m_gazetteerHits->setWordWrap(true);
    m_gazetteerHits->setObjectName(u"gazetteerHits"_s);
    m_gazetteerHits->setMaximumHeight(90);
    auto* placeForm = new QWidget;
    auto* pf = new QFormLayout(placeForm);
    pf->addRow(tr("&Name:"), m_placeName);
    pf->addRow(tr("&Kind:"), m_placeKind);
    pf->addRow(tr("&Country:"), m_placeCountry);
    auto* coords = new QHBoxLayout;
    coords->addWidget(new QLabel(tr("lat")));
    coords->addWidget(m_placeLat);
    coords->addWidget(new QLabel(tr("lon")));
    coords->addWidget(m_placeLon);
    pf->addRow(tr("Where:"), coords);
    auto* addPlaceAlias = button(tr("Add Alias"), u"placeAddAlias"_s);
    pf->addRow(tr("Aliases:"), m_placeAliases);
    pf->addRow(QString(), addPlaceAlias);
    auto* savePlaceButton = button(tr("&Save"), u"placeSave"_s);
    pf->addRow(QString(), savePlaceButton);
    pf->addRow(tr("Notes:"), m_placeBacklinks);
    pf->addRow(tr("&Gazetteer:"), m_gazetteerBox);
    pf->addRow(QString(), m_gazetteerHits);
    auto* deletePlace = button(tr("Delete"), u"placeDelete"_s);
    m_tabs->addTab(pane(m_placeList, placeForm, {deletePlace}), tr("&Places"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_actorList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_loading && row >= 0)
            loadActor(m_actorList->item(row)->data(Qt::UserRole).toLongLong());
    });
    connect(m_placeList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_loading && row >= 0)
            loadPlace(m_placeList->item(row)->data(Qt::UserRole).toLongLong());
    });
    connect(addAlias, &QPushButton::clicked, this,
            [this] { m_actorAliases->insertRow(m_actorAliases->rowCount()); });
    connect(addPlaceAlias, &QPushButton::clicked, this,
            [this] { m_placeAliases->insertRow(m_placeAliases->rowCount()); });
    connect(saveActorButton, &QPushButton::clicked, this, &PeoplePlacesPanel::saveActor);
    connect(savePlaceButton, &QPushButton::clicked, this, &PeoplePlacesPanel::savePlace);
    connect(m_protected, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            saveActor();
    });
    connect(newActor, &QPushButton::clicked, this, [this] {
        if (!m_document)
            return;
        Actor a;
        a.name = tr("New actor");
        auto id = m_document->addActor(a);
        if (!id)
            return emit failed(id.error());
        showActor(id.value());
        m_actorName->setFocus();
        m_actorName->selectAll();
    });
    connect(deleteActor, &QPushButton::clicked, this, [this] {
        if (m_document && currentActor())
            if (Status s = m_document->deleteActor(currentActor()); !s)
                emit failed(s.error());
    });
    connect(deletePlace, &QPushButton::clicked, this, [this] {
        if (m_document && currentPlace())
            if (Status s = m_document->deletePlace(currentPlace()); !s)
                emit failed(s.error());
    });
    connect(m_gazetteerBox, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_gazetteerHits->clear();
        const Gazetteer& g = Gazetteer::shared();
        for (const Gazetteer::Place* p : g.lookup(text, 20)) {
            auto* item = new QListWidgetItem(gazetteerEntryText(*p, text), m_gazetteerHits);
            item->setData(Qt::UserRole, qint64(p - g.places().data()));
        }
        if (m_gazetteerHits->count() == 0 && !text.trimmed().isEmpty())
            m_gazetteerHits->addItem(gazetteerNoResultItem(text));
    });
    connect(m_gazetteerHits, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (!item->data(Qt::UserRole).isValid())
            return; // the "no place of that name" line
        auto id = addGazetteerPlace(item->data(Qt::UserRole).toLongLong());
        if (!id)
            return emit failed(id.error());
        showPlace(id.value());
    });
    for (QListWidget* backlinks : {m_actorBacklinks, m_placeBacklinks})
        connect(backlinks, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
            if (item->data(Qt::UserRole).isValid())
                emit noteActivated(item->data(Qt::UserRole).toLongLong());
        });
    setEnabled(false);
}

void PeoplePlacesPanel::setDocument(CaseDocument* document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    setEnabled(m_document != nullptr);
    if (m_document)
        connect(m_document, &CaseDocument::recordsChanged, this, [this](RecordKind kind) {
            if (kind == RecordKind::Actor || kind == RecordKind::Place || kind == RecordKind::Note)
                reload();
        });
    reload();
}

qint64 PeoplePlacesPanel::currentActor() const {
    const auto* item = m_actorList->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}
qint64 PeoplePlacesPanel::currentPlace() const {
    const auto* item = m_placeList->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void PeoplePlacesPanel::reload() {
    const qint64 actor = currentActor(), place = currentPlace();
    m_loading = true;
    m_actorList->clear();
    m_placeList->clear();
    if (m_document) {
        if (auto actors = m_document->actors().all())
            for (const Actor& a : actors.value()) {
                QString text = a.name;
                if (!a.aliases.isEmpty())
                    text += u" · "_s + a.aliases.first().name;
                if (a.protectedPerson)
                    text += tr(" (protected)");
                auto* item = new QListWidgetItem(text, m_actorList);
                item->setData(Qt::UserRole, a.id);
            }
        if (auto places = m_document->places().all())
            for (const Place& p : places.value()) {
                auto* item = new QListWidgetItem(
                    p.aliases.isEmpty() ? p.name : p.name + u" · "_s + p.aliases.first().name,
                    m_placeList);
                item->setData(Qt::UserRole, p.id);
            }
    }
    m_loading = false;
    showActor(actor);
    showPlace(place);
}

void PeoplePlacesPanel::showActor(qint64 id) {
    for (int i = 0; i < m_actorList->count(); ++i)
        if (m_actorList->item(i)->data(Qt::UserRole).toLongLong() == id) {
            m_tabs->setCurrentIndex(0);
            m_actorList->setCurrentRow(i);
            loadActor(id);
            return;
        }
    loadActor(0);
}

void PeoplePlacesPanel::showPlace(qint64 id) {
    for (int i = 0; i < m_placeList->count(); ++i)
        if (m_placeList->item(i)->data(Qt::UserRole).toLongLong() == id) {
            m_tabs->setCurrentIndex(1);
            m_placeList->setCurrentRow(i);
            loadPlace(id);
            return;
        }
    loadPlace(0);
}

void PeoplePlacesPanel::fillAliases(QTableWidget* table,
                                    const QList<std::pair<QString, QString>>& aliases) {
    table->setRowCount(int(aliases.size()));
    for (int r = 0; r < aliases.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(aliases[r].first));
        table->setItem(r, 1, new QTableWidgetItem(aliases[r].second));
    }
}

QList<std::pair<QString, QString>> PeoplePlacesPanel::aliasesOf(QTableWidget* table) {
    QList<std::pair<QString, QString>> out;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString name = table->item(r, 0) ? table->item(r, 0)->text().trimmed() : QString();
        if (!name.isEmpty())
            out.append({name, table->item(r, 1) ? table->item(r, 1)->text().trimmed() : QString()});
    }
    return out;
}

void PeoplePlacesPanel::loadActor(qint64 id) {
    m_loading = true;
    Actor a;
    if (m_document && id)
        if (auto loaded = m_document->actors().load(id))
            a = loaded.value();
    m_actorName->setText(a.name);
    m_actorKind->setCurrentIndex(std::max(0, m_actorKind->findData(actorKindKey(a.kind))));
    m_protected->setChecked(a.protectedPerson);
    QList<std::pair<QString, QString>> aliases;
    for (const Alias& al : a.aliases)
        aliases.append({al.name, al.language});
    fillAliases(m_actorAliases, aliases);
    m_actorDescription->setPlainText(a.description);
    fillBacklinks(m_actorBacklinks, m_document, LinkTarget::Actor, a.id);
    m_loading = false;
}

void PeoplePlacesPanel::loadPlace(qint64 id) {
    m_loading = true;
    Place p;
    if (m_document && id)
        if (auto loaded = m_document->places().load(id))
            p = loaded.value();
    m_placeName->setText(p.name);
    m_placeKind->setText(p.kind);
    m_placeCountry->setText(p.countryCode);
    m_placeLat->setText(p.point ? QString::number(p.point->lat, 'f', 5) : QString());
    m_placeLon->setText(p.point ? QString::number(p.point->lon, 'f', 5) : QString());
    QList<std::pair<QString, QString>> aliases;
    for (const Alias& al : p.aliases)
        aliases.append({al.name, al.language});
    fillAliases(m_placeAliases, aliases);
    fillBacklinks(m_placeBacklinks, m_document, LinkTarget::Place, p.id);
    m_loading = false;
}

void PeoplePlacesPanel::saveActor() {
    if (!m_document || !currentActor())
        return;
    auto loaded = m_document->actors().load(currentActor());
    if (!loaded)
        return emit failed(loaded.error());
    Actor a = loaded.value();
    a.name = m_actorName->text().trimmed().isEmpty() ? a.name : m_actorName->text().trimmed();
    a.kind = actorKindFromKey(m_actorKind->currentData().toString()).value_or(a.kind);
    a.protectedPerson = m_protected->isChecked();
    a.description = m_actorDescription->toPlainText();
    a.aliases.clear();
    for (const auto& [name, language] : aliasesOf(m_actorAliases))
        a.aliases.append({name, language});
    if (Status s = m_document->updateActor(a); !s)
        emit failed(s.error());
}

void PeoplePlacesPanel::savePlace() {
    if (!m_document || !currentPlace())
        return;
    auto loaded = m_document->places().load(currentPlace());
    if (!loaded)
        return emit failed(loaded.error());
    Place p = loaded.value();
    p.name = m_placeName->text().trimmed().isEmpty() ? p.name : m_placeName->text().trimmed();
    p.kind = m_placeKind->text().trimmed();
    p.countryCode = m_placeCountry->text().trimmed().toUpper();
    bool okLat = false, okLon = false;
    const double lat = m_placeLat->text().toDouble(&okLat),
                 lon = m_placeLon->text().toDouble(&okLon);
    if (okLat && okLon) {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
            return emit failed(makeError(ErrorCode::InvalidInput,
                                         tr("Latitude runs from -90 to 90 and longitude from -180 "
                                            "to 180.")));
        p.point = GeoPoint{lon, lat};
    } else if (m_placeLat->text().trimmed().isEmpty() && m_placeLon->text().trimmed().isEmpty()) {
        p.point.reset();
    }
    p.aliases.clear();
    for (const auto& [name, language] : aliasesOf(m_placeAliases))
        p.aliases.append({name, language});
    if (Status s = m_document->updatePlace(p); !s)
        emit failed(s.error());
}

Result<qint64> PeoplePlacesPanel::addGazetteerPlace(qsizetype index) {
    const Gazetteer& g = Gazetteer::shared();
    if (!m_document || index < 0 || size_t(index) >= g.places().size())
        return makeError(ErrorCode::NotFound, tr("No such gazetteer entry."));
    return m_document->addPlace(g.toCasePlace(g.places()[size_t(index)]));
}

} // namespace caseatlas
