#include "store/searchindex.h"

#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

constexpr qint64 kKindShift = 40;
constexpr int kBatch = 2000;
// Records per statement when written in bulk. FTS5 writes what it gathered as a new segment at
// every statement, and once 16 pile up on a level it merges them all ('crisismerge'): at a
// million records in statements of 20,000, three merges of 320,000 records' worth, a fifth of
// the time. So a large build takes its records in at most kBulkStatements statements (with
// those of the other kinds, fewer than 16), of kBulk to kMaxBulk records; committed a chunk
// at a time, a statement holds the write lock for about a second at a million records (edits
// in the window wait for it).
constexpr qint64 kBulk = 20000;
constexpr qint64 kMaxBulk = 100000;
constexpr qint64 kBulkStatements = 11;
constexpr qint64 kLarge = 10000;          // records waiting that make an update a large one
constexpr int kBulkHashSize = 32 << 20;   // bytes of tokens an index gathers before a flush
constexpr int kDefaultHashSize = 1 << 20; // FTS5's own defaults
constexpr int kDefaultAutomerge = 4;
const SearchKind kOrder[] = {SearchKind::Event,  SearchKind::Quote, SearchKind::Note,
                             SearchKind::Source, SearchKind::Actor, SearchKind::Place};

qint64 rowidOf(SearchKind kind, qint64 id) {
    return (qint64(kind) << kKindShift) + id;
}

// Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, CJK.
bool unspaced(uint c) {
    return c >= 0x0E00 &&
           ((c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF) ||
            (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
            (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
            (c >= 0xA9E0 && c <= 0xA9FF) || (c >= 0xAA60 && c <= 0xAA7F) ||
            (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F));
}

QString fromCodePoints(const uint* p, qsizetype n) {
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(p), n);
}

// An FTS5 string: double quotes around, inner quotes doubled.
QString ftsString(const QString& s) {
    return u'"' + QString(s).replace(u'"', u"\"\""_s) + u'"';
}

} // namespace

QString searchKindKey(SearchKind kind) {
    switch (kind) {
    case SearchKind::Event:
        return u"event"_s;
    case SearchKind::Source:
        return u"source"_s;
    case SearchKind::Quote:
        return u"quote"_s;
    case SearchKind::Note:
        return u"note"_s;
    case SearchKind::Actor:
        return u"actor"_s;
    case SearchKind::Place:
        return u"place"_s;
    }
    return {};
}

