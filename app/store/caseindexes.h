#pragma once

#include "store/sqlite.h"

#include <QList>
#include <QString>

#include <functional>

namespace caseatlas {

// An index a case's schema defines.
struct IndexDefinition {
    QString name, sql; // sql: the CREATE INDEX statement of this build's schema scripts
};

// The indexes of this build's schema (read once from its scripts).
const QList<IndexDefinition>& schemaIndexes();

// Those of them the case lacks. A large import into an empty case commits its rows with only
// the unique indexes and leaves the others (pure lookups: by event, actor, source, tag, place,
// time) to be built straight after; a crash in between leaves them missing until the next
// build. Only definitions from this build's scripts are ever built, never SQL from the file.
Result<QList<IndexDefinition>> missingIndexes(SqliteDatabase& db);

// Builds the missing indexes, each in a transaction of its own (or all in the caller's).
// progress(built, total) before each; return false to stop (what was built stays). Returns
// how many were built.
Result<int> buildMissingIndexes(SqliteDatabase& db,
                                const std::function<bool(int, int)>& progress = {});

// Builds indexes with SQLite's sorter in pieces of a few megabytes (faster than one large sort,
// and lighter), all on the calling thread, and puts the connection's settings back afterwards.
// SQLite's helper threads (PRAGMA threads) doubled the CPU time of the sorts (a thread started
// for each piece and for each step of the merge) and on a busy two-core machine made a 1M-row
// import's seven index builds about a second slower, not faster.
class IndexBuildSettings {
public:
    explicit IndexBuildSettings(SqliteDatabase& db);
    ~IndexBuildSettings();
    IndexBuildSettings(const IndexBuildSettings&) = delete;
    IndexBuildSettings& operator=(const IndexBuildSettings&) = delete;

private:
    SqliteDatabase& m_db;
    qint64 m_cache = -2000, m_threads = 0;
};

} // namespace caseatlas
