#include "model/casemapdata.h"

#include "geo/layerimport.h"
#include "geo/linkedfiles.h"
#include "geo/webmercator.h"
#include "store/gpkggeometry.h"

#include <QFileInfo>
#include <QHash>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

constexpr int kMaxClasses = 12; // more distinct values than this share the last colour

void addGeometry(OGRGeometryH g, CaseMapData::Layer& layer, quint16 cls) {
    const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    switch (type) {
    case wkbPoint:
        layer.points.push_back(webmercator::fromLonLat(OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)));
        layer.pointClass.push_back(cls);
        break;
    case wkbLineString: {
        QPolygonF line;
        for (int i = 0; i < OGR_G_GetPointCount(g); ++i)
            line << webmercator::fromLonLat(OGR_G_GetX(g, i), OGR_G_GetY(g, i));
        layer.lines.push_back(std::move(line));
        layer.lineClass.push_back(cls);
        break;
    }
    case wkbPolygon:
        for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) {
            OGRGeometryH ring = OGR_G_GetGeometryRef(g, r);
            QPolygonF poly;
            for (int i = 0; i < OGR_G_GetPointCount(ring); ++i)
                poly << webmercator::fromLonLat(OGR_G_GetX(ring, i), OGR_G_GetY(ring, i));
            layer.polygons.push_back(std::move(poly));
            layer.polygonClass.push_back(cls);
        }
        break;
    default:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) // multi-geometries and collections
            addGeometry(OGR_G_GetGeometryRef(g, i), layer, cls);
    }
}

// Adds one feature (geometry in longitude/latitude) with its label and category value.
void addFeature(OGRGeometryH g, const QString& label, const QString& category,
                CaseMapData::Layer& layer, bool categorised) {
    quint16 cls = 0;
    if (categorised) {
        qsizetype i = layer.classes.indexOf(category);
        if (i < 0 && layer.classes.size() < kMaxClasses) {
            layer.classes << category;
            i = layer.classes.size() - 1;
        }
        cls = quint16(i < 0 ? kMaxClasses : i);
    }
    addGeometry(g, layer, cls);
    if (!label.isEmpty()) {
        OGREnvelope env;
        OGR_G_GetEnvelope(g, &env);
        layer.labels.push_back(
            {webmercator::fromLonLat((env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2), label});
    }
}

void finishLayer(CaseMapData::Layer& layer) {
    auto grow = [&](const QRectF& r) {
        layer.bounds = layer.bounds.isNull() ? r : layer.bounds.united(r);
    };
    for (const auto& poly : layer.polygons)
        grow(poly.boundingRect());
    for (const auto& line : layer.lines)
        grow(line.boundingRect());
    for (const QPointF& p : layer.points)
        grow(QRectF(p, QSizeF(1, 1)));
    if (layer.raster)
        grow(layer.raster->bounds());
    // Category colours: evenly spaced hues, the last one grey for "everything else".
    for (int i = 0; i < layer.classes.size(); ++i)
        layer.classColours.push_back(QColor::fromHsv(
            (i * 360 / std::max<qsizetype>(1, layer.classes.size()) + 200) % 360, 170, 200));
    layer.classColours.push_back(QColor(0x90, 0x90, 0x90));
}

// A copied layer: its GeoPackage geometries are read with our own connection and parsed by OGR.
Status loadCopied(SqliteDatabase& db, const QString& table, const LayerStyle& style,
                  CaseMapData::Layer& layer) {
    auto fields = layerFields(db, table);
    if (!fields)
        return fields.error();
    const bool labelled = fields.value().contains(style.labelField);
    const bool categorised = fields.value().contains(style.categoryField);
    auto geoms = db.prepare(u"SELECT geom, %1, %2 FROM %3 WHERE geom IS NOT NULL"_s.arg(
        labelled ? sqlIdentifier(style.labelField) : u"NULL"_s,
        categorised ? sqlIdentifier(style.categoryField) : u"NULL"_s, sqlIdentifier(table)));
    if (!geoms)
        return geoms.error();
    return geoms.value().forEachRow([&](SqliteStatement& s) {
        const QByteArray wkb = wkbFromGpkg(s.blob(0));
        OGRGeometryH g = nullptr;
        if (!wkb.isEmpty() &&
            OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char*>(wkb.constData()), nullptr,
                                &g, int(wkb.size())) == OGRERR_NONE &&
            g) {
            addFeature(g, s.text(1), s.text(2), layer, categorised);
            OGR_G_DestroyGeometry(g);
        }
    });
}

