#pragma once

#include "domain/fuzzydate.h"

#include <QColor>
#include <QString>

namespace caseatlas {

// A named period drawn as a background band on the timeline.
struct Era {
    qint64 id = 0;
    QString name;
    FuzzyDate span; // usually an interval
    QColor color;
    QString description;
};

struct Tag {
    qint64 id = 0;
    QString name;
    QColor color;
};

} // namespace caseatlas
