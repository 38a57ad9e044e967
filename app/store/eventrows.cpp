#include "store/eventrows.h"

#include "store/sqlite.h"

#include <sqlite3.h>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

constexpr auto kColumns = u"geom, uuid, title, description, start_edtf, end_edtf, earliest, "
                          "latest, earliest_s, latest_s, own_point, place_id, origin_place_id, "
                          "destination_place_id, location_precision, precision_m, status, "
                          "sensitivity, tags";

void bindText(sqlite3_stmt* s, int i, QByteArrayView text) {
    if (text.isEmpty())
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_text(s, i, text.data(), int(text.size()), SQLITE_STATIC);
}

void bindId(sqlite3_stmt* s, int i, qint64 id) {
    if (id > 0)
        sqlite3_bind_int64(s, i, id);
    else
        sqlite3_bind_null(s, i);
}

// Binds the 19 columns in kColumns' order, as parameters at + 1 … at + 19.
void bindRow(sqlite3_stmt* s, const EventRowValues& v, int at = 0) {
    if (v.geom.isEmpty())
        sqlite3_bind_null(s, at + 1);
    else
        sqlite3_bind_blob(s, at + 1, v.geom.data(), int(v.geom.size()), SQLITE_STATIC);
    bindText(s, at + 2, v.uuid);
    bindText(s, at + 3, v.title);
    bindText(s, at + 4, v.description);
    bindText(s, at + 5, v.startEdtf);
    bindText(s, at + 6, v.endEdtf);
    bindText(s, at + 7, v.earliest);
    bindText(s, at + 8, v.latest);
    sqlite3_bind_int64(s, at + 9, v.earliestS);
    sqlite3_bind_int64(s, at + 10, v.latestS);
    sqlite3_bind_int(s, at + 11, v.ownPoint ? 1 : 0);
    bindId(s, at + 12, v.placeId);
    bindId(s, at + 13, v.originPlaceId);
    bindId(s, at + 14, v.destinationPlaceId);
    sqlite3_bind_text(s, at + 15, v.locationPrecision, -1, SQLITE_STATIC);
    if (v.precisionMetres > 0)
        sqlite3_bind_double(s, at + 16, v.precisionMetres);
    else
        sqlite3_bind_null(s, at + 16);
    sqlite3_bind_text(s, at + 17, v.status, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, at + 18, v.sensitivity, -1, SQLITE_STATIC);
    bindText(s, at + 19, v.tags);
}

// A row's texts, in the order Held::text keeps their places.
std::array<QByteArrayView*, 9> textsOf(EventRowValues& v) {
    return {&v.geom,    &v.uuid,     &v.title,  &v.description, &v.startEdtf,
            &v.endEdtf, &v.earliest, &v.latest, &v.tags};
}

} // namespace

EventRowWriter::~EventRowWriter() {
    sqlite3_finalize(m_appendOne);
    sqlite3_finalize(m_appendMany);
}

Result<qint64> EventRowWriter::append(const EventRowValues& row) {
    if (!m_appendMany) {
        // The rows are numbered from here on: the events table has AUTOINCREMENT, so a number
        // once used (even by a row since deleted) is never given again.
        auto next = m_db.count(u"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE "
                               "name = 'events'), 0), coalesce((SELECT max(fid) FROM events), "
                               "0)) + 1"_s);
        if (!next)
            return next.error();
        // OR FAIL: no statement journal for a hundred rows (see FastEventWriter::prepare); the
        // caller's transaction is rolled back on any error.
        const QByteArray head = "INSERT OR FAIL INTO events (fid, " +
                                QString::fromUtf16(kColumns).toUtf8() + ") VALUES ";
        const QByteArray tuple = "(?" + QByteArray(",?").repeated(19) + ')';
        QByteArray many = head;
        for (int i = 0; i < kAppendBatch; ++i)
            many += (i ? "," : "") + tuple;
        const QByteArray one = head + tuple;
        for (auto [sql, out] :
             {std::pair{&one, &m_appendOne}, std::pair{&std::as_const(many), &m_appendMany}})
            if (sqlite3_prepare_v2(m_db.handle(), sql->constData(), int(sql->size()), out,
                                   nullptr) != SQLITE_OK)
                return m_db.lastError();
        m_nextFid = next.value();
    }
    Held held{m_nextFid++, row, {}};
    auto texts = textsOf(held.row);
    for (size_t i = 0; i < texts.size(); ++i) {
        held.text[i] = m_arena.size();
        m_arena.append(texts[i]->data(), texts[i]->size());
    }
    m_held.push_back(held);
    return held.fid;
}

Status EventRowWriter::flush() {
    // The texts have their final places now that no more are added.
    for (Held& h : m_held) {
        auto texts = textsOf(h.row);
        for (size_t i = 0; i < texts.size(); ++i)
            if (!texts[i]->isEmpty())
                *texts[i] = QByteArrayView(m_arena.constData() + h.text[i], texts[i]->size());
    }
    Status done;
    const int count = int(m_held.size());
    int at = 0;
    for (; done && count - at >= kAppendBatch; at += kAppendBatch)
        done = writeHeld(m_appendMany, m_held.data() + at, kAppendBatch);
    for (; done && at < count; ++at)
        done = writeHeld(m_appendOne, m_held.data() + at, 1);
    m_held.clear();
    m_arena.resize(0);
    return done;
}

Status EventRowWriter::writeHeld(sqlite3_stmt* s, const Held* first, int count) {
    for (int i = 0; i < count; ++i) {
        sqlite3_bind_int64(s, i * 20 + 1, first[i].fid);
        bindRow(s, first[i].row, i * 20 + 1);
    }
    const int rc = sqlite3_step(s);
    sqlite3_reset(s); // the texts bound are the arena's
    if (rc != SQLITE_DONE)
        return m_db.lastError();
    return {};
}

Result<qint64> EventRowWriter::insert(const EventRowValues& row) {
    // Found once per writer: an import writes a million rows through here.
    if (!m_insert) {
        static const QString sql =
            u"INSERT INTO events (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
            "?13, ?14, ?15, ?16, ?17, ?18, ?19)"_s.arg(kColumns);
        auto stmt = m_db.cached(sql);
        if (!stmt)
            return stmt.error();
        m_insert = stmt.value();
    }
    bindRow(m_insert->handle(), row);
    const Status done = m_insert->run();
    m_insert->reset(); // the views bound are the caller's
    if (!done)
        return done.error();
    return m_db.lastInsertId();
}

Status EventRowWriter::update(qint64 fid, const EventRowValues& row) {
    static const QString sql = [] {
        QString set;
        const QStringList columns = QString::fromUtf16(kColumns).split(u", "_s);
        for (int i = 0; i < columns.size(); ++i)
            set += u"%1%2 = ?%3"_s.arg(i ? u", "_s : QString(), columns[i]).arg(i + 1);
        return u"UPDATE events SET %1 WHERE fid = ?20"_s.arg(set);
    }();
    auto stmt = m_db.cached(sql);
    if (!stmt)
        return stmt.error();
    bindRow(stmt.value()->handle(), row);
    sqlite3_bind_int64(stmt.value()->handle(), 20, fid);
    const Status done = stmt.value()->run();
    stmt.value()->reset();
    return done;
}

} // namespace caseatlas
