#pragma once

#include "store/sqlite.h"
#include "store/writeback.h"

#include <QStringList>

namespace caseatlas {

// Settings for writing many rows in one transaction (synthetic cases, large imports): the
// secondary indexes of the named tables dropped for the duration and rebuilt at the end
// (sorting once is far cheaper than inserting a million random keys), and a small page cache
// (rows are only appended; a large cache only makes the final sorts slower), and the file's
// pages sent to disk as they are written (BackgroundWriteBack). Must be used
// inside the caller's transaction, so a failure rolls the drops back too.
class BulkWrite {
public:
    BulkWrite(SqliteDatabase& db, const QStringList& tables);
    ~BulkWrite();
    BulkWrite(const BulkWrite&) = delete;
    BulkWrite& operator=(const BulkWrite&) = delete;

    const Status& status() const { return m_status; }
    enum class Rebuild {
        All,
        UniqueOnly, // the rest is left to buildMissingIndexes (caseindexes.h) after the commit
    };
    // Rebuilds the dropped indexes. Call before committing.
    Status finish(Rebuild which = Rebuild::All);

private:
    SqliteDatabase& m_db;
    Status m_status;
    qint64 m_oldCache = -2000;
    QList<std::pair<QString, QString>> m_indexes; // name, CREATE INDEX statement
    bool m_finished = false;
    BackgroundWriteBack m_writeBack;
};

} // namespace caseatlas
