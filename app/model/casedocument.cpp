#include "model/casedocument.h"
#include "core/account.h"
#include "domain/eventmerge.h"
#include "store/importmemory.h"

#include "geo/layerimport.h"
#include "store/caseindexes.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
QString quotedTitle(const QString& title) {
    const QString t = title.trimmed();
    return t.size() > 40 ? t.left(39) + u'…' : t;
}
} // namespace

Result<std::unique_ptr<CaseDocument>> CaseDocument::open(const QString& path,
                                                         CaseFile::Access access) {
    auto file = CaseFile::open(path, access);
    if (!file)
        return file.error();
    // Layers removed in an earlier session can no longer be brought back by undo.
    if (!file.value().isReadOnly())
        CA_TRY(CaseFile::dropParkedTables(file.value().db()));
    auto doc = std::make_unique<CaseDocument>(std::move(file).value());
    auto custody = doc->custodyLog().verify();
    if (!custody)
        return custody.error();
    doc->m_custodyProblems = custody.value();
    return doc;
}

Result<std::unique_ptr<CaseDocument>> CaseDocument::create(const QString& path,
                                                           const QString& title) {
    auto file = CaseFile::create(path, title);
    if (!file)
        return file.error();
    return std::make_unique<CaseDocument>(std::move(file).value());
}

CaseDocument::CaseDocument(CaseFile file, QObject* parent)
    : QObject(parent)
    , m_file(std::move(file)) {
    m_user = accountName();
}

CaseDocument::~CaseDocument() {
    if (m_indexer)
        m_indexer->stop(); // its connection goes before this one
    // A log that did not add up is not taken as the one to compare with next time.
    if (m_custodyProblems.isEmpty() && db().isOpen())
        (void)custodyLog().rememberHead();
    // Commands refer to this document; drop them before the file closes.
    m_undo.clear();
}

void CaseDocument::indexSearchInBackground() {
    if (isReadOnly() || (m_indexer && m_indexer->isRunning()))
        return;
    auto waiting = searchIndex().pending(kEditIndexLimit + 1);
    auto missing = missingIndexes(db());
    auto behind = searchIndex().shortIndexBehind(); // a large build that did not finish
    if ((!waiting || waiting.value() <= kEditIndexLimit) &&
        (!missing || missing.value().isEmpty()) && (!behind || !behind.value())) {
        keepSearchCurrent();
        return;
    }
    if (!m_indexer) {
        m_indexer = new SearchIndexer(this);
        connect(m_indexer, &SearchIndexer::indexesProgress, this,
                &CaseDocument::lookupIndexProgress);
        connect(m_indexer, &SearchIndexer::progress, this, &CaseDocument::searchIndexProgress);
        connect(m_indexer, &SearchIndexer::finished, this, [this] {
            if (db().isOpen())
                db().setBusyTimeout(SqliteDatabase::DefaultBusyMs);
        });
        connect(m_indexer, &SearchIndexer::finished, this, &CaseDocument::searchIndexFinished);
    }
    // The indexer holds the write lock for up to a second at a time: an edit meanwhile waits
    // for it rather than fail.
    db().setBusyTimeout(kBusyWhileIndexingMs);
    m_indexer->start(path());
}

bool CaseDocument::isIndexingSearch() const {
    return m_indexer && m_indexer->isRunning();
}

QString CaseDocument::title() {
    auto t = m_file.meta(u"title"_s);
    return t.ok() ? t.value() : QString();
}

Result<QList<std::pair<QString, qint64>>> CaseDocument::tableCounts() {
    static const QStringList tables = {
        u"events"_s, u"sources"_s, u"citations"_s,   u"actors"_s,      u"places"_s,     u"notes"_s,
        u"tags"_s,   u"eras"_s,    u"saved_views"_s, u"attachments"_s, u"custody_log"_s};
    QList<std::pair<QString, qint64>> out;
    for (const QString& t : tables) {
        auto n = db().count(u"SELECT count(*) FROM %1"_s.arg(t));
        if (!n)
            return n.error();
        out.append({t, n.value()});
    }
    return out;
}

void CaseDocument::notifyChanged(RecordKind kind, const QList<qint64>& eventIds) {
    keepSearchCurrent();
    emit recordsChanged(kind, eventIds);
}

