#include "store/caseindexes.h"

#include "store/casefile.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace caseatlas {

const QList<IndexDefinition>& schemaIndexes() {
    static const QList<IndexDefinition> indexes = [] {
        QList<IndexDefinition> out;
        auto ref = SqliteDatabase::openMemory();
        if (!ref || !applySchemaScripts(ref.value(), 0, CaseFile::SchemaVersion))
            return out; // a build without its scripts; opening any case fails anyway
        auto rows = ref.value().prepare(u"SELECT name, sql FROM sqlite_schema WHERE type = "
                                        "'index' AND sql IS NOT NULL ORDER BY rowid"_s);
        if (!rows)
            return out;
        if (!rows.value().forEachRow([&](SqliteStatement& s) {
                out.append({s.text(0), s.text(1)});
            }))
            return QList<IndexDefinition>();
        return out;
    }();
    return indexes;
}

Result<QList<IndexDefinition>> missingIndexes(SqliteDatabase& db) {
    auto rows = db.prepare(u"SELECT name FROM sqlite_schema WHERE type = 'index'"_s);
    if (!rows)
        return rows.error();
    QSet<QString> present;
    CA_TRY(rows.value().forEachRow([&](SqliteStatement& s) { present.insert(s.text(0)); }));
    QList<IndexDefinition> out;
    for (const IndexDefinition& index : schemaIndexes())
        if (!present.contains(index.name))
            out.append(index);
    return out;
}

Result<int> buildMissingIndexes(SqliteDatabase& db, const std::function<bool(int, int)>& progress) {
    auto missing = missingIndexes(db);
    if (!missing)
        return missing.error();
    const QList<IndexDefinition>& list = missing.value();
    if (list.isEmpty())
        return 0;
    IndexBuildSettings settings(db);
    int built = 0;
    for (const IndexDefinition& index : list) {
        if (progress && !progress(built, int(list.size())))
            break;
        if (db.inTransaction()) {
            CA_TRY(db.exec(index.sql));
        } else {
            SqliteTransaction tx(db);
            CA_TRY(tx.status());
            CA_TRY(db.exec(index.sql));
            CA_TRY(tx.commit());
        }
        ++built;
    }
    if (progress)
        progress(built, int(list.size()));
    return built;
}

IndexBuildSettings::IndexBuildSettings(SqliteDatabase& db)
    : m_db(db) {
    if (auto cache = db.scalar(u"PRAGMA cache_size"_s))
        m_cache = cache.value().toLongLong();
    if (auto threads = db.scalar(u"PRAGMA threads"_s))
        m_threads = threads.value().toLongLong();
    (void)db.exec(u"PRAGMA cache_size = -4096; PRAGMA threads = 0"_s);
}

IndexBuildSettings::~IndexBuildSettings() {
    (void)m_db.exec(u"PRAGMA cache_size = %1; PRAGMA threads = %2"_s.arg(m_cache).arg(m_threads));
}

} // namespace caseatlas
