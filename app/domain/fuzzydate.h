#pragma once

#include "core/result.h"

#include <QDate>

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <compare>
#include <cstdint>
#include <limits>

namespace caseatlas {

// A date as honest as its source: an EDTF (ISO 8601-2, levels 0 and 1) string such as
// "2023", "2023-11?", "2023-11~", "201X", "2023-21" (spring), "2023-10-27/2024-01-05",
// "../2024-01" (open start) or "2023-10/" (unknown end). Every date normalises to an
// interval [earliest, latest] in seconds since 1970-01-01T00:00:00Z (proleptic Gregorian,
// astronomical year numbering: year 0 is 1 BC), which sorting, filtering and drawing use.
//
// Approximate ("~") dates also have a wider "possible" interval: the stated interval
// widened by its own width on each side (about a year either way for "2023~", a day for
// "2023-11-12~"). Uncertain ("?") dates keep their interval; the flag says the source may be
// wrong. Times without a zone are taken as UTC.
class FuzzyDate {
public:
    static constexpr qint64 Unbounded = std::numeric_limits<qint64>::max();
    static constexpr qint64 UnboundedPast = std::numeric_limits<qint64>::min();

    enum class Precision : quint8 {
        Millennium,
        Century,
        Decade,
        Year,
        Season,
        Month,
        Day,
        Minute,
        Second
    };
    // How one end of an interval is given: a date, ".." (open: no limit) or "" (unknown).
    enum class End : quint8 { Date, Open, Unknown };

    struct Point {
        qint64 year = 0;
        int month = 0;  // 1..12, 0 when not given
        int season = 0; // 21..24 (spring, summer, autumn, winter), 0 when not given
        int day = 0;    // 1..31, 0 when not given
        int hour = 0, minute = 0, second = 0;
        int tzOffsetMinutes = 0;
        quint8 unspecifiedYearDigits = 0; // "201X" → 1, "20XX" → 2
        bool monthUnspecified = false;    // "2004-XX"
        bool dayUnspecified = false;      // "1985-04-XX"
        bool hasTime = false, hasSeconds = false, hasZone = false, zoneIsZ = false;
        bool yearPrefixed = false; // "Y170000002"
        bool uncertain = false, approximate = false;
        Precision precision = Precision::Year;
        qint64 earliest = 0, latest = 0;
    };

    FuzzyDate() = default; // invalid (no date)

    static Result<FuzzyDate> parse(QStringView text);
    // An exact day or an exact instant, for code that knows the value.
    static FuzzyDate fromDay(int year, int month, int day);
    static FuzzyDate fromSeconds(qint64 secondsUtc);

    bool isValid() const { return m_valid; }
    bool isInterval() const { return m_interval; }
    bool isUncertain() const;
    bool isApproximate() const;
    End startEnd() const { return m_startEnd; }
    End endEnd() const { return m_endEnd; }
    const Point& start() const { return m_start; }
    const Point& end() const { return m_end; } // meaningful only for intervals with a dated end
    // The finest precision of the dated ends.
    Precision precision() const;

    // What a reader must be told besides the interval, decided here for every view — table,
    // timeline, charts, briefing and exports: "?" uncertain, "~" approximate ("%" both), an open
    // ("..") or unknown end. Unspecified digits ("201X") are a precision (the 2010s), not a
    // qualifier, as "2023" is a year and not an uncertain day.
    enum Qualifier : quint8 { Uncertain = 1, Approximate = 2, OpenStart = 4, OpenEnd = 8 };
    quint8 qualifiers() const;
    // The same for an event's stored EDTF texts (its start and its end, or ""), without parsing
    // them: equal to the parsed dates' qualifiers OR-ed (tst_fuzzydate holds it).
    static quint8 qualifiersOf(QByteArrayView startEdtf, QByteArrayView endEdtf = {});
    static quint8 qualifiersOf(const FuzzyDate& start, const FuzzyDate& end);
    // "uncertain", "approximate", "open start", "open end", in that order: as exports write
    // them (qualifierKeys) and translated for the window (qualifierWords).
    static QStringList qualifierKeys(quint8 qualifiers);
    static QStringList qualifierWords(quint8 qualifiers);

    // The calendar period an interval lies in whole — the day, the week (from Monday), the month
    // or the year that holds both its earliest and its latest moment — as that period's first
    // day; invalid when the interval is wider or open. Charts and briefings count an event in a
    // period only through this (chartdata's SQL follows the same rule; tst_charts holds it).
    enum class Period : quint8 { Day, Week, Month, Year };
    // The times periods are counted in: years 1 … 9999 ([first, end), seconds).
    static constexpr qint64 PeriodsFirst = -62135596800, PeriodsEnd = 253402300800;
    static QDate periodHolding(qint64 earliest, qint64 latest, Period period);

    // The stated interval; UnboundedPast/Unbounded for open or unknown ends.
    qint64 earliest() const { return m_earliest; }
    qint64 latest() const { return m_latest; }
    // The interval the event could fall in, widened for approximate dates.
    qint64 possibleEarliest() const;
    qint64 possibleLatest() const;

    // Entirely inside [from, to] (inclusive) by its stated interval.
    bool certainlyWithin(qint64 from, qint64 to) const;
    // Overlaps [from, to] by its possible interval.
    bool possiblyWithin(qint64 from, qint64 to) const;

    // The same date moved by about `seconds`, in whole units of its own precision (a month-precise
    // date moves by whole months), qualifiers and open ends kept. Invalid if it leaves the
    // calendar.
    FuzzyDate shifted(qint64 seconds) const;

    QString toEdtf() const;          // canonical EDTF text
    QString toDisplayString() const; // short human text: "Nov 2023?", "c. 2023", "before Jan 2024"

    // Orders by earliest, then latest, then text: a stable sort for timelines.
    std::strong_ordering operator<=>(const FuzzyDate& other) const;
    bool operator==(const FuzzyDate& other) const;

    // Calendar helpers (proleptic Gregorian, astronomical years).
    static qint64 daysFromCivil(qint64 year, int month, int day);
    static void civilFromDays(qint64 days, qint64& year, int& month, int& day);
    static int daysInMonth(qint64 year, int month);
    static qint64 secondsFromCivil(qint64 year, int month, int day, int h = 0, int m = 0,
                                   int s = 0);
    // "2023-11-12T14:30:00Z" for years 1..9999, empty otherwise (GeoPackage DATETIME text).
    static QString isoUtc(qint64 seconds);
    // The same as GeoPackage's DATETIME wants it, with milliseconds: "2023-11-12T14:30:00.000Z"
    // (GDAL and QGIS warn about any other form on every read).
    static QString gpkgDateTime(qint64 seconds);

private:
    bool m_valid = false;
    bool m_interval = false;
    End m_startEnd = End::Date;
    End m_endEnd = End::Date;
    Point m_start;
    Point m_end;
    qint64 m_earliest = 0;
    qint64 m_latest = 0;
};

} // namespace caseatlas
