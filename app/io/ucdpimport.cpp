#include "io/datasetrows.h"

#include "io/csvreader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace caseatlas {

using namespace datasets;

Result<ImportReport> importUcdp(CaseFile& file, const QString& path, const ImportOptions& o,
                                Scope* created) {
    static const char* const kViolence[] = {"Organised violence", "State-based conflict",
                                            "Non-state conflict", "One-sided violence"};
    return importDataset(
        file, path, o, u"UCDP"_s, u"a UCDP GED file"_s,
        {"id", "date_start", "date_end", "date_prec", "side_a", "side_b", "latitude", "longitude",
         "where_prec", "country", "best"},
        [order = o.dateOrder](const Columns& c) -> RowReader {
            const int cId = c.at("id"), cStart = c.at("date_start"), cEnd = c.at("date_end"),
                      cPrec = c.at("date_prec"), cA = c.at("side_a"), cB = c.at("side_b"),
                      cLat = c.at("latitude"), cLon = c.at("longitude"),
                      cWhere = c.at("where_prec"), cPlace = c.at("where_description"),
                      cAdm1 = c.at("adm_1"), cCountry = c.at("country"), cBest = c.at("best"),
                      cLow = c.at("low"), cHigh = c.at("high"), cSource = c.at("source_article"),
                      cType = c.at("type_of_violence"), cConflict = c.at("conflict_name");
            return [=](CsvReader& csv, RawRow& r, const Problem& problem) {
                auto field = [&](int column) {
                    const QByteArrayView v = csv.field(column).trimmed();
                    if (v.isEmpty() || csv.isMapped(v))
                        return v;
                    r.owned.push_back(v.toByteArray());
                    return QByteArrayView(r.owned.back());
                };
                r.eventId = field(cId);
                if (r.eventId.isEmpty())
                    problem(cId, QCoreApplication::translate("caseatlas", "the event has no id"));
                datasetUuid("https://ucdp.uu.se/event/", r.eventId, r.uuid);
                // Dates: "2023-11-12" or "2023-11-12 00:00:00.000".
                auto dayPart = [&](int column) {
                    const QByteArrayView v = csv.field(column).trimmed();
                    return v.first(std::min<qsizetype>(10, v.size()));
                };
                int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
                if (const DateRead read = parseAcledDate(dayPart(cStart), y1, m1, d1, order);
                    read != DateRead::Ok)
                    problem(cStart, dateProblem(csv.field(cStart), read));
                if (const DateRead read = parseAcledDate(dayPart(cEnd), y2, m2, d2, order);
                    read != DateRead::Ok)
                    problem(cEnd, dateProblem(csv.field(cEnd), read));
                int precision = 0;
                if (!digits(csv.field(cPrec).trimmed(), precision) || precision < 1 ||
                    precision > 5)
                    problem(cPrec, QCoreApplication::translate(
                                       "caseatlas", "date_prec must be 1 to 5, not \"%1\"")
                                       .arg(text(csv.field(cPrec))));
                const QByteArray start = isoDay(y1, m1, d1), end = isoDay(y2, m2, d2);
                // 1 the day; 2–3 a span of days; 4 the month; 5 the year — as the dataset's span.
                r.edtf = precision == 5   ? start.left(4)
                         : precision == 4 ? start.left(7)
                         : start == end   ? start
                                          : start + '/' + end;
                if (precision >= 4 &&
                    start.left(precision == 5 ? 4 : 7) != end.left(precision == 5 ? 4 : 7))
                    r.edtf = start + '/' + end;
                readCoordinates(csv, cLat, cLon, r, problem);
                int where = 0;
                digits(csv.field(cWhere).trimmed(), where);
                // where_prec (GED codebook): 1 the place, 2 within about 25 km, 3 a district,
                // 4 a province, 5 a road, river or region between the two, 6 the country, 7
                // international waters or airspace (not a country's).
                r.precision = where == 1                 ? LocationPrecision::Exact
                              : where == 2               ? LocationPrecision::Approximate
                              : where <= 5 && where >= 3 ? LocationPrecision::AdminArea
                              : where == 6               ? LocationPrecision::Country
                                                         : LocationPrecision::Unknown;
                const QByteArrayView sideA = field(cA), sideB = field(cB);
                if (sideA.isEmpty())
                    problem(cA,
                            QCoreApplication::translate("caseatlas", "the event has no side_a"));
                r.actors.append({sideA, "side A"});
                if (!sideB.isEmpty())
                    r.actors.append({sideB, "side B"});
                int type = 0;
                digits(csv.field(cType).trimmed(), type);
                const char* violence = kViolence[type >= 1 && type <= 3 ? type : 0];
                r.tags.append(QByteArrayView(violence));
                r.location = field(cPlace);
                r.admin1 = field(cAdm1);
                r.country = field(cCountry);
                const QByteArrayView conflict = field(cConflict);
                r.titleHead = conflict.isEmpty() ? QByteArrayView(violence) : conflict;
                r.titleJoin = " \xE2\x80\x94 ";
                for (const auto& [column, label] : {std::pair{cBest, "deaths (best estimate)"},
                                                    std::pair{cLow, "deaths (low estimate)"},
                                                    std::pair{cHigh, "deaths (high estimate)"}}) {
                    if (column < 0 || csv.field(column).trimmed().isEmpty())
                        continue;
                    double v = 0;
                    if (!parseNumber(csv.field(column), v) || v < 0)
                        problem(column, QCoreApplication::translate(
                                            "caseatlas", "\"%1\" is not a number of people")
                                            .arg(text(csv.field(column))));
                    r.values.append({label, v, "people"});
                }
                splitList(field(cSource), r.sources);
            };
        },
        created);
}

} // namespace caseatlas
