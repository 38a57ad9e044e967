#pragma once

#include <QJsonObject>
#include <QString>

namespace caseatlas {

// A named filter + time range + map extent; briefings are made from these.
struct SavedView {
    qint64 id = 0;
    QString name;
    QJsonObject filter; // {"text":…, "tags":[…], "actors":[…], "places":[…], "sensitivity":…}
    QString timeFrom; // EDTF, may be empty
    QString timeTo;
    double west = 0, south = 0, east = 0, north = 0; // map extent, EPSG:4326; all 0 = none
};

} // namespace caseatlas
