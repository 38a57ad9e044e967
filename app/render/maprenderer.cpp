#include "render/maprenderer.h"

#include <QFontMetrics>
#include <QHash>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
bool inWindow(qint64 earliest, qint64 latest, const MapScene& scene) {
    return !scene.timeWindow ||
           (latest >= scene.timeWindow->first && earliest <= scene.timeWindow->second);
}
} // namespace

void MapRenderer::paintBasemap(QPainter& p, const MapViewport& vp, const Basemap& map) const {
    const QRectF world = vp.worldRect();
    const double mpp = vp.metresPerPixel();
    p.setPen(QPen(m_style.border, 0.8));
    p.setBrush(m_style.land);
    QPolygonF simplified;
    for (const Basemap::Country& c : map.countries()) {
        if (!c.bounds.intersects(world) || (c.bounds.width() < mpp && c.bounds.height() < mpp))
            continue;
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const QPolygonF& ring : c.rings) {
            // Drop vertices that move less than a pixel at this zoom.
            simplified.clear();
            QPointF last(1e300, 1e300);
            for (const QPointF& m : ring) {
                if (std::abs(m.x() - last.x()) < mpp && std::abs(m.y() - last.y()) < mpp)
                    continue;
                simplified << vp.toPixel(m);
                last = m;
            }
            if (simplified.size() >= 3)
                path.addPolygon(simplified);
        }
        p.drawPath(path);
    }
}

void MapRenderer::paintLayer(QPainter& p, const MapViewport& vp,
                             const CaseMapData::Layer& layer) const {
    p.save();
    p.setOpacity(p.opacity() * layer.opacity);
    const bool categorised = !layer.classes.isEmpty();
    const int classes = categorised ? int(layer.classColours.size()) : 1;
    auto strokeOf = [&](int cls) {
        return categorised ? layer.classColours[size_t(cls)].darker(130) : layer.colour;
    };
    auto fillOf = [&](int cls) {
        if (!categorised)
            return layer.fill;
        QColor c = layer.classColours[size_t(cls)];
        c.setAlpha(layer.fill.alpha());
        return c;
    };
    auto classOf = [&](const std::vector<quint16>& v, size_t i) {
        return categorised && i < v.size() ? std::min<int>(v[i], classes - 1) : 0;
    };
    auto toPixels = [&](const QPolygonF& ring) {
        QPolygonF px;
        px.reserve(ring.size());
        for (const QPointF& m : ring)
            px << vp.toPixel(m);
        return px;
    };
    // One path per class keeps holes (odd-even) and costs one fill per colour.
    std::vector<QPainterPath> areas(static_cast<size_t>(classes));
    for (size_t i = 0; i < layer.polygons.size(); ++i)
        areas[size_t(classOf(layer.polygonClass, i))].addPolygon(toPixels(layer.polygons[i]));
    for (int c = 0; c < classes; ++c) {
        if (areas[size_t(c)].isEmpty())
            continue;
        areas[size_t(c)].setFillRule(Qt::OddEvenFill);
        p.setPen(QPen(strokeOf(c), 1.2));
        p.setBrush(fillOf(c));
        p.drawPath(areas[size_t(c)]);
    }
    p.setBrush(Qt::NoBrush);
    for (size_t i = 0; i < layer.lines.size(); ++i) {
        p.setPen(QPen(strokeOf(classOf(layer.lineClass, i)), 2));
        p.drawPolyline(toPixels(layer.lines[i]));
    }
    p.setPen(QPen(Qt::white, 1));
    for (size_t i = 0; i < layer.points.size(); ++i) {
        const QPointF c = vp.toPixel(layer.points[i]);
        if (c.x() < -10 || c.y() < -10 || c.x() > vp.size().width() + 10 ||
            c.y() > vp.size().height() + 10)
            continue;
        p.setBrush(strokeOf(classOf(layer.pointClass, i)));
        p.drawPolygon(QPolygonF{c + QPointF(0, -5), c + QPointF(5, 0), c + QPointF(0, 5),
                                c + QPointF(-5, 0)});
    }
    p.restore();
}

