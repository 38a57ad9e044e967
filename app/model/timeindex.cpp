#include "model/timeindex.h"

#include "domain/fuzzydate.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

template <typename Fn> Status scan(SqliteDatabase& db, const QString& sql, Fn&& row) {
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    return stmt.value().forEachRow(row);
}

// An event's bounds as stored, made safe to compute with: a case from elsewhere can hold any
// numbers there. An open end is the sentinel (FuzzyDate::UnboundedPast / Unbounded) and is
// flagged as open whatever the date's text says; any other value is kept within about 35
// million years of 1970, where differences and midpoints cannot overflow; the latest is never
// before the earliest.
void boundTimes(qint64& earliest, qint64& latest, quint8& flags) {
    constexpr qint64 far = qint64(1) << 50;
    if (latest == FuzzyDate::UnboundedPast)
        latest = earliest == FuzzyDate::UnboundedPast ? 0 : earliest;
    if (earliest == FuzzyDate::Unbounded)
        earliest = latest == FuzzyDate::Unbounded ? 0 : latest;
    if (earliest == FuzzyDate::UnboundedPast)
        flags |= TimeIndex::OpenStart;
    else
        earliest = std::clamp(earliest, -far, far);
    if (latest == FuzzyDate::Unbounded)
        flags |= TimeIndex::OpenEnd;
    else
        latest = std::clamp(latest, -far, far);
    if (latest < earliest)
        latest = earliest;
}

// The timeline's date flags: the qualifiers as the date type decides them, and whether the
// event is drawn as a bar (an interval, or a start with an end).
quint8 flagsOfText(QByteArrayView start, QByteArrayView end) {
    const quint8 q = FuzzyDate::qualifiersOf(start, end);
    quint8 f = 0;
    if (q & FuzzyDate::Uncertain)
        f |= TimeIndex::Uncertain;
    if (q & FuzzyDate::Approximate)
        f |= TimeIndex::Approximate;
    if (q & FuzzyDate::OpenStart)
        f |= TimeIndex::OpenStart;
    if (q & FuzzyDate::OpenEnd)
        f |= TimeIndex::OpenEnd;
    if (start.contains('/') || !end.isEmpty())
        f |= TimeIndex::Span;
    return f;
}

// An events row as the index keeps it, from the columns earliest_s, latest_s, start_edtf,
// end_edtf, status, sensitivity at `first` on (load() and update() select them so): the bounded
// times into `e` and `l`, the flags returned.
quint8 readEntry(SqliteStatement& s, int first, bool cited, qint64& e, qint64& l) {
    quint8 f = flagsOfText(s.utf8(first + 2), s.utf8(first + 3));
    e = s.int64(first);
    l = s.int64(first + 1);
    boundTimes(e, l, f);
    if (s.utf8(first + 4) == "disputed")
        f |= TimeIndex::Disputed;
    if (s.utf8(first + 5) == "confidential")
        f |= TimeIndex::Confidential;
    if (!cited)
        f |= TimeIndex::Unsourced;
    return f;
}

// A title as kept: at most 65,535 bytes of its UTF-8.
QByteArrayView titleOf(SqliteStatement& s, int column) {
    return s.utf8(column).first(std::min<qsizetype>(s.utf8(column).size(), 0xffff));
}

struct GroupingQueries {
    QString members; // event_id, key, order
    QString names;   // key, name — in lane order
    QString unassigned;
};

GroupingQueries queriesFor(LaneGrouping g) {
    switch (g) {
    case LaneGrouping::Tag:
        return {u"SELECT event_id, tag_id, position FROM event_tags"_s,
                u"SELECT id, name FROM tags ORDER BY name COLLATE NOCASE"_s,
                QCoreApplication::translate("caseatlas", "No tag")};
    case LaneGrouping::Actor:
        return {u"SELECT event_id, actor_id, position FROM event_actors"_s,
                u"SELECT id, name FROM actors ORDER BY name COLLATE NOCASE"_s,
                QCoreApplication::translate("caseatlas", "No actor")};
    case LaneGrouping::Place:
        return {u"SELECT fid, place_id, 0 FROM events WHERE place_id IS NOT NULL"_s,
                u"SELECT fid, name FROM places ORDER BY name COLLATE NOCASE"_s,
                QCoreApplication::translate("caseatlas", "No place")};
    case LaneGrouping::Source:
        return {u"SELECT event_id, source_id, id FROM citations"_s,
                u"SELECT id, title FROM sources ORDER BY title COLLATE NOCASE"_s,
                QCoreApplication::translate("caseatlas", "Unsourced")};
    case LaneGrouping::None:
        break;
    }
    return {{}, {}, QCoreApplication::translate("caseatlas", "All events")};
}

} // namespace