// A linked layer is read from its file through GDAL, with the same driver list as an import.
void loadLinked(const QString& path, const QString& title, const LayerStyle& style,
                CaseMapData::Layer& layer) {
    auto ds = openLinkedVector(path);
    if (!ds) {
        layer.missing = true;
        return;
    }
    OGRLayerH src = nullptr;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()) && !src; ++i) {
        OGRLayerH l = GDALDatasetGetLayer(ds.get(), i);
        const QString name = QString::fromUtf8(OGR_L_GetName(l));
        if (OGR_L_GetGeomType(l) != wkbNone &&
            (GDALDatasetGetLayerCount(ds.get()) == 1 || title.endsWith(u" – "_s + name)))
            src = l;
    }
    if (!src)
        src = GDALDatasetGetLayer(ds.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(src);
    const int labelIndex = OGR_FD_GetFieldIndex(defn, style.labelField.toUtf8().constData());
    const int classIndex = OGR_FD_GetFieldIndex(defn, style.categoryField.toUtf8().constData());
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(src);
    OGRCoordinateTransformationH ct = srs ? OCTNewCoordinateTransformation(srs, wgs84) : nullptr;
    OGR_L_ResetReading(src);
    while (OGRFeatureH f = OGR_L_GetNextFeature(src)) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (g && (!ct || OGR_G_Transform(g, ct) == OGRERR_NONE))
            addFeature(g,
                       labelIndex >= 0 ? QString::fromUtf8(OGR_F_GetFieldAsString(f, labelIndex))
                                       : QString(),
                       classIndex >= 0 ? QString::fromUtf8(OGR_F_GetFieldAsString(f, classIndex))
                                       : QString(),
                       layer, classIndex >= 0);
        OGR_F_Destroy(f);
    }
    if (ct)
        OCTDestroyCoordinateTransformation(ct);
    OSRDestroySpatialReference(wgs84);
}

Status loadLayers(SqliteDatabase& db, std::vector<CaseMapData::Layer>& out) {
    if (!db.tableExists(u"layers"_s))
        return {};
    static const QList<QColor> palette = {QColor(0x8e, 0x44, 0xad), QColor(0x16, 0xa0, 0x85),
                                          QColor(0xd3, 0x54, 0x00), QColor(0x27, 0x80, 0xb9),
                                          QColor(0x7f, 0x8c, 0x8d)};
    // Drawing order: the bottom layer first.
    auto records = listLayers(db);
    if (!records)
        return records.error();
    for (auto it = records.value().crbegin(); it != records.value().crend(); ++it) {
        const LayerRecord& r = *it;
        CaseMapData::Layer layer{r.id, r.title,  r.visible, false,    false,
                                 {},   QColor(), QColor(),  r.opacity};
        layer.colour =
            r.style.stroke.isValid() ? r.style.stroke : palette.at(int(r.id % palette.size()));
        layer.fill = r.style.fill;
        if (!layer.fill.isValid()) {
            layer.fill = layer.colour;
            layer.fill.setAlpha(60);
        }
        if (r.linked && !linkedFileAllowed(r.sourcePath)) {
            layer.missing = layer.notAllowed = true; // never read because a case names it
        } else if (r.linked && r.kind == u"raster"_s) {
            auto image = RasterSource::openFile(r.sourcePath);
            if (image) {
                layer.image = std::move(image).value();
                layer.bounds = layer.image->bounds();
            } else {
                layer.missing = true; // gone or unreadable: shown as missing, never fatal
            }
        } else if (r.linked)
            loadLinked(r.sourcePath, r.title, r.style, layer);
        else if (r.kind == u"raster"_s) {
            // One unusable layer (a hostile or damaged tile matrix) is left off the map with
            // its reason; the rest of the map still loads.
            auto tiles = RasterTiles::open(db, r.table);
            if (tiles) {
                layer.raster = std::move(tiles).value();
            } else {
                layer.missing = true;
                layer.problem = tiles.error().message;
            }
        } else {
            CA_TRY(loadCopied(db, r.table, r.style, layer));
        }
        finishLayer(layer);
        out.push_back(std::move(layer));
    }
    return {};
}

