#pragma once

#include "domain/era.h"
#include "domain/savedview.h"
#include "store/rowsnapshot.h"
#include "store/sqlite.h"

namespace caseatlas {

// The small named lists of a case: tags, eras and saved views.
class CatalogRepository {
public:
    explicit CatalogRepository(SqliteDatabase& db)
        : m_db(db) {}

    Result<QList<Tag>> tags();
    Result<Tag> loadTag(qint64 id);
    Result<qint64> insert(const Tag& tag);
    // Renaming also rewrites the readable tag list of the events that carry it.
    Status update(const Tag& tag);
    Status removeTag(qint64 id);
    // Rewrites events.tags for the events carrying `tagId` (after a rename or its undo).
    Status refreshEventTagText(qint64 tagId);
    static Scope tagScope(qint64 id);

    Result<QList<Era>> eras();
    Result<Era> loadEra(qint64 id);
    Result<qint64> insert(const Era& era);
    Status update(const Era& era);
    Status removeEra(qint64 id);
    static Scope eraScope(qint64 id);

    Result<QList<SavedBriefing>> briefings();
    Result<qint64> insert(const SavedBriefing& briefing);
    Status update(const SavedBriefing& briefing);
    Status removeBriefing(qint64 id);
    static Scope briefingScope(qint64 id);
    Result<QList<SavedView>> savedViews();
    Result<SavedView> loadView(qint64 id);
    Result<qint64> insert(const SavedView& view);
    Status update(const SavedView& view);
    Status removeView(qint64 id);
    static Scope viewScope(qint64 id);

private:
    Result<qint64> write(qint64 id, const Tag& t);
    Result<qint64> write(qint64 id, const Era& e);
    Result<qint64> write(qint64 id, const SavedView& v);
    Result<qint64> write(qint64 id, const SavedBriefing& b);
    Status removeFrom(const QString& table, qint64 id, const QString& what);
    SqliteDatabase& m_db;
};

} // namespace caseatlas
