#pragma once

#include "domain/actor.h"
#include "store/rowsnapshot.h"
#include "store/sqlite.h"

namespace caseatlas {

class ActorRepository {
public:
    explicit ActorRepository(SqliteDatabase& db)
        : m_db(db) {}

    Status validate(const Actor& actor);
    Result<Actor> load(qint64 id);
    Result<QList<Actor>> all();
    Result<qint64> count();
    Result<qint64> insert(const Actor& actor);
    Status update(const Actor& actor);
    Status remove(qint64 id);
    // Actors whose name or any alias equals `name` (case-insensitive for Latin script).
    Result<QList<qint64>> findByName(const QString& name);
    static Scope scope(qint64 id);

private:
    Result<qint64> write(qint64 id, const Actor& a);
    SqliteDatabase& m_db;
};

} // namespace caseatlas
