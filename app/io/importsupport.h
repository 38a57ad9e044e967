#pragma once

// What the record readers (tablereader, timelinejsreader, timelinexmlreader) and the batch
// writer share: ids, dates and text as files give them, the problems of bad rows, and the
// checks every batch passes before it is written. Internal to io/.

#include "io/recordimport.h"

#include <QByteArray>
#include <QColor>
#include <QJsonArray>

#include <optional>

namespace caseatlas::importing {

// A record's id: a UUID (a CaseAtlas export's) is the event's own; anything else is the
// record's key within its dataset (scopeBatch makes the UUID).
void setRecordId(ImportedEvent& e, const QString& id);

// A record's event UUID within its dataset. (Before datasets were kept, the dataset was the
// file's name, so that a file imported then is updated by naming it.)
QString datasetRecordUuid(const QString& dataset, const QString& key);

int monthOf(const QString& word);

QString day(int y, int m, int d);

// HTML as plain text: line breaks and paragraphs kept, tags dropped, entities read.
QString plainText(QString html);

QStringList splitCell(const QString& cell, const QString& separator);

// Reports problems of one record: its line, and the column by name.
struct ProblemSink {
    ImportBatch& batch;
    const QStringList& columns;
    qint64 line = 0;
    QString unit; // see ImportProblem::unit
    bool bad = false;
    void operator()(const QString& column, const QString& message) {
        const int index = int(columns.indexOf(column));
        batch.problems.append({line, index >= 0 ? index + 1 : 0, column, message, unit});
        bad = true;
    }
};

void checkPoint(const std::optional<GeoPoint>& p, ProblemSink& problem, const QString& lonColumn,
                const QString& latColumn);

// A whole file, after the checks every import makes of its path.
Result<QByteArray> readFileBytes(const QString& path);

// Reads a whole text file into UTF-8: a byte order mark says UTF-8 or UTF-16; otherwise the
// declared encoding (through iconv), or UTF-8 (each cell is checked as the rows are read).
Result<QByteArray> readUtf8(const QString& path, const QString& encoding);

// "Name (role)" as a name and a role.
std::pair<QString, QString> actorWithRole(const QString& text);

// A JSON array of objects in a cell (CaseAtlas's GeoJSON writes actors and sources so).
std::optional<QJsonArray> jsonArray(const QString& cell);

QString tidyTitle(const QString& text);

// CaseAtlas's KML lists an event's sources at the end of its description, one "Source: title
// URL" line each.
void takeSourceLines(QString& description, QList<ImportedSource>& sources);

// Records without an id of their own get a key from their title and date (and their order
// among records that share those), so that importing the same file again updates instead of
// doubling.
// Takes out the records the case would refuse (the checks every write makes: a title, dates
// that parse, an end after the start, a point on the globe, sources with a title and valid
// addresses), each a problem at its own line, so that no row-level problem is found only while
// writing, where it would abort an import of the rows that can be taken.
void rejectInvalidRecords(ImportBatch& batch, const QString& unit);

void assignContentIds(ImportBatch& batch);

// What every reader does last.
void finishBatch(ImportBatch& batch, const QString& unit = {});

// A title for an event TimelineJS shows without a headline: the start of its text.
QString untitled(const ImportedEvent& e);

QColor rgbColor(const QString& text);

} // namespace caseatlas::importing
