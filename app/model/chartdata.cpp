#include "model/chartdata.h"

#include "domain/fuzzydate.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

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

// The day (counted from 1 January of year 1, UTC) a bounded time falls on, or NULL. The charts
// read events as the days their earliest and latest moments fall on and work periods out from
// those: a few integer groups instead of a date function per event.
QString dayOfSql(const QString& seconds) {
    return u"(CASE WHEN %1 THEN (%2 - %3) / 86400 END)"_s.arg(boundedSql(seconds), seconds)
        .arg(FuzzyDate::PeriodsFirst);
}

const QDate kDayZero(1, 1, 1);

QDate periodStart(QDate d, ChartPeriod p) {
    switch (p) {
    case ChartPeriod::Day:
        return d;
    case ChartPeriod::Week: // the Monday on or before
        return d.addDays(1 - d.dayOfWeek());
    case ChartPeriod::Month:
        return QDate(d.year(), d.month(), 1);
    case ChartPeriod::Auto:
    case ChartPeriod::Year:
        break;
    }
    return QDate(d.year(), 1, 1);
}

// The period an event is counted in (the day number of its first day): the one its whole
// interval lies in — the earliest and the latest moment it may have happened fall in the same
// period — or none. An event known only to within a year is not counted in a month of it (it
// would invent a precision it does not have).
qint64 periodOf(qint64 firstDay, qint64 lastDay, ChartPeriod p) {
    if (firstDay == ChartTally::kNoDay || lastDay == ChartTally::kNoDay)
        return ChartTally::kNoDay;
    const QDate first = periodStart(kDayZero.addDays(firstDay), p);
    return first == periodStart(kDayZero.addDays(lastDay), p) ? kDayZero.daysTo(first)
                                                              : ChartTally::kNoDay;
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

// Every period from the first key to the last, so that empty ones show as gaps (years 1 … 9999
// at most: choosePeriod keeps finer periods under kMaxBuckets).
QList<PeriodBucket> bucketsBetween(QDate first, QDate last, ChartPeriod p) {
    QList<PeriodBucket> out;
    for (QDate d = first; d.isValid() && d <= last && out.size() <= 10000; d = nextPeriod(d, p))
        out << bucketAt(d, p);
    return out;
}

// Text compared as SQL compares it: by its UTF-8 bytes.
bool byBytes(const QString& a, const QString& b) {
    return a.toUtf8() < b.toUtf8();
}

} // namespace

Status ChartTally::read(SqliteDatabase& db, bool span, const QList<qint64>* ids,
                        const std::function<void(Row&&)>& row) const {
    auto [where, params] = m_filter.sql();
    if (ids) {
        QStringList list;
        for (qint64 id : *ids)
            list << QString::number(id);
        where = u"(%1) AND e.fid IN (%2)"_s.arg(where, list.join(u','));
    }
    const QString days =
        u"%1 AS d0, %2 AS d1"_s.arg(dayOfSql(u"e.earliest_s"_s), dayOfSql(u"e.latest_s"_s));
    enum class Shape { Days, DaysText, DaysValue, Record, Text } shape = Shape::Days;
    QString sql;
    if (span) {
        sql = u"SELECT %1, count(*) FROM events e WHERE %2 GROUP BY d0, d1"_s.arg(days, where);
    } else {
        switch (m_request.kind) {
        case ChartKind::EventsPerPeriod:
            sql = u"SELECT %1, (SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id "
                  "WHERE et.event_id = e.fid ORDER BY et.position, t.name LIMIT 1) AS lane, "
                  "count(*) FROM events e WHERE %2 GROUP BY d0, d1, lane"_s.arg(days, where);
            shape = Shape::DaysText;
            break;
        case ChartKind::ValueOverTime:
            sql = u"SELECT %1, count(*), sum(v.value), max(v.unit) FROM events e JOIN "
                  "event_values v ON v.event_id = e.fid AND v.name = ? WHERE %2 GROUP BY d0, "
                  "d1"_s.arg(days, where);
            params.prepend(m_request.valueName);
            shape = Shape::DaysValue;
            break;
        case ChartKind::TopActors:
            sql = u"SELECT a.id, count(DISTINCT e.fid), a.name FROM events e JOIN event_actors "
                  "ea ON ea.event_id = e.fid JOIN actors a ON a.id = ea.actor_id WHERE %1 GROUP BY "
                  "a.id"_s.arg(where);
            shape = Shape::Record;
            break;
        case ChartKind::TopPlaces:
            sql = u"SELECT p.fid, count(*), p.name FROM events e JOIN places p ON p.fid = "
                  "e.place_id WHERE %1 GROUP BY p.fid"_s.arg(where);
            shape = Shape::Record;
            break;
        case ChartKind::TopSources:
            sql = u"SELECT s.id, count(DISTINCT e.fid), s.title FROM events e JOIN citations c "
                  "ON c.event_id = e.fid JOIN sources s ON s.id = c.source_id WHERE %1 GROUP BY "
                  "s.id"_s.arg(where);
            shape = Shape::Record;
            break;
        case ChartKind::Reliability:
            sql = u"SELECT (SELECT min(s.reliability) FROM citations c JOIN sources s ON s.id = "
                  "c.source_id WHERE c.event_id = e.fid) AS g, count(*) FROM events e WHERE %1 "
                  "GROUP BY g"_s.arg(where);
            shape = Shape::Text;
            break;
        }
    }
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params);
    return stmt.value().forEachRow([&](SqliteStatement& s) {
        Row r;
        int c = 0;
        if (shape == Shape::Record) {
            r.id = s.int64(c++);
        } else if (shape == Shape::Text) {
            r.hasText = !s.isNull(c);
            r.text = s.text(c++);
        } else {
            r.firstDay = s.isNull(c) ? kNoDay : s.int64(c);
            ++c;
            r.lastDay = s.isNull(c) ? kNoDay : s.int64(c);
            ++c;
            if (shape == Shape::DaysText) {
                r.hasText = !s.isNull(c);
                r.text = s.text(c++);
            }
        }
        r.count = s.real(c++);
        if (shape == Shape::DaysValue)
            r.sum = s.real(c++);
        if (c < s.columnCount())
            r.label = s.text(c);
        row(std::move(r));
    });
}

