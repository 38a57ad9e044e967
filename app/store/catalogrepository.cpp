#include "store/catalogrepository.h"

#include "store/recordlist.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseatlas {

Scope CatalogRepository::tagScope(qint64 id) {
    return {{u"tags"_s, u"id"_s, id, true}, {u"event_tags"_s, u"tag_id"_s, id, true}};
}
Scope CatalogRepository::eraScope(qint64 id) {
    return {{u"eras"_s, u"id"_s, id, true}};
}
Scope CatalogRepository::viewScope(qint64 id) {
    // A view's briefings point at it (and lose it when it goes).
    return {{u"saved_views"_s, u"id"_s, id, true}, {u"briefings"_s, u"view_id"_s, id, false}};
}

Scope CatalogRepository::briefingScope(qint64 id) {
    return {{u"briefings"_s, u"id"_s, id, true}};
}

Status CatalogRepository::removeFrom(const QString& table, qint64 id, const QString& what) {
    return deleteRecord(m_db, table, u"id"_s, id, what);
}

// --- tags ---

Result<qint64> CatalogRepository::write(qint64 id, const Tag& t) {
    const QString name = t.name.trimmed();
    if (name.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "A tag needs a name."));
    auto clash = m_db.count(u"SELECT count(*) FROM tags WHERE name = ? AND id <> ?"_s, {name, id});
    if (!clash)
        return clash.error();
    if (clash.value() > 0)
        return makeError(
            ErrorCode::AlreadyExists,
            QCoreApplication::translate("caseatlas", "There is already a tag named \"%1\".")
                .arg(name));
    auto stmt = m_db.prepare(id == 0 ? u"INSERT INTO tags (name, color) VALUES (?1, ?2)"_s
                                     : u"UPDATE tags SET name = ?1, color = ?2 WHERE id = ?3"_s);
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, name).bind(2, colorOrNull(t.color));
    if (id != 0)
        stmt.value().bind(3, id);
    CA_TRY(stmt.value().run());
    return id == 0 ? m_db.lastInsertId() : id;
}

Result<qint64> CatalogRepository::insert(const Tag& t) {
    return write(0, t);
}

Status CatalogRepository::update(const Tag& t) {
    CA_TRY(loadTag(t.id));
    CA_TRY(write(t.id, t));
    return refreshEventTagText(t.id);
}

Status CatalogRepository::removeTag(qint64 id) {
    auto events = m_db.prepare(u"SELECT event_id FROM event_tags WHERE tag_id = ?"_s);
    if (!events)
        return events.error();
    events.value().bind(1, id);
    QList<qint64> affected;
    CA_TRY(
        events.value().forEachRow([&](SqliteStatement&) { affected << events.value().int64(0); }));
    CA_TRY(removeFrom(u"tags"_s, id, u"tag"_s));
    auto refresh =
        m_db.prepare(u"UPDATE events SET tags = (SELECT group_concat(name, '; ') FROM "
                     "(SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id "
                     "WHERE et.event_id = events.fid ORDER BY et.position)) WHERE fid = ?"_s);
    if (!refresh)
        return refresh.error();
    for (qint64 e : affected) {
        refresh.value().reset();
        refresh.value().bind(1, e);
        CA_TRY(refresh.value().run());
    }
    return {};
}

Status CatalogRepository::refreshEventTagText(qint64 tagId) {
    auto stmt = m_db.prepare(u"UPDATE events SET tags = (SELECT group_concat(name, '; ') FROM "
                             "(SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id "
                             "WHERE et.event_id = events.fid ORDER BY et.position)) "
                             "WHERE fid IN (SELECT event_id FROM event_tags WHERE tag_id = ?)"_s);
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, tagId);
    return stmt.value().run();
}

Result<Tag> CatalogRepository::loadTag(qint64 id) {
    auto stmt = m_db.prepare(u"SELECT id, name, color FROM tags WHERE id = ?"_s);
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, id);
    auto found = stmt.value().step();
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The tag #%1 does not exist.").arg(id));
    return Tag{stmt.value().int64(0), stmt.value().text(1), colorFrom(stmt.value().text(2))};
}

