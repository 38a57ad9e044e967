#include "store/timeindex.h"

#include <QHash>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// Reads an integer-keyed side table in one sequential pass into a vector indexed by event id.
template <typename Fn> Status scan(SqliteDatabase& db, const QString& sql, Fn&& row) {
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    while (true) {
        auto r = stmt.value().step();
        if (!r)
            return r.error();
        if (!r.value())
            return {};
        row(stmt.value());
    }
}

quint8 flagsOfText(QByteArrayView start, QByteArrayView end) {
    quint8 f = 0;
    for (QByteArrayView t : {start, end}) {
        for (const char c : t) {
            if (c == '?' || c == '%')
                f |= TimeIndex::Uncertain;
            if (c == '~' || c == '%')
                f |= TimeIndex::Approximate;
        }
    }
    if (start.startsWith("..") || start.startsWith('/'))
        f |= TimeIndex::OpenStart;
    if (start.endsWith("..") || start.endsWith('/') || end.endsWith(".."))
        f |= TimeIndex::OpenEnd;
    return f;
}

} // namespace

Result<TimeIndex> TimeIndex::load(SqliteDatabase& db) {
    // Sequential scans and an in-memory sort: far cheaper than walking the date index and
    // looking up each row, once the file is bigger than SQLite's page cache.
    auto maxFid = db.count(u"SELECT coalesce(max(fid), 0) FROM events"_s);
    if (!maxFid)
        return maxFid.error();
    const auto slotCount = size_t(maxFid.value()) + 1;

    TimeIndex index;
    QHash<qint64, qint32> laneOfTag;
    CA_TRY(scan(db, u"SELECT id, name FROM tags ORDER BY name COLLATE NOCASE"_s,
                [&](SqliteStatement& s) {
                    laneOfTag.insert(s.int64(0), qint32(index.m_laneNames.size()));
                    index.m_laneNames << s.text(1);
                }));
    std::vector<qint32> laneOf(slotCount, -1);
    std::vector<qint32> lanePosition(slotCount, std::numeric_limits<qint32>::max());
    CA_TRY(
        scan(db, u"SELECT event_id, tag_id, position FROM event_tags"_s, [&](SqliteStatement& s) {
            const auto e = size_t(s.int64(0));
            const auto pos = qint32(s.int64(2));
            if (e < slotCount && pos < lanePosition[e]) {
                lanePosition[e] = pos;
                laneOf[e] = laneOfTag.value(s.int64(1), -1);
            }
        }));
    lanePosition = {};
    std::vector<bool> cited(slotCount, false);
    CA_TRY(scan(db, u"SELECT event_id FROM citations"_s, [&](SqliteStatement& s) {
        const auto e = size_t(s.int64(0));
        if (e < slotCount)
            cited[e] = true;
    }));

    std::vector<qint64> ids, earliest, latest;
    std::vector<quint8> flags;
    auto count = db.count(u"SELECT count(*) FROM events"_s);
    if (!count)
        return count.error();
    const auto n = size_t(count.value());
    ids.reserve(n);
    earliest.reserve(n);
    latest.reserve(n);
    flags.reserve(n);
    CA_TRY(scan(
        db,
        u"SELECT fid, earliest_s, latest_s, start_edtf, end_edtf, status, sensitivity FROM events"_s,
        [&](SqliteStatement& s) {
            const qint64 id = s.int64(0);
            ids.push_back(id);
            earliest.push_back(s.int64(1));
            latest.push_back(s.int64(2));
            quint8 f = flagsOfText(s.utf8(3), s.utf8(4));
            if (s.utf8(5) == "disputed")
                f |= Disputed;
            if (s.utf8(6) == "confidential")
                f |= Confidential;
            if (!cited[size_t(id)])
                f |= Unsourced;
            flags.push_back(f);
        }));

    std::vector<quint32> order(ids.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        if (earliest[a] != earliest[b])
            return earliest[a] < earliest[b];
        if (latest[a] != latest[b])
            return latest[a] < latest[b];
        return ids[a] < ids[b];
    });
    index.m_ids.resize(ids.size());
    index.m_earliest.resize(ids.size());
    index.m_latest.resize(ids.size());
    index.m_lane.resize(ids.size());
    index.m_flags.resize(ids.size());
    for (size_t i = 0; i < order.size(); ++i) {
        const quint32 k = order[i];
        index.m_ids[i] = ids[k];
        index.m_earliest[i] = earliest[k];
        index.m_latest[i] = latest[k];
        index.m_lane[i] = laneOf[size_t(ids[k])];
        index.m_flags[i] = flags[k];
    }
    return index;
}

qsizetype TimeIndex::lowerBound(qint64 t) const {
    return qsizetype(std::lower_bound(m_earliest.begin(), m_earliest.end(), t) -
                     m_earliest.begin());
}

std::size_t TimeIndex::memoryBytes() const {
    return m_ids.capacity() * 8 + m_earliest.capacity() * 8 + m_latest.capacity() * 8 +
           m_lane.capacity() * 4 + m_flags.capacity();
}

} // namespace caseatlas
