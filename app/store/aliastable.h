#pragma once

#include "domain/actor.h"
#include "store/sqlite.h"

namespace caseatlas {

// The alias tables of actors and places have the same shape: (owner, name, language).
class AliasTable {
public:
    AliasTable(SqliteDatabase& db, QString table, QString ownerColumn)
        : m_db(db)
        , m_table(std::move(table))
        , m_owner(std::move(ownerColumn)) {}

    Result<QList<Alias>> read(qint64 ownerId);
    Status replace(qint64 ownerId, const QList<Alias>& aliases);
    static Status validate(const QList<Alias>& aliases);

private:
    SqliteDatabase& m_db;
    QString m_table;
    QString m_owner;
};

} // namespace caseatlas
