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
    // On a high-DPI screen the picture has device pixels, so lines and text stay sharp.
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const bool reusable = m_valid && m_version == sceneVersion &&
                          m_big.metresPerPixel() == vp.metresPerPixel() &&
                          m_big.size() == bigSize && m_image.devicePixelRatio() == dpr &&
                          QRectF(QPointF(0, 0), QSizeF(bigSize)).contains(sourceRect());
    if (!reusable) {
        m_big = MapViewport(vp.centre(), vp.metresPerPixel(), bigSize);
        const QSize pixels = (QSizeF(bigSize) * dpr).toSize();
        if (m_image.size() != pixels)
            m_image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(dpr);
        QPainter p(&m_image);
        m_renderer.paint(p, m_big, scene);
        m_version = sceneVersion;
        m_valid = true;
    }
    m_lastCached = reusable;
    const QRectF source = sourceRect();
    // Whole-pixel offsets keep the copy a plain blit (the source rectangle is in device pixels).
    painter.drawImage(QRectF(QPointF(0, 0), QSizeF(vp.size())), m_image,
                      QRectF(std::round(source.x() * dpr), std::round(source.y() * dpr),
                             source.width() * dpr, source.height() * dpr));
}

} // namespace caseatlas
