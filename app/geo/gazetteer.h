#pragma once

#include "core/result.h"
#include "domain/place.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <QList>

#include <memory>
#include <vector>

namespace caseatlas {

// The offline gazetteer shipped in resources: GeoNames populated places (CC BY 4.0), derived
// by packaging/data/make_gazetteer.py. Loaded once, on first use, and shared read-only.
class Gazetteer {
public:
    struct Place {
        qint64 geonamesId; // 0 when the source gave none
        QString name;
        QString asciiName;  // empty when the same as name
        QString alternates; // other names ("Tachileik|Tha Chi Lek"), "|"-joined; may be empty
        char country[2];
        quint8 rank; // 0 capital, 1 first-level seat, 2 other seats, 3 other places,
                     // 4 an administrative division (at the middle of its places: not a point)
        bool isArea() const { return rank == 4; }
        qint32 population;
        float lat, lon;
        QPointF at; // Web Mercator metres
    };

    // The shared instance; a load failure (a broken build) leaves it empty.
    static const Gazetteer& shared();
    static Result<Gazetteer>
    load(const QString& resourcePath = QStringLiteral(":/gazetteer/places.tsv"));

    const std::vector<Place>& places() const { return m_places; }
    // Indices into places(), most important first (capitals, then by population with
    // administrative seats weighed up).
    const std::vector<quint32>& byImportance() const { return m_byImportance; }
    QString countryCode(const Place& p) const { return QString::fromLatin1(p.country, 2); }
    // Type-ahead: places whose name, ASCII name or an alternate name starts with `text` —
    // case, accents, spaces, hyphens and apostrophes aside ("mongla" finds Möng La, "muse"
    // Mu-se) — exact names first, then the most important; `country` (ISO alpha-2) narrows it.
    QList<const Place*> lookup(const QString& text, int limit = 20,
                               const QString& country = QString()) const;
    // Every name of a place: its name, ASCII name and alternates.
    static QStringList namesOf(const Place& p);
    // Whether one of them folds to `folded` (a fold()ed name).
    static bool isNamed(const Place& p, const QString& folded);
    // The name `text` matched when it is not the place's own ("Tachileik" for Tachilek), or "".
    static QString matchedName(const Place& p, const QString& text);
    // The place as a case records it: a populated place with its point, country, GeoNames id
    // ("geonames:1295301", none for a place without one) and its other names as aliases.
    caseatlas::Place toCasePlace(const Place& p) const;

    // Lower case without accents, spaces, hyphens and apostrophes: the form names are compared in.
    static QString fold(const QString& text);

private:
    std::vector<Place> m_places;
    std::vector<quint32> m_byImportance;
    // Folded names (name and ASCII name) sorted, each with its place, for prefix lookup.
    mutable std::shared_ptr<const std::vector<std::pair<QString, quint32>>> m_names;
};

} // namespace caseatlas
