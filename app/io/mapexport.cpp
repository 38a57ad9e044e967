#include "io/mapexport.h"

#include <QFileInfo>
#include <QPdfWriter>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace caseatlas {

Status writeMapPicture(const MapRenderer& renderer, const MapViewport& viewport,
                       const MapScene& scene, const QString& path, double dpi) {
    const QSize size = viewport.size();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (size.width() < 100 || size.height() < 100 || size.width() > 20000 || size.height() > 20000)
        return makeError(ErrorCode::InvalidInput,
                         u"A map picture must be 100×100 to 20000×20000 pixels."_s);
    if (dpi < 24 || dpi > 1200)
        return makeError(ErrorCode::InvalidInput, u"The resolution must be 24 to 1200 DPI."_s);
    QPainter p;
    if (suffix == u"png") {
        const double scale = dpi / 96.0;
        QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(int(dpi / 0.0254));
        image.setDotsPerMeterY(int(dpi / 0.0254));
        p.begin(&image);
        p.scale(scale, scale);
        renderer.paint(p, viewport, scene);
        p.end();
        if (!image.save(path, "PNG"))
            return makeError(ErrorCode::Io, u"%1 could not be written."_s.arg(path));
        return {};
    }
    if (suffix == u"svg" || suffix == u"pdf") {
        QSvgGenerator svg;
        QPdfWriter pdf(suffix == u"pdf" ? path : QString());
        if (suffix == u"svg") {
            svg.setFileName(path);
            svg.setSize(size);
            svg.setViewBox(QRect(QPoint(0, 0), size));
            svg.setTitle(u"CaseAtlas map"_s);
        } else {
            pdf.setResolution(72);
            pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setTitle(u"CaseAtlas map"_s);
            pdf.setCreator(u"CaseAtlas"_s);
        }
        if (!p.begin(suffix == u"svg" ? static_cast<QPaintDevice*>(&svg)
                                      : static_cast<QPaintDevice*>(&pdf)))
            return makeError(ErrorCode::Io, u"%1 could not be written."_s.arg(path));
        renderer.paint(p, viewport, scene);
        if (!p.end())
            return makeError(ErrorCode::Io, u"%1 could not be written."_s.arg(path));
        return {};
    }
    return makeError(
        ErrorCode::InvalidInput,
        u"\"%1\": choose a file ending in .png, .svg or .pdf."_s.arg(QFileInfo(path).fileName()));
}

Status writeMapFile(SqliteDatabase& db, const QString& path, const MapExportOptions& o) {
    auto basemap = Basemap::load();
    if (!basemap)
        return basemap.error();
    auto data = CaseMapData::load(db);
    if (!data)
        return data.error();
    double west = 60, south = -10, east = 150, north = 55; // South, East and South-East Asia
    if (o.extent) {
        west = (*o.extent)[0];
        south = (*o.extent)[1];
        east = (*o.extent)[2];
        north = (*o.extent)[3];
        if (west >= east || south >= north || west < -180 || east > 180 || south < -90 ||
            north > 90)
            return makeError(
                ErrorCode::InvalidInput,
                u"The extent must be minlon,minlat,maxlon,maxlat within −180…180 and −90…90."_s);
    } else {
        data.value().extent(west, south, east, north);
    }
    MapStyle style;
    style.font.setPixelSize(13);
    MapRenderer renderer(style);
    MapScene scene;
    scene.basemap = &basemap.value();
    scene.data = &data.value();
    return writeMapPicture(renderer, MapViewport::fitting(west, south, east, north, o.size, 0.12),
                           scene, path, o.dpi);
}

} // namespace caseatlas