QString laneGroupingKey(LaneGrouping g) {
    static const char* keys[] = {"tag", "actor", "place", "source", "none"};
    return QString::fromLatin1(keys[int(g)]);
}

std::optional<LaneGrouping> laneGroupingFromKey(const QString& key) {
    for (int g = 0; g <= int(LaneGrouping::None); ++g)
        if (laneGroupingKey(LaneGrouping(g)) == key)
            return LaneGrouping(g);
    return std::nullopt;
}

Result<TimeIndex> TimeIndex::load(SqliteDatabase& db, LaneGrouping grouping) {
    // Sequential scans and an in-memory sort: far cheaper than walking the date index and
    // looking up each row, once the file is bigger than SQLite's page cache.
    auto maxFid = db.count(u"SELECT coalesce(max(fid), 0) FROM events"_s);
    if (!maxFid)
        return maxFid.error();
    const auto slotCount = size_t(maxFid.value()) + 1;

    TimeIndex index;
    index.m_grouping = grouping;
    const GroupingQueries q = queriesFor(grouping);
    QHash<qint64, qint32> laneOfKey;
    if (!q.names.isEmpty())
        CA_TRY(scan(db, q.names, [&](SqliteStatement& s) {
            laneOfKey.insert(s.int64(0), qint32(index.m_laneNames.size()));
            index.m_laneNames << s.text(1);
            index.m_laneKeys.push_back(s.int64(0));
        }));
    std::vector<qint32> laneOf(slotCount, -1);
    if (!q.members.isEmpty()) {
        std::vector<qint64> order(slotCount, std::numeric_limits<qint64>::max());
        CA_TRY(scan(db, q.members, [&](SqliteStatement& s) {
            const auto e = size_t(s.int64(0));
            const qint64 pos = s.int64(2);
            if (e < slotCount && pos < order[e]) {
                order[e] = pos;
                laneOf[e] = laneOfKey.value(s.int64(1), -1);
            }
        }));
    }
    std::vector<bool> cited(slotCount, false);
    CA_TRY(scan(db, u"SELECT event_id FROM citations"_s, [&](SqliteStatement& s) {
        const auto e = size_t(s.int64(0));
        if (e < slotCount)
            cited[e] = true;
    }));

    std::vector<qint64> ids, earliest, latest;
    std::vector<quint8> flags;
    std::vector<quint32> titleStart;
    std::vector<quint16> titleLength;
    auto count = db.count(u"SELECT count(*) FROM events"_s);
    if (!count)
        return count.error();
    const auto n = size_t(count.value());
    for (auto* v : {&ids, &earliest, &latest})
        v->reserve(n);
    flags.reserve(n);
    titleStart.reserve(n);
    titleLength.reserve(n);
    index.m_titles.reserve(qsizetype(n) * 40);
    CA_TRY(
        scan(db,
             u"SELECT fid, earliest_s, latest_s, start_edtf, end_edtf, status, sensitivity, title "
             "FROM events"_s,
             [&](SqliteStatement& s) {
                 const qint64 id = s.int64(0);
                 ids.push_back(id);
                 qint64 e = 0, l = 0;
                 flags.push_back(readEntry(s, 1, cited[size_t(id)], e, l));
                 earliest.push_back(e);
                 latest.push_back(l);
                 const QByteArrayView title = titleOf(s, 7);
                 titleStart.push_back(quint32(index.m_titles.size()));
                 titleLength.push_back(quint16(title.size()));
                 index.m_titles.append(title);
             }));

    std::vector<bool>().swap(cited);
    std::vector<qint32> lanes(ids.size());
    for (size_t i = 0; i < ids.size(); ++i)
        lanes[i] = laneOf[size_t(ids[i])];
    std::vector<qint32>().swap(laneOf);
    assemble(index, ids, earliest, latest, flags, titleStart, titleLength, lanes, q.unassigned);
    return index;
}

