#include "store/sourcerepository.h"

#include "store/recordlist.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
const QString kSourceColumns =
    u"id, uuid, kind, title, author, publisher, url, archive_url, "
    "published_edtf, accessed_at, language, reliability, notes, sensitivity"_s;
const QString kCitationColumns = u"id, event_id, source_id, field, locator, quote, credibility"_s;

Source sourceFromRow(SqliteStatement& s) {
    Source src;
    src.id = s.int64(0);
    src.uuid = s.text(1);
    src.kind = sourceKindFromKey(s.text(2)).value_or(SourceKind::Other);
    src.title = s.text(3);
    src.author = s.text(4);
    src.publisher = s.text(5);
    src.url = s.text(6);
    src.archiveUrl = s.text(7);
    if (auto d = FuzzyDate::parse(s.text(8)))
        src.published = d.value();
    src.accessed = timeFrom(s.text(9));
    src.language = s.text(10);
    const QString r = s.text(11);
    src.reliability =
        r.isEmpty() ? Reliability::F : reliabilityFromLetter(r.at(0)).value_or(Reliability::F);
    src.notes = s.text(12);
    src.sensitivity = sensitivityFromKey(s.text(13)).value_or(Sensitivity::Confidential);
    return src;
}

Citation citationFromRow(SqliteStatement& s) {
    Citation c;
    c.id = s.int64(0);
    c.eventId = s.int64(1);
    c.sourceId = s.int64(2);
    c.field = s.text(3);
    c.locator = s.text(4);
    c.quote = s.text(5);
    c.credibility = int(s.int64(6));
    return c;
}
} // namespace

Scope SourceRepository::scope(qint64 id) {
    return {{u"sources"_s, u"id"_s, id, true},
            {u"citations"_s, u"source_id"_s, id, true},
            {u"attachments"_s, u"source_id"_s, id, false}};
}

Scope SourceRepository::citationScope(qint64 id) {
    return {{u"citations"_s, u"id"_s, id, true}};
}

Status SourceRepository::validate(const Source& s) {
    if (s.title.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "A source needs a title."));
    for (const QString& url : {s.url, s.archiveUrl}) {
        if (url.isEmpty())
            continue;
        const QUrl u(url, QUrl::StrictMode);
        if (!u.isValid() || u.scheme().isEmpty())
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "caseatlas",
                    "\"%1\" is not a valid address (it needs a scheme such as https://).")
                    .arg(url));
    }
    return {};
}

Result<qint64> SourceRepository::write(qint64 id, const Source& s) {
    const QString sql =
        id == 0
            ? u"INSERT INTO sources (uuid, kind, title, author, publisher, url, archive_url, "
              u"published_edtf, "
              "accessed_at, language, reliability, notes, sensitivity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"_s
            : u"UPDATE sources SET uuid = ?1, kind = ?2, title = ?3, author = ?4, publisher = ?5, "
              u"url = ?6, "
              "archive_url = ?7, published_edtf = ?8, accessed_at = ?9, language = ?10, "
              "reliability = ?11, "
              "notes = ?12, sensitivity = ?13 WHERE id = ?14"_s;
    auto stmt = m_db.cached(sql);
    if (!stmt)
        return stmt.error();
    stmt.value()
        ->bind(1, s.uuid.isEmpty() ? newUuid() : s.uuid)
        .bind(2, sourceKindKey(s.kind))
        .bind(3, s.title.trimmed())
        .bind(4, textOrNull(s.author))
        .bind(5, textOrNull(s.publisher))
        .bind(6, textOrNull(s.url))
        .bind(7, textOrNull(s.archiveUrl))
        .bind(8, textOrNull(s.published.toEdtf()))
        .bind(9, timeOrNull(s.accessed))
        .bind(10, textOrNull(s.language))
        .bind(11, QString(reliabilityLetter(s.reliability)))
        .bind(12, textOrNull(s.notes))
        .bind(13, sensitivityKey(s.sensitivity));
    if (id != 0)
        stmt.value()->bind(14, id);
    CA_TRY(stmt.value()->run());
    return id == 0 ? m_db.lastInsertId() : id;
}

Result<qint64> SourceRepository::insert(const Source& s) {
    if (s.id != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "A new source cannot carry an id."));
    CA_TRY(validate(s));
    return write(0, s);
}

Status SourceRepository::update(const Source& s) {
    CA_TRY(load(s.id));
    CA_TRY(validate(s));
    CA_TRY(write(s.id, s));
    return {};
}

