#include "model/exportset.h"

#include "model/casedocument.h"
#include "store/eventrepository.h"
#include "store/sourcerepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

bool withheldBy(ExportProfile profile, Sensitivity s) {
    return profile != ExportProfile::Full && s == Sensitivity::Confidential;
}

QString pseudonym(const QByteArray& key, const QString& uuid) {
    const QByteArray h = QMessageAuthenticationCode::hash(u"person:"_s.append(uuid).toUtf8(), key,
                                                          QCryptographicHash::Sha256);
    return u"Protected person %1"_s.arg(QString::fromLatin1(h.toHex().left(6).toUpper()));
}

QString keyedUuid(const QByteArray& key, const QString& kind, const QString& uuid) {
    QByteArray h = QMessageAuthenticationCode::hash((kind + u':' + uuid).toUtf8(), key,
                                                    QCryptographicHash::Sha256)
                       .left(16);
    h[6] = char((h[6] & 0x0F) | 0x40); // shaped as a random (version 4) UUID
    h[8] = char((h[8] & 0x3F) | 0x80);
    return QUuid::fromRfc4122(h).toString(QUuid::WithoutBraces);
}

QString ExportSet::eventUuid(const Event& e) const {
    return isPublic() ? keyedUuid(idKey, u"event"_s, e.uuid) : e.uuid;
}

QString ExportSet::sourceUuid(const Source& s) const {
    return isPublic() ? keyedUuid(idKey, u"source"_s, s.uuid) : s.uuid;
}

namespace {

// The case's secret for keyed ids and pseudonyms, made the first time a case exports. A case
// that cannot be written gets one for this export only (its ids are then not stable).
QByteArray exportKey(CaseDocument& doc) {
    auto stored = doc.file().meta(u"export_key"_s);
    if (stored && stored.value().size() >= 32)
        return QByteArray::fromHex(stored.value().toLatin1());
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), 8);
    if (!doc.isReadOnly())
        (void)doc.file().setMeta(u"export_key"_s, QString::fromLatin1(key.toHex()));
    return key;
}

// Every text of a record as it leaves: through the redactor, one field after another. A field
// added to a record must be added here, or it leaves as written (the leak test fills every
// field of every record with the names it hides).
void cleanPlace(const ExportSet& set, Place& p) {
    p.name = set.clean(p.name);
    p.kind = set.clean(p.kind);
    p.description = set.clean(p.description);
    for (Alias& a : p.aliases)
        a.name = set.clean(a.name);
}

void cleanActor(const ExportSet& set, Actor& a) {
    a.name = set.clean(a.name);
    a.description = set.clean(a.description);
    for (Alias& al : a.aliases)
        al.name = set.clean(al.name);
}

void cleanSource(const ExportSet& set, Source& s) {
    s.title = set.clean(s.title);
    s.author = set.clean(s.author);
    s.publisher = set.clean(s.publisher);
    s.url = set.clean(s.url);
    s.archiveUrl = set.clean(s.archiveUrl);
    s.language = set.clean(s.language);
    s.notes = set.clean(s.notes);
}

void cleanCitation(const ExportSet& set, Citation& c) {
    c.field = set.clean(c.field);
    c.locator = set.clean(c.locator);
    c.quote = set.clean(c.quote);
}

void cleanEvent(const ExportSet& set, Event& e) {
    e.title = set.clean(e.title);
    e.description = set.clean(e.description);
    e.tags = set.clean(e.tags);
    for (EventActor& a : e.actors)
        a.role = set.clean(a.role);
    for (EventValue& v : e.values) {
        v.name = set.clean(v.name);
        v.unit = set.clean(v.unit);
    }
}

void cleanEra(const ExportSet& set, Era& era) {
    era.name = set.clean(era.name);
    era.description = set.clean(era.description);
}

void cleanNote(const ExportSet& set, Note& n) {
    n.title = set.clean(n.title);
    n.body = set.clean(n.body); // noteMarkdown() cleans again, after the links are written
}

} // namespace

