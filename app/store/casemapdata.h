#pragma once

#include "store/sqlite.h"

#include <QColor>
#include <QPointF>
#include <QString>

#include <vector>

namespace caseatlas {

// What the map draws of a case, projected to Web Mercator metres once: events with a location,
// places, and movements (events with an origin and a destination place).
struct CaseMapData {
    struct EventPoint {
        qint64 id;
        QPointF at;
        qint64 earliest, latest;
        QColor colour; // its first tag's colour (the timeline lane's)
    };
    struct PlacePoint {
        qint64 id;
        QString name;
        QPointF at;
    };
    struct Movement {
        qint64 eventId;
        QPointF from, to;
        double value; // the event's first numeric value, 0 if none: drawn as thickness
        qint64 earliest, latest;
        QColor colour;
    };
    std::vector<EventPoint> events;
    std::vector<PlacePoint> places;
    std::vector<Movement> movements;

    static Result<CaseMapData> load(SqliteDatabase& db);
    // [west, south, east, north] in degrees around everything located; false when nothing is.
    bool extent(double& west, double& south, double& east, double& north) const;
};

} // namespace caseatlas
