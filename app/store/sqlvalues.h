#pragma once

// Small conversions between domain values and the values bound to SQLite.

#include <QColor>
#include <QDateTime>
#include <QString>
#include <QUuid>
#include <QVariant>

namespace caseatlas {

inline QVariant textOrNull(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}
inline QVariant idOrNull(qint64 id) {
    return id > 0 ? QVariant(id) : QVariant();
}
inline QVariant timeOrNull(const QDateTime& t) {
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}
inline QDateTime timeFrom(const QString& s) {
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}
inline QVariant colorOrNull(const QColor& c) {
    return c.isValid() ? QVariant(c.name(QColor::HexArgb)) : QVariant();
}
inline QColor colorFrom(const QString& s) {
    return s.isEmpty() ? QColor() : QColor::fromString(s);
}
inline QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace caseatlas
