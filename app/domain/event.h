#pragma once

#include "domain/fuzzydate.h"
#include "domain/sensitivity.h"

#include <QList>
#include <QString>

#include <optional>

namespace caseatlas {

enum class EventStatus { Draft, Corroborated, Disputed };
QString eventStatusKey(EventStatus s);
std::optional<EventStatus> eventStatusFromKey(const QString& key);

// How precisely an event's location is known.
enum class LocationPrecision { Exact, Approximate, AdminArea, Country, Unknown };
QString locationPrecisionKey(LocationPrecision p);
std::optional<LocationPrecision> locationPrecisionFromKey(const QString& key);

struct GeoPoint {
    double lon = 0;
    double lat = 0;
    bool operator==(const GeoPoint&) const = default;
};

struct EventActor {
    qint64 actorId = 0;
    QString role; // perpetrator, victim, witness, official, …
    bool operator==(const EventActor&) const = default;
};

struct EventValue {
    QString name; // "people repatriated", "fatalities"
    double value = 0;
    QString unit; // "people", "USD"
    bool operator==(const EventValue&) const = default;
};

struct Event {
    qint64 id = 0;
    QString uuid;
    QString title;
    QString description; // Markdown
    FuzzyDate start;
    FuzzyDate end; // invalid when the event is an instant or `start` is itself an interval
    qint64 placeId = 0;
    qint64 originPlaceId = 0; // movements (repatriation, trafficking route)
    qint64 destinationPlaceId = 0;
    std::optional<GeoPoint> point; // own location; falls back to the place's
    LocationPrecision locationPrecision = LocationPrecision::Unknown;
    double precisionMetres = 0;
    EventStatus status = EventStatus::Draft;
    Sensitivity sensitivity = Sensitivity::Public;
    QList<EventActor> actors;
    QStringList tags;
    QList<EventValue> values;

    // The whole interval the event may cover: start's earliest to end's (or start's) latest.
    qint64 earliest() const { return start.earliest(); }
    qint64 latest() const { return end.isValid() ? end.latest() : start.latest(); }
};

} // namespace caseatlas
