#include "io/datasetrows.h"

#include "core/sha256.h"
#include "io/csvreader.h"
#include "store/actorrepository.h"
#include "store/bulkwrite.h"
#include "store/caseindexes.h"
#include "store/catalogrepository.h"
#include "store/custodylog.h"
#include "store/eventrepository.h"
#include "store/eventrows.h"
#include "store/gpkggeometry.h"
#include "store/importmemory.h"
#include "store/placerepository.h"
#include "store/searchindex.h"
#include "store/sourcerepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QVarLengthArray>
#include <QtEndian>

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <sys/mman.h>
#include <thread>

using namespace Qt::StringLiterals;

namespace caseatlas {
namespace datasets {

namespace {

// A row as handed to the writing thread: names, places and dates as numbers given in reading
// order (the batch brings each new one along), nothing that needs the heap in the usual case.
struct EventRow {
    qint64 line = 0;
    std::array<char, 36> uuid{};
    QByteArrayView eventId, description, titleHead, location;
    bool eventIdStays = true; // eventId points into the mapped file (not into `owned`)
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
        , m_label(label)
        , m_rows(db) {}
    ~FastEventWriter() {
        for (sqlite3_stmt* s : {m_newTag})
            sqlite3_finalize(s);
        for (Child& c : m_children)
            for (sqlite3_stmt* s : {c.one, c.many})
                sqlite3_finalize(s);
    }
    Status prepare() {
        CA_TRY(make("INSERT INTO tags (name) VALUES (?)", &m_newTag));
        // The child tables, with one row's parameters (see bindRow for their order). OR FAIL:
        // a row that breaks a constraint stops its statement without undoing the rows before it
        // in the statement, so SQLite keeps no statement journal (a copy of every page a
        // statement of a hundred rows changes: 380,000 writes to a temporary file at 1M rows);
        // any error rolls the import's whole transaction back (or the caller's undo step).
        const char* heads[] = {
            "INSERT OR FAIL INTO event_tags (event_id, tag_id, position) VALUES ",
            "INSERT OR FAIL INTO event_actors (event_id, actor_id, position, role) VALUES ",
            "INSERT OR FAIL INTO event_values (event_id, value, name, unit, position) VALUES ",
            "INSERT OR FAIL INTO citations (event_id, source_id, credibility, locator) VALUES "};
        // The locator: the label as a literal (an SQL string), then the event's id.
        const QByteArray citation = "(?,?,?,'" + m_label.toUtf8().replace('\'', "''") + " ' || ?)";
        const char* tuples[] = {"(?,?,?)", "(?,?,?,?)", "(?,?,?,?,?)", citation.constData()};
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
        // The row goes through the one writer of events rows (as every edit does).
        EventRowValues row;
        row.geom = m_geometry;
        row.uuid = QByteArrayView(r.uuid.data(), r.uuid.size());
        row.title = m_title;
        row.description = r.description;
        row.startEdtf = edtf;
        if (endEdtf)
            row.endEdtf = *endEdtf;
        row.earliest = start.earliest;
        row.latest = end ? end->latest : start.latest;
        row.earliestS = start.earliestS;
        row.latestS = end ? end->latestS : start.latestS;
        row.ownPoint = true;
        row.placeId = placeId;
        row.locationPrecision = locationPrecisionName(r.precision);
        row.tags = m_tagText;
        auto inserted = m_rows.append(row);
        if (!inserted)
            return inserted.error();
        const qint64 id = inserted.value();
        for (qsizetype i = 0; i < tagIds.size(); ++i)
            CA_TRY(add(0, {id, tagIds[i], double(i), {}, {}, nullptr, nullptr}));
        for (qsizetype i = 0; i < actorIds.size(); ++i)
            CA_TRY(add(1, {id, actorIds[i], double(i), {}, {}, r.actors[i].second, nullptr}));
        for (qsizetype i = 0; i < r.values.size(); ++i)
            CA_TRY(add(
                2, {id, qint64(i), r.values[i].value, {}, {}, r.values[i].name, r.values[i].unit}));
        // The locator is the dataset's label and the event's id (a view into the file, or a
        // copy when the id was unescaped and goes with its row).
        for (qint64 source : sourceIds)
            CA_TRY(
                add(3, {id, source, 6, eventIdStays ? r.eventId : QByteArrayView(),
                        eventIdStays ? QByteArray() : r.eventId.toByteArray(), nullptr, nullptr}));
        if (m_rows.appended() == EventRowWriter::kAppendBatch)
            CA_TRY(flush());
        return id;
    }
    // Writes the events gathered, then their tags, actors, values and citations (a hundred
    // rows per statement, the rest one by one). Call before the transaction commits, and
    // before an event written here is read.
    Status flush() {
        CA_TRY(m_rows.flush());
        for (int t = 0; t < 4; ++t) {
            Child& c = m_children[t];
            const int count = int(c.rows.size());
            int at = 0;
            for (; count - at >= kBatch; at += kBatch) {
                for (int i = 0; i < kBatch; ++i)
                    bindRow(t, c.many, i * width(t), c.rows[size_t(at + i)]);
                CA_TRY(run(c.many));
            }
            for (; at < count; ++at) {
                bindRow(t, c.one, 0, c.rows[size_t(at)]);
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
        case 2: // event_values: event, value, name, unit, position
            sqlite3_bind_double(s, at + 2, r.number);
            sqlite3_bind_text(s, at + 3, r.a, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, at + 4, r.b, -1, SQLITE_STATIC);
            sqlite3_bind_int64(s, at + 5, r.id);
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
    static int width(int table) { return table == 0 ? 3 : table == 2 ? 5 : 4; }
    // A child row, written by flush() after its event.
    Status add(int table, Row row) {
        m_children[table].rows.push_back(std::move(row));
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
    EventRowWriter m_rows;
    sqlite3_stmt* m_newTag = nullptr;
    Child m_children[4];
    QHash<QByteArray, qint64> m_tags;
};

// The search index's "record changed" triggers fire once per row; for a bulk insert they are
// set aside inside the transaction (so a failure puts them back) and the new records are noted
// after: the events as one range (SearchIndex::noteEventsAfter), the few sources, actors and
// places one row each. An insert without a trigger is also one SQLite need not keep a statement
// journal for (with a trigger it keeps the pages it changes until the statement ends: four of
// them, as a place's insert changes, are past the 64 KiB SQLite keeps in memory, and from then
// on every statement of the transaction wrote its pages to a temporary file).
class SearchTriggersAside {
public:
    explicit SearchTriggersAside(SqliteDatabase& db)
        : m_db(db) {}
    Status setAside() {
        auto stmt = m_db.prepare(u"SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
                                 "AND name IN ('search_events_insert', 'search_citations_insert', "
                                 "'search_sources_insert', 'search_actors_insert', "
                                 "'search_places_insert')"_s);
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            m_saved.append({s.text(0), s.text(1)});
        }));
        for (const auto& [name, sql] : m_saved)
            CA_TRY(m_db.exec(u"DROP TRIGGER \"%1\""_s.arg(name)));
        for (Table& t : m_tables) {
            auto max = m_db.count(u"SELECT coalesce(max(%1), 0) FROM %2"_s.arg(t.id, t.name));
            if (!max)
                return max.error();
            t.lastBefore = max.value();
        }
        return {};
    }
    // Notes the new records for the search index (citations without a quote have nothing to
    // index) and puts the triggers back exactly as they were.
    Status restore() {
        if (!m_saved.isEmpty()) {
            CA_TRY(SearchIndex::noteEventsAfter(m_db, m_tables[0].lastBefore));
            for (const Table& t : m_tables)
                if (t.kind != SearchKind::Event)
                    CA_TRY(m_db.execute(u"INSERT OR IGNORE INTO search_dirty (kind, id) SELECT ?, "
                                        "%1 FROM %2 WHERE %1 > ?"_s.arg(t.id, t.name),
                                        {int(t.kind), t.lastBefore}));
        }
        for (const auto& [name, sql] : m_saved)
            CA_TRY(m_db.exec(sql));
        m_saved.clear();
        return {};
    }

private:
    struct Table {
        QString name, id;
        SearchKind kind;
        qint64 lastBefore = 0; // the highest id before the import
    };
    SqliteDatabase& m_db;
    QList<std::pair<QString, QString>> m_saved;
    Table m_tables[4] = {{u"events"_s, u"fid"_s, SearchKind::Event},
                         {u"sources"_s, u"id"_s, SearchKind::Source},
                         {u"actors"_s, u"id"_s, SearchKind::Actor},
                         {u"places"_s, u"fid"_s, SearchKind::Place}};
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

// Rows handed from the reading thread to the writing one, a thousand at a time, at most a few
// batches ahead. Written batches come back to the reading thread, which empties them and fills
// them again: their memory is freed and allocated there, not on the writing thread (the one the
// import waits for).
class RowQueue {
public:
    // A written batch, for the reader to use again.
    void giveBack(RowBatch&& rows) {
        std::lock_guard lock(m_mutex);
        if (m_spent.size() < 2)
            m_spent.push_back(std::move(rows));
    }
    // An empty batch: one given back (emptied here) or a new one.
    RowBatch fresh() {
        RowBatch b;
        {
            std::lock_guard lock(m_mutex);
            if (!m_spent.empty()) {
                b = std::move(m_spent.front());
                m_spent.pop_front();
            }
        }
        b.rows.clear();
        b.actors.clear();
        b.sources.clear();
        b.tags.clear();
        b.dates.clear();
        b.places.clear();
        b.rows.reserve(1024);
        return b;
    }
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
    std::deque<RowBatch> m_queue, m_spent;
    bool m_finished = false, m_stopped = false;
};

Error cancelled() {
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "caseatlas", "The import was cancelled; nothing was imported."));
}

// Stage 1: the file, mapped, and its header with the columns the dataset must have.
struct OpenedDataset {
    std::unique_ptr<CsvReader> csv;
    Columns columns;
};

Result<OpenedDataset> openDataset(const QString& path, const QString& label, const QString& what,
                                  std::initializer_list<const char*> required) {
    auto opened = CsvReader::open(path);
    if (!opened)
        return opened.error();
    OpenedDataset d{std::move(opened).value(), {}};
    CsvReader& csv = *d.csv;
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
    for (int i = 0; i < csv.columnCount(); ++i) {
        d.columns.index.insert(csv.field(i).trimmed().toByteArray().toLower(), i);
        d.columns.names << text(csv.field(i));
    }
    for (const char* column : required)
        if (d.columns.at(column) < 0)
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate("caseatlas",
                                            "%1 is not %2: the column \"%3\" is missing (line 1).")
                    .arg(name, what, QString::fromLatin1(column)));
    return d;
}

// The dataset ids of a file seen so far, by their UUID (the one thing that makes a row the same
// event in the case, so two ids with one UUID would be one event), each with the line it was on:
// an open-addressed table of the UUID's 128 bits, with no allocation per row. Each row looks at
// one random slot of a table that reaches 48 MB at a million rows, so the table is mapped in
// huge pages where the system gives them (a TLB miss costs more than the cache miss), and comes
// zeroed from the kernel.
class SeenIds {
public:
    SeenIds() = default;
    ~SeenIds() { release(m_slots, m_size); }
    SeenIds(const SeenIds&) = delete;
    SeenIds& operator=(const SeenIds&) = delete;

