#include "model/chartdata.h"

#include "domain/fuzzydate.h"

#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// The SQL date that names the period a time (seconds, an SQL expression) falls in (an ISO day).
QString periodOfSql(ChartPeriod p, const QString& seconds) {
    switch (p) {
    case ChartPeriod::Day:
        return u"date(%1, 'unixepoch')"_s.arg(seconds);
    case ChartPeriod::Week: // the Monday on or before
        return u"date(%1, 'unixepoch', 'weekday 0', '-6 days')"_s.arg(seconds);
    case ChartPeriod::Month:
        return u"strftime('%Y-%m-01', %1, 'unixepoch')"_s.arg(seconds);
    case ChartPeriod::Auto:
    case ChartPeriod::Year:
        break;
    }
    return u"strftime('%Y-01-01', %1, 'unixepoch')"_s.arg(seconds);
}

// The next coarser period (a year stays a year).
ChartPeriod coarser(ChartPeriod p) {
    return p == ChartPeriod::Day    ? ChartPeriod::Week
           : p == ChartPeriod::Week ? ChartPeriod::Month
                                    : ChartPeriod::Year;
}

QString boundedSql(const QString& seconds) {
    // Bounded times fit in years 1 … 9999; the open ends are int64's extremes.
    return u"(%1 >= %2 AND %1 < %3)"_s.arg(seconds)
        .arg(FuzzyDate::PeriodsFirst)
        .arg(FuzzyDate::PeriodsEnd);
}

// The period an event is counted in: the one its whole interval lies in — the earliest and the
// latest moment it may have happened fall in the same period — or NULL. An event known only to
// within a year is not counted in a month of it (it would invent a precision it does not have).
QString periodKeySql(ChartPeriod p) {
    return u"(CASE WHEN %1 AND %2 AND %3 = %4 THEN %3 END)"_s.arg(
        boundedSql(u"e.earliest_s"_s), boundedSql(u"e.latest_s"_s),
        periodOfSql(p, u"e.earliest_s"_s), periodOfSql(p, u"e.latest_s"_s));
}

// 0: counted in a period; 1: dated, but more loosely than a period; 2: no bounded date at all.
QString precisionKindSql(ChartPeriod p) {
    return u"(CASE WHEN %1 IS NOT NULL THEN 0 WHEN %2 OR %3 THEN 1 ELSE 2 END)"_s.arg(
        periodKeySql(p), boundedSql(u"e.earliest_s"_s), boundedSql(u"e.latest_s"_s));
}

QDate nextPeriod(QDate d, ChartPeriod p) {
    switch (p) {
    case ChartPeriod::Day:
        return d.addDays(1);
    case ChartPeriod::Week:
        return d.addDays(7);
    case ChartPeriod::Month:
        return d.addMonths(1);
    case ChartPeriod::Auto:
    case ChartPeriod::Year:
        break;
    }
    return d.addYears(1);
}

PeriodBucket bucketAt(QDate first, ChartPeriod p) {
    const QLocale en(QLocale::English);
    PeriodBucket b;
    b.first = first;
    b.last = nextPeriod(first, p).addDays(-1);
    switch (p) {
    case ChartPeriod::Day:
        b.label = en.toString(first, u"d MMM yyyy"_s);
        b.fromEdtf = b.toEdtf = first.toString(Qt::ISODate);
        break;
    case ChartPeriod::Week:
        b.label = u"%1 –"_s.arg(en.toString(first, u"d MMM yyyy"_s));
        b.fromEdtf = first.toString(Qt::ISODate);
        b.toEdtf = b.last.toString(Qt::ISODate);
        break;
    case ChartPeriod::Month:
        b.label = en.toString(first, u"MMM yyyy"_s);
        b.fromEdtf = b.toEdtf = first.toString(u"yyyy-MM"_s);
        break;
    case ChartPeriod::Auto:
    case ChartPeriod::Year:
        b.label = QString::number(first.year());
        b.fromEdtf = b.toEdtf = first.toString(u"yyyy"_s);
        break;
    }
    return b;
}

constexpr qsizetype kMaxBuckets = 5000;