void MapRenderer::paintLayerLabels(QPainter& p, const MapViewport& vp, const CaseMapData& d,
                                   std::vector<QRectF>& taken) const {
    const QFontMetrics fm(p.font());
    const QRectF screen(QPointF(0, 0), QSizeF(vp.size()));
    int tried = 0;
    for (const auto& layer : d.layers) {
        if (!layer.visible || layer.missing || layer.labels.empty())
            continue;
        for (const auto& label : layer.labels) {
            const QPointF px = vp.toPixel(label.at);
            if (!screen.contains(px))
                continue;
            if (++tried > 400)
                return;
            const QRectF box(px.x() + 7, px.y() - fm.height() / 2.0,
                             fm.horizontalAdvance(label.text) + 2, fm.height());
            if (std::any_of(taken.begin(), taken.end(),
                            [&](const QRectF& t) { return t.intersects(box); }))
                continue;
            taken.push_back(box);
            p.fillRect(box, QColor(255, 255, 255, 190));
            p.setPen(layer.colour.darker(160));
            p.drawText(QPointF(box.left() + 1, box.top() + fm.ascent()), label.text);
        }
    }
}

void MapRenderer::paintGazetteer(QPainter& p, const MapViewport& vp, const Gazetteer& gazetteer,
                                 std::vector<QRectF> taken) const {
    // Which places are worth a name at this zoom: capitals at continent scale, towns of ten
    // thousand at district scale, every village in a city view.
    const double mpp = vp.metresPerPixel();
    if (mpp > 8000)
        return;
    const qint32 minPopulation = mpp > 2000  ? 2'000'000
                                 : mpp > 300 ? 100'000
                                 : mpp > 40  ? 10'000
                                             : 0;
    const int maxRank = mpp > 2000 ? 0 : mpp > 300 ? 1 : mpp > 40 ? 2 : 3;
    const QRectF world = vp.worldRect();
    QFont font = m_style.font;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.9);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * 0.9)));
    p.setFont(font);
    const QFontMetrics fm(font);
    const QColor dot(0x8a, 0x84, 0x78), text(0x6b, 0x65, 0x5a);
    const size_t reserved = taken.size();
    for (quint32 i : gazetteer.byImportance()) {
        const Gazetteer::Place& place = gazetteer.places()[i];
        if (place.isArea()) // a division has no point to label
            continue;
        if (place.population < minPopulation && place.rank > maxRank)
            continue;
        if (!world.contains(place.at))
            continue;
        const QPointF px = vp.toPixel(place.at);
        const QRectF box(px.x() + 4, px.y() - fm.height() / 2.0, fm.horizontalAdvance(place.name),
                         fm.height());
        const QRectF room = box.adjusted(-8, -3, 3, 3);
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const QRectF& t) { return t.intersects(room); }))
            continue;
        taken.push_back(room);
        p.setPen(Qt::NoPen);
        p.setBrush(dot);
        p.drawEllipse(px, 2, 2);
        p.setPen(text);
        p.drawText(QPointF(box.left(), box.top() + fm.ascent()), place.name);
        if (taken.size() - reserved >= 120)
            break;
    }
}

