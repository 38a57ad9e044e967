#pragma once

#include "domain/event.h"
#include "domain/eventmerge.h"
#include "domain/source.h"
#include "io/eventimport.h"
#include "store/rowsnapshot.h"

#include <QColor>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace caseatlas {

// Imports of the smaller, hand-made formats: spreadsheets (CSV, TSV, XLSX, ODS) and GIS point
// layers with a column mapping, TimelineJS (the Google Sheet template and its JSON) and the
// desktop app Timeline's .timeline XML. Each reader turns a file into an ImportBatch (records
// and the problems of its bad rows, with lines and columns); importBatch() writes a batch in one
// transaction, or nothing. One file per part: tablereader.cpp (spreadsheets and GIS tables,
// column mappings), timelinejsreader.cpp, timelinexmlreader.cpp, batchwriter.cpp (scopeBatch,
// importBatch), importsupport.cpp (what they share; dates), recordimport.cpp (formats, readBatch
// and importFile: the pipeline from a path to a written batch).

struct ImportedSource {
    QString title, url, publisher;
    // What CaseAtlas's GeoJSON also carries: of the source, its grade and archived copy; of the
    // citation, where in the source and what it says (an event citing one source at two places
    // keeps both citations).
    QString archiveUrl;
    std::optional<Reliability> reliability;
    QString locator, quote;
    std::optional<int> credibility;
    bool cited = false; // the file gives the citation itself: its locator, even empty, is kept
};

struct ImportedEvent {
    qint64 line = 0; // where the record starts in its file (a row, a feature, an element)
    // The event's id: records with the same one update the event. A UUID the file gives (a
    // CaseAtlas export's) is the event's own; any other id is the record's key within its
    // dataset, and the UUID is made from both (scopeBatch).
    QString uuid;
    QString recordKey;
    QString title, description;
    QString startEdtf, endEdtf;
    QString placeName;
    std::optional<GeoPoint> point;
    LocationPrecision precision = LocationPrecision::Unknown;
    std::optional<EventStatus> status;
    std::optional<Sensitivity> sensitivity;
    QStringList tags;
    QList<std::pair<QString, QString>> actors; // name, role
    QList<ImportedSource> sources;
};

struct ImportedEra {
    QString name, spanEdtf;
    QColor color;
};

struct ImportBatch {
    QString format; // "TimelineJS", "Timeline", "spreadsheet", … for messages and the log
    QString title;  // the file's own title, when it has one
    QList<ImportedEvent> events;
    QList<ImportedEra> eras;
    QList<ImportProblem> problems;
    qint64 badRecords = 0;
    bool resolvePlaces = true; // look place names without coordinates up in the gazetteer
    ImportFields fields = kAllImportFields; // what its records give (an update changes no other)
    QString dataset;   // the dataset its record keys belong to, once scoped (scopeBatch)
    QStringList notes; // worth knowing, not wrong (media kept only as text, …): to the report
};

// (DateOrder: eventimport.h)
QString dateOrderKey(DateOrder o); // "auto", "dmy", "mdy", "ymd"
std::optional<DateOrder> dateOrderFromKey(const QString& key);

// A date as written in a spreadsheet or a GIS attribute, as EDTF ("2023-11-12",
// "12 November 2023", "Nov 2023", "2023/11/12 10:30", "12/11/2023" with an order, or EDTF).
Result<QString> edtfFromText(const QString& text, DateOrder order = DateOrder::Auto);

// Which column holds what. Fields: id, title, description, start, end, place, longitude,
// latitude, tags, actors, source_url, source_title, status, sensitivity, location_precision.
struct ColumnMapping {
    QHash<QString, QString> columns; // field → column name
    DateOrder startOrder = DateOrder::Auto, endOrder = DateOrder::Auto;
    QString separator = QStringLiteral(";"); // between tags, actors and sources in one cell
    bool resolvePlaces = true;               // place names without coordinates: the gazetteer

    static const QStringList& fields();
    static QString fieldLabel(const QString& field);
    QString column(const QString& field) const { return columns.value(field); }
    QJsonObject toJson() const;
    static Result<ColumnMapping> fromJson(const QJsonObject& json);
};

// A table read from a spreadsheet or a GIS layer: its column names and rows of text.
struct ImportTable {
    struct Row {
        qint64 line = 0;   // the row's line (CSV), row number (XLSX, ODS) or feature number
        QStringList cells; // as many as the row had (a CSV row may be short or long)
        std::optional<GeoPoint> point; // the feature's point (a centroid for lines and areas)
        QList<int> invalidUtf8;        // cells whose bytes were not UTF-8
    };
    QString format; // "CSV", "XLSX", "ODS", "GeoJSON", …
    QStringList columns;
    QList<Row> rows;
    QStringList layers; // every layer of the file; `layer` is the one read
    QString layer;
    bool hasGeometry = false;
};

