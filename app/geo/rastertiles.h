#pragma once

#include "core/result.h"
#include "geo/webmercator.h"
#include "store/sqlite.h"

#include <QCache>
#include <QImage>
#include <QPainter>

#include <memory>
#include <vector>

namespace caseatlas {

// A raster layer stored in the case as a GeoPackage tile pyramid (GoogleMapsCompatible, so in
// Web Mercator). The matrix is read once; tiles are read on demand through a read-only
// connection of its own and kept decoded in a small cache.
class RasterTiles {
public:
    static Result<std::shared_ptr<RasterTiles>> open(SqliteDatabase& db, const QString& table);

    // The area covered, in Web Mercator metres.
    QRectF bounds() const { return m_bounds; }
    // Draws the tiles of the zoom level that best matches the viewport.
    void paint(QPainter& painter, const MapViewport& viewport, double opacity) const;
    // Zoom levels that hold tiles, coarsest first.
    int levelCount() const { return int(m_levels.size()); }

private:
    struct Level {
        int zoom, matrixWidth, matrixHeight, tileWidth, tileHeight;
        double pixelX, pixelY;
    };
    QImage tile(int zoom, int column, int row) const;

    QString m_path, m_table;
    QRectF m_bounds;
    double m_originX = 0, m_originY = 0; // top left of the tile matrix set
    std::vector<Level> m_levels;
    mutable SqliteDatabase m_tiles;
    mutable bool m_tried = false;
    mutable QCache<quint64, QImage> m_cache{192};
};

} // namespace caseatlas
