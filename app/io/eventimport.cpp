#include "io/eventimport.h"

#include "io/csvreader.h"
#include "store/actorrepository.h"
#include "store/bulkwrite.h"
#include "store/custodylog.h"
#include "store/eventrepository.h"
#include "store/gpkggeometry.h"
#include "store/placerepository.h"
#include "store/sourcerepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QUuid>

#include <cmath>

#include <optional>
#include <sqlite3.h>
#include <thread>

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

// One row of an event dataset, checked and ready to write.
struct EventRow {
    qint64 line = 0;
    QByteArray eventId;
    QString uuid;
    QString edtf, title, description, location, admin1, country;
    double lat = 0, lon = 0;
    LocationPrecision precision = LocationPrecision::Unknown;
    QStringList tags;
    QList<std::pair<QString, QString>> actors; // name, role
    QStringList sources;
    QString endEdtf; // for datasets that give an end date
    QList<EventValue> values;
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

// Writes new events and their rows straight through SQLite's C interface: a million rows do not
// afford a QVariant per value. Statements are prepared once; text is bound as UTF-8.
class FastEventWriter {
public:
    explicit FastEventWriter(SqliteDatabase& db)
        : m_db(db) {}
    ~FastEventWriter() {
        for (sqlite3_stmt* s : {m_event, m_tag, m_actor, m_value, m_citation, m_newTag})
            sqlite3_finalize(s);
    }
    Status prepare() {
        auto make = [&](const char* sql, sqlite3_stmt** out) -> Status {
            if (sqlite3_prepare_v2(m_db.handle(), sql, -1, out, nullptr) != SQLITE_OK)
                return m_db.lastError();
            return {};
        };
        CA_TRY(make("INSERT INTO events (geom, uuid, title, description, start_edtf, earliest, "
                    "latest, earliest_s, latest_s, own_point, place_id, location_precision, "
                    "status, sensitivity, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, "
                    "?10, ?11, 'draft', 'public', ?12)",
                    &m_event));
        CA_TRY(
            make("INSERT INTO event_tags (event_id, tag_id, position) VALUES (?, ?, ?)", &m_tag));
        CA_TRY(make("INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (?, ?, "
                    "?, ?)",
                    &m_actor));
        CA_TRY(make("INSERT INTO event_values (event_id, name, value, unit, position) VALUES (?, "
                    "?, ?, ?, 0)",
                    &m_value));
        CA_TRY(make("INSERT INTO citations (event_id, source_id, locator, credibility) VALUES (?, "
                    "?, ?, 6)",
                    &m_citation));
        CA_TRY(make("INSERT INTO tags (name) VALUES (?)", &m_newTag));
        auto tags = m_db.prepare(u"SELECT name, id FROM tags"_s);
        if (!tags)
            return tags.error();
        return tags.value().forEachRow(
            [&](SqliteStatement& st) { m_tags.insert(st.text(0), st.int64(1)); });
    }
    Result<qint64> tagId(const QString& name) {
        if (auto it = m_tags.constFind(name); it != m_tags.cend())
            return *it;
        const QByteArray utf8 = name.toUtf8();
        sqlite3_bind_text(m_newTag, 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
        CA_TRY(run(m_newTag));
        const qint64 id = sqlite3_last_insert_rowid(m_db.handle());
        m_tags.insert(name, id);
        return id;
    }
    // `when`: the date's EDTF and its bounds as ISO text, worked out once per distinct date.
    struct When {
        FuzzyDate date;
        QByteArray edtf, earliest, latest;
    };
    Result<qint64> insert(const Event& e, const When& when, const QByteArray& uuid,
                          const QList<qint64>& tagIds, const QByteArray& locator,
                          const QList<qint64>& sources) {
        const QByteArray geom = e.point ? gpkgPoint(*e.point) : QByteArray();
        const QByteArray title = e.title.toUtf8(), description = e.description.toUtf8();
        const QByteArray &edtf = when.edtf, &earliest = when.earliest, &latest = when.latest;
        const QByteArray precision = locationPrecisionKey(e.locationPrecision).toLatin1();
        const QByteArray tags = e.tags.join(u"; "_s).toUtf8();
        sqlite3_stmt* s = m_event;
        if (geom.isEmpty())
            sqlite3_bind_null(s, 1);
        else
            sqlite3_bind_blob(s, 1, geom.constData(), int(geom.size()), SQLITE_STATIC);
        bindText(s, 2, uuid);
        bindText(s, 3, title);
        bindText(s, 4, description);
        bindText(s, 5, edtf);
        bindText(s, 6, earliest);
        bindText(s, 7, latest);
        sqlite3_bind_int64(s, 8, e.earliest());
        sqlite3_bind_int64(s, 9, e.latest());
        if (e.placeId)
            sqlite3_bind_int64(s, 10, e.placeId);
        else
            sqlite3_bind_null(s, 10);
        bindText(s, 11, precision);
        bindText(s, 12, tags);
        CA_TRY(run(s));
        const qint64 id = sqlite3_last_insert_rowid(m_db.handle());
        for (qsizetype i = 0; i < tagIds.size(); ++i) {
            sqlite3_bind_int64(m_tag, 1, id);
            sqlite3_bind_int64(m_tag, 2, tagIds[i]);
            sqlite3_bind_int64(m_tag, 3, i);
            CA_TRY(run(m_tag));
        }
        for (qsizetype i = 0; i < e.actors.size(); ++i) {
            const QByteArray role = e.actors[i].role.toUtf8();
            sqlite3_bind_int64(m_actor, 1, id);
            sqlite3_bind_int64(m_actor, 2, e.actors[i].actorId);
            bindText(m_actor, 3, role);
            sqlite3_bind_int64(m_actor, 4, i);
            CA_TRY(run(m_actor));
        }
        for (const EventValue& v : e.values) {
            const QByteArray name = v.name.toUtf8(), unit = v.unit.toUtf8();
            sqlite3_bind_int64(m_value, 1, id);
            bindText(m_value, 2, name);
            sqlite3_bind_double(m_value, 3, v.value);
            bindText(m_value, 4, unit);
            CA_TRY(run(m_value));
        }
        for (qsizetype i = 0; i < sources.size(); ++i) {
            sqlite3_bind_int64(m_citation, 1, id);
            sqlite3_bind_int64(m_citation, 2, sources[i]);
            bindText(m_citation, 3, locator);
            CA_TRY(run(m_citation));
        }
        return id;
    }

private:
    static void bindText(sqlite3_stmt* s, int i, const QByteArray& text) {
        if (text.isEmpty())
            sqlite3_bind_null(s, i);
        else
            sqlite3_bind_text(s, i, text.constData(), int(text.size()), SQLITE_STATIC);
    }
    Status run(sqlite3_stmt* s) {
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        if (rc != SQLITE_DONE)
            return m_db.lastError();
        return {};
    }
    SqliteDatabase& m_db;
    sqlite3_stmt *m_event = nullptr, *m_tag = nullptr, *m_actor = nullptr, *m_value = nullptr,
                 *m_citation = nullptr, *m_newTag = nullptr;
    QHash<QString, qint64> m_tags;
};

// The search index's "record changed" triggers fire once per row; for a bulk insert they are
// set aside inside the transaction (so a failure puts them back) and the new records are
// listed in one statement.
class SearchTriggersAside {
public:
    explicit SearchTriggersAside(SqliteDatabase& db)
        : m_db(db) {}
    Status setAside() {
        auto stmt = m_db.prepare(u"SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
                                 "AND name IN ('search_events_insert', "
                                 "'search_citations_insert')"_s);
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            m_saved.append({s.text(0), s.text(1)});
        }));
        for (const auto& [name, sql] : m_saved)
            CA_TRY(m_db.exec(u"DROP TRIGGER \"%1\""_s.arg(name)));
        auto max = m_db.count(u"SELECT coalesce(max(fid), 0) FROM events"_s);
        if (!max)
            return max.error();
        m_firstNew = max.value();
        return {};
    }
    // Lists the new events (citations without a quote have nothing to index) and puts the
    // triggers back exactly as they were.
    Status restore() {
        if (!m_saved.isEmpty())
            CA_TRY(m_db.execute(u"INSERT INTO search_dirty SELECT 1, fid FROM events WHERE fid > ? "
                                "AND NOT EXISTS (SELECT 1 FROM search_dirty WHERE kind = 1 AND "
                                "id = fid)"_s,
                                {m_firstNew}));
        for (const auto& [name, sql] : m_saved)
            CA_TRY(m_db.exec(sql));
        m_saved.clear();
        return {};
    }

