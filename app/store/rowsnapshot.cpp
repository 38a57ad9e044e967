#include "store/rowsnapshot.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<RowSnapshot::Part> RowSnapshot::describe(SqliteDatabase& db, const ScopeEntry& entry) {
    Part part;
    part.entry = entry;
    auto info = db.prepare(u"SELECT name, pk FROM pragma_table_info(?) ORDER BY cid"_s);
    if (!info)
        return info.error();
    info.value().bind(1, entry.table);
    QList<std::pair<qint64, int>> key; // place in the key, column index
    while (true) {
        auto row = info.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        if (const qint64 pk = info.value().int64(1); pk > 0)
            key.append({pk, int(part.columns.size())});
        part.columns << info.value().text(0);
    }
    std::sort(key.begin(), key.end());
    QStringList quoted;
    for (const auto& [place, column] : key) {
        part.primaryKey << part.columns.at(column);
        part.keyColumns << column;
        quoted << sqlIdentifier(part.columns.at(column));
    }
    part.keySql = quoted.join(u", "_s);
    if (part.columns.isEmpty() || part.primaryKey.isEmpty())
        return makeError(
            ErrorCode::Database,
            QCoreApplication::translate("caseatlas", "An edit could not be recorded for undo."),
            u"table %1 has no primary key"_s.arg(entry.table));
    return part;
}

QString RowSnapshot::keyOf(const QVariantList& row, const QList<int>& columns) {
    QString key;
    for (int column : columns) {
        const QVariant& v = row.at(column);
        // The type and the length before each value, so that no two keys read alike.
        const QString text = v.toString();
        key += QString::number(v.typeId()) + u':' + QString::number(text.size()) + u':' + text;
    }
    return key;
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

void RowSnapshot::forEachPart(const std::function<void(const ScopeEntry&, const QStringList&,
                                                       const QList<QVariantList>&)>& visit) const {
    for (const Part& p : m_parts)
        visit(p.entry, p.columns, p.rows);
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
            part.value().keySql));
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
        QSet<QString> keep;
        for (const QVariantList& row : p.rows)
            keep.insert(keyOf(row, p.keyColumns));
        QStringList keyMatch;
        QList<int> keyPlaces; // the key's columns in the rows read below: 0, 1, …
        for (int i = 0; i < p.primaryKey.size(); ++i) {
            keyMatch << u"%1 = ?"_s.arg(sqlIdentifier(p.primaryKey.at(i)));
            keyPlaces << i;
        }
        auto current = db.prepare(u"SELECT %1 FROM %2 WHERE %3 = ?"_s.arg(
            p.keySql, sqlIdentifier(p.entry.table), sqlIdentifier(p.entry.column)));
        if (!current)
            return current.error();
        current.value().bind(1, p.entry.value);
        QList<QVariantList> doomed;
        while (true) {
            auto row = current.value().step();
            if (!row)
                return row.error();
            if (!row.value())
                break;
            QVariantList key;
            for (int i = 0; i < keyPlaces.size(); ++i)
                key << current.value().value(i);
            if (!keep.contains(keyOf(key, keyPlaces)))
                doomed << key;
        }
        auto del = db.prepare(u"DELETE FROM %1 WHERE %2"_s.arg(sqlIdentifier(p.entry.table),
                                                               keyMatch.join(u" AND "_s)));
        if (!del)
            return del.error();
        for (const QVariantList& key : doomed) {
            del.value().reset();
            del.value().bindAll(key);
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
            if (!p.primaryKey.contains(c))
                updates << u"%1 = excluded.%1"_s.arg(sqlIdentifier(c));
        }
        const QString sql = u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(%4) DO %5"_s.arg(
            sqlIdentifier(p.entry.table), cols.join(u", "_s), marks.join(u", "_s), p.keySql,
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
