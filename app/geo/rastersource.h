#pragma once

#include "core/result.h"
#include "geo/layerimport.h"
#include "geo/webmercator.h"

#include <QImage>

#include <memory>

namespace caseatlas {

// A raster read through GDAL for display in Web Mercator: a linked image file (warped on the
// fly when it is in another coordinate system), or an online XYZ tile service that the user
// added on purpose. One object per thread: GDAL datasets are not shared between threads.
class RasterSource {
public:
    // A local GeoTIFF, MBTiles or GeoPackage raster, with the import's checks on the path.
    static Result<std::unique_ptr<RasterSource>> openFile(const QString& path);

    struct Xyz {
        QString urlTemplate; // with {z}, {x} and {y}
        QString cacheDir;    // where fetched tiles are kept; set explicitly, never GDAL's default
        int maxZoom = 19;
    };
    // Refuses anything but an http(s) URL template with {z}, {x} and {y} (file: for tests).
    static Status checkXyzTemplate(const QString& urlTemplate, bool allowFile = false);
    static Result<std::unique_ptr<RasterSource>> openXyz(const Xyz& xyz, bool allowFile = false);

    ~RasterSource();
    QRectF bounds() const { return m_bounds; }
    // The part of the viewport the raster covers, drawn at the viewport's size (transparent
    // where there is nothing); a null image when nothing is visible or the read failed.
    QImage render(const MapViewport& viewport) const;

private:
    RasterSource() = default;
    Status init();
    GdalDataset m_source; // the file itself, kept open under a warped view
    GdalDataset m_dataset;
    double m_transform[6] = {};
    QRectF m_bounds;
    int m_bands = 0;
    bool m_alpha = false;
};

} // namespace caseatlas
