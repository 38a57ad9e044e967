#include "io/importsupport.h"

#include "core/sha256.h"

#include "geo/gazetteer.h"
#include "model/exportset.h"
#include "store/actorrepository.h"
#include "store/catalogrepository.h"
#include "store/custodylog.h"
#include "store/eventrepository.h"
#include "store/importmemory.h"
#include "store/placerepository.h"
#include "store/sourcerepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace caseatlas {

using namespace importing;

// --- writing ---

Status scopeBatch(SqliteDatabase& db, const QString& path, ImportBatch& batch,
                  const ImportOptions& options) {
    if (!batch.dataset.isEmpty())
        return {};
    QString dataset;
    if (options.dataset.isEmpty()) {
        dataset = u"dataset:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    } else {
        auto known = ImportMemory(db).dataset(options.dataset);
        if (!known)
            return known.error();
        // Not kept: a file imported before datasets were, named by its file name.
        dataset = known.value() ? known.value()->id : options.dataset;
    }
    Q_UNUSED(path);
    for (ImportedEvent& e : batch.events)
        if (e.uuid.isEmpty() && !e.recordKey.isEmpty())
            e.uuid = datasetRecordUuid(dataset, e.recordKey);
    batch.dataset = dataset;
    return {};
}

namespace {

// A public export of this very case, brought back: its ids, names and places are the export
// profile's stand-ins, and importing it would write them over the real records. Found by its
// SHA-256 in the custody log, by ids that are this case's keyed public ids, or by this case's
// pseudonyms in its text.
Status refusePublicExportOfThisCase(SqliteDatabase& db, const QString& path, const QString& sha,
                                    const ImportBatch& batch) {
    const QString name = QDir::toNativeSeparators(path);
    auto refuse = [&](const QString& how) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 is a public export of this case (%2). Importing it would write "
                             "its pseudonyms, coarse places and public ids over the real records; "
                             "nothing was imported.")
                             .arg(name, how));
    };
    auto logged = db.scalar(u"SELECT at FROM custody_log WHERE action = 'export-case' AND "
                            "sha256 = ? AND detail LIKE '%profile public%' LIMIT 1"_s,
                            {sha});
    if (!logged)
        return logged.error();
    if (logged.value().isValid())
        return refuse(QCoreApplication::translate("caseatlas", "the one exported on %1")
                          .arg(logged.value().toString().left(10)));
    auto stored = db.scalar(u"SELECT value FROM caseatlas_meta WHERE key = 'export_key'"_s);
    if (!stored)
        return stored.error();
    if (!stored.value().isValid())
        return {}; // this case never exported with keyed ids
    const QByteArray key = QByteArray::fromHex(stored.value().toString().toLatin1());
    // Ids of the file's own that are none of this case's events (an internal export's are):
    // are they this case's public ones?
    QSet<QString> incoming;
    auto known = db.prepare(u"SELECT 1 FROM events WHERE uuid = ?"_s);
    if (!known)
        return known.error();
    for (const ImportedEvent& e : batch.events) {
        if (e.uuid.isEmpty() || !e.recordKey.isEmpty())
            continue;
        known.value().reset();
        known.value().bind(1, e.uuid);
        auto found = known.value().step();
        if (!found)
            return found.error();
        if (!found.value())
            incoming.insert(e.uuid);
    }
    if (!incoming.isEmpty()) {
        auto uuids = db.prepare(u"SELECT uuid FROM events"_s);
        if (!uuids)
            return uuids.error();
        bool keyed = false;
        CA_TRY(uuids.value().forEachRow([&](SqliteStatement& s) {
            keyed = keyed || incoming.contains(keyedUuid(key, u"event"_s, s.text(0)));
        }));
        if (keyed)
            return refuse(QCoreApplication::translate(
                "caseatlas", "its ids are the ones this case gives its events in public"));
    }
    auto people = db.prepare(u"SELECT uuid FROM actors WHERE protected = 1"_s);
    if (!people)
        return people.error();
    QStringList pseudonyms;
    CA_TRY(people.value().forEachRow(
        [&](SqliteStatement& s) { pseudonyms << pseudonym(key, s.text(0)); }));
    for (const ImportedEvent& e : batch.events) {
        QString text = e.title + u' ' + e.description;
        for (const auto& [actor, role] : e.actors)
            text += u' ' + actor;
        for (const QString& p : pseudonyms)
            if (text.contains(p))
                return refuse(QCoreApplication::translate(
                                  "caseatlas", "it names a protected person as this case does "
                                               "in public, \"%1\"")
                                  .arg(p));
    }
    return {};
}

} // namespace

