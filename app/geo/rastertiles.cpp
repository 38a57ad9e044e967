#include "geo/rastertiles.h"

#include <QCoreApplication>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<std::shared_ptr<RasterTiles>> RasterTiles::open(SqliteDatabase& db, const QString& table) {
    auto tiles = std::make_shared<RasterTiles>();
    tiles->m_path = db.path();
    tiles->m_table = table;
    auto set = db.prepare(u"SELECT s.min_x, s.max_y, c.min_x, c.min_y, c.max_x, c.max_y, s.srs_id "
                          "FROM gpkg_tile_matrix_set s JOIN gpkg_contents c USING (table_name) "
                          "WHERE s.table_name = ?"_s);
    if (!set)
        return set.error();
    set.value().bind(1, table);
    auto row = set.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "caseatlas", "The raster layer \"%1\" has no tile matrix in the case.")
                             .arg(table));
    SqliteStatement& s = set.value();
    if (s.int64(6) != 3857)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "The raster layer \"%1\" is not tiled in Web Mercator.")
                             .arg(table));
    tiles->m_originX = s.real(0);
    tiles->m_originY = s.real(1);
    tiles->m_bounds = QRectF(QPointF(s.real(2), s.real(3)), QPointF(s.real(4), s.real(5)));
    auto levels = db.prepare(
        u"SELECT zoom_level, matrix_width, matrix_height, tile_width, tile_height, pixel_x_size, "
        "pixel_y_size FROM gpkg_tile_matrix m WHERE table_name = ?1 AND EXISTS (SELECT 1 FROM "
        "%1 t WHERE t.zoom_level = m.zoom_level) ORDER BY zoom_level"_s.arg(sqlIdentifier(table)));
    if (!levels)
        return levels.error();
    levels.value().bind(1, table);
    // A case from elsewhere can claim anything: levels with sizes no real tile pyramid has
    // (a zoom beyond 30, a matrix wider than 2^30 tiles, tiles over 4096 pixels, pixel sizes
    // that are not positive numbers) are left out rather than computed with.
    int refused = 0;
    CA_TRY(levels.value().forEachRow([&](SqliteStatement& l) {
        const qint64 zoom = l.int64(0), columns = l.int64(1), rows = l.int64(2), width = l.int64(3),
                     height = l.int64(4);
        const double px = l.real(5), py = l.real(6);
        const bool sane = zoom >= 0 && zoom <= 30 && columns >= 1 && columns <= (1 << 30) &&
                          rows >= 1 && rows <= (1 << 30) && width >= 1 && width <= 4096 &&
                          height >= 1 && height <= 4096 && std::isfinite(px) && px > 0 &&
                          std::isfinite(py) && py > 0;
        if (!sane) {
            ++refused;
            return;
        }
        tiles->m_levels.push_back(
            {int(zoom), int(columns), int(rows), int(width), int(height), px, py});
    }));
    const bool boundsSane = std::isfinite(tiles->m_originX) && std::isfinite(tiles->m_originY) &&
                            tiles->m_bounds.isValid() && std::isfinite(tiles->m_bounds.left()) &&
                            std::isfinite(tiles->m_bounds.right()) &&
                            std::isfinite(tiles->m_bounds.top()) &&
                            std::isfinite(tiles->m_bounds.bottom());
    if (tiles->m_levels.empty() || !boundsSane)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("caseatlas",
                                                     "The raster layer \"%1\" has a tile matrix "
                                                     "no image could have; it is not shown.")
                             .arg(table),
                         u"%1 level(s) out of range"_s.arg(refused));
    return tiles;
}

QImage RasterTiles::tile(int zoom, int column, int row) const {
    const quint64 key = (quint64(zoom) << 56) | (quint64(column) << 28) | quint64(row);
    if (QImage* hit = m_cache.object(key))
        return *hit;
    if (!m_tried) {
        m_tried = true;
        if (auto db = SqliteDatabase::open(m_path, SqliteDatabase::Mode::ReadOnly))
            m_tiles = std::move(db).value();
    }
    if (!m_tiles.isOpen())
        return {};
    auto stmt = m_tiles.cached(u"SELECT tile_data FROM %1 WHERE zoom_level = ? AND "
                               "tile_column = ? AND tile_row = ?"_s.arg(sqlIdentifier(m_table)));
    if (!stmt)
        return {};
    SqliteStatement& s = *stmt.value();
    s.bind(1, zoom).bind(2, column).bind(3, row);
    QImage image;
    auto found = s.step();
    if (!found)
        return {}; // busy while the case is written: try again on the next frame
    if (found.value()) {
        // Only the formats a GeoPackage tile may hold, named explicitly: a tile in a case from a
        // stranger is never handed to another decoder (an SVG could point at other files).
        const QByteArray data = s.blob(0);
        const char* format = data.startsWith("\x89PNG")                            ? "PNG"
                             : data.startsWith("\xFF\xD8")                         ? "JPEG"
                             : data.startsWith("RIFF") && data.mid(8, 4) == "WEBP" ? "WEBP"
                                                                                   : nullptr;
        if (format)
            image.loadFromData(data, format);
    }
    s.reset();
    m_cache.insert(key, new QImage(image), 1); // a missing tile is remembered as a null image
    return image;
}

void RasterTiles::paint(QPainter& p, const MapViewport& vp, double opacity) const {
    const QRectF visible = vp.worldRect().intersected(m_bounds);
    if (m_levels.empty() || visible.isEmpty())
        return;
    // The coarsest level at least as fine as the screen; the finest when zoomed in further.
    const double mpp = vp.metresPerPixel();
    const Level* level = &m_levels.back();
    for (const Level& l : m_levels)
        if (l.pixelX <= mpp * 1.01) {
            level = &l;
            break;
        }
    const double tileW = level->tileWidth * level->pixelX,
                 tileH = level->tileHeight * level->pixelY;
    const int c0 = std::max(0, int(std::floor((visible.left() - m_originX) / tileW)));
    const int c1 =
        std::min(level->matrixWidth - 1, int(std::floor((visible.right() - m_originX) / tileW)));
    const int r0 = std::max(0, int(std::floor((m_originY - visible.bottom()) / tileH)));
    const int r1 =
        std::min(level->matrixHeight - 1, int(std::floor((m_originY - visible.top()) / tileH)));
    if (c1 < c0 || r1 < r0 || qint64(c1 - c0 + 1) * (r1 - r0 + 1) > 400)
        return; // more tiles than a frame should read: the pyramid lacks a coarser level
    p.save();
    p.setOpacity(p.opacity() * opacity);
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            const QImage image = tile(level->zoom, c, r);
            if (image.isNull())
                continue;
            const QPointF topLeft =
                vp.toPixel(QPointF(m_originX + c * tileW, m_originY - r * tileH));
            const QPointF bottomRight =
                vp.toPixel(QPointF(m_originX + (c + 1) * tileW, m_originY - (r + 1) * tileH));
            p.drawImage(QRectF(topLeft, bottomRight), image);
        }
    p.restore();
}

} // namespace caseatlas