private:
    SqliteDatabase& m_db;
    QList<std::pair<QString, QString>> m_saved;
    qint64 m_firstNew = 0;
};

// A dataset's header: the columns' names and their positions by lower-case name.
struct Columns {
    QHash<QByteArray, int> index;
    QStringList names;
    int at(const char* name) const { return index.value(name, -1); }
};
// Says what is wrong with the current row, in one column (-1: the whole row).
using Problem = std::function<void(int column, const QString& message)>;
// Reads the current row (its width and UTF-8 already checked) into an event row.
using RowReader = std::function<void(CsvReader&, EventRow&, const Problem&)>;

// A stable id for a dataset's event: a version 5 UUID in the URL namespace of `base` + id.
QString datasetUuid(const char* base, const QByteArray& eventId) {
    return QUuid::createUuidV5(QUuid(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s),
                               QByteArray(base) + eventId)
        .toString(QUuid::WithoutBraces);
}

// Latitude and longitude, checked for their ranges.
void readCoordinates(CsvReader& csv, int cLat, int cLon, EventRow& r, const Problem& problem) {
    bool okLat = false, okLon = false;
    r.lat = text(csv.field(cLat)).toDouble(&okLat);
    r.lon = text(csv.field(cLon)).toDouble(&okLon);
    if (!okLat || r.lat < -90 || r.lat > 90)
        problem(cLat, u"\"%1\" is not a latitude (-90 to 90)"_s.arg(text(csv.field(cLat))));
    if (!okLon || r.lon < -180 || r.lon > 180)
        problem(cLon, u"\"%1\" is not a longitude (-180 to 180)"_s.arg(text(csv.field(cLon))));
}

} // namespace

