#pragma once

#include "store/changelog.h"
#include "store/rowsnapshot.h"

#include <QUndoCommand>

#include <functional>

namespace caseatlas {

class CaseDocument;

// The kinds of record an edit can touch; views refresh by kind.
enum class RecordKind {
    Case,
    Event,
    Source,
    Citation,
    Actor,
    Place,
    Note,
    Tag,
    Era,
    SavedView,
    Attachment,
    Layer
};

// Every edit of a case is one of these. Its first run performs the change through a repository
// and records the rows of its scope before and after; undo and redo write those rows back.
// Each run is one transaction, so an edit is in the file the moment it is on the stack, with its
// changeset (store/changelog.h): the edit, its undo and its redo each append one.
class RecordCommand : public QUndoCommand {
public:
    // Performs the change; returns the scope of rows it created (new records, new tags), which
    // did not exist before. Those come first when rows are written back.
    using Apply = std::function<Result<Scope>(SqliteDatabase&)>;
    // Runs after every undo (true) and redo (false), inside the same transaction: derived data
    // and the append-only custody log.
    using Replay = std::function<Status(SqliteDatabase&, bool undoing)>;

    RecordCommand(CaseDocument& document, const QString& text, RecordKind kind, Scope scope,
                  Apply apply, Replay replay = {});

    Status execute();
    void undo() override;
    void redo() override;
    RecordKind kind() const { return m_kind; }
    // The events whose rows this edit wrote (and undo and redo write back), known once it ran;
    // with the kind, what the change notice names (see CaseDocument::recordsChanged).
    const QList<qint64>& eventIds() const { return m_eventIds; }
    static constexpr qsizetype kMaxNamedEvents = 256;

private:
    void replay(bool undoing);

    CaseDocument& m_document;
    RecordKind m_kind;
    Scope m_scope;
    Apply m_apply;
    Replay m_replay;
    RowSnapshot m_before;
    RowSnapshot m_after;
    QList<qint64> m_eventIds;
    QList<FieldChange> m_changes; // what the edit changed, as its changeset names it
    bool m_executed = false;
    bool m_skipRedo = true; // QUndoStack::push calls redo(); the change is already in the file
};

} // namespace caseatlas
