#pragma once

#include "store/sqlite.h"

#include <QList>

#include <utility>

namespace caseatlas {

// Loads every record whose id `idQuery` returns, in that order, with `load(id)`.
template <typename Load>
auto loadRecords(SqliteDatabase& db, const QString& idQuery, Load&& load)
    -> Result<QList<std::decay_t<decltype(load(qint64()).value())>>> {
    using Record = std::decay_t<decltype(load(qint64()).value())>;
    auto ids = db.prepare(idQuery);
    if (!ids)
        return ids.error();
    QList<qint64> list;
    CA_TRY(ids.value().forEachRow([&](SqliteStatement& s) { list << s.int64(0); }));
    QList<Record> out;
    out.reserve(list.size());
    for (qint64 id : list) {
        auto record = load(id);
        if (!record)
            return record.error();
        out << std::move(record).value();
    }
    return out;
}

// A cached statement standing on a row, reset when this goes: a statement left on a row keeps
// a read transaction open, and no other connection or process (QGIS, the command line) could
// write to the case until it was used again.
class FoundRow {
public:
    explicit FoundRow(SqliteStatement* statement)
        : m_statement(statement) {}
    FoundRow(FoundRow&& other) noexcept
        : m_statement(std::exchange(other.m_statement, nullptr)) {}
    FoundRow& operator=(FoundRow&& other) noexcept {
        std::swap(m_statement, other.m_statement);
        return *this;
    }
    FoundRow(const FoundRow&) = delete;
    FoundRow& operator=(const FoundRow&) = delete;
    ~FoundRow() {
        if (m_statement)
            m_statement->reset();
    }
    SqliteStatement& operator*() const { return *m_statement; }
    SqliteStatement* operator->() const { return m_statement; }

private:
    SqliteStatement* m_statement;
};

// Runs `sql` (one `?` for the id) and stands on the record's row until the result goes;
// NotFound (naming `what`) when there is none.
inline Result<FoundRow> findRecord(SqliteDatabase& db, const QString& sql, qint64 id,
                                   const QString& what) {
    auto stmt = db.cached(sql);
    if (!stmt)
        return stmt.error();
    stmt.value()->bind(1, id);
    auto row = stmt.value()->step();
    if (!row)
        return row.error();
    if (!row.value()) {
        stmt.value()->reset();
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("The %1 #%2 does not exist.").arg(what).arg(id));
    }
    return FoundRow(stmt.value());
}

// Deletes one row by key; NotFound (naming `what`) when there was none.
inline Status deleteRecord(SqliteDatabase& db, const QString& table, const QString& keyColumn,
                           qint64 id, const QString& what) {
    auto n = db.execute(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, keyColumn), {id});
    if (!n)
        return n.error();
    if (n.value() == 0)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("The %1 #%2 does not exist.").arg(what).arg(id));
    return {};
}

} // namespace caseatlas
