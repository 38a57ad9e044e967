#include "io/eventimport.h"

#include "io/csvreader.h"
#include "store/actorrepository.h"
#include "store/bulkwrite.h"
#include "store/custodylog.h"
#include "store/eventrepository.h"
#include "store/placerepository.h"
#include "store/sourcerepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QUuid>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace caseatlas {

QString ImportProblem::text(const QString& file) const {
    return column > 0 ? u"%1:%2:%3 (%4): %5"_s.arg(QDir::toNativeSeparators(file))
                            .arg(line)
                            .arg(column)
                            .arg(columnName, message)
                      : u"%1:%2: %3"_s.arg(QDir::toNativeSeparators(file)).arg(line).arg(message);
}

namespace {

// Event ids from ACLED become stable UUIDs (version 5, in the URL namespace), so a newer export
// finds its events.
QUuid acledUuid(QByteArrayView eventId) {
    return QUuid::createUuidV5(QUuid(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s), // URL namespace
                               QByteArray("https://acleddata.com/event/") + eventId.toByteArray());
}

const char* const kMonths[] = {"january",   "february", "march",    "april",
                               "may",       "june",     "july",     "august",
                               "september", "october",  "november", "december"};

// "2023-11-12" or "12 November 2023" → year, month, day.
bool parseAcledDate(QByteArrayView text, int& y, int& m, int& d) {
    const QByteArray t = text.trimmed().toByteArray();
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
        bool a = false, b = false, c = false;
        y = t.left(4).toInt(&a);
        m = t.mid(5, 2).toInt(&b);
        d = t.mid(8, 2).toInt(&c);
        return a && b && c && QDate(y, m, d).isValid();
    }
    const QList<QByteArray> parts = t.split(' ');
    if (parts.size() != 3)
        return false;
    bool a = false, c = false;
    d = parts[0].toInt(&a);
    y = parts[2].toInt(&c);
    m = 0;
    for (int i = 0; i < 12; ++i)
        if (parts[1].toLower() == kMonths[i])
            m = i + 1;
    return a && c && m > 0 && QDate(y, m, d).isValid();
}

// One row, checked and ready to write.
struct AcledRow {
    qint64 line = 0;
    QByteArray eventId;
    QString edtf, title, description, location, admin1, country;
    double lat = 0, lon = 0;
    LocationPrecision precision = LocationPrecision::Unknown;
    QStringList tags;
    QList<std::pair<QString, QString>> actors; // name, role
    QStringList sources;
    double fatalities = -1;
};

QString text(QByteArrayView v) {
    return QString::fromUtf8(v).trimmed();
}

QStringList splitList(QByteArrayView v) {
    QStringList out;
    for (const QString& s : text(v).split(u';'))
        if (!s.trimmed().isEmpty() && !out.contains(s.trimmed()))
            out << s.trimmed();
    return out;
}

} // namespace

