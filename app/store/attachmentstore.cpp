#include "store/attachmentstore.h"

#include "core/clock.h"
#include "core/sha256.h"
#include "store/custodylog.h"
#include "store/sqlvalues.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
constexpr qint64 kChunk = 1 << 20;
const QString kColumns =
    u"a.id, a.sha256, b.size, a.file_name, a.mime_type, a.source_id, a.event_id, "
    "a.original_url, a.captured_at, a.collected_by, a.added_at, a.notes"_s;

Attachment attachmentFromRow(SqliteStatement& s) {
    Attachment a;
    a.id = s.int64(0);
    a.sha256 = s.text(1);
    a.size = s.int64(2);
    a.fileName = s.text(3);
    a.mimeType = s.text(4);
    a.sourceId = s.int64(5);
    a.eventId = s.int64(6);
    a.originalUrl = s.text(7);
    a.capturedAt = timeFrom(s.text(8));
    a.collectedBy = s.text(9);
    a.addedAt = timeFrom(s.text(10));
    a.notes = s.text(11);
    return a;
}
} // namespace

Scope AttachmentStore::scope(qint64 attachmentId, const QString& sha256, bool withBlob) {
    Scope s;
    if (withBlob)
        s.append({u"blobs"_s, u"sha256"_s, sha256, true});
    s.append({u"attachments"_s, u"id"_s, attachmentId, true});
    return s;
}

Result<QString> AttachmentStore::sha256(QIODevice& device) {
    if (!device.seek(0))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "The file could not be read from its start."));
    Sha256 hash;
    while (!device.atEnd()) {
        const QByteArray chunk = device.read(kChunk);
        if (chunk.isEmpty() && !device.atEnd())
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("caseatlas", "The file could not be read."),
                device.errorString());
        hash.addData(chunk);
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<AttachmentStore::Added> AttachmentStore::add(QIODevice& device, const Attachment& meta) {
    if (meta.fileName.trimmed().isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "An attachment needs a file name."));
    const qint64 size = device.size();
    if (size > MaxSize)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "caseatlas",
                "\"%1\" is too large to keep inside a case (%2 MB; the limit is %3 MB).")
                .arg(meta.fileName)
                .arg(size / 1'000'000)
                .arg(MaxSize / 1'000'000));
    auto hash = sha256(device);
    if (!hash)
        return hash.error();
    Added added;
    auto existing = m_db.count(u"SELECT count(*) FROM blobs WHERE sha256 = ?"_s, {hash.value()});
    if (!existing)
        return existing.error();
    if (existing.value() == 0) {
        auto ins =
            m_db.prepare(u"INSERT INTO blobs (sha256, size, data) VALUES (?, ?, zeroblob(?))"_s);
        if (!ins)
            return ins.error();
        ins.value().bind(1, hash.value()).bind(2, size).bind(3, size);
        CA_TRY(ins.value().run());
        const qint64 rowid = m_db.lastInsertId();
        if (size > 0) {
            auto blob = SqliteBlob::open(m_db, u"blobs"_s, u"data"_s, rowid, true);
            if (!blob)
                return blob.error();
            device.seek(0);
            Sha256 check;
            qint64 offset = 0;
            while (offset < size) {
                const QByteArray chunk = device.read(std::min(kChunk, size - offset));
                if (chunk.isEmpty())
                    return makeError(ErrorCode::Io,
                                     QCoreApplication::translate(
                                         "caseatlas", "\"%1\" could not be read completely.")
                                         .arg(meta.fileName));
                check.addData(chunk);
                CA_TRY(blob.value().write(offset, chunk));
                offset += chunk.size();
            }
            // The file changed between the two reads: refuse rather than store a wrong hash.
            if (QString::fromLatin1(check.result().toHex()) != hash.value())
                return makeError(
                    ErrorCode::Io,
                    QCoreApplication::translate(
                        "caseatlas", "\"%1\" changed while it was being added; try again.")
                        .arg(meta.fileName));
        }
        added.blobCreated = true;
    }
    auto ins = m_db.prepare(
        u"INSERT INTO attachments (sha256, file_name, mime_type, source_id, event_id, "
        "original_url, captured_at, collected_by, added_at, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!ins)
        return ins.error();
    ins.value()
        .bind(1, hash.value())
        .bind(2, meta.fileName.trimmed())
        .bind(3, textOrNull(meta.mimeType))
        .bind(4, idOrNull(meta.sourceId))
        .bind(5, idOrNull(meta.eventId))
        .bind(6, textOrNull(meta.originalUrl))
        .bind(7, timeOrNull(meta.capturedAt))
        .bind(8, textOrNull(meta.collectedBy))
        .bind(9, Clock::nowIso())
        .bind(10, textOrNull(meta.notes));
    CA_TRY(ins.value().run());
    added.attachmentId = m_db.lastInsertId();
    return added;
}