Result<QList<ChartTally::Row>> ChartTally::readRows(SqliteDatabase& db, bool span,
                                                    const QList<qint64>& ids) const {
    QList<Row> out;
    if (ids.isEmpty()) // only new events: they had no share
        return out;
    CA_TRY(read(db, span, &ids, [&](Row&& r) { out.append(std::move(r)); }));
    return out;
}

namespace {

bool overTime(ChartKind k) {
    return k == ChartKind::EventsPerPeriod || k == ChartKind::ValueOverTime;
}

} // namespace

void ChartTally::countForPeriod(const Row& row, double sign) {
    const qint64 anchor = row.firstDay != kNoDay ? row.firstDay : row.lastDay;
    if (anchor == kNoDay)
        return;
    auto at = m_anchors.find(anchor);
    if (at == m_anchors.end())
        at = m_anchors.insert(anchor, 0);
    *at += sign * row.count;
    if (*at <= 0)
        m_anchors.erase(at);
    const ChartPeriod periods[] = {ChartPeriod::Day, ChartPeriod::Week, ChartPeriod::Month};
    for (size_t i = 0; i < 3; ++i) {
        const bool counted = periodOf(row.firstDay, row.lastDay, periods[i]) != kNoDay;
        m_precision[i][counted ? 0 : 1] += sign * row.count;
    }
}

void ChartTally::countInChart(const Row& row, double sign) {
    Cell* cell = nullptr;
    std::pair<qint64, QString> key;
    if (overTime(m_request.kind)) {
        key.first = periodOf(row.firstDay, row.lastDay, m_period);
        if (key.first == kNoDay) {
            const bool dated = row.firstDay != kNoDay || row.lastDay != kNoDay;
            // The value chart keeps every event in no bar together.
            cell = dated || m_request.kind == ChartKind::ValueOverTime ? &m_loose : &m_undated;
        } else if (row.hasText) {
            key.second = row.text;
        }
    } else if (m_request.kind == ChartKind::Reliability) {
        key = {row.hasText ? 1 : 0, row.text};
    } else {
        key.first = row.id;
    }
    const bool inMap = cell == nullptr;
    if (inMap) {
        auto at = m_cells.find(key);
        if (at == m_cells.end())
            at = m_cells.insert(key, {0, 0, {}, row.id});
        cell = &*at;
    }
    cell->count += sign * row.count;
    cell->sum += sign * row.sum;
    if (sign > 0)
        cell->label = row.label;
    if (inMap && cell->count <= 0)
        m_cells.remove(key);
}