TimeIndex TimeIndex::fromEntries(const std::vector<Entry>& entries, const QStringList& laneNames,
                                 const QString& unassigned, LaneGrouping grouping) {
    TimeIndex index;
    index.m_grouping = grouping;
    index.m_laneNames = laneNames;
    std::vector<qint64> ids, earliest, latest;
    std::vector<quint8> flags;
    std::vector<quint32> titleStart;
    std::vector<quint16> titleLength;
    std::vector<qint32> lanes;
    for (const Entry& e : entries) {
        ids.push_back(e.id);
        qint64 from = e.earliest, to = e.latest;
        quint8 f = e.flags;
        boundTimes(from, to, f);
        earliest.push_back(from);
        latest.push_back(to);
        flags.push_back(f);
        const QByteArray title = e.title.toUtf8().left(0xffff);
        titleStart.push_back(quint32(index.m_titles.size()));
        titleLength.push_back(quint16(title.size()));
        index.m_titles.append(title);
        lanes.push_back(e.lane >= 0 && e.lane < laneNames.size() ? e.lane : -1);
    }
    assemble(index, ids, earliest, latest, flags, titleStart, titleLength, lanes, unassigned);
    return index;
}

quint8 TimeIndex::dateFlags(QByteArrayView startEdtf, QByteArrayView endEdtf) {
    return flagsOfText(startEdtf, endEdtf);
}

void TimeIndex::assemble(TimeIndex& index, std::vector<qint64>& ids, std::vector<qint64>& earliest,
                         std::vector<qint64>& latest, std::vector<quint8>& flags,
                         std::vector<quint32>& titleStart, std::vector<quint16>& titleLength,
                         std::vector<qint32>& lanes, const QString& unassigned) {
    std::vector<quint32> order(ids.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) {
        if (earliest[a] != earliest[b])
            return earliest[a] < earliest[b];
        if (latest[a] != latest[b])
            return latest[a] < latest[b];
        return ids[a] < ids[b];
    });

    // Events with no lane go to a last lane of their own.
    const auto named = qint32(index.m_laneNames.size());
    bool anyUnassigned = false;
    const size_t total = ids.size();
    // Build each sorted array and free its unsorted source at once: a million events must not
    // hold both copies of everything at the same time.
    auto permuted = [&](auto& source, auto& target) {
        target.resize(total);
        for (size_t i = 0; i < total; ++i)
            target[i] = source[order[i]];
        std::remove_reference_t<decltype(source)>().swap(source);
    };
    index.m_lane.resize(total);
    for (size_t i = 0; i < total; ++i) {
        qint32 lane = lanes[order[i]];
        if (lane < 0) {
            lane = named;
            anyUnassigned = true;
        }
        index.m_lane[i] = lane;
    }
    std::vector<qint32>().swap(lanes);
    permuted(ids, index.m_ids);
    permuted(earliest, index.m_earliest);
    permuted(latest, index.m_latest);
    permuted(flags, index.m_flags);
    permuted(titleStart, index.m_titleStart);
    permuted(titleLength, index.m_titleLength);
    std::vector<quint32>().swap(order);
    index.m_titles.squeeze();
    const bool keyed = index.m_laneKeys.size() == size_t(index.m_laneNames.size());
    if (anyUnassigned || index.m_laneNames.isEmpty()) {
        index.m_laneNames << unassigned;
        index.m_laneKeys.push_back(-1);
    }
    // Only lanes that hold events (a tag used only second on events has none).
    {
        std::vector<qint32> used(size_t(index.m_laneNames.size()), 0);
        for (const qint32 l : index.m_lane)
            used[size_t(l)] = 1;
        std::vector<qint32> remap(used.size(), -1);
        QStringList names;
        for (size_t l = 0; l < used.size(); ++l)
            if (used[l] || (names.isEmpty() && l + 1 == used.size() && total == 0)) {
                remap[l] = qint32(names.size());
                names << index.m_laneNames.at(qsizetype(l));
            }
        for (qint32& l : index.m_lane)
            l = remap[size_t(l)];
        index.m_laneNames = names;
        std::vector<qint64> keys;
        if (keyed)
            for (size_t l = 0; l < remap.size(); ++l)
                if (remap[l] >= 0)
                    keys.push_back(index.m_laneKeys[l]);
        index.m_laneKeys = std::move(keys);
    }
    index.buildLanes();
}