    // The line `uuid` (36 characters, as datasetUuid writes it) was first seen on, or 0 once it
    // is noted as seen on `line`.
    qint64 note(QByteArrayView uuid, qint64 line) {
        quint64 hi = 0, lo = 0;
        int digitsRead = 0;
        for (const char c : uuid) {
            const int v = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
            if (v < 0)
                continue;
            quint64& half = digitsRead++ < 16 ? hi : lo;
            half = (half << 4) | quint64(v);
        }
        if ((m_used + 1) * 2 > m_size && !m_full && !grow())
            m_full = true; // no more memory could be mapped: new ids go to an ordinary map
        if (m_slots) {
            const size_t mask = m_size - 1;
            for (size_t i = first(hi, lo, mask);; i = (i + 1) & mask) {
                Slot& s = m_slots[i];
                if (s.line == 0) {
                    if (m_full)
                        break; // not in the table
                    s = {hi, lo, line};
                    ++m_used;
                    return 0;
                }
                if (s.hi == hi && s.lo == lo)
                    return s.line;
            }
        }
        const auto [it, added] = m_overflow.try_emplace({hi, lo}, line);
        return added ? 0 : it->second;
    }

private:
    struct Slot {
        quint64 hi = 0, lo = 0;
        qint64 line = 0; // 0: empty (lines count from 1)
    };
    // Where a UUID's search starts (its bits are SHA-1's, so a mix of both halves will do).
    static size_t first(quint64 hi, quint64 lo, size_t mask) {
        return size_t(hi ^ (lo * 0x9E3779B97F4A7C15ull)) & mask;
    }
    static Slot* allocate(size_t table) {
        const size_t bytes = table * sizeof(Slot);
        void* p =
            ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return nullptr;
        if (bytes >= (4u << 20))
            (void)::madvise(p, bytes, MADV_HUGEPAGE); // a hint; ordinary pages otherwise
        return static_cast<Slot*>(p);
    }
    static void release(Slot* table, size_t size) {
        if (table)
            ::munmap(table, size * sizeof(Slot));
    }
    bool grow() {
        const size_t size = std::max<size_t>(1024, m_size * 2);
        Slot* table = allocate(size);
        if (!table)
            return false;
        const size_t mask = size - 1;
        for (size_t k = 0; k < m_size; ++k) {
            const Slot& s = m_slots[k];
            if (s.line == 0)
                continue;
            size_t i = first(s.hi, s.lo, mask);
            while (table[i].line != 0)
                i = (i + 1) & mask;
            table[i] = s;
        }
        release(m_slots, m_size);
        m_slots = table;
        m_size = size;
        return true;
    }
    Slot* m_slots = nullptr;
    size_t m_size = 0, m_used = 0;
    bool m_full = false;
    std::map<std::pair<quint64, quint64>, qint64> m_overflow;
};

// Stage 2, on a thread of its own: rows checked, their names, places and dates numbered, and
// handed over in batches; problems kept for the report (all of them when bad rows are skipped,
// the first twenty otherwise).
struct ReadState {
    QList<ImportProblem> problems;
    qint64 skipped = 0;
    std::atomic<qint64> position{0}; // how far the file was read (for progress, and madvise)
};

void readRows(CsvReader& csv, const Columns& columns, const RowReader& readFields, bool skipBadRows,
              RowQueue& queue, ReadState& state) {
    QList<ImportProblem>& problems = state.problems;
    const int width = int(columns.names.size());
    const Problem problem = [&](int column, const QString& message) {
        problems.append({csv.line(), column + 1,
                         column >= 0 ? columns.names.value(column) : QString(), message});
    };
    Interner actorNumbers, sourceNumbers, tagNumbers, dateNumbers, placeNumbers;
    RowBatch batch = queue.fresh();
    bool failed = false;
    SeenIds seenIds;
    RawRow r;
    QByteArray placeKey, region; // buffers kept from row to row
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
                if (!CsvReader::isValidUtf8(csv.field(c))) {
                    problem(
                        c, QCoreApplication::translate("caseatlas", "the text is not valid UTF-8"));
                    break;
                }
        }
        if (problems.size() == before) {
            r.reset();
            r.line = csv.line();
            readFields(csv, r, problem);
            // One event per dataset id in a file.
            if (const qint64 first = seenIds.note(r.uuid, r.line))
                problem(-1, QCoreApplication::translate("caseatlas",
                                                        "the event id %1 was already on line %2")
                                .arg(QString::fromUtf8(r.eventId))
                                .arg(first));
        }
        if (problems.size() != before) {
            ++state.skipped;
            if (!skipBadRows) {
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
        e.eventIdStays = csv.isMapped(r.eventId);
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
            region.resize(0);
            if (!r.admin1.isEmpty())
                region.append(r.admin1).append(", ");
            region.append(r.country);
            placeKey.resize(0);
            placeKey.append(r.location).append('|').append(region);
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
            state.position = csv.position();
            queue.push(std::move(batch));
            batch = queue.fresh();
        }
    }
    if (!failed)
        queue.push(std::move(batch));
    state.position = csv.size();
    queue.finish();
}

// Stage 3, on the calling thread: what the case has already, by name; the names, places and
// dates of each batch found or made; each row written — a new event through the fast writer,
// an existing one (same dataset id) merged with it and updated if it changed.
class DatasetWriter {
public:
    DatasetWriter(SqliteDatabase& db, const QString& label, bool bulk, Scope* created)
        : m_db(db)
        , m_label(label)
        , m_bulk(bulk)
        , m_created(created)
        , m_memory(db)
        , m_fast(db, label)
        , m_aside(db)
        , m_actors(db)
        , m_sources(db)
        , m_places(db)
        , m_events(db) {}

