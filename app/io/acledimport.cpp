#include "io/datasetrows.h"

#include "io/csvreader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace caseatlas {

using namespace datasets;

Result<ImportReport> importAcled(CaseFile& file, const QString& path, const ImportOptions& o,
                                 Scope* created) {
    // Columns by name: both layouts carry the same names for what is used here.
    return importDataset(
        file, path, o, u"ACLED"_s, u"an ACLED export"_s,
        {"event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude", "location",
         "country"},
        [order = o.dateOrder](const Columns& c) -> RowReader {
            const int cId = c.at("event_id_cnty"), cDate = c.at("event_date"),
                      cPrecision = c.at("time_precision"), cType = c.at("event_type"),
                      cSub = c.at("sub_event_type"), cA1 = c.at("actor1"),
                      cAs1 = c.at("assoc_actor_1"), cA2 = c.at("actor2"),
                      cAs2 = c.at("assoc_actor_2"), cCountry = c.at("country"),
                      cAdmin1 = c.at("admin1"), cLocation = c.at("location"),
                      cLat = c.at("latitude"), cLon = c.at("longitude"),
                      cGeo = c.at("geo_precision"), cSource = c.at("source"),
                      cNotes = c.at("notes"), cFatal = c.at("fatalities"), cTags = c.at("tags");
            return [=](CsvReader& csv, RawRow& r, const Problem& problem) {
                auto field = [&](int column) {
                    const QByteArrayView v = csv.field(column).trimmed();
                    if (v.isEmpty() || csv.isMapped(v))
                        return v;
                    r.owned.push_back(v.toByteArray()); // unescaped: a copy of its own
                    return QByteArrayView(r.owned.back());
                };
                r.eventId = field(cId);
                datasetUuid("https://acleddata.com/event/", r.eventId, r.uuid);
                if (r.eventId.isEmpty())
                    problem(cId, QCoreApplication::translate("caseatlas",
                                                             "the event has no event_id_cnty"));
                int y = 0, m = 0, d = 0;
                if (const DateRead read = parseAcledDate(csv.field(cDate), y, m, d, order);
                    read != DateRead::Ok)
                    problem(cDate, dateProblem(csv.field(cDate), read));
                const QByteArrayView precision = csv.field(cPrecision).trimmed();
                // time_precision: 1 the day, 2 within a week of it, 3 only the month.
                r.edtf.append(isoDay(y, m, d));
                if (precision == "3")
                    r.edtf.truncate(7);
                else if (precision == "2")
                    r.edtf.append('~');
                readCoordinates(csv, cLat, cLon, r, problem);
                const QByteArrayView type = field(cType);
                if (type.isEmpty())
                    problem(cType, QCoreApplication::translate("caseatlas",
                                                               "the event has no event_type"));
                const QByteArrayView sub = field(cSub);
                r.location = field(cLocation);
                r.admin1 = field(cAdmin1);
                r.country = field(cCountry);
                r.titleHead = sub.isEmpty() ? type : sub;
                r.titleJoin = " in ";
                r.description = field(cNotes);
                const QByteArrayView geo = csv.field(cGeo).trimmed();
                r.precision = geo == "1"   ? LocationPrecision::Exact
                              : geo == "2" ? LocationPrecision::Approximate
                              : geo == "3" ? LocationPrecision::AdminArea
                                           : LocationPrecision::Unknown;
                r.tags.append(type);
                splitList(field(cTags), r.tags);
                thread_local QList<QByteArrayView> names; // kept from row to row
                for (const auto& [column, role] :
                     {std::pair{cA1, "actor 1"}, std::pair{cAs1, "associated with actor 1"},
                      std::pair{cA2, "actor 2"}, std::pair{cAs2, "associated with actor 2"}}) {
                    names.clear();
                    splitList(field(column), names);
                    for (QByteArrayView a : names)
                        r.actors.append({a, role});
                }
                splitList(field(cSource), r.sources);
                if (cFatal >= 0 && !csv.field(cFatal).trimmed().isEmpty()) {
                    double fatalities = 0;
                    const bool ok = parseNumber(csv.field(cFatal), fatalities);
                    r.values.append({"fatalities", fatalities, "people"});
                    if (!ok || fatalities < 0)
                        problem(cFatal, QCoreApplication::translate(
                                            "caseatlas", "\"%1\" is not a number of people")
                                            .arg(text(csv.field(cFatal))));
                }
            };
        },
        created);
}

} // namespace caseatlas