namespace {
// Whether entry i is drawn as a long member, and the time its mark or count is placed at.
bool isLongMember(quint8 f, qint64 e, qint64 l) {
    return (f & (TimeIndex::OpenStart | TimeIndex::OpenEnd)) || l - e > TimeIndex::LongSpan;
}
qint64 anchorOf(quint8 f, qint64 e, qint64 l) {
    return (f & TimeIndex::OpenStart) ? l : (f & TimeIndex::Span) ? e : e + (l - e) / 2;
}
} // namespace

void TimeIndex::shiftLanes(quint32 from, bool up) {
    for (auto* lists : {&m_laneShort, &m_laneLong})
        for (std::vector<quint32>& list : *lists)
            for (auto it = std::lower_bound(list.begin(), list.end(), from); it != list.end(); ++it)
                *it = up ? *it + 1 : *it - 1;
}

void TimeIndex::removeLaneMember(size_t p) {
    const auto lane = size_t(m_lane[p]);
    const auto at = quint32(p);
    auto& shortList = m_laneShort[lane];
    if (auto it = std::lower_bound(shortList.begin(), shortList.end(), at);
        it != shortList.end() && *it == at) {
        const auto i = it - shortList.begin();
        shortList.erase(it);
        m_laneShortEarliest[lane].erase(m_laneShortEarliest[lane].begin() + i);
    } else {
        auto& longList = m_laneLong[lane];
        auto member = std::lower_bound(longList.begin(), longList.end(), at);
        const auto i = member - longList.begin();
        const qint64 anchor = m_laneLongTimes[lane][size_t(i)].anchor;
        longList.erase(member);
        m_laneLongTimes[lane].erase(m_laneLongTimes[lane].begin() + i);
        auto& anchors = m_laneLongAnchors[lane];
        anchors.erase(std::lower_bound(anchors.begin(), anchors.end(), anchor));
    }
    shiftLanes(at + 1, false);
}

void TimeIndex::insertLaneMember(size_t p) {
    const auto at = quint32(p);
    shiftLanes(at, true);
    const auto lane = size_t(m_lane[p]);
    const quint8 f = m_flags[p];
    const qint64 e = m_earliest[p], l = m_latest[p];
    if (isLongMember(f, e, l)) {
        auto& longList = m_laneLong[lane];
        const auto i = std::lower_bound(longList.begin(), longList.end(), at) - longList.begin();
        longList.insert(longList.begin() + i, at);
        const qint64 anchor = anchorOf(f, e, l);
        m_laneLongTimes[lane].insert(m_laneLongTimes[lane].begin() + i, {e, l, anchor});
        auto& anchors = m_laneLongAnchors[lane];
        anchors.insert(std::upper_bound(anchors.begin(), anchors.end(), anchor), anchor);
    } else {
        auto& shortList = m_laneShort[lane];
        const auto i = std::lower_bound(shortList.begin(), shortList.end(), at) - shortList.begin();
        shortList.insert(shortList.begin() + i, at);
        m_laneShortEarliest[lane].insert(m_laneShortEarliest[lane].begin() + i, e);
    }
}