void CaseDocument::keepSearchCurrent() {
    if (isReadOnly() || isIndexingSearch())
        return;
    SearchIndex index(db());
    // Behind, the short index is rebuilt whole: the background indexer's work, not an edit's.
    if (auto behind = index.shortIndexBehind(); !behind || behind.value())
        return;
    auto waiting = index.pending(kEditIndexLimit + 1);
    if (waiting && waiting.value() > 0 && waiting.value() <= kEditIndexLimit)
        (void)index.update().ok(); // on failure the changes stay listed and are indexed later
}

Result<QList<SearchHit>> CaseDocument::search(const QString& query, int limit) {
    SearchIndex index(db());
    auto behind = index.shortIndexBehind();
    if (!behind)
        return behind.error();
    if (!isReadOnly() && !isIndexingSearch() && !behind.value())
        CA_TRY(index.update());
    return index.search(query, limit);
}
void CaseDocument::reportFailure(const Error& error) {
    emit editFailed(error);
}

Status CaseDocument::run(const QString& text, RecordKind kind, Scope scope,
                         RecordCommand::Apply apply, RecordCommand::Replay replay) {
    auto cmd = std::make_unique<RecordCommand>(*this, text, kind, std::move(scope),
                                               std::move(apply), std::move(replay));
    CA_TRY(cmd->execute());
    const QList<qint64> eventIds = cmd->eventIds();
    m_undo.push(cmd.release());
    keepSearchCurrent();
    emit recordsChanged(kind, eventIds);
    return {};
}

template <typename Insert>
Result<qint64> CaseDocument::insertRecord(const QString& text, RecordKind kind,
                                          Scope (*scopeOf)(qint64), Insert insert, Scope before) {
    qint64 newId = 0;
    CA_TRY(run(text, kind, std::move(before), [&](SqliteDatabase&) -> Result<Scope> {
        auto id = insert();
        if (!id)
            return id.error();
        newId = id.value();
        return scopeOf(newId);
    }));
    return newId;
}

Status CaseDocument::setTitle(const QString& title) {
    if (title.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "A case needs a title."));
    return run(tr("Rename case to “%1”").arg(quotedTitle(title)), RecordKind::Case,
               {{u"caseatlas_meta"_s, u"key"_s, u"title"_s, true}},
               [&](SqliteDatabase&) -> Result<Scope> {
                   CA_TRY(m_file.setMeta(u"title"_s, title.trimmed()));
                   return Scope{};
               });
}

// --- events ---

Result<qint64> CaseDocument::addEvent(const Event& event) {
    qint64 newId = 0;
    CA_TRY(run(tr("Add event “%1”").arg(quotedTitle(event.title)), RecordKind::Event, {},
               [&](SqliteDatabase& db) -> Result<Scope> {
                   QList<qint64> tags;
                   auto id = EventRepository(db).insert(event, &tags);
                   if (!id)
                       return id.error();
                   newId = id.value();
                   Scope s;
                   for (qint64 t : tags)
                       s += CatalogRepository::tagScope(t);
                   return s + EventRepository::scope(newId);
               }));
    return newId;
}

Status CaseDocument::updateEvent(const Event& event) {
    return run(
        tr("Edit event “%1”").arg(quotedTitle(event.title)), RecordKind::Event,
        EventRepository::scope(event.id), [&](SqliteDatabase& db) -> Result<Scope> {
            // What the event was before this edit (as its file gave it, if it came from
            // one) is kept once, so that an update from the file keeps the edit.
            auto before = EventRepository(db).load(event.id);
            if (!before)
                return before.error();
            CA_TRY(ImportMemory(db).keepBaseBeforeEdit(event.id, importedFields(before.value())));
            QList<qint64> tags;
            CA_TRY(EventRepository(db).update(event, &tags));
            Scope s;
            for (qint64 t : tags)
                s += CatalogRepository::tagScope(t);
            return s;
        });
}

