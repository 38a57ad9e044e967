#include "model/casefilter.h"

#include "domain/fuzzydate.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseatlas {

bool FilterCriteria::isEmpty() const {
    return text.trimmed().isEmpty() && tags.isEmpty() && actors.isEmpty() && places.isEmpty() &&
           !from && !to && maxSensitivity == Sensitivity::Confidential && !unsourcedOnly &&
           sources.isEmpty() && reliabilities.isEmpty();
}

std::pair<QString, QVariantList> FilterCriteria::sql() const {
    QStringList where;
    QVariantList params;
    auto marks = [](qsizetype n) { return QStringList(n, u"?"_s).join(u", "_s); };
    if (!text.trimmed().isEmpty()) {
        // LIKE on the content itself: works for any script and for one- or two-character terms.
        QString pattern = text.trimmed();
        pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        where << u"(e.title LIKE ? ESCAPE '\\' OR e.description LIKE ? ESCAPE '\\')"_s;
        params << u"%"_s + pattern + u"%"_s << u"%"_s + pattern + u"%"_s;
    }
    if (!tags.isEmpty()) {
        where << u"EXISTS (SELECT 1 FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE "
                 u"et.event_id = e.fid "
                 "AND t.name IN (%1))"_s.arg(marks(tags.size()));
        for (const QString& t : tags)
            params << t;
    }
    if (!actors.isEmpty()) {
        where
            << u"EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.fid AND ea.actor_id IN (%1))"_s
                   .arg(marks(actors.size()));
        for (qint64 a : actors)
            params << a;
    }
    if (!places.isEmpty()) {
        const QString m = marks(places.size());
        where
            << u"(e.place_id IN (%1) OR e.origin_place_id IN (%1) OR e.destination_place_id IN (%1))"_s
                   .arg(m);
        for (int k = 0; k < 3; ++k)
            for (qint64 p : places)
                params << p;
    }
    if (from || to) {
        const qint64 a = from.value_or(FuzzyDate::UnboundedPast),
                     b = to.value_or(FuzzyDate::Unbounded);
        if (dateMode == DateMode::Certainly)
            where << u"(e.earliest_s >= ? AND e.latest_s <= ?)"_s;
        else
            where << u"(e.latest_s >= ? AND e.earliest_s <= ?)"_s;
        params << a << b;
    }
    if (maxSensitivity != Sensitivity::Confidential)
        where << (maxSensitivity == Sensitivity::Public
                      ? u"e.sensitivity = 'public'"_s
                      : u"e.sensitivity IN ('public', 'internal')"_s);
    if (unsourcedOnly)
        where << u"NOT EXISTS (SELECT 1 FROM citations c WHERE c.event_id = e.fid)"_s;
    if (!sources.isEmpty()) {
        where << u"EXISTS (SELECT 1 FROM citations c WHERE c.event_id = e.fid AND c.source_id IN "
                 "(%1))"_s.arg(marks(sources.size()));
        for (qint64 s : sources)
            params << s;
    }
    if (!reliabilities.isEmpty()) {
        where << u"EXISTS (SELECT 1 FROM citations c JOIN sources s ON s.id = c.source_id WHERE "
                 "c.event_id = e.fid AND s.reliability IN (%1))"_s.arg(marks(reliabilities.size()));
        for (Reliability r : reliabilities)
            params << QString(reliabilityLetter(r));
    }
    return {where.isEmpty() ? u"1"_s : where.join(u" AND "_s), params};
}

void CaseFilter::setCriteria(const FilterCriteria& criteria) {
    if (criteria == m_criteria)
        return;
    m_criteria = criteria;
    emit changed();
}

Result<std::optional<std::vector<bool>>>
CaseFilter::mask(SqliteDatabase& db, const TimeIndex& index, const FilterCriteria& criteria) {
    if (criteria.isEmpty())
        return std::optional<std::vector<bool>>();
    QHash<qint64, qsizetype> positionOf;
    positionOf.reserve(index.size());
    for (qsizetype i = 0; i < index.size(); ++i)
        positionOf.insert(index.id(i), i);
    std::vector<bool> shown(size_t(index.size()), false);
    const auto [where, params] = criteria.sql();
    auto stmt = db.prepare(u"SELECT e.fid FROM events e WHERE "_s + where);
    if (!stmt)
        return stmt.error();
    stmt.value().bindAll(params);
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        const auto it = positionOf.constFind(s.int64(0));
        if (it != positionOf.cend())
            shown[size_t(*it)] = true;
    }));
    return std::optional<std::vector<bool>>(std::move(shown));
}

FilterCriteria filterOfView(const SavedView& view) {
    FilterCriteria f;
    f.text = view.filter.value(u"text"_s).toString();
    for (const QJsonValue& t : view.filter.value(u"tags"_s).toArray())
        f.tags << t.toString();
    for (const QJsonValue& a : view.filter.value(u"actors"_s).toArray())
        f.actors << a.toInteger();
    for (const QJsonValue& p : view.filter.value(u"places"_s).toArray())
        f.places << p.toInteger();
    if (auto s = sensitivityFromKey(view.filter.value(u"sensitivity"_s).toString()))
        f.maxSensitivity = *s;
    if (auto from = FuzzyDate::parse(view.timeFrom); from && !view.timeFrom.isEmpty())
        f.from = from.value().earliest();
    if (auto to = FuzzyDate::parse(view.timeTo); to && !view.timeTo.isEmpty())
        f.to = to.value().latest();
    return f;
}

} // namespace caseatlas
