#pragma once

#include "domain/eventmerge.h"

#include "core/result.h"
#include "store/casefile.h"
#include "store/rowsnapshot.h"

#include <functional>
#include <optional>

namespace caseatlas {

// A row the importer could not take: where it is and what is wrong with it.
struct ImportProblem {
    qint64 line = 0;
    int column = 0; // 1-based; 0 for the whole row
    QString columnName;
    QString message;
    // What `line` counts when it is not lines of text: "feature" (a GIS layer), "event" (a
    // JSON list).
    QString unit;
    // "file:line:column (name): message", or "file: feature N, column (name): message"
    QString text(const QString& file) const;
};

// The first problems of a refused import, one a line, then "… and N more." when there are more.
QString firstProblems(const QList<ImportProblem>& problems, const QString& path);

// How the day and month of a numeric date such as 03/04/2023 are ordered. `Auto` takes EDTF and
// ISO dates, dates with month names, and numeric dates whose order is plain (13/04/2023); an
// ambiguous one is a problem that asks for the order.
enum class DateOrder { Auto, DayMonthYear, MonthDayYear, YearMonthDay };

// How "a/b/yyyy" is ordered: the order chosen (day-month or month-day), else the one its numbers
// make plain (a day over 12, or both equal); nothing when both are 12 or less and differ.
std::optional<DateOrder> dayMonthOrder(int a, int b, DateOrder order);

// A two-digit year as spreadsheets write it ("9-May-20"): the latest year with those digits that
// is not after next year.
int fullYear(int twoDigits);

struct ImportOptions {
    bool skipBadRows = false; // otherwise one bad row aborts the whole import
    // (rows read, rows in all, as far as known); return false to cancel, leaving the case as it
    // was.
    std::function<bool(qint64, qint64)> progress;
    QString who; // for the custody log
    // An import of at least this many new events into an empty case, in a transaction of its
    // own, commits with only the unique indexes; the lookup indexes are left for
    // buildMissingIndexes (caseindexes.h) straight after, and the report says so.
    qint64 deferIndexesFrom = 100000;
    // A spreadsheet's, TimelineJS or Timeline file's dataset to update (see scopeBatch); empty:
    // its records are new events of a dataset of their own. ACLED and UCDP ids are global.
    QString dataset;
    // Works out what the import would do (the report, with its changes and conflicts) and
    // writes nothing.
    bool preview = false;
    // ACLED and UCDP: how numeric dates are ordered, for a file a spreadsheet re-saved
    // ("5/9/2020"); spreadsheets have theirs in their ColumnMapping.
    DateOrder dateOrder = DateOrder::Auto;
};

// What an import does to one event (a preview lists them).
struct ImportChange {
    qint64 line = 0;
    QString title;
    bool added = false; // a new event; otherwise these fields of an existing one change
    QStringList fields;
};

struct ImportReport {
    qint64 added = 0, changed = 0, unchanged = 0, skipped = 0;
    QList<ImportProblem> problems; // the bad rows (all of them when skipped; the first ones
                                   // when aborted)
    QStringList notes;             // worth knowing, not wrong: places not found, …
    bool indexesPending = false;   // see ImportOptions::deferIndexesFrom
    QString dataset;               // the dataset imported (ImportMemory)
    // Events the file updates, field by field: both changed one apart since the file was last
    // imported (kept as in the case), what changes (the first kMaxListedChanges), and events
    // deleted in CaseAtlas that the file still has (not brought back).
    QList<ImportConflict> conflicts;
    QList<ImportChange> changes;
    qint64 keptDeleted = 0;
    static constexpr qsizetype kMaxListedChanges = 1000;
};

// ACLED event data as exported from acleddata.com, in either column layout (the current one,
// and the older one with data_id / event_id_no_cnty / iso3) and either date format
// ("2023-11-12" or "12 November 2023"). Each row becomes an event: time_precision gives the
// EDTF precision, geo_precision the location precision, actor1/assoc_actor_1/actor2/
// assoc_actor_2 actors with roles, `source` (split on ";") sources and citations, notes the
// description, fatalities a value, event_type and the tags column tags. Events are keyed by
// event_id_cnty: importing a newer export updates the events that changed.
// All rows are checked before anything is written; the import is one transaction, recorded
// in the custody log with the file's SHA-256.
// Inside the caller's transaction when there is one; `created` (when given) receives the scope
// of every record it made, for undo.
Result<ImportReport> importAcled(CaseFile& file, const QString& path,
                                 const ImportOptions& options = {}, Scope* created = nullptr);

// UCDP Georeferenced Event Dataset (GED) CSV: date_start/date_end with date_prec (1 the day,
// 2–3 within a week, 4 the month, 5 the year), where_prec (1 exact … 7 only the country or
// worse) as location precision, side_a/side_b as actors, best/low/high as values (deaths),
// source_article (split on ";") as sources with citations, where_description, adm_1 and country
// for the place, type_of_violence as a tag. Keyed by the GED id, so a newer version updates.
Result<ImportReport> importUcdp(CaseFile& file, const QString& path,
                                const ImportOptions& options = {}, Scope* created = nullptr);

// The event UUIDs an ACLED (or UCDP) file's ids stand for, as the import gives them, so that
// the events an import will update can be recorded for undo beforehand.
Result<QStringList> datasetEventUuids(const QString& path, bool ucdp);

} // namespace caseatlas
