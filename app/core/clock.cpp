#include "core/clock.h"

namespace caseatlas {

std::function<QDateTime()>& Clock::source() {
    static std::function<QDateTime()> s;
    return s;
}

QDateTime Clock::nowUtc() {
    return source() ? source()().toUTC() : QDateTime::currentDateTimeUtc();
}

QString Clock::nowIso() {
    return nowUtc().toString(Qt::ISODateWithMs);
}

void Clock::setSource(std::function<QDateTime()> s) {
    source() = std::move(s);
}

} // namespace caseatlas
