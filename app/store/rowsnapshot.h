#pragma once

#include "core/result.h"
#include "store/sqlite.h"

#include <QList>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace caseatlas {

// The rows that make up one record: `table` rows whose `column` equals `value`.
// Owned rows belong to the record (created and deleted with it); rows that are not owned
// only refer to it (an event pointing at a place) and are restored, never deleted.
struct ScopeEntry {
    QString table;
    QString column;
    QVariant value;
    bool owned = true;
};
using Scope = QList<ScopeEntry>;

// A copy of the rows in a scope, which can later be written back so that the scope holds
// exactly these rows again. Undo and redo of every edit are two snapshots of its scope.
class RowSnapshot {
public:
    static Result<RowSnapshot> capture(SqliteDatabase& db, const Scope& scope);
    // An empty snapshot of `scope`: restoring it removes the owned rows.
    static Result<RowSnapshot> empty(SqliteDatabase& db, const Scope& scope);
    Status restore(SqliteDatabase& db) const;
    void append(const RowSnapshot& other) { m_parts += other.m_parts; }
    qsizetype rowCount() const;
    // Each part's rows: its scope entry, column names and rows (a table can come in several
    // parts, and a row in more than one, when several entries of the scope match it).
    void forEachPart(const std::function<void(const ScopeEntry& entry, const QStringList& columns,
                                              const QList<QVariantList>& rows)>& visit) const;

private:
    struct Part {
        ScopeEntry entry;
        QStringList primaryKey; // its columns, in the key's order
        QList<int> keyColumns;  // their indexes in columns
        QString keySql;         // their quoted names, joined by ", "
        QStringList columns;
        QList<QVariantList> rows;
    };
    static Result<Part> describe(SqliteDatabase& db, const ScopeEntry& entry);
    // A row's key (the values at `columns`) as one text, for comparing.
    static QString keyOf(const QVariantList& row, const QList<int>& columns);
    QList<Part> m_parts;
};

} // namespace caseatlas