Status CaseDocument::deleteEvents(const QList<qint64>& ids) {
    if (ids.isEmpty())
        return {};
    Scope scope;
    for (qint64 id : ids) {
        scope += EventRepository::scope(id);
        // The note that it was deleted (ImportMemory::rememberDeleted) goes with undo too.
        if (auto uuid = db().scalar(u"SELECT uuid FROM events WHERE fid = ?"_s, {id});
            uuid && uuid.value().isValid())
            scope.append({u"deleted_events"_s, u"uuid"_s, uuid.value(), true});
    }
    QString text = ids.size() == 1 ? tr("Delete event") : tr("Delete %1 events").arg(ids.size());
    if (ids.size() == 1)
        if (auto e = events().load(ids.first()))
            text = tr("Delete event “%1”").arg(quotedTitle(e.value().title));
    return run(text, RecordKind::Event, scope, [&](SqliteDatabase& db) -> Result<Scope> {
        EventRepository repo(db);
        QStringList uuids; // an update from their file does not bring them back
        for (qint64 id : ids) {
            auto uuid = db.scalar(u"SELECT uuid FROM events WHERE fid = ?"_s, {id});
            if (!uuid)
                return uuid.error();
            uuids << uuid.value().toString();
            CA_TRY(repo.remove(id));
        }
        CA_TRY(ImportMemory(db).rememberDeleted(uuids));
        return Scope{};
    });
}

// --- sources and citations ---

Result<qint64> CaseDocument::addSource(const Source& source) {
    return insertRecord(tr("Add source “%1”").arg(quotedTitle(source.title)), RecordKind::Source,
                        &SourceRepository::scope, [&] { return sources().insert(source); });
}

Status CaseDocument::updateSource(const Source& source) {
    return run(tr("Edit source “%1”").arg(quotedTitle(source.title)), RecordKind::Source,
               SourceRepository::scope(source.id), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(SourceRepository(db).update(source));
                   return Scope{};
               });
}

Status CaseDocument::deleteSource(qint64 id) {
    auto s = sources().load(id);
    if (!s)
        return s.error();
    return run(tr("Delete source “%1”").arg(quotedTitle(s.value().title)), RecordKind::Source,
               SourceRepository::scope(id), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(SourceRepository(db).remove(id));
                   return Scope{};
               });
}

namespace {

// A citation's scope, naming the events it belongs to before and after the edit (their rows
// are written back as they were, never removed): the change notice names them, so the views
// that count citations per event (the charts of sources and grades) follow it.
Scope citationScope(SqliteDatabase& db, qint64 citationId, qint64 newEventId) {
    Scope scope = citationId > 0 ? SourceRepository::citationScope(citationId) : Scope{};
    QSet<qint64> events;
    if (newEventId > 0)
        events.insert(newEventId);
    if (citationId > 0)
        if (auto old = db.count(u"SELECT event_id FROM citations WHERE id = ?"_s, {citationId}))
            events.insert(old.value());
    for (qint64 e : std::as_const(events))
        if (e > 0)
            scope.prepend({u"events"_s, u"fid"_s, e, false});
    return scope;
}

} // namespace

Result<qint64> CaseDocument::addCitation(const Citation& citation) {
    return insertRecord(
        tr("Cite source"), RecordKind::Citation, &SourceRepository::citationScope,
        [&] { return sources().insert(citation); }, citationScope(db(), 0, citation.eventId));
}

Status CaseDocument::updateCitation(const Citation& citation) {
    return run(tr("Edit citation"), RecordKind::Citation,
               citationScope(db(), citation.id, citation.eventId),
               [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(SourceRepository(db).update(citation));
                   return Scope{};
               });
}

Status CaseDocument::deleteCitation(qint64 id) {
    return run(tr("Remove citation"), RecordKind::Citation, citationScope(db(), id, 0),
               [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(SourceRepository(db).removeCitation(id));
                   return Scope{};
               });
}

// --- actors, places, notes ---

Result<qint64> CaseDocument::addActor(const Actor& actor) {
    return insertRecord(tr("Add actor “%1”").arg(quotedTitle(actor.name)), RecordKind::Actor,
                        &ActorRepository::scope, [&] { return actors().insert(actor); });
}

Status CaseDocument::updateActor(const Actor& actor) {
    return run(tr("Edit actor “%1”").arg(quotedTitle(actor.name)), RecordKind::Actor,
               ActorRepository::scope(actor.id), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(ActorRepository(db).update(actor));
                   return Scope{};
               });
}

Status CaseDocument::deleteActor(qint64 id) {
    auto a = actors().load(id);
    if (!a)
        return a.error();
    return run(tr("Delete actor “%1”").arg(quotedTitle(a.value().name)), RecordKind::Actor,
               ActorRepository::scope(id), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(ActorRepository(db).remove(id));
                   return Scope{};
               });
}