    Status prepare() {
        // A case still missing lookup indexes (a large import just before, or a crash after
        // one) gets them first: updates look events and their citations up by id.
        if (!m_bulk)
            CA_TRY(buildMissingIndexes(m_db));
        CA_TRY(loadIds());
        if (m_bulk) {
            m_bulkWrite.emplace(m_db, QStringList{u"events"_s, u"event_tags"_s, u"event_actors"_s,
                                                  u"event_values"_s, u"citations"_s});
            CA_TRY(m_bulkWrite->status());
            CA_TRY(m_aside.setAside());
        }
        auto cite = m_db.prepare(u"INSERT INTO citations (event_id, source_id, locator, "
                                 "credibility) VALUES (?, ?, ?, 6)"_s);
        if (!cite)
            return cite.error();
        m_cite.emplace(std::move(cite).value());
        return m_fast.prepare();
    }

    // The ids of the numbered names, places and dates, found or made as they first come.
    Status resolve(RowBatch& b) {
        for (QByteArray& actorName : b.actors) {
            qint64 id = m_knownActors.value(actorName);
            if (!id) {
                Actor a;
                a.name = QString::fromUtf8(actorName);
                a.kind =
                    a.name.contains(u"Military Forces"_s) || a.name.contains(u"Police Forces"_s)
                        ? ActorKind::StateBody
                        : ActorKind::Group;
                auto inserted = m_actors.insert(a);
                if (!inserted)
                    return inserted.error();
                id = inserted.value();
                made([&] { return ActorRepository::scope(id); });
            }
            m_actorIds.push_back(id);
        }
        for (const QByteArray& sourceName : b.sources) {
            qint64 id = m_knownSources.value(sourceName);
            if (!id) {
                Source src;
                src.title = QString::fromUtf8(sourceName);
                src.publisher = src.title;
                src.kind = SourceKind::Report;
                auto inserted = m_sources.insert(src);
                if (!inserted)
                    return inserted.error();
                id = inserted.value();
                made([&] { return SourceRepository::scope(id); });
            }
            m_sourceIds.push_back(id);
        }
        for (const PlaceSeed& seed : b.places) {
            qint64 id = m_knownPlaces.value(seed.name + '|' + seed.region);
            if (!id) {
                Place p;
                p.name = QString::fromUtf8(seed.name);
                p.kind = u"location"_s;
                p.description = QString::fromUtf8(seed.region); // the country and its division
                p.point = GeoPoint{seed.lon, seed.lat};
                auto inserted = m_places.insert(p);
                if (!inserted)
                    return inserted.error();
                id = inserted.value();
                made([&] { return PlaceRepository::scope(id); });
            }
            m_placeIds.push_back(id);
        }
        for (QByteArray& tag : b.tags) {
            const bool known = m_fast.hasTag(tag);
            auto id = m_fast.tagId(tag);
            if (!id)
                return id.error();
            if (!known)
                made([&] { return CatalogRepository::tagScope(id.value()); });
            m_tagIds.push_back(id.value());
            m_tagNames.push_back(std::move(tag));
        }
        for (QByteArray& edtf : b.dates) {
            auto date = FuzzyDate::parse(QString::fromLatin1(edtf));
            if (!date)
                return date.error();
            m_dates.push_back({date.value(),
                               FuzzyDate::gpkgDateTime(date.value().earliest()).toLatin1(),
                               FuzzyDate::gpkgDateTime(date.value().latest()).toLatin1(),
                               date.value().earliest(), date.value().latest()});
            m_dateTexts.push_back(std::move(edtf));
        }
        return {};
    }