void MapRenderer::paint(QPainter& p, const MapViewport& vp, const MapScene& scene) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(QRect(QPoint(0, 0), vp.size()), m_style.water);
    if (scene.basemap)
        paintBasemap(p, vp, *scene.basemap);
    // Online tiles (when the user turned them on), drawn for another viewport: scaled into this.
    if (!scene.backdrop.isNull()) {
        const QPointF topLeft = vp.toPixel(scene.backdropViewport.toMetres(QPointF(0, 0)));
        const double scale = scene.backdropViewport.metresPerPixel() / vp.metresPerPixel();
        p.save();
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(QRectF(topLeft, QSizeF(scene.backdrop.size()) * scale), scene.backdrop);
        p.restore();
    }
    if (!scene.data) {
        p.restore();
        return;
    }
    const CaseMapData& d = *scene.data;
    // GIS layers, bottom first: tiled images, then polygons filled, lines stroked, points as
    // small diamonds; categorised layers take each class's colour. Labels come after all layers.
    const QRectF visible = vp.worldRect();
    for (const auto& layer : d.layers) {
        if (!layer.visible || layer.missing || !layer.bounds.intersects(visible))
            continue;
        if (layer.raster) {
            layer.raster->paint(p, vp, layer.opacity);
            continue;
        }
        if (layer.image) {
            const QImage picture = layer.image->render(vp);
            if (!picture.isNull()) {
                p.save();
                p.setOpacity(p.opacity() * layer.opacity);
                p.drawImage(QPoint(0, 0), picture);
                p.restore();
            }
            continue;
        }
        paintLayer(p, vp, layer);
    }
    const QRectF screen(QPointF(-50, -50), QSizeF(vp.size()) + QSizeF(100, 100));
    QFont font = m_style.font;
    const QFontMetrics fm(font);
    if (scene.gazetteer) {
        // Gazetteer names keep clear of the case's own places and their names, which come later.
        std::vector<QRectF> reserved;
        for (const auto& pl : d.places) {
            const QPointF px = vp.toPixel(pl.at);
            if (screen.contains(px) && reserved.size() < 300)
                reserved.push_back(QRectF(px.x() - 4, px.y() - fm.height() / 2.0,
                                          fm.horizontalAdvance(pl.name) + 12, fm.height()));
        }
        paintGazetteer(p, vp, *scene.gazetteer, reserved);
    }
    p.setFont(font);

    // Movements: curved arrows from origin to destination, thicker for larger numbers.
    for (const auto& m : d.movements) {
        if (!inWindow(m.earliest, m.latest, scene) ||
            (scene.shown && !scene.shown->contains(m.eventId)))
            continue;
        const QPointF a = vp.toPixel(m.from), b = vp.toPixel(m.to);
        const QPointF mid = (a + b) / 2, dir = b - a;
        const double len = std::hypot(dir.x(), dir.y());
        if (len < 4)
            continue;
        const QPointF normal(-dir.y() / len, dir.x() / len);
        const QPointF control = mid + normal * (len * 0.25);
        const double width = 2.0 + (m.value > 0 ? std::min(10.0, std::log10(1 + m.value) * 2) : 0);
        QColor c = m.colour.isValid() ? m.colour : m_style.movement;
        const bool selected = scene.selected.contains(m.eventId);
        QPainterPath path(a);
        path.quadTo(control, b);
        p.setPen(QPen(selected ? m_style.selection : c, width, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // Arrowhead along the curve's last tangent.
        const QPointF tangent = b - control;
        const double tl = std::max(1e-9, std::hypot(tangent.x(), tangent.y()));
        const QPointF u = tangent / tl, n(-u.y(), u.x());
        const double head = 8 + width * 1.5;
        QPolygonF arrow{b, b - u * head + n * head * 0.5, b - u * head - n * head * 0.5};
        p.setPen(Qt::NoPen);
        p.setBrush(selected ? m_style.selection : c);
        p.drawPolygon(arrow);
    }

    // Events: single points, or counted clusters where they crowd a cell. A single point shows
    // its location precision first: the area of its place, or a circle of its radius.
    const std::vector<ClusterCell> cells = clusterCells(vp, scene);
    for (const ClusterCell& c : cells) {
        if (c.count != 1 || !c.event)
            continue;
        const auto& e = *c.event;
        QColor tint = e.colour.isValid() ? e.colour : m_style.event;
        if (e.placeArea >= 0 && size_t(e.placeArea) < d.places.size()) {
            QPainterPath area;
            area.setFillRule(Qt::OddEvenFill);
            for (const QPolygonF& ring : d.places[size_t(e.placeArea)].area) {
                QPolygonF px;
                px.reserve(ring.size());
                for (const QPointF& m : ring)
                    px << vp.toPixel(m);
                area.addPolygon(px);
            }
            tint.setAlpha(45);
            p.setBrush(tint);
            tint.setAlpha(150);
            p.setPen(QPen(tint, 1.2, Qt::DashLine));
            p.drawPath(area);
        } else if (const double r = e.radius / vp.metresPerPixel(); r >= m_style.pointRadius + 2) {
            tint.setAlpha(40);
            p.setBrush(tint);
            tint.setAlpha(140);
            p.setPen(QPen(tint, 1.2, Qt::DashLine));
            const QPointF at = c.sum; // count is 1: the point itself
            p.drawEllipse(at, std::min(r, 4000.0), std::min(r, 4000.0));
        }
    }
    for (const ClusterCell& c : cells) {
        if (c.count == 0)
            continue;
        const QPointF at = c.sum / c.count;
        if (c.count == 1) {
            p.setPen(
                QPen(c.selected ? m_style.selection : QColor(Qt::white), c.selected ? 2.5 : 1.5));
            p.setBrush(c.colour.isValid() ? c.colour : m_style.event);
            p.drawEllipse(at, m_style.pointRadius, m_style.pointRadius);
            continue;
        }
        const QString label =
            c.count >= 10000 ? u"%1k"_s.arg(c.count / 1000) : QString::number(c.count);
        const double r = std::max(10.0, fm.horizontalAdvance(label) / 2.0 + 6);
        p.setPen(QPen(c.selected ? m_style.selection : QColor(Qt::white), 2));
        p.setBrush(m_style.cluster);
        p.drawEllipse(at, r, r);
        p.setPen(Qt::white);
        p.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, label);
    }

    // Places: a small square, and the name where it does not collide. Names are tried for at
    // most a few hundred places a frame: at wide zooms a thousand names say nothing.
    std::vector<QRectF> taken;
    paintLayerLabels(p, vp, d, taken);
    int labelsTried = 0;
    const QColor halo(255, 255, 255, 200);
    for (const auto& pl : d.places) {
        const QPointF px = vp.toPixel(pl.at);
        if (!screen.contains(px))
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(m_style.place);
        p.drawRect(QRectF(px.x() - 2.5, px.y() - 2.5, 5, 5));
        if (++labelsTried > 300)
            continue;
        const QRectF box(px.x() + 6, px.y() - fm.height() / 2.0, fm.horizontalAdvance(pl.name) + 2,
                         fm.height());
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const QRectF& t) { return t.intersects(box); }))
            continue;
        taken.push_back(box);
        p.fillRect(box, halo); // keeps names readable over borders and arrows
        p.setPen(m_style.text);
        p.drawText(QPointF(box.left() + 1, box.top() + fm.ascent()), pl.name);
    }

    // Scale bar, bottom left: a round number of kilometres (or miles, or feet) about 120 px
    // long.
    const QPointF centreLonLat = webmercator::toLonLat(vp.centre());
    const double groundMpp = vp.metresPerPixel() * std::cos(centreLonLat.y() * M_PI / 180);
    const bool miles = m_style.imperial && groundMpp * 120 >= 1609.344 / 2;
    const double unit = !m_style.imperial ? 1.0 : miles ? 1609.344 : 0.3048; // metres
    double length = groundMpp * 120 / unit;
    const double magnitude = std::pow(10, std::floor(std::log10(length)));
    for (double step : {5.0, 2.0, 1.0})
        if (length >= step * magnitude) {
            length = step * magnitude;
            break;
        }
    const double metres = length * unit;
    const double px = metres / groundMpp;
    const QPointF base(12, vp.size().height() - 14);
    p.setPen(QPen(m_style.text, 2));
    p.drawLine(base, base + QPointF(px, 0));
    p.drawLine(base, base + QPointF(0, -5));
    p.drawLine(base + QPointF(px, 0), base + QPointF(px, -5));
    p.drawText(base + QPointF(0, -8), m_style.imperial
                                          ? (miles ? u"%1 mi"_s : u"%1 ft"_s).arg(length)
                                      : metres >= 1000 ? u"%1 km"_s.arg(metres / 1000)
                                                       : u"%1 m"_s.arg(metres));
    p.restore();
}

