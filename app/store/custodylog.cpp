#include "store/custodylog.h"

#include "core/clock.h"
#include "store/sqlvalues.h"

using namespace Qt::StringLiterals;

namespace caseatlas {

Status CustodyLog::append(const QString& who, const QString& action, const QString& sha256,
                          qint64 attachmentId, const QString& detail) {
    auto stmt = m_db.cached(
        u"INSERT INTO custody_log (at, who, action, sha256, attachment_id, detail) VALUES (?, ?, ?, ?, ?, ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()
        ->bind(1, Clock::nowIso())
        .bind(2, who.isEmpty() ? u"unknown"_s : who)
        .bind(3, action)
        .bind(4, textOrNull(sha256))
        .bind(5, idOrNull(attachmentId))
        .bind(6, textOrNull(detail));
    return stmt.value()->run();
}

Result<QList<CustodyEntry>> CustodyLog::all() {
    auto stmt = m_db.prepare(
        u"SELECT id, at, who, action, sha256, attachment_id, detail FROM custody_log ORDER BY id"_s);
    if (!stmt)
        return stmt.error();
    QList<CustodyEntry> out;
    while (stmt.value().step().value()) {
        SqliteStatement& s = stmt.value();
        out.append({s.int64(0), timeFrom(s.text(1)), s.text(2), s.text(3), s.text(4), s.int64(5),
                    s.text(6)});
    }
    return out;
}

} // namespace caseatlas