Result<QList<Tag>> CatalogRepository::tags() {
    auto stmt = m_db.prepare(u"SELECT id, name, color FROM tags ORDER BY name COLLATE NOCASE"_s);
    if (!stmt)
        return stmt.error();
    QList<Tag> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement&) {
        out.append({stmt.value().int64(0), stmt.value().text(1), colorFrom(stmt.value().text(2))});
    }));
    return out;
}

// --- eras ---

Result<qint64> CatalogRepository::write(qint64 id, const Era& e) {
    if (e.name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "An era needs a name."));
    if (!e.span.isValid())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "The era \"%1\" needs a date span.")
                .arg(e.name));
    auto stmt = m_db.prepare(
        id == 0
            ? u"INSERT INTO eras (name, span_edtf, earliest_s, latest_s, color, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"_s
            : u"UPDATE eras SET name = ?1, span_edtf = ?2, earliest_s = ?3, latest_s = ?4, color = ?5, description = ?6 WHERE id = ?7"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()
        .bind(1, e.name.trimmed())
        .bind(2, e.span.toEdtf())
        .bind(3, e.span.earliest())
        .bind(4, e.span.latest())
        .bind(5, colorOrNull(e.color))
        .bind(6, textOrNull(e.description));
    if (id != 0)
        stmt.value().bind(7, id);
    CA_TRY(stmt.value().run());
    return id == 0 ? m_db.lastInsertId() : id;
}

Result<qint64> CatalogRepository::insert(const Era& e) {
    return write(0, e);
}

Status CatalogRepository::update(const Era& e) {
    CA_TRY(loadEra(e.id));
    CA_TRY(write(e.id, e));
    return {};
}

Status CatalogRepository::removeEra(qint64 id) {
    return removeFrom(u"eras"_s, id, u"era"_s);
}

Result<Era> CatalogRepository::loadEra(qint64 id) {
    auto list = eras();
    if (!list)
        return list.error();
    for (const Era& e : list.value())
        if (e.id == id)
            return e;
    return makeError(
        ErrorCode::NotFound,
        QCoreApplication::translate("caseatlas", "The era #%1 does not exist.").arg(id));
}

Result<QList<Era>> CatalogRepository::eras() {
    auto stmt = m_db.prepare(
        u"SELECT id, name, span_edtf, color, description FROM eras ORDER BY earliest_s, id"_s);
    if (!stmt)
        return stmt.error();
    QList<Era> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement&) {
        Era e;
        e.id = stmt.value().int64(0);
        e.name = stmt.value().text(1);
        if (auto span = FuzzyDate::parse(stmt.value().text(2)))
            e.span = span.value();
        e.color = colorFrom(stmt.value().text(3));
        e.description = stmt.value().text(4);
        out << e;
    }));
    return out;
}

// --- saved views ---

Result<qint64> CatalogRepository::write(qint64 id, const SavedView& v) {
    if (v.name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "A saved view needs a name."));
    for (const QString& t : {v.timeFrom, v.timeTo})
        if (!t.isEmpty())
            if (auto d = FuzzyDate::parse(t); !d)
                return d.error();
    for (double c : {v.west, v.south, v.east, v.north})
        if (!std::isfinite(c))
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "The map extent of a view must be finite."));
    auto clash = m_db.count(u"SELECT count(*) FROM saved_views WHERE name = ? AND id <> ?"_s,
                            {v.name.trimmed(), id});
    if (!clash)
        return clash.error();
    if (clash.value() > 0)
        return makeError(
            ErrorCode::AlreadyExists,
            QCoreApplication::translate("caseatlas", "There is already a view named \"%1\".")
                .arg(v.name.trimmed()));
    auto stmt = m_db.prepare(
        id == 0
            ? u"INSERT INTO saved_views (name, filter_json, time_from, time_to, west, south, east, north) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"_s
            : u"UPDATE saved_views SET name = ?1, filter_json = ?2, time_from = ?3, time_to = ?4, west = ?5, south = ?6, east = ?7, north = ?8 WHERE id = ?9"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()
        .bind(1, v.name.trimmed())
        .bind(2, QString::fromUtf8(QJsonDocument(v.filter).toJson(QJsonDocument::Compact)))
        .bind(3, textOrNull(v.timeFrom))
        .bind(4, textOrNull(v.timeTo))
        .bind(5, v.west)
        .bind(6, v.south)
        .bind(7, v.east)
        .bind(8, v.north);
    if (id != 0)
        stmt.value().bind(9, id);
    CA_TRY(stmt.value().run());
    return id == 0 ? m_db.lastInsertId() : id;
}