namespace {

// A character of a word as the short index's tokenizer takes it (unicode61 with the categories
// L* N* Co M*): letters, digits, private use and combining marks.
bool tokenChar(char32_t c) {
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

char32_t folded(char32_t c) {
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    return QChar::toCaseFolded(c);
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// UTF-8 to code points; a byte that starts no valid sequence becomes U+FFFD.
void decodeUtf8(const char* p, size_t n, std::vector<char32_t>& out) {
    out.clear();
    out.reserve(n);
    const auto* s = reinterpret_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n;) {
        const unsigned char b = s[i];
        const int extra = b < 0x80           ? 0
                          : (b >> 5) == 0x6  ? 1
                          : (b >> 4) == 0xE  ? 2
                          : (b >> 3) == 0x1E ? 3
                                             : -1;
        bool ok = extra >= 0 && i + size_t(extra) < n;
        char32_t c = extra == 0 ? b : extra == 1 ? b & 0x1F : extra == 2 ? b & 0x0F : b & 0x07;
        for (int k = 1; ok && k <= extra; ++k) {
            ok = (s[i + size_t(k)] & 0xC0) == 0x80;
            c = (c << 6) | (s[i + size_t(k)] & 0x3F);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(c);
        i += size_t(extra) + 1;
    }
}

// The tokens met so far in one text, as (first << 32 | second): an open-addressed table whose
// slots carry the number of the text that filled them, so that the next text clears nothing and
// allocates nothing (a record's words are looked up once each, millions of times in a build).
class MetTokens {
public:
    // Begins a text of `length` code points (it has at most that many distinct tokens).
    void begin(size_t length) {
        size_t size = 64;
        while (size < 2 * length + 2)
            size *= 2;
        if (m_keys.size() < size) {
            m_keys.assign(size, 0);
            m_texts.assign(size, 0);
            m_text = 0;
        }
        if (++m_text == 0) { // the numbers came round: every slot empty again
            std::fill(m_texts.begin(), m_texts.end(), 0);
            m_text = 1;
        }
        m_mask = size - 1;
    }
    // False when the token was met before in this text.
    bool insert(quint64 key) {
        size_t i = size_t((key * 0x9E3779B97F4A7C15ULL) >> 32) & m_mask;
        while (m_texts[i] == m_text) {
            if (m_keys[i] == key)
                return false;
            i = (i + 1) & m_mask;
        }
        m_texts[i] = m_text;
        m_keys[i] = key;
        return true;
    }

private:
    std::vector<quint64> m_keys;
    std::vector<quint32> m_texts;
    quint32 m_text = 0;
    size_t m_mask = 0;
};

// The short index's tokens for a text given as code points, as UTF-8: each distinct word cut to
// its first two characters, each distinct pair of a run of an unspaced script and the run's
// last character; folded, separated by spaces, in the order first met.
void shortTokensOf(const std::vector<char32_t>& cps, std::string& out) {
    thread_local MetTokens met;
    met.begin(cps.size());
    out.clear();
    auto add = [&](char32_t a, char32_t b) {
        a = folded(a);
        b = b ? folded(b) : 0;
        if (!met.insert((quint64(a) << 32) | b))
            return;
        if (!out.empty())
            out += ' ';
        appendUtf8(out, a);
        if (b)
            appendUtf8(out, b);
    };
    const size_t n = cps.size();
    for (size_t i = 0; i < n;) {
        if (unspaced(cps[i])) {
            size_t end = i;
            while (end < n && unspaced(cps[end]))
                ++end;
            for (size_t j = i; j + 1 < end; ++j)
                add(cps[j], cps[j + 1]);
            add(cps[end - 1], 0);
            i = end;
        } else if (tokenChar(cps[i])) {
            size_t end = i;
            while (end < n && tokenChar(cps[end]) && !unspaced(cps[end]))
                ++end;
            add(cps[i], end - i > 1 ? cps[i + 1] : 0);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace

namespace {

// The short index as schema 10 made it (resources/schema/0010_search_records.sql).
const QString kShortIndexSql =
    u"CREATE VIRTUAL TABLE search_short USING fts5(title, body, content = '', tokenize = "
    "'unicode61 remove_diacritics 0 categories ''L* N* Co M*''', detail = none, "
    "columnsize = 0)"_s;

// The short index of a large first build, written on a second core: the trigram statement of
// the bulk path hands each record it writes to a thread that tokenizes it and writes it into an
// identical search_short of an in-memory database; when the text is all committed, that index
// replaces the case's. Until then a marker in search_dirty (kind 0, id 0) says the case's short
// index is behind its text: searches read the text instead, and whoever updates the index next
// rebuilds it from the text (a crash mid-build loses nothing).
class ParallelShortIndex {
public:
    // Records as handed over: their texts one after another in one string (no allocation per
    // record on the writing thread).
    struct Batch {
        struct Entry {
            qint64 rowid;
            size_t titleBytes, bodyBytes;
        };
        std::vector<Entry> entries;
        std::string text;
    };

    ~ParallelShortIndex() { stopWorker(); }

    // A thread with its own index, made by `createSql`.
    static Result<std::unique_ptr<ParallelShortIndex>> start(const QString& createSql) {
        auto db = SqliteDatabase::openMemory();
        if (!db)
            return db.error();
        std::unique_ptr<ParallelShortIndex> p(new ParallelShortIndex(std::move(db.value())));
        CA_TRY(p->m_db.exec(createSql));
        CA_TRY(p->m_db.execute(u"INSERT INTO search_short (search_short, rank) VALUES "
                               "('automerge', 0), ('hashsize', ?)"_s,
                               {kBulkHashSize}));
        CA_TRY(p->m_db.exec(u"BEGIN"_s));
        p->m_thread = std::thread([raw = p.get()] { raw->run(); });
        return p;
    }

    // One record written by the bulk statement (on the writing thread).
    void add(qint64 rowid, const char* title, int titleBytes, const char* body, int bodyBytes) {
        titleBytes = title ? titleBytes : 0;
        bodyBytes = body ? bodyBytes : 0;
        m_pending.entries.push_back({rowid, size_t(titleBytes), size_t(bodyBytes)});
        m_pending.text.append(title ? title : "", size_t(titleBytes));
        m_pending.text.append(body ? body : "", size_t(bodyBytes));
        ++m_count;
        m_sum += rowid & kIdMask;
    }

    // Passes what was added since the last call to the thread; waits while one batch is still
    // waiting (memory stays at three chunks of text). False when the thread failed.
    bool hand() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_queue.empty() || !m_failed.isEmpty(); });
        if (!m_failed.isEmpty())
            return false;
        const size_t textBytes = m_pending.text.size(), entries = m_pending.entries.size();
        if (entries > 0)
            m_queue.push_back(std::move(m_pending));
        m_pending = {};
        m_pending.text.reserve(textBytes); // the next chunk is about as large
        m_pending.entries.reserve(entries);
        m_ready.notify_all();
        return true;
    }

    // Waits for the thread to write everything handed to it, then, in one transaction of the
    // case at `path`, puts its index in place of the case's and takes the marker away, provided
    // the case's text is still exactly what the thread indexed. Returns whether it did; when it
    // did not, the marker stays and the caller rebuilds the short index from the text.
    Result<bool> finishInto(const QString& path) {
        if (!hand())
            return makeError(ErrorCode::Database, u"Could not build the search index."_s, m_failed);
        stopWorker();
        if (!m_failed.isEmpty())
            return makeError(ErrorCode::Database, u"Could not build the search index."_s, m_failed);
        CA_TRY(m_db.exec(u"COMMIT"_s));
        // FTS5's own tables are read-only to SQL in defensive mode; this connection holds
        // nothing but the index it built, and checks the case's triggers before it writes.
        sqlite3_db_config(m_db.handle(), SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
        CA_TRY(m_db.execute(u"ATTACH DATABASE ? AS c"_s, {path}));
        auto replaced = replaceIn();
        (void)m_db.exec(u"ROLLBACK"_s); // after a COMMIT, a no-op
        (void)m_db.exec(u"DETACH DATABASE c"_s);
        return replaced;
    }

private:
    explicit ParallelShortIndex(SqliteDatabase db)
        : m_db(std::move(db)) {}

    Result<bool> replaceIn() {
        CA_TRY(m_db.exec(u"BEGIN IMMEDIATE"_s));
        auto marker =
            m_db.count(u"SELECT count(*) FROM c.search_dirty WHERE kind = 0 AND id = 0"_s);
        if (!marker)
            return marker.error();
        // (none of CaseAtlas's is on a table this writes; another's would run unchecked here)
        auto triggers = m_db.count(u"SELECT count(*) FROM c.sqlite_master WHERE type = "
                                   "'trigger' AND tbl_name LIKE 'search%'"_s);
        if (!triggers)
            return triggers.error();
        auto text =
            m_db.prepare(u"SELECT count(*), coalesce(sum(id & ?), 0) FROM c.search_text_content"_s);
        if (!text)
            return text.error();
        text.value().bind(1, kIdMask);
        auto row = text.value().step();
        if (!row)
            return row.error();
        const bool same =
            row.value() && text.value().int64(0) == m_count && text.value().int64(1) == m_sum;
        text.value().reset();
        if (marker.value() != 1 || triggers.value() != 0 || !same)
            return false;
        CA_TRY(m_db.exec(u"DELETE FROM c.search_short_data; "
                         "INSERT INTO c.search_short_data SELECT * FROM main.search_short_data; "
                         "DELETE FROM c.search_short_idx; "
                         "INSERT INTO c.search_short_idx SELECT * FROM main.search_short_idx; "
                         "DELETE FROM c.search_dirty WHERE kind = 0 AND id = 0; COMMIT"_s));
        return true;
    }

    void run() {
        auto insert =
            m_db.prepare(u"INSERT INTO search_short (rowid, title, body) VALUES (?, ?, ?)"_s);
        std::vector<char32_t> cps;
        std::string title, body;
        for (;;) {
            Batch batch;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [&] { return !m_queue.empty() || m_closing; });
                if (m_queue.empty())
                    return;
                batch = std::move(m_queue.front());
                m_queue.pop_front();
                m_ready.notify_all();
            }
            QString failure;
            if (!insert)
                failure = insert.error().fullText();
            const char* text = batch.text.data();
            for (const Batch::Entry& r : batch.entries) {
                if (!failure.isEmpty())
                    break;
                decodeUtf8(text, r.titleBytes, cps);
                shortTokensOf(cps, title);
                text += r.titleBytes;
                decodeUtf8(text, r.bodyBytes, cps);
                shortTokensOf(cps, body);
                text += r.bodyBytes;
                SqliteStatement& s = insert.value();
                s.bind(1, r.rowid);
                sqlite3_bind_text(s.handle(), 2, title.data(), int(title.size()), SQLITE_STATIC);
                sqlite3_bind_text(s.handle(), 3, body.data(), int(body.size()), SQLITE_STATIC);
                if (auto done = s.run(); !done)
                    failure = done.error().fullText();
                s.reset();
            }
            if (!failure.isEmpty()) {
                std::lock_guard lock(m_mutex);
                m_failed = failure;
                m_queue.clear();
                m_ready.notify_all();
                return;
            }
        }
    }

    void stopWorker() {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
            m_ready.notify_all();
        }
        if (m_thread.joinable())
            m_thread.join();
    }

    SqliteDatabase m_db; // the thread's until it is joined
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Batch> m_queue;
    bool m_closing = false;
    QString m_failed;
    Batch m_pending;                                                 // the writing thread's
    static constexpr qint64 kIdMask = (qint64(1) << kKindShift) - 1; // a row id's record id
    qint64 m_count = 0, m_sum = 0; // records added and the sum of their record ids
};

// While an update builds the short index on a second core, the SQL function that feeds it
// (caseatlas_short_feed(rowid, title, body) gives the body back); taken away as the update
// ends, whichever way.
class FeedRegistration {
public:
    FeedRegistration(sqlite3* db, ParallelShortIndex* index)
        : m_db(db) {
        sqlite3_create_function_v2(
            db, "caseatlas_short_feed", 3, SQLITE_UTF8 | SQLITE_DIRECTONLY, index,
            [](sqlite3_context* context, int, sqlite3_value** argv) {
                auto* self = static_cast<ParallelShortIndex*>(sqlite3_user_data(context));
                const auto* title = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
                const int titleBytes = sqlite3_value_bytes(argv[1]);
                const auto* body = reinterpret_cast<const char*>(sqlite3_value_text(argv[2]));
                const int bodyBytes = sqlite3_value_bytes(argv[2]);
                self->add(sqlite3_value_int64(argv[0]), title, titleBytes, body, bodyBytes);
                sqlite3_result_value(context, argv[2]);
            },
            nullptr, nullptr, nullptr);
    }
    ~FeedRegistration() {
        sqlite3_create_function_v2(m_db, "caseatlas_short_feed", 3, SQLITE_UTF8, nullptr, nullptr,
                                   nullptr, nullptr, nullptr);
    }
    FeedRegistration(const FeedRegistration&) = delete;
    FeedRegistration& operator=(const FeedRegistration&) = delete;

private:
    sqlite3* m_db;
};

} // namespace

QString SearchIndex::shortTokens(const QString& text) {
    const QList<uint> ucs4 = text.toUcs4();
    std::vector<char32_t> cps(ucs4.cbegin(), ucs4.cend());
    std::string out;
    shortTokensOf(cps, out);
    return QString::fromUtf8(out.data(), qsizetype(out.size()));
}

Result<std::optional<SearchIndex::IndexedText>> SearchIndex::textRow(const QString& sql,
                                                                     qint64 id) {
    auto text = m_db.cached(sql);
    if (!text)
        return text.error();
    text.value()->bind(1, id);
    auto row = text.value()->step();
    if (!row)
        return row.error();
    std::optional<IndexedText> out;
    if (row.value())
        out = IndexedText{text.value()->text(0), text.value()->text(1)};
    text.value()->reset();
    return out;
}

Result<std::optional<SearchIndex::IndexedText>> SearchIndex::indexedText(qint64 rowid) {
    // Straight from the index's content table: a b-tree lookup, not a full-text query.
    return textRow(u"SELECT c0, c1 FROM search_text_content WHERE id = ?"_s, rowid);
}

Result<qint64> SearchIndex::pending(qint64 atMost) {
    const qint64 limit = atMost < 0 ? std::numeric_limits<qint64>::max() : atMost;
    auto listed =
        m_db.count(u"SELECT count(*) FROM (SELECT 1 FROM search_dirty WHERE kind <> ? LIMIT ?)"_s,
                   {EventsAfterKind, limit});
    if (!listed)
        return listed.error();
    // The events noted in bulk, counted by their ids (a range of the table, not a list).
    auto noted = m_db.count(u"SELECT count(*) FROM (SELECT 1 FROM events WHERE fid > (SELECT "
                            "min(id) FROM search_dirty WHERE kind = ?) LIMIT ?)"_s,
                            {EventsAfterKind, limit});
    if (!noted)
        return noted.error();
    return std::min(limit, listed.value() + noted.value());
}

Status SearchIndex::noteEventsAfter(SqliteDatabase& db, qint64 fid) {
    CA_TRY(db.execute(u"INSERT OR IGNORE INTO search_dirty (kind, id) VALUES (?, ?)"_s,
                      {EventsAfterKind, fid}));
    return {};
}

Status SearchIndex::listEventsAfter() {
    auto noted =
        m_db.count(u"SELECT count(*) FROM search_dirty WHERE kind = ?"_s, {EventsAfterKind});
    if (!noted)
        return noted.error();
    if (noted.value() == 0)
        return {};
    std::optional<SqliteTransaction> tx;
    if (!m_db.inTransaction()) {
        tx.emplace(m_db);
        CA_TRY(tx->status());
    }
    CA_TRY(m_db.execute(u"INSERT OR IGNORE INTO search_dirty (kind, id) SELECT 1, fid FROM "
                        "events WHERE fid > (SELECT min(id) FROM search_dirty WHERE kind = ?) "
                        "ORDER BY fid"_s,
                        {EventsAfterKind}));
    CA_TRY(m_db.execute(u"DELETE FROM search_dirty WHERE kind = ?"_s, {EventsAfterKind}));
    return tx ? tx->commit() : Status();
}

Result<bool> SearchIndex::shortIndexBehind() {
    auto marker = m_db.count(u"SELECT count(*) FROM search_dirty WHERE kind = 0 AND id = 0"_s);
    if (!marker)
        return marker.error();
    return marker.value() > 0;
}

Status SearchIndex::catchUpShort() {
    CA_TRY(m_db.execute(u"INSERT INTO search_short (search_short) VALUES ('delete-all')"_s));
    CA_TRY(m_db.execute(u"INSERT INTO search_short (rowid, title, body) SELECT id, "
                        "caseatlas_short_tokens(c0), caseatlas_short_tokens(c1) FROM "
                        "search_text_content"_s));
    CA_TRY(m_db.execute(u"DELETE FROM search_dirty WHERE kind = 0 AND id = 0"_s));
    return {};
}

Result<qint64> SearchIndex::update(const std::function<bool(qint64, qint64)>& progress,
                                   qint64 commitEvery) {
    CA_TRY(listEventsAfter());
    auto total = pending();
    if (!total)
        return total.error();
    if (total.value() == 0)
        return qint64(0);
    std::optional<SqliteTransaction> tx;
    if (!m_db.inTransaction()) {
        tx.emplace(m_db);
        CA_TRY(tx->status());
    }
    // What each kind of record gives the index: (title, body) of a row of `from`.
    struct Source {
        const char16_t *from, *id, *title, *body, *where;
    };
    static const Source sources[] = {
        {},
        {u"events", u"fid", u"title",
         u"coalesce(description, '') || char(10) || coalesce(tags, '')", u"1"},
        {u"sources", u"id", u"title",
         u"coalesce(author, '') || char(10) || coalesce(publisher, '') || char(10) || "
         u"coalesce(url, '') || char(10) || coalesce(notes, '')",
         u"1"},
        // a citation without a quote has nothing to find
        {u"citations", u"id", u"''", u"quote || char(10) || coalesce(locator, '')",
         u"coalesce(quote, '') <> ''"},
        {u"notes", u"id", u"title", u"body", u"1"},
        {u"actors a", u"id", u"name",
         u"coalesce((SELECT group_concat(name, char(10)) FROM actor_aliases WHERE actor_id = "
         u"a.id), "
         u"'') || char(10) || coalesce(description, '')",
         u"1"},
        {u"places p", u"fid", u"name",
         u"coalesce((SELECT group_concat(name, char(10)) FROM place_aliases WHERE place_id = "
         u"p.fid), "
         u"'') || char(10) || coalesce(country_code, '') || char(10) || coalesce(description, '')",
         u"1"},
    };
    // One record's text, by kind (built once: the loop below runs once per record).
    static const std::array<QString, 7> textOf = [] {
        std::array<QString, 7> sql;
        for (int kind = 1; kind <= 6; ++kind) {
            const Source& k = sources[kind];
            sql[size_t(kind)] = u"SELECT %1, %2 FROM %3 WHERE %4 = ? AND %5"_s.arg(
                QString::fromUtf16(k.title), QString::fromUtf16(k.body), QString::fromUtf16(k.from),
                QString::fromUtf16(k.id), QString::fromUtf16(k.where));
        }
        return sql;
    }();
    // The word/pair tokens as an SQL function of this connection, for the bulk path below.
    sqlite3_create_function_v2(
        m_db.handle(), "caseatlas_short_tokens", 1,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, nullptr,
        [](sqlite3_context* context, int, sqlite3_value** argv) {
            thread_local std::vector<char32_t> cps;
            thread_local std::string tokens;
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
            decodeUtf8(text, text ? size_t(sqlite3_value_bytes(argv[0])) : 0, cps);
            shortTokensOf(cps, tokens);
            sqlite3_result_text(context, tokens.data(), int(tokens.size()), SQLITE_TRANSIENT);
        },
        nullptr, nullptr, nullptr);
    // A large update leaves merging the indexes' segments for later (FTS5 would merge them as
    // each chunk is written, half of the time at a million records; at most 16 pile up on a
    // level before they are merged) and flushes a chunk's tokens as one segment. Put back as
    // it finishes; small updates (an edit) change nothing.
    auto behind = shortIndexBehind();
    if (!behind)
        return behind.error();
    const bool large = total.value() >= kLarge || behind.value();
    auto ftsSettings = [&](int automerge, int hashSize) -> Status {
        for (const QString& table : {u"search_text"_s, u"search_short"_s})
            CA_TRY(m_db.execute(u"INSERT INTO %1 (%1, rank) VALUES ('automerge', ?), "
                                "('hashsize', ?)"_s.arg(table),
                                {automerge, hashSize}));
        return {};
    };
    if (large) {
        CA_TRY(ftsSettings(0, kBulkHashSize));
    } else {
        // A large update stopped short (a crash) left them set: put them back.
        auto merging = m_db.scalar(u"SELECT v FROM search_text_config WHERE k = 'automerge'"_s);
        if (!merging)
            return merging.error();
        if (merging.value().isValid() && merging.value().toInt() == 0)
            CA_TRY(ftsSettings(kDefaultAutomerge, kDefaultHashSize));
    }
    auto finish = [&]() -> Status {
        if (large)
            CA_TRY(ftsSettings(kDefaultAutomerge, kDefaultHashSize));
        if (tx)
            CA_TRY(tx->commit());
        return {};
    };
    qint64 done = 0, committed = 0;
    if (behind.value()) {
        CA_TRY(catchUpShort());
        done = 1;
    }
    // Commits what was done so far when the transaction is this function's and enough was.
    auto commitChunk = [&]() -> Status {
        if (!tx || commitEvery <= 0 || done - committed < commitEvery)
            return {};
        CA_TRY(tx->commit());
        committed = done;
        tx.emplace(m_db);
        return tx->status();
    };
    // Records above the highest of their kind in the index have no text in it yet (a fresh
    // import, a case indexed for the first time): they are written a chunk at a time by one
    // statement per index, not one record at a time. The rest go through the loop below.
    const bool chunked = tx && commitEvery > 0;
    std::array<qint64, 7> indexedUpTo{}; // per kind: ids above this are not indexed
    qint64 fresh = 0;                    // records waiting above them
    const bool onDisk = !m_db.path().isEmpty() && m_db.path() != u":memory:"_s;
    for (int kind = 1; kind <= 6; ++kind) {
        const qint64 base = qint64(kind) << kKindShift;
        auto highest = m_db.scalar(
            u"SELECT coalesce(max(rowid), ?) FROM search_text WHERE rowid BETWEEN ? AND ?"_s,
            {base, base, base + (qint64(1) << kKindShift) - 1});
        if (!highest)
            return highest.error();
        indexedUpTo[size_t(kind)] = highest.value().toLongLong() - base;
        if (large) {
            auto above =
                m_db.count(u"SELECT count(*) FROM search_dirty WHERE kind = ? AND id > ?"_s,
                           {kind, indexedUpTo[size_t(kind)]});
            if (!above)
                return above.error();
            fresh += above.value();
        }
    }
    const qint64 bulk = std::clamp((fresh + kBulkStatements - 1) / kBulkStatements, kBulk,
                                   kMaxBulk); // records per statement
    // Many new records, committed a chunk at a time to a file: the short index is written on a
    // second core meanwhile (see ParallelShortIndex), unless the case holds more text already
    // than is new (the thread would index all of it again).
    std::unique_ptr<ParallelShortIndex> parallel;
    std::optional<FeedRegistration> feed;
    bool shortLater = false; // the short index is brought up to date after the bulk writes
    if (fresh >= kLarge && chunked && onDisk) {
        auto existing = m_db.count(u"SELECT count(*) FROM search_text_content"_s);
        if (!existing)
            return existing.error();
        auto createSql = m_db.scalar(
            u"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_short'"_s);
        if (!createSql)
            return createSql.error();
        // Only the index schema 10 made: the thread's must be the same, and nothing else runs.
        if (existing.value() <= fresh &&
            createSql.value().toString().simplified() == kShortIndexSql.simplified()) {
            if (auto started = ParallelShortIndex::start(kShortIndexSql)) {
                parallel = std::move(started.value());
                feed.emplace(m_db.handle(), parallel.get());
                shortLater = true;
                CA_TRY(
                    m_db.execute(u"INSERT OR IGNORE INTO search_dirty (kind, id) VALUES (0, 0)"_s));
                auto fed = m_db.scalar(u"SELECT count(caseatlas_short_feed(id, c0, c1)) FROM "
                                       "search_text_content"_s);
                if (!fed)
                    return fed.error();
                if (!parallel->hand()) {
                    feed.reset();
                    parallel.reset(); // the short index is rebuilt from the text below
                }
            } // without a thread, the short index is written here as before
        }
    }
    // Puts the thread's short index in place (the text committed first), or else rebuilds the
    // case's from the text when `catchUp` says to; with neither, the marker stays for later.
    auto placeShort = [&](bool catchUp) -> Status {
        feed.reset();
        bool placed = false;
        if (parallel) { // (only ever in this function's own transaction)
            CA_TRY(tx->commit());
            committed = done;
            auto put = parallel->finishInto(m_db.path());
            placed = put && put.value();
            parallel.reset();
            tx.emplace(m_db);
            CA_TRY(tx->status());
        }
        if (!placed && catchUp)
            CA_TRY(catchUpShort());
        shortLater = false;
        return {};
    };
    for (int kind = 1; kind <= 6; ++kind) {
        const qint64 base = qint64(kind) << kKindShift;
        qint64 after = indexedUpTo[size_t(kind)];
        const Source& k = sources[kind];
        const QString body = QString::fromUtf16(k.body);
        const QString bodyWritten = shortLater
                                        ? u"caseatlas_short_feed(%1 + %2, %3, %4)"_s.arg(
                                              QString::number(base), QString::fromUtf16(k.id),
                                              QString::fromUtf16(k.title), body)
                                        : body;
        const QString write =
            u"INSERT INTO search_text (rowid, title, body) SELECT %1 + %2, %3, %4 FROM %5 "
            "WHERE %2 > ?1 AND %2 <= ?2 AND %2 IN (SELECT id FROM search_dirty WHERE kind = %6 "
            "AND id > ?1 AND id <= ?2) AND %7"_s
                .arg(QString::number(base), QString::fromUtf16(k.id), QString::fromUtf16(k.title),
                     bodyWritten, QString::fromUtf16(k.from))
                .arg(kind)
                .arg(QString::fromUtf16(k.where));
        for (;;) {
            auto last = m_db.scalar(u"SELECT max(id) FROM (SELECT id FROM search_dirty WHERE kind "
                                    "= ? AND id > ? ORDER BY id LIMIT ?)"_s,
                                    {kind, after, bulk});
            if (!last)
                return last.error();
            if (last.value().isNull())
                break;
            const qint64 upTo = last.value().toLongLong();
            if (shortLater) // (again: another writer may have rebuilt the index meanwhile)
                CA_TRY(
                    m_db.execute(u"INSERT OR IGNORE INTO search_dirty (kind, id) VALUES (0, 0)"_s));
            CA_TRY(m_db.execute(write, {after, upTo}));
            if (parallel && !parallel->hand()) {
                feed.reset(); // the thread failed: the short index is rebuilt from the text
                parallel.reset();
            }
            if (!shortLater)
                CA_TRY(
                    m_db.execute(u"INSERT INTO search_short (rowid, title, body) SELECT rowid, "
                                 "caseatlas_short_tokens(title), caseatlas_short_tokens(body) FROM "
                                 "search_text WHERE rowid > ? AND rowid <= ?"_s,
                                 {base + after, base + upTo}));
            auto cleared =
                m_db.execute(u"DELETE FROM search_dirty WHERE kind = ? AND id > ? AND id <= ?"_s,
                             {kind, after, upTo});
            if (!cleared)
                return cleared.error();
            done += cleared.value();
            after = upTo;
            CA_TRY(commitChunk());
            if (progress && !progress(done, total.value())) {
                // What was committed gets its short index; else the marker stays.
                CA_TRY(placeShort(false));
                CA_TRY(finish());
                return done;
            }
        }
    }
    if (shortLater)
        CA_TRY(placeShort(true));
    for (;;) {
        QList<std::pair<int, qint64>> batch;
        {
            auto dirty = m_db.cached(
                u"SELECT kind, id FROM search_dirty WHERE kind BETWEEN 1 AND 6 ORDER BY kind, id "
                "LIMIT %1"_s.arg(kBatch));
            if (!dirty)
                return dirty.error();
            CA_TRY(dirty.value()->forEachRow([&](SqliteStatement& s) {
                batch.append({int(s.int64(0)), s.int64(1)});
            }));
            dirty.value()->reset();
        }
        if (batch.isEmpty())
            break;
        for (const auto& [kind, id] : batch) {
            const qint64 rowid = (qint64(kind) << kKindShift) + id;
            // Out with the old text (the short index needs it back to delete) …
            auto old = indexedText(rowid);
            if (!old)
                return old.error();
            if (old.value()) {
                CA_TRY(m_db.execute(u"DELETE FROM search_text WHERE rowid = ?"_s, {rowid}));
                CA_TRY(m_db.execute(
                    u"INSERT INTO search_short (search_short, rowid, title, body) "
                    "VALUES ('delete', ?, ?, ?)"_s,
                    {rowid, shortTokens(old.value()->title), shortTokens(old.value()->body)}));
            }
            // … and in with the new, if the record still exists.
            if (kind >= 1 && kind <= 6) {
                auto now = textRow(textOf[size_t(kind)], id);
                if (!now)
                    return now.error();
                if (now.value()) {
                    const IndexedText& text = *now.value();
                    CA_TRY(m_db.execute(
                        u"INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)"_s,
                        {rowid, text.title, text.body}));
                    CA_TRY(m_db.execute(
                        u"INSERT INTO search_short (rowid, title, body) VALUES (?, ?, ?)"_s,
                        {rowid, shortTokens(text.title), shortTokens(text.body)}));
                }
            }
            CA_TRY(
                m_db.execute(u"DELETE FROM search_dirty WHERE kind = ? AND id = ?"_s, {kind, id}));
        }
        done += batch.size();
        CA_TRY(commitChunk());
        if (progress && !progress(done, total.value()))
            break;
    }
    CA_TRY(finish());
    return done;
}

namespace {

// One word of a query. A long term (three code points or more) is looked up in the trigram
// index by trigrams that cover it, a short one in the word/pair index as one exact pair or as
// the words and pairs that begin with it; either way the candidates' text is then checked.
struct Term {
    QString text;
    bool isShort = false;
    QStringList tokens; // short terms: folded tokens to find
    bool prefix = false;
};

bool wordChar(QChar c) {
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing ||
           c.category() == QChar::Mark_SpacingCombining || c.category() == QChar::Mark_Enclosing ||
           c.category() == QChar::Other_PrivateUse;
}

// Whether `term` occurs in a text, by the index's own rules: a long term or a pair anywhere
// (case aside); a prefix at the start of a word, or anywhere in an unspaced script.
bool occursIn(const Term& term, const QString& text) {
    if (!term.isShort || !term.prefix)
        return text.contains(term.text, Qt::CaseInsensitive);
    for (const QString& want : term.tokens) {
        const bool unspacedToken = unspaced(want.toUcs4().value(0));
        bool found = false;
        for (qsizetype at = text.indexOf(want, 0, Qt::CaseInsensitive); at >= 0 && !found;
             at = text.indexOf(want, at + 1, Qt::CaseInsensitive))
            found = unspacedToken || at == 0 || !wordChar(text.at(at - 1)) ||
                    unspaced(text.at(at - 1).unicode());
        if (!found)
            return false;
    }
    return true;
}

// The trigrams of a long term that cover it: from every third code point, and the last three.
QStringList coveringTrigrams(const QString& term) {
    const QList<uint> cps = term.toUcs4();
    QStringList out;
    for (qsizetype at = 0; at + 3 <= cps.size(); at += 3)
        out << fromCodePoints(&cps[at], 3);
    if (cps.size() % 3 != 0)
        out << fromCodePoints(&cps[cps.size() - 3], 3);
    return out;
}

constexpr int kSelectiveShort = 2000; // a short term matching fewer records drives the search
constexpr int kScanCap = 20000;       // candidates checked per kind, at most
constexpr int kRankWindow = 1000;     // candidates looked at for title matches to rank first

} // namespace

Result<QList<SearchHit>> SearchIndex::search(const QString& query, int limit) {
    QList<Term> terms;
    QStringList longTokens, shortTerms;
    for (QString word : query.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts)) {
        word.remove(u'"');
        if (word.isEmpty())
            continue;
        Term term;
        term.text = word;
        const QList<uint> cps = word.toUcs4();
        if (cps.size() >= ShortTermLength) {
            for (const QString& trigram : coveringTrigrams(word))
                longTokens << ftsString(trigram);
            terms << term;
            continue;
        }
        term.isShort = true;
        const bool allUnspaced =
            std::all_of(cps.cbegin(), cps.cend(), [](uint c) { return unspaced(c); });
        if (allUnspaced && cps.size() == 2) {
            term.tokens = {word}; // exactly one of the indexed pairs
            shortTerms << ftsString(word);
        } else {
            // A letter or two, or one character: the words (or pairs) that begin with it.
            term.prefix = true;
            for (const QString& token : shortTokens(word).split(u' ', Qt::SkipEmptyParts)) {
                term.tokens << token;
                shortTerms << ftsString(token) + u'*';
            }
            if (term.tokens.isEmpty())
                continue; // punctuation alone: no word to find it by
        }
        terms << term;
    }
    QList<SearchHit> hits;
    if (terms.isEmpty())
        return hits;
    limit = std::clamp(limit, 1, 1000);
    const QString longExpr = longTokens.join(u' ');
    const QString shortExpr = shortTerms.join(u' ');
    const bool mixed = !longExpr.isEmpty() && !shortExpr.isEmpty();
    // While a large build writes the short index elsewhere, short terms are found in the text.
    auto behind = shortIndexBehind();
    if (!behind)
        return behind.error();

