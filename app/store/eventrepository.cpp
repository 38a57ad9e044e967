#include "store/eventrepository.h"
#include "store/eventrows.h"

#include "store/gpkggeometry.h"
#include "store/recordlist.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

const QString kColumns = u"fid, geom, uuid, title, description, start_edtf, end_edtf, own_point, "
                         "place_id, origin_place_id, destination_place_id, location_precision, "
                         "precision_m, status, sensitivity"_s;

bool validPoint(const GeoPoint& p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat) && p.lon >= -180 && p.lon <= 180 &&
           p.lat >= -90 && p.lat <= 90;
}

} // namespace

Scope EventRepository::scope(qint64 id) {
    return {
        {u"events"_s, u"fid"_s, id, true},           {u"event_actors"_s, u"event_id"_s, id, true},
        {u"event_tags"_s, u"event_id"_s, id, true},  {u"event_values"_s, u"event_id"_s, id, true},
        {u"citations"_s, u"event_id"_s, id, true},   {u"attachments"_s, u"event_id"_s, id, false},
        {u"import_bases"_s, u"event_id"_s, id, true}};
}

Status EventRepository::validateFields(const Event& e) {
    if (e.title.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "An event needs a title."));
    if (!e.start.isValid())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "caseatlas", "The event \"%1\" needs a date (EDTF, such as 2023-11 or 2023?).")
                .arg(e.title));
    if (e.end.isValid()) {
        if (e.start.isInterval() || e.end.isInterval())
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "caseatlas",
                    "The event \"%1\" has an interval as its date and an end date; use one "
                    "or the other.")
                    .arg(e.title));
        if (e.end.latest() < e.start.earliest())
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "The event \"%1\" ends (%2) before it starts (%3).")
                                 .arg(e.title, e.end.toEdtf(), e.start.toEdtf()));
    }
    if (e.point && !validPoint(*e.point))
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "caseatlas",
                "The location of \"%1\" is outside longitude −180…180 / latitude −90…90.")
                .arg(e.title));
    if (!std::isfinite(e.precisionMetres) || e.precisionMetres < 0)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "A location precision must be zero or more metres."));
    return {};
}

Status EventRepository::validate(const Event& e) {
    CA_TRY(validateFields(e));
    for (const qint64 pid : {e.placeId, e.originPlaceId, e.destinationPlaceId}) {
        if (pid == 0)
            continue;
        auto n = m_db.count(u"SELECT count(*) FROM places WHERE fid = ?"_s, {pid});
        if (!n)
            return n.error();
        if (n.value() == 0)
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate(
                                 "caseatlas", "The place #%1 given for \"%2\" does not exist.")
                                 .arg(pid)
                                 .arg(e.title));
    }
    for (const EventActor& a : e.actors) {
        auto n = m_db.count(u"SELECT count(*) FROM actors WHERE id = ?"_s, {a.actorId});
        if (!n)
            return n.error();
        if (n.value() == 0)
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate(
                                 "caseatlas", "The actor #%1 given for \"%2\" does not exist.")
                                 .arg(a.actorId)
                                 .arg(e.title));
    }
    for (const EventValue& v : e.values)
        if (v.name.trimmed().isEmpty() || !std::isfinite(v.value))
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "caseatlas", "Every value of \"%1\" needs a name and a finite number.")
                    .arg(e.title));
    for (const QString& t : e.tags)
        if (t.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("caseatlas", "A tag cannot be empty."));
    return {};
}

Result<qint64> EventRepository::tagId(const QString& name, QList<qint64>* createdTags) {
    auto find = m_db.cached(u"SELECT id FROM tags WHERE name = ?"_s);
    if (!find)
        return find.error();
    find.value()->bind(1, name.trimmed());
    auto row = find.value()->step();
    if (!row)
        return row.error();
    if (row.value()) {
        const qint64 id = find.value()->int64(0);
        find.value()->reset(); // no read left open
        return id;
    }
    auto ins = m_db.cached(u"INSERT INTO tags(name) VALUES (?)"_s);
    if (!ins)
        return ins.error();
    ins.value()->bind(1, name.trimmed());
    CA_TRY(ins.value()->run());
    const qint64 id = m_db.lastInsertId();
    if (createdTags)
        createdTags->append(id);
    return id;
}