Status SourceRepository::remove(qint64 id) {
    return deleteRecord(m_db, u"sources"_s, u"id"_s, id, u"source"_s);
}

Result<Source> SourceRepository::load(qint64 id) {
    auto stmt = findRecord(m_db, u"SELECT %1 FROM sources WHERE id = ?"_s.arg(kSourceColumns), id,
                           u"source"_s);
    if (!stmt)
        return stmt.error();
    return sourceFromRow(*stmt.value());
}

Result<QList<Source>> SourceRepository::all() {
    auto stmt = m_db.prepare(
        u"SELECT %1 FROM sources ORDER BY title COLLATE NOCASE, id"_s.arg(kSourceColumns));
    if (!stmt)
        return stmt.error();
    QList<Source> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) { out.append(sourceFromRow(s)); }));
    return out;
}

Result<qint64> SourceRepository::count() {
    return m_db.count(u"SELECT count(*) FROM sources"_s);
}

Status SourceRepository::validate(const Citation& c) {
    if (c.credibility < 1 || c.credibility > 6)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "caseatlas", "Credibility is graded 1 (confirmed) to 6 (cannot be judged), not %1.")
                .arg(c.credibility));
    auto ev = m_db.count(u"SELECT count(*) FROM events WHERE fid = ?"_s, {c.eventId});
    if (!ev)
        return ev.error();
    if (ev.value() == 0)
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The cited event #%1 does not exist.")
                .arg(c.eventId));
    auto src = m_db.count(u"SELECT count(*) FROM sources WHERE id = ?"_s, {c.sourceId});
    if (!src)
        return src.error();
    if (src.value() == 0)
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The cited source #%1 does not exist.")
                .arg(c.sourceId));
    return {};
}

Result<qint64> SourceRepository::write(qint64 id, const Citation& c) {
    const QString sql =
        id == 0
            ? u"INSERT INTO citations (event_id, source_id, field, locator, quote, credibility) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"_s
            : u"UPDATE citations SET event_id = ?1, source_id = ?2, field = ?3, locator = ?4, quote = ?5, credibility = ?6 WHERE id = ?7"_s;
    auto stmt = m_db.cached(sql);
    if (!stmt)
        return stmt.error();
    stmt.value()
        ->bind(1, c.eventId)
        .bind(2, c.sourceId)
        .bind(3, textOrNull(c.field))
        .bind(4, textOrNull(c.locator))
        .bind(5, textOrNull(c.quote))
        .bind(6, c.credibility);
    if (id != 0)
        stmt.value()->bind(7, id);
    CA_TRY(stmt.value()->run());
    return id == 0 ? m_db.lastInsertId() : id;
}

Result<qint64> SourceRepository::insert(const Citation& c) {
    if (c.id != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "A new citation cannot carry an id."));
    CA_TRY(validate(c));
    return write(0, c);
}

Status SourceRepository::update(const Citation& c) {
    CA_TRY(loadCitation(c.id));
    CA_TRY(validate(c));
    CA_TRY(write(c.id, c));
    return {};
}

Status SourceRepository::removeCitation(qint64 id) {
    return deleteRecord(m_db, u"citations"_s, u"id"_s, id, u"citation"_s);
}

Result<Citation> SourceRepository::loadCitation(qint64 id) {
    auto list = citationsWhere(u"id"_s, id);
    if (!list)
        return list.error();
    if (list.value().isEmpty())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("caseatlas", "The citation #%1 does not exist.").arg(id));
    return list.value().first();
}

Result<QList<Citation>> SourceRepository::citationsWhere(const QString& column, qint64 value) {
    auto stmt = m_db.cached(
        u"SELECT %1 FROM citations WHERE %2 = ? ORDER BY id"_s.arg(kCitationColumns, column));
    if (!stmt)
        return stmt.error();
    stmt.value()->bind(1, value);
    QList<Citation> out;
    CA_TRY(stmt.value()->forEachRow([&](SqliteStatement& s) { out.append(citationFromRow(s)); }));
    return out;
}

Result<QList<Citation>> SourceRepository::citationsOfEvent(qint64 eventId) {
    return citationsWhere(u"event_id"_s, eventId);
}

Result<QList<Citation>> SourceRepository::citationsOfSource(qint64 sourceId) {
    return citationsWhere(u"source_id"_s, sourceId);
}

} // namespace caseatlas
