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

// A briefing kept in the case: the view it shows (0: the whole case) and its settings (layout,
// profile, title, blocks, …; render/briefing.h reads and writes them).
struct SavedBriefing {
    qint64 id = 0;
    QString name;
    qint64 viewId = 0;
    QJsonObject settings;
};

} // namespace caseatlas