// The period that gives a readable number of bars for the filtered events' span.
Result<ChartPeriod> choosePeriod(SqliteDatabase& db, const QString& where,
                                 const QVariantList& params, ChartPeriod wanted) {
    auto stmt = db.prepare(u"SELECT min(a), max(a) FROM (SELECT %1 AS a FROM events e WHERE %2) "
                           "WHERE a IS NOT NULL"_s.arg(eventAnchorSql(), where));
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params);
    auto row = stmt.value().step();
    if (!row)
        return row.error();
    if (!row.value() || stmt.value().isNull(0))
        return wanted == ChartPeriod::Auto ? ChartPeriod::Month : wanted;
    const qint64 days = (stmt.value().int64(1) - stmt.value().int64(0)) / 86400;
    if (wanted != ChartPeriod::Auto) {
        // A chosen period, unless it needs more bars than a chart holds (days over decades):
        // then the next coarser one that fits — the chart's title names what it shows.
        ChartPeriod p = wanted;
        while (p != ChartPeriod::Year && days / (p == ChartPeriod::Day    ? 1
                                                 : p == ChartPeriod::Week ? 7
                                                                          : 28) >=
                                             kMaxBuckets - 2)
            p = coarser(p);
        return p;
    }
    ChartPeriod p = days <= 62        ? ChartPeriod::Day
                    : days <= 366     ? ChartPeriod::Week
                    : days <= 6 * 366 ? ChartPeriod::Month
                                      : ChartPeriod::Year;
    // Coarser while most dated events are known less precisely than the period (a case of
    // months and years gets monthly or yearly bars, not weekly ones that would leave them out).
    while (p != ChartPeriod::Year) {
        auto loose = db.prepare(u"SELECT sum(k = 0), sum(k = 1) FROM (SELECT %1 AS k FROM events e "
                                "WHERE %2)"_s.arg(precisionKindSql(p), where));
        if (!loose)
            return loose.error();
        loose.value().bindAll(params);
        auto r = loose.value().step();
        if (!r)
            return r.error();
        if (!r.value() || loose.value().int64(1) <= loose.value().int64(0))
            break;
        p = coarser(p);
    }
    return p;
}

// Every period from the first key to the last, so that empty ones show as gaps (years 1 … 9999
// at most: choosePeriod keeps finer periods under kMaxBuckets).
QList<PeriodBucket> bucketsBetween(QDate first, QDate last, ChartPeriod p) {
    QList<PeriodBucket> out;
    for (QDate d = first; d.isValid() && d <= last && out.size() <= 10000; d = nextPeriod(d, p))
        out << bucketAt(d, p);
    return out;
}

} // namespace

QString eventAnchorSql() {
    return u"(CASE WHEN %1 THEN e.earliest_s WHEN %2 THEN e.latest_s END)"_s.arg(
        boundedSql(u"e.earliest_s"_s), boundedSql(u"e.latest_s"_s));
}

Result<PeriodCounts> eventsPerPeriod(SqliteDatabase& db, const FilterCriteria& filter,
                                     ChartPeriod period) {
    const auto [where, params] = filter.sql();
    auto chosen = choosePeriod(db, where, params, period);
    if (!chosen)
        return chosen.error();
    PeriodCounts out;
    out.period = chosen.value();
    auto stmt = db.prepare(
        u"SELECT %1 AS k, (SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id "
        "WHERE et.event_id = e.fid ORDER BY et.position, t.name LIMIT 1) AS lane, count(*), "
        "%3 AS kind FROM events e WHERE %2 GROUP BY k, lane, kind"_s.arg(
            periodKeySql(out.period), where, precisionKindSql(out.period)));
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params);
    struct Cell {
        QDate key;
        QString lane;
        qint64 n;
    };
    QList<Cell> cells;
    QDate first, last;
    QSet<QString> lanes;
    bool unassigned = false;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        if (s.isNull(0)) {
            (s.int64(3) == 1 ? out.loose : out.undated) += s.int64(2);
            return;
        }
        const QDate key = QDate::fromString(s.text(0), Qt::ISODate);
        const QString lane = s.isNull(1) ? QString() : s.text(1);
        cells.append({key, lane, s.int64(2)});
        if (!first.isValid() || key < first)
            first = key;
        if (!last.isValid() || key > last)
            last = key;
        if (lane.isEmpty())
            unassigned = true;
        else
            lanes.insert(lane);
    }));
    out.lanes = QStringList(lanes.cbegin(), lanes.cend());
    out.lanes.sort(Qt::CaseInsensitive);
    if (unassigned)
        out.lanes << QString(); // "No tag", last
    out.buckets = bucketsBetween(first, last, out.period);
    QHash<QDate, qsizetype> bucketOf;
    for (qsizetype i = 0; i < out.buckets.size(); ++i)
        bucketOf.insert(out.buckets[i].first, i);
    out.counts = QList<QList<qint64>>(out.lanes.size(), QList<qint64>(out.buckets.size(), 0));
    for (const Cell& c : cells) {
        const qsizetype b = bucketOf.value(c.key, -1);
        if (b >= 0)
            out.counts[out.lanes.indexOf(c.lane)][b] += c.n;
    }
    return out;
}

