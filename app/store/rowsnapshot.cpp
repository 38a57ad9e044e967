#include "store/rowsnapshot.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<RowSnapshot::Part> RowSnapshot::describe(SqliteDatabase& db, const ScopeEntry& entry) {
    Part part;
    part.entry = entry;
    auto info = db.prepare(u"SELECT name, pk FROM pragma_table_info(?) ORDER BY cid"_s);
    if (!info)
        return info.error();
    info.value().bind(1, entry.table);
    while (true) {
        auto row = info.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        part.columns << info.value().text(0);
        if (info.value().int64(1) == 1)
            part.primaryKey = info.value().text(0);
    }
    if (part.columns.isEmpty() || part.primaryKey.isEmpty())
        return makeError(
            ErrorCode::Database,
            QCoreApplication::translate("caseatlas", "An edit could not be recorded for undo."),
            u"table %1 has no single-column primary key"_s.arg(entry.table));
    return part;
}

Result<RowSnapshot> RowSnapshot::empty(SqliteDatabase& db, const Scope& scope) {
    RowSnapshot snap;
    for (const ScopeEntry& e : scope) {
        auto part = describe(db, e);
        if (!part)
            return part.error();
        snap.m_parts << part.value();
    }
    return snap;
}

Result<RowSnapshot> RowSnapshot::capture(SqliteDatabase& db, const Scope& scope) {
    RowSnapshot snap;
    for (const ScopeEntry& e : scope) {
        auto part = describe(db, e);
        if (!part)
            return part.error();
        QStringList cols;
        for (const QString& c : part.value().columns)
            cols << sqlIdentifier(c);
        auto stmt = db.prepare(u"SELECT %1 FROM %2 WHERE %3 = ? ORDER BY %4"_s.arg(
            cols.join(u", "_s), sqlIdentifier(e.table), sqlIdentifier(e.column),
            sqlIdentifier(part.value().primaryKey)));
        if (!stmt)
            return stmt.error();
        stmt.value().bind(1, e.value);
        while (true) {
            auto row = stmt.value().step();
            if (!row)
                return row.error();
            if (!row.value())
                break;
            QVariantList values;
            values.reserve(cols.size());
            for (int i = 0; i < cols.size(); ++i)
                values << stmt.value().value(i);
            part.value().rows << values;
        }
        snap.m_parts << part.value();
    }
    return snap;
}

Status RowSnapshot::restore(SqliteDatabase& db) const {
    // Remove owned rows that the snapshot does not have, children before parents.
    for (auto it = m_parts.crbegin(); it != m_parts.crend(); ++it) {
        const Part& p = *it;
        if (!p.entry.owned)
            continue;
        const int pkIndex = int(p.columns.indexOf(p.primaryKey));
        QSet<QString> keep;
        for (const QVariantList& row : p.rows)
            keep.insert(row.at(pkIndex).toString());
        auto current = db.prepare(u"SELECT %1 FROM %2 WHERE %3 = ?"_s.arg(
            sqlIdentifier(p.primaryKey), sqlIdentifier(p.entry.table),
            sqlIdentifier(p.entry.column)));
        if (!current)
            return current.error();
        current.value().bind(1, p.entry.value);
        QVariantList doomed;
        while (true) {
            auto row = current.value().step();
            if (!row)
                return row.error();
            if (!row.value())
                break;
            const QVariant key = current.value().value(0);
            if (!keep.contains(key.toString()))
                doomed << key;
        }
        auto del = db.prepare(u"DELETE FROM %1 WHERE %2 = ?"_s.arg(sqlIdentifier(p.entry.table),
                                                                   sqlIdentifier(p.primaryKey)));
        if (!del)
            return del.error();
        for (const QVariant& key : doomed) {
            del.value().reset();
            del.value().bind(1, key);
            CA_TRY(del.value().run());
        }
    }
    // Write back every captured row, parents before children. An upsert keeps existing rows
    // in place, so no ON DELETE action fires on their children.
    for (const Part& p : m_parts) {
        if (p.rows.isEmpty())
            continue;
        QStringList cols, marks, updates;
        for (const QString& c : p.columns) {
            cols << sqlIdentifier(c);
            marks << u"?"_s;
            if (c != p.primaryKey)
                updates << u"%1 = excluded.%1"_s.arg(sqlIdentifier(c));
        }
        const QString sql = u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(%4) DO %5"_s.arg(
            sqlIdentifier(p.entry.table), cols.join(u", "_s), marks.join(u", "_s),
            sqlIdentifier(p.primaryKey),
            updates.isEmpty() ? u"NOTHING"_s : u"UPDATE SET "_s + updates.join(u", "_s));
        auto upsert = db.prepare(sql);
        if (!upsert)
            return upsert.error();
        for (const QVariantList& row : p.rows) {
            upsert.value().reset();
            upsert.value().bindAll(row);
            CA_TRY(upsert.value().run());
        }
    }
    return {};
}

qsizetype RowSnapshot::rowCount() const {
    qsizetype n = 0;
    for (const Part& p : m_parts)
        n += p.rows.size();
    return n;
}

} // namespace caseatlas