// An event as the map draws it, from a row of kEventColumns: at its own point or its place's
// (an area place: a point inside it); location precision as a radius, or the place's area.
std::optional<CaseMapData::EventPoint> eventPoint(SqliteStatement& s,
                                                  const QHash<qint64, QPointF>& placeAt,
                                                  const QHash<qint64, int>& placeIndex,
                                                  const QHash<qint64, QColor>& tagColour) {
    QPointF at;
    if (auto p = pointFromGpkg(s.blob(1)))
        at = webmercator::fromLonLat(p->lon, p->lat);
    else if (auto place = placeAt.constFind(s.int64(6)); place != placeAt.cend())
        at = *place;
    else
        return std::nullopt;
    const QByteArrayView precision = s.utf8(4);
    const int area = placeIndex.value(s.int64(6), -1);
    double ground = s.real(5); // metres on the ground, when recorded
    int drawnArea = -1;
    if (precision == "admin-area" || precision == "country") {
        if (area >= 0)
            drawnArea = area;
        else if (ground <= 0)
            ground = precision == "country" ? 200000 : 25000;
    } else if (precision == "approximate" && ground <= 0) {
        ground = 2000;
    }
    const double lat = webmercator::toLonLat(at).y();
    return CaseMapData::EventPoint{s.int64(0),
                                   at,
                                   s.int64(2),
                                   s.int64(3),
                                   tagColour.value(s.int64(0)),
                                   float(std::max(0.0, ground) / std::cos(lat * M_PI / 180)),
                                   drawnArea};
}
constexpr auto kEventColumns =
    u"fid, geom, earliest_s, latest_s, location_precision, precision_m, place_id";

// A movement, from a row of kMovementColumns over `events e`, when both its places are located.
std::optional<CaseMapData::Movement> movement(SqliteStatement& s,
                                              const QHash<qint64, QPointF>& placeAt,
                                              const QHash<qint64, QColor>& tagColour) {
    const auto from = placeAt.constFind(s.int64(1)), to = placeAt.constFind(s.int64(2));
    if (from == placeAt.cend() || to == placeAt.cend())
        return std::nullopt;
    return CaseMapData::Movement{
        s.int64(0), *from, *to, s.real(5), s.int64(3), s.int64(4), tagColour.value(s.int64(0))};
}
constexpr auto kMovementColumns =
    u"e.fid, e.origin_place_id, e.destination_place_id, e.earliest_s, e.latest_s, "
    "(SELECT value FROM event_values v WHERE v.event_id = e.fid ORDER BY position LIMIT 1)";
constexpr auto kMovementWhere =
    u"e.origin_place_id IS NOT NULL AND e.destination_place_id IS NOT NULL AND "
    "e.origin_place_id <> e.destination_place_id";

} // namespace

Result<CaseMapData> CaseMapData::load(SqliteDatabase& db) {
    CaseMapData data;
    CA_TRY(loadLayers(db, data.layers));
    QHash<qint64, QColor> tagColour;
    {
        auto stmt = db.prepare(
            u"SELECT et.event_id, t.color FROM event_tags et JOIN tags t ON t.id = et.tag_id "
            "WHERE et.position = 0 AND t.color IS NOT NULL"_s);
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            tagColour.insert(s.int64(0), QColor::fromString(s.text(1)));
        }));
    }
    QHash<qint64, QPointF> placeAt;
    QHash<qint64, int> placeIndex;
    {
        auto stmt = db.prepare(u"SELECT fid, name, geom FROM places WHERE geom IS NOT NULL"_s);
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            const QByteArray blob = s.blob(2);
            CaseMapData::PlacePoint place{s.int64(0), s.text(1), QPointF(), {}};
            if (auto p = pointFromGpkg(blob)) {
                place.at = webmercator::fromLonLat(p->lon, p->lat);
            } else {
                // An area: its rings, marked at a point inside it.
                const QByteArray wkb = wkbFromGpkg(blob);
                OGRGeometryH g = nullptr;
                if (wkb.isEmpty() ||
                    OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char*>(wkb.constData()),
                                        nullptr, &g, int(wkb.size())) != OGRERR_NONE ||
                    !g)
                    return;
                CaseMapData::Layer rings;
                addGeometry(g, rings, 0);
                OGRGeometryH inside = OGR_G_PointOnSurface(g);
                if (!inside) {
                    OGREnvelope env;
                    OGR_G_GetEnvelope(g, &env);
                    place.at = webmercator::fromLonLat((env.MinX + env.MaxX) / 2,
                                                       (env.MinY + env.MaxY) / 2);
                } else {
                    place.at =
                        webmercator::fromLonLat(OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0));
                    OGR_G_DestroyGeometry(inside);
                }
                OGR_G_DestroyGeometry(g);
                place.area = std::move(rings.polygons);
            }
            placeAt.insert(place.id, place.at);
            if (!place.area.empty())
                placeIndex.insert(place.id, int(data.places.size()));
            data.places.push_back(std::move(place));
        }));
    }
    {
        // Events at their own point or their place's; an event at an area place is drawn at a
        // point inside it. Location precision becomes a radius, or the place's area.
        auto stmt = db.prepare(u"SELECT %1 FROM events WHERE geom IS NOT NULL OR place_id IS NOT "
                               "NULL ORDER BY fid"_s.arg(kEventColumns));
        if (!stmt)
            return stmt.error();
        if (auto n = db.count(u"SELECT count(*) FROM events WHERE geom IS NOT NULL"_s))
            data.events.reserve(size_t(n.value()));
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            if (auto point = eventPoint(s, placeAt, placeIndex, tagColour))
                data.events.push_back(*point);
        }));
    }
    {
        auto stmt = db.prepare(u"SELECT %1 FROM events e WHERE %2 ORDER BY e.fid"_s.arg(
            kMovementColumns, kMovementWhere));
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            if (auto m = movement(s, placeAt, tagColour))
                data.movements.push_back(*m);
        }));
    }
    return data;
}

