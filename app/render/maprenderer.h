#pragma once

#include "geo/basemap.h"
#include "geo/gazetteer.h"
#include "geo/webmercator.h"
#include "model/casemapdata.h"

#include <QImage>
#include <QPainter>
#include <QSet>

#include <optional>

namespace caseatlas {

struct MapStyle {
    QColor water{0xd8, 0xe6, 0xf0};
    QColor land{0xf4, 0xf1, 0xea};
    QColor border{0xb8, 0xb0, 0xa0};
    QColor text{0x22, 0x2b, 0x36};
    QColor event{0x1f, 0x77, 0xb4};
    QColor cluster{0x2c, 0x3e, 0x50};
    QColor place{0x55, 0x55, 0x55};
    QColor movement{0xc0, 0x39, 0x2b};
    QColor selection{0x1f, 0x6f, 0xeb};
    QFont font;
    int pointRadius = 5;
    int clusterCell = 44;  // pixels: points closer than this on screen are counted together
    bool imperial = false; // the scale bar in miles and feet
};

struct MapScene {
    const Basemap* basemap = nullptr;
    const Gazetteer* gazetteer = nullptr; // names of populated places, at suitable zooms
    const CaseMapData* data = nullptr;
    QSet<qint64> selected;
    std::optional<std::pair<qint64, qint64>> timeWindow; // events possibly in this span only
    std::optional<QSet<qint64>> shown; // the events the shared filter lets through; none: all
    // Online tiles as last fetched, for the viewport they were drawn for (drawn over the basemap).
    QImage backdrop;
    MapViewport backdropViewport;
};

// Paints the basemap, places, events (clustered where they crowd) and movement arrows on any
// QPainter: the screen, exports, tests and benchmarks.
class MapRenderer {
public:
    explicit MapRenderer(MapStyle style = {})
        : m_style(std::move(style)) {}
    const MapStyle& style() const { return m_style; }

    void paint(QPainter& painter, const MapViewport& viewport, const MapScene& scene) const;
    // The event drawn at a pixel (a single point, not a cluster), 0 if none.
    qint64 eventAt(QPointF pixel, const MapViewport& viewport, const MapScene& scene) const;

private:
    // The screen grid events are counted in: drawing and hit testing share it.
    struct ClusterCell {
        int count = 0;
        QPointF sum;
        qint64 single = 0;                              // the event, when count is 1
        const CaseMapData::EventPoint* event = nullptr; // the same
        QColor colour;
        bool selected = false;
    };
    std::vector<ClusterCell> clusterCells(const MapViewport& vp, const MapScene& scene) const;
    void paintBasemap(QPainter& p, const MapViewport& vp, const Basemap& map) const;
    // `taken`: boxes the names must stay clear of.
    void paintGazetteer(QPainter& p, const MapViewport& vp, const Gazetteer& gazetteer,
                        std::vector<QRectF> taken) const;
    void paintLayer(QPainter& p, const MapViewport& vp, const CaseMapData::Layer& layer) const;
    void paintLayerLabels(QPainter& p, const MapViewport& vp, const CaseMapData& d,
                          std::vector<QRectF>& taken) const;
    MapStyle m_style;
};

} // namespace caseatlas