Result<ImportReport> importBatch(CaseFile& file, const QString& path, const ImportBatch& given,
                                 const ImportOptions& o, Scope* created) {
    const QString name = QDir::toNativeSeparators(path);
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas", "This case is open read-only; nothing was imported."));
    // Its records' ids within the dataset chosen (a scoped batch comes so from CaseDocument).
    std::optional<ImportBatch> scoped;
    if (given.dataset.isEmpty()) {
        scoped = given;
        CA_TRY(scopeBatch(file.db(), path, *scoped, o));
    }
    const ImportBatch& batch = scoped ? *scoped : given;
    ImportReport report;
    report.dataset = batch.dataset;
    report.problems = batch.problems;
    report.skipped = batch.badRecords;
    report.notes = batch.notes;
    if (!batch.problems.isEmpty() && (!o.skipBadRows || batch.badRecords == 0)) {
        const int bad = int(qMin(batch.badRecords, qint64(INT_MAX)));
        return makeError(
            ErrorCode::InvalidInput,
            batch.badRecords == 0
                ? QCoreApplication::translate("caseatlas",
                                              "%1 cannot be imported; nothing was imported.")
                      .arg(name)
                : QCoreApplication::translate(
                      "caseatlas",
                      "%1 has %n record(s) that cannot be imported; nothing was imported. Fix "
                      "them, or import with the bad rows skipped.",
                      nullptr, bad)
                      .arg(name),
            firstProblems(batch.problems, path));
    }
    auto hashed = Sha256::hexOfFile(path);
    if (!hashed)
        return hashed.error();
    const QByteArray sha = hashed.value();
    SqliteDatabase& db = file.db();
    CA_TRY(refusePublicExportOfThisCase(db, path, QString::fromLatin1(sha), batch));
    if (o.preview && db.inTransaction())
        return makeError(ErrorCode::InvalidInput,
                         u"A preview of an import runs in a transaction of its own."_s);
    std::optional<SqliteTransaction> tx; // or the caller's (an undoable import)
    if (!db.inTransaction()) {
        tx.emplace(db);
        CA_TRY(tx->status());
    }
    ImportMemory memory(db);
    auto deleted = memory.deletedUuids();
    if (!deleted)
        return deleted.error();
    auto listChange = [&](qint64 line, const QString& title, bool added,
                          const QStringList& fields) {
        if (report.changes.size() < ImportReport::kMaxListedChanges)
            report.changes.append({line, title, added, fields});
    };
    auto made = [&](const Scope& scope) {
        if (created)
            *created += scope;
    };
    QList<qint64> newTags;
    EventRepository events(db);
    PlaceRepository places(db);
    ActorRepository actors(db);
    SourceRepository sources(db);
    CatalogRepository catalog(db);
    QHash<QString, qint64> eventIds, placeIds, actorIds, sourceIds;
    {
        auto ev = db.prepare(u"SELECT uuid, fid FROM events"_s);
        CA_TRY(ev.value().forEachRow(
            [&](SqliteStatement& s) { eventIds.insert(s.text(0), s.int64(1)); }));
        auto pl = db.prepare(u"SELECT name, fid FROM places ORDER BY fid DESC"_s);
        CA_TRY(pl.value().forEachRow(
            [&](SqliteStatement& s) { placeIds.insert(s.text(0).toLower(), s.int64(1)); }));
        auto ac = db.prepare(u"SELECT name, id FROM actors ORDER BY id DESC"_s);
        CA_TRY(ac.value().forEachRow(
            [&](SqliteStatement& s) { actorIds.insert(s.text(0).toLower(), s.int64(1)); }));
        auto so = db.prepare(u"SELECT coalesce(nullif(url, ''), title), id FROM sources "
                             "ORDER BY id DESC"_s);
        CA_TRY(so.value().forEachRow(
            [&](SqliteStatement& s) { sourceIds.insert(s.text(0), s.int64(1)); }));
    }
    const qsizetype eventsBefore = eventIds.size();
    QStringList unresolved;
    const Gazetteer* gazetteer = nullptr;
    qint64 done = 0;
    for (const ImportedEvent& r : batch.events) {
        // Deleted in CaseAtlas: not brought back by its file.
        if (!r.uuid.isEmpty() && !eventIds.contains(r.uuid) && deleted.value().contains(r.uuid)) {
            ++report.keptDeleted;
            continue;
        }
        Event e;
        e.uuid = r.uuid;
        e.title = r.title;
        e.description = r.description;
        auto start = FuzzyDate::parse(r.startEdtf);
        if (!start)
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("caseatlas", "%1:%2: %3")
                                 .arg(name)
                                 .arg(r.line)
                                 .arg(start.error().message));
        e.start = start.value();
        if (!r.endEdtf.isEmpty()) {
            auto end = FuzzyDate::parse(r.endEdtf);
            if (!end)
                return makeError(ErrorCode::InvalidInput,
                                 QCoreApplication::translate("caseatlas", "%1:%2: %3")
                                     .arg(name)
                                     .arg(r.line)
                                     .arg(end.error().message));
            e.end = end.value();
        }
        e.point = r.point;
        e.locationPrecision = r.precision;
        e.tags = r.tags;
        if (r.status)
            e.status = *r.status;
        if (r.sensitivity)
            e.sensitivity = *r.sensitivity;
        if (!r.placeName.isEmpty()) {
            auto it = placeIds.constFind(r.placeName.toLower());
            if (it == placeIds.cend()) {
                Place p;
                p.name = r.placeName;
                p.kind = u"location"_s;
                p.point = r.point;
                if (!p.point && batch.resolvePlaces) {
                    // The gazetteer's best place of exactly that name.
                    if (!gazetteer)
                        gazetteer = &Gazetteer::shared();
                    const QString folded = Gazetteer::fold(r.placeName);
                    for (const Gazetteer::Place* g : gazetteer->lookup(r.placeName, 50)) {
                        if (Gazetteer::isNamed(*g, folded)) {
                            const Place found = gazetteer->toCasePlace(*g);
                            p.point = found.point;
                            p.countryCode = found.countryCode;
                            p.gazetteerId = found.gazetteerId;
                            p.kind = found.kind;
                            break;
                        }
                    }
                    if (!p.point && !unresolved.contains(r.placeName))
                        unresolved << r.placeName;
                }
                auto id = places.insert(p);
                if (!id)
                    return id.error();
                made(PlaceRepository::scope(id.value()));
                it = placeIds.insert(r.placeName.toLower(), id.value());
            }
            e.placeId = *it;
        }
        for (const auto& [actorName, role] : r.actors) {
            auto it = actorIds.constFind(actorName.toLower());
            if (it == actorIds.cend()) {
                Actor a;
                a.name = actorName;
                a.kind = ActorKind::Group;
                auto id = actors.insert(a);
                if (!id)
                    return id.error();
                made(ActorRepository::scope(id.value()));
                it = actorIds.insert(actorName.toLower(), id.value());
            }
            e.actors.append({*it, role});
        }
        QList<std::pair<qint64, const ImportedSource*>> cited; // a citation each
        for (const ImportedSource& s : r.sources) {
            const QString key = s.url.isEmpty() ? s.title : s.url;
            if (key.isEmpty())
                continue;
            auto it = sourceIds.constFind(key);
            if (it == sourceIds.cend()) {
                Source src;
                src.title = s.title.isEmpty() ? s.url : s.title;
                src.url = s.url;
                src.publisher = s.publisher;
                src.archiveUrl = s.archiveUrl;
                if (s.reliability)
                    src.reliability = *s.reliability;
                src.kind = s.url.isEmpty() ? SourceKind::Document : SourceKind::WebPage;
                auto id = sources.insert(src);
                if (!id)
                    return makeError(ErrorCode::InvalidInput,
                                     QCoreApplication::translate("caseatlas", "%1:%2: %3")
                                         .arg(name)
                                         .arg(r.line)
                                         .arg(id.error().message));
                made(SourceRepository::scope(id.value()));
                it = sourceIds.insert(key, id.value());
            }
            // One citation per place in the source: the same source at another locator is
            // another citation.
            if (std::none_of(cited.cbegin(), cited.cend(), [&](const auto& c) {
                    return c.first == *it && c.second->locator == s.locator;
                }))
                cited.append({*it, &s});
        }
        qint64 eventId = 0;
        const auto existing = r.uuid.isEmpty() ? eventIds.cend() : eventIds.constFind(r.uuid);
        const bool isNew = existing == eventIds.cend();
        if (isNew) {
            auto id = events.insert(e, &newTags);
            if (!id)
                return makeError(ErrorCode::InvalidInput,
                                 QCoreApplication::translate("caseatlas", "%1:%2: %3")
                                     .arg(name)
                                     .arg(r.line)
                                     .arg(id.error().message));
            made(EventRepository::scope(id.value()));
            eventId = id.value();
            if (!r.uuid.isEmpty())
                eventIds.insert(r.uuid, eventId);
            ++report.added;
            listChange(r.line, e.title, true, {});
        } else {
            eventId = *existing;
            auto old = events.load(eventId);
            if (!old)
                return old.error();
            const Event& was = old.value();
            // What this record gives: a cell left empty says nothing of its field.
            ImportFields fields = batch.fields;
            if (!r.status)
                fields &= ~FieldStatus;
            if (!r.sensitivity)
                fields &= ~FieldSensitivity;
            if (r.placeName.isEmpty())
                fields &= ~FieldPlace;
            e.id = eventId;
            auto base = memory.base(eventId);
            if (!base)
                return base.error();
            const EventMerge merged = mergeImportedEvent(was, e, base.value(), fields);
            for (ImportConflict c : merged.conflicts) {
                c.line = r.line;
                if (c.field == u"place"_s) {
                    for (QString* v : {&c.ours, &c.theirs})
                        if (auto p = places.load(v->toLongLong()))
                            *v = p.value().name;
                }
                report.conflicts << c;
            }
            if (merged.changed.isEmpty()) {
                ++report.unchanged;
            } else {
                CA_TRY(events.update(merged.event, &newTags));
                ++report.changed;
                listChange(r.line, merged.event.title, false, merged.changed);
            }
            // While the case keeps what the file does not say, what the file said is the base
            // of its next update.
            if (!merged.matchesFile)
                CA_TRY(memory.setBase(eventId, importedFields(e, fields)));
            else if (base.value())
                CA_TRY(memory.clearBase(eventId));
        }
        // A new event has no citations yet; an existing one keeps those it has.
        Result<QList<Citation>> already = QList<Citation>();
        if (!isNew)
            already = sources.citationsOfEvent(eventId);
        if (!already)
            return already.error();
        for (const auto& [sourceId, given] : cited) {
            // Already cited there (or, when the file names no place in the source, at all).
            if (std::any_of(already.value().cbegin(), already.value().cend(),
                            [&](const Citation& c) {
                                return c.sourceId == sourceId &&
                                       (given->locator.isEmpty() || c.locator == given->locator);
                            }))
                continue;
            Citation c;
            c.eventId = eventId;
            c.sourceId = sourceId;
            c.locator =
                given->locator.isEmpty() && !given->cited
                    ? u"%1 %2:%3"_s.arg(batch.format, QFileInfo(path).fileName()).arg(r.line)
                    : given->locator;
            c.quote = given->quote;
            if (given->credibility)
                c.credibility = *given->credibility;
            auto id = sources.insert(c);
            if (!id)
                return id.error();
        }
        if (o.progress && ++done % 200 == 0 && !o.progress(done, batch.events.size()))
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "The import was cancelled; nothing was imported."));
    }
    // A file's own title (a TimelineJS title slide or `title` row) names a case that has none
    // yet: one still called after its file, with no events before this import.
    if (!batch.title.isEmpty() && eventsBefore == 0) {
        auto title = file.meta(u"title"_s);
        if (title && (title.value().trimmed().isEmpty() ||
                      title.value() == QFileInfo(file.path()).completeBaseName())) {
            CA_TRY(file.setMeta(u"title"_s, batch.title));
            report.notes << QCoreApplication::translate(
                                "caseatlas", "The case is now titled “%1”, as the file's title "
                                             "says.")
                                .arg(batch.title);
        }
    }
    if (!batch.eras.isEmpty()) {
        auto eras = catalog.eras();
        if (!eras)
            return eras.error();
        for (const ImportedEra& era : batch.eras) {
            if (std::any_of(eras.value().cbegin(), eras.value().cend(), [&](const Era& e) {
                    return e.name == era.name && e.span.toEdtf() == era.spanEdtf;
                }))
                continue;
            auto span = FuzzyDate::parse(era.spanEdtf);
            if (!span)
                return span.error();
            Era e;
            e.name = era.name.isEmpty() ? u"Era"_s : era.name;
            e.span = span.value();
            e.color = era.color;
            auto id = catalog.insert(e);
            if (!id)
                return id.error();
            made(CatalogRepository::eraScope(id.value()));
        }
    }
    if (!unresolved.isEmpty())
        report.notes
            << QCoreApplication::translate(
                   "caseatlas",
                   "%1 place names were not found in the gazetteer and have no location: %2")
                   .arg(unresolved.size())
                   .arg(unresolved.mid(0, 10).join(u", "_s));
    CA_TRY(CustodyLog(db).append(o.who, u"import"_s, QString::fromLatin1(sha), 0,
                                 u"%1 %2: %3 added, %4 changed, %5 unchanged, %6 bad records "
                                 "skipped"_s.arg(batch.format, QFileInfo(path).fileName())
                                     .arg(report.added)
                                     .arg(report.changed)
                                     .arg(report.unchanged)
                                     .arg(report.skipped)));
    for (qint64 tag : newTags)
        made(CatalogRepository::tagScope(tag));
    if (o.preview) {
        tx->rollback(); // what it would do, and nothing done
        return report;
    }
    CA_TRY(memory.recordImport({batch.dataset,
                                batch.format,
                                QFileInfo(path).fileName(),
                                {},
                                {},
                                QString::fromLatin1(sha),
                                qint64(batch.events.size()) - report.keptDeleted}));
    if (tx)
        CA_TRY(tx->commit());
    return report;
}

} // namespace caseatlas
