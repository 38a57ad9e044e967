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
        // id, name, ascii name, country, feature code, population, latitude, longitude,
        // alternate names (the last column may be absent)
        QByteArrayView fields[9];
        int n = 0;
        for (qsizetype from = 0; n < 9;) {
            const qsizetype tab = line.indexOf('\t', from);
            fields[n++] = line.sliced(from, (tab < 0 ? line.size() : tab) - from);
            if (tab < 0)
                break;
            from = tab + 1;
        }
        if (n < 8 || fields[3].size() != 2)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("caseatlas", "The gazetteer is damaged at line %1.")
                    .arg(lineNo));
        Place p{};
        bool ok = true, okLat = true, okLon = true;
        p.geonamesId = fields[0].toLongLong(&ok);
        p.name = QString::fromUtf8(fields[1]);
        p.asciiName = QString::fromUtf8(fields[2]);
        if (n > 8)
            p.alternates = QString::fromUtf8(fields[8]);
        p.country[0] = fields[3][0];
        p.country[1] = fields[3][1];
        const QByteArrayView code = fields[4];
        p.rank = code == "PPLC"            ? 0
                 : code == "PPLA"          ? 1
                 : code.startsWith("PPLA") ? 2
                 : code.startsWith("ADM")  ? 4
                                           : 3;
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
        static const double weight[] = {100, 4, 1.5, 1, 1};
        return std::max<double>(g.m_places[i].population, 1000) * weight[g.m_places[i].rank];
    };
    std::stable_sort(g.m_byImportance.begin(), g.m_byImportance.end(),
                     [&](quint32 a, quint32 b) { return score(a) > score(b); });
    return g;
}

QString Gazetteer::fold(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.category() == QChar::Mark_NonSpacing && c.script() == QChar::Script_Inherited)
            continue; // accents
        if (c.isSpace() || c == u'-' || c == u'\'' || c == QChar(0x2019) || c == QChar(0x2010) ||
            c == QChar(0x2011) || c == u'.')
            continue; // "Mu-se", "Mong La", "Lin-ts’ang": as they are typed without them
        out += c;
    }
    return out.toCaseFolded();
}

QStringList Gazetteer::namesOf(const Place& p) {
    QStringList names{p.name};
    if (!p.asciiName.isEmpty())
        names << p.asciiName;
    if (!p.alternates.isEmpty())
        names << p.alternates.split(u'|', Qt::SkipEmptyParts);
    return names;
}

bool Gazetteer::isNamed(const Place& p, const QString& folded) {
    const QStringList names = namesOf(p);
    return std::any_of(names.cbegin(), names.cend(),
                       [&](const QString& n) { return fold(n) == folded; });
}

QString Gazetteer::matchedName(const Place& p, const QString& text) {
    const QString key = fold(text.trimmed());
    if (key.isEmpty() || fold(p.name).startsWith(key))
        return {};
    for (const QString& n : namesOf(p))
        if (fold(n).startsWith(key))
            return n;
    return {};
}

caseatlas::Place Gazetteer::toCasePlace(const Place& gp) const {
    caseatlas::Place p;
    p.name = gp.name;
    p.kind = gp.isArea() ? u"administrative area"_s : u"populated place"_s;
    p.countryCode = countryCode(gp);
    p.point = GeoPoint{gp.lon, gp.lat};
    if (gp.geonamesId > 0)
        p.gazetteerId = u"geonames:%1"_s.arg(gp.geonamesId);
    const QStringList names = namesOf(gp);
    for (qsizetype i = 1; i < names.size(); ++i) {
        // The language where the script tells it; the rest are spellings in Latin letters.
        QString language;
        for (QChar c : names[i]) {
            if (c.script() == QChar::Script_Han)
                language = u"zh"_s;
            else if (c.script() == QChar::Script_Myanmar)
                language = u"my"_s;
            else if (c.script() == QChar::Script_Thai)
                language = u"th"_s;
            if (!language.isEmpty())
                break;
        }
        p.aliases.append({names[i], language});
    }
    return p;
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
            for (quint32 i = 0; i < m_places.size(); ++i)
                for (const QString& n : namesOf(m_places[i]))
                    names->emplace_back(fold(n), i);
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
    std::vector<std::pair<bool, quint32>> ranked;
    ranked.reserve(found.size());
    for (quint32 i : found)
        ranked.emplace_back(isNamed(m_places[i], key), i);
    std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first;
        return m_places[a.second].population > m_places[b.second].population;
    });
    found.clear();
    for (const auto& r : ranked)
        found.push_back(r.second);
    for (quint32 i : found) {
        if (out.size() >= limit)
            break;
        out << &m_places[i];
    }
    return out;
}

} // namespace caseatlas