    // With both kinds of term, a short term found in few records gives the candidates;
    // otherwise the trigram index does (or, for short terms alone behind, every record).
    std::optional<QList<qint64>> shortSet;
    if (mixed && !behind.value()) {
        auto few = m_db.cached(u"SELECT rowid FROM search_short WHERE search_short MATCH ? "
                               "LIMIT %1"_s.arg(kSelectiveShort + 1));
        if (!few)
            return few.error();
        few.value()->bind(1, shortExpr);
        QList<qint64> rows;
        CA_TRY(few.value()->forEachRow([&](SqliteStatement& st) { rows << st.int64(0); }));
        few.value()->reset();
        if (rows.size() <= kSelectiveShort) {
            std::sort(rows.begin(), rows.end());
            shortSet = rows;
        }
    }

    for (SearchKind kind : kOrder) {
        const qint64 lo = rowidOf(kind, 0), hi = rowidOf(kind, (qint64(1) << kKindShift) - 1);
        // The candidates in rowid order: the selective short term's, or the index's as read.
        SqliteStatement* stmt = nullptr;
        auto fromSet = shortSet ? std::lower_bound(shortSet->cbegin(), shortSet->cend(), lo)
                                : QList<qint64>::const_iterator();
        // Reading every record's text, only those that match count as looked at (the index
        // would give no others), so that the same are found as through the index.
        const bool textScan = !shortSet && longExpr.isEmpty() && behind.value();
        if (textScan) {
            auto cached = m_db.cached(
                u"SELECT id FROM search_text_content WHERE id BETWEEN ? AND ? ORDER BY id"_s);
            if (!cached)
                return cached.error();
            stmt = cached.value();
            stmt->bindAll({lo, hi});
        } else if (!shortSet) {
            const bool onShort = longExpr.isEmpty();
            const QString table = onShort ? u"search_short"_s : u"search_text"_s;
            auto cached = m_db.cached(u"SELECT rowid FROM %1 WHERE %1 MATCH ? AND rowid BETWEEN "
                                      "? AND ? LIMIT %2"_s.arg(table)
                                          .arg(kScanCap));
            if (!cached)
                return cached.error();
            stmt = cached.value();
            stmt->bindAll({onShort ? shortExpr : longExpr, lo, hi});
        }
        auto next = [&]() -> Result<std::optional<qint64>> {
            if (!stmt) {
                if (fromSet == shortSet->cend() || *fromSet > hi)
                    return std::optional<qint64>();
                return std::optional<qint64>(*fromSet++);
            }
            auto row = stmt->step();
            if (!row)
                return row.error();
            return row.value() ? std::optional<qint64>(stmt->int64(0)) : std::nullopt;
        };
        // Every term checked on each candidate's text: title matches first, then the rest; the
        // look for title matches ends after a window once enough matches are in hand.
        struct Found {
            qint64 rowid;
            IndexedText text;
        };
        QList<Found> titleRows, bodyRows;
        Status checked;
        for (qsizetype looked = 0;
             titleRows.size() < limit &&
             (titleRows.size() + bodyRows.size() < limit || looked < kRankWindow);
             ++looked) {
            auto r = next();
            if (!r) {
                checked = r.error();
                break;
            }
            if (!r.value())
                break;
            auto text = indexedText(*r.value());
            if (!text) {
                checked = text.error();
                break;
            }
            Found found{*r.value(), text.value().value_or(IndexedText{})};
            auto all = [&](const QString& t) {
                return std::all_of(terms.cbegin(), terms.cend(),
                                   [&](const Term& term) { return occursIn(term, t); });
            };
            if (all(found.text.title)) {
                titleRows << found;
            } else if (bodyRows.size() < limit || textScan) {
                if (!all(found.text.title + u'\n' + found.text.body)) {
                    if (textScan)
                        --looked;
                } else if (bodyRows.size() < limit) {
                    bodyRows << found;
                }
            }
        }
        if (stmt)
            stmt->reset();
        CA_TRY(checked);
        const qsizetype inTitle = titleRows.size();
        QList<Found> rows = titleRows + bodyRows.mid(0, limit - inTitle);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            SearchHit hit;
            hit.kind = kind;
            hit.id = rows[i].rowid - lo;
            hit.inTitle = i < inTitle;
            QString title = rows[i].text.title;
            const QString& body = rows[i].text.body;
            if (kind == SearchKind::Quote) {
                auto quote = m_db.cached(
                    u"SELECT c.event_id, e.title, s.title FROM citations c JOIN events e ON "
                    "e.fid = c.event_id JOIN sources s ON s.id = c.source_id WHERE c.id = ?"_s);
                if (!quote)
                    return quote.error();
                quote.value()->bind(1, hit.id);
                if (auto q = quote.value()->step(); q && q.value()) {
                    hit.eventId = quote.value()->int64(0);
                    title = quote.value()->text(1) + u" — "_s + quote.value()->text(2);
                }
                quote.value()->reset();
            }
            hit.title = title;
            // The excerpt: around the first match in the body, else the title.
            const QString& where = hit.inTitle || body.isEmpty() ? title : body;
            qsizetype first = -1;
            for (const Term& t : terms) {
                const qsizetype at = where.indexOf(t.text, 0, Qt::CaseInsensitive);
                if (at >= 0 && (first < 0 || at < first))
                    first = at;
            }
            const qsizetype from = std::max<qsizetype>(0, first - 40);
            QString excerpt = where.mid(from, 160).simplified();
            if (from > 0)
                excerpt.prepend(u'…');
            if (from + 160 < where.size())
                excerpt.append(u'…');
            for (const Term& t : terms)
                for (qsizetype at = excerpt.indexOf(t.text, 0, Qt::CaseInsensitive); at >= 0;
                     at = excerpt.indexOf(t.text, at + t.text.size(), Qt::CaseInsensitive))
                    hit.highlights.append({int(at), int(t.text.size())});
            std::sort(hit.highlights.begin(), hit.highlights.end());
            hit.matched = excerpt;
            hits << hit;
        }
    }
    return hits;
}

} // namespace caseatlas
