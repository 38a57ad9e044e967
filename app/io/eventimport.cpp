#include "io/eventimport.h"

#include "core/sha256.h"
#include "io/csvreader.h"
#include "store/actorrepository.h"
#include "store/bulkwrite.h"
#include "store/caseindexes.h"
#include "store/catalogrepository.h"
#include "store/custodylog.h"
#include "store/eventrepository.h"
#include "store/gpkggeometry.h"
#include "store/importmemory.h"
#include "store/placerepository.h"
#include "store/sourcerepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QUuid>
#include <QVarLengthArray>
#include <QtEndian>
#include <climits>

#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <sys/mman.h>
#include <thread>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace caseatlas {

std::optional<DateOrder> dayMonthOrder(int a, int b, DateOrder order) {
    if (order == DateOrder::DayMonthYear || order == DateOrder::MonthDayYear)
        return order;
    if (a > 12 && b <= 12)
        return DateOrder::DayMonthYear;
    if (b > 12 && a <= 12)
        return DateOrder::MonthDayYear;
    if (a == b)
        return DateOrder::DayMonthYear;
    return std::nullopt;
}

int fullYear(int twoDigits) {
    const int next = QDate::currentDate().year() + 1;
    const int century = next / 100 * 100;
    return century + twoDigits <= next ? century + twoDigits : century - 100 + twoDigits;
}

QString ImportProblem::text(const QString& file) const {
    if (!unit.isEmpty())
        return u"%1: %2 %3%4: %5"_s.arg(QDir::toNativeSeparators(file), unit)
            .arg(line)
            .arg(column > 0 ? u", column %1 (%2)"_s.arg(column).arg(columnName) : QString(),
                 message);
    if (column > 0)
        return u"%1:%2:%3 (%4): %5"_s.arg(QDir::toNativeSeparators(file))
            .arg(line)
            .arg(column)
            .arg(columnName, message);
    if (!columnName.isEmpty()) // a field of a JSON record
        return u"%1:%2 (%3): %4"_s.arg(QDir::toNativeSeparators(file))
            .arg(line)
            .arg(columnName, message);
    return u"%1:%2: %3"_s.arg(QDir::toNativeSeparators(file)).arg(line).arg(message);
}

// The first problems of a refused import, one a line, and how many more there are.
QString firstProblems(const QList<ImportProblem>& problems, const QString& path) {
    constexpr qsizetype shown = 5;
    QStringList lines;
    for (const ImportProblem& p : problems.mid(0, shown))
        lines << p.text(path);
    if (problems.size() > shown) {
        // (lupdate cannot read a template call among translate()'s arguments)
        const int more = int(qMin(problems.size() - shown, qsizetype(INT_MAX)));
        lines << QCoreApplication::translate("caseatlas", "… and %n more.", nullptr, more);
    }
    return lines.join(u'\n');
}

