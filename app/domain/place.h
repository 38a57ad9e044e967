#pragma once

#include "domain/actor.h"
#include "domain/event.h"

#include <QByteArray>

namespace caseatlas {

struct Place {
    qint64 id = 0;
    QString uuid;
    QString name;
    QString kind;        // "city", "compound", "border crossing", "region", …
    QString countryCode; // ISO 3166-1 alpha-2
    std::optional<GeoPoint> point;
    QByteArray geometryWkb; // a polygon (WKB, EPSG:4326) when the place is an area; overrides point
    QString gazetteerId;    // e.g. "geonames:1818209"
    QString description;
    Sensitivity sensitivity = Sensitivity::Public;
    QList<Alias> aliases;
};

} // namespace caseatlas