void TimeIndex::buildLanes() {
    TimeIndex& index = *this;
    const size_t total = m_ids.size();
    index.m_laneShort.assign(size_t(index.m_laneNames.size()), {});
    index.m_laneLong.assign(size_t(index.m_laneNames.size()), {});
    index.m_laneShortEarliest.assign(size_t(index.m_laneNames.size()), {});
    index.m_laneLongTimes.assign(size_t(index.m_laneNames.size()), {});
    {
        std::vector<size_t> members(size_t(index.m_laneNames.size()), 0);
        for (size_t i = 0; i < total; ++i)
            ++members[size_t(index.m_lane[i])];
        for (size_t l = 0; l < members.size(); ++l) {
            index.m_laneShort[l].reserve(members[l]);
            index.m_laneShortEarliest[l].reserve(members[l]);
        }
    }
    for (size_t i = 0; i < total; ++i) {
        const auto lane = size_t(index.m_lane[i]);
        const quint8 f = index.m_flags[i];
        const qint64 e = index.m_earliest[i], l = index.m_latest[i];
        if (isLongMember(f, e, l)) {
            const qint64 anchor = anchorOf(f, e, l);
            index.m_laneLong[lane].push_back(quint32(i));
            index.m_laneLongTimes[lane].push_back({e, l, anchor});
        } else {
            index.m_laneShort[lane].push_back(quint32(i));
            index.m_laneShortEarliest[lane].push_back(e);
        }
    }
    index.m_laneLongAnchors.assign(index.m_laneLongTimes.size(), {});
    for (size_t l = 0; l < index.m_laneLongTimes.size(); ++l) {
        auto& anchors = index.m_laneLongAnchors[l];
        anchors.reserve(index.m_laneLongTimes[l].size());
        for (const LongMember& m : index.m_laneLongTimes[l])
            anchors.push_back(m.anchor);
        std::sort(anchors.begin(), anchors.end());
    }
}

Result<bool> TimeIndex::update(SqliteDatabase& db, const QList<qint64>& eventIds) {
    if (m_laneKeys.size() != size_t(m_laneNames.size()))
        return false; // not loaded from a case
    // A lane's key as load() finds it: the first member by position.
    static const char* const laneSql[] = {
        "SELECT tag_id FROM event_tags WHERE event_id = ? ORDER BY position LIMIT 1",
        "SELECT actor_id FROM event_actors WHERE event_id = ? ORDER BY position LIMIT 1",
        "SELECT place_id FROM events WHERE fid = ? AND place_id IS NOT NULL",
        "SELECT source_id FROM citations WHERE event_id = ? ORDER BY id LIMIT 1"};
    auto laneOf = [&](qint64 key) -> qint32 {
        const auto it = std::find(m_laneKeys.begin(), m_laneKeys.end(), key);
        return it == m_laneKeys.end() ? -1 : qint32(it - m_laneKeys.begin());
    };
    struct Fresh {
        qint64 id, earliest, latest;
        quint8 flags;
        qint32 lane;
        QByteArray title;
    };
    std::vector<Fresh> fresh;
    QSet<qint64> changed;
    auto row = db.cached(u"SELECT earliest_s, latest_s, start_edtf, end_edtf, status, "
                         "sensitivity, substr(title, 1, 65535), EXISTS (SELECT 1 FROM citations "
                         "WHERE event_id = events.fid) FROM events WHERE fid = ?"_s);
    if (!row)
        return row.error();
    for (const qint64 id : eventIds) {
        if (changed.contains(id))
            continue;
        changed.insert(id);
        SqliteStatement& s = *row.value();
        s.reset();
        s.bind(1, id);
        auto found = s.step();
        if (!found)
            return found.error();
        if (!found.value())
            continue; // deleted
        qint64 e = 0, l = 0;
        const quint8 f = readEntry(s, 0, s.int64(7) != 0, e, l);
        Fresh entry{id, e, l, f, -1, titleOf(s, 6).toByteArray()};
        qint64 key = -1;
        if (m_grouping != LaneGrouping::None) {
            auto lane = db.cached(QString::fromLatin1(laneSql[int(m_grouping)]));
            if (!lane)
                return lane.error();
            lane.value()->bind(1, id);
            auto has = lane.value()->step();
            if (!has)
                return has.error();
            if (has.value())
                key = lane.value()->int64(0);
            lane.value()->reset();
        }
        entry.lane = laneOf(key);
        if (entry.lane < 0)
            return false; // a lane this index does not have yet
        fresh.push_back(std::move(entry));
    }
    // Where the changed events are now (a scan each: a few milliseconds at a million).
    std::vector<size_t> gone;
    for (const qint64 id : changed)
        if (const auto it = std::find(m_ids.begin(), m_ids.end(), id); it != m_ids.end())
            gone.push_back(size_t(it - m_ids.begin()));
    // What leaves: no lane may empty (its row would stay on screen).
    std::vector<qsizetype> leaving(size_t(m_laneNames.size()), 0);
    for (const size_t p : gone)
        ++leaving[size_t(m_lane[p])];
    for (const Fresh& f : fresh)
        --leaving[size_t(f.lane)];
    for (size_t l = 0; l < leaving.size(); ++l)
        if (leaving[l] > 0 && leaving[l] >= laneSize(qsizetype(l)))
            return false;

    // Out with the old entries, in with the new at their places in (earliest, latest, id)
    // order: moves within each array, no copy of it.
    std::sort(gone.begin(), gone.end(), std::greater<>());
    for (const size_t p : gone) {
        removeLaneMember(p);
        const auto at = std::ptrdiff_t(p);
        m_ids.erase(m_ids.begin() + at);
        m_earliest.erase(m_earliest.begin() + at);
        m_latest.erase(m_latest.begin() + at);
        m_lane.erase(m_lane.begin() + at);
        m_flags.erase(m_flags.begin() + at);
        m_titleStart.erase(m_titleStart.begin() + at);
        m_titleLength.erase(m_titleLength.begin() + at);
    }
    for (const Fresh& f : fresh) {
        size_t p = size_t(std::lower_bound(m_earliest.begin(), m_earliest.end(), f.earliest) -
                          m_earliest.begin());
        while (p < m_ids.size() && m_earliest[p] == f.earliest &&
               std::tie(m_latest[p], m_ids[p]) < std::tie(f.latest, f.id))
            ++p;
        const auto at = std::ptrdiff_t(p);
        const auto start = quint32(m_titles.size());
        m_titles.append(f.title); // the old title stays unused until the next load
        m_ids.insert(m_ids.begin() + at, f.id);
        m_earliest.insert(m_earliest.begin() + at, f.earliest);
        m_latest.insert(m_latest.begin() + at, f.latest);
        m_lane.insert(m_lane.begin() + at, f.lane);
        m_flags.insert(m_flags.begin() + at, f.flags);
        m_titleStart.insert(m_titleStart.begin() + at, start);
        m_titleLength.insert(m_titleLength.begin() + at, quint16(f.title.size()));
        insertLaneMember(p);
    }
    return true;
}

