#include "store/importmemory.h"

#include "core/clock.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<QList<ImportMemory::Dataset>> ImportMemory::datasets() {
    auto stmt = m_db.prepare(u"SELECT id, format, name, first_imported, last_imported, "
                             "last_sha256, events FROM import_datasets ORDER BY last_imported"_s);
    if (!stmt)
        return stmt.error();
    QList<Dataset> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.append({s.text(0), s.text(1), s.text(2), timeFrom(s.text(3)), timeFrom(s.text(4)),
                    s.text(5), s.int64(6)});
    }));
    return out;
}

Result<std::optional<ImportMemory::Dataset>> ImportMemory::dataset(const QString& idOrName) {
    auto all = datasets();
    if (!all)
        return all.error();
    std::optional<Dataset> byName;
    int named = 0;
    for (const Dataset& d : all.value()) {
        if (d.id == idOrName)
            return std::optional(d);
        if (d.name == idOrName) {
            byName = d;
            ++named;
        }
    }
    if (named > 1)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 files named \"%2\" were imported into this case; name the one "
                             "to update by its id (caseatlas info lists them).")
                             .arg(named)
                             .arg(idOrName));
    return byName;
}

Status ImportMemory::recordImport(const Dataset& d) {
    const QString now = Clock::nowIso();
    auto n = m_db.execute(
        u"INSERT INTO import_datasets (id, format, name, first_imported, last_imported, "
        "last_sha256, events) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "last_imported = excluded.last_imported, last_sha256 = excluded.last_sha256, "
        "events = excluded.events"_s,
        {d.id, d.format, d.name, now, now, textOrNull(d.lastSha256), d.events});
    return n ? Status() : n.error();
}

Result<std::optional<QJsonObject>> ImportMemory::base(qint64 eventId) {
    auto v = m_db.scalar(u"SELECT fields_json FROM import_bases WHERE event_id = ?"_s, {eventId});
    if (!v)
        return v.error();
    if (!v.value().isValid())
        return std::optional<QJsonObject>();
    return std::optional(QJsonDocument::fromJson(v.value().toString().toUtf8()).object());
}

Status ImportMemory::setBase(qint64 eventId, const QJsonObject& fields) {
    auto n = m_db.execute(
        u"INSERT INTO import_bases (event_id, fields_json) VALUES (?, ?) "
        "ON CONFLICT(event_id) DO UPDATE SET fields_json = excluded.fields_json"_s,
        {eventId, QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact))});
    return n ? Status() : n.error();
}

Status ImportMemory::clearBase(qint64 eventId) {
    auto n = m_db.execute(u"DELETE FROM import_bases WHERE event_id = ?"_s, {eventId});
    return n ? Status() : n.error();
}

Status ImportMemory::keepBaseBeforeEdit(qint64 eventId, const QJsonObject& fieldsNow) {
    auto n = m_db.execute(
        u"INSERT OR IGNORE INTO import_bases (event_id, fields_json) VALUES (?, ?)"_s,
        {eventId, QString::fromUtf8(QJsonDocument(fieldsNow).toJson(QJsonDocument::Compact))});
    return n ? Status() : n.error();
}

Status ImportMemory::rememberDeleted(const QStringList& uuids) {
    const QString now = Clock::nowIso();
    for (const QString& uuid : uuids) {
        if (uuid.isEmpty())
            continue;
        auto n =
            m_db.execute(u"INSERT OR IGNORE INTO deleted_events (uuid, deleted_at) VALUES (?, ?)"_s,
                         {uuid, now});
        if (!n)
            return n.error();
    }
    return {};
}

Result<QSet<QString>> ImportMemory::deletedUuids() {
    auto stmt = m_db.prepare(u"SELECT uuid FROM deleted_events"_s);
    if (!stmt)
        return stmt.error();
    QSet<QString> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) { out.insert(s.text(0)); }));
    return out;
}

} // namespace caseatlas