ChartPeriod ChartTally::choose() const {
    if (!overTime(m_request.kind))
        return m_period;
    const ChartPeriod wanted = m_request.period;
    if (m_anchors.isEmpty())
        return wanted == ChartPeriod::Auto ? ChartPeriod::Month : wanted;
    const qint64 days = m_anchors.lastKey() - m_anchors.firstKey();
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
        const auto& [counted, loose] = m_precision[p == ChartPeriod::Day    ? 0
                                                   : p == ChartPeriod::Week ? 1
                                                                            : 2];
        if (loose <= counted)
            break;
        p = coarser(p);
    }
    return p;
}

Result<ChartTally> ChartTally::load(SqliteDatabase& db, const FilterCriteria& filter,
                                    const ChartRequest& request) {
    ChartTally t;
    t.m_request = request;
    t.m_filter = filter;
    if (request.kind == ChartKind::EventsPerPeriod) {
        // One query gives both the period's inputs and the bars (then placed in the period).
        QList<Row> rows;
        CA_TRY(t.read(db, false, nullptr, [&](Row&& r) {
            t.countForPeriod(r, 1);
            rows.append(std::move(r));
        }));
        t.m_period = t.choose();
        for (const Row& r : std::as_const(rows))
            t.countInChart(r, 1);
        return t;
    }
    if (request.kind == ChartKind::ValueOverTime) {
        // The period follows every event under the filter, not just those with the value.
        CA_TRY(t.read(db, true, nullptr, [&](Row&& r) { t.countForPeriod(r, 1); }));
        t.m_period = t.choose();
    }
    CA_TRY(t.read(db, false, nullptr, [&](Row&& r) { t.countInChart(r, 1); }));
    return t;
}

bool ChartTally::readShare(SqliteDatabase& db, const QList<qint64>& ids, QList<Row>& cells,
                           QList<Row>& span) const {
    auto c = readRows(db, false, ids);
    if (!c)
        return false;
    cells = std::move(c).value();
    if (m_request.kind == ChartKind::ValueOverTime) {
        auto s = readRows(db, true, ids);
        if (!s)
            return false;
        span = std::move(s).value();
    }
    return true;
}

void ChartTally::eventsAboutToChange(SqliteDatabase& db, const QList<qint64>& ids) {
    m_beforeIds = ids;
    m_pending = readShare(db, ids, m_cellsBefore, m_spanBefore) ? Pending::Before : Pending::Broken;
}

void ChartTally::eventsWritten(SqliteDatabase& db, const QList<qint64>& ids) {
    if (m_pending != Pending::Before)
        return;
    m_writtenIds = ids;
    m_pending = readShare(db, ids, m_cellsAfter, m_spanAfter) ? Pending::Written : Pending::Broken;
}

bool ChartTally::applyChange(const QList<qint64>& ids) {
    const Pending pending = std::exchange(m_pending, Pending::None);
    const QList<Row> spanBefore = std::exchange(m_spanBefore, {}),
                     spanAfter = std::exchange(m_spanAfter, {}),
                     cellsBefore = std::exchange(m_cellsBefore, {}),
                     cellsAfter = std::exchange(m_cellsAfter, {});
    if (pending != Pending::Written || ids.isEmpty())
        return false;
    const QSet<qint64> named(ids.cbegin(), ids.cend());
    if (named != QSet<qint64>(m_writtenIds.cbegin(), m_writtenIds.cend()))
        return false;
    for (qint64 id : std::as_const(m_beforeIds))
        if (!named.contains(id))
            return false;
    if (overTime(m_request.kind)) {
        const bool sameRows = m_request.kind == ChartKind::EventsPerPeriod;
        for (const Row& r : sameRows ? cellsBefore : spanBefore)
            countForPeriod(r, -1);
        for (const Row& r : sameRows ? cellsAfter : spanAfter)
            countForPeriod(r, 1);
        if (choose() != m_period)
            return false; // another period: other bars, read afresh
    }
    for (const Row& r : cellsBefore)
        countInChart(r, -1);
    for (const Row& r : cellsAfter)
        countInChart(r, 1);
    return true;
}