Result<AttachmentStore::Logged>
AttachmentStore::addLogged(QIODevice& device, const Attachment& metadata, const QString& who) {
    auto added = add(device, metadata);
    if (!added)
        return added.error();
    auto a = load(added.value().attachmentId);
    if (!a)
        return a.error();
    const QString detail =
        u"%1 (%2 bytes)%3"_s.arg(a.value().fileName)
            .arg(a.value().size)
            .arg(added.value().blobCreated ? QString() : u"; the same bytes were already stored"_s);
    CA_TRY(CustodyLog(m_db).append(who, u"add"_s, a.value().sha256, a.value().id, detail));
    return Logged{a.value(), added.value().blobCreated};
}

Result<Attachment> AttachmentStore::load(qint64 id) {
    auto stmt = m_db.prepare(
        u"SELECT %1 FROM attachments a JOIN blobs b ON b.sha256 = a.sha256 WHERE a.id = ?"_s.arg(
            kColumns));
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, id);
    auto row = stmt.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The attachment #%1 does not exist.").arg(id));
    return attachmentFromRow(stmt.value());
}

Result<QList<Attachment>> AttachmentStore::all() {
    auto stmt = m_db.prepare(
        u"SELECT %1 FROM attachments a JOIN blobs b ON b.sha256 = a.sha256 ORDER BY a.id"_s.arg(
            kColumns));
    if (!stmt)
        return stmt.error();
    QList<Attachment> out;
    while (true) {
        auto row = stmt.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        out << attachmentFromRow(stmt.value());
    }
}

Result<qint64> AttachmentStore::count() {
    return m_db.count(u"SELECT count(*) FROM attachments"_s);
}

Status AttachmentStore::remove(qint64 id) {
    auto a = load(id);
    if (!a)
        return a.error();
    auto del = m_db.prepare(u"DELETE FROM attachments WHERE id = ?"_s);
    if (!del)
        return del.error();
    del.value().bind(1, id);
    CA_TRY(del.value().run());
    auto orphan = m_db.prepare(
        u"DELETE FROM blobs WHERE sha256 = ?1 AND NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)"_s);
    if (!orphan)
        return orphan.error();
    orphan.value().bind(1, a.value().sha256);
    return orphan.value().run();
}

Status AttachmentStore::write(qint64 id, QIODevice& out) {
    auto a = load(id);
    if (!a)
        return a.error();
    auto rowid = m_db.scalar(u"SELECT id FROM blobs WHERE sha256 = ?"_s, {a.value().sha256});
    if (!rowid)
        return rowid.error();
    auto blob = SqliteBlob::open(m_db, u"blobs"_s, u"data"_s, rowid.value().toLongLong(), false);
    if (!blob)
        return blob.error();
    // Hashed as it is written out: bytes that no longer match their recorded SHA-256 (a damaged
    // or altered case) are never handed on as the evidence; the caller discards what it wrote.
    Sha256 hash;
    for (qint64 offset = 0; offset < blob.value().size(); offset += kChunk) {
        auto chunk = blob.value().read(offset, std::min(kChunk, blob.value().size() - offset));
        if (!chunk)
            return chunk.error();
        hash.addData(chunk.value());
        if (out.write(chunk.value()) != chunk.value().size())
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("caseatlas", "\"%1\" could not be written out.")
                    .arg(a.value().fileName),
                out.errorString());
    }
    if (const QString actual = QString::fromLatin1(hash.hexResult()); actual != a.value().sha256)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "caseatlas",
                             "The stored bytes of \"%1\" do not match its recorded SHA-256: the "
                             "evidence was altered or damaged, and it was not written out. Verify "
                             "Evidence lists every such file.")
                             .arg(a.value().fileName),
                         u"recorded %1, stored bytes %2"_s.arg(a.value().sha256, actual));
    return {};
}

Result<QList<AttachmentStore::Problem>> AttachmentStore::verify() {
    auto blobs = m_db.prepare(u"SELECT id, sha256 FROM blobs ORDER BY id"_s);
    if (!blobs)
        return blobs.error();
    QList<std::pair<qint64, QString>> list;
    CA_TRY(blobs.value().forEachRow([&](SqliteStatement&) {
        list.append({blobs.value().int64(0), blobs.value().text(1)});
    }));
    QList<Problem> problems;
    for (const auto& [rowid, stored] : list) {
        auto blob = SqliteBlob::open(m_db, u"blobs"_s, u"data"_s, rowid, false);
        if (!blob)
            return blob.error();
        Sha256 hash;
        for (qint64 offset = 0; offset < blob.value().size(); offset += kChunk) {
            auto chunk = blob.value().read(offset, std::min(kChunk, blob.value().size() - offset));
            if (!chunk)
                return chunk.error();
            hash.addData(chunk.value());
        }
        const QString actual = QString::fromLatin1(hash.result().toHex());
        if (actual == stored)
            continue;
        auto users =
            m_db.prepare(u"SELECT id, file_name FROM attachments WHERE sha256 = ? ORDER BY id"_s);
        if (!users)
            return users.error();
        users.value().bind(1, stored);
        bool any = false;
        CA_TRY(users.value().forEachRow([&](SqliteStatement&) {
            problems.append({users.value().int64(0), users.value().text(1), stored, actual});
            any = true;
        }));
        if (!any)
            problems.append({0, QString(), stored, actual});
    }
    return problems;
}

} // namespace caseatlas
