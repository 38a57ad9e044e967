#pragma once

#include "store/sqlite.h"

#include <QStringList>

#include <span>
#include <vector>

namespace caseatlas {

// What the timeline's lanes group events by. An event sits in the lane of its first tag /
// actor / source (by their order on the event), or of its place; events without one share a
// last lane ("No tag", …).
enum class LaneGrouping { Tag, Actor, Place, Source, None };
QString laneGroupingKey(LaneGrouping g); // "tag", "actor", "place", "source", "none"
std::optional<LaneGrouping> laneGroupingFromKey(const QString& key);

// The compact in-memory index the timeline draws from: one entry per event, struct of arrays,
// sorted by (earliest, latest, id), plus each lane's members in the same order. About 80 bytes
// per event with titles.
class TimeIndex {
public:
    enum Flag : quint8 {
        Uncertain = 1 << 0,
        Approximate = 1 << 1,
        Unsourced = 1 << 2,
        Disputed = 1 << 3,
        Confidential = 1 << 4,
        OpenStart = 1 << 5, // ".." or unknown start
        OpenEnd = 1 << 6,   // ".." or unknown end
        Span = 1 << 7,      // an interval or an event with an end date: drawn as a bar
    };
    // Members longer than this (or open-ended) are kept apart, so that finding what a view
    // shows stays a binary search.
    static constexpr qint64 LongSpan = 62 * 86400;

    static Result<TimeIndex> load(SqliteDatabase& db, LaneGrouping grouping = LaneGrouping::Tag);
    // An index of chosen events as given (briefings: the events a profile lets out, their
    // titles as they leave). `lane` indexes laneNames; -1 puts the event in `unassigned`.
    struct Entry {
        qint64 id = 0, earliest = 0, latest = 0;
        quint8 flags = 0;
        QString title;
        int lane = -1;
    };
    static TimeIndex fromEntries(const std::vector<Entry>& entries, const QStringList& laneNames,
                                 const QString& unassigned, LaneGrouping grouping);
    // Brings the entries of these events up to date with the file — edited, added or deleted —
    // and keeps every other entry as it is: an edit costs a pass over the arrays, not a load.
    // False (nothing changed) when the change needs a whole load: a lane appears or empties, or
    // the index was not loaded from a case.
    Result<bool> update(SqliteDatabase& db, const QList<qint64>& eventIds);
    // The flags an event's dates give (Uncertain, Approximate, OpenStart, OpenEnd, Span).
    static quint8 dateFlags(QByteArrayView startEdtf, QByteArrayView endEdtf);

    qsizetype size() const { return qsizetype(m_ids.size()); }
    qint64 id(qsizetype i) const { return m_ids[size_t(i)]; }
    qint64 earliest(qsizetype i) const { return m_earliest[size_t(i)]; }
    qint64 latest(qsizetype i) const { return m_latest[size_t(i)]; }
    qint32 lane(qsizetype i) const { return m_lane[size_t(i)]; } // index into laneNames()
    quint8 flags(qsizetype i) const { return m_flags[size_t(i)]; }
    QString title(qsizetype i) const;
    qsizetype positionOf(qint64 eventId) const; // -1 when absent (linear; for tests and tools)

    LaneGrouping grouping() const { return m_grouping; }
    const QStringList& laneNames() const { return m_laneNames; }
    qsizetype laneCount() const { return m_laneNames.size(); }
    // Positions (into the arrays above) of a lane's events, in index order, split by length.
    std::span<const quint32> laneShort(qsizetype lane) const { return m_laneShort[size_t(lane)]; }
    std::span<const quint32> laneLong(qsizetype lane) const { return m_laneLong[size_t(lane)]; }
    qsizetype laneSize(qsizetype lane) const {
        return qsizetype(m_laneShort[size_t(lane)].size() + m_laneLong[size_t(lane)].size());
    }

    // Each lane's short members' earliest times, contiguous (binary searches stay in cache).
    std::span<const qint64> laneShortEarliest(qsizetype lane) const {
        return m_laneShortEarliest[size_t(lane)];
    }
    // Each lane's long members: earliest, latest and the time a mark or count is placed at.
    struct LongMember {
        qint64 earliest, latest, anchor;
    };
    std::span<const LongMember> laneLongTimes(qsizetype lane) const {
        return m_laneLongTimes[size_t(lane)];
    }
    // The anchors of a lane's long members, sorted (for counting them per column).
    std::span<const qint64> laneLongAnchors(qsizetype lane) const {
        return m_laneLongAnchors[size_t(lane)];
    }

    // First entry whose earliest is >= t.
    qsizetype lowerBound(qint64 t) const;
    // First of a lane's short members whose earliest is >= t.
    std::size_t lowerBoundShort(qsizetype lane, qint64 t) const;
    // The earliest and latest finite times of all events (for "fit all"); false when empty.
    bool extent(qint64& from, qint64& to) const;
    std::size_t memoryBytes() const;

private:
    // Sorts the columns (given in any order) into the index and builds the lanes.
    static void assemble(TimeIndex& index, std::vector<qint64>& ids, std::vector<qint64>& earliest,
                         std::vector<qint64>& latest, std::vector<quint8>& flags,
                         std::vector<quint32>& titleStart, std::vector<quint16>& titleLength,
                         std::vector<qint32>& lanes, const QString& unassigned);
    // Each lane's members, split by length, from m_lane and the times.
    void buildLanes();
    // Entry p leaves its lane (before it leaves the arrays), or joins it (after it joined them);
    // the positions behind it move down or up by one.
    void removeLaneMember(size_t p);
    void insertLaneMember(size_t p);
    void shiftLanes(quint32 from, bool up);
    std::vector<qint64> m_ids;
    std::vector<qint64> m_earliest;
    std::vector<qint64> m_latest;
    std::vector<qint32> m_lane;
    std::vector<quint8> m_flags;
    std::vector<quint32> m_titleStart;
    std::vector<quint16> m_titleLength;
    QByteArray m_titles; // UTF-8, all titles back to back
    std::vector<std::vector<quint32>> m_laneShort;
    std::vector<std::vector<quint32>> m_laneLong;
    std::vector<std::vector<qint64>> m_laneShortEarliest;
    std::vector<std::vector<LongMember>> m_laneLongTimes;
    std::vector<std::vector<qint64>> m_laneLongAnchors;
    QStringList m_laneNames;
    // What each lane stands for (a tag's, actor's, place's or source's id; -1 for the lane of
    // events without one), when loaded from a case; empty otherwise.
    std::vector<qint64> m_laneKeys;
    LaneGrouping m_grouping = LaneGrouping::Tag;
};

} // namespace caseatlas
