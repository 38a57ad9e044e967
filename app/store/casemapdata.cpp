#include "store/casemapdata.h"

#include "geo/webmercator.h"
#include "store/gpkggeometry.h"

#include <QFileInfo>
#include <QHash>

#include <ogr_api.h>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

void addGeometry(OGRGeometryH g, CaseMapData::Layer& layer) {
    const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    switch (type) {
    case wkbPoint:
        layer.points.push_back(webmercator::fromLonLat(OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)));
        break;
    case wkbLineString: {
        QPolygonF line;
        for (int i = 0; i < OGR_G_GetPointCount(g); ++i)
            line << webmercator::fromLonLat(OGR_G_GetX(g, i), OGR_G_GetY(g, i));
        layer.lines.push_back(std::move(line));
        break;
    }
    case wkbPolygon:
        for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) {
            OGRGeometryH ring = OGR_G_GetGeometryRef(g, r);
            QPolygonF poly;
            for (int i = 0; i < OGR_G_GetPointCount(ring); ++i)
                poly << webmercator::fromLonLat(OGR_G_GetX(ring, i), OGR_G_GetY(ring, i));
            layer.polygons.push_back(std::move(poly));
        }
        break;
    default:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) // multi-geometries and collections
            addGeometry(OGR_G_GetGeometryRef(g, i), layer);
    }
}

// The copied layers live in the case: their GeoPackage geometries are read with our own
// connection and parsed by OGR. Linked layers are not drawn yet; a missing file is marked.
Status loadLayers(SqliteDatabase& db, std::vector<CaseMapData::Layer>& out) {
    if (!db.tableExists(u"layers"_s))
        return {};
    static const QList<QColor> palette = {QColor(0x8e, 0x44, 0xad), QColor(0x16, 0xa0, 0x85),
                                          QColor(0xd3, 0x54, 0x00), QColor(0x27, 0x80, 0xb9),
                                          QColor(0x7f, 0x8c, 0x8d)};
    auto layers = db.prepare(
        u"SELECT id, title, table_name, visible, linked, source_path FROM layers ORDER BY position, id"_s);
    if (!layers)
        return layers.error();
    struct Row {
        qint64 id;
        QString title, table;
        bool visible, linked;
        QString source;
    };
    QList<Row> rows;
    CA_TRY(layers.value().forEachRow([&](SqliteStatement& s) {
        rows.append(
            {s.int64(0), s.text(1), s.text(2), s.int64(3) != 0, s.int64(4) != 0, s.text(5)});
    }));
    for (const Row& r : rows) {
        CaseMapData::Layer layer{r.id, r.title, r.visible, false,
                                 palette.at(int(out.size()) % palette.size())};
        if (r.linked) {
            layer.missing = !QFileInfo::exists(r.source);
            out.push_back(std::move(layer));
            continue;
        }
        auto geoms = db.prepare(u"SELECT geom FROM \"%1\" WHERE geom IS NOT NULL"_s.arg(r.table));
        if (!geoms)
            return geoms.error();
        CA_TRY(geoms.value().forEachRow([&](SqliteStatement& s) {
            const QByteArray wkb = wkbFromGpkg(s.blob(0));
            OGRGeometryH g = nullptr;
            if (!wkb.isEmpty() &&
                OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char*>(wkb.constData()),
                                    nullptr, &g, int(wkb.size())) == OGRERR_NONE &&
                g) {
                addGeometry(g, layer);
                OGR_G_DestroyGeometry(g);
            }
        }));
        auto grow = [&](const QRectF& r) {
            layer.bounds = layer.bounds.isNull() ? r : layer.bounds.united(r);
        };
        for (const auto& poly : layer.polygons)
            grow(poly.boundingRect());
        for (const auto& line : layer.lines)
            grow(line.boundingRect());
        for (const QPointF& p : layer.points)
            grow(QRectF(p, QSizeF(1, 1)));
        out.push_back(std::move(layer));
    }
    return {};
}

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
    {
        auto stmt = db.prepare(u"SELECT fid, name, geom FROM places WHERE geom IS NOT NULL"_s);
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            if (auto p = pointFromGpkg(s.blob(2))) {
                const QPointF m = webmercator::fromLonLat(p->lon, p->lat);
                placeAt.insert(s.int64(0), m);
                data.places.push_back({s.int64(0), s.text(1), m});
            }
        }));
    }
    {
        auto stmt = db.prepare(
            u"SELECT fid, geom, earliest_s, latest_s FROM events WHERE geom IS NOT NULL"_s);
        if (!stmt)
            return stmt.error();
        if (auto n = db.count(u"SELECT count(*) FROM events WHERE geom IS NOT NULL"_s))
            data.events.reserve(size_t(n.value()));
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            if (auto p = pointFromGpkg(s.blob(1)))
                data.events.push_back({s.int64(0), webmercator::fromLonLat(p->lon, p->lat),
                                       s.int64(2), s.int64(3), tagColour.value(s.int64(0))});
        }));
    }
    {
        auto stmt = db.prepare(
            u"SELECT e.fid, e.origin_place_id, e.destination_place_id, e.earliest_s, e.latest_s, "
            "(SELECT value FROM event_values v WHERE v.event_id = e.fid ORDER BY position LIMIT 1) "
            "FROM events e WHERE e.origin_place_id IS NOT NULL AND e.destination_place_id IS NOT "
            "NULL "
            "AND e.origin_place_id <> e.destination_place_id"_s);
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            const auto from = placeAt.constFind(s.int64(1)), to = placeAt.constFind(s.int64(2));
            if (from != placeAt.cend() && to != placeAt.cend())
                data.movements.push_back({s.int64(0), *from, *to, s.real(5), s.int64(3), s.int64(4),
                                          tagColour.value(s.int64(0))});
        }));
    }
    return data;
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