Result<ExportSet> collectContext(CaseDocument& doc, const ExportScope& o) {
    ExportSet set;
    set.profile = o.profile;
    set.caseId = doc.file().caseId();
    set.idKey = exportKey(doc);
    // The events: all, or those of the filter.
    QList<qint64>& ids = set.ids;
    {
        QString sql = u"SELECT e.fid FROM events e"_s;
        QVariantList params;
        if (o.filter && !o.filter->isEmpty()) {
            const auto [where, values] = o.filter->sql();
            sql += u" WHERE "_s + where;
            params = values;
        }
        sql += u" ORDER BY e.earliest_s, e.latest_s, e.fid"_s;
        auto stmt = doc.db().prepare(sql);
        if (!stmt)
            return stmt.error();
        stmt.value().bindAll(params);
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) { ids << s.int64(0); }));
    }
    // Actors and places first: what is withheld or protected decides what the events say.
    if (auto actors = doc.actors().all()) {
        for (const Actor& a : actors.value()) {
            if (withheldBy(o.profile, a.sensitivity)) {
                ++set.withheld;
                set.redactor.add(a.name, u"[withheld]"_s);
                for (const Alias& al : a.aliases)
                    set.redactor.add(al.name, u"[withheld]"_s);
                continue;
            }
            Actor shown = a;
            if (o.profile == ExportProfile::Public && a.protectedPerson) {
                const QString alias = pseudonym(set.idKey, a.uuid);
                set.redactor.add(a.name, alias);
                for (const Alias& al : a.aliases)
                    set.redactor.add(al.name, alias);
                shown.name = alias;
                shown.aliases.clear();
                shown.description.clear();
            }
            set.actors.insert(a.id, shown);
        }
    } else {
        return actors.error();
    }
    if (auto places = doc.places().all()) {
        for (const Place& p : places.value()) {
            if (withheldBy(o.profile, p.sensitivity)) {
                ++set.withheld;
                set.redactor.add(p.name, u"[withheld]"_s);
                for (const Alias& al : p.aliases)
                    set.redactor.add(al.name, u"[withheld]"_s);
                continue;
            }
            set.places.insert(p.id, p);
        }
    } else {
        return places.error();
    }
    // Now that every name to hide is known: the records kept, as they leave.
    set.title = set.clean(doc.title());
    for (Actor& a : set.actors)
        cleanActor(set, a);
    for (Place& p : set.places)
        cleanPlace(set, p);

    if (auto sources = doc.sources().all())
        for (const Source& s : sources.value())
            set.allSources.insert(s.id, s);
    for (auto it = set.allSources.cbegin(); it != set.allSources.cend(); ++it)
        if (withheldBy(o.profile, it->sensitivity))
            ++set.withheld;
    if (auto notes = doc.notes().all()) {
        for (const Note& n : notes.value()) {
            const bool shown = o.profile == ExportProfile::Full ||
                               (o.profile == ExportProfile::Internal &&
                                n.sensitivity != Sensitivity::Confidential) ||
                               n.sensitivity == Sensitivity::Public;
            if (!shown) {
                ++set.withheld;
                continue;
            }
            Note cleaned = n;
            cleanNote(set, cleaned);
            set.notes << cleaned;
        }
    }
    if (auto eras = doc.catalog().eras())
        set.eras = eras.value();
    for (Era& era : set.eras)
        cleanEra(set, era);
    return set;
}

