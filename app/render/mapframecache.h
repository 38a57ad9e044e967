#pragma once

#include "render/maprenderer.h"

#include <QImage>

namespace caseatlas {

// Keeps the last map picture, drawn larger than the view, so that panning within it is a copy
// instead of a redraw. A new zoom, a new scene version or a pan past the margin redraws.
class MapFrameCache {
public:
    explicit MapFrameCache(const MapRenderer& renderer, int margin = 512)
        : m_renderer(renderer)
        , m_margin(margin) {}

    // `sceneVersion` changes whenever what is drawn changes (data, selection, time window).
    void paint(QPainter& painter, const MapViewport& viewport, const MapScene& scene,
               quint64 sceneVersion);
    void invalidate() { m_valid = false; }
    bool lastPaintWasCached() const { return m_lastCached; }

private:
    const MapRenderer& m_renderer;
    int m_margin;
    QImage m_image;
    MapViewport m_big;
    quint64 m_version = 0;
    bool m_valid = false;
    bool m_lastCached = false;
};

} // namespace caseatlas
