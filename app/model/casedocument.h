#pragma once

#include "domain/actor.h"
#include "domain/attachment.h"
#include "domain/era.h"
#include "domain/event.h"
#include "domain/note.h"
#include "domain/place.h"
#include "domain/savedview.h"
#include "domain/source.h"
#include "geo/layerimport.h"
#include "model/casefilter.h"
#include "model/casequeries.h"
#include "model/caseselection.h"
#include "model/recordcommand.h"
#include "store/actorrepository.h"
#include "store/attachmentstore.h"
#include "store/casefile.h"
#include "store/catalogrepository.h"
#include "store/custodylog.h"
#include "store/eventrepository.h"
#include "store/noterepository.h"
#include "store/placerepository.h"
#include "store/searchindex.h"
#include "store/searchindexer.h"
#include "store/sourcerepository.h"

#include <QObject>
#include <QUndoStack>

#include <memory>

namespace caseatlas {

// One open case: its file, its undo stack, and the only door through which it changes.
// Every edit below is one undoable command, committed to the file before the call returns.
// Reads go through the repositories directly.
class CaseDocument : public QObject {
    Q_OBJECT
public:
    static Result<std::unique_ptr<CaseDocument>>
    open(const QString& path, CaseFile::Access access = CaseFile::Access::ReadWrite);
    static Result<std::unique_ptr<CaseDocument>> create(const QString& path, const QString& title);
    explicit CaseDocument(CaseFile file, QObject* parent = nullptr);
    ~CaseDocument() override;

    CaseFile& file() { return m_file; }
    // What the views read (filtered events, counts, list rows, link targets, layer tables).
    CaseQueries queries() { return CaseQueries(m_file.db()); }
    SqliteDatabase& db() { return m_file.db(); }
    QUndoStack* undoStack() { return &m_undo; }
    // The events selected in this case, shared by every view.
    CaseSelection* selection() { return &m_selection; }
    // What every view shows.
    CaseFilter* filter() { return &m_filter; }
    QString path() const { return m_file.path(); }
    bool isReadOnly() const { return m_file.isReadOnly(); }
    QString title();

    // Who is recorded in the custody log.
    void setUserName(const QString& name) { m_user = name; }
    QString userName() const { return m_user; }

    EventRepository events() { return EventRepository(db()); }
    SourceRepository sources() { return SourceRepository(db()); }
    ActorRepository actors() { return ActorRepository(db()); }
    PlaceRepository places() { return PlaceRepository(db()); }
    NoteRepository notes() { return NoteRepository(db()); }
    CatalogRepository catalog() { return CatalogRepository(db()); }
    AttachmentStore attachments() { return AttachmentStore(db()); }
    CustodyLog custodyLog() { return CustodyLog(db()); }
    // What CustodyLog::verify() found when the case was opened (empty: the log is intact).
    const QStringList& custodyProblems() const { return m_custodyProblems; }
    SearchIndex searchIndex() { return SearchIndex(db()); }
    // Brings the search index up to date (when the case can be written) and searches it; while
    // the background indexer runs, searches what is indexed so far.
    Result<QList<SearchHit>> search(const QString& query, int limit = 20);
    // After a bulk change (a large import, a case opened with much left to index): builds the
    // lookup indexes a large import left for afterwards, and indexes for search when more than
    // an edit's worth waits, in the background, reporting lookupIndexProgress and
    // searchIndexProgress.
    void indexSearchInBackground();
    bool isIndexingSearch() const;
    // Rows per table of the case, for `caseatlas info` and the window's summary.
    Result<QList<std::pair<QString, qint64>>> tableCounts();

    // --- edits (each one undoable command) ---
    Status setTitle(const QString& title);

    Result<qint64> addEvent(const Event& event);
    Status updateEvent(const Event& event);
    Status deleteEvents(const QList<qint64>& ids);

    Result<qint64> addSource(const Source& source);
    Status updateSource(const Source& source);
    Status deleteSource(qint64 id);

    Result<qint64> addCitation(const Citation& citation);
    Status updateCitation(const Citation& citation);
    Status deleteCitation(qint64 id);

    Result<qint64> addActor(const Actor& actor);
    Status updateActor(const Actor& actor);
    Status deleteActor(qint64 id);

    Result<qint64> addPlace(const Place& place);
    Status updatePlace(const Place& place);
    Status deletePlace(qint64 id);

    Result<qint64> addNote(const Note& note);
    Status updateNote(const Note& note);
    Status deleteNote(qint64 id);

    Result<qint64> addTag(const Tag& tag);
    Status updateTag(const Tag& tag);
    Status deleteTag(qint64 id);

    Result<qint64> addEra(const Era& era);
    Status updateEra(const Era& era);
    Status deleteEra(qint64 id);

