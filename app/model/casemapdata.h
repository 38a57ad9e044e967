#pragma once

#include "geo/rastersource.h"
#include "geo/rastertiles.h"
#include "store/sqlite.h"

#include <QColor>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace caseatlas {

// What the map draws of a case, projected to Web Mercator metres once: events with a location,
// places, and movements (events with an origin and a destination place).
struct CaseMapData {
    struct EventPoint {
        qint64 id;
        QPointF at;
        qint64 earliest, latest;
        QColor colour;      // its first tag's colour (the timeline lane's)
        float radius = 0;   // location precision, in Web Mercator metres; 0 when exact
        int placeArea = -1; // index in places of an area drawn as its precision, or -1
    };
    // A place: a point, or an area (its rings) marked at a point inside it.
    struct PlacePoint {
        qint64 id;
        QString name;
        QPointF at;
        std::vector<QPolygonF> area;
    };
    struct Movement {
        qint64 eventId;
        QPointF from, to;
        double value; // the event's first numeric value, 0 if none: drawn as thickness
        qint64 earliest, latest;
        QColor colour;
    };
    // A GIS layer of the case, in Web Mercator metres: polygons and lines as paths, points apart.
    // With a category field, each ring, line and point carries the index of its class.
    struct Layer {
        struct Label {
            QPointF at;
            QString text;
        };
        qint64 id;
        QString title;
        bool visible = true;
        bool missing = false;    // a linked file that is no longer there, or not allowed:
        bool notAllowed = false; // a linked file this user has not linked or allowed here
        QString problem;         // why a layer in the case cannot be shown
        QColor colour;           // stroke
        QColor fill;
        double opacity = 1;
        std::vector<QPolygonF> polygons; // rings
        std::vector<QPolygonF> lines;
        std::vector<QPointF> points;
        std::vector<quint16> polygonClass, lineClass, pointClass;
        QStringList classes; // the category values, in first-seen order
        std::vector<QColor> classColours;
        std::vector<Label> labels;
        QRectF bounds;
        std::shared_ptr<RasterTiles> raster; // a tiled image instead of features
        std::shared_ptr<RasterSource> image; // a linked image file, read through GDAL
    };
    std::vector<Layer> layers;
    std::vector<EventPoint> events;
    std::vector<PlacePoint> places;
    std::vector<Movement> movements;

    static Result<CaseMapData> load(SqliteDatabase& db);
    // Brings these events (edited, added or deleted) and their movements up to date with the
    // file, keeping everything else: an edit costs a few reads, not a load. Places and layers
    // are not read again (an event edit does not change them).
    Status updateEvents(SqliteDatabase& db, const QList<qint64>& eventIds);
    // [west, south, east, north] in degrees around everything located; false when nothing is.
    bool extent(double& west, double& south, double& east, double& north) const;
};

} // namespace caseatlas
