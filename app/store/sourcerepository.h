#pragma once

#include "domain/source.h"
#include "store/rowsnapshot.h"
#include "store/sqlite.h"

namespace caseatlas {

// Sources and the citations that tie events to them.
class SourceRepository {
public:
    explicit SourceRepository(SqliteDatabase& db)
        : m_db(db) {}

    static Status validate(const Source& source); // title, addresses
    Result<Source> load(qint64 id);
    Result<QList<Source>> all();
    Result<qint64> count();
    Result<qint64> insert(const Source& source);
    Status update(const Source& source);
    Status remove(qint64 id);
    static Scope scope(qint64 id);

    Status validate(const Citation& citation);
    Result<Citation> loadCitation(qint64 id);
    Result<QList<Citation>> citationsOfEvent(qint64 eventId);
    Result<QList<Citation>> citationsOfSource(qint64 sourceId);
    Result<qint64> insert(const Citation& citation);
    Status update(const Citation& citation);
    Status removeCitation(qint64 id);
    static Scope citationScope(qint64 id);

private:
    Result<qint64> write(qint64 id, const Source& s);
    Result<qint64> write(qint64 id, const Citation& c);
    Result<QList<Citation>> citationsWhere(const QString& column, qint64 value);
    SqliteDatabase& m_db;
};

} // namespace caseatlas
