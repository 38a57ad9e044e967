#pragma once

#include "core/result.h"

#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <vector>

namespace caseatlas {

// The offline basemap: Natural Earth country polygons (public domain, 1:50m), derived by
// packaging/data/make_basemap.py and shipped in resources. Read once through GDAL and kept
// projected to Web Mercator metres.
class Basemap {
public:
    struct Country {
        QString name;
        std::vector<QPolygonF> rings; // outer and inner rings, Web Mercator metres
        QRectF bounds;
    };

    // The shipped basemap (from the application's resources).
    static Result<Basemap> load();
    // A GeoPackage or any OGR polygon source with a "name" field, e.g. for tests.
    static Result<Basemap> loadFile(const QString& path);

    const std::vector<Country>& countries() const { return m_countries; }
    std::size_t vertexCount() const;

private:
    std::vector<Country> m_countries;
};

} // namespace caseatlas
