#pragma once

#include <QDateTime>

#include <functional>

namespace caseatlas {

// The time as the app sees it. Tests replace it to get repeatable timestamps.
class Clock {
public:
    static QDateTime nowUtc();
    static QString nowIso();                                  // "2026-11-29T17:40:00.123Z"
    static void setSource(std::function<QDateTime()> source); // empty: the system clock

private:
    static std::function<QDateTime()>& source();
};

} // namespace caseatlas
