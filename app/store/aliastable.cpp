#include "store/aliastable.h"

#include "store/sqlvalues.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<QList<Alias>> AliasTable::read(qint64 ownerId) {
    auto stmt = m_db.cached(
        u"SELECT name, language FROM %1 WHERE %2 = ? ORDER BY id"_s.arg(m_table, m_owner));
    if (!stmt)
        return stmt.error();
    stmt.value()->bind(1, ownerId);
    QList<Alias> out;
    CA_TRY(stmt.value()->forEachRow([&](SqliteStatement& s) {
        out.append({s.text(0), s.text(1)});
    }));
    return out;
}

Status AliasTable::replace(qint64 ownerId, const QList<Alias>& aliases) {
    auto del = m_db.cached(u"DELETE FROM %1 WHERE %2 = ?"_s.arg(m_table, m_owner));
    if (!del)
        return del.error();
    del.value()->bind(1, ownerId);
    CA_TRY(del.value()->run());
    auto ins = m_db.cached(
        u"INSERT INTO %1 (%2, name, language) VALUES (?, ?, ?)"_s.arg(m_table, m_owner));
    if (!ins)
        return ins.error();
    for (const Alias& a : aliases) {
        ins.value()->reset();
        ins.value()->bind(1, ownerId).bind(2, a.name.trimmed()).bind(3, textOrNull(a.language));
        CA_TRY(ins.value()->run());
    }
    return {};
}

Status AliasTable::validate(const QList<Alias>& aliases) {
    for (const Alias& a : aliases)
        if (a.name.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("caseatlas", "An alias cannot be empty."));
    return {};
}

} // namespace caseatlas
