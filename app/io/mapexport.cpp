#include "io/mapexport.h"

#include "io/picturefile.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace caseatlas {

Status writeMapPicture(const MapRenderer& renderer, const MapViewport& viewport,
                       const MapScene& scene, const QString& path, double dpi) {
    return writePictureFile(path, viewport.size(), dpi, u"CaseAtlas map"_s,
                            [&](QPainter& p) { renderer.paint(p, viewport, scene); });
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
                QCoreApplication::translate(
                    "caseatlas",
                    "The extent must be minlon,minlat,maxlon,maxlat within −180…180 and −90…90."));
    } else {
        data.value().extent(west, south, east, north);
    }
    MapStyle style;
    style.font.setPixelSize(13);
    MapRenderer renderer(style);
    MapScene scene;
    scene.basemap = &basemap.value();
    scene.gazetteer = &Gazetteer::shared();
    scene.data = &data.value();
    return writeMapPicture(renderer, MapViewport::fitting(west, south, east, north, o.size, 0.12),
                           scene, path, o.dpi);
}

} // namespace caseatlas
