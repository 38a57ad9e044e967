#include "store/eventrows.h"

#include "store/sqlite.h"

#include <sqlite3.h>

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

// Binds the 19 columns in kColumns' order.
void bindRow(sqlite3_stmt* s, const EventRowValues& v) {
    if (v.geom.isEmpty())
        sqlite3_bind_null(s, 1);
    else
        sqlite3_bind_blob(s, 1, v.geom.data(), int(v.geom.size()), SQLITE_STATIC);
    bindText(s, 2, v.uuid);
    bindText(s, 3, v.title);
    bindText(s, 4, v.description);
    bindText(s, 5, v.startEdtf);
    bindText(s, 6, v.endEdtf);
    bindText(s, 7, v.earliest);
    bindText(s, 8, v.latest);
    sqlite3_bind_int64(s, 9, v.earliestS);
    sqlite3_bind_int64(s, 10, v.latestS);
    sqlite3_bind_int(s, 11, v.ownPoint ? 1 : 0);
    bindId(s, 12, v.placeId);
    bindId(s, 13, v.originPlaceId);
    bindId(s, 14, v.destinationPlaceId);
    sqlite3_bind_text(s, 15, v.locationPrecision, -1, SQLITE_STATIC);
    if (v.precisionMetres > 0)
        sqlite3_bind_double(s, 16, v.precisionMetres);
    else
        sqlite3_bind_null(s, 16);
    sqlite3_bind_text(s, 17, v.status, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 18, v.sensitivity, -1, SQLITE_STATIC);
    bindText(s, 19, v.tags);
}

} // namespace

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
