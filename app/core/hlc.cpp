#include "core/hlc.h"

#include "core/clock.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

QString Hlc::text() const {
    return u"%1.%2.%3"_s.arg(ms, 16, 10, QLatin1Char('0'))
        .arg(counter, 5, 10, QLatin1Char('0'))
        .arg(replica);
}

bool Hlc::isReplicaId(const QString& id) {
    static const QRegularExpression pattern(u"^[0-9a-f]{32}$"_s);
    return pattern.match(id).hasMatch();
}

std::optional<Hlc> Hlc::parse(const QString& text) {
    static const QRegularExpression pattern(u"^([0-9]{16})\\.([0-9]{5})\\.([0-9a-f]{32})$"_s);
    const auto m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    Hlc h;
    h.ms = m.captured(1).toLongLong();
    h.counter = m.captured(2).toInt();
    h.replica = m.captured(3);
    return h;
}

HybridClock::HybridClock(QString replica) {
    m_last.replica = std::move(replica);
}

void HybridClock::restore(const Hlc& last) {
    if (std::pair(last.ms, last.counter) > std::pair(m_last.ms, m_last.counter)) {
        m_last.ms = last.ms;
        m_last.counter = last.counter;
    }
}

Hlc HybridClock::now() {
    return next(Clock::nowUtc().toMSecsSinceEpoch(), nullptr);
}

Hlc HybridClock::observe(const Hlc& received) {
    return next(Clock::nowUtc().toMSecsSinceEpoch(), &received);
}

Hlc HybridClock::next(qint64 wall, const Hlc* received) {
    const qint64 known = received ? std::max(m_last.ms, received->ms) : m_last.ms;
    qint64 ms = std::max(known, wall);
    int counter = 0;
    if (ms == m_last.ms && received && ms == received->ms)
        counter = std::max(m_last.counter, received->counter) + 1;
    else if (ms == m_last.ms)
        counter = m_last.counter + 1;
    else if (received && ms == received->ms)
        counter = received->counter + 1;
    if (counter > Hlc::MaxCounter) { // a hundred thousand changes in one millisecond: move on
        ++ms;
        counter = 0;
    }
    m_last.ms = ms;
    m_last.counter = counter;
    return m_last;
}

} // namespace caseatlas
