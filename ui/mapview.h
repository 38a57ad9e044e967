#pragma once

#include "geo/rastersource.h"
#include "render/mapframecache.h"
#include "render/maprenderer.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

namespace caseatlas {

class CaseDocument;
enum class RecordKind;

// The map on screen: wheel/drag/keys to zoom and pan, the cursor's coordinates, click to select
// (shared with the timeline and the list), and the events of the timeline's visible span.
class MapView : public QWidget {
    Q_OBJECT
public:
    explicit MapView(QWidget* parent = nullptr);
    ~MapView() override;

    void setDocument(CaseDocument* document);
    void reload();
    // Shows only the events the shared filter lets through.
    void applyFilter();
    void fitToEvents();
    void fitToLayer(qint64 layerId);
    void fitToSelection();
    // Fits the map to the selection only when some of it is off the map now.
    void bringSelectionIntoView();
    // Show only events possibly within [from, to] (seconds); clear to show all.
    void setTimeWindow(std::optional<std::pair<qint64, qint64>> window);
    const MapViewport& viewport() const { return m_viewport; }
    void setViewport(const MapViewport& viewport);
    const MapScene& scene() const { return m_scene; }
    Status exportPicture(const QString& path, double dpi = 96) const;
    // Online tiles under the case's layers, fetched off the UI thread as the view settles;
    // nullopt turns them off. Only ever set from the user's own preferences, never from a case.
    void setOnlineTiles(std::optional<RasterSource::Xyz> xyz, bool allowFile = false);
    // Preferences: the scale bar's units, and the gazetteer's town and city names.
    void setImperial(bool imperial);
    void setGazetteerNames(bool shown);
    bool onlineTilesOn() const { return m_online.has_value(); }
    // The next click on the map gives its coordinates to `picked` (Escape cancels).
    void pickPoint(std::function<void(double lon, double lat)> picked);
    bool isPicking() const { return bool(m_pick); }

signals:
    void cursorMoved(double lon, double lat);
    void backdropArrived();
    void failed(const caseatlas::Error& error);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void fitMetres(QRectF area);
    void requestBackdrop();
    std::function<void(double, double)> m_pick;
    std::optional<RasterSource::Xyz> m_online;
    bool m_onlineAllowFile = false;
    QTimer* m_onlineTimer = nullptr;
    quint64 m_onlineGeneration = 0;
    CaseDocument* m_document = nullptr;
    std::unique_ptr<Basemap> m_basemap;
    std::unique_ptr<CaseMapData> m_data;
    MapRenderer m_renderer;
    MapScene m_scene;
    MapViewport m_viewport;
    MapFrameCache m_cache{m_renderer};
    quint64 m_version = 1; // bumped whenever what the map shows changes
    QPoint m_lastPos;
    QPoint m_pressPos;
    bool m_dragging = false;
};

} // namespace caseatlas
