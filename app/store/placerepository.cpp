#include "store/placerepository.h"

#include "store/aliastable.h"
#include "store/gpkggeometry.h"
#include "store/recordlist.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
const QString kColumns =
    u"fid, geom, uuid, name, kind, country_code, gazetteer_id, description, sensitivity"_s;
}

Scope PlaceRepository::scope(qint64 id) {
    return {{u"places"_s, u"fid"_s, id, true},
            {u"place_aliases"_s, u"place_id"_s, id, true},
            {u"events"_s, u"place_id"_s, id, false},
            {u"events"_s, u"origin_place_id"_s, id, false},
            {u"events"_s, u"destination_place_id"_s, id, false}};
}

Result<Scope> PlaceRepository::scopeWithEvents(qint64 id) {
    Scope s = scope(id);
    auto stmt =
        m_db.prepare(u"SELECT fid FROM events WHERE place_id = ?1 OR origin_place_id = ?1 OR "
                     "destination_place_id = ?1"_s);
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, id);
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& row) {
        s.append({u"events"_s, u"fid"_s, row.int64(0), false});
    }));
    return s;
}

Status PlaceRepository::validate(const Place& p) {
    if (p.name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "A place needs a name."));
    if (p.point) {
        const GeoPoint& g = *p.point;
        if (!std::isfinite(g.lon) || !std::isfinite(g.lat) || g.lon < -180 || g.lon > 180 ||
            g.lat < -90 || g.lat > 90)
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "caseatlas",
                    "The location of \"%1\" is outside longitude −180…180 / latitude −90…90.")
                    .arg(p.name));
    }
    if (!p.countryCode.isEmpty() && (p.countryCode.size() != 2 || !p.countryCode.at(0).isLetter() ||
                                     !p.countryCode.at(1).isLetter()))
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "\"%1\" is not a two-letter country code (ISO 3166-1).")
                             .arg(p.countryCode));
    return AliasTable::validate(p.aliases);
}

Result<qint64> PlaceRepository::write(qint64 id, const Place& p) {
    QByteArray geom;
    if (!p.geometryWkb.isEmpty())
        geom = gpkgFromWkb(p.geometryWkb);
    else if (p.point)
        geom = gpkgPoint(*p.point);
    const QString sql =
        id == 0
            ? u"INSERT INTO places (geom, uuid, name, kind, country_code, gazetteer_id, "
              u"description, sensitivity) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"_s
            : u"UPDATE places SET geom = ?1, uuid = ?2, name = ?3, kind = ?4, country_code = ?5, "
              "gazetteer_id = ?6, description = ?7, sensitivity = ?8 WHERE fid = ?9"_s;
    auto stmt = m_db.cached(sql);
    if (!stmt)
        return stmt.error();
    stmt.value()
        ->bind(1, geom.isEmpty() ? QVariant() : QVariant(geom))
        .bind(2, p.uuid.isEmpty() ? newUuid() : p.uuid)
        .bind(3, p.name.trimmed())
        .bind(4, textOrNull(p.kind))
        .bind(5, textOrNull(p.countryCode.toUpper()))
        .bind(6, textOrNull(p.gazetteerId))
        .bind(7, textOrNull(p.description))
        .bind(8, sensitivityKey(p.sensitivity));
    if (id != 0)
        stmt.value()->bind(9, id);
    CA_TRY(stmt.value()->run());
    const qint64 placeId = id == 0 ? m_db.lastInsertId() : id;
    CA_TRY(AliasTable(m_db, u"place_aliases"_s, u"place_id"_s).replace(placeId, p.aliases));
    if (id != 0) {
        // Events located by this place follow it.
        auto follow =
            m_db.cached(u"UPDATE events SET geom = ? WHERE place_id = ? AND own_point = 0"_s);
        if (!follow)
            return follow.error();
        const auto pt = pointFromGpkg(geom);
        follow.value()->bind(1, pt ? QVariant(gpkgPoint(*pt)) : QVariant()).bind(2, placeId);
        CA_TRY(follow.value()->run());
    }
    return placeId;
}

Result<qint64> PlaceRepository::insert(const Place& p) {
    if (p.id != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "A new place cannot carry an id."));
    CA_TRY(validate(p));
    return write(0, p);
}

Status PlaceRepository::update(const Place& p) {
    CA_TRY(load(p.id));
    CA_TRY(validate(p));
    CA_TRY(write(p.id, p));
    return {};
}

Status PlaceRepository::remove(qint64 id) {
    CA_TRY(load(id));
    // Events that took their point from this place lose it with the place.
    auto detach =
        m_db.cached(u"UPDATE events SET geom = NULL WHERE place_id = ? AND own_point = 0"_s);
    if (!detach)
        return detach.error();
    detach.value()->bind(1, id);
    CA_TRY(detach.value()->run());
    return deleteRecord(m_db, u"places"_s, u"fid"_s, id, u"place"_s);
}

Result<Place> PlaceRepository::load(qint64 id) {
    auto stmt =
        findRecord(m_db, u"SELECT %1 FROM places WHERE fid = ?"_s.arg(kColumns), id, u"place"_s);
    if (!stmt)
        return stmt.error();
    SqliteStatement& s = *stmt.value();
    Place p;
    p.id = s.int64(0);
    const QByteArray geom = s.blob(1);
    if (auto pt = pointFromGpkg(geom))
        p.point = *pt;
    else if (!geom.isEmpty())
        p.geometryWkb = wkbFromGpkg(geom);
    p.uuid = s.text(2);
    p.name = s.text(3);
    p.kind = s.text(4);
    p.countryCode = s.text(5);
    p.gazetteerId = s.text(6);
    p.description = s.text(7);
    p.sensitivity = sensitivityFromKey(s.text(8)).value_or(Sensitivity::Confidential);
    auto aliases = AliasTable(m_db, u"place_aliases"_s, u"place_id"_s).read(p.id);
    if (!aliases)
        return aliases.error();
    p.aliases = aliases.value();
    return p;
}

Result<QList<Place>> PlaceRepository::all() {
    return loadRecords(m_db, u"SELECT fid FROM places ORDER BY name COLLATE NOCASE, fid"_s,
                       [this](qint64 id) { return load(id); });
}

Result<qint64> PlaceRepository::count() {
    return m_db.count(u"SELECT count(*) FROM places"_s);
}

Result<QList<qint64>> PlaceRepository::findByName(const QString& name) {
    auto stmt = m_db.cached(u"SELECT fid FROM places WHERE name = ?1 COLLATE NOCASE UNION "
                            "SELECT place_id FROM place_aliases WHERE name = ?1 COLLATE NOCASE"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()->bind(1, name.trimmed());
    QList<qint64> out;
    CA_TRY(stmt.value()->forEachRow([&](SqliteStatement& s) { out << s.int64(0); }));
    return out;
}

} // namespace caseatlas
