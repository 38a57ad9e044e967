#include "geo/webmercator.h"

namespace caseatlas {

MapViewport MapViewport::fitting(double west, double south, double east, double north, QSize size,
                                 double margin) {
    const QPointF a = webmercator::fromLonLat(west, south),
                  b = webmercator::fromLonLat(east, north);
    const double w = std::max(1.0, b.x() - a.x()), h = std::max(1.0, b.y() - a.y());
    const double mpp =
        std::max(w / std::max(1, size.width()), h / std::max(1, size.height())) * (1 + 2 * margin);
    return MapViewport((a + b) / 2, mpp, size);
}

void MapViewport::zoomAt(QPointF pixel, double factor) {
    if (factor <= 0)
        return;
    const QPointF anchor = toMetres(pixel);
    m_mpp = std::clamp(m_mpp / factor, 0.05, 2 * webmercator::HalfWorld / 256);
    const QPointF moved = toMetres(pixel);
    m_centre += anchor - moved;
}

} // namespace caseatlas
