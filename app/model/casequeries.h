#pragma once

#include "core/result.h"
#include "model/casefilter.h"
#include "store/importmemory.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariantList>

#include <optional>

namespace caseatlas {

class SqliteDatabase;

// What the views read from a case, so that no widget sees a table or writes a query: the
// events a filter lets through, counts, the rows of the event list, what a note can link to,
// how much each source is used, and a layer's attribute table. Each call is one read of the
// file as it is now.
class CaseQueries {
public:
    explicit CaseQueries(SqliteDatabase& db)
        : m_db(db) {}

    // All events, or those the filter lets through.
    Result<qint64> eventCount(const FilterCriteria& filter = {});
    // Events with no citation.
    Result<qint64> unsourcedEventCount();
    Result<QSet<qint64>> filteredEvents(const FilterCriteria& filter);

    // One row of the event list: its date as written (start – end), text columns as shown.
    struct EventRow {
        qint64 id = 0;
        QString date, title, place, tags, status;
        int sources = 0;
        qint64 earliest = 0, latest = 0;
        quint8 qualifiers = 0; // FuzzyDate::Qualifier of the start and end
    };
    // The first `limit` events the filter lets through, in time order. Titles are cut to 1,000
    // characters: a hostile title of megabytes would be laid out at every repaint.
    Result<QList<EventRow>> eventRows(const FilterCriteria& filter, int limit);
    // The rows that follow `after` in that order (after.earliest, after.latest, after.id).
    Result<QList<EventRow>> eventRowsAfter(const FilterCriteria& filter, const EventRow& after,
                                           int limit);
    // One event's row, when it exists and the filter lets it through.
    Result<std::optional<EventRow>> eventRow(const FilterCriteria& filter, qint64 id);

    // The events that involve an actor, happen at a place (where, from or to), or cite a source.
    enum class Involving { Actor, Place, Source };
    Result<QList<qint64>> eventsInvolving(Involving what, qint64 id);

    // What a note can link to: kind ("event", "actor", "place", "source"), id and current name.
    struct LinkTarget {
        QString kind;
        qint64 id = 0;
        QString name;
    };
    Result<QList<LinkTarget>> linkTargets(int limit);

    // How many events cite each source and how many files are attached to it, by source id.
    struct SourceUse {
        qint64 events = 0, attachments = 0;
    };
    Result<QHash<qint64, SourceUse>> sourceUse();

    // The datasets imported before, which an import can update.
    Result<QList<ImportMemory::Dataset>> importedDatasets();

    // A layer's attribute table: how many features, its columns (fid, then its fields) and a
    // page of rows in fid order.
    Result<qint64> layerFeatureCount(const QString& table);
    Result<QStringList> layerColumns(const QString& table);
    Result<QList<QVariantList>> layerRows(const QString& table, const QStringList& columns,
                                          qint64 offset, int limit);

private:
    SqliteDatabase& m_db;
};

} // namespace caseatlas
