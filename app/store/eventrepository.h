#pragma once

#include "domain/event.h"
#include "store/rowsnapshot.h"
#include "store/sqlite.h"

#include <QList>

namespace caseatlas {

// Events and what belongs to them: actors with roles, tags, numeric values.
// Reads and writes go straight to the file; CaseDocument wraps writes in undo commands.
class EventRepository {
public:
    explicit EventRepository(SqliteDatabase& db)
        : m_db(db) {}

    Status validate(const Event& event);
    // The checks of validate() that need no case: title, dates, point (importers check their
    // records with it before writing any).
    static Status validateFields(const Event& event);
    Result<Event> load(qint64 id);
    Result<QList<Event>> all();
    Result<qint64> count();
    // Inserts a new event (its id must be 0). Tags that do not exist yet are created; their
    // ids are appended to `createdTags`.
    Result<qint64> insert(const Event& event, QList<qint64>* createdTags = nullptr);
    // For bulk writers that produce only valid events (the synthetic case, importers after
    // their own checks): skips the per-event existence queries of validate().
    Result<qint64> insertUnchecked(const Event& event, QList<qint64>* createdTags = nullptr) {
        return write(0, event, createdTags);
    }
    Status update(const Event& event, QList<qint64>* createdTags = nullptr);
    Status remove(qint64 id);
    bool exists(qint64 id);

    // The rows that make up one event, for undo.
    static Scope scope(qint64 id);

private:
    Result<qint64> write(qint64 id, const Event& e, QList<qint64>* createdTags);
    Result<qint64> tagId(const QString& name, QList<qint64>* createdTags);
    Status readChildren(Event& e);

    SqliteDatabase& m_db;
};

} // namespace caseatlas