namespace {

const char* const kMonths[] = {"january",   "february", "march",    "april",
                               "may",       "june",     "july",     "august",
                               "september", "october",  "november", "december"};

bool digits(QByteArrayView v, int& out) {
    out = 0;
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

enum class DateRead { Ok, Bad, Ambiguous };

// A day as ACLED writes it ("2023-11-12", "12 November 2023") or as a spreadsheet re-saves it
// ("9-May-20", "09-May-2020", "9 May 2020", "5/9/2020" or "5/9/20" in the order given,
// "2020/05/09") → year, month, day. A numeric date whose order the file does not make plain (both
// numbers 12 or less, and no order given) is Ambiguous.
DateRead parseAcledDate(QByteArrayView text, int& y, int& m, int& d,
                        DateOrder order = DateOrder::Auto) {
    const QByteArrayView t = text.trimmed();
    auto valid = [&] { return QDate(y, m, d).isValid() ? DateRead::Ok : DateRead::Bad; };
    if (t.size() == 10 && (t[4] == '-' || t[4] == '/') && t[7] == t[4])
        return digits(t.first(4), y) && digits(t.sliced(5, 2), m) && digits(t.sliced(8, 2), d)
                   ? valid()
                   : DateRead::Bad;
    // Split on spaces, hyphens or slashes into three parts.
    QByteArrayView parts[3];
    int n = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= t.size(); ++i) {
        if (i == t.size() || t[i] == ' ' || t[i] == '-' || t[i] == '/') {
            if (i > start) {
                if (n == 3)
                    return DateRead::Bad;
                parts[n++] = t.sliced(start, i - start);
            }
            start = i + 1;
        }
    }
    if (n != 3)
        return DateRead::Bad;
    auto year = [&](QByteArrayView v) {
        int value = 0;
        if (!digits(v, value) || (v.size() != 2 && v.size() != 4))
            return -1;
        return v.size() == 2 ? fullYear(value) : value;
    };
    y = year(parts[2]);
    if (y < 0)
        return DateRead::Bad;
    int a = 0, b = 0;
    if (!digits(parts[0], a))
        return DateRead::Bad;
    if (!digits(parts[1], b)) { // a month's name: "12 November 2023", "9-May-20"
        const QByteArray month = parts[1].toByteArray().toLower();
        m = 0;
        for (int i = 0; i < 12; ++i)
            if (month.size() >= 3 && QByteArrayView(kMonths[i]).startsWith(month))
                m = i + 1;
        d = a;
        return m > 0 ? valid() : DateRead::Bad;
    }
    if (parts[0].size() > 2 || parts[1].size() > 2)
        return DateRead::Bad;
    const std::optional<DateOrder> resolved = dayMonthOrder(a, b, order);
    if (!resolved)
        return a > 12 ? DateRead::Bad : DateRead::Ambiguous;
    const DateOrder o = *resolved;
    d = o == DateOrder::DayMonthYear ? a : b;
    m = o == DateOrder::DayMonthYear ? b : a;
    return valid();
}

// The problem of a date ACLED or UCDP gives that cannot be read.
QString dateProblem(QByteArrayView text, DateRead read) {
    const QString shown = QString::fromUtf8(text.trimmed());
    if (read == DateRead::Ambiguous)
        return QCoreApplication::translate(
                   "caseatlas", "\"%1\" could be a day-month or a month-day date: choose the "
                                "order (--date-order dmy or mdy, or in the import dialog)")
            .arg(shown);
    return QCoreApplication::translate("caseatlas",
                                       "\"%1\" is not a date (2023-11-12, 12 November 2023, "
                                       "9-May-20, or 5/9/2020 with the order chosen)")
        .arg(shown);
}

bool parseNumber(QByteArrayView v, double& out) {
    v = v.trimmed();
    if (v.isEmpty())
        return false;
    const char* end = v.data() + v.size();
    const auto r = std::from_chars(v.data(), end, out);
    return r.ec == std::errc() && r.ptr == end && std::isfinite(out);
}

QString text(QByteArrayView v) {
    return QString::fromUtf8(v).trimmed();
}

// The items of a "a; b; c" cell, trimmed, without repeats (views into the cell).
void splitList(QByteArrayView v, QList<QByteArrayView>& out) {
    while (!v.isEmpty()) {
        qsizetype cut = v.indexOf(';');
        const QByteArrayView item = (cut < 0 ? v : v.first(cut)).trimmed();
        if (!item.isEmpty() && !out.contains(item))
            out << item;
        if (cut < 0)
            break;
        v = v.sliced(cut + 1);
    }
}

struct Value {
    const char* name;
    double value;
    const char* unit;
};

// One row of an event dataset as read and checked, on the reading thread. Text is UTF-8, as
// views into the mapped file where it can be (the file stays mapped until the import is over)
// and copies in `owned` where the CSV had to unescape it.
struct RawRow {
    qint64 line = 0;
    QByteArrayView eventId, description, titleHead, location, admin1, country;
    const char* titleJoin = "";
    QByteArray uuid, edtf, endEdtf;
    double lat = 0, lon = 0;
    LocationPrecision precision = LocationPrecision::Unknown;
    QList<QByteArrayView> tags, sources;
    QList<std::pair<QByteArrayView, const char*>> actors; // name, role
    QList<Value> values;
    std::vector<QByteArray> owned;
};

// A row as handed to the writing thread: names, places and dates as numbers given in reading
// order (the batch brings each new one along), nothing that needs the heap in the usual case.
struct EventRow {
    qint64 line = 0;
    std::array<char, 36> uuid{};
    QByteArrayView eventId, description, titleHead, location;
    const char* titleJoin = "";
    double lat = 0, lon = 0;
    LocationPrecision precision = LocationPrecision::Unknown;
    int date = -1, endDate = -1, place = -1;
    QVarLengthArray<int, 4> tags, sources;
    QVarLengthArray<std::pair<int, const char*>, 4> actors;
    QVarLengthArray<Value, 3> values;
    std::vector<QByteArray> owned;
};

struct PlaceSeed {
    QByteArray name, region;
    double lon = 0, lat = 0;
};

// Rows and the names, places and dates first seen in them, in the order of their numbers.
struct RowBatch {
    std::vector<EventRow> rows;
    std::vector<QByteArray> actors, sources, tags, dates;
    std::vector<PlaceSeed> places;
};

// A key for looking a view up in a QHash<QByteArray, …> without copying it.
QByteArray key(QByteArrayView v) {
    return QByteArray::fromRawData(v.data(), v.size());
}

// Numbers for names in the order they are first seen; new ones go to `fresh`.
class Interner {
public:
    int operator()(QByteArrayView name, std::vector<QByteArray>& fresh) {
        if (auto it = m_index.constFind(key(name)); it != m_index.cend())
            return *it;
        const QByteArray copy = name.toByteArray();
        m_index.insert(copy, int(m_index.size()));
        fresh.push_back(copy);
        return int(m_index.size()) - 1;
    }

private:
    QHash<QByteArray, int> m_index;
};

// The date's EDTF and bounds, worked out once per distinct date.
struct When {
    FuzzyDate date;
    QByteArray earliest, latest;
    qint64 earliestS = 0, latestS = 0;
};

// Writes new events and their rows straight through SQLite's C interface. Statements are
// prepared once; an event's tags, actors, values and citations are gathered and written a
// hundred rows per statement (one step instead of a hundred).
class FastEventWriter {
public:
    static constexpr int kBatch = 100;
    FastEventWriter(SqliteDatabase& db, const QString& label)
        : m_db(db)
        , m_label(label) {}
    ~FastEventWriter() {
        for (sqlite3_stmt* s : {m_event, m_newTag})
            sqlite3_finalize(s);
        for (Child& c : m_children)
            for (sqlite3_stmt* s : {c.one, c.many})
                sqlite3_finalize(s);
    }
    Status prepare() {
        CA_TRY(make("INSERT INTO events (geom, uuid, title, description, start_edtf, end_edtf, "
                    "earliest, latest, earliest_s, latest_s, own_point, place_id, "
                    "location_precision, status, sensitivity, tags) VALUES (?1, ?2, ?3, ?4, ?5, "
                    "?6, ?7, ?8, ?9, ?10, 1, ?11, ?12, 'draft', 'public', ?13)",
                    &m_event));
        CA_TRY(make("INSERT INTO tags (name) VALUES (?)", &m_newTag));
        // The child tables, with one row's parameters (see bindRow for their order).
        const char* heads[] = {
            "INSERT INTO event_tags (event_id, tag_id, position) VALUES ",
            "INSERT INTO event_actors (event_id, actor_id, position, role) VALUES ",
            "INSERT INTO event_values (event_id, value, name, unit, position) VALUES ",
            "INSERT INTO citations (event_id, source_id, credibility, locator) VALUES "};
        // The locator: the label as a literal (an SQL string), then the event's id.
        const QByteArray citation = "(?,?,?,'" + m_label.toUtf8().replace('\'', "''") + " ' || ?)";
        const char* tuples[] = {"(?,?,?)", "(?,?,?,?)", "(?,?,?,?,0)", citation.constData()};
        for (int t = 0; t < 4; ++t) {
            QByteArray many = heads[t];
            for (int i = 0; i < kBatch; ++i)
                many += QByteArray(i ? "," : "") + tuples[t];
            CA_TRY(make((QByteArray(heads[t]) + tuples[t]).constData(), &m_children[t].one));
            CA_TRY(make(many.constData(), &m_children[t].many));
        }
        auto tags = m_db.prepare(u"SELECT name, id FROM tags"_s);
        if (!tags)
            return tags.error();
        return tags.value().forEachRow(
            [&](SqliteStatement& st) { m_tags.insert(st.text(0).toUtf8(), st.int64(1)); });
    }
    bool hasTag(QByteArrayView name) const { return m_tags.contains(key(name)); }
    Result<qint64> tagId(QByteArrayView name) {
        if (auto it = m_tags.constFind(key(name)); it != m_tags.cend())
            return *it;
        sqlite3_bind_text(m_newTag, 1, name.data(), int(name.size()), SQLITE_TRANSIENT);
        CA_TRY(run(m_newTag));
        const qint64 id = sqlite3_last_insert_rowid(m_db.handle());
        m_tags.insert(name.toByteArray(), id);
        return id;
    }
    // A new event: `edtf` and `endEdtf` as written, the rest resolved to ids.
    Result<qint64> insert(const EventRow& r, const QByteArray& edtf, const When& start,
                          const QByteArray* endEdtf, const When* end, qint64 placeId,
                          const QVarLengthArray<qint64, 4>& tagIds,
                          const QVarLengthArray<QByteArrayView, 4>& tagNames,
                          const QVarLengthArray<qint64, 4>& actorIds,
                          const QVarLengthArray<qint64, 4>& sourceIds, bool eventIdStays) {
        // The point as a GeoPackage blob, the title and the readable tag list, in buffers
        // kept from row to row.
        if (m_geometry.isEmpty())
            m_geometry = gpkgPoint(GeoPoint{r.lon, r.lat});
        const double xy[2] = {r.lon, r.lat};
        for (int i = 0; i < 2; ++i) { // x, y: the blob's last 16 bytes, little-endian
            quint64 bits;
            std::memcpy(&bits, &xy[i], 8);
            bits = qToLittleEndian(bits);
            std::memcpy(m_geometry.data() + m_geometry.size() - 16 + 8 * i, &bits, 8);
        }
        m_title.clear();
        m_title.append(r.titleHead);
        if (!r.location.isEmpty())
            m_title.append(r.titleJoin).append(r.location);
        m_tagText.clear();
        for (qsizetype i = 0; i < tagNames.size(); ++i)
            (i ? m_tagText.append("; ") : m_tagText).append(tagNames[i]);
        sqlite3_stmt* s = m_event;
        sqlite3_bind_blob(s, 1, m_geometry.constData(), int(m_geometry.size()), SQLITE_STATIC);
        sqlite3_bind_text(s, 2, r.uuid.data(), int(r.uuid.size()), SQLITE_STATIC);
        bindText(s, 3, m_title);
        bindText(s, 4, r.description);
        bindText(s, 5, edtf);
        if (endEdtf)
            bindText(s, 6, *endEdtf);
        else
            sqlite3_bind_null(s, 6);
        bindText(s, 7, start.earliest);
        bindText(s, 8, end ? end->latest : start.latest);
        sqlite3_bind_int64(s, 9, start.earliestS);
        sqlite3_bind_int64(s, 10, end ? end->latestS : start.latestS);
        if (placeId)
            sqlite3_bind_int64(s, 11, placeId);
        else
            sqlite3_bind_null(s, 11);
        const char* precision = locationPrecisionName(r.precision);
        sqlite3_bind_text(s, 12, precision, -1, SQLITE_STATIC);
        bindText(s, 13, m_tagText);
        CA_TRY(run(s));
        const qint64 id = sqlite3_last_insert_rowid(m_db.handle());
        for (qsizetype i = 0; i < tagIds.size(); ++i)
            CA_TRY(add(0, {id, tagIds[i], double(i), {}, {}, nullptr, nullptr}));
        for (qsizetype i = 0; i < actorIds.size(); ++i)
            CA_TRY(add(1, {id, actorIds[i], double(i), {}, {}, r.actors[i].second, nullptr}));
        for (const Value& v : r.values)
            CA_TRY(add(2, {id, 0, v.value, {}, {}, v.name, v.unit}));
        // The locator is the dataset's label and the event's id (a view into the file, or a
        // copy when the id was unescaped and goes with its row).
        for (qint64 source : sourceIds)
            CA_TRY(
                add(3, {id, source, 6, eventIdStays ? r.eventId : QByteArrayView(),
                        eventIdStays ? QByteArray() : r.eventId.toByteArray(), nullptr, nullptr}));
        return id;
    }
    // Writes the rows still gathered. Call before the transaction commits.
    Status flush() {
        for (int t = 0; t < 4; ++t) {
            Child& c = m_children[t];
            for (const Row& row : c.rows) {
                bindRow(t, c.one, 0, row);
                CA_TRY(run(c.one));
            }
            c.rows.clear();
        }
        return {};
    }

private:
    struct Row {
        qint64 event, id;
        double number;       // the position, the value or the credibility
        QByteArrayView view; // text that outlives the row
        QByteArray text;     // or text of its own
        const char* a;
        const char* b;
    };
    struct Child {
        sqlite3_stmt* one = nullptr;
        sqlite3_stmt* many = nullptr;
        std::vector<Row> rows;
    };
    static const char* locationPrecisionName(LocationPrecision p) {
        switch (p) {
        case LocationPrecision::Exact:
            return "exact";
        case LocationPrecision::Approximate:
            return "approximate";
        case LocationPrecision::AdminArea:
            return "admin-area";
        case LocationPrecision::Country:
            return "country";
        case LocationPrecision::Unknown:
            break;
        }
        return "unknown";
    }
    Status make(const char* sql, sqlite3_stmt** out) {
        if (sqlite3_prepare_v2(m_db.handle(), sql, -1, out, nullptr) != SQLITE_OK)
            return m_db.lastError();
        return {};
    }
    // Binds one child row at parameter offset `at` (0-based) of `s`.
    static void bindRow(int table, sqlite3_stmt* s, int at, const Row& r) {
        sqlite3_bind_int64(s, at + 1, r.event);
        switch (table) {
        case 0: // event_tags: event, tag, position
            sqlite3_bind_int64(s, at + 2, r.id);
            sqlite3_bind_int64(s, at + 3, qint64(r.number));
            break;
        case 1: // event_actors: event, actor, position, role
            sqlite3_bind_int64(s, at + 2, r.id);
            sqlite3_bind_int64(s, at + 3, qint64(r.number));
            sqlite3_bind_text(s, at + 4, r.a, -1, SQLITE_STATIC);
            break;
        case 2: // event_values: event, value, name, unit
            sqlite3_bind_double(s, at + 2, r.number);
            sqlite3_bind_text(s, at + 3, r.a, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, at + 4, r.b, -1, SQLITE_STATIC);
            break;
        default: // citations: event, source, credibility, locator
            sqlite3_bind_int64(s, at + 2, r.id);
            sqlite3_bind_int64(s, at + 3, qint64(r.number));
            if (r.view.data())
                sqlite3_bind_text(s, at + 4, r.view.data(), int(r.view.size()), SQLITE_STATIC);
            else
                sqlite3_bind_text(s, at + 4, r.text.constData(), int(r.text.size()), SQLITE_STATIC);
            break;
        }
    }
    static int width(int table) { return table == 0 ? 3 : 4; }
    Status add(int table, Row row) {
        Child& c = m_children[table];
        c.rows.push_back(std::move(row));
        if (int(c.rows.size()) < kBatch)
            return {};
        for (int i = 0; i < kBatch; ++i)
            bindRow(table, c.many, i * width(table), c.rows[size_t(i)]);
        CA_TRY(run(c.many));
        c.rows.clear();
        return {};
    }
    template <typename Text> static void bindText(sqlite3_stmt* s, int i, const Text& text) {
        if (text.isEmpty())
            sqlite3_bind_null(s, i);
        else
            sqlite3_bind_text(s, i, text.data(), int(text.size()), SQLITE_STATIC);
    }
    Status run(sqlite3_stmt* s) {
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            return m_db.lastError();
        return {};
    }
    SqliteDatabase& m_db;
    QString m_label;
    QByteArray m_geometry, m_title, m_tagText;
    sqlite3_stmt *m_event = nullptr, *m_newTag = nullptr;
    Child m_children[4];
    QHash<QByteArray, qint64> m_tags;
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
            CA_TRY(m_db.execute(u"INSERT OR IGNORE INTO search_dirty SELECT 1, fid FROM events "
                                "WHERE fid > ? ORDER BY fid"_s,
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

// Foreign keys unchecked while a bulk import writes ids it has just made itself (each check is
// a lookup per row); back on when the import is over, committed or not. The pragma only takes
// effect outside a transaction.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(SqliteDatabase& db)
        : m_db(db) {
        (void)m_db.exec(u"PRAGMA foreign_keys = OFF"_s);
    }
    ~ForeignKeysOff() { (void)m_db.exec(u"PRAGMA foreign_keys = ON"_s); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    SqliteDatabase& m_db;
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
using RowReader = std::function<void(CsvReader&, RawRow&, const Problem&)>;

// A stable id for a dataset's event: a version 5 UUID in the URL namespace of `base` + id.
QByteArray datasetUuid(const char* base, const QByteArray& eventId) {
    return QUuid::createUuidV5(QUuid(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s),
                               QByteArray(base) + eventId)
        .toByteArray(QUuid::WithoutBraces);
}

// Latitude and longitude, checked for their ranges.
void readCoordinates(CsvReader& csv, int cLat, int cLon, RawRow& r, const Problem& problem) {
    const bool okLat = parseNumber(csv.field(cLat), r.lat);
    const bool okLon = parseNumber(csv.field(cLon), r.lon);
    if (!okLat || r.lat < -90 || r.lat > 90)
        problem(cLat,
                QCoreApplication::translate("caseatlas", "\"%1\" is not a latitude (-90 to 90)")
                    .arg(text(csv.field(cLat))));
    if (!okLon || r.lon < -180 || r.lon > 180)
        problem(cLon,
                QCoreApplication::translate("caseatlas", "\"%1\" is not a longitude (-180 to 180)")
                    .arg(text(csv.field(cLon))));
}

QByteArray isoDay(int y, int m, int d) {
    char buffer[16];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    return QByteArray(buffer, n);
}

// Rows handed from the reading thread to the writing one, a thousand at a time, at most a few
// batches ahead.
class RowQueue {
public:
    void push(RowBatch&& rows) {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_queue.size() < 6 || m_stopped; });
        if (m_stopped)
            return;
        m_queue.push_back(std::move(rows));
        m_ready.notify_one();
    }
    void finish() {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_ready.notify_one();
    }
    // False when everything has been taken, or once the writer stopped the reading and took
    // what was queued (a stopped reader may return without finishing).
    bool pop(RowBatch& rows) {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_queue.empty() || m_finished || m_stopped; });
        if (m_queue.empty())
            return false;
        rows = std::move(m_queue.front());
        m_queue.pop_front();
        m_space.notify_one();
        return true;
    }
    void stop() {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_space.notify_all();
        m_ready.notify_all();
    }
    bool stopped() {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<RowBatch> m_queue;
    bool m_finished = false, m_stopped = false;
};

Error cancelled() {
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "caseatlas", "The import was cancelled; nothing was imported."));
}

} // namespace

