#include "store/timeindex.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

Result<TimeIndex> TimeIndex::load(SqliteDatabase& db)
{
    TimeIndex index;
    auto count = db.count(u"SELECT count(*) FROM events"_s);
    if (!count)
        return count.error();
    const auto n = size_t(count.value());
    index.m_ids.reserve(n);
    index.m_earliest.reserve(n);
    index.m_latest.reserve(n);
    index.m_lane.reserve(n);
    index.m_flags.reserve(n);

    QHash<qint64, qint32> laneOfTag;
    auto tags = db.prepare(u"SELECT id, name FROM tags ORDER BY name COLLATE NOCASE"_s);
    if (!tags)
        return tags.error();
    while (tags.value().step().value()) {
        laneOfTag.insert(tags.value().int64(0), qint32(index.m_laneNames.size()));
        index.m_laneNames << tags.value().text(1);
    }

    auto stmt = db.prepare(
        u"SELECT e.fid, e.earliest_s, e.latest_s, e.start_edtf, e.end_edtf, e.status, e.sensitivity, "
        "(SELECT tag_id FROM event_tags WHERE event_id = e.fid ORDER BY position LIMIT 1), "
        "EXISTS (SELECT 1 FROM citations WHERE event_id = e.fid) "
        "FROM events e ORDER BY e.earliest_s, e.latest_s, e.fid"_s);
    if (!stmt)
        return stmt.error();
    SqliteStatement& s = stmt.value();
    while (true) {
        auto row = s.step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        index.m_ids.push_back(s.int64(0));
        index.m_earliest.push_back(s.int64(1));
        index.m_latest.push_back(s.int64(2));
        quint8 f = 0;
        const QString start = s.text(3);
        const QString end = s.text(4);
        for (const QString& t : {start, end}) {
            if (t.contains(u'?') || t.contains(u'%'))
                f |= Uncertain;
            if (t.contains(u'~') || t.contains(u'%'))
                f |= Approximate;
        }
        if (start.startsWith(u".."_s) || start.startsWith(u'/'))
            f |= OpenStart;
        if (start.endsWith(u".."_s) || start.endsWith(u'/') || end.endsWith(u".."_s))
            f |= OpenEnd;
        if (s.text(5) == u"disputed")
            f |= Disputed;
        if (s.text(6) == u"confidential")
            f |= Confidential;
        if (s.int64(8) == 0)
            f |= Unsourced;
        index.m_flags.push_back(f);
        index.m_lane.push_back(s.isNull(7) ? -1 : laneOfTag.value(s.int64(7), -1));
    }
    return index;
}

qsizetype TimeIndex::lowerBound(qint64 t) const
{
    return qsizetype(std::lower_bound(m_earliest.begin(), m_earliest.end(), t) - m_earliest.begin());
}

std::size_t TimeIndex::memoryBytes() const
{
    return m_ids.capacity() * 8 + m_earliest.capacity() * 8 + m_latest.capacity() * 8 +
           m_lane.capacity() * 4 + m_flags.capacity();
}

} // namespace caseatlas
