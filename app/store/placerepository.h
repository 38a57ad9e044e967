#pragma once

#include "domain/place.h"
#include "store/rowsnapshot.h"
#include "store/sqlite.h"

namespace caseatlas {

// Places are the GeoPackage feature table `places`; events without a point of their own take
// their place's point, so moving a place moves them on every map.
class PlaceRepository {
public:
    explicit PlaceRepository(SqliteDatabase& db)
        : m_db(db) {}

    Status validate(const Place& place);
    Result<Place> load(qint64 id);
    Result<QList<Place>> all();
    Result<qint64> count();
    Result<qint64> insert(const Place& place);
    Status update(const Place& place);
    Status remove(qint64 id);
    Result<QList<qint64>> findByName(const QString& name);
    static Scope scope(qint64 id);
    // The scope plus, by id, every event that refers to the place: deleting a place changes
    // those rows in ways no foreign-key action repeats (their copied point is cleared).
    Result<Scope> scopeWithEvents(qint64 id);

private:
    Result<qint64> write(qint64 id, const Place& p);
    SqliteDatabase& m_db;
};

} // namespace caseatlas
