#include "io/timelineexport.h"

#include "core/clock.h"
#include "store/catalogrepository.h"

#include <QFileInfo>
#include <QPdfWriter>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace caseatlas {

Status writeTimelinePicture(const TimelineRenderer& renderer, const TimelineViewport& viewport,
                            const TimelineScene& scene, QSize size, const QString& path,
                            double dpi) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (size.width() < 200 || size.height() < 100 || size.width() > 20000 || size.height() > 20000)
        return makeError(ErrorCode::InvalidInput,
                         u"A timeline picture must be 200×100 to 20000×20000 pixels."_s);
    if (dpi < 24 || dpi > 1200)
        return makeError(ErrorCode::InvalidInput, u"The resolution must be 24 to 1200 DPI."_s);
    if (suffix == u"png") {
        const double scale = dpi / 96.0;
        QImage image(QSize(int(size.width() * scale), int(size.height() * scale)),
                     QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(int(dpi / 0.0254));
        image.setDotsPerMeterY(int(dpi / 0.0254));
        {
            QPainter p(&image);
            p.scale(scale, scale);
            renderer.paint(p, size, viewport, scene);
        }
        if (!image.save(path, "PNG"))
            return makeError(ErrorCode::Io, u"%1 could not be written."_s.arg(path));
        return {};
    }
    if (suffix == u"svg") {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(u"CaseAtlas timeline"_s);
        QPainter p;
        if (!p.begin(&svg))
            return makeError(ErrorCode::Io, u"%1 could not be written."_s.arg(path));
        renderer.paint(p, size, viewport, scene);
        if (!p.end())
            return makeError(ErrorCode::Io, u"%1 could not be written."_s.arg(path));
        return {};
    }
    if (suffix == u"pdf") {
        QPdfWriter pdf(path);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(u"CaseAtlas timeline"_s);
        pdf.setCreator(u"CaseAtlas"_s);
        QPainter p;
        if (!p.begin(&pdf))
            return makeError(ErrorCode::Io, u"%1 could not be written."_s.arg(path));
        renderer.paint(p, size, viewport, scene);
        if (!p.end())
            return makeError(ErrorCode::Io, u"%1 could not be written."_s.arg(path));
        return {};
    }
    return makeError(
        ErrorCode::InvalidInput,
        u"\"%1\": choose a file ending in .png, .svg or .pdf."_s.arg(QFileInfo(path).fileName()));
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
        return makeError(ErrorCode::InvalidInput, u"The time range ends before it starts."_s);
    TimelineStyle style;
    style.font.setPixelSize(12);
    TimelineRenderer renderer(index.value(), style);
    return writeTimelinePicture(renderer, renderer.viewportFor(o.size, start, end), scene.value(),
                                o.size, path, o.dpi);
}

} // namespace caseatlas
