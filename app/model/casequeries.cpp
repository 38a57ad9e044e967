#include "model/casequeries.h"

#include "domain/fuzzydate.h"
#include "geo/layerimport.h"
#include "store/sqlite.h"

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<qint64> CaseQueries::eventCount(const FilterCriteria& filter) {
    if (filter.isEmpty())
        return m_db.count(u"SELECT count(*) FROM events"_s);
    const auto [where, params] = filter.sql();
    return m_db.count(u"SELECT count(*) FROM events e WHERE "_s + where, params);
}

Result<qint64> CaseQueries::unsourcedEventCount() {
    // All events less those cited: a walk of the citations' event index (0.1 s at a million
    // events; looking each event's citations up took 1.4 s, on every edit, for the summary).
    // A citation always has its event (the foreign key cascades; `caseatlas check` reports any
    // that does not).
    return m_db.count(u"SELECT max(0, (SELECT count(*) FROM events) - "
                      "(SELECT count(*) FROM (SELECT DISTINCT event_id FROM citations)))"_s);
}

Result<QSet<qint64>> CaseQueries::filteredEvents(const FilterCriteria& filter) {
    const auto [where, params] = filter.sql();
    auto stmt = m_db.prepare(u"SELECT e.fid FROM events e WHERE "_s + where);
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params);
    QSet<qint64> ids;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) { ids.insert(s.int64(0)); }));
    return ids;
}

namespace {
// The event list's rows: `where` over `events e`, in time order.
Result<QList<CaseQueries::EventRow>> readEventRows(SqliteDatabase& db, const QString& where,
                                                   const QVariantList& params, int limit) {
    auto stmt = db.prepare(u"SELECT e.fid, e.start_edtf, e.end_edtf, substr(e.title, 1, 1000), "
                           "p.name, e.tags, e.status, e.earliest_s, "
                           "(SELECT count(*) FROM citations c WHERE c.event_id = e.fid), "
                           "e.latest_s FROM events e LEFT JOIN places p ON p.fid = e.place_id "
                           "WHERE %1 ORDER BY e.earliest_s, e.latest_s, e.fid LIMIT %2"_s.arg(where)
                               .arg(limit));
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params);
    QList<CaseQueries::EventRow> rows;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        QString date = s.text(1);
        if (!s.isNull(2))
            date += u" – "_s + s.text(2);
        rows.append({s.int64(0), date, s.text(3), s.text(4), s.text(5), s.text(6), int(s.int64(8)),
                     s.int64(7), s.int64(9), FuzzyDate::qualifiersOf(s.utf8(1), s.utf8(2))});
    }));
    return rows;
}
} // namespace

Result<QList<CaseQueries::EventRow>> CaseQueries::eventRows(const FilterCriteria& filter,
                                                            int limit) {
    const auto [where, params] = filter.sql();
    return readEventRows(m_db, where, params, limit);
}

Result<QList<CaseQueries::EventRow>> CaseQueries::eventRowsAfter(const FilterCriteria& filter,
                                                                 const EventRow& after, int limit) {
    auto [where, params] = filter.sql();
    params << after.earliest << after.latest << after.id;
    return readEventRows(m_db,
                         u"(%1) AND (e.earliest_s, e.latest_s, e.fid) > (?, ?, ?)"_s.arg(where),
                         params, limit);
}

Result<std::optional<CaseQueries::EventRow>> CaseQueries::eventRow(const FilterCriteria& filter,
                                                                   qint64 id) {
    auto [where, params] = filter.sql();
    params << id;
    auto rows = readEventRows(m_db, u"(%1) AND e.fid = ?"_s.arg(where), params, 1);
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<EventRow>();
    return std::optional<EventRow>(rows.value().first());
}

Result<QList<qint64>> CaseQueries::eventsInvolving(Involving what, qint64 id) {
    const QString sql =
        what == Involving::Actor
            ? u"SELECT DISTINCT event_id FROM event_actors WHERE actor_id = ? ORDER BY 1"_s
        : what == Involving::Place
            ? u"SELECT fid FROM events WHERE ? IN (place_id, origin_place_id, "
              "destination_place_id) ORDER BY 1"_s
            : u"SELECT DISTINCT event_id FROM citations WHERE source_id = ? ORDER BY 1"_s;
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, id);
    QList<qint64> ids;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) { ids << s.int64(0); }));
    return ids;
}

Result<QList<CaseQueries::LinkTarget>> CaseQueries::linkTargets(int limit) {
    auto stmt = m_db.prepare(
        u"SELECT 'event', fid, title FROM events UNION ALL SELECT 'actor', id, name FROM "
        "actors UNION ALL SELECT 'place', fid, name FROM places UNION ALL SELECT 'source', "
        "id, title FROM sources LIMIT %1"_s.arg(limit));
    if (!stmt)
        return stmt.error();
    QList<LinkTarget> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.append({s.text(0), s.int64(1), s.text(2)});
    }));
    return out;
}

Result<QHash<qint64, CaseQueries::SourceUse>> CaseQueries::sourceUse() {
    auto stmt = m_db.prepare(
        u"SELECT s.id, (SELECT count(DISTINCT event_id) FROM citations c WHERE c.source_id "
        "= s.id), (SELECT count(*) FROM attachments a WHERE a.source_id = s.id) FROM "
        "sources s"_s);
    if (!stmt)
        return stmt.error();
    QHash<qint64, SourceUse> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.insert(s.int64(0), {s.int64(1), s.int64(2)});
    }));
    return out;
}

Result<QList<ImportMemory::Dataset>> CaseQueries::importedDatasets() {
    return ImportMemory(m_db).datasets();
}

Result<qint64> CaseQueries::layerFeatureCount(const QString& table) {
    return m_db.count(u"SELECT count(*) FROM %1"_s.arg(sqlIdentifier(table)));
}

Result<QStringList> CaseQueries::layerColumns(const QString& table) {
    auto fields = layerFields(m_db, table);
    if (!fields)
        return fields.error();
    return QStringList{u"fid"_s} + fields.value();
}

Result<QList<QVariantList>> CaseQueries::layerRows(const QString& table, const QStringList& columns,
                                                   qint64 offset, int limit) {
    QStringList cols;
    for (const QString& c : columns)
        cols << sqlIdentifier(c);
    auto stmt = m_db.prepare(u"SELECT %1 FROM %2 ORDER BY fid LIMIT %3 OFFSET %4"_s
                                 .arg(cols.join(u", "_s), sqlIdentifier(table))
                                 .arg(limit)
                                 .arg(offset));
    if (!stmt)
        return stmt.error();
    QList<QVariantList> page;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& row) {
        QVariantList values;
        for (int i = 0; i < row.columnCount(); ++i)
            values << row.value(i);
        page << values;
    }));
    return page;
}

} // namespace caseatlas