    Result<qint64> addSavedView(const SavedView& view);
    Status updateSavedView(const SavedView& view);
    Status deleteSavedView(qint64 id);
    Result<qint64> addBriefing(const SavedBriefing& briefing);
    Status updateBriefing(const SavedBriefing& briefing);
    Status deleteBriefing(qint64 id);

    // Stores the file's bytes (once per SHA-256) and logs the addition in the custody log.
    Result<qint64> addAttachment(const QString& filePath, const Attachment& metadata);
    Result<qint64> addAttachment(QIODevice& device, const Attachment& metadata);
    Status removeAttachment(qint64 id);
    // Writes an attachment out to a file and logs the export (not undoable: it happened).
    Status exportAttachment(qint64 id, const QString& targetPath);
    // Re-hashes every attachment; with `log`, records the outcome in the custody log.
    Result<QList<AttachmentStore::Problem>> verifyEvidence(bool log);

    // GIS layers. Every change is undoable, the import and removal of a copied layer included
    // (its table is parked aside until the edit can no longer be undone).
    Result<int> importLayerFile(const QString& path, bool link,
                                std::function<bool(double)> progress = {});
    Status removeLayer(qint64 layerId);
    Status setLayerVisible(qint64 layerId, bool visible);
    Status setLayerOpacity(qint64 layerId, double opacity);
    Status setLayerStyle(qint64 layerId, const LayerStyle& style);
    // Moves a layer one place up (towards the top of the drawing order) or down.
    Status moveLayer(qint64 layerId, bool up);

    // A bulk change (an import, see io/importcommands.h) that writes the case itself, all or
    // nothing. `undoable`: it runs as one undo step named `text`, `before` naming the records it
    // will change and `write` adding those it makes to the scope it is given; otherwise it is
    // written as it is (given no scope) and cannot be undone. Then search catches up and every
    // view hears what may have changed.
    Status runBulkChange(const QString& text, bool undoable, Scope before,
                         const std::function<Status(Scope* created)>& write);
    // The undo scope of the events with these UUIDs that the case has (what an import may
    // update).
    Result<Scope> scopeOfEvents(const QStringList& uuids);
    // Who edits (for the custody log).
    const QString& user() const { return m_user; }

    // A checked copy of the case at `path` (the open case stays as it is).
    Status saveCopyAs(const QString& path);

    // Used by RecordCommand.
    void notifyChanged(RecordKind kind, const QList<qint64>& eventIds = {});
    void notifyEventsAboutToChange(const QList<qint64>& eventIds) {
        emit eventsAboutToChange(eventIds);
    }
    void notifyEventsWritten(const QList<qint64>& eventIds) { emit eventsWritten(eventIds); }
    void reportFailure(const Error& error);

signals:
    // Records of `kind` changed. `eventIds` names the events whose rows an edit wrote (an
    // Event edit names all it touched: views can update just those); empty, anything may have
    // changed and views read again.
    void recordsChanged(caseatlas::RecordKind kind, const QList<qint64>& eventIds = {});
    // Inside an edit's transaction (connect directly; read db() only): the events an edit will
    // name are about to be written, and were written (with those it creates). Views that keep
    // figures over events (the charts) take their share away and add it back from these; the
    // edit counts once its recordsChanged comes (an edit that fails sends none).
    void eventsAboutToChange(const QList<qint64>& eventIds);
    void eventsWritten(const QList<qint64>& eventIds);
    void editFailed(const caseatlas::Error& error);
    void lookupIndexProgress(int built, int total); // before the search index, see SearchIndexer
    void searchIndexProgress(qint64 done, qint64 total);
    void searchIndexFinished(const QString& error);

private:
    // After an edit: index what it changed, unless a bulk change left more than an edit's worth
    // (that waits for the next search, which shows progress).
    void keepSearchCurrent();
    // Past this many records waiting, search is brought up to date by the background indexer
    // (or the next search), not after an edit.
    static constexpr qint64 kEditIndexLimit = 5000;
    static constexpr int kBusyWhileIndexingMs = 10000; // see indexSearchInBackground()
    // After an import: search catches up, and every view hears what may have changed.
    void afterImport();
    Status run(const QString& text, RecordKind kind, Scope scope, RecordCommand::Apply apply,
               RecordCommand::Replay replay = {});
    template <typename Insert>
    Result<qint64> insertRecord(const QString& text, RecordKind kind, Scope (*scopeOf)(qint64),
                                Insert insert, Scope before = {});

    CaseFile m_file;
    QUndoStack m_undo;
    CaseSelection m_selection;
    CaseFilter m_filter;
    QString m_user;
    QStringList m_custodyProblems;
    SearchIndexer* m_indexer = nullptr;
};

} // namespace caseatlas
