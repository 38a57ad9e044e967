#include "store/actorrepository.h"

#include "store/aliastable.h"
#include "store/recordlist.h"
#include "store/sqlvalues.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
const QString kColumns = u"id, uuid, name, kind, description, protected, sensitivity"_s;
}

Scope ActorRepository::scope(qint64 id) {
    return {{u"actors"_s, u"id"_s, id, true},
            {u"actor_aliases"_s, u"actor_id"_s, id, true},
            {u"event_actors"_s, u"actor_id"_s, id, true}};
}

Status ActorRepository::validate(const Actor& a) {
    if (a.name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "An actor needs a name."));
    return AliasTable::validate(a.aliases);
}

Result<qint64> ActorRepository::write(qint64 id, const Actor& a) {
    const QString sql =
        id == 0
            ? u"INSERT INTO actors (uuid, name, kind, description, protected, sensitivity) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"_s
            : u"UPDATE actors SET uuid = ?1, name = ?2, kind = ?3, description = ?4, protected = ?5, sensitivity = ?6 WHERE id = ?7"_s;
    auto stmt = m_db.cached(sql);
    if (!stmt)
        return stmt.error();
    stmt.value()
        ->bind(1, a.uuid.isEmpty() ? newUuid() : a.uuid)
        .bind(2, a.name.trimmed())
        .bind(3, actorKindKey(a.kind))
        .bind(4, textOrNull(a.description))
        .bind(5, a.protectedPerson ? 1 : 0)
        .bind(6, sensitivityKey(a.sensitivity));
    if (id != 0)
        stmt.value()->bind(7, id);
    CA_TRY(stmt.value()->run());
    const qint64 actorId = id == 0 ? m_db.lastInsertId() : id;
    CA_TRY(AliasTable(m_db, u"actor_aliases"_s, u"actor_id"_s).replace(actorId, a.aliases));
    return actorId;
}

Result<qint64> ActorRepository::insert(const Actor& a) {
    if (a.id != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "A new actor cannot carry an id."));
    CA_TRY(validate(a));
    return write(0, a);
}

Status ActorRepository::update(const Actor& a) {
    CA_TRY(load(a.id));
    CA_TRY(validate(a));
    CA_TRY(write(a.id, a));
    return {};
}

Status ActorRepository::remove(qint64 id) {
    return deleteRecord(m_db, u"actors"_s, u"id"_s, id, u"actor"_s);
}

Result<Actor> ActorRepository::load(qint64 id) {
    auto stmt =
        findRecord(m_db, u"SELECT %1 FROM actors WHERE id = ?"_s.arg(kColumns), id, u"actor"_s);
    if (!stmt)
        return stmt.error();
    SqliteStatement& s = *stmt.value();
    Actor a;
    a.id = s.int64(0);
    a.uuid = s.text(1);
    a.name = s.text(2);
    a.kind = actorKindFromKey(s.text(3)).value_or(ActorKind::Person);
    a.description = s.text(4);
    a.protectedPerson = s.int64(5) != 0;
    a.sensitivity = sensitivityFromKey(s.text(6)).value_or(Sensitivity::Confidential);
    auto aliases = AliasTable(m_db, u"actor_aliases"_s, u"actor_id"_s).read(a.id);
    if (!aliases)
        return aliases.error();
    a.aliases = aliases.value();
    return a;
}

Result<QList<Actor>> ActorRepository::all() {
    return loadRecords(m_db, u"SELECT id FROM actors ORDER BY name COLLATE NOCASE, id"_s,
                       [this](qint64 id) { return load(id); });
}

Result<qint64> ActorRepository::count() {
    return m_db.count(u"SELECT count(*) FROM actors"_s);
}

Result<QList<qint64>> ActorRepository::findByName(const QString& name) {
    auto stmt = m_db.cached(u"SELECT id FROM actors WHERE name = ?1 COLLATE NOCASE UNION "
                            "SELECT actor_id FROM actor_aliases WHERE name = ?1 COLLATE NOCASE"_s);
    if (!stmt)
        return stmt.error();
    stmt.value()->bind(1, name.trimmed());
    QList<qint64> out;
    CA_TRY(stmt.value()->forEachRow([&](SqliteStatement& s) { out << s.int64(0); }));
    return out;
}

} // namespace caseatlas
