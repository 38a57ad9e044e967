#pragma once

#include "model/casefilter.h"

#include <QDate>
#include <QHash>
#include <QMap>
#include <QStringList>

#include <array>
#include <functional>
#include <limits>

namespace caseatlas {

// What the charts show, read from the case under the shared filter. Each figure is an SQL
// aggregate, so a chart agrees with a direct query of the file.

enum class ChartPeriod { Auto, Day, Week, Month, Year };

// A stretch of time a bar stands for, with the EDTF dates that filter to it.
struct PeriodBucket {
    QDate first, last;
    QString label;
    QString fromEdtf, toEdtf;
};

// An event's place in time for choosing a chart's period is the day of its earliest possible
// moment, or of its latest when it has no start ("before 5 Jan 2024"). An event is counted in a
// period only when its whole interval lies in it (see PeriodCounts::loose).

// Events per period, stacked by lane (the event's first tag; "No tag" last).
struct PeriodCounts {
    ChartPeriod period = ChartPeriod::Month;
    QList<PeriodBucket> buckets;
    QStringList lanes;
    QList<QList<qint64>> counts; // [lane][bucket]
    // Events whose dates span more than one period ("2023?" in a chart of months) are counted
    // in none of them, but here; events with no bounded date at all, in `undated`.
    qint64 loose = 0;
    qint64 undated = 0;
};
Result<PeriodCounts> eventsPerPeriod(SqliteDatabase& db, const FilterCriteria& filter,
                                     ChartPeriod period = ChartPeriod::Auto);

// The sum of one numeric value (e.g. "fatalities", "people repatriated") per period.
struct ValueSeries {
    ChartPeriod period = ChartPeriod::Month;
    QList<PeriodBucket> buckets;
    QList<double> sums;
    QString unit;
    double looseSum = 0;    // the values of events dated more loosely than a period
    qint64 looseEvents = 0; // (or not at all): shown apart, not in a bar
};
Result<ValueSeries> valueOverTime(SqliteDatabase& db, const FilterCriteria& filter,
                                  const QString& name, ChartPeriod period = ChartPeriod::Auto);
Result<QStringList> valueNames(SqliteDatabase& db); // the names events carry, most used first

// Actors, places or sources by the number of events they are in.
enum class RankBy { Actor, Place, Source };
struct Ranked {
    qint64 id = 0;
    QString name;
    qint64 events = 0;
};
Result<QList<Ranked>> topBy(SqliteDatabase& db, const FilterCriteria& filter, RankBy by,
                            int limit = 10);

// Events by the best grade among the sources they cite (A best), and those citing none.
struct ReliabilityShare {
    std::array<qint64, 6> grades{}; // A … F
    qint64 unsourced = 0;
};
Result<ReliabilityShare> reliabilityShare(SqliteDatabase& db, const FilterCriteria& filter);

enum class ChartKind {
    EventsPerPeriod,
    ValueOverTime,
    TopActors,
    TopPlaces,
    TopSources,
    Reliability
};

struct ChartRequest {
    ChartKind kind = ChartKind::EventsPerPeriod;
    ChartPeriod period = ChartPeriod::Auto; // the kinds over time
    QString valueName;                      // ValueOverTime
};

// One chart's figures, kept up to date edit by edit. Loaded once by SQL aggregates grouped by
// what the chart shows (a period and lane, an actor, a grade: every figure a count or a sum),
// then an edit that names its events takes those events' share away before it writes and adds
// their new share after (both read inside the edit's transaction, restricted to those events),
// so a chart of a million events follows an edit by reading a few rows — and shows exactly what
// a fresh load would. The functions above are a load and a read of one of these.
class ChartTally {
public:
    static Result<ChartTally> load(SqliteDatabase& db, const FilterCriteria& filter,
                                   const ChartRequest& request);
    const ChartRequest& request() const { return m_request; }

    // Inside an edit's transaction: the events `ids` are about to be written, and were written
    // (these include the ones the edit created).
    void eventsAboutToChange(SqliteDatabase& db, const QList<qint64>& ids);
    void eventsWritten(SqliteDatabase& db, const QList<qint64>& ids);
    // The edit was saved and its notice names `ids`: its share is applied. False when the tally
    // cannot follow it — the edit was not seen whole, a read failed, or the chart's period
    // changes with it — and the chart must be loaded again.
    bool applyChange(const QList<qint64>& ids);

    PeriodCounts periodCounts() const;
    ValueSeries valueSeries() const;
    QList<Ranked> ranking(int limit) const;
    ReliabilityShare reliability() const;

    // One row of a chart's grouped query: events that share the days their earliest and
    // latest moments fall on (or have none: kNoDay) and a text (a lane, a grade; or none), or a
    // record's id (an actor, a place, a source); how many, the sum of their values, and a label
    // (a name, a unit).
    static constexpr qint64 kNoDay = std::numeric_limits<qint64>::min();
    struct Row {
        qint64 firstDay = kNoDay, lastDay = kNoDay, id = 0;
        QString text;
        bool hasText = false;
        double count = 0, sum = 0;
        QString label;
    };

private:
    // Runs the chart's query (`span`: the one for choosing its period), over `ids` or all.
    Status read(SqliteDatabase& db, bool span, const QList<qint64>* ids,
                const std::function<void(Row&&)>& row) const;
    Result<QList<Row>> readRows(SqliteDatabase& db, bool span, const QList<qint64>& ids) const;
    // The share of the events `ids` (what the chart counts of them and, for the value chart,
    // what its period follows); false when it could not be read.
    bool readShare(SqliteDatabase& db, const QList<qint64>& ids, QList<Row>& cells,
                   QList<Row>& span) const;
    void countForPeriod(const Row& row, double sign); // the inputs of choose()
    void countInChart(const Row& row, double sign);   // what the chart shows
    ChartPeriod choose() const;
    enum class Pending { None, Before, Written, Broken };

    ChartRequest m_request;
    FilterCriteria m_filter;
    ChartPeriod m_period = ChartPeriod::Month;
    // For choosing the period (kinds over time): events by the day they are anchored on, and
    // how many are counted in a period and how many are dated more loosely, for a day, a week
    // and a month.
    QMap<qint64, double> m_anchors;
    std::array<std::array<double, 2>, 3> m_precision{};
    // What the chart shows: per (period, lane) or per record or grade, its count, sum and
    // label; events in no period, and those with no date.
    struct Cell {
        double count = 0, sum = 0;
        QString label;
        qint64 id = 0;
    };
    QHash<std::pair<qint64, QString>, Cell> m_cells; // (period's first day or id, text)
    Cell m_loose, m_undated;
    Pending m_pending = Pending::None;
    QList<qint64> m_beforeIds, m_writtenIds;
    QList<Row> m_spanBefore, m_cellsBefore, m_spanAfter, m_cellsAfter;
};

} // namespace caseatlas