QString TimeIndex::title(qsizetype i) const {
    return QString::fromUtf8(m_titles.constData() + m_titleStart[size_t(i)],
                             m_titleLength[size_t(i)]);
}

qsizetype TimeIndex::positionOf(qint64 eventId) const {
    const auto it = std::find(m_ids.begin(), m_ids.end(), eventId);
    return it == m_ids.end() ? -1 : qsizetype(it - m_ids.begin());
}

qsizetype TimeIndex::lowerBound(qint64 t) const {
    return qsizetype(std::lower_bound(m_earliest.begin(), m_earliest.end(), t) -
                     m_earliest.begin());
}

std::size_t TimeIndex::lowerBoundShort(qsizetype lane, qint64 t) const {
    const auto& e = m_laneShortEarliest[size_t(lane)];
    return std::size_t(std::lower_bound(e.begin(), e.end(), t) - e.begin());
}

bool TimeIndex::extent(qint64& from, qint64& to) const {
    bool any = false;
    for (size_t i = 0; i < m_earliest.size(); ++i) {
        for (const qint64 t : {m_earliest[i], m_latest[i]}) {
            if (t == std::numeric_limits<qint64>::min() || t == std::numeric_limits<qint64>::max())
                continue;
            if (!any) {
                from = to = t;
                any = true;
            }
            from = std::min(from, t);
            to = std::max(to, t);
        }
    }
    return any;
}

std::size_t TimeIndex::memoryBytes() const {
    std::size_t lanes = 0;
    for (const auto& v : m_laneShort)
        lanes += v.capacity() * 4;
    for (const auto& v : m_laneLong)
        lanes += v.capacity() * 4;
    for (const auto& v : m_laneShortEarliest)
        lanes += v.capacity() * 8;
    for (const auto& v : m_laneLongTimes)
        lanes += v.capacity() * sizeof(LongMember);
    for (const auto& v : m_laneLongAnchors)
        lanes += v.capacity() * 8;
    return m_ids.capacity() * 8 + m_earliest.capacity() * 8 + m_latest.capacity() * 8 +
           m_lane.capacity() * 4 + m_flags.capacity() + m_titleStart.capacity() * 4 +
           m_titleLength.capacity() * 2 + std::size_t(m_titles.capacity()) + lanes;
}

} // namespace caseatlas