Result<bool> takeEvent(SqliteDatabase& db, const ExportScope& o, ExportSet& set, qint64 id,
                       Event& e) {
    {
        auto loaded = EventRepository(db).load(id);
        if (!loaded)
            return loaded.error();
        e = std::move(loaded).value();
        if (withheldBy(o.profile, e.sensitivity)) {
            ++set.withheld;
            return false;
        }
        cleanEvent(set, e);
        if (set.isPublic())
            set.publicNumbers.insert(e.id, set.publicNumbers.size() + 1);
        // Links to what is withheld are dropped.
        auto known = [&](qint64 place) { return place && set.places.contains(place) ? place : 0; };
        if (e.placeId && !set.places.contains(e.placeId) && !e.point)
            e.point.reset();
        e.placeId = known(e.placeId);
        e.originPlaceId = known(e.originPlaceId);
        e.destinationPlaceId = known(e.destinationPlaceId);
        e.actors.erase(
            std::remove_if(e.actors.begin(), e.actors.end(),
                           [&](const EventActor& a) { return !set.actors.contains(a.actorId); }),
            e.actors.end());
        if (!e.point && e.placeId) {
            if (const auto place = set.places.constFind(e.placeId); place != set.places.cend())
                e.point = place->point;
        }
        // Internal events are shown only roughly in public.
        if (o.profile == ExportProfile::Public && e.sensitivity == Sensitivity::Internal &&
            e.point && o.gridDegrees > 0) {
            auto snap = [&](double v) {
                return std::floor(v / o.gridDegrees) * o.gridDegrees + o.gridDegrees / 2;
            };
            e.point = GeoPoint{snap(e.point->lon), snap(e.point->lat)};
            e.precisionMetres = std::max(e.precisionMetres, o.gridDegrees * 111000);
        }
        auto citations = SourceRepository(db).citationsOfEvent(e.id);
        if (!citations)
            return citations.error();
        QList<Citation> kept;
        for (Citation c : citations.value()) {
            const auto source = set.allSources.constFind(c.sourceId);
            if (source == set.allSources.cend() || withheldBy(o.profile, source->sensitivity))
                continue;
            cleanCitation(set, c);
            kept << c;
            if (set.sources.contains(source->id))
                continue;
            Source s = *source;
            cleanSource(set, s);
            if (o.profile == ExportProfile::Public)
                s.notes.clear(); // the researcher's own remarks stay in the case
            set.sources.insert(s.id, s);
        }
        set.citations.insert(e.id, kept);
    }
    return true;
}

Result<ExportSet> collect(CaseDocument& doc, const ExportScope& o) {
    auto set = collectContext(doc, o);
    if (!set)
        return set;
    for (qsizetype i = 0; i < set.value().ids.size(); ++i) {
        Event e;
        auto kept = takeEvent(doc.db(), o, set.value(), set.value().ids[i], e);
        if (!kept)
            return kept.error();
        if (kept.value())
            set.value().events << e;
        if (o.progress && i % 1000 == 999 && !o.progress(i + 1, set.value().ids.size()))
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "The export was cancelled; nothing was written."));
    }
    return set;
}

QString noteMarkdown(const ExportSet& set, const Note& n) {
    static const QRegularExpression link(
        u"\\[\\[(event|actor|place|source):(\\d+)(?:\\|[^\\]]*)?\\]\\]"_s);
    QHash<qint64, QString> eventTitles;
    for (const Event& e : set.events)
        eventTitles.insert(e.id, e.title);
    QString body;
    qsizetype at = 0;
    for (auto it = link.globalMatch(n.body); it.hasNext();) {
        const auto m = it.next();
        body += n.body.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        const QString kind = m.captured(1);
        const qint64 id = m.captured(2).toLongLong();
        QString name = kind == u"event"_s   ? eventTitles.value(id)
                       : kind == u"actor"_s ? set.actorName(id)
                       : kind == u"place"_s ? set.placeName(id)
                                            : set.sources.value(id).title;
        body += name.isEmpty() ? u"[withheld]"_s : u"*"_s + name + u'*';
    }
    body += n.body.mid(at);
    return set.clean(body);
}

QString sourceLine(const Source& s) {
    QStringList parts{s.title};
    if (!s.publisher.isEmpty())
        parts << s.publisher;
    if (s.published.isValid())
        parts << s.published.toDisplayString();
    if (!s.url.isEmpty())
        parts << s.url;
    if (!s.archiveUrl.isEmpty())
        parts << u"archived: "_s + s.archiveUrl;
    parts << u"reliability "_s + reliabilityLetter(s.reliability);
    return parts.join(u", "_s);
}

} // namespace caseatlas
