#include "store/noterepository.h"

#include "core/clock.h"
#include "store/recordlist.h"
#include "store/sqlvalues.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace caseatlas {

Scope NoteRepository::scope(qint64 id) {
    return {{u"notes"_s, u"id"_s, id, true}, {u"note_links"_s, u"note_id"_s, id, true}};
}

Result<qint64> NoteRepository::write(qint64 id, const Note& n) {
    if (n.title.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "A note needs a title."));
    const QString now = Clock::nowIso();
    const QString sql =
        id == 0
            ? u"INSERT INTO notes (uuid, title, body, sensitivity, created_at, modified_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"_s
            : u"UPDATE notes SET uuid = ?1, title = ?2, body = ?3, sensitivity = ?4, created_at = ?5, modified_at = ?6 WHERE id = ?7"_s;
    auto stmt = m_db.cached(sql);
    if (!stmt)
        return stmt.error();
    stmt.value()
        ->bind(1, n.uuid.isEmpty() ? newUuid() : n.uuid)
        .bind(2, n.title.trimmed())
        .bind(3, n.body)
        .bind(4, sensitivityKey(n.sensitivity))
        .bind(5, n.created.isValid() ? n.created.toUTC().toString(Qt::ISODateWithMs) : now)
        .bind(6, now);
    if (id != 0)
        stmt.value()->bind(7, id);
    CA_TRY(stmt.value()->run());
    const qint64 noteId = id == 0 ? m_db.lastInsertId() : id;
    auto del = m_db.cached(u"DELETE FROM note_links WHERE note_id = ?"_s);
    if (!del)
        return del.error();
    del.value()->bind(1, noteId);
    CA_TRY(del.value()->run());
    auto ins =
        m_db.cached(u"INSERT INTO note_links (note_id, target_kind, target_id) VALUES (?, ?, ?)"_s);
    if (!ins)
        return ins.error();
    for (const NoteLink& l : parseNoteLinks(n.body)) {
        ins.value()->reset();
        ins.value()->bind(1, noteId).bind(2, linkTargetKey(l.kind)).bind(3, l.targetId);
        CA_TRY(ins.value()->run());
    }
    return noteId;
}

Result<qint64> NoteRepository::insert(const Note& n) {
    if (n.id != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "A new note cannot carry an id."));
    return write(0, n);
}

Status NoteRepository::update(const Note& n) {
    CA_TRY(load(n.id));
    CA_TRY(write(n.id, n));
    return {};
}

Status NoteRepository::remove(qint64 id) {
    return deleteRecord(m_db, u"notes"_s, u"id"_s, id, u"note"_s);
}

Result<Note> NoteRepository::load(qint64 id) {
    auto stmt = findRecord(
        m_db,
        u"SELECT id, uuid, title, body, sensitivity, created_at, modified_at FROM notes WHERE id = ?"_s,
        id, u"note"_s);
    if (!stmt)
        return stmt.error();
    SqliteStatement& s = *stmt.value();
    Note n;
    n.id = s.int64(0);
    n.uuid = s.text(1);
    n.title = s.text(2);
    n.body = s.text(3);
    n.sensitivity = sensitivityFromKey(s.text(4)).value_or(Sensitivity::Confidential);
    n.created = timeFrom(s.text(5));
    n.modified = timeFrom(s.text(6));
    return n;
}

Result<QList<Note>> NoteRepository::all() {
    return loadRecords(m_db, u"SELECT id FROM notes ORDER BY title COLLATE NOCASE, id"_s,
                       [this](qint64 id) { return load(id); });
}

Result<qint64> NoteRepository::count() {
    return m_db.count(u"SELECT count(*) FROM notes"_s);
}

Result<QList<NoteLink>> NoteRepository::links(qint64 noteId) {
    auto stmt = m_db.cached(
        u"SELECT target_kind, target_id FROM note_links WHERE note_id = ? ORDER BY id"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()->bind(1, noteId);
    QList<NoteLink> out;
    CA_TRY(stmt.value()->forEachRow([&](SqliteStatement& s) {
        if (auto kind = linkTargetFromKey(s.text(0)))
            out.append({*kind, s.int64(1)});
    }));
    return out;
}

Result<QList<qint64>> NoteRepository::backlinks(LinkTarget kind, qint64 targetId) {
    auto stmt = m_db.cached(
        u"SELECT DISTINCT note_id FROM note_links WHERE target_kind = ? AND target_id = ? ORDER BY note_id"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()->bind(1, linkTargetKey(kind)).bind(2, targetId);
    QList<qint64> out;
    CA_TRY(stmt.value()->forEachRow([&](SqliteStatement& s) { out << s.int64(0); }));
    return out;
}

} // namespace caseatlas
