#include "store/changelog.h"

#include "core/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

QString changesetKindKey(ChangesetKind kind) {
    switch (kind) {
    case ChangesetKind::Edit:
        return u"edit"_s;
    case ChangesetKind::Undo:
        return u"undo"_s;
    case ChangesetKind::Redo:
        return u"redo"_s;
    }
    return u"edit"_s;
}

namespace {

// A column that holds another record's row id, named in a change by that record's identity.
struct Reference {
    QString column, table, field;
};

// A table whose rows are records of their own.
struct SharedTable {
    QString table, key, identity;
    QStringList skipped; // worked out from other columns, or the copy's own
    QList<Reference> references;
};

// A table whose rows are the items of a list of another record (one field of it).
struct SharedList {
    QString table, parent, parentTable, field;
    QStringList primaryKey;
    QString order;       // the items' order
    QStringList columns; // an item's contents
    QList<Reference> references;
};

const QList<SharedTable>& sharedTables() {
    static const QList<SharedTable> tables = {
        {u"events"_s,
         u"fid"_s,
         u"uuid"_s,
         {u"earliest"_s, u"latest"_s, u"earliest_s"_s, u"latest_s"_s, u"tags"_s},
         {{u"place_id"_s, u"places"_s, u"place"_s},
          {u"origin_place_id"_s, u"places"_s, u"origin_place"_s},
          {u"destination_place_id"_s, u"places"_s, u"destination_place"_s}}},
        {u"places"_s, u"fid"_s, u"uuid"_s, {}, {}},
        {u"actors"_s, u"id"_s, u"uuid"_s, {}, {}},
        {u"sources"_s, u"id"_s, u"uuid"_s, {}, {}},
        {u"notes"_s, u"id"_s, u"uuid"_s, {u"modified_at"_s}, {}},
        {u"tags"_s, u"id"_s, u"name"_s, {}, {}},
        {u"eras"_s, u"id"_s, u"uuid"_s, {u"earliest_s"_s, u"latest_s"_s}, {}},
        {u"saved_views"_s, u"id"_s, u"uuid"_s, {}, {}},
        {u"briefings"_s, u"id"_s, u"uuid"_s, {}, {{u"view_id"_s, u"saved_views"_s, u"view"_s}}},
        {u"attachments"_s,
         u"id"_s,
         u"uuid"_s,
         {},
         {{u"source_id"_s, u"sources"_s, u"source"_s}, {u"event_id"_s, u"events"_s, u"event"_s}}},
    };
    return tables;
}

const QList<SharedList>& sharedLists() {
    static const QList<SharedList> lists = {
        {u"event_actors"_s,
         u"event_id"_s,
         u"events"_s,
         u"actors"_s,
         {u"event_id"_s, u"position"_s},
         u"position"_s,
         {u"actor_id"_s, u"role"_s},
         {{u"actor_id"_s, u"actors"_s, u"actor"_s}}},
        {u"event_tags"_s,
         u"event_id"_s,
         u"events"_s,
         u"tags"_s,
         {u"event_id"_s, u"tag_id"_s},
         u"position"_s,
         {u"tag_id"_s},
         {{u"tag_id"_s, u"tags"_s, u"tag"_s}}},
        {u"event_values"_s,
         u"event_id"_s,
         u"events"_s,
         u"values"_s,
         {u"event_id"_s, u"position"_s},
         u"position"_s,
         {u"name"_s, u"value"_s, u"unit"_s},
         {}},
        {u"citations"_s,
         u"event_id"_s,
         u"events"_s,
         u"citations"_s,
         {u"id"_s},
         u"id"_s,
         {u"source_id"_s, u"field"_s, u"locator"_s, u"quote"_s, u"credibility"_s},
         {{u"source_id"_s, u"sources"_s, u"source"_s}}},
        {u"place_aliases"_s,
         u"place_id"_s,
         u"places"_s,
         u"aliases"_s,
         {u"id"_s},
         u"id"_s,
         {u"name"_s, u"language"_s},
         {}},
        {u"actor_aliases"_s,
         u"actor_id"_s,
         u"actors"_s,
         u"aliases"_s,
         {u"id"_s},
         u"id"_s,
         {u"name"_s, u"language"_s},
         {}},
    };
    return lists;
}

const SharedTable* sharedTable(const QString& name) {
    for (const SharedTable& t : sharedTables())
        if (t.table == name)
            return &t;
    return nullptr;
}

const Reference* referenceOf(const QList<Reference>& references, const QString& column) {
    for (const Reference& r : references)
        if (r.column == column)
            return &r;
    return nullptr;
}

// Two values as SQLite compares them for equality (an integer and a real of one value are one).
bool sameValue(const QVariant& a, const QVariant& b) {
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    const int ta = a.typeId(), tb = b.typeId();
    const bool textA = ta == QMetaType::QString, textB = tb == QMetaType::QString;
    const bool blobA = ta == QMetaType::QByteArray, blobB = tb == QMetaType::QByteArray;
    if (textA || textB)
        return textA && textB && a.toString() == b.toString();
    if (blobA || blobB)
        return blobA && blobB && a.toByteArray() == b.toByteArray();
    if (ta == QMetaType::LongLong && tb == QMetaType::LongLong)
        return a.toLongLong() == b.toLongLong();
    return a.toDouble() == b.toDouble();
}

QString rowKey(const QVariantList& row, const QList<int>& columns) {
    QStringList parts;
    for (int c : columns)
        parts << row.value(c).toString();
    return parts.join(QChar(0x1f));
}

// One table's rows in the two snapshots, by key (a row comes once however many parts hold it).
struct Rows {
    QStringList columns;
    QHash<QString, QVariantList> before, after;
    QList<QString> order; // keys in the order first seen
};

// Row ids turned into identities (uuids, a tag's name): from the snapshots first (a record
// deleted by the edit is only there), then from the case.
class Identities {
public:
    Identities(SqliteDatabase& db, const QHash<QString, Rows>& rows)
        : m_db(db)
        , m_rows(rows) {}