    Status write(const EventRow& r) {
        const When& start = m_dates[size_t(r.date)];
        const When* end = r.endDate >= 0 ? &m_dates[size_t(r.endDate)] : nullptr;
        const qint64 placeId = r.place >= 0 ? m_placeIds[size_t(r.place)] : 0;
        m_rowTags.clear();
        m_rowTagNames.clear();
        m_rowActors.clear();
        m_rowSources.clear();
        for (int t : r.tags) {
            m_rowTags.append(m_tagIds[size_t(t)]);
            m_rowTagNames.append(m_tagNames[size_t(t)]);
        }
        for (const auto& [a, role] : r.actors)
            m_rowActors.append(m_actorIds[size_t(a)]);
        for (int source : r.sources)
            m_rowSources.append(m_sourceIds[size_t(source)]);
        const QByteArray uuid = QByteArray::fromRawData(r.uuid.data(), r.uuid.size());
        const auto existing = m_eventIds.isEmpty() ? m_eventIds.cend() : m_eventIds.constFind(uuid);
        if (existing == m_eventIds.cend() && !m_deletedEvents.isEmpty() &&
            m_deletedEvents.contains(uuid)) {
            ++m_report.keptDeleted; // deleted in CaseAtlas: not brought back
            return {};
        }
        if (existing == m_eventIds.cend()) {
            auto id = m_fast.insert(r, m_dateTexts[size_t(r.date)], start,
                                    r.endDate >= 0 ? &m_dateTexts[size_t(r.endDate)] : nullptr, end,
                                    placeId, m_rowTags, m_rowTagNames, m_rowActors, m_rowSources,
                                    r.eventIdStays);
            if (!id)
                return id.error();
            made([&] { return EventRepository::scope(id.value()); });
            if (!m_bulk) // an empty case has no events to update; ids repeat only as problems
                m_eventIds.insert(QByteArray(r.uuid.data(), r.uuid.size()), id.value());
            ++m_report.added;
            return {};
        }
        return update(r, *existing, start, end, placeId);
    }

