#pragma once

#include "core/result.h"

#include <QByteArrayView>

namespace caseatlas {

class SqliteDatabase;
class SqliteStatement;

// One row of the events table as it is written: every column, text as UTF-8 views that the
// caller keeps alive until the write returns. An empty text is written as NULL.
struct EventRowValues {
    QByteArrayView geom; // a GeoPackage point blob
    QByteArrayView uuid, title, description, startEdtf, endEdtf;
    QByteArrayView earliest, latest; // GeoPackage DATETIMEs of the bounds
    qint64 earliestS = 0, latestS = 0;
    bool ownPoint = false;                                         // geom is the event's own
    qint64 placeId = 0, originPlaceId = 0, destinationPlaceId = 0; // 0: NULL
    const char* locationPrecision = "unknown";
    double precisionMetres = 0; // 0: NULL
    const char* status = "draft";
    const char* sensitivity = "public";
    QByteArrayView tags; // the readable list, "a; b"
};

// The one code path that writes an events row: EventRepository for edits and the dataset
// import for its bulk inserts both go through it. Statements are prepared once per connection.
class EventRowWriter {
public:
    explicit EventRowWriter(SqliteDatabase& db)
        : m_db(db) {}
    // A new row; returns its fid.
    Result<qint64> insert(const EventRowValues& row);
    Status update(qint64 fid, const EventRowValues& row);

private:
    SqliteDatabase& m_db;
    SqliteStatement* m_insert = nullptr; // the connection's cached statement, found once
};

} // namespace caseatlas