Result<ImportReport> importAcled(CaseFile& file, const QString& path, const ImportOptions& o) {
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         u"This case is open read-only; nothing was imported."_s);
    auto opened = CsvReader::open(path);
    if (!opened)
        return opened.error();
    CsvReader& csv = *opened.value();
    const QString name = QDir::toNativeSeparators(path);
    if (!csv.next())
        return makeError(ErrorCode::InvalidInput, u"%1 is empty."_s.arg(name));
    // Columns by name: both layouts carry the same names for what is used here.
    QHash<QByteArray, int> col;
    QStringList header;
    for (int i = 0; i < csv.columnCount(); ++i) {
        col.insert(csv.field(i).trimmed().toByteArray().toLower(), i);
        header << text(csv.field(i));
    }
    for (const char* required : {"event_id_cnty", "event_date", "event_type", "actor1", "latitude",
                                 "longitude", "location", "country"})
        if (!col.contains(required))
            return makeError(
                ErrorCode::InvalidInput,
                u"%1 is not an ACLED export: the column \"%2\" is missing (line 1)."_s.arg(
                    name, QString::fromLatin1(required)));
    auto at = [&](const char* column) { return col.value(column, -1); };
    const int cId = at("event_id_cnty"), cDate = at("event_date"),
              cPrecision = at("time_precision"), cType = at("event_type"),
              cSub = at("sub_event_type"), cA1 = at("actor1"), cAs1 = at("assoc_actor_1"),
              cA2 = at("actor2"), cAs2 = at("assoc_actor_2"), cCountry = at("country"),
              cAdmin1 = at("admin1"), cLocation = at("location"), cLat = at("latitude"),
              cLon = at("longitude"), cGeo = at("geo_precision"), cSource = at("source"),
              cNotes = at("notes"), cFatal = at("fatalities"), cTags = at("tags");
    const int columns = int(header.size());

    // Pass 1: read and check every row. Nothing is written unless all is well (or the bad
    // rows are to be skipped).
    ImportReport report;
    std::vector<AcledRow> rows;
    rows.reserve(size_t(csv.size() / 300));
    while (csv.next()) {
        auto problem = [&](int column, const QString& message) {
            report.problems.append(
                {csv.line(), column + 1, column >= 0 ? header.value(column) : QString(), message});
        };
        const qsizetype before = report.problems.size();
        if (csv.columnCount() != columns) {
            problem(
                -1,
                u"the row has %1 columns; the header has %2"_s.arg(csv.columnCount()).arg(columns));
        } else {
            for (int c = 0; c < columns; ++c)
                if (!csv.field(c).isValidUtf8()) {
                    problem(c, u"the text is not valid UTF-8"_s);
                    break;
                }
        }
        AcledRow r;
        if (report.problems.size() == before) {
            r.line = csv.line();
            r.eventId = csv.field(cId).trimmed().toByteArray();
            if (r.eventId.isEmpty())
                problem(cId, u"the event has no event_id_cnty"_s);
            int y = 0, m = 0, d = 0;
            if (!parseAcledDate(csv.field(cDate), y, m, d))
                problem(cDate, u"\"%1\" is not a date (2023-11-12 or 12 November 2023)"_s.arg(
                                   text(csv.field(cDate))));
            const QByteArrayView precision = csv.field(cPrecision).trimmed();
            const QString day = u"%1-%2-%3"_s.arg(y, 4, 10, QChar(u'0'))
                                    .arg(m, 2, 10, QChar(u'0'))
                                    .arg(d, 2, 10, QChar(u'0'));
            // time_precision: 1 the day, 2 within a week of it, 3 only the month.
            r.edtf = precision == "3" ? day.left(7) : precision == "2" ? day + u'~' : day;
            bool okLat = false, okLon = false;
            r.lat = text(csv.field(cLat)).toDouble(&okLat);
            r.lon = text(csv.field(cLon)).toDouble(&okLon);
            if (!okLat || r.lat < -90 || r.lat > 90)
                problem(cLat, u"\"%1\" is not a latitude (-90 to 90)"_s.arg(text(csv.field(cLat))));
            if (!okLon || r.lon < -180 || r.lon > 180)
                problem(cLon,
                        u"\"%1\" is not a longitude (-180 to 180)"_s.arg(text(csv.field(cLon))));
            const QString type = text(csv.field(cType));
            if (type.isEmpty())
                problem(cType, u"the event has no event_type"_s);
            const QString sub = text(csv.field(cSub));
            r.location = text(csv.field(cLocation));
            r.admin1 = text(csv.field(cAdmin1));
            r.country = text(csv.field(cCountry));
            r.title = (sub.isEmpty() ? type : sub) +
                      (r.location.isEmpty() ? QString() : u" in "_s + r.location);
            r.description = text(csv.field(cNotes));
            const QByteArrayView geo = csv.field(cGeo).trimmed();
            r.precision = geo == "1"   ? LocationPrecision::Exact
                          : geo == "2" ? LocationPrecision::Approximate
                          : geo == "3" ? LocationPrecision::AdminArea
                                       : LocationPrecision::Unknown;
            r.tags = QStringList{type};
            for (const QString& t : splitList(csv.field(cTags)))
                if (!r.tags.contains(t))
                    r.tags << t;
            for (const auto& [c, role] :
                 {std::pair{cA1, u"actor 1"_s}, std::pair{cAs1, u"associated with actor 1"_s},
                  std::pair{cA2, u"actor 2"_s}, std::pair{cAs2, u"associated with actor 2"_s}})
                for (const QString& a : splitList(csv.field(c)))
                    r.actors.append({a, role});
            r.sources = splitList(csv.field(cSource));
            if (cFatal >= 0 && !csv.field(cFatal).trimmed().isEmpty()) {
                bool ok = false;
                r.fatalities = text(csv.field(cFatal)).toDouble(&ok);
                if (!ok || r.fatalities < 0)
                    problem(cFatal,
                            u"\"%1\" is not a number of people"_s.arg(text(csv.field(cFatal))));
            }
        }
        if (report.problems.size() > before) {
            ++report.skipped;
            if (!o.skipBadRows && report.problems.size() >= 20)
                break; // enough to show what is wrong
            continue;
        }
        rows.push_back(std::move(r));
        if (o.progress && rows.size() % 20000 == 0 && !o.progress(csv.position(), csv.size()))
            return makeError(ErrorCode::InvalidInput,
                             u"The import was cancelled; nothing was imported."_s);
    }
    if (!report.problems.isEmpty() && !o.skipBadRows) {
        QStringList first;
        for (const ImportProblem& p : report.problems.mid(0, 5))
            first << p.text(path);
        return makeError(ErrorCode::InvalidInput,
                         u"%1 has rows that cannot be imported; nothing was imported. Fix them, "
                         "or import with the bad rows skipped."_s.arg(name),
                         first.join(u'\n'));
    }

    // Pass 2: write it all in one transaction.
    SqliteDatabase& db = file.db();
    SqliteTransaction tx(db);
    CA_TRY(tx.status());
    QHash<QString, qint64> actorIds, sourceIds, placeIds, eventIds;
    {
        auto stmt = db.prepare(u"SELECT name, id FROM actors"_s);
        CA_TRY(stmt.value().forEachRow(
            [&](SqliteStatement& s) { actorIds.insert(s.text(0), s.int64(1)); }));
        auto src = db.prepare(u"SELECT title, id FROM sources"_s);
        CA_TRY(src.value().forEachRow(
            [&](SqliteStatement& s) { sourceIds.insert(s.text(0), s.int64(1)); }));
        auto pl = db.prepare(u"SELECT name || '|' || coalesce(description, ''), fid FROM places"_s);
        CA_TRY(pl.value().forEachRow(
            [&](SqliteStatement& s) { placeIds.insert(s.text(0), s.int64(1)); }));
        auto ev = db.prepare(u"SELECT uuid, fid FROM events"_s);
        CA_TRY(ev.value().forEachRow(
            [&](SqliteStatement& s) { eventIds.insert(s.text(0), s.int64(1)); }));
    }
    // Into an empty case, the secondary indexes are built once at the end; a re-import reads
    // existing events as it goes and keeps them.
    std::optional<BulkWrite> bulk;
    if (eventIds.isEmpty()) {
        bulk.emplace(db, QStringList{u"events"_s, u"event_tags"_s, u"event_actors"_s,
                                     u"event_values"_s, u"citations"_s});
        CA_TRY(bulk->status());
    }
    ActorRepository actors(db);
    SourceRepository sources(db);
    PlaceRepository places(db);
    EventRepository events(db);
    auto cite = db.prepare(u"INSERT INTO citations (event_id, source_id, locator, credibility) "
                           "VALUES (?, ?, ?, 6)"_s);
    if (!cite)
        return cite.error();
    qint64 written = 0;
    for (const AcledRow& r : rows) {
        Event e;
        e.uuid = acledUuid(r.eventId).toString(QUuid::WithoutBraces);
        e.title = r.title;
        e.description = r.description;
        auto start = FuzzyDate::parse(r.edtf);
        if (!start)
            return start.error();
        e.start = start.value();
        e.point = GeoPoint{r.lon, r.lat};
        e.locationPrecision = r.precision;
        e.tags = r.tags;
        // The place: the named location, one per name and country.
        const QString region = r.admin1.isEmpty() ? r.country : r.admin1 + u", "_s + r.country;
        const QString placeKey = r.location + u'|' + region;
        if (!r.location.isEmpty()) {
            auto it = placeIds.constFind(placeKey);
            if (it == placeIds.cend()) {
                Place p;
                p.name = r.location;
                p.kind = u"location"_s;
                // ACLED names the country and its first-level division.
                p.description = region;
                p.point = GeoPoint{r.lon, r.lat};
                auto id = places.insert(p);
                if (!id)
                    return id.error();
                it = placeIds.insert(placeKey, id.value());
            }
            e.placeId = *it;
        }
        for (const auto& [actorName, role] : r.actors) {
            auto it = actorIds.constFind(actorName);
            if (it == actorIds.cend()) {
                Actor a;
                a.name = actorName;
                a.kind = actorName.contains(u"Military Forces"_s) ||
                                 actorName.contains(u"Police Forces"_s)
                             ? ActorKind::StateBody
                             : ActorKind::Group;
                auto id = actors.insert(a);
                if (!id)
                    return id.error();
                it = actorIds.insert(actorName, id.value());
            }
            e.actors.append({*it, role});
        }
        if (r.fatalities >= 0)
            e.values = {{u"fatalities"_s, r.fatalities, u"people"_s}};
        qint64 eventId = 0;
        const auto existing = eventIds.constFind(e.uuid);
        if (existing == eventIds.cend()) {
            auto id = events.insertUnchecked(e);
            if (!id)
                return id.error();
            eventId = id.value();
            ++report.added;
        } else {
            eventId = *existing;
            auto old = events.load(eventId);
            if (!old)
                return old.error();
            const Event& was = old.value();
            const bool same = was.title == e.title && was.description == e.description &&
                              was.start.toEdtf() == e.start.toEdtf() && was.point == e.point &&
                              was.placeId == e.placeId && was.tags == e.tags &&
                              was.actors == e.actors && was.values == e.values &&
                              was.locationPrecision == e.locationPrecision;
            if (same) {
                ++report.unchanged;
                continue;
            }
            e.id = eventId;
            e.status = was.status;
            e.sensitivity = was.sensitivity;
            CA_TRY(events.update(e));
            CA_TRY(
                db.execute(u"DELETE FROM citations WHERE event_id = ? AND locator LIKE 'ACLED %'"_s,
                           {eventId}));
            ++report.changed;
        }
        for (const QString& sourceName : r.sources) {
            auto it = sourceIds.constFind(sourceName);
            if (it == sourceIds.cend()) {
                Source s;
                s.title = sourceName;
                s.publisher = sourceName;
                s.kind = SourceKind::Report;
                auto id = sources.insert(s);
                if (!id)
                    return id.error();
                it = sourceIds.insert(sourceName, id.value());
            }
            cite.value().reset();
            cite.value().bindAll({eventId, *it, u"ACLED "_s + QString::fromUtf8(r.eventId)});
            CA_TRY(cite.value().run());
        }
        if (o.progress && ++written % 20000 == 0 &&
            !o.progress(qint64(rows.size()) + written, 2 * qint64(rows.size())))
            return makeError(ErrorCode::InvalidInput,
                             u"The import was cancelled; nothing was imported."_s);
    }
    if (bulk)
        CA_TRY(bulk->finish());
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(csv.bytes(), QCryptographicHash::Sha256).toHex());
    CA_TRY(
        CustodyLog(db).append(o.who, u"import"_s, sha, 0,
                              u"ACLED %1: %2 added, %3 changed, %4 unchanged, %5 bad rows skipped"_s
                                  .arg(QFileInfo(path).fileName())
                                  .arg(report.added)
                                  .arg(report.changed)
                                  .arg(report.unchanged)
                                  .arg(report.skipped)));
    CA_TRY(tx.commit());
    return report;
}

} // namespace caseatlas
