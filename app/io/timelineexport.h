#pragma once

#include "render/timelinerenderer.h"

#include <optional>

namespace caseatlas {

// Writes a timeline picture: PNG (at a chosen DPI), SVG or PDF, chosen by the file's suffix.
// The same renderer as the screen; vector formats stay vector.
Status writeTimelinePicture(const TimelineRenderer& renderer, const TimelineViewport& viewport,
                            const TimelineScene& scene, QSize size, const QString& path,
                            double dpi = 96);

struct TimelineExportOptions {
    QSize size{1600, 900};
    double dpi = 96;
    std::optional<qint64> from; // default: every event
    std::optional<qint64> to;
    LaneGrouping lanes = LaneGrouping::Tag;
};

// `caseatlas render-timeline`: the whole case (or a time range) as a picture.
Status writeTimelineFile(SqliteDatabase& db, const QString& path,
                         const TimelineExportOptions& options);

// The scene for a case: its eras, and its tags' own colours when lanes are tags.
Result<TimelineScene> caseTimelineScene(SqliteDatabase& db, const TimeIndex& index);

} // namespace caseatlas
