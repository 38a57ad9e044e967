#include "io/timelineexport.h"

#include "core/clock.h"
#include "io/picturefile.h"
#include "store/catalogrepository.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace caseatlas {

Status writeTimelinePicture(const TimelineRenderer& renderer, const TimelineViewport& viewport,
                            const TimelineScene& scene, QSize size, const QString& path,
                            double dpi) {
    return writePictureFile(path, size, dpi, u"CaseAtlas timeline"_s,
                            [&](QPainter& p) { renderer.paint(p, size, viewport, scene); });
}

Result<TimelineScene> caseTimelineScene(SqliteDatabase& db, const TimeIndex& index) {
    TimelineScene scene;
    CatalogRepository catalog(db);
    auto eras = catalog.eras();
    if (!eras)
        return eras.error();
    scene.eras = eras.value();
    if (index.grouping() == LaneGrouping::Tag) {
        auto tags = catalog.tags();
        if (!tags)
            return tags.error();
        for (const Tag& t : tags.value()) {
            const qsizetype lane = index.laneNames().indexOf(t.name);
            if (lane >= 0 && t.color.isValid())
                scene.laneColors.insert(int(lane), t.color);
        }
    }
    scene.now = Clock::nowUtc().toSecsSinceEpoch();
    return scene;
}

Status writeTimelineFile(SqliteDatabase& db, const QString& path, const TimelineExportOptions& o) {
    auto index = TimeIndex::load(db, o.lanes);
    if (!index)
        return index.error();
    auto scene = caseTimelineScene(db, index.value());
    if (!scene)
        return scene.error();
    qint64 from = 0, to = 0;
    if (!index.value().extent(from, to)) {
        const qint64 now = Clock::nowUtc().toSecsSinceEpoch();
        from = now - 365 * 86400;
        to = now;
    }
    const double margin = std::max(86400.0, double(to - from) * 0.03);
    const double start = o.from ? double(*o.from) : double(from) - margin;
    const double end = o.to ? double(*o.to) : double(to) + margin;
    if (end <= start)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "The time range ends before it starts."));
    TimelineStyle style;
    style.font.setPixelSize(12);
    style.laneToggles = false; // a picture: nothing to click
    TimelineRenderer renderer(index.value(), style);
    return writeTimelinePicture(renderer, renderer.viewportFor(o.size, start, end), scene.value(),
                                o.size, path, o.dpi);
}

} // namespace caseatlas