Result<qint64> EventRepository::write(qint64 id, const Event& e, QList<qint64>* createdTags) {
    QByteArray geom;
    bool own = false;
    if (e.point) {
        geom = gpkgPoint(*e.point);
        own = true;
    } else if (e.placeId > 0) {
        auto placeGeom = m_db.scalar(u"SELECT geom FROM places WHERE fid = ?"_s, {e.placeId});
        if (!placeGeom)
            return placeGeom.error();
        if (auto p = pointFromGpkg(placeGeom.value().toByteArray()))
            geom = gpkgPoint(*p);
    }
    const qint64 earliest = e.earliest();
    const qint64 latest = e.latest();
    QStringList tagNames;
    for (const QString& t : e.tags)
        tagNames << t.trimmed();

    // Every text as UTF-8, kept here until the row is written.
    const QByteArray uuid = (e.uuid.isEmpty() ? newUuid() : e.uuid).toUtf8(),
                     title = e.title.trimmed().toUtf8(), description = e.description.toUtf8(),
                     start = e.start.toEdtf().toUtf8(), end = e.end.toEdtf().toUtf8(),
                     earliestText = FuzzyDate::gpkgDateTime(earliest).toUtf8(),
                     latestText = FuzzyDate::gpkgDateTime(latest).toUtf8(),
                     precision = locationPrecisionKey(e.locationPrecision).toUtf8(),
                     status = eventStatusKey(e.status).toUtf8(),
                     sensitivity = sensitivityKey(e.sensitivity).toUtf8(),
                     tags = tagNames.join(u"; "_s).toUtf8();
    EventRowValues row;
    row.geom = geom;
    row.uuid = uuid;
    row.title = title;
    row.description = description;
    row.startEdtf = start;
    row.endEdtf = end;
    row.earliest = earliestText;
    row.latest = latestText;
    row.earliestS = earliest;
    row.latestS = latest;
    row.ownPoint = own;
    row.placeId = e.placeId;
    row.originPlaceId = e.originPlaceId;
    row.destinationPlaceId = e.destinationPlaceId;
    row.locationPrecision = precision.constData();
    row.precisionMetres = e.precisionMetres;
    row.status = status.constData();
    row.sensitivity = sensitivity.constData();
    row.tags = tags;
    EventRowWriter writer(m_db);
    qint64 eventId = id;
    if (id == 0) {
        auto inserted = writer.insert(row);
        if (!inserted)
            return inserted.error();
        eventId = inserted.value();
    } else {
        CA_TRY(writer.update(id, row));
    }

    if (id != 0) {
        for (const QString& table : {u"event_actors"_s, u"event_tags"_s, u"event_values"_s}) {
            auto del = m_db.cached(u"DELETE FROM %1 WHERE event_id = ?"_s.arg(table));
            if (!del)
                return del.error();
            del.value()->bind(1, eventId);
            CA_TRY(del.value()->run());
        }
    }
    if (!e.actors.isEmpty()) {
        auto ins = m_db.cached(
            u"INSERT INTO event_actors(event_id, actor_id, role, position) VALUES (?, ?, ?, ?)"_s);
        if (!ins)
            return ins.error();
        for (int i = 0; i < e.actors.size(); ++i) {
            ins.value()->reset();
            ins.value()
                ->bind(1, eventId)
                .bind(2, e.actors[i].actorId)
                .bind(3, textOrNull(e.actors[i].role))
                .bind(4, i);
            CA_TRY(ins.value()->run());
        }
    }
    for (int i = 0; i < tagNames.size(); ++i) {
        auto tid = tagId(tagNames[i], createdTags);
        if (!tid)
            return tid.error();
        auto ins = m_db.cached(
            u"INSERT OR IGNORE INTO event_tags(event_id, tag_id, position) VALUES (?, ?, ?)"_s);
        if (!ins)
            return ins.error();
        ins.value()->bind(1, eventId).bind(2, tid.value()).bind(3, i);
        CA_TRY(ins.value()->run());
    }
    if (!e.values.isEmpty()) {
        auto ins = m_db.cached(
            u"INSERT INTO event_values(event_id, name, value, unit, position) VALUES (?, ?, ?, ?, ?)"_s);
        if (!ins)
            return ins.error();
        for (int i = 0; i < e.values.size(); ++i) {
            ins.value()->reset();
            ins.value()
                ->bind(1, eventId)
                .bind(2, e.values[i].name.trimmed())
                .bind(3, e.values[i].value)
                .bind(4, textOrNull(e.values[i].unit))
                .bind(5, i);
            CA_TRY(ins.value()->run());
        }
    }
    return eventId;
}

