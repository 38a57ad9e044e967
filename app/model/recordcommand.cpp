#include "model/recordcommand.h"

#include "model/casedocument.h"
#include "store/changelog.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace caseatlas {

RecordCommand::RecordCommand(CaseDocument& document, const QString& text, RecordKind kind,
                             Scope scope, Apply apply, Replay replay)
    : m_document(document)
    , m_kind(kind)
    , m_scope(std::move(scope))
    , m_apply(std::move(apply))
    , m_replay(std::move(replay)) {
    setText(text);
}

namespace {

// The events a scope holds rows of (in no particular order).
QList<qint64> eventsOf(const Scope& scope) {
    QSet<qint64> events;
    for (const ScopeEntry& entry : scope)
        if (entry.table == u"events" && entry.column == u"fid")
            events.insert(entry.value.toLongLong());
    return QList<qint64>(events.begin(), events.end());
}

} // namespace

Status RecordCommand::execute() {
    SqliteDatabase& db = m_document.db();
    if (db.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas", "This case is open read-only; nothing was changed."));
    SqliteTransaction tx(db);
    CA_TRY(tx.status());
    auto before = RowSnapshot::capture(db, m_scope);
    if (!before)
        return before.error();
    const QList<qint64> scopeEvents = eventsOf(m_scope);
    const bool named = scopeEvents.size() <= kMaxNamedEvents;
    if (named)
        m_document.notifyEventsAboutToChange(scopeEvents);
    auto created = m_apply(db);
    m_apply = {}; // it may hold references to the caller's values
    if (!created)
        return created.error();
    auto emptyCreated = RowSnapshot::empty(db, created.value());
    if (!emptyCreated)
        return emptyCreated.error();
    m_before = emptyCreated.value();
    m_before.append(before.value());
    Scope all = created.value() + m_scope;
    const QList<qint64> events = eventsOf(all);
    // The views take named events one by one; past a few hundred (an import, a large delete)
    // reading the case again is cheaper, and the notice names none.
    if (named && events.size() <= kMaxNamedEvents) {
        m_eventIds = events;
        m_document.notifyEventsWritten(m_eventIds);
    }
    auto after = RowSnapshot::capture(db, all);
    if (!after)
        return after.error();
    m_after = after.value();
    // The edit as a changeset: who, when, and each field it changed (undo and redo record the
    // same changes, the other way round and again).
    ChangeLog log(db);
    auto changes = log.diff(m_before, m_after);
    if (!changes)
        return changes.error();
    m_changes = changes.value();
    if (auto recorded = log.append(m_document.userName(), text(), ChangesetKind::Edit, m_changes);
        !recorded)
        return recorded.error();
    CA_TRY(tx.commit());
    m_executed = true;
    return {};
}

void RecordCommand::replay(bool undoing) {
    SqliteDatabase& db = m_document.db();
    Status result = [&]() -> Status {
        SqliteTransaction tx(db);
        CA_TRY(tx.status());
        CA_TRY(db.exec(u"PRAGMA defer_foreign_keys = ON"_s));
        if (!m_eventIds.isEmpty())
            m_document.notifyEventsAboutToChange(m_eventIds);
        CA_TRY((undoing ? m_before : m_after).restore(db));
        if (m_replay)
            CA_TRY(m_replay(db, undoing));
        auto recorded = ChangeLog(db).append(m_document.userName(),
                                             (undoing ? u"Undo: %1"_s : u"Redo: %1"_s).arg(text()),
                                             undoing ? ChangesetKind::Undo : ChangesetKind::Redo,
                                             undoing ? ChangeLog::inverted(m_changes) : m_changes);
        if (!recorded)
            return recorded.error();
        if (!m_eventIds.isEmpty())
            m_document.notifyEventsWritten(m_eventIds);
        return tx.commit();
    }();
    if (!result) {
        m_document.reportFailure(
            makeError(result.error().code,
                      (undoing ? u"Undo of \"%1\" could not be saved; the case is unchanged."_s
                               : u"Redo of \"%1\" could not be saved; the case is unchanged."_s)
                          .arg(text()),
                      result.error().fullText()));
        return;
    }
    m_document.notifyChanged(m_kind, m_eventIds);
}

void RecordCommand::undo() {
    if (m_executed)
        replay(true);
}

void RecordCommand::redo() {
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    if (m_executed)
        replay(false);
}

} // namespace caseatlas