    Result<QVariant> of(const QString& table, const QVariant& id) {
        if (id.isNull())
            return QVariant();
        const SharedTable* t = sharedTable(table);
        if (!t)
            return QVariant();
        const QString cacheKey = table + u':' + id.toString();
        if (auto hit = m_cache.constFind(cacheKey); hit != m_cache.cend())
            return *hit;
        QVariant found;
        if (auto r = m_rows.constFind(table); r != m_rows.cend()) {
            // Rows are kept by their key's text (see rowKey).
            const auto idAt = r->columns.indexOf(t->identity);
            const QString key = id.toString();
            for (const auto* side : {&r->before, &r->after})
                if (auto row = side->constFind(key); row != side->cend() && idAt >= 0)
                    found = row->value(idAt);
        }
        if (found.isNull()) {
            auto stmt = m_db.cached(
                u"SELECT \"%1\" FROM \"%2\" WHERE \"%3\" = ?"_s.arg(t->identity, t->table, t->key));
            if (!stmt)
                return stmt.error();
            stmt.value()->bind(1, id);
            auto row = stmt.value()->step();
            if (!row)
                return row.error();
            if (row.value())
                found = stmt.value()->value(0);
            stmt.value()->reset();
        }
        m_cache.insert(cacheKey, found);
        return found;
    }

private:
    SqliteDatabase& m_db;
    const QHash<QString, Rows>& m_rows;
    QHash<QString, QVariant> m_cache;
};

// A note's links by row id ([[event:12|…]]) written with the record's uuid instead
// ([[event:6f1c…|…]]), as any copy can follow them.
Result<QString> linksByIdentity(const QString& body, Identities& ids) {
    static const QRegularExpression re(
        u"\\[\\[(event|actor|place|source):(\\d{1,18})((?:\\|[^\\]\\n]*)?\\]\\])"_s);
    static const QHash<QString, QString> tables = {{u"event"_s, u"events"_s},
                                                   {u"actor"_s, u"actors"_s},
                                                   {u"place"_s, u"places"_s},
                                                   {u"source"_s, u"sources"_s}};
    QString out;
    qsizetype at = 0;
    auto it = re.globalMatch(body);
    while (it.hasNext()) {
        const auto m = it.next();
        auto id = ids.of(tables.value(m.captured(1)), m.captured(2).toLongLong());
        if (!id)
            return id.error();
        out += QStringView(body).mid(at, m.capturedStart() - at);
        out += id.value().isNull()
                   ? m.captured(0)
                   : u"[[%1:%2%3"_s.arg(m.captured(1), id.value().toString(), m.captured(3));
        at = m.capturedEnd();
    }
    out += QStringView(body).mid(at);
    return out;
}

using Fields = QList<std::pair<QString, QVariant>>;

// A column's value as a change names it: a reference as the other record's identity, under the
// reference's name.
Result<std::pair<QString, QVariant>> named(const QList<Reference>& references,
                                           const QString& column, const QVariant& value,
                                           Identities& ids) {
    const Reference* r = referenceOf(references, column);
    if (!r)
        return std::pair(column, value);
    auto id = ids.of(r->table, value);
    if (!id)
        return id.error();
    return std::pair(r->field, id.value());
}

// A record's fields as changes name them.
Result<Fields> fieldsOf(const SharedTable& t, const QStringList& columns, const QVariantList& row,
                        Identities& ids) {
    Fields out;
    const int ownPointAt = t.table == u"events" ? int(columns.indexOf(u"own_point"_s)) : -1;
    for (int i = 0; i < columns.size(); ++i) {
        const QString& c = columns.at(i);
        if (c == t.key || c == t.identity || t.skipped.contains(c))
            continue;
        auto field = named(t.references, c, row.value(i), ids);
        if (!field)
            return field.error();
        auto [name, v] = field.value();
        if (c == u"geom" && ownPointAt >= 0 && row.value(ownPointAt).toLongLong() == 0) {
            v = QVariant(); // the place's point, copied: not the event's own
        } else if (t.table == u"notes" && c == u"body" && !v.isNull()) {
            auto linked = linksByIdentity(v.toString(), ids);
            if (!linked)
                return linked.error();
            v = linked.value();
        }
        out.append({name, v});
    }
    return out;
}

QJsonValue jsonOf(const QVariant& v) {
    if (v.isNull())
        return QJsonValue::Null;
    switch (v.typeId()) {
    case QMetaType::LongLong:
        return QJsonValue(v.toLongLong());
    case QMetaType::Double:
        return QJsonValue(v.toDouble());
    case QMetaType::QByteArray:
        return QJsonValue(QString::fromLatin1(v.toByteArray().toBase64()));
    default:
        return QJsonValue(v.toString());
    }
}

// The rows of `table` whose `column` equals `value`, their `columns` in that order (one
// statement per table and column, kept by the connection).
Result<QList<QVariantList>> rowsWhere(SqliteDatabase& db, const QString& table,
                                      const QStringList& columns, const QString& column,
                                      const QVariant& value) {
    QStringList cols;
    for (const QString& c : columns)
        cols << sqlIdentifier(c);
    auto stmt = db.cached(u"SELECT %1 FROM %2 WHERE %3 = ?"_s.arg(
        cols.join(u", "_s), sqlIdentifier(table), sqlIdentifier(column)));
    if (!stmt)
        return stmt.error();
    stmt.value()->bind(1, value);
    QList<QVariantList> rows;
    CA_TRY(stmt.value()->forEachRow([&](SqliteStatement& s) {
        QVariantList values;
        values.reserve(columns.size());
        for (int i = 0; i < columns.size(); ++i)
            values << s.value(i);
        rows << values;
    }));
    return rows;
}

} // namespace