Result<qint64> EventRepository::insert(const Event& e, QList<qint64>* createdTags) {
    if (e.id != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "A new event cannot carry an id."));
    CA_TRY(validate(e));
    return write(0, e, createdTags);
}

Status EventRepository::update(const Event& e, QList<qint64>* createdTags) {
    if (!exists(e.id))
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The event #%1 no longer exists.").arg(e.id));
    CA_TRY(validate(e));
    CA_TRY(write(e.id, e, createdTags));
    return {};
}

Status EventRepository::remove(qint64 id) {
    return deleteRecord(m_db, u"events"_s, u"fid"_s, id, u"event"_s);
}

bool EventRepository::exists(qint64 id) {
    auto n = m_db.count(u"SELECT count(*) FROM events WHERE fid = ?"_s, {id});
    return n.ok() && n.value() > 0;
}

Result<qint64> EventRepository::count() {
    return m_db.count(u"SELECT count(*) FROM events"_s);
}

namespace {
Result<Event> eventFromRow(SqliteStatement& s) {
    Event e;
    e.id = s.int64(0);
    const QByteArray geom = s.blob(1);
    e.uuid = s.text(2);
    e.title = s.text(3);
    e.description = s.text(4);
    auto start = FuzzyDate::parse(s.text(5));
    if (!start)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("caseatlas", "The stored date of event #%1 is unreadable.")
                .arg(e.id),
            start.error().message);
    e.start = start.value();
    if (!s.isNull(6)) {
        auto end = FuzzyDate::parse(s.text(6));
        if (!end)
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate(
                                 "caseatlas", "The stored end date of event #%1 is unreadable.")
                                 .arg(e.id),
                             end.error().message);
        e.end = end.value();
    }
    if (s.int64(7) == 1)
        if (auto p = pointFromGpkg(geom))
            e.point = *p;
    e.placeId = s.int64(8);
    e.originPlaceId = s.int64(9);
    e.destinationPlaceId = s.int64(10);
    e.locationPrecision = locationPrecisionFromKey(s.text(11)).value_or(LocationPrecision::Unknown);
    e.precisionMetres = s.real(12);
    e.status = eventStatusFromKey(s.text(13)).value_or(EventStatus::Draft);
    e.sensitivity = sensitivityFromKey(s.text(14)).value_or(Sensitivity::Confidential);
    return e;
}
} // namespace

Status EventRepository::readChildren(Event& e) {
    auto actors = m_db.cached(
        u"SELECT actor_id, role FROM event_actors WHERE event_id = ? ORDER BY position"_s);
    if (!actors)
        return actors.error();
    actors.value()->bind(1, e.id);
    CA_TRY(actors.value()->forEachRow([&](SqliteStatement&) {
        e.actors.append({actors.value()->int64(0), actors.value()->text(1)});
    }));
    auto tags = m_db.cached(
        u"SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = ? ORDER BY et.position"_s);
    if (!tags)
        return tags.error();
    tags.value()->bind(1, e.id);
    CA_TRY(
        tags.value()->forEachRow([&](SqliteStatement&) { e.tags.append(tags.value()->text(0)); }));
    auto values = m_db.cached(
        u"SELECT name, value, unit FROM event_values WHERE event_id = ? ORDER BY position"_s);
    if (!values)
        return values.error();
    values.value()->bind(1, e.id);
    CA_TRY(values.value()->forEachRow([&](SqliteStatement&) {
        e.values.append(
            {values.value()->text(0), values.value()->real(1), values.value()->text(2)});
    }));
    return {};
}

Result<Event> EventRepository::load(qint64 id) {
    auto stmt =
        findRecord(m_db, u"SELECT %1 FROM events WHERE fid = ?"_s.arg(kColumns), id, u"event"_s);
    if (!stmt)
        return stmt.error();
    auto e = eventFromRow(*stmt.value());
    if (!e)
        return e.error();
    CA_TRY(readChildren(e.value()));
    return e;
}

Result<QList<Event>> EventRepository::all() {
    auto stmt =
        m_db.prepare(u"SELECT %1 FROM events ORDER BY earliest_s, latest_s, fid"_s.arg(kColumns));
    if (!stmt)
        return stmt.error();
    QList<Event> out;
    while (true) {
        auto row = stmt.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        auto e = eventFromRow(stmt.value());
        if (!e)
            return e.error();
        out.append(std::move(e).value());
    }
    for (Event& e : out)
        CA_TRY(readChildren(e));
    return out;
}

} // namespace caseatlas