// The pipeline shared by the event datasets: the file's hash on the other core, the header and
// its required columns, then every row read to check it, then the good ones written in one
// transaction (the rows are read twice so that a million of them are never held in memory
// together). `label` names the dataset in locators and the custody log; `makeReader` turns
// the header into the dataset's row reader.
static Result<ImportReport>
importDataset(CaseFile& file, const QString& path, const ImportOptions& o, const QString& label,
              const QString& what, std::initializer_list<const char*> required,
              const std::function<RowReader(const Columns&)>& makeReader) {
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         u"This case is open read-only; nothing was imported."_s);
    auto opened = CsvReader::open(path);
    if (!opened)
        return opened.error();
    CsvReader& csv = *opened.value();
    const QString name = QDir::toNativeSeparators(path);
    // The file's SHA-256 for the custody log, on the other core while the rows are read.
    QByteArray fileHash;
    std::jthread hasher([&] {
        fileHash = QCryptographicHash::hash(csv.bytes(), QCryptographicHash::Sha256).toHex();
    });
    if (!csv.next())
        return makeError(ErrorCode::InvalidInput, u"%1 is empty."_s.arg(name));
    Columns columns;
    for (int i = 0; i < csv.columnCount(); ++i) {
        columns.index.insert(csv.field(i).trimmed().toByteArray().toLower(), i);
        columns.names << text(csv.field(i));
    }
    for (const char* column : required)
        if (columns.at(column) < 0)
            return makeError(ErrorCode::InvalidInput,
                             u"%1 is not %2: the column \"%3\" is missing (line 1)."_s.arg(
                                 name, what, QString::fromLatin1(column)));
    const RowReader readFields = makeReader(columns);
    const int width = int(columns.names.size());
    // One reporter for every row (a std::function per row would cost an allocation each).
    CsvReader* reading = nullptr;
    QList<ImportProblem>* sink = nullptr;
    const Problem problem = [&](int column, const QString& message) {
        sink->append({reading->line(), column + 1,
                      column >= 0 ? columns.names.value(column) : QString(), message});
    };
    auto readRow = [&](CsvReader& csv, EventRow& r, QList<ImportProblem>& problems) {
        reading = &csv;
        sink = &problems;
        const qsizetype before = problems.size();
        if (csv.columnCount() != width) {
            problem(
                -1,
                u"the row has %1 columns; the header has %2"_s.arg(csv.columnCount()).arg(width));
            return false;
        }
        for (int c = 0; c < width; ++c)
            if (!csv.field(c).isValidUtf8()) {
                problem(c, u"the text is not valid UTF-8"_s);
                return false;
            }
        r.line = csv.line();
        readFields(csv, r, problem);
        return problems.size() == before;
    };
    ImportReport report;
    // Pass 1: read and check every row. Nothing is written unless all is well (or the bad
    // rows are to be skipped).
    qint64 good = 0;
    while (csv.next()) {
        EventRow r;
        if (!readRow(csv, r, report.problems)) {
            ++report.skipped;
            if (!o.skipBadRows && report.problems.size() >= 20)
                break; // enough to show what is wrong
            continue;
        }
        ++good;
        if (o.progress && good % 20000 == 0 && !o.progress(csv.position(), 2 * csv.size()))
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
    FastEventWriter fast(db);
    CA_TRY(fast.prepare());
    SearchTriggersAside aside(db);
    if (bulk)
        CA_TRY(aside.setAside());
    qint64 written = 0;
    QHash<QString, FastEventWriter::When> dates; // a few thousand distinct days at most
    CsvReader& rows = csv;                       // the same mapping, read again from the top
    rows.rewind();
    rows.next(); // the header
    QList<ImportProblem> seenAgain;
    while (rows.next()) {
        EventRow r;
        if (!readRow(rows, r, seenAgain))
            continue; // a bad row, skipped (and reported) in the first pass
        Event e;
        e.uuid = r.uuid;
        e.title = r.title;
        e.description = r.description;
        auto when = dates.constFind(r.edtf);
        if (when == dates.cend()) {
            auto start = FuzzyDate::parse(r.edtf);
            if (!start)
                return start.error();
            when = dates.insert(r.edtf, {start.value(), r.edtf.toUtf8(),
                                         FuzzyDate::isoUtc(start.value().earliest()).toLatin1(),
                                         FuzzyDate::isoUtc(start.value().latest()).toLatin1()});
        }
        e.start = when->date;
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
        e.values = r.values;
        if (!r.endEdtf.isEmpty()) {
            auto end = FuzzyDate::parse(r.endEdtf);
            if (!end)
                return end.error();
            e.end = end.value();
        }
        qint64 eventId = 0;
        // Sources first: a new event and its citations are written in one go.
        QList<qint64> sourceList;
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
            sourceList << *it;
        }
        const QByteArray locator = label.toUtf8() + ' ' + r.eventId;
        const auto existing = eventIds.constFind(e.uuid);
        if (existing == eventIds.cend()) {
            QList<qint64> tagIds;
            for (const QString& t : e.tags) {
                auto id = fast.tagId(t);
                if (!id)
                    return id.error();
                tagIds << id.value();
            }
            auto id = fast.insert(e, *when, e.uuid.toLatin1(), tagIds, locator, sourceList);
            if (!id)
                return id.error();
            eventIds.insert(e.uuid, id.value());
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
            CA_TRY(db.execute(u"DELETE FROM citations WHERE event_id = ? AND locator LIKE ?"_s,
                              {eventId, label + u" %"_s}));
            ++report.changed;
            for (qint64 source : sourceList) {
                cite.value().reset();
                cite.value().bindAll({eventId, source, QString::fromUtf8(locator)});
                CA_TRY(cite.value().run());
            }
        }
        if (o.progress && ++written % 20000 == 0 &&
            !o.progress(rows.size() + rows.position(), 2 * rows.size()))
            return makeError(ErrorCode::InvalidInput,
                             u"The import was cancelled; nothing was imported."_s);
    }
    CA_TRY(aside.restore());
    if (bulk)
        CA_TRY(bulk->finish());
    hasher.join();
    const QString sha = QString::fromLatin1(fileHash);
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