std::vector<MapRenderer::ClusterCell> MapRenderer::clusterCells(const MapViewport& vp,
                                                                const MapScene& scene) const {
    // A flat grid of cells over the picture (plus a margin): one array add per event, no hashing.
    const int cell = m_style.clusterCell;
    const int margin = 1;
    const int cols = vp.size().width() / cell + 2 * margin + 1;
    const int rows = vp.size().height() / cell + 2 * margin + 1;
    std::vector<ClusterCell> cells(size_t(cols) * size_t(rows));
    const double pad = cell * vp.metresPerPixel();
    const QRectF world = vp.worldRect().adjusted(-pad, -pad, pad, pad);
    for (const auto& e : scene.data->events) {
        if (!world.contains(e.at) || !inWindow(e.earliest, e.latest, scene) ||
            (scene.shown && !scene.shown->contains(e.id)))
            continue;
        const QPointF px = vp.toPixel(e.at);
        const int cx = int(std::floor(px.x() / cell)) + margin,
                  cy = int(std::floor(px.y() / cell)) + margin;
        if (cx < 0 || cy < 0 || cx >= cols || cy >= rows)
            continue;
        ClusterCell& c = cells[size_t(cy) * size_t(cols) + size_t(cx)];
        ++c.count;
        c.sum += px;
        c.single = e.id;
        c.event = &e;
        c.colour = e.colour;
        if (!scene.selected.isEmpty())
            c.selected |= scene.selected.contains(e.id);
    }
    return cells;
}

qint64 MapRenderer::eventAt(QPointF pixel, const MapViewport& vp, const MapScene& scene) const {
    if (!scene.data)
        return 0;
    // Only a point drawn on its own can be hit; one inside a cluster is counted, not drawn.
    for (const ClusterCell& c : clusterCells(vp, scene))
        if (c.count == 1 &&
            std::hypot(c.sum.x() - pixel.x(), c.sum.y() - pixel.y()) <= m_style.pointRadius + 2)
            return c.single;
    return 0;
}

} // namespace caseatlas
