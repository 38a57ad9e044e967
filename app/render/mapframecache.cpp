#include "render/mapframecache.h"

#include <cmath>

namespace caseatlas {

void MapFrameCache::paint(QPainter& painter, const MapViewport& vp, const MapScene& scene,
                          quint64 sceneVersion) {
    const QSize bigSize = vp.size() + QSize(2 * m_margin, 2 * m_margin);
    auto sourceRect = [&] {
        const QPointF topLeft = m_big.toPixel(vp.toMetres(QPointF(0, 0)));
        return QRectF(topLeft, QSizeF(vp.size()));
    };
    const bool reusable =
        m_valid && m_version == sceneVersion && m_big.metresPerPixel() == vp.metresPerPixel() &&
        m_big.size() == bigSize && QRectF(QPointF(0, 0), QSizeF(bigSize)).contains(sourceRect());
    if (!reusable) {
        m_big = MapViewport(vp.centre(), vp.metresPerPixel(), bigSize);
        if (m_image.size() != bigSize)
            m_image = QImage(bigSize, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&m_image);
        m_renderer.paint(p, m_big, scene);
        m_version = sceneVersion;
        m_valid = true;
    }
    m_lastCached = reusable;
    const QRectF source = sourceRect();
    // Whole-pixel offsets keep the copy a plain blit.
    painter.drawImage(
        QPointF(0, 0), m_image,
        QRectF(std::round(source.x()), std::round(source.y()), source.width(), source.height()));
}

} // namespace caseatlas
