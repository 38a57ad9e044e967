#include "store/bulkwrite.h"

#include "store/caseindexes.h"

using namespace Qt::StringLiterals;

namespace caseatlas {

BulkWrite::BulkWrite(SqliteDatabase& db, const QStringList& tables)
    : m_db(db)
    , m_writeBack(db) {
    if (auto cache = db.scalar(u"PRAGMA cache_size"_s))
        m_oldCache = cache.value().toLongLong();
    m_status = db.exec(u"PRAGMA cache_size = -16384"_s); // 16 MiB
    if (!m_status)
        return;
    // Only explicit indexes (sql IS NOT NULL); those behind UNIQUE constraints must stay.
    auto list =
        db.prepare(u"SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                   "AND tbl_name IN (SELECT value FROM json_each(?))"_s);
    if (!list) {
        m_status = list.error();
        return;
    }
    list.value().bind(1, u"[\"%1\"]"_s.arg(tables.join(u"\",\""_s)));
    m_status = list.value().forEachRow([&](SqliteStatement& s) {
        m_indexes.append({s.text(0), s.text(1)});
    });
    if (!m_status)
        return;
    for (const auto& [name, sql] : m_indexes) {
        m_status = db.exec(u"DROP INDEX \"%1\""_s.arg(name));
        if (!m_status)
            return;
    }
}

Status BulkWrite::finish(Rebuild which) {
    m_finished = true;
    CA_TRY(m_status);
    IndexBuildSettings settings(m_db);
    for (const auto& [name, sql] : m_indexes)
        if (which == Rebuild::All || sql.startsWith(u"CREATE UNIQUE"_s, Qt::CaseInsensitive))
            CA_TRY(m_db.exec(sql));
    return {};
}

BulkWrite::~BulkWrite() {
    (void)m_db.exec(u"PRAGMA cache_size = %1"_s.arg(m_oldCache));
}

} // namespace caseatlas