Result<qint64> CaseDocument::addPlace(const Place& place) {
    return insertRecord(tr("Add place “%1”").arg(quotedTitle(place.name)), RecordKind::Place,
                        &PlaceRepository::scope, [&] { return places().insert(place); });
}

Status CaseDocument::updatePlace(const Place& place) {
    return run(tr("Edit place “%1”").arg(quotedTitle(place.name)), RecordKind::Place,
               PlaceRepository::scope(place.id), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(PlaceRepository(db).update(place));
                   return Scope{};
               });
}

Status CaseDocument::deletePlace(qint64 id) {
    auto p = places().load(id);
    if (!p)
        return p.error();
    auto scope = places().scopeWithEvents(id);
    if (!scope)
        return scope.error();
    return run(tr("Delete place “%1”").arg(quotedTitle(p.value().name)), RecordKind::Place,
               scope.value(), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(PlaceRepository(db).remove(id));
                   return Scope{};
               });
}

Result<qint64> CaseDocument::addNote(const Note& note) {
    return insertRecord(tr("Add note “%1”").arg(quotedTitle(note.title)), RecordKind::Note,
                        &NoteRepository::scope, [&] { return notes().insert(note); });
}

Status CaseDocument::updateNote(const Note& note) {
    return run(tr("Edit note “%1”").arg(quotedTitle(note.title)), RecordKind::Note,
               NoteRepository::scope(note.id), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(NoteRepository(db).update(note));
                   return Scope{};
               });
}

Status CaseDocument::deleteNote(qint64 id) {
    return run(tr("Delete note"), RecordKind::Note, NoteRepository::scope(id),
               [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(NoteRepository(db).remove(id));
                   return Scope{};
               });
}

// --- tags, eras, saved views ---

Result<qint64> CaseDocument::addTag(const Tag& tag) {
    return insertRecord(tr("Add tag “%1”").arg(quotedTitle(tag.name)), RecordKind::Tag,
                        &CatalogRepository::tagScope, [&] { return catalog().insert(tag); });
}

Status CaseDocument::updateTag(const Tag& tag) {
    const qint64 id = tag.id;
    return run(
        tr("Edit tag “%1”").arg(quotedTitle(tag.name)), RecordKind::Tag,
        CatalogRepository::tagScope(id),
        [&](SqliteDatabase& db) -> Result<Scope> {
            CA_TRY(CatalogRepository(db).update(tag));
            return Scope{};
        },
        [id](SqliteDatabase& db, bool) { return CatalogRepository(db).refreshEventTagText(id); });
}

Status CaseDocument::deleteTag(qint64 id) {
    // The events that carry the tag keep a readable copy of their tags: restore those too.
    Scope scope = CatalogRepository::tagScope(id);
    auto carriers = db().prepare(u"SELECT event_id FROM event_tags WHERE tag_id = ?"_s);
    if (!carriers)
        return carriers.error();
    carriers.value().bind(1, id);
    CA_TRY(carriers.value().forEachRow([&](SqliteStatement&) {
        scope.append({u"events"_s, u"fid"_s, carriers.value().int64(0), false});
    }));
    return run(tr("Delete tag"), RecordKind::Tag, scope, [&](SqliteDatabase& db) -> Result<Scope> {
        CA_TRY(CatalogRepository(db).removeTag(id));
        return Scope{};
    });
}

Result<qint64> CaseDocument::addEra(const Era& era) {
    return insertRecord(tr("Add era “%1”").arg(quotedTitle(era.name)), RecordKind::Era,
                        &CatalogRepository::eraScope, [&] { return catalog().insert(era); });
}

Status CaseDocument::updateEra(const Era& era) {
    return run(tr("Edit era “%1”").arg(quotedTitle(era.name)), RecordKind::Era,
               CatalogRepository::eraScope(era.id), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(CatalogRepository(db).update(era));
                   return Scope{};
               });
}

Status CaseDocument::deleteEra(qint64 id) {
    return run(tr("Delete era"), RecordKind::Era, CatalogRepository::eraScope(id),
               [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(CatalogRepository(db).removeEra(id));
                   return Scope{};
               });
}