    // Writes what is still gathered, puts the search triggers back and builds the indexes a
    // bulk write dropped (the lookup ones later, when `deferIndexes`).
    Status finish(bool deferIndexes) {
        CA_TRY(m_fast.flush());
        CA_TRY(m_aside.restore());
        if (m_bulkWrite) {
            m_report.indexesPending = deferIndexes;
            CA_TRY(m_bulkWrite->finish(deferIndexes ? BulkWrite::Rebuild::UniqueOnly
                                                    : BulkWrite::Rebuild::All));
        }
        return {};
    }

    ImportReport& report() { return m_report; }
    ImportMemory& memory() { return m_memory; }
    bool bulk() const { return m_bulkWrite.has_value(); }

private:
    // Notes what was made for the caller's undo scope (the scope is only worked out when asked
    // for: an import from the command line asks for none).
    template <typename MakeScope> void made(MakeScope scope) {
        if (m_created)
            *m_created += scope();
    }

    Status loadIds() {
        auto stmt = m_db.prepare(u"SELECT name, id FROM actors"_s);
        if (!stmt)
            return stmt.error();
        CA_TRY(stmt.value().forEachRow(
            [&](SqliteStatement& s) { m_knownActors.insert(s.text(0).toUtf8(), s.int64(1)); }));
        auto src = m_db.prepare(u"SELECT title, id FROM sources"_s);
        if (!src)
            return src.error();
        CA_TRY(src.value().forEachRow(
            [&](SqliteStatement& s) { m_knownSources.insert(s.text(0).toUtf8(), s.int64(1)); }));
        auto pl =
            m_db.prepare(u"SELECT name || '|' || coalesce(description, ''), fid FROM places"_s);
        if (!pl)
            return pl.error();
        CA_TRY(pl.value().forEachRow(
            [&](SqliteStatement& s) { m_knownPlaces.insert(s.text(0).toUtf8(), s.int64(1)); }));
        auto ev = m_db.prepare(u"SELECT uuid, fid FROM events"_s);
        if (!ev)
            return ev.error();
        CA_TRY(ev.value().forEachRow(
            [&](SqliteStatement& s) { m_eventIds.insert(s.text(0).toUtf8(), s.int64(1)); }));
        auto gone = m_memory.deletedUuids();
        if (!gone)
            return gone.error();
        for (const QString& uuid : gone.value())
            m_deletedEvents.insert(uuid.toLatin1());
        return {};
    }

