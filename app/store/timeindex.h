#pragma once

#include "store/sqlite.h"

#include <QStringList>

#include <vector>

namespace caseatlas {

// The compact in-memory index the timeline draws from: one entry per event, struct of arrays,
// sorted by (earliest, latest, id). About 30 bytes per event.
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
    };

    static Result<TimeIndex> load(SqliteDatabase& db);

    qsizetype size() const { return qsizetype(m_ids.size()); }
    qint64 id(qsizetype i) const { return m_ids[size_t(i)]; }
    qint64 earliest(qsizetype i) const { return m_earliest[size_t(i)]; }
    qint64 latest(qsizetype i) const { return m_latest[size_t(i)]; }
    qint32 lane(qsizetype i) const { return m_lane[size_t(i)]; } // index into laneNames(), -1: none
    quint8 flags(qsizetype i) const { return m_flags[size_t(i)]; }
    const QStringList& laneNames() const { return m_laneNames; }
    // First entry whose earliest is >= t.
    qsizetype lowerBound(qint64 t) const;
    std::size_t memoryBytes() const;

private:
    std::vector<qint64> m_ids;
    std::vector<qint64> m_earliest;
    std::vector<qint64> m_latest;
    std::vector<qint32> m_lane;
    std::vector<quint8> m_flags;
    QStringList m_laneNames;
};

} // namespace caseatlas