Result<qint64> CaseDocument::addSavedView(const SavedView& view) {
    return insertRecord(tr("Save view “%1”").arg(quotedTitle(view.name)), RecordKind::SavedView,
                        &CatalogRepository::viewScope, [&] { return catalog().insert(view); });
}

Status CaseDocument::updateSavedView(const SavedView& view) {
    return run(tr("Edit view “%1”").arg(quotedTitle(view.name)), RecordKind::SavedView,
               CatalogRepository::viewScope(view.id), [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(CatalogRepository(db).update(view));
                   return Scope{};
               });
}

Status CaseDocument::deleteSavedView(qint64 id) {
    return run(tr("Delete view"), RecordKind::SavedView, CatalogRepository::viewScope(id),
               [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(CatalogRepository(db).removeView(id));
                   return Scope{};
               });
}

Result<qint64> CaseDocument::addBriefing(const SavedBriefing& briefing) {
    return insertRecord(tr("Save briefing “%1”").arg(quotedTitle(briefing.name)),
                        RecordKind::SavedView, &CatalogRepository::briefingScope,
                        [&] { return catalog().insert(briefing); });
}

Status CaseDocument::updateBriefing(const SavedBriefing& briefing) {
    return run(tr("Edit briefing “%1”").arg(quotedTitle(briefing.name)), RecordKind::SavedView,
               CatalogRepository::briefingScope(briefing.id),
               [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(CatalogRepository(db).update(briefing));
                   return Scope{};
               });
}

Status CaseDocument::deleteBriefing(qint64 id) {
    return run(tr("Delete briefing"), RecordKind::SavedView, CatalogRepository::briefingScope(id),
               [&](SqliteDatabase& db) -> Result<Scope> {
                   CA_TRY(CatalogRepository(db).removeBriefing(id));
                   return Scope{};
               });
}

// --- evidence ---

Result<qint64> CaseDocument::addAttachment(const QString& filePath, const Attachment& metadata) {
    QFile f(filePath);
    if (QFileInfo(filePath).isDir())
        return makeError(
            ErrorCode::IsDirectory,
            QCoreApplication::translate("caseatlas", "%1 is a folder; attach files one by one.")
                .arg(filePath));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Unreadable,
            QCoreApplication::translate("caseatlas", "%1 cannot be read.").arg(filePath),
            f.errorString());
    Attachment meta = metadata;
    if (meta.fileName.isEmpty())
        meta.fileName = QFileInfo(filePath).fileName();
    return addAttachment(f, meta);
}

Result<qint64> CaseDocument::addAttachment(QIODevice& device, const Attachment& metadata) {
    // The replay hook needs the id and hash, which exist only once the first run is done.
    struct Added {
        qint64 id = 0;
        QString sha256;
    };
    auto added = std::make_shared<Added>();
    const QString who = m_user;
    const QString name = metadata.fileName;
    CA_TRY(run(
        tr("Attach “%1”").arg(quotedTitle(name)), RecordKind::Attachment, {},
        [&](SqliteDatabase& db) -> Result<Scope> {
            auto result = AttachmentStore(db).addLogged(device, metadata, who);
            if (!result)
                return result.error();
            added->id = result.value().attachment.id;
            added->sha256 = result.value().attachment.sha256;
            return AttachmentStore::scope(added->id, added->sha256, result.value().blobCreated);
        },
        [who, name, added](SqliteDatabase& db, bool undoing) {
            return CustodyLog(db).append(who, undoing ? u"remove (undo add)"_s : u"add (redo)"_s,
                                         added->sha256, added->id, name);
        }));
    return added->id;
}

Status CaseDocument::removeAttachment(qint64 id) {
    auto a = attachments().load(id);
    if (!a)
        return a.error();
    const Attachment att = a.value();
    auto users = db().count(u"SELECT count(*) FROM attachments WHERE sha256 = ?"_s, {att.sha256});
    if (!users)
        return users.error();
    const QString who = m_user;
    return run(
        tr("Remove attachment “%1”").arg(quotedTitle(att.fileName)), RecordKind::Attachment,
        AttachmentStore::scope(id, att.sha256, true),
        [&](SqliteDatabase& db) -> Result<Scope> {
            CA_TRY(AttachmentStore(db).remove(id));
            CA_TRY(CustodyLog(db).append(who, u"remove"_s, att.sha256, id, att.fileName));
            return Scope{};
        },
        [who, att](SqliteDatabase& db, bool undoing) {
            return CustodyLog(db).append(who,
                                         undoing ? u"restore (undo remove)"_s : u"remove (redo)"_s,
                                         att.sha256, att.id, att.fileName);
        });
}

