#pragma once

#include "core/result.h"

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
        qint64 geonamesId;
        QString name;
        QString asciiName; // empty when the same as name
        char country[2];
        quint8 rank; // 0 capital, 1 first-level seat, 2 other seats, 3 other places
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
    // Type-ahead: places whose name (or ASCII name) starts with `text`, case and accents
    // aside, most important first; `country` (ISO alpha-2) narrows it when given.
    QList<const Place*> lookup(const QString& text, int limit = 20,
                               const QString& country = QString()) const;

    // Lower case without accents: the form names are compared in.
    static QString fold(const QString& text);

private:
    std::vector<Place> m_places;
    std::vector<quint32> m_byImportance;
    // Folded names (name and ASCII name) sorted, each with its place, for prefix lookup.
    mutable std::shared_ptr<const std::vector<std::pair<QString, quint32>>> m_names;
};

} // namespace caseatlas