// The pipeline shared by the event datasets. One thread reads and checks the rows (the file
// mapped, fields kept as views into it), another hashes the file for the custody log, and this
// one writes the good rows in one transaction as they come. A bad row stops the writing (unless
// bad rows are to be skipped); the rest of the file is still read for a fuller report, and the
// transaction is rolled back: nothing is half-imported. `label` names the dataset in locators
// and the custody log; `makeReader` turns the header into the dataset's row reader.
static Result<ImportReport>
importDataset(CaseFile& file, const QString& path, const ImportOptions& o, const QString& label,
              const QString& what, std::initializer_list<const char*> required,
              const std::function<RowReader(const Columns&)>& makeReader, Scope* created) {
    auto made = [&](const Scope& scope) {
        if (created)
            *created += scope;
    };
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas", "This case is open read-only; nothing was imported."));
    auto opened = CsvReader::open(path);
    if (!opened)
        return opened.error();
    CsvReader& csv = *opened.value();
    const QString name = QDir::toNativeSeparators(path);
    if (csv.bytes().startsWith("\xFF\xFE") || csv.bytes().startsWith("\xFE\xFF") ||
        CsvReader::utf16WithoutMark(csv.bytes()))
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 is UTF-16 text; %2 files are read as UTF-8. Save it as UTF-8 "
                             "(\"CSV UTF-8\" in a spreadsheet) and import it again.")
                             .arg(name, label));
    if (!csv.next()) {
        CA_TRY(csv.finish());
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "%1 is empty.").arg(name));
    }
    Columns columns;
    for (int i = 0; i < csv.columnCount(); ++i) {
        columns.index.insert(csv.field(i).trimmed().toByteArray().toLower(), i);
        columns.names << text(csv.field(i));
    }
    for (const char* column : required)
        if (columns.at(column) < 0)
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate("caseatlas",
                                            "%1 is not %2: the column \"%3\" is missing (line 1).")
                    .arg(name, what, QString::fromLatin1(column)));
    const RowReader readFields = makeReader(columns);
    const int width = int(columns.names.size());
    const qint64 fileSize = csv.size();
    const char* const mapped = csv.bytes().data();

    SqliteDatabase& db = file.db();
    auto existingEvents = db.count(u"SELECT count(*) FROM events"_s);
    if (!existingEvents)
        return existingEvents.error();
    // Into an empty case: foreign keys unchecked, secondary indexes built once at the end, the
    // search triggers set aside. A re-import reads existing events as it goes and keeps them.
    const bool bulk = existingEvents.value() == 0;
    const bool ownTransaction = !db.inTransaction(); // otherwise the caller's (an undo step)
    std::optional<ForeignKeysOff> foreignKeysOff;
    if (bulk && ownTransaction)
        foreignKeysOff.emplace(db);

    // The file's SHA-256 for the custody log, read on its own (not through the mapping, so the
    // pages already written can be let go).
    QByteArray fileHash;
    std::jthread hasher([&] {
        if (auto hex = Sha256::hexOfFile(path))
            fileHash = hex.value();
    });

    // The reading thread: rows checked, their names, places and dates numbered, and handed
    // over in batches; problems kept for the report (all of them when bad rows are skipped,
    // the first twenty otherwise).
    RowQueue queue;
    QList<ImportProblem> problems;
    qint64 skipped = 0;
    std::atomic<qint64> readPosition{0};
    std::jthread reader([&] {
        CsvReader* reading = &csv;
        const Problem problem = [&](int column, const QString& message) {
            problems.append({reading->line(), column + 1,
                             column >= 0 ? columns.names.value(column) : QString(), message});
        };
        Interner actorNumbers, sourceNumbers, tagNumbers, dateNumbers, placeNumbers;
        RowBatch batch;
        batch.rows.reserve(1024);
        bool failed = false;
        std::unordered_map<QByteArray, qint64> seenIds;
        RawRow r;
        QByteArray placeKey;
        while (csv.next()) {
            if (queue.stopped())
                return;
            const qsizetype before = problems.size();
            if (csv.columnCount() != width) {
                problem(-1, QCoreApplication::translate("caseatlas",
                                                        "the row has %1 columns; the header has %2")
                                .arg(csv.columnCount())
                                .arg(width));
            } else {
                for (int c = 0; c < width; ++c)
                    if (!csv.field(c).isValidUtf8()) {
                        problem(c, QCoreApplication::translate("caseatlas",
                                                               "the text is not valid UTF-8"));
                        break;
                    }
            }
            if (problems.size() == before) {
                r = RawRow{};
                r.line = csv.line();
                readFields(csv, r, problem);
                // One event per dataset id in a file.
                if (auto [it, added] = seenIds.try_emplace(r.eventId.toByteArray(), r.line); !added)
                    problem(-1, QCoreApplication::translate(
                                    "caseatlas", "the event id %1 was already on line %2")
                                    .arg(QString::fromUtf8(r.eventId))
                                    .arg(it->second));
            }
            if (problems.size() != before) {
                ++skipped;
                if (!o.skipBadRows) {
                    failed = true;
                    if (problems.size() >= 20)
                        break; // enough to show what is wrong
                }
                continue;
            }
            if (failed)
                continue; // still reading for the report; nothing more is written
            EventRow& e = batch.rows.emplace_back();
            e.line = r.line;
            std::memcpy(e.uuid.data(), r.uuid.constData(), std::min<size_t>(36, r.uuid.size()));
            e.eventId = r.eventId;
            e.description = r.description;
            e.titleHead = r.titleHead;
            e.titleJoin = r.titleJoin;
            e.location = r.location;
            e.lat = r.lat;
            e.lon = r.lon;
            e.precision = r.precision;
            e.date = dateNumbers(r.edtf, batch.dates);
            if (!r.endEdtf.isEmpty())
                e.endDate = dateNumbers(r.endEdtf, batch.dates);
            if (!r.location.isEmpty()) {
                // The place: the named location, one per name and region.
                const QByteArray region =
                    r.admin1.isEmpty() ? r.country.toByteArray()
                                       : r.admin1.toByteArray() + ", " + r.country.toByteArray();
                placeKey = r.location.toByteArray() + '|' + region;
                const size_t known = batch.places.size();
                std::vector<QByteArray> fresh;
                e.place = placeNumbers(placeKey, fresh);
                if (!fresh.empty() && batch.places.size() == known)
                    batch.places.push_back({r.location.toByteArray(), region, r.lon, r.lat});
            }
            for (QByteArrayView t : r.tags)
                e.tags.append(tagNumbers(t, batch.tags));
            for (QByteArrayView source : r.sources)
                e.sources.append(sourceNumbers(source, batch.sources));
            for (const auto& [actor, role] : r.actors)
                e.actors.append({actorNumbers(actor, batch.actors), role});
            e.values.append(r.values.constData(), r.values.size());
            e.owned = std::move(r.owned);
            if (batch.rows.size() == 1024) {
                readPosition = csv.position();
                queue.push(std::move(batch));
                batch = {};
                batch.rows.reserve(1024);
            }
        }
        if (!failed)
            queue.push(std::move(batch));
        readPosition = fileSize;
        queue.finish();
    });
    auto stopReading = [&] {
        queue.stop();
        RowBatch rest;
        while (queue.pop(rest)) {
        }
        reader.join();
    };

    std::optional<SqliteTransaction> tx;
    if (ownTransaction) {
        tx.emplace(db);
        if (!tx->status()) {
            stopReading();
            return tx->status().error();
        }
    }
    if (o.preview && !ownTransaction) {
        stopReading();
        return makeError(ErrorCode::InvalidInput,
                         u"A preview of an import runs in a transaction of its own."_s);
    }
    // What the case has already, by name; and the events deleted in it.
    QHash<QByteArray, qint64> knownActors, knownSources, knownPlaces, eventIds;
    QSet<QByteArray> deletedEvents;
    ImportMemory memory(db);
    auto loadIds = [&]() -> Status {
        auto stmt = db.prepare(u"SELECT name, id FROM actors"_s);
        CA_TRY(stmt.value().forEachRow(
            [&](SqliteStatement& s) { knownActors.insert(s.text(0).toUtf8(), s.int64(1)); }));
        auto src = db.prepare(u"SELECT title, id FROM sources"_s);
        CA_TRY(src.value().forEachRow(
            [&](SqliteStatement& s) { knownSources.insert(s.text(0).toUtf8(), s.int64(1)); }));
        auto pl = db.prepare(u"SELECT name || '|' || coalesce(description, ''), fid FROM places"_s);
        CA_TRY(pl.value().forEachRow(
            [&](SqliteStatement& s) { knownPlaces.insert(s.text(0).toUtf8(), s.int64(1)); }));
        auto ev = db.prepare(u"SELECT uuid, fid FROM events"_s);
        CA_TRY(ev.value().forEachRow(
            [&](SqliteStatement& s) { eventIds.insert(s.text(0).toUtf8(), s.int64(1)); }));
        auto gone = memory.deletedUuids();
        if (!gone)
            return gone.error();
        for (const QString& uuid : gone.value())
            deletedEvents.insert(uuid.toLatin1());
        return {};
    };
    std::optional<BulkWrite> bulkWrite;
    FastEventWriter fast(db, label);
    SearchTriggersAside aside(db);
    auto prepare = [&]() -> Status {
        // A case still missing lookup indexes (a large import just before, or a crash after
        // one) gets them first: updates look events and their citations up by id.
        if (!bulk)
            CA_TRY(buildMissingIndexes(db));
        CA_TRY(loadIds());
        if (bulk) {
            bulkWrite.emplace(db, QStringList{u"events"_s, u"event_tags"_s, u"event_actors"_s,
                                              u"event_values"_s, u"citations"_s});
            CA_TRY(bulkWrite->status());
            CA_TRY(aside.setAside());
        }
        return fast.prepare();
    };
    if (Status s = prepare(); !s) {
        stopReading();
        return s.error();
    }
    ActorRepository actors(db);
    SourceRepository sources(db);
    PlaceRepository places(db);
    EventRepository events(db);
    auto cite = db.prepare(u"INSERT INTO citations (event_id, source_id, locator, credibility) "
                           "VALUES (?, ?, ?, 6)"_s);
    if (!cite) {
        stopReading();
        return cite.error();
    }
    // The ids of the numbered names, places and dates, found or made as they first come.
    std::vector<qint64> actorIds, sourceIds, placeIds, tagIds;
    std::vector<QByteArray> actorNames, tagNames, dateTexts;
    std::vector<When> dates;
    auto resolve = [&](RowBatch& b) -> Status {
        for (QByteArray& actorName : b.actors) {
            qint64 id = knownActors.value(actorName);
            if (!id) {
                Actor a;
                a.name = QString::fromUtf8(actorName);
                a.kind =
                    a.name.contains(u"Military Forces"_s) || a.name.contains(u"Police Forces"_s)
                        ? ActorKind::StateBody
                        : ActorKind::Group;
                auto inserted = actors.insert(a);
                if (!inserted)
                    return inserted.error();
                id = inserted.value();
                made(ActorRepository::scope(id));
            }
            actorIds.push_back(id);
            actorNames.push_back(std::move(actorName));
        }
        for (const QByteArray& sourceName : b.sources) {
            qint64 id = knownSources.value(sourceName);
            if (!id) {
                Source src;
                src.title = QString::fromUtf8(sourceName);
                src.publisher = src.title;
                src.kind = SourceKind::Report;
                auto inserted = sources.insert(src);
                if (!inserted)
                    return inserted.error();
                id = inserted.value();
                made(SourceRepository::scope(id));
            }
            sourceIds.push_back(id);
        }
        for (const PlaceSeed& seed : b.places) {
            qint64 id = knownPlaces.value(seed.name + '|' + seed.region);
            if (!id) {
                Place p;
                p.name = QString::fromUtf8(seed.name);
                p.kind = u"location"_s;
                p.description = QString::fromUtf8(seed.region); // the country and its division
                p.point = GeoPoint{seed.lon, seed.lat};
                auto inserted = places.insert(p);
                if (!inserted)
                    return inserted.error();
                id = inserted.value();
                made(PlaceRepository::scope(id));
            }
            placeIds.push_back(id);
        }
        for (QByteArray& tag : b.tags) {
            const bool known = fast.hasTag(tag);
            auto id = fast.tagId(tag);
            if (!id)
                return id.error();
            if (!known)
                made(CatalogRepository::tagScope(id.value()));
            tagIds.push_back(id.value());
            tagNames.push_back(std::move(tag));
        }
        for (QByteArray& edtf : b.dates) {
            auto date = FuzzyDate::parse(QString::fromLatin1(edtf));
            if (!date)
                return date.error();
            dates.push_back({date.value(),
                             FuzzyDate::gpkgDateTime(date.value().earliest()).toLatin1(),
                             FuzzyDate::gpkgDateTime(date.value().latest()).toLatin1(),
                             date.value().earliest(), date.value().latest()});
            dateTexts.push_back(std::move(edtf));
        }
        return {};
    };
    ImportReport report;
    // Writes one row: a new event through the fast writer, an existing one (same dataset id)
    // compared and updated if it changed.
    QVarLengthArray<qint64, 4> rowTags, rowActors, rowSources;
    QVarLengthArray<QByteArrayView, 4> rowTagNames;
    auto write = [&](const EventRow& r) -> Status {
        const When& start = dates[size_t(r.date)];
        const When* end = r.endDate >= 0 ? &dates[size_t(r.endDate)] : nullptr;
        const qint64 placeId = r.place >= 0 ? placeIds[size_t(r.place)] : 0;
        rowTags.clear();
        rowTagNames.clear();
        rowActors.clear();
        rowSources.clear();
        for (int t : r.tags) {
            rowTags.append(tagIds[size_t(t)]);
            rowTagNames.append(tagNames[size_t(t)]);
        }
        for (const auto& [a, role] : r.actors)
            rowActors.append(actorIds[size_t(a)]);
        for (int source : r.sources)
            rowSources.append(sourceIds[size_t(source)]);
        const QByteArray uuid = QByteArray::fromRawData(r.uuid.data(), r.uuid.size());
        const auto existing = eventIds.isEmpty() ? eventIds.cend() : eventIds.constFind(uuid);
        if (existing == eventIds.cend() && !deletedEvents.isEmpty() &&
            deletedEvents.contains(uuid)) {
            ++report.keptDeleted; // deleted in CaseAtlas: not brought back
            return {};
        }
        if (existing == eventIds.cend()) {
            auto id =
                fast.insert(r, dateTexts[size_t(r.date)], start,
                            r.endDate >= 0 ? &dateTexts[size_t(r.endDate)] : nullptr, end, placeId,
                            rowTags, rowTagNames, rowActors, rowSources, csv.isMapped(r.eventId));
            if (!id)
                return id.error();
            made(EventRepository::scope(id.value()));
            if (!bulk) // an empty case has no events to update; ids repeat only as problems
                eventIds.insert(QByteArray(r.uuid.data(), r.uuid.size()), id.value());
            ++report.added;
            return {};
        }
        // The same event in a newer export: compared, and updated when it changed.
        Event e;
        e.id = *existing;
        e.uuid = QString::fromLatin1(uuid);
        e.title =
            QString::fromUtf8(r.titleHead) +
            (r.location.isEmpty() ? QString()
                                  : QString::fromUtf8(r.titleJoin) + QString::fromUtf8(r.location));
        e.description = text(r.description);
        e.start = start.date;
        if (end)
            e.end = end->date;
        e.point = GeoPoint{r.lon, r.lat};
        e.locationPrecision = r.precision;
        e.placeId = placeId;
        for (QByteArrayView t : rowTagNames)
            e.tags << QString::fromUtf8(t);
        for (qsizetype i = 0; i < rowActors.size(); ++i)
            e.actors.append({rowActors[i], QString::fromLatin1(r.actors[i].second)});
        for (const Value& v : r.values)
            e.values.append({QString::fromLatin1(v.name), v.value, QString::fromLatin1(v.unit)});
        auto old = events.load(e.id);
        if (!old)
            return old.error();
        const Event& was = old.value();
        // Three-way: what the dataset changed since it was last imported, not the edits made
        // in CaseAtlas since (see mergeImportedEvent).
        constexpr ImportFields fields = FieldTitle | FieldDescription | FieldStart | FieldEnd |
                                        FieldPoint | FieldPlace | FieldPrecision | FieldTags |
                                        FieldActors | FieldValues;
        auto base = memory.base(e.id);
        if (!base)
            return base.error();
        const EventMerge merged = mergeImportedEvent(was, e, base.value(), fields);
        for (ImportConflict c : merged.conflicts) {
            c.line = r.line;
            report.conflicts << c;
        }
        if (!merged.matchesFile)
            CA_TRY(memory.setBase(e.id, importedFields(e, fields)));
        else if (base.value())
            CA_TRY(memory.clearBase(e.id));
        if (merged.changed.isEmpty()) {
            ++report.unchanged;
            return {};
        }
        CA_TRY(events.update(merged.event));
        if (report.changes.size() < ImportReport::kMaxListedChanges)
            report.changes.append({r.line, merged.event.title, false, merged.changed});
        CA_TRY(db.execute(u"DELETE FROM citations WHERE event_id = ? AND locator LIKE ?"_s,
                          {e.id, label + u" %"_s}));
        ++report.changed;
        for (qint64 source : rowSources) {
            cite.value().reset();
            cite.value().bindAll({e.id, source, label + u' ' + QString::fromUtf8(r.eventId)});
            CA_TRY(cite.value().run());
        }
        return {};
    };

    RowBatch batch;
    qint64 released = 0; // the mapped bytes before this were written and let go
    while (queue.pop(batch)) {
        if (Status s = resolve(batch); !s) {
            stopReading();
            return s.error();
        }
        for (const EventRow& r : batch.rows) {
            if (Status s = write(r); !s) {
                stopReading();
                return s.error();
            }
        }
        // Pages of the file already written are let go (they stay in the page cache), so a
        // large file does not count twice in memory.
        const qint64 upTo = readPosition.load() - (8 << 20);
        if (upTo - released > (32 << 20)) {
            const qint64 page = 4096;
            const qint64 from = (released / page) * page, to = (upTo / page) * page;
            if (to > from)
                ::madvise(const_cast<char*>(mapped) + from, size_t(to - from), MADV_DONTNEED);
            released = to;
        }
        if (o.progress && !o.progress(std::min(readPosition.load(), fileSize), fileSize)) {
            stopReading();
            return cancelled();
        }
    }
    reader.join();
    CA_TRY(csv.finish()); // the whole file, as it was when the import began
    if (!problems.isEmpty() && !o.skipBadRows) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 has rows that cannot be imported; nothing was imported. Fix them, "
                             "or import with the bad rows skipped.")
                             .arg(name),
                         firstProblems(problems, path));
    }
    report.problems = problems;
    report.skipped = skipped;
    CA_TRY(fast.flush());
    CA_TRY(aside.restore());
    if (bulkWrite) {
        report.indexesPending = ownTransaction && report.added >= o.deferIndexesFrom;
        CA_TRY(bulkWrite->finish(report.indexesPending ? BulkWrite::Rebuild::UniqueOnly
                                                       : BulkWrite::Rebuild::All));
    }
    hasher.join();
    const QString sha = QString::fromLatin1(fileHash);
    CA_TRY(CustodyLog(db).append(o.who, u"import"_s, sha, 0,
                                 u"%1 %2: %3 added, %4 changed, %5 unchanged, %6 bad rows "
                                 "skipped"_s.arg(label, QFileInfo(path).fileName())
                                     .arg(report.added)
                                     .arg(report.changed)
                                     .arg(report.unchanged)
                                     .arg(report.skipped)));
    if (o.preview) {
        tx->rollback(); // what it would do, and nothing done
        return report;
    }
    CA_TRY(memory.recordImport({label.toLower(),
                                label.toLower(),
                                QFileInfo(path).fileName(),
                                {},
                                {},
                                sha,
                                report.added + report.changed + report.unchanged}));
    if (tx)
        CA_TRY(tx->commit());
    return report;
}