struct TableOptions {
    QString encoding;    // of a CSV/TSV file without a byte order mark: "UTF-8" (default),
                         // "UTF-16LE", "windows-1252", "ISO-8859-1", "GB18030", … (iconv names)
    QString layer;       // default: the first layer with rows
    qint64 maxRows = -1; // a preview reads only the first rows
    // (done, total) in bytes or features as the rows are read; return false to stop (the read
    // fails with "cancelled").
    std::function<bool(qint64, qint64)> progress;
};

// Reads a spreadsheet (CSV, TSV, XLSX, ODS) or a GIS layer (GeoJSON, KML, KMZ, GeoPackage,
// Shapefile, GPX) as text. CSV is read here so that lines are exact and encodings explicit;
// everything else through GDAL, with only these drivers allowed.
Result<ImportTable> readTable(const QString& path, const TableOptions& options = {});

// A first guess at the mapping from the columns' names (CaseAtlas's own CSV and GeoJSON map
// completely).
ColumnMapping guessMapping(const QStringList& columns);

// The table's rows as events by the mapping. An id column that holds UUIDs gives them as they
// are; other ids (or, without an id column, each row's title and date) are the records' keys in
// their dataset (scopeBatch), so importing a newer copy of the file as an update of it updates
// its events.
ImportBatch mapTable(const ImportTable& table, const ColumnMapping& mapping,
                     const std::function<void(qint64, qint64)>& progress = {});

// TimelineJS's Google Sheet template as CSV/XLSX/ODS (Year, Month, Day, Time, End Year, …,
// Headline, Text, Media, Media Credit, Media Caption, Group, Type).
ImportBatch readTimelineJsSheet(const ImportTable& table);
// TimelineJS JSON: title, events and eras.
Result<ImportBatch> readTimelineJsJson(const QString& path);
// The desktop app Timeline's .timeline XML: events, categories as tags, eras, fuzzy dates as
// approximate, containers as a tag on their events.
Result<ImportBatch> readTimelineXml(const QString& path);

// Gives the batch its dataset and its records their event UUIDs within it: the dataset to update
// (`options.dataset`: an id or a file's name, as ImportMemory lists them; a file imported before
// datasets were kept is named by its file name), or a new one. Two unrelated files never share
// ids, however alike their id columns.
Status scopeBatch(SqliteDatabase& db, const QString& path, ImportBatch& batch,
                  const ImportOptions& options);

// Writes a batch: one transaction, the bad records reported (and skipped when the options say
// so, otherwise nothing is written), places found by name or in the gazetteer, actors and
// sources by name (sources by URL when they have one), events with the same id updated, and a
// custody-log entry with the file's SHA-256.
// Inside the caller's transaction when there is one; `created` (when given) receives the scope
// of every record it made, for undo.
Result<ImportReport> importBatch(CaseFile& file, const QString& path, const ImportBatch& batch,
                                 const ImportOptions& options = {}, Scope* created = nullptr);

// Every format the import command and the import dialog take.
enum class ImportFormat { Acled, Ucdp, Spreadsheet, Points, TimelineJs, Timeline };
QString importFormatKey(ImportFormat f); // "acled", "ucdp", "spreadsheet", "points", …
std::optional<ImportFormat> importFormatFromKey(const QString& key);
// The format a file's name and first bytes suggest (ACLED and UCDP by their header).
std::optional<ImportFormat> guessImportFormat(const QString& path);

struct ImportRequest {
    ImportFormat format = ImportFormat::Spreadsheet;
    std::optional<ColumnMapping> mapping; // spreadsheets and points; default: guessMapping()
    TableOptions table;
};
// Reads a spreadsheet, GIS layer, TimelineJS or Timeline file as the request says (the mapping
// guessed when not given; `mapped` follows the mapping of a table's rows). Not for ACLED and
// UCDP, which are checked as they are written.
Result<ImportBatch> readBatch(const QString& path, const ImportRequest& request,
                              const std::function<void(qint64, qint64)>& mapped = {});
// Reads `path` as the request says and imports it.
Result<ImportReport> importFile(CaseFile& file, const QString& path, const ImportRequest& request,
                                const ImportOptions& options = {});

} // namespace caseatlas