    // The same event in a newer export: compared, and updated when it changed.
    Status update(const EventRow& r, qint64 id, const When& start, const When* end,
                  qint64 placeId) {
        CA_TRY(m_fast.flush()); // the event read may be one written just before
        Event e;
        e.id = id;
        e.uuid = QString::fromLatin1(QByteArray(r.uuid.data(), r.uuid.size()));
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
        for (QByteArrayView t : m_rowTagNames)
            e.tags << QString::fromUtf8(t);
        for (qsizetype i = 0; i < m_rowActors.size(); ++i)
            e.actors.append({m_rowActors[i], QString::fromLatin1(r.actors[i].second)});
        for (const Value& v : r.values)
            e.values.append({QString::fromLatin1(v.name), v.value, QString::fromLatin1(v.unit)});
        auto old = m_events.load(e.id);
        if (!old)
            return old.error();
        const Event& was = old.value();
        // Three-way: what the dataset changed since it was last imported, not the edits made
        // in CaseAtlas since (see mergeImportedEvent).
        constexpr ImportFields fields = FieldTitle | FieldDescription | FieldStart | FieldEnd |
                                        FieldPoint | FieldPlace | FieldPrecision | FieldTags |
                                        FieldActors | FieldValues;
        auto base = m_memory.base(e.id);
        if (!base)
            return base.error();
        const EventMerge merged = mergeImportedEvent(was, e, base.value(), fields);
        for (ImportConflict c : merged.conflicts) {
            c.line = r.line;
            m_report.conflicts << c;
        }
        if (!merged.matchesFile)
            CA_TRY(m_memory.setBase(e.id, importedFields(e, fields)));
        else if (base.value())
            CA_TRY(m_memory.clearBase(e.id));
        if (merged.changed.isEmpty()) {
            ++m_report.unchanged;
            return {};
        }
        CA_TRY(m_events.update(merged.event));
        if (m_report.changes.size() < ImportReport::kMaxListedChanges)
            m_report.changes.append({r.line, merged.event.title, false, merged.changed});
        CA_TRY(m_db.execute(u"DELETE FROM citations WHERE event_id = ? AND locator LIKE ?"_s,
                            {e.id, m_label + u" %"_s}));
        ++m_report.changed;
        for (qint64 source : m_rowSources) {
            m_cite->reset();
            m_cite->bindAll({e.id, source, m_label + u' ' + QString::fromUtf8(r.eventId)});
            CA_TRY(m_cite->run());
        }
        return {};
    }

