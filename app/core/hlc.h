#pragma once

#include <QString>

#include <optional>

namespace caseatlas {

// A hybrid logical clock's reading (Kulkarni et al., "Logical Physical Clocks", 2014): the wall
// time in milliseconds as best known, a counter for what happened within one of them, and the
// replica (copy of a case) that read it, so that no two readings anywhere are equal. Readings
// order the changes of a shared case: a change made after seeing another always reads later,
// whatever the computers' clocks say, and stays close to the wall time otherwise.
struct Hlc {
    qint64 ms = 0;   // Unix time, milliseconds
    int counter = 0; // 0 … MaxCounter
    QString replica; // 32 lower-case hex digits

    static constexpr int MaxCounter = 99999;

    // "0001764950400000.00000.<replica>": sorts as the readings do (fixed widths).
    QString text() const;
    static std::optional<Hlc> parse(const QString& text);
    static bool isReplicaId(const QString& id);
    bool operator==(const Hlc& other) const = default;
    // Time first, then counter, then replica.
    bool operator<(const Hlc& other) const {
        if (ms != other.ms)
            return ms < other.ms;
        if (counter != other.counter)
            return counter < other.counter;
        return replica < other.replica;
    }
};

// The clock of one replica. `now()` reads it for a change made here; `observe()` moves it past a
// change received from elsewhere. Both never go back, even when the wall clock does.
class HybridClock {
public:
    explicit HybridClock(QString replica);

    // The last reading this clock gave or saw (kept in the case between sessions).
    void restore(const Hlc& last);
    Hlc now();
    Hlc observe(const Hlc& received);
    const Hlc& last() const { return m_last; }

private:
    Hlc next(qint64 wall, const Hlc* received);
    Hlc m_last;
};

} // namespace caseatlas
