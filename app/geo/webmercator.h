#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>

#include <algorithm>

#include <cmath>

namespace caseatlas {

// EPSG:3857 (Web Mercator) in metres, the map's display projection.
namespace webmercator {
constexpr double Radius = 6378137.0;
constexpr double MaxLatitude = 85.0511287798066;
constexpr double HalfWorld = M_PI * Radius; // 20037508.34 m

inline QPointF fromLonLat(double lon, double lat) {
    const double clamped = std::clamp(lat, -MaxLatitude, MaxLatitude);
    return {lon * M_PI / 180.0 * Radius,
            std::log(std::tan(M_PI / 4 + clamped * M_PI / 360.0)) * Radius};
}

inline QPointF toLonLat(QPointF m) {
    return {m.x() / Radius * 180.0 / M_PI,
            (2 * std::atan(std::exp(m.y() / Radius)) - M_PI / 2) * 180.0 / M_PI};
}
} // namespace webmercator

// What part of the world a map shows: a centre in Web Mercator metres and metres per pixel.
class MapViewport {
public:
    MapViewport() = default;
    MapViewport(QPointF centre, double metresPerPixel, QSize size)
        : m_centre(centre)
        , m_mpp(std::clamp(metresPerPixel, 0.05, 2 * webmercator::HalfWorld / 256))
        , m_size(size) {}
    // The view that fits [west, south, east, north] (degrees) into `size`.
    static MapViewport fitting(double west, double south, double east, double north, QSize size,
                               double margin = 0.05);

    QPointF centre() const { return m_centre; }
    double metresPerPixel() const { return m_mpp; }
    QSize size() const { return m_size; }
    void setSize(QSize size) { m_size = size; }

    QPointF toPixel(QPointF metres) const {
        return {(metres.x() - m_centre.x()) / m_mpp + m_size.width() / 2.0,
                (m_centre.y() - metres.y()) / m_mpp + m_size.height() / 2.0};
    }
    QPointF toMetres(QPointF pixel) const {
        return {m_centre.x() + (pixel.x() - m_size.width() / 2.0) * m_mpp,
                m_centre.y() - (pixel.y() - m_size.height() / 2.0) * m_mpp};
    }
    QPointF lonLatToPixel(double lon, double lat) const {
        return toPixel(webmercator::fromLonLat(lon, lat));
    }
    // The visible area in metres.
    QRectF worldRect() const {
        return QRectF(toMetres(QPointF(0, m_size.height())), toMetres(QPointF(m_size.width(), 0)));
    }

    void zoomAt(QPointF pixel, double factor);
    void panPixels(QPointF delta) { m_centre -= QPointF(delta.x() * m_mpp, -delta.y() * m_mpp); }

private:
    QPointF m_centre;
    double m_mpp = 20000;
    QSize m_size{800, 600};
};

} // namespace caseatlas
