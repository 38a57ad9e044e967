#include "geo/gazetteer.h"

#include "geo/webmercator.h"

#include <QCoreApplication>
#include <QFile>
#include <QList>

#include <algorithm>
#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

namespace caseatlas {

const Gazetteer& Gazetteer::shared() {
    static const Gazetteer instance = [] {
        auto loaded = load();
        return loaded ? std::move(loaded).value() : Gazetteer();
    }();
    return instance;
}

Result<Gazetteer> Gazetteer::load(const QString& resourcePath) {
    QFile f(resourcePath);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QCoreApplication::translate(
                                            "caseatlas", "The gazetteer %1 cannot be read.")
                                            .arg(resourcePath));
    const QByteArray all = f.readAll();
    Gazetteer g;
    g.m_places.reserve(size_t(all.count('\n')));
    qsizetype lineNo = 0;
    for (qsizetype start = 0; start < all.size();) {
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        const QByteArrayView line(all.constData() + start, end - start);
        start = end + 1;
        ++lineNo;
        // id, name, ascii name, country, feature code, population, latitude, longitude
        QByteArrayView fields[8];
        int n = 0;
        for (qsizetype from = 0; n < 8;) {
            const qsizetype tab = line.indexOf('\t', from);
            fields[n++] = line.sliced(from, (tab < 0 ? line.size() : tab) - from);
            if (tab < 0)
                break;
            from = tab + 1;
        }
        if (n != 8 || fields[3].size() != 2)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("caseatlas", "The gazetteer is damaged at line %1.")
                    .arg(lineNo));
        Place p{};
        bool ok = true, okLat = true, okLon = true;
        p.geonamesId = fields[0].toLongLong(&ok);
        p.name = QString::fromUtf8(fields[1]);
        p.asciiName = QString::fromUtf8(fields[2]);
        p.country[0] = fields[3][0];
        p.country[1] = fields[3][1];
        const QByteArrayView code = fields[4];
        p.rank = code == "PPLC" ? 0 : code == "PPLA" ? 1 : code.startsWith("PPLA") ? 2 : 3;
        p.population = qint32(std::min<qint64>(fields[5].toLongLong(), 2'000'000'000));
        p.lat = fields[6].toFloat(&okLat);
        p.lon = fields[7].toFloat(&okLon);
        if (!ok || !okLat || !okLon)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("caseatlas", "The gazetteer is damaged at line %1.")
                    .arg(lineNo));
        p.at = webmercator::fromLonLat(p.lon, p.lat);
        g.m_places.push_back(std::move(p));
    }
    g.m_byImportance.resize(g.m_places.size());
    for (quint32 i = 0; i < g.m_byImportance.size(); ++i)
        g.m_byImportance[i] = i;
    // Capitals first, then by population, with administrative seats weighed up.
    auto score = [&](quint32 i) {
        static const double weight[] = {100, 4, 1.5, 1};
        return std::max<double>(g.m_places[i].population, 1000) * weight[g.m_places[i].rank];
    };
    std::stable_sort(g.m_byImportance.begin(), g.m_byImportance.end(),
                     [&](quint32 a, quint32 b) { return score(a) > score(b); });
    return g;
}

QString Gazetteer::fold(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (QChar c : text.normalized(QString::NormalizationForm_D))
        if (c.category() != QChar::Mark_NonSpacing || c.script() != QChar::Script_Inherited)
            out += c;
    return out.toCaseFolded();
}

QList<const Gazetteer::Place*> Gazetteer::lookup(const QString& text, int limit,
                                                 const QString& country) const {
    const QString key = fold(text.trimmed());
    QList<const Place*> out;
    if (key.isEmpty())
        return out;
    // The name index is built on the first lookup (not at startup, where the map only draws):
    // folded (lower case, accents removed) so "ho chi" finds "Hồ Chí Minh".
    {
        static std::mutex building;
        std::lock_guard lock(building);
        if (!m_names) {
            auto names = std::make_shared<std::vector<std::pair<QString, quint32>>>();
            for (quint32 i = 0; i < m_places.size(); ++i) {
                names->emplace_back(fold(m_places[i].name), i);
                if (!m_places[i].asciiName.isEmpty())
                    names->emplace_back(fold(m_places[i].asciiName), i);
            }
            std::sort(names->begin(), names->end());
            m_names = std::move(names);
        }
    }
    const auto& names = *m_names;
    auto it = std::lower_bound(names.cbegin(), names.cend(), std::pair{key, quint32(0)});
    std::vector<quint32> found;
    for (; it != names.cend() && it->first.startsWith(key) && found.size() < 5000; ++it)
        if (country.isEmpty() || countryCode(m_places[it->second]) == country.toUpper())
            found.push_back(it->second);
    // Exact names first, then by importance (capitals, then population).
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::sort(found.begin(), found.end(), [&](quint32 a, quint32 b) {
        const bool ea = fold(m_places[a].name) == key || fold(m_places[a].asciiName) == key;
        const bool eb = fold(m_places[b].name) == key || fold(m_places[b].asciiName) == key;
        if (ea != eb)
            return ea;
        return m_places[a].population > m_places[b].population;
    });
    for (quint32 i : found) {
        if (out.size() >= limit)
            break;
        out << &m_places[i];
    }
    return out;
}

} // namespace caseatlas
