#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

struct sqlite3_stmt;

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
    ~EventRowWriter();
    EventRowWriter(const EventRowWriter&) = delete;
    EventRowWriter& operator=(const EventRowWriter&) = delete;
    // A new row; returns its fid.
    Result<qint64> insert(const EventRowValues& row);
    Status update(qint64 fid, const EventRowValues& row);

    // For a bulk import: a new row, kept (its texts copied) until flush() writes the rows kept,
    // a hundred per statement; returns the fid it is given, the next after the table's highest
    // and its AUTOINCREMENT counter. Only inside a transaction in which nothing else adds
    // events. Flush before anything reads these rows or a row refers to them (a child row's
    // foreign key is checked as it is written), and before the commit.
    Result<qint64> append(const EventRowValues& row);
    Status flush();
    int appended() const { return int(m_held.size()); } // kept, not yet written

    static constexpr int kAppendBatch = 100;

private:
    struct Held {
        qint64 fid;
        EventRowValues row; // its texts are in m_arena from text[i] on, with the views' sizes
        qsizetype text[9];
    };
    Status writeHeld(sqlite3_stmt* s, const Held* first, int count);

    SqliteDatabase& m_db;
    SqliteStatement* m_insert = nullptr;  // the connection's cached statement, found once
    sqlite3_stmt* m_appendOne = nullptr;  // INSERT with the fid, one row
    sqlite3_stmt* m_appendMany = nullptr; // … kAppendBatch rows
    qint64 m_nextFid = 0;
    std::vector<Held> m_held;
    QByteArray m_arena; // the kept rows' texts
};

} // namespace caseatlas