Result<ImportReport> importAcled(CaseFile& file, const QString& path, const ImportOptions& o) {
    // Columns by name: both layouts carry the same names for what is used here.
    return importDataset(
        file, path, o, u"ACLED"_s, u"an ACLED export"_s,
        {"event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude", "location",
         "country"},
        [](const Columns& c) -> RowReader {
            const int cId = c.at("event_id_cnty"), cDate = c.at("event_date"),
                      cPrecision = c.at("time_precision"), cType = c.at("event_type"),
                      cSub = c.at("sub_event_type"), cA1 = c.at("actor1"),
                      cAs1 = c.at("assoc_actor_1"), cA2 = c.at("actor2"),
                      cAs2 = c.at("assoc_actor_2"), cCountry = c.at("country"),
                      cAdmin1 = c.at("admin1"), cLocation = c.at("location"),
                      cLat = c.at("latitude"), cLon = c.at("longitude"),
                      cGeo = c.at("geo_precision"), cSource = c.at("source"),
                      cNotes = c.at("notes"), cFatal = c.at("fatalities"), cTags = c.at("tags");
            return [=](CsvReader& csv, EventRow& r, const Problem& problem) {
                r.eventId = csv.field(cId).trimmed().toByteArray();
                r.uuid = datasetUuid("https://acleddata.com/event/", r.eventId);
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
                readCoordinates(csv, cLat, cLon, r, problem);
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
                    const double fatalities = text(csv.field(cFatal)).toDouble(&ok);
                    r.values = {{u"fatalities"_s, fatalities, u"people"_s}};
                    if (!ok || fatalities < 0)
                        problem(cFatal,
                                u"\"%1\" is not a number of people"_s.arg(text(csv.field(cFatal))));
                }
            };
        });
}

