#pragma once

#include "domain/attachment.h"
#include "store/sqlite.h"

namespace caseatlas {

// The append-only chain-of-custody record (the table refuses updates and deletes itself).
class CustodyLog {
public:
    explicit CustodyLog(SqliteDatabase& db)
        : m_db(db) {}

    Status append(const QString& who, const QString& action, const QString& sha256,
                  qint64 attachmentId, const QString& detail);
    Result<QList<CustodyEntry>> all();

private:
    SqliteDatabase& m_db;
};

} // namespace caseatlas
