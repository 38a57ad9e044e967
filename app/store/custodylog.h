#pragma once

#include "domain/attachment.h"
#include "store/sqlite.h"

#include <optional>

namespace caseatlas {

// The chain-of-custody record. The table refuses updates and deletes itself, and every entry is
// a link of a hash chain: its hash covers its fields and the hash of the entry before it (the
// first one's "before" is the case id's), so an entry edited, removed or inserted by someone
// who dropped the guards is named by verify().
class CustodyLog {
public:
    explicit CustodyLog(SqliteDatabase& db)
        : m_db(db) {}

    Status append(const QString& who, const QString& action, const QString& sha256,
                  qint64 attachmentId, const QString& detail);
    Result<QList<CustodyEntry>> all();

    // What does not fit the chain, one sentence per finding, naming the entry. Also compares
    // the log with the last entry this computer saw in it at this file (see rememberHead),
    // which finds entries removed from its end. Empty: intact.
    Result<QStringList> verify();
    // Keeps the log's last entry (id and hash) in this user's settings, for verify() to look
    // for the next time the case is opened here.
    Status rememberHead();
    // The hash of the last entry (or of the chain's start), to write down or publish: a log
    // later rewritten from any point on no longer ends in it.
    Result<QString> headHash();

    // Gives the entries written before schema 7 their hashes (once, when a case is updated).
    Status sealUnchained();

private:
    Result<QString> caseId();
    Result<QString> chainStart();
    // The last entry's id and hash, if the log has any.
    Result<std::optional<std::pair<qint64, QString>>> lastEntry();
    SqliteDatabase& m_db;
};

} // namespace caseatlas
