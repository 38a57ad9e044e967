#pragma once

#include "domain/note.h"
#include "store/rowsnapshot.h"
#include "store/sqlite.h"

namespace caseatlas {

// Notes and their links; links are re-read from the body on every write.
class NoteRepository {
public:
    explicit NoteRepository(SqliteDatabase& db)
        : m_db(db) {}

    Result<Note> load(qint64 id);
    Result<QList<Note>> all();
    Result<qint64> count();
    Result<qint64> insert(const Note& note);
    Status update(const Note& note);
    Status remove(qint64 id);
    Result<QList<NoteLink>> links(qint64 noteId);
    // Notes that link to a target.
    Result<QList<qint64>> backlinks(LinkTarget kind, qint64 targetId);
    static Scope scope(qint64 id);

private:
    Result<qint64> write(qint64 id, const Note& n);
    SqliteDatabase& m_db;
};

} // namespace caseatlas