    SqliteDatabase& m_db;
    const QString m_label;
    const bool m_bulk;
    Scope* m_created;
    ImportMemory m_memory;
    FastEventWriter m_fast;
    SearchTriggersAside m_aside;
    std::optional<BulkWrite> m_bulkWrite;
    ActorRepository m_actors;
    SourceRepository m_sources;
    PlaceRepository m_places;
    EventRepository m_events;
    std::optional<SqliteStatement> m_cite;
    ImportReport m_report;
    // What the case has already, by name; and the events deleted in it.
    QHash<QByteArray, qint64> m_knownActors, m_knownSources, m_knownPlaces, m_eventIds;
    QSet<QByteArray> m_deletedEvents;
    // The ids of the numbered names, places and dates, in the order of their numbers.
    std::vector<qint64> m_actorIds, m_sourceIds, m_placeIds, m_tagIds;
    std::vector<QByteArray> m_tagNames, m_dateTexts;
    std::vector<When> m_dates;
    // One row's, in buffers kept from row to row.
    QVarLengthArray<qint64, 4> m_rowTags, m_rowActors, m_rowSources;
    QVarLengthArray<QByteArrayView, 4> m_rowTagNames;
};

// Pages of the file already written are let go (they stay in the page cache), so a large file
// does not count twice in memory.
void releaseWritten(const char* mapped, qint64 readUpTo, qint64& released) {
    const qint64 upTo = readUpTo - (8 << 20);
    if (upTo - released <= (32 << 20))
        return;
    const qint64 page = 4096;
    const qint64 from = (released / page) * page, to = (upTo / page) * page;
    if (to > from)
        ::madvise(const_cast<char*>(mapped) + from, size_t(to - from), MADV_DONTNEED);
    released = to;
}

} // namespace

