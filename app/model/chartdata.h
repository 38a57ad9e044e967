#pragma once

#include "model/casefilter.h"

#include <QDate>
#include <QStringList>

#include <array>

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

// An event's place in time for choosing a chart's period: its earliest possible moment, or its
// latest when it has no start ("before 5 Jan 2024"). An event is counted in a period only when
// its whole interval lies in it (see PeriodCounts::loose).
QString eventAnchorSql(); // an SQL expression over `events e`

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

} // namespace caseatlas