Status CaseDocument::exportAttachment(qint64 id, const QString& targetPath) {
    auto a = attachments().load(id);
    if (!a)
        return a.error();
    QSaveFile out(targetPath);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "%1 cannot be written.").arg(targetPath),
            out.errorString());
    CA_TRY(attachments().write(id, out));
    if (!out.commit())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "%1 could not be saved.").arg(targetPath),
            out.errorString());
    if (isReadOnly())
        return {};
    return custodyLog().append(m_user, u"export"_s, a.value().sha256, id, targetPath);
}

Result<QList<AttachmentStore::Problem>> CaseDocument::verifyEvidence(bool log) {
    auto problems = attachments().verify();
    if (!problems || !log || isReadOnly())
        return problems;
    SqliteTransaction tx(db());
    CA_TRY(tx.status());
    auto all = attachments().all();
    if (!all)
        return all.error();
    for (const Attachment& a : all.value()) {
        const bool bad = std::any_of(problems.value().cbegin(), problems.value().cend(),
                                     [&](const auto& p) { return p.attachmentId == a.id; });
        CA_TRY(custodyLog().append(m_user, bad ? u"verify-failed"_s : u"verify"_s, a.sha256, a.id,
                                   a.fileName));
    }
    CA_TRY(tx.commit());
    return problems;
}

Result<int> CaseDocument::importLayerFile(const QString& path, bool link,
                                          std::function<bool(double)> progress) {
    LayerImportOptions options;
    options.link = link;
    options.progress = std::move(progress);
    // The import commits on its own (GDAL's output is attached, which a transaction forbids);
    // the command then records the new rows, and undo parks the new tables aside.
    auto layers = importLayers(m_file, path, options);
    if (!layers)
        return layers.error();
    Scope created;
    auto parked = std::make_shared<QList<ParkedLayer>>();
    for (const ImportedLayer& l : layers.value()) {
        created.append({u"layers"_s, u"id"_s, l.id, true});
        parked->append({l.table, {}, false});
    }
    const QString name = QFileInfo(path).fileName();
    CA_TRY(run(
        link ? tr("Link layer “%1”").arg(quotedTitle(name))
             : tr("Import layer “%1”").arg(quotedTitle(name)),
        RecordKind::Layer, {}, [&](SqliteDatabase&) -> Result<Scope> { return created; },
        [parked](SqliteDatabase& db, bool undoing) -> Status {
            for (ParkedLayer& p : *parked)
                CA_TRY(undoing ? parkLayerTable(db, p) : unparkLayerTable(db, p));
            return {};
        }));
    return int(layers.value().size());
}

Status CaseDocument::removeLayer(qint64 layerId) {
    auto row = db().scalar(u"SELECT coalesce(table_name, '') || char(10) || title FROM layers "
                           "WHERE id = ?"_s,
                           {layerId});
    if (!row)
        return row.error();
    if (!row.value().isValid())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The layer #%1 does not exist.").arg(layerId));
    const QStringList parts = row.value().toString().split(u'\n');
    auto parked = std::make_shared<ParkedLayer>();
    parked->table = parts.value(0);
    return run(
        tr("Remove layer “%1”").arg(quotedTitle(parts.value(1))), RecordKind::Layer,
        {{u"layers"_s, u"id"_s, layerId, true}},
        [&](SqliteDatabase& db) -> Result<Scope> {
            CA_TRY(parkLayerTable(db, *parked));
            CA_TRY(db.execute(u"DELETE FROM layers WHERE id = ?"_s, {layerId}));
            return Scope{};
        },
        [parked](SqliteDatabase& db, bool undoing) -> Status {
            return undoing ? unparkLayerTable(db, *parked) : parkLayerTable(db, *parked);
        });
}

namespace {
Result<Scope> updateLayer(SqliteDatabase& db, qint64 layerId, const QString& set,
                          const QVariant& value) {
    auto n = db.execute(u"UPDATE layers SET %1 = ? WHERE id = ?"_s.arg(set), {value, layerId});
    if (!n)
        return n.error();
    if (n.value() == 0)
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The layer #%1 does not exist.").arg(layerId));
    return Scope{};
}
} // namespace

