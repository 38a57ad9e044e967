#pragma once

#include "core/result.h"
#include "domain/savedview.h"
#include "store/casefilter.h"

#include <functional>

namespace caseatlas {

class CaseDocument;

// Who an export is for. `public` drops confidential records and internal fields, replaces
// protected persons by stable pseudonyms (in every text, aliases included) and coarsens the
// coordinates of internal events to a grid; `internal` drops confidential records; `full`
// keeps everything.
enum class ExportProfile { Public, Internal, Full };
QString exportProfileKey(ExportProfile p);
std::optional<ExportProfile> exportProfileFromKey(const QString& key);

enum class ExportFormat { Csv, GeoJson, Kml, TimelineJs, Markdown, Html, CslJson };
QString exportFormatKey(ExportFormat f); // "csv", "geojson", "kml", "timelinejs", "markdown", …
std::optional<ExportFormat> exportFormatFromKey(const QString& key);
// The format a file name suggests ("case.geojson" → GeoJSON).
std::optional<ExportFormat> exportFormatForPath(const QString& path);

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    ExportProfile profile = ExportProfile::Internal;
    std::optional<FilterCriteria> filter; // only these events (a saved view's filter)
    double gridDegrees = 0.1;             // public: internal events' coordinates snapped to this
    QString who;                          // for the custody log
    // (events done, events in all); return false to cancel: no file is written and nothing is
    // logged.
    std::function<bool(qint64, qint64)> progress;
};

// The events of a saved view: its filter and time range.
FilterCriteria filterOfView(const SavedView& view);

struct ExportReport {
    qint64 events = 0, sources = 0, notes = 0;
    qint64 withheld = 0; // records left out by the profile
};

// Writes the case (or the filtered events) in a format others open, all or nothing (the file
// appears complete or not at all), and records the export in the custody log.
Result<ExportReport> exportCase(CaseDocument& document, const QString& path,
                                const ExportOptions& options);

} // namespace caseatlas
