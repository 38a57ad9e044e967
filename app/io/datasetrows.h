#pragma once

// What the readers of event datasets (acledimport.cpp, ucdpimport.cpp) share with the pipeline
// that writes them (datasetimport.cpp): a row as read and checked, the fields' parsers, and the
// pipeline itself. Internal to io/.

#include "io/csvreader.h"
#include "io/eventimport.h"

#include <QByteArrayView>
#include <QHash>

#include <functional>
#include <initializer_list>
#include <vector>

namespace caseatlas::datasets {

enum class DateRead { Ok, Bad, Ambiguous };

// A day as ACLED writes it ("2023-11-12", "12 November 2023") or as a spreadsheet re-saves it
// ("9-May-20", "09-May-2020", "9 May 2020", "5/9/2020" or "5/9/20" in the order given,
// "2020/05/09") → year, month, day. A numeric date whose order the file does not make plain (both
// numbers 12 or less, and no order given) is Ambiguous.
DateRead parseAcledDate(QByteArrayView text, int& y, int& m, int& d, DateOrder order);
// The problem of a date ACLED or UCDP gives that cannot be read.
QString dateProblem(QByteArrayView text, DateRead read);
// A run of ASCII digits as a number; false when empty or anything else is in it.
bool digits(QByteArrayView v, int& out);
bool parseNumber(QByteArrayView v, double& out);
QString text(QByteArrayView v);
// The items of a "a; b; c" cell, trimmed, without repeats (views into the cell).
void splitList(QByteArrayView v, QList<QByteArrayView>& out);

struct Value {
    const char* name;
    double value;
    const char* unit;
};

// One row of an event dataset as read and checked, on the reading thread. Text is UTF-8, as
// views into the mapped file where it can be (the file stays mapped until the import is over)
// and copies in `owned` where the CSV had to unescape it.
struct RawRow {
    qint64 line = 0;
    QByteArrayView eventId, description, titleHead, location, admin1, country;
    const char* titleJoin = "";
    QByteArray uuid, edtf, endEdtf;
    double lat = 0, lon = 0;
    LocationPrecision precision = LocationPrecision::Unknown;
    QList<QByteArrayView> tags, sources;
    QList<std::pair<QByteArrayView, const char*>> actors; // name, role
    QList<Value> values;
    std::vector<QByteArray> owned;
    // Empty again for the next row; the lists keep their storage (a row's worth of allocations
    // saved a million times over in a large import).
    void reset();
};

// A dataset's header: the columns' names and their positions by lower-case name.
struct Columns {
    QHash<QByteArray, int> index;
    QStringList names;
    int at(const char* name) const { return index.value(name, -1); }
};
// Says what is wrong with the current row, in one column (-1: the whole row).
using Problem = std::function<void(int column, const QString& message)>;
// Reads the current row (its width and UTF-8 already checked) into an event row.
using RowReader = std::function<void(CsvReader&, RawRow&, const Problem&)>;

// A stable id for a dataset's event: a version 5 UUID in the URL namespace of `base` + id.
QByteArray datasetUuid(const char* base, QByteArrayView eventId);
// The same into `out` (36 characters; its buffer kept from row to row).
void datasetUuid(const char* base, QByteArrayView eventId, QByteArray& out);
// Latitude and longitude, checked for their ranges.
void readCoordinates(CsvReader& csv, int cLat, int cLon, RawRow& r, const Problem& problem);
QByteArray isoDay(int y, int m, int d);

// The pipeline shared by the event datasets (see datasetimport.cpp). `label` names the dataset
// in locators and the custody log, `what` in messages ("an ACLED export"); `required` are the
// columns it must have; `makeReader` turns the header into the dataset's row reader.
Result<ImportReport> importDataset(CaseFile& file, const QString& path, const ImportOptions& o,
                                   const QString& label, const QString& what,
                                   std::initializer_list<const char*> required,
                                   const std::function<RowReader(const Columns&)>& makeReader,
                                   Scope* created);

} // namespace caseatlas::datasets