Status CaseMapData::updateEvents(SqliteDatabase& db, const QList<qint64>& eventIds) {
    const QSet<qint64> changed(eventIds.begin(), eventIds.end());
    // Both lists are in event id order (load reads them so): each change is found by a binary
    // search, not a pass over a million entries.
    for (const qint64 id : changed) {
        auto e = std::lower_bound(events.begin(), events.end(), id,
                                  [](const EventPoint& p, qint64 value) { return p.id < value; });
        if (e != events.end() && e->id == id)
            events.erase(e);
        auto m =
            std::lower_bound(movements.begin(), movements.end(), id,
                             [](const Movement& p, qint64 value) { return p.eventId < value; });
        if (m != movements.end() && m->eventId == id)
            movements.erase(m);
    }
    // The places as load() placed them (they did not change: an event edit does not move one).
    QHash<qint64, QPointF> placeAt;
    QHash<qint64, int> placeIndex;
    for (size_t i = 0; i < places.size(); ++i) {
        placeAt.insert(places[i].id, places[i].at);
        if (!places[i].area.empty())
            placeIndex.insert(places[i].id, int(i));
    }
    auto colour = db.cached(u"SELECT t.color FROM event_tags et JOIN tags t ON t.id = et.tag_id "
                            "WHERE et.event_id = ? AND et.position = 0 AND t.color IS NOT NULL"_s);
    auto point = db.cached(u"SELECT %1 FROM events WHERE fid = ?"_s.arg(kEventColumns));
    auto move = db.cached(
        u"SELECT %1 FROM events e WHERE e.fid = ? AND %2"_s.arg(kMovementColumns, kMovementWhere));
    for (auto* stmt : {&colour, &point, &move})
        if (!*stmt)
            return stmt->error();
    for (const qint64 id : changed) {
        QHash<qint64, QColor> tagColour;
        colour.value()->reset();
        colour.value()->bind(1, id);
        CA_TRY(colour.value()->forEachRow(
            [&](SqliteStatement& s) { tagColour.insert(id, QColor::fromString(s.text(0))); }));
        point.value()->reset();
        point.value()->bind(1, id);
        CA_TRY(point.value()->forEachRow([&](SqliteStatement& s) {
            if (auto p = eventPoint(s, placeAt, placeIndex, tagColour)) {
                const auto at = std::lower_bound(
                    events.begin(), events.end(), id,
                    [](const EventPoint& e, qint64 value) { return e.id < value; });
                events.insert(at, *p);
            }
        }));
        move.value()->reset();
        move.value()->bind(1, id);
        CA_TRY(move.value()->forEachRow([&](SqliteStatement& s) {
            if (auto m = movement(s, placeAt, tagColour)) {
                const auto at = std::lower_bound(
                    movements.begin(), movements.end(), id,
                    [](const Movement& e, qint64 value) { return e.eventId < value; });
                movements.insert(at, *m);
            }
        }));
    }
    return {};
}

bool CaseMapData::extent(double& west, double& south, double& east, double& north) const {
    QRectF r;
    auto add = [&](QPointF p) {
        r = r.isNull() ? QRectF(p, QSizeF(1, 1)) : r.united(QRectF(p, QSizeF(1, 1)));
    };
    for (const auto& e : events)
        add(e.at);
    for (const auto& p : places)
        add(p.at);
    if (r.isNull())
        return false;
    const QPointF a = webmercator::toLonLat(r.topLeft()),
                  b = webmercator::toLonLat(r.bottomRight());
    west = a.x();
    east = b.x();
    south = std::min(a.y(), b.y());
    north = std::max(a.y(), b.y());
    return true;
}

} // namespace caseatlas