PeriodCounts ChartTally::periodCounts() const {
    PeriodCounts out;
    out.period = m_period;
    out.loose = qint64(m_loose.count);
    out.undated = qint64(m_undated.count);
    qint64 first = kNoDay, last = kNoDay;
    QSet<QString> lanes;
    bool unassigned = false;
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        const qint64 key = it.key().first;
        if (first == kNoDay || key < first)
            first = key;
        if (last == kNoDay || key > last)
            last = key;
        if (it.key().second.isEmpty())
            unassigned = true;
        else
            lanes.insert(it.key().second);
    }
    out.lanes = QStringList(lanes.cbegin(), lanes.cend());
    out.lanes.sort(Qt::CaseInsensitive);
    if (unassigned)
        out.lanes << QString(); // "No tag", last
    if (first == kNoDay)
        return out;
    out.buckets = bucketsBetween(kDayZero.addDays(first), kDayZero.addDays(last), out.period);
    QHash<qint64, qsizetype> bucketOf;
    for (qsizetype i = 0; i < out.buckets.size(); ++i)
        bucketOf.insert(kDayZero.daysTo(out.buckets[i].first), i);
    QHash<QString, qsizetype> laneOf;
    for (qsizetype i = 0; i < out.lanes.size(); ++i)
        laneOf.insert(out.lanes[i], i);
    out.counts = QList<QList<qint64>>(out.lanes.size(), QList<qint64>(out.buckets.size(), 0));
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        const qsizetype b = bucketOf.value(it.key().first, -1);
        if (b >= 0)
            out.counts[laneOf.value(it.key().second)][b] += qint64(it->count);
    }
    return out;
}

ValueSeries ChartTally::valueSeries() const {
    ValueSeries out;
    out.period = m_period;
    out.looseSum = m_loose.sum;
    out.looseEvents = qint64(m_loose.count);
    QHash<qint64, double> sums;
    qint64 first = kNoDay, last = kNoDay;
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        const qint64 key = it.key().first;
        sums[key] += it->sum;
        if (first == kNoDay || key < first) {
            first = key;
            out.unit = it->label; // the unit of the earliest period's values
        }
        if (last == kNoDay || key > last)
            last = key;
    }
    if (first == kNoDay)
        return out;
    out.buckets = bucketsBetween(kDayZero.addDays(first), kDayZero.addDays(last), out.period);
    for (const PeriodBucket& b : out.buckets)
        out.sums << sums.value(kDayZero.daysTo(b.first));
    return out;
}

QList<Ranked> ChartTally::ranking(int limit) const {
    QList<Ranked> out;
    for (const Cell& c : m_cells)
        out.append({c.id, c.label, qint64(c.count)});
    std::sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) {
        if (a.events != b.events)
            return a.events > b.events;
        if (a.name != b.name)
            return byBytes(a.name, b.name);
        return a.id < b.id;
    });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

ReliabilityShare ChartTally::reliability() const {
    ReliabilityShare out;
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        const auto n = qint64(it->count);
        const QString& grade = it.key().second;
        if (it.key().first == 0) {
            out.unsourced += n;
            continue;
        }
        if (auto r = reliabilityFromLetter(grade.isEmpty() ? QChar() : grade.at(0)))
            out.grades[size_t(*r)] += n;
    }
    return out;
}

Result<PeriodCounts> eventsPerPeriod(SqliteDatabase& db, const FilterCriteria& filter,
                                     ChartPeriod period) {
    auto t = ChartTally::load(db, filter, {ChartKind::EventsPerPeriod, period, {}});
    if (!t)
        return t.error();
    return t.value().periodCounts();
}

Result<ValueSeries> valueOverTime(SqliteDatabase& db, const FilterCriteria& filter,
                                  const QString& name, ChartPeriod period) {
    auto t = ChartTally::load(db, filter, {ChartKind::ValueOverTime, period, name});
    if (!t)
        return t.error();
    return t.value().valueSeries();
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
    const ChartKind kind = by == RankBy::Actor   ? ChartKind::TopActors
                           : by == RankBy::Place ? ChartKind::TopPlaces
                                                 : ChartKind::TopSources;
    auto t = ChartTally::load(db, filter, {kind, ChartPeriod::Auto, {}});
    if (!t)
        return t.error();
    return t.value().ranking(limit);
}

Result<ReliabilityShare> reliabilityShare(SqliteDatabase& db, const FilterCriteria& filter) {
    auto t = ChartTally::load(db, filter, {ChartKind::Reliability, ChartPeriod::Auto, {}});
    if (!t)
        return t.error();
    return t.value().reliability();
}

} // namespace caseatlas