Result<ValueSeries> valueOverTime(SqliteDatabase& db, const FilterCriteria& filter,
                                  const QString& name, ChartPeriod period) {
    const auto [where, params] = filter.sql();
    auto chosen = choosePeriod(db, where, params, period);
    if (!chosen)
        return chosen.error();
    ValueSeries out;
    out.period = chosen.value();
    auto stmt = db.prepare(
        u"SELECT %1 AS k, sum(v.value), max(v.unit), count(*) FROM events e JOIN event_values v "
        "ON v.event_id = e.fid AND v.name = ? WHERE %2 GROUP BY k"_s.arg(periodKeySql(out.period),
                                                                         where));
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(QVariantList{name} + params);
    QHash<QDate, double> sums;
    QDate first, last;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        if (s.isNull(0)) { // dated more loosely than a period (or not at all): apart
            out.looseSum += s.real(1);
            out.looseEvents += s.int64(3);
            return;
        }
        const QDate key = QDate::fromString(s.text(0), Qt::ISODate);
        sums.insert(key, s.real(1));
        if (out.unit.isEmpty())
            out.unit = s.text(2);
        if (!first.isValid() || key < first)
            first = key;
        if (!last.isValid() || key > last)
            last = key;
    }));
    out.buckets = bucketsBetween(first, last, out.period);
    for (const PeriodBucket& b : out.buckets)
        out.sums << sums.value(b.first);
    return out;
}

Result<QStringList> valueNames(SqliteDatabase& db) {
    auto stmt =
        db.prepare(u"SELECT name FROM event_values GROUP BY name ORDER BY count(*) DESC, name"_s);
    if (!stmt)
        return stmt.error();
    QStringList out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) { out << s.text(0); }));
    return out;
}

Result<QList<Ranked>> topBy(SqliteDatabase& db, const FilterCriteria& filter, RankBy by,
                            int limit) {
    const auto [where, params] = filter.sql();
    QString sql;
    switch (by) {
    case RankBy::Actor:
        sql = u"SELECT a.id, a.name, count(DISTINCT e.fid) AS n FROM events e JOIN event_actors "
              "ea ON ea.event_id = e.fid JOIN actors a ON a.id = ea.actor_id WHERE %1 GROUP BY "
              "a.id ORDER BY n DESC, a.name LIMIT ?"_s;
        break;
    case RankBy::Place:
        sql = u"SELECT p.fid, p.name, count(*) AS n FROM events e JOIN places p ON p.fid = "
              "e.place_id WHERE %1 GROUP BY p.fid ORDER BY n DESC, p.name LIMIT ?"_s;
        break;
    case RankBy::Source:
        sql = u"SELECT s.id, s.title, count(DISTINCT e.fid) AS n FROM events e JOIN citations c "
              "ON c.event_id = e.fid JOIN sources s ON s.id = c.source_id WHERE %1 GROUP BY "
              "s.id ORDER BY n DESC, s.title LIMIT ?"_s;
        break;
    }
    auto stmt = db.prepare(sql.arg(where));
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params + QVariantList{limit});
    QList<Ranked> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.append({s.int64(0), s.text(1), s.int64(2)});
    }));
    return out;
}

Result<ReliabilityShare> reliabilityShare(SqliteDatabase& db, const FilterCriteria& filter) {
    const auto [where, params] = filter.sql();
    auto stmt = db.prepare(
        u"SELECT (SELECT min(s.reliability) FROM citations c JOIN sources s ON s.id = "
        "c.source_id WHERE c.event_id = e.fid) AS g, count(*) FROM events e WHERE %1 GROUP BY "
        "g"_s.arg(where));
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params);
    ReliabilityShare out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        if (s.isNull(0)) {
            out.unsourced += s.int64(1);
            return;
        }
        if (auto r = reliabilityFromLetter(s.text(0).isEmpty() ? QChar() : s.text(0).at(0)))
            out.grades[size_t(*r)] += s.int64(1);
    }));
    return out;
}

} // namespace caseatlas