Result<qint64> CatalogRepository::insert(const SavedView& v) {
    return write(0, v);
}

Status CatalogRepository::update(const SavedView& v) {
    CA_TRY(loadView(v.id));
    CA_TRY(write(v.id, v));
    return {};
}

Status CatalogRepository::removeView(qint64 id) {
    return removeFrom(u"saved_views"_s, id, u"saved view"_s);
}

Result<SavedView> CatalogRepository::loadView(qint64 id) {
    auto list = savedViews();
    if (!list)
        return list.error();
    for (const SavedView& v : list.value())
        if (v.id == id)
            return v;
    return makeError(
        ErrorCode::NotFound,
        QCoreApplication::translate("caseatlas", "The saved view #%1 does not exist.").arg(id));
}

Result<QList<SavedView>> CatalogRepository::savedViews() {
    auto stmt = m_db.prepare(
        u"SELECT id, name, filter_json, time_from, time_to, west, south, east, north FROM saved_views ORDER BY name COLLATE NOCASE"_s);
    if (!stmt)
        return stmt.error();
    QList<SavedView> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement&) {
        SavedView v;
        SqliteStatement& s = stmt.value();
        v.id = s.int64(0);
        v.name = s.text(1);
        v.filter = QJsonDocument::fromJson(s.text(2).toUtf8()).object();
        v.timeFrom = s.text(3);
        v.timeTo = s.text(4);
        v.west = s.real(5);
        v.south = s.real(6);
        v.east = s.real(7);
        v.north = s.real(8);
        out << v;
    }));
    return out;
}

// --- briefings ---

Result<qint64> CatalogRepository::write(qint64 id, const SavedBriefing& b) {
    if (b.name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "A briefing needs a name."));
    auto clash = m_db.count(u"SELECT count(*) FROM briefings WHERE name = ? AND id <> ?"_s,
                            {b.name.trimmed(), id});
    if (!clash)
        return clash.error();
    if (clash.value() > 0)
        return makeError(
            ErrorCode::AlreadyExists,
            QCoreApplication::translate("caseatlas", "There is already a briefing named \"%1\".")
                .arg(b.name.trimmed()));
    if (b.viewId)
        CA_TRY(loadView(b.viewId));
    auto stmt = m_db.prepare(id == 0 ? u"INSERT INTO briefings (name, view_id, settings_json) "
                                       "VALUES (?1, ?2, ?3)"_s
                                     : u"UPDATE briefings SET name = ?1, view_id = ?2, "
                                       "settings_json = ?3 WHERE id = ?4"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()
        .bind(1, b.name.trimmed())
        .bind(2, b.viewId ? QVariant(b.viewId) : QVariant())
        .bind(3, QString::fromUtf8(QJsonDocument(b.settings).toJson(QJsonDocument::Compact)));
    if (id != 0)
        stmt.value().bind(4, id);
    CA_TRY(stmt.value().run());
    return id == 0 ? m_db.lastInsertId() : id;
}

Result<qint64> CatalogRepository::insert(const SavedBriefing& b) {
    return write(0, b);
}

Status CatalogRepository::update(const SavedBriefing& b) {
    auto n = m_db.count(u"SELECT count(*) FROM briefings WHERE id = ?"_s, {b.id});
    if (!n)
        return n.error();
    if (n.value() == 0)
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The briefing #%1 does not exist.").arg(b.id));
    CA_TRY(write(b.id, b));
    return {};
}

Status CatalogRepository::removeBriefing(qint64 id) {
    return removeFrom(u"briefings"_s, id, u"briefing"_s);
}

Result<QList<SavedBriefing>> CatalogRepository::briefings() {
    auto stmt = m_db.prepare(u"SELECT id, name, coalesce(view_id, 0), settings_json FROM "
                             "briefings ORDER BY name COLLATE NOCASE"_s);
    if (!stmt)
        return stmt.error();
    QList<SavedBriefing> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.append({s.int64(0), s.text(1), s.int64(2),
                    QJsonDocument::fromJson(s.text(3).toUtf8()).object()});
    }));
    return out;
}

} // namespace caseatlas