Result<ImportReport> importUcdp(CaseFile& file, const QString& path, const ImportOptions& o) {
    static const QStringList kViolence = {QString(), u"State-based conflict"_s,
                                          u"Non-state conflict"_s, u"One-sided violence"_s};
    return importDataset(
        file, path, o, u"UCDP"_s, u"a UCDP GED file"_s,
        {"id", "date_start", "date_end", "date_prec", "side_a", "side_b", "latitude", "longitude",
         "where_prec", "country", "best"},
        [](const Columns& c) -> RowReader {
            const int cId = c.at("id"), cStart = c.at("date_start"), cEnd = c.at("date_end"),
                      cPrec = c.at("date_prec"), cA = c.at("side_a"), cB = c.at("side_b"),
                      cLat = c.at("latitude"), cLon = c.at("longitude"),
                      cWhere = c.at("where_prec"), cPlace = c.at("where_description"),
                      cAdm1 = c.at("adm_1"), cCountry = c.at("country"), cBest = c.at("best"),
                      cLow = c.at("low"), cHigh = c.at("high"), cSource = c.at("source_article"),
                      cType = c.at("type_of_violence"), cConflict = c.at("conflict_name");
            return [=](CsvReader& csv, EventRow& r, const Problem& problem) {
                r.eventId = csv.field(cId).trimmed().toByteArray();
                if (r.eventId.isEmpty())
                    problem(cId, u"the event has no id"_s);
                r.uuid = datasetUuid("https://ucdp.uu.se/event/", r.eventId);
                // Dates: "2023-11-12" or "2023-11-12 00:00:00.000".
                int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
                if (!parseAcledDate(csv.field(cStart).trimmed().first(std::min<qsizetype>(
                                        10, csv.field(cStart).trimmed().size())),
                                    y1, m1, d1))
                    problem(cStart,
                            u"\"%1\" is not a date (2023-11-12)"_s.arg(text(csv.field(cStart))));
                if (!parseAcledDate(csv.field(cEnd).trimmed().first(
                                        std::min<qsizetype>(10, csv.field(cEnd).trimmed().size())),
                                    y2, m2, d2))
                    problem(cEnd,
                            u"\"%1\" is not a date (2023-11-12)"_s.arg(text(csv.field(cEnd))));
                auto day = [](int y, int m, int d) {
                    return u"%1-%2-%3"_s.arg(y, 4, 10, QChar(u'0'))
                        .arg(m, 2, 10, QChar(u'0'))
                        .arg(d, 2, 10, QChar(u'0'));
                };
                const int precision = text(csv.field(cPrec)).toInt();
                if (precision < 1 || precision > 5)
                    problem(cPrec,
                            u"date_prec must be 1 to 5, not \"%1\""_s.arg(text(csv.field(cPrec))));
                const QString start = day(y1, m1, d1), end = day(y2, m2, d2);
                // 1 the day; 2–3 a span of days; 4 the month; 5 the year — as the dataset's span.
                r.edtf = precision == 5   ? start.left(4)
                         : precision == 4 ? start.left(7)
                         : start == end   ? start
                                          : start + u'/' + end;
                if (precision >= 4 &&
                    start.left(precision == 5 ? 4 : 7) != end.left(precision == 5 ? 4 : 7))
                    r.edtf = start + u'/' + end;
                readCoordinates(csv, cLat, cLon, r, problem);
                const int where = text(csv.field(cWhere)).toInt();
                r.precision = where == 1                 ? LocationPrecision::Exact
                              : where == 2               ? LocationPrecision::Approximate
                              : where <= 5 && where >= 3 ? LocationPrecision::AdminArea
                              : where >= 6               ? LocationPrecision::Country
                                                         : LocationPrecision::Unknown;
                const QString sideA = text(csv.field(cA)), sideB = text(csv.field(cB));
                if (sideA.isEmpty())
                    problem(cA, u"the event has no side_a"_s);
                r.actors = {{sideA, u"side A"_s}};
                if (!sideB.isEmpty())
                    r.actors.append({sideB, u"side B"_s});
                const int type = text(csv.field(cType)).toInt();
                r.tags = {kViolence.value(type, u"Organised violence"_s)};
                r.location = text(csv.field(cPlace));
                r.admin1 = text(csv.field(cAdm1));
                r.country = text(csv.field(cCountry));
                const QString conflict = text(csv.field(cConflict));
                r.title = (conflict.isEmpty() ? r.tags.first() : conflict) +
                          (r.location.isEmpty() ? QString() : u" — "_s + r.location);
                for (const auto& [c, label] : {std::pair{cBest, u"deaths (best estimate)"_s},
                                               std::pair{cLow, u"deaths (low estimate)"_s},
                                               std::pair{cHigh, u"deaths (high estimate)"_s}}) {
                    if (c < 0 || csv.field(c).trimmed().isEmpty())
                        continue;
                    bool ok = false;
                    const double v = text(csv.field(c)).toDouble(&ok);
                    if (!ok || v < 0)
                        problem(c, u"\"%1\" is not a number of people"_s.arg(text(csv.field(c))));
                    r.values.append({label, v, u"people"_s});
                }
                r.sources = splitList(csv.field(cSource));
            };
        });
}

} // namespace caseatlas
