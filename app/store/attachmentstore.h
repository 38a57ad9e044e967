#pragma once

#include "domain/attachment.h"
#include "store/rowsnapshot.h"
#include "store/sqlite.h"

#include <QIODevice>

namespace caseatlas {

// Files kept inside the case, stored once per SHA-256 and streamed in and out in chunks.
class AttachmentStore {
public:
    static constexpr qint64 MaxSize = 900'000'000; // below SQLite's 1 GB blob limit

    struct Added {
        qint64 attachmentId = 0;
        bool blobCreated = false; // false: the same bytes were already stored
    };
    struct Problem {
        qint64 attachmentId = 0;
        QString fileName;
        QString storedSha256;
        QString actualSha256;
    };

    explicit AttachmentStore(SqliteDatabase& db)
        : m_db(db) {}

    // Reads `device` twice (hash, then store); it must be seekable.
    Result<Added> add(QIODevice& device, const Attachment& metadata);
    // add(), then the "add" line of the custody log: the way evidence enters a case.
    struct Logged {
        Attachment attachment;
        bool blobCreated = false;
    };
    Result<Logged> addLogged(QIODevice& device, const Attachment& metadata, const QString& who);
    Result<Attachment> load(qint64 id);
    Result<QList<Attachment>> all();
    Result<qint64> count();
    // Removes the attachment and, if nothing else uses them, its bytes.
    Status remove(qint64 id);
    Status write(qint64 id, QIODevice& out);
    // Re-hashes every stored blob; a problem per attachment whose bytes do not match.
    Result<QList<Problem>> verify();
    static Result<QString> sha256(QIODevice& device);
    static Scope scope(qint64 attachmentId, const QString& sha256, bool withBlob);

private:
    SqliteDatabase& m_db;
};

} // namespace caseatlas
