#pragma once

#include "render/maprenderer.h"

#include <optional>

namespace caseatlas {

// Writes a map picture (PNG at a DPI, SVG, PDF by suffix) through MapRenderer.
Status writeMapPicture(const MapRenderer& renderer, const MapViewport& viewport,
                       const MapScene& scene, const QString& path, double dpi = 96);

struct MapExportOptions {
    QSize size{1600, 1000};
    double dpi = 96;
    std::optional<std::array<double, 4>> extent; // west, south, east, north; default: the case
};

// `caseatlas render-map`: the basemap with the case's places, events and movements.
Status writeMapFile(SqliteDatabase& db, const QString& path, const MapExportOptions& options);

} // namespace caseatlas