// The pipeline shared by the event datasets. One thread reads and checks the rows (the file
// mapped, fields kept as views into it: readRows), another hashes the file for the custody log,
// and this one writes the good rows in one transaction as they come (DatasetWriter). A bad row
// stops the writing (unless bad rows are to be skipped); the rest of the file is still read for
// a fuller report, and the transaction is rolled back: nothing is half-imported.
Result<ImportReport> importDataset(CaseFile& file, const QString& path, const ImportOptions& o,
                                   const QString& label, const QString& what,
                                   std::initializer_list<const char*> required,
                                   const std::function<RowReader(const Columns&)>& makeReader,
                                   Scope* created) {
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas", "This case is open read-only; nothing was imported."));
    auto opened = openDataset(path, label, what, required);
    if (!opened)
        return opened.error();
    CsvReader& csv = *opened.value().csv;
    const Columns& columns = opened.value().columns;
    const RowReader readFields = makeReader(columns);
    const qint64 fileSize = csv.size();

    SqliteDatabase& db = file.db();
    auto existingEvents = db.count(u"SELECT count(*) FROM events"_s);
    if (!existingEvents)
        return existingEvents.error();
    // Into an empty case: foreign keys unchecked, secondary indexes built once at the end, the
    // search triggers set aside. A re-import reads existing events as it goes and keeps them.
    const bool bulk = existingEvents.value() == 0;
    const bool ownTransaction = !db.inTransaction(); // otherwise the caller's (an undo step)
    if (o.preview && !ownTransaction)
        return makeError(ErrorCode::InvalidInput,
                         u"A preview of an import runs in a transaction of its own."_s);
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
    RowQueue queue;
    ReadState read;
    std::jthread reader([&] { readRows(csv, columns, readFields, o.skipBadRows, queue, read); });
    auto stopReading = [&] {
        queue.stop();
        RowBatch rest;
        while (queue.pop(rest)) {
        }
        reader.join();
    };
    // Every return below stops the reader first; its rows point into the mapped file.
    auto failed = [&](const Error& e) {
        stopReading();
        return e;
    };

    std::optional<SqliteTransaction> tx;
    if (ownTransaction) {
        tx.emplace(db);
        if (!tx->status())
            return failed(tx->status().error());
    }
    DatasetWriter writer(db, label, bulk, created);
    if (Status s = writer.prepare(); !s)
        return failed(s.error());
    RowBatch batch;
    qint64 released = 0; // the mapped bytes before this were written and let go
    while (queue.pop(batch)) {
        if (Status s = writer.resolve(batch); !s)
            return failed(s.error());
        for (const EventRow& r : batch.rows)
            if (Status s = writer.write(r); !s)
                return failed(s.error());
        releaseWritten(csv.bytes().data(), read.position.load(), released);
        if (o.progress && !o.progress(std::min(read.position.load(), fileSize), fileSize))
            return failed(cancelled());
        queue.giveBack(std::move(batch)); // nothing written keeps a view into its rows
        batch = {};
    }
    reader.join();
    CA_TRY(csv.finish()); // the whole file, as it was when the import began
    if (!read.problems.isEmpty() && !o.skipBadRows)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 has rows that cannot be imported; nothing was imported. Fix them, "
                             "or import with the bad rows skipped.")
                             .arg(QDir::toNativeSeparators(path)),
                         firstProblems(read.problems, path));

    // Stage 4: the indexes, the custody log, what the import leaves for the next one, commit.
    ImportReport& report = writer.report();
    report.problems = read.problems;
    report.skipped = read.skipped;
    CA_TRY(writer.finish(ownTransaction && report.added >= o.deferIndexesFrom));
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
    CA_TRY(writer.memory().recordImport({label.toLower(),
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

} // namespace datasets

using namespace datasets;

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

} // namespace caseatlas
