#pragma once

#include "core/hlc.h"
#include "store/rowsnapshot.h"
#include "store/sqlite.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace caseatlas {

// One field of one record changed by an edit, named as every copy of the case can name it: the
// record by its uuid (a tag by its name), references to other records by theirs, links in a
// note's text too.
struct FieldChange {
    QString table;  // "events", "places", …
    QString record; // its uuid
    // A column ("title", "start_edtf", "place_id" …); a list, as a JSON array ("actors", "tags",
    // "values", "citations", "aliases"); or "" for the record itself: 1 while it exists, null
    // before it was made and after it was deleted.
    QString field;
    QVariant before, after; // null: none
};

enum class ChangesetKind { Edit, Undo, Redo };
QString changesetKindKey(ChangesetKind kind);

// The last change of one field: who made it, when, in which edit.
struct FieldAuthor {
    QString author;
    Hlc hlc;
    QString label;
};

// The case's changesets (schema 12, docs/team-cases.md): every edit, undo and redo, with who
// made it, when by the replica's hybrid logical clock, and its changes field by field.
class ChangeLog {
public:
    explicit ChangeLog(SqliteDatabase& db)
        : m_db(db) {}

    // What changed from `before` to `after`, two snapshots of one edit's scope (the case holds
    // `after`), record by record and field by field. Only what several people share is named:
    // the local state of a copy (import memory, layers, the search index) is not.
    Result<QList<FieldChange>> diff(const RowSnapshot& before, const RowSnapshot& after);
    // The same changes the other way round (what undoing them changes).
    static QList<FieldChange> inverted(const QList<FieldChange>& changes);

    // Appends a changeset of `changes`, read from this replica's clock; nothing when there are
    // none. Call inside the edit's transaction.
    Result<std::optional<Hlc>> append(const QString& author, const QString& label,
                                      ChangesetKind kind, const QList<FieldChange>& changes);

    // This copy's replica id (32 hex digits).
    Result<QString> replicaId();
    // The last reading of the clock in the case (any replica's), if any.
    Result<std::optional<Hlc>> lastHlc();
    // Who last changed each field of a record: field → its last change ("" the record's
    // creation or deletion).
    Result<QHash<QString, FieldAuthor>> authors(const QString& record);
    // The changes recorded for a record, oldest first.
    Result<QList<FieldChange>> changesOf(const QString& record);

private:
    SqliteDatabase& m_db;
};

} // namespace caseatlas