Result<QList<FieldChange>> ChangeLog::diff(const RowSnapshot& before, const RowSnapshot& after) {
    // The rows of the tables that matter, from both snapshots.
    QSet<QString> wanted;
    for (const SharedTable& t : sharedTables())
        wanted.insert(t.table);
    for (const SharedList& l : sharedLists())
        wanted.insert(l.table);
    QHash<QString, Rows> rows;
    QHash<QString, QList<int>> keyColumns;
    auto keyOf = [&](const QString& table, const QStringList& columns) -> QList<int> {
        QStringList key;
        if (const SharedTable* t = sharedTable(table))
            key = {t->key};
        else
            for (const SharedList& l : sharedLists())
                if (l.table == table)
                    key = l.primaryKey;
        QList<int> at;
        for (const QString& k : key)
            at << int(columns.indexOf(k));
        return at;
    };
    auto collect = [&](const RowSnapshot& snap, bool isBefore) {
        snap.forEachPart([&](const ScopeEntry& e, const QStringList& columns,
                             const QList<QVariantList>& partRows) {
            if (!wanted.contains(e.table))
                return;
            Rows& r = rows[e.table];
            if (r.columns.isEmpty()) {
                r.columns = columns;
                keyColumns.insert(e.table, keyOf(e.table, columns));
            }
            if (columns != r.columns) // the same table always reads alike; never mixed
                return;
            const QList<int>& key = keyColumns.value(e.table);
            auto& side = isBefore ? r.before : r.after;
            for (const QVariantList& row : partRows) {
                const QString k = rowKey(row, key);
                if (!r.before.contains(k) && !r.after.contains(k))
                    r.order.append(k);
                side.insert(k, row);
            }
        });
    };
    collect(before, true);
    collect(after, false);

    Identities ids(m_db, rows);
    QList<FieldChange> changes;
    for (const SharedTable& t : sharedTables()) {
        auto found = rows.find(t.table);
        if (found == rows.end())
            continue;
        Rows& r = found.value();
        const int keyAt = int(r.columns.indexOf(t.key)), idAt = int(r.columns.indexOf(t.identity));
        if (keyAt < 0 || idAt < 0)
            continue;
        for (const QString& k : std::as_const(r.order)) {
            std::optional<QVariantList> old, now;
            if (auto it = r.before.constFind(k); it != r.before.cend())
                old = *it;
            if (auto it = r.after.constFind(k); it != r.after.cend())
                now = *it;
            if (old && !now) { // not in the scope's rows now: deleted, or no longer matched
                auto found = rowsWhere(m_db, t.table, r.columns, t.key, old->value(keyAt));
                if (!found)
                    return found.error();
                if (!found.value().isEmpty())
                    now = found.value().first();
            }
            Fields oldFields, newFields;
            if (old) {
                auto f = fieldsOf(t, r.columns, *old, ids);
                if (!f)
                    return f.error();
                oldFields = f.value();
            }
            if (now) {
                auto f = fieldsOf(t, r.columns, *now, ids);
                if (!f)
                    return f.error();
                newFields = f.value();
            }
            const QString oldId = old ? old->value(idAt).toString() : QString();
            const QString newId = now ? now->value(idAt).toString() : QString();
            auto gone = [&](const QString& id, const Fields& fields) {
                changes.append({t.table, id, QString(), 1, QVariant()});
                for (const auto& [name, value] : fields)
                    if (!value.isNull())
                        changes.append({t.table, id, name, value, QVariant()});
            };
            auto made = [&](const QString& id, const Fields& fields) {
                changes.append({t.table, id, QString(), QVariant(), 1});
                for (const auto& [name, value] : fields)
                    if (!value.isNull())
                        changes.append({t.table, id, name, QVariant(), value});
            };
            if (old && now && oldId == newId) {
                for (int i = 0; i < newFields.size() && i < oldFields.size(); ++i)
                    if (!sameValue(oldFields.at(i).second, newFields.at(i).second))
                        changes.append({t.table, newId, newFields.at(i).first,
                                        oldFields.at(i).second, newFields.at(i).second});
                continue;
            }
            if (old)
                gone(oldId, oldFields); // or known by another name now (a tag renamed)
            if (now)
                made(newId, newFields);
        }
    }

    // The case's own fields (its title): the record is the case, by its id (the same in every
    // copy of it).
    {
        QHash<QString, std::pair<QVariant, QVariant>> meta; // key → before, after
        before.forEachPart([&](const ScopeEntry& e, const QStringList& columns,
                               const QList<QVariantList>& partRows) {
            if (e.table == u"caseatlas_meta" && columns.contains(u"key"_s))
                for (const QVariantList& row : partRows)
                    meta[row.value(columns.indexOf(u"key"_s)).toString()].first =
                        row.value(columns.indexOf(u"value"_s));
        });
        after.forEachPart([&](const ScopeEntry& e, const QStringList& columns,
                              const QList<QVariantList>& partRows) {
            if (e.table == u"caseatlas_meta" && columns.contains(u"key"_s))
                for (const QVariantList& row : partRows)
                    meta[row.value(columns.indexOf(u"key"_s)).toString()].second =
                        row.value(columns.indexOf(u"value"_s));
        });
        static const QStringList shared = {u"title"_s};
        for (const QString& key : shared) {
            const auto it = meta.constFind(key);
            if (it == meta.cend() || sameValue(it->first, it->second))
                continue;
            auto caseId = m_db.scalar(u"SELECT value FROM caseatlas_meta WHERE key = 'case_id'"_s);
            if (!caseId)
                return caseId.error();
            changes.append({u"case"_s, caseId.value().toString(), key, it->first, it->second});
        }
    }

    // Lists: each parent's whole list before and after. The case holds the list after; before,
    // it had the same items but for those of the snapshots' rows (an edit's scope holds every
    // row it changed).
    for (const SharedList& l : sharedLists()) {
        auto found = rows.find(l.table);
        if (found == rows.end())
            continue;
        const Rows& r = found.value();
        const int parentAt = int(r.columns.indexOf(l.parent));
        const int orderAt = int(r.columns.indexOf(l.order));
        const QList<int> key = keyColumns.value(l.table);
        if (parentAt < 0 || orderAt < 0 || key.contains(-1))
            continue;
        QList<QVariant> parents;
        QSet<QString> seen;
        for (const auto* side : {&r.before, &r.after})
            for (const QVariantList& row : *side)
                if (!seen.contains(row.value(parentAt).toString())) {
                    seen.insert(row.value(parentAt).toString());
                    parents << row.value(parentAt);
                }
        std::sort(parents.begin(), parents.end(), [](const QVariant& a, const QVariant& b) {
            return a.toLongLong() < b.toLongLong();
        });
        for (const QVariant& parent : std::as_const(parents)) {
            auto current = rowsWhere(m_db, l.table, r.columns, l.parent, parent);
            if (!current)
                return current.error();
            const QList<QVariantList>& now = current.value();
            QList<QVariantList> old;
            for (const QVariantList& row : std::as_const(now)) {
                const QString k = rowKey(row, key);
                if (!r.before.contains(k) && !r.after.contains(k))
                    old << row; // untouched by the edit
            }
            for (const QVariantList& row : r.before)
                if (sameValue(row.value(parentAt), parent))
                    old << row;
            auto json = [&](QList<QVariantList> items) -> Result<QString> {
                std::sort(items.begin(), items.end(),
                          [&](const QVariantList& a, const QVariantList& b) {
                              return a.value(orderAt).toLongLong() < b.value(orderAt).toLongLong();
                          });
                QJsonArray array;
                for (const QVariantList& item : std::as_const(items)) {
                    QJsonObject o;
                    for (const QString& c : l.columns) {
                        auto field = named(l.references, c, item.value(r.columns.indexOf(c)), ids);
                        if (!field)
                            return field.error();
                        o.insert(field.value().first, jsonOf(field.value().second));
                    }
                    array.append(o);
                }
                return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
            };
            auto was = json(old);
            if (!was)
                return was.error();
            auto is = json(now);
            if (!is)
                return is.error();
            if (was.value() == is.value())
                continue;
            auto record = ids.of(l.parentTable, parent);
            if (!record)
                return record.error();
            if (record.value().isNull())
                continue; // a parent no copy can name
            changes.append({l.parentTable, record.value().toString(), l.field,
                            was.value() == u"[]" ? QVariant() : QVariant(was.value()),
                            is.value() == u"[]" ? QVariant() : QVariant(is.value())});
        }
    }
    return changes;
}

