#pragma once

#include "core/result.h"
#include "domain/savedview.h"
#include "domain/sensitivity.h"
#include "model/exportset.h"

#include <functional>

namespace caseatlas {

class CaseDocument;

enum class ExportFormat { Csv, GeoJson, Kml, TimelineJs, Markdown, Html, CslJson };
QString exportFormatKey(ExportFormat f); // "csv", "geojson", "kml", "timelinejs", "markdown", …
std::optional<ExportFormat> exportFormatFromKey(const QString& key);
// The format a file name suggests ("case.geojson" → GeoJSON).
std::optional<ExportFormat> exportFormatForPath(const QString& path);

struct ExportOptions : ExportScope {
    ExportFormat format = ExportFormat::Csv;
    QString who; // for the custody log
};

struct ExportReport {
    qint64 events = 0, sources = 0, notes = 0;
    qint64 withheld = 0; // records left out by the profile
};

// Writes the case (or the filtered events) in a format others open, all or nothing (the file
// appears complete or not at all), and records the export in the custody log.
Result<ExportReport> exportCase(CaseDocument& document, const QString& path,
                                const ExportOptions& options);

} // namespace caseatlas
