#include "mapview.h"

#include "io/mapexport.h"
#include "model/casedocument.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QThreadPool>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

MapView::MapView(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"mapView"_s);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(240, 120);
    MapStyle style;
    style.font = font();
    m_renderer = MapRenderer(style);
    auto basemap = Basemap::load();
    if (basemap)
        m_basemap = std::make_unique<Basemap>(std::move(basemap).value());
    m_scene.basemap = m_basemap.get();
    m_scene.gazetteer = &Gazetteer::shared();
    m_viewport = MapViewport::fitting(60, -10, 150, 55, size());
}

MapView::~MapView() = default;

void MapView::setOnlineTiles(std::optional<RasterSource::Xyz> xyz, bool allowFile) {
    m_online = std::move(xyz);
    m_onlineAllowFile = allowFile;
    ++m_onlineGeneration;
    m_scene.backdrop = QImage();
    ++m_version;
    if (!m_onlineTimer) {
        m_onlineTimer = new QTimer(this);
        m_onlineTimer->setSingleShot(true);
        m_onlineTimer->setInterval(200);
        connect(m_onlineTimer, &QTimer::timeout, this, &MapView::requestBackdrop);
    }
    if (m_online)
        m_onlineTimer->start();
    update();
}

void MapView::pickPoint(std::function<void(double lon, double lat)> picked) {
    m_pick = std::move(picked);
    setCursor(m_pick ? Qt::CrossCursor : Qt::ArrowCursor);
    if (m_pick)
        setFocus();
}

void MapView::requestBackdrop() {
    if (!m_online)
        return;
    const RasterSource::Xyz xyz = *m_online;
    const bool allowFile = m_onlineAllowFile;
    const MapViewport vp = m_viewport;
    const quint64 generation = m_onlineGeneration;
    QPointer<MapView> self(this);
    // GDAL fetches (and caches) the tiles on a pool thread, with a dataset of its own.
    QThreadPool::globalInstance()->start([self, xyz, allowFile, vp, generation] {
        QImage picture;
        if (auto source = RasterSource::openXyz(xyz, allowFile))
            picture = source.value()->render(vp);
        QMetaObject::invokeMethod(
            qApp,
            [self, picture, vp, generation] {
                if (!self || generation != self->m_onlineGeneration || picture.isNull())
                    return;
                self->m_scene.backdrop = picture;
                self->m_scene.backdropViewport = vp;
                ++self->m_version;
                self->update();
                emit self->backdropArrived();
            },
            Qt::QueuedConnection);
    });
}

void MapView::setDocument(CaseDocument* document) {
    if (m_document) {
        disconnect(m_document, nullptr, this, nullptr);
        disconnect(m_document->selection(), nullptr, this, nullptr);
    }
    m_document = document;
    m_data.reset();
    m_scene.data = nullptr;
    m_scene.selected.clear();
    ++m_version;
    if (m_document) {
        connect(m_document, &CaseDocument::recordsChanged, this,
                [this](RecordKind kind, const QList<qint64>& eventIds) {
                    // An edit of some events: just those are read again.
                    if (kind == RecordKind::Event && !eventIds.isEmpty() && m_data) {
                        if (Status s = m_data->updateEvents(m_document->db(), eventIds); !s)
                            return emit failed(s.error());
                        ++m_version;
                        applyFilter();
                        update();
                        return;
                    }
                    if (kind == RecordKind::Event || kind == RecordKind::Place ||
                        kind == RecordKind::Tag || kind == RecordKind::Layer)
                        reload();
                });
        connect(m_document->filter(), &CaseFilter::changed, this, &MapView::applyFilter);
        connect(m_document->selection(), &CaseSelection::changed, this, [this] {
            m_scene.selected = m_document->selection()->events();
            ++m_version;
            update();
        });
        reload();
        fitToEvents();
    }
    update();
}

void MapView::setImperial(bool imperial) {
    MapStyle style = m_renderer.style();
    style.imperial = imperial;
    m_renderer = MapRenderer(style);
    ++m_version;
    update();
}

void MapView::setGazetteerNames(bool shown) {
    m_scene.gazetteer = shown ? &Gazetteer::shared() : nullptr;
    ++m_version;
    update();
}

void MapView::reload() {
    if (!m_document)
        return;
    auto data = CaseMapData::load(m_document->db());
    if (!data) {
        emit failed(data.error());
        return;
    }
    m_data = std::make_unique<CaseMapData>(std::move(data).value());
    m_scene.data = m_data.get();
    m_scene.selected = m_document->selection()->events();
    applyFilter();
}

void MapView::applyFilter() {
    if (!m_document)
        return;
    const FilterCriteria& c = m_document->filter()->criteria();
    m_scene.shown.reset();
    if (!c.isEmpty()) {
        auto ids = m_document->queries().filteredEvents(c);
        if (!ids) {
            emit failed(ids.error());
            return;
        }
        m_scene.shown = std::move(ids).value();
    }
    ++m_version;
    update();
}

void MapView::fitToEvents() {
    double w = 60, s = -10, e = 150, n = 55;
    if (m_data)
        m_data->extent(w, s, e, n);
    // One place (or a few close together): its surroundings, as fitMetres shows a point.
    const QPointF a = webmercator::fromLonLat(w, s), b = webmercator::fromLonLat(e, n);
    if (std::abs(b.x() - a.x()) < 40000 && std::abs(b.y() - a.y()) < 40000)
        return fitMetres(QRectF(a, QSizeF(1, 1)).united(QRectF(b, QSizeF(1, 1))));
    m_viewport = MapViewport::fitting(w, s, e, n, size(), 0.12);
    update();
}

