#include "store/casemapdata.h"

#include "geo/webmercator.h"
#include "store/gpkggeometry.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<CaseMapData> CaseMapData::load(SqliteDatabase& db) {
    CaseMapData data;
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