Status CaseDocument::setLayerVisible(qint64 layerId, bool visible) {
    return run(visible ? tr("Show layer") : tr("Hide layer"), RecordKind::Layer,
               {{u"layers"_s, u"id"_s, layerId, true}}, [&](SqliteDatabase& db) {
                   return updateLayer(db, layerId, u"visible"_s, visible ? 1 : 0);
               });
}

Status CaseDocument::setLayerOpacity(qint64 layerId, double opacity) {
    if (!(opacity >= 0 && opacity <= 1))
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "Opacity runs from 0 to 100%."));
    return run(tr("Layer opacity %1%").arg(qRound(opacity * 100)), RecordKind::Layer,
               {{u"layers"_s, u"id"_s, layerId, true}},
               [&](SqliteDatabase& db) { return updateLayer(db, layerId, u"opacity"_s, opacity); });
}

Status CaseDocument::setLayerStyle(qint64 layerId, const LayerStyle& style) {
    return run(tr("Layer style"), RecordKind::Layer, {{u"layers"_s, u"id"_s, layerId, true}},
               [&](SqliteDatabase& db) {
                   return updateLayer(db, layerId, u"style_json"_s, style.toJson());
               });
}

Status CaseDocument::moveLayer(qint64 layerId, bool up) {
    auto layers = listLayers(db()); // top of the drawing order first
    if (!layers)
        return layers.error();
    const auto& list = layers.value();
    const auto it = std::find_if(list.cbegin(), list.cend(),
                                 [&](const LayerRecord& l) { return l.id == layerId; });
    if (it == list.cend())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The layer #%1 does not exist.").arg(layerId));
    const qsizetype index = it - list.cbegin();
    const qsizetype other = up ? index - 1 : index + 1;
    if (other < 0 || other >= list.size())
        return {}; // already at the top or bottom
    Scope scope;
    for (const LayerRecord& l : list)
        scope.append({u"layers"_s, u"id"_s, l.id, true});
    return run(up ? tr("Move layer up") : tr("Move layer down"), RecordKind::Layer, scope,
               [&](SqliteDatabase& db) -> Result<Scope> {
                   // Positions are rewritten in order, bottom first, with the two swapped.
                   QList<qint64> order;
                   for (const LayerRecord& l : list)
                       order.prepend(l.id);
                   order.swapItemsAt(order.size() - 1 - index, order.size() - 1 - other);
                   for (qsizetype i = 0; i < order.size(); ++i)
                       CA_TRY(db.execute(u"UPDATE layers SET position = ? WHERE id = ?"_s,
                                         {qint64(i + 1), order.at(i)}));
                   return Scope{};
               });
}

void CaseDocument::afterImport() {
    indexSearchInBackground();
    for (RecordKind kind :
         {RecordKind::Place, RecordKind::Actor, RecordKind::Source, RecordKind::Tag,
          RecordKind::Era, RecordKind::Citation, RecordKind::Event})
        emit recordsChanged(kind);
}

Result<Scope> CaseDocument::scopeOfEvents(const QStringList& uuids) {
    Scope scope;
    auto found = db().cached(u"SELECT fid FROM events WHERE uuid = ?"_s);
    if (!found)
        return found.error();
    for (const QString& uuid : uuids) {
        found.value()->bind(1, uuid);
        auto row = found.value()->step();
        if (!row)
            return row.error();
        if (row.value())
            scope += EventRepository::scope(found.value()->int64(0));
        found.value()->reset();
    }
    return scope;
}

Status CaseDocument::runBulkChange(const QString& text, bool undoable, Scope before,
                                   const std::function<Status(Scope* created)>& write) {
    if (!undoable || isReadOnly()) {
        CA_TRY(write(nullptr));
    } else {
        CA_TRY(
            run(text, RecordKind::Event, std::move(before), [&](SqliteDatabase&) -> Result<Scope> {
                Scope created;
                CA_TRY(write(&created));
                return created;
            }));
    }
    afterImport();
    return {};
}

Status CaseDocument::saveCopyAs(const QString& path) {
    return m_file.saveCopy(path);
}

} // namespace caseatlas