void MapView::fitMetres(QRectF area) {
    if (area.isNull())
        return;
    // A single point (or a tiny area) is shown with its surroundings — a town and the roads
    // out of it, about 40 km across — not at the zoom limit.
    const double minSide = 40000;
    if (area.width() < minSide || area.height() < minSide)
        area = QRectF(area.center() - QPointF(minSide, minSide) / 2, QSizeF(minSide, minSide))
                   .united(area);
    const QPointF a = webmercator::toLonLat(area.topLeft()),
                  b = webmercator::toLonLat(area.bottomRight());
    m_viewport = MapViewport::fitting(std::min(a.x(), b.x()), std::min(a.y(), b.y()),
                                      std::max(a.x(), b.x()), std::max(a.y(), b.y()), size(), 0.08);
    update();
}

void MapView::fitToLayer(qint64 layerId) {
    if (!m_data)
        return;
    for (const auto& layer : m_data->layers)
        if (layer.id == layerId)
            fitMetres(layer.bounds);
}

void MapView::fitToSelection() {
    if (!m_data || m_scene.selected.isEmpty())
        return;
    QRectF area;
    for (const auto& e : m_data->events)
        if (m_scene.selected.contains(e.id))
            area = area.isNull() ? QRectF(e.at, QSizeF(1, 1))
                                 : area.united(QRectF(e.at, QSizeF(1, 1)));
    for (const auto& m : m_data->movements)
        if (m_scene.selected.contains(m.eventId))
            for (const QPointF& p : {m.from, m.to})
                area =
                    area.isNull() ? QRectF(p, QSizeF(1, 1)) : area.united(QRectF(p, QSizeF(1, 1)));
    fitMetres(area);
}

void MapView::bringSelectionIntoView() {
    if (!m_data || m_scene.selected.isEmpty())
        return;
    const QRectF shown = m_viewport.worldRect();
    for (const auto& e : m_data->events)
        if (m_scene.selected.contains(e.id) && !shown.contains(e.at))
            return fitToSelection();
}

void MapView::setTimeWindow(std::optional<std::pair<qint64, qint64>> window) {
    if (m_scene.timeWindow == window)
        return;
    m_scene.timeWindow = window;
    ++m_version;
    update();
}

void MapView::setViewport(const MapViewport& viewport) {
    m_viewport = viewport;
    m_viewport.setSize(size());
    update();
}

Status MapView::exportPicture(const QString& path, double dpi) const {
    return writeMapPicture(m_renderer, m_viewport, m_scene, path, dpi);
}

void MapView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_viewport.setSize(size());
}

void MapView::paintEvent(QPaintEvent*) {
    // Panning within the cached picture is a copy; anything else redraws it.
    QPainter screen(this);
    m_cache.paint(screen, m_viewport, m_scene, m_version);
    // Online tiles for a view that has moved: fetch again once it settles.
    if (m_online && m_onlineTimer &&
        (m_scene.backdrop.isNull() || m_scene.backdropViewport.centre() != m_viewport.centre() ||
         m_scene.backdropViewport.metresPerPixel() != m_viewport.metresPerPixel() ||
         m_scene.backdropViewport.size() != m_viewport.size()))
        m_onlineTimer->start();
}

void MapView::wheelEvent(QWheelEvent* event) {
    m_viewport.zoomAt(event->position(), std::pow(1.0015, event->angleDelta().y()));
    update();
    event->accept();
}

void MapView::mousePressEvent(QMouseEvent* event) {
    setFocus();
    m_pressPos = m_lastPos = event->position().toPoint();
    m_dragging = event->button() == Qt::LeftButton;
}

void MapView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_dragging) {
        m_viewport.panPixels(pos - m_lastPos);
        m_lastPos = pos;
        update();
    }
    const QPointF lonLat = webmercator::toLonLat(m_viewport.toMetres(pos));
    emit cursorMoved(lonLat.x(), lonLat.y());
}

void MapView::mouseReleaseEvent(QMouseEvent* event) {
    m_dragging = false;
    if (!m_document || (event->position().toPoint() - m_pressPos).manhattanLength() > 3)
        return;
    if (m_pick) { // picking a location: the click is the answer
        const QPointF lonLat = webmercator::toLonLat(m_viewport.toMetres(event->position()));
        auto picked = std::move(m_pick);
        pickPoint({});
        picked(lonLat.x(), lonLat.y());
        return;
    }
    // A click (not a drag) selects the event under it, or clears the selection.
    const qint64 id = m_renderer.eventAt(event->position(), m_viewport, m_scene);
    if (id)
        m_document->selection()->select({id});
    else if (!(event->modifiers() & Qt::ControlModifier))
        m_document->selection()->clear();
}

void MapView::keyPressEvent(QKeyEvent* event) {
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Escape:
        if (!m_pick) {
            QWidget::keyPressEvent(event);
            return;
        }
        pickPoint({});
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_viewport.zoomAt(centre, 1.5);
        break;
    case Qt::Key_Minus:
        m_viewport.zoomAt(centre, 1 / 1.5);
        break;
    case Qt::Key_Left:
        m_viewport.panPixels(QPointF(width() / 8.0, 0));
        break;
    case Qt::Key_Right:
        m_viewport.panPixels(QPointF(-width() / 8.0, 0));
        break;
    case Qt::Key_Up:
        m_viewport.panPixels(QPointF(0, height() / 8.0));
        break;
    case Qt::Key_Down:
        m_viewport.panPixels(QPointF(0, -height() / 8.0));
        break;
    case Qt::Key_Home:
        fitToEvents();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
}

} // namespace caseatlas