Result<QStringList> datasetEventUuids(const QString& path, bool ucdp) {
    auto opened = CsvReader::open(path);
    if (!opened)
        return opened.error();
    CsvReader& csv = *opened.value();
    QStringList out;
    if (!csv.next())
        return out;
    int column = -1;
    for (int i = 0; i < csv.columnCount(); ++i)
        if (csv.field(i).trimmed().toByteArray().toLower() == (ucdp ? "id" : "event_id_cnty"))
            column = i;
    if (column < 0)
        return out; // the import itself says what is missing
    while (csv.next()) {
        const QByteArray id = csv.field(column).trimmed().toByteArray();
        if (!id.isEmpty())
            out << QString::fromLatin1(datasetUuid(
                ucdp ? "https://ucdp.uu.se/event/" : "https://acleddata.com/event/", id));
    }
    return out;
}

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
                r.uuid = datasetUuid("https://acleddata.com/event/", r.eventId.toByteArray());
                if (r.eventId.isEmpty())
                    problem(cId, QCoreApplication::translate("caseatlas",
                                                             "the event has no event_id_cnty"));
                int y = 0, m = 0, d = 0;
                if (const DateRead read = parseAcledDate(csv.field(cDate), y, m, d, order);
                    read != DateRead::Ok)
                    problem(cDate, dateProblem(csv.field(cDate), read));
                const QByteArrayView precision = csv.field(cPrecision).trimmed();
                const QByteArray day = isoDay(y, m, d);
                // time_precision: 1 the day, 2 within a week of it, 3 only the month.
                r.edtf = precision == "3" ? day.left(7) : precision == "2" ? day + '~' : day;
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
                r.tags = {type};
                splitList(field(cTags), r.tags);
                for (const auto& [column, role] :
                     {std::pair{cA1, "actor 1"}, std::pair{cAs1, "associated with actor 1"},
                      std::pair{cA2, "actor 2"}, std::pair{cAs2, "associated with actor 2"}}) {
                    QList<QByteArrayView> names;
                    splitList(field(column), names);
                    for (QByteArrayView a : names)
                        r.actors.append({a, role});
                }
                splitList(field(cSource), r.sources);
                if (cFatal >= 0 && !csv.field(cFatal).trimmed().isEmpty()) {
                    double fatalities = 0;
                    const bool ok = parseNumber(csv.field(cFatal), fatalities);
                    r.values = {{"fatalities", fatalities, "people"}};
                    if (!ok || fatalities < 0)
                        problem(cFatal, QCoreApplication::translate(
                                            "caseatlas", "\"%1\" is not a number of people")
                                            .arg(text(csv.field(cFatal))));
                }
            };
        },
        created);
}

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
                r.uuid = datasetUuid("https://ucdp.uu.se/event/", r.eventId.toByteArray());
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
                r.actors = {{sideA, "side A"}};
                if (!sideB.isEmpty())
                    r.actors.append({sideB, "side B"});
                int type = 0;
                digits(csv.field(cType).trimmed(), type);
                const char* violence = kViolence[type >= 1 && type <= 3 ? type : 0];
                r.tags = {QByteArrayView(violence)};
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