QList<FieldChange> ChangeLog::inverted(const QList<FieldChange>& changes) {
    QList<FieldChange> out;
    out.reserve(changes.size());
    for (auto it = changes.crbegin(); it != changes.crend(); ++it)
        out.append({it->table, it->record, it->field, it->after, it->before});
    return out;
}

Result<QString> ChangeLog::replicaId() {
    auto id = m_db.scalar(u"SELECT value FROM caseatlas_meta WHERE key = 'replica_id'"_s);
    if (!id)
        return id.error();
    const QString text = id.value().toString();
    if (!Hlc::isReplicaId(text))
        return makeError(ErrorCode::UnexpectedSchema,
                         u"The case has no valid replica id; its changes cannot be recorded."_s,
                         text.left(64));
    return text;
}

Result<std::optional<Hlc>> ChangeLog::lastHlc() {
    auto last = m_db.scalar(u"SELECT max(hlc) FROM changesets"_s);
    if (!last)
        return last.error();
    if (last.value().isNull())
        return std::optional<Hlc>();
    auto parsed = Hlc::parse(last.value().toString());
    if (!parsed)
        return makeError(ErrorCode::UnexpectedSchema,
                         u"The case's changesets hold an unreadable clock reading."_s,
                         last.value().toString().left(80));
    return parsed;
}

Result<std::optional<Hlc>> ChangeLog::append(const QString& author, const QString& label,
                                             ChangesetKind kind,
                                             const QList<FieldChange>& changes) {
    if (changes.isEmpty())
        return std::optional<Hlc>();
    auto replica = replicaId();
    if (!replica)
        return replica.error();
    auto last = lastHlc();
    if (!last)
        return last.error();
    HybridClock clock(replica.value());
    if (last.value())
        clock.restore(*last.value());
    const Hlc hlc = clock.now();
    auto set = m_db.cached(u"INSERT INTO changesets (uuid, hlc, author, label, kind) "
                           "VALUES (?, ?, ?, ?, ?)"_s);
    if (!set)
        return set.error();
    set.value()
        ->bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces))
        .bind(2, hlc.text())
        .bind(3, author)
        .bind(4, label)
        .bind(5, changesetKindKey(kind));
    CA_TRY(set.value()->run());
    const qint64 setId = m_db.lastInsertId();
    auto insert = m_db.cached(u"INSERT INTO changes (changeset_id, seq, record_table, record, "
                              "field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    if (!insert)
        return insert.error();
    qint64 seq = 0;
    for (const FieldChange& c : changes) {
        insert.value()->reset();
        insert.value()
            ->bind(1, setId)
            .bind(2, seq++)
            .bind(3, c.table)
            .bind(4, c.record)
            .bind(5, c.field)
            .bind(6, c.before)
            .bind(7, c.after);
        CA_TRY(insert.value()->run());
    }
    return std::optional<Hlc>(hlc);
}

Result<QHash<QString, FieldAuthor>> ChangeLog::authors(const QString& record) {
    auto stmt = m_db.prepare(u"SELECT c.field, s.author, s.hlc, s.label FROM changes c "
                             "JOIN changesets s ON s.id = c.changeset_id WHERE c.record = ? "
                             "ORDER BY s.hlc, c.seq"_s);
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, record);
    QHash<QString, FieldAuthor> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        if (auto hlc = Hlc::parse(s.text(2)))
            out.insert(s.text(0), {s.text(1), *hlc, s.text(3)});
    }));
    return out;
}

Result<QList<FieldChange>> ChangeLog::changesOf(const QString& record) {
    auto stmt = m_db.prepare(u"SELECT c.record_table, c.field, c.old_value, c.new_value "
                             "FROM changes c JOIN changesets s ON s.id = c.changeset_id "
                             "WHERE c.record = ? ORDER BY s.hlc, c.seq"_s);
    if (!stmt)
        return stmt.error();
    stmt.value().bind(1, record);
    QList<FieldChange> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.append({s.text(0), record, s.text(1), s.value(2), s.value(3)});
    }));
    return out;
}

} // namespace caseatlas
