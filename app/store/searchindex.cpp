#include "store/searchindex.h"

#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

constexpr qint64 kKindShift = 40;
constexpr int kBatch = 2000;
constexpr int kBulk = 20000; // records per statement when written in bulk
const SearchKind kOrder[] = {SearchKind::Event,  SearchKind::Quote, SearchKind::Note,
                             SearchKind::Source, SearchKind::Actor, SearchKind::Place};

qint64 rowidOf(SearchKind kind, qint64 id) {
    return (qint64(kind) << kKindShift) + id;
}

// Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, CJK.
bool unspaced(uint c) {
    return (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
           (c >= 0x1780 && c <= 0x17FF) || (c >= 0x3040 && c <= 0x30FF) ||
           (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA9E0 && c <= 0xA9FF) ||
           (c >= 0xAA60 && c <= 0xAA7F) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FA1F);
}

QString fromCodePoints(const uint* p, qsizetype n) {
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(p), n);
}

// An FTS5 string: double quotes around, inner quotes doubled.
QString ftsString(const QString& s) {
    return u'"' + QString(s).replace(u'"', u"\"\""_s) + u'"';
}

// The text of one record as the index holds it: title and body; nullopt when it is gone.
struct RecordText {
    QString title, body;
};

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

QString SearchIndex::shortTokens(const QString& text) {
    const QList<uint> cps = text.toUcs4();
    QString out;
    out.reserve(text.size() * 2);
    for (qsizetype i = 0; i < cps.size();) {
        if (!unspaced(cps[i])) {
            out += fromCodePoints(&cps[i], 1);
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < cps.size() && unspaced(cps[end]))
            ++end;
        out += u' ';
        for (qsizetype j = i; j + 1 < end; ++j) {
            out += fromCodePoints(&cps[j], 2);
            out += u' ';
        }
        out += fromCodePoints(&cps[end - 1], 1);
        out += u' ';
        i = end;
    }
    return out;
}

Result<qint64> SearchIndex::pending() {
    return m_db.count(u"SELECT count(*) FROM search_dirty"_s);
}

Result<qint64> SearchIndex::update(const std::function<bool(qint64, qint64)>& progress) {
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
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
            const QByteArray tokens =
                shortTokens(QString::fromUtf8(text, sqlite3_value_bytes(argv[0]))).toUtf8();
            sqlite3_result_text(context, tokens.constData(), int(tokens.size()), SQLITE_TRANSIENT);
        },
        nullptr, nullptr, nullptr);
    qint64 done = 0;
    // Records above the highest of their kind in the index have no text in it yet (a fresh
    // import, a case indexed for the first time): they are written a chunk at a time by one
    // statement per index, not one record at a time. The rest go through the loop below.
    for (int kind = 1; kind <= 6; ++kind) {
        const qint64 base = qint64(kind) << kKindShift;
        auto highest = m_db.scalar(
            u"SELECT coalesce(max(rowid), ?) FROM search_text WHERE rowid BETWEEN ? AND ?"_s,
            {base, base, base + (qint64(1) << kKindShift) - 1});
        if (!highest)
            return highest.error();
        qint64 after = highest.value().toLongLong() - base; // ids above this are not indexed
        const Source& k = sources[kind];
        const QString write =
            u"INSERT INTO search_text (rowid, title, body) SELECT %1 + %2, %3, %4 FROM %5 "
            "WHERE %2 > ?1 AND %2 <= ?2 AND %2 IN (SELECT id FROM search_dirty WHERE kind = %6 "
            "AND id > ?1 AND id <= ?2) AND %7"_s
                .arg(QString::number(base), QString::fromUtf16(k.id), QString::fromUtf16(k.title),
                     QString::fromUtf16(k.body), QString::fromUtf16(k.from))
                .arg(kind)
                .arg(QString::fromUtf16(k.where));
        for (;;) {
            auto last = m_db.scalar(u"SELECT max(id) FROM (SELECT id FROM search_dirty WHERE kind "
                                    "= ? AND id > ? ORDER BY id LIMIT %1)"_s.arg(kBulk),
                                    {kind, after});
            if (!last)
                return last.error();
            if (last.value().isNull())
                break;
            const qint64 upTo = last.value().toLongLong();
            CA_TRY(m_db.execute(write, {after, upTo}));
            CA_TRY(m_db.execute(u"INSERT INTO search_short (rowid, title, body) SELECT rowid, "
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
            if (progress && !progress(done, total.value())) {
                if (tx)
                    CA_TRY(tx->commit());
                return done;
            }
        }
    }
    for (;;) {
        QList<std::pair<int, qint64>> batch;
        {
            auto dirty = m_db.cached(
                u"SELECT kind, id FROM search_dirty ORDER BY kind, id LIMIT %1"_s.arg(kBatch));
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
            auto old = m_db.cached(u"SELECT title, body FROM search_text WHERE rowid = ?"_s);
            if (!old)
                return old.error();
            old.value()->bind(1, rowid);
            auto had = old.value()->step();
            if (!had)
                return had.error();
            if (had.value()) {
                const QString title = old.value()->text(0), body = old.value()->text(1);
                old.value()->reset();
                CA_TRY(m_db.execute(u"DELETE FROM search_text WHERE rowid = ?"_s, {rowid}));
                CA_TRY(m_db.execute(u"INSERT INTO search_short (search_short, rowid, title, body) "
                                    "VALUES ('delete', ?, ?, ?)"_s,
                                    {rowid, shortTokens(title), shortTokens(body)}));
            } else {
                old.value()->reset();
            }
            // … and in with the new, if the record still exists.
            if (kind >= 1 && kind <= 6) {
                auto now = m_db.cached(textOf[size_t(kind)]);
                if (!now)
                    return now.error();
                now.value()->bind(1, id);
                auto has = now.value()->step();
                if (!has)
                    return has.error();
                if (has.value()) {
                    const QString title = now.value()->text(0), body = now.value()->text(1);
                    now.value()->reset();
                    CA_TRY(m_db.execute(
                        u"INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)"_s,
                        {rowid, title, body}));
                    CA_TRY(m_db.execute(
                        u"INSERT INTO search_short (rowid, title, body) VALUES (?, ?, ?)"_s,
                        {rowid, shortTokens(title), shortTokens(body)}));
                } else {
                    now.value()->reset();
                }
            }
            CA_TRY(
                m_db.execute(u"DELETE FROM search_dirty WHERE kind = ? AND id = ?"_s, {kind, id}));
        }
        done += batch.size();
        if (progress && !progress(done, total.value()))
            break;
    }
    if (tx)
        CA_TRY(tx->commit());
    return done;
}

namespace {

// One word of a query. A long term (three code points or more) is found by the trigram index
// as a case-insensitive substring; a short one by the word/pair index, as one exact pair or as
// the words and pairs that begin with it.
struct Term {
    QString text;
    bool isShort = false;
    QStringList tokens; // short terms: folded tokens to find
    bool prefix = false;
};

bool wordChar(QChar c) {
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing ||
           c.category() == QChar::Mark_SpacingCombining;
}

// Whether `term` occurs in a text, by the index's own rules (for filtering candidates): a long
// term or a pair anywhere; a prefix at the start of a word, or anywhere for an unspaced script.
bool occursIn(const Term& term, const QString& text) {
    if (!term.isShort || !term.prefix)
        return text.contains(term.text, Qt::CaseInsensitive);
    for (const QString& want : term.tokens) {
        const bool unspacedToken = unspaced(want.toUcs4().value(0));
        bool found = false;
        for (qsizetype at = text.indexOf(want, 0, Qt::CaseInsensitive); at >= 0 && !found;
             at = text.indexOf(want, at + 1, Qt::CaseInsensitive))
            found = unspacedToken || at == 0 || !wordChar(text.at(at - 1));
        if (!found)
            return false;
    }
    return true;
}

constexpr int kSelectiveShort = 2000; // a short term matching fewer records drives the search
constexpr int kScanCap = 20000;       // candidates looked at per kind, at most

} // namespace

Result<QList<SearchHit>> SearchIndex::search(const QString& query, int limit) {
    QList<Term> terms;
    QStringList longTerms, shortTerms;
    for (QString word : query.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts)) {
        word.remove(u'"');
        if (word.isEmpty())
            continue;
        Term term;
        term.text = word;
        const QList<uint> cps = word.toUcs4();
        if (cps.size() >= ShortTermLength) {
            longTerms << ftsString(word);
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
                term.tokens << token.toCaseFolded();
                shortTerms << ftsString(token) + u'*';
            }
        }
        terms << term;
    }
    QList<SearchHit> hits;
    if (terms.isEmpty())
        return hits;
    limit = std::clamp(limit, 1, 1000);
    const QString longExpr = longTerms.join(u' ');
    const QString shortExpr = shortTerms.join(u' ');
    const bool mixed = !longExpr.isEmpty() && !shortExpr.isEmpty();

    // With both kinds of term, the rarer side picks the candidates and the other is checked on
    // their text: a short term found in few records gives them all; otherwise the trigram
    // matches are read in order until enough pass.
    std::optional<QList<qint64>> shortSet;
    if (mixed) {
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

    auto textOf = [&](qint64 rowid, QString& title, QString& body) -> Status {
        // Straight from the index's content table: a b-tree lookup, not a full-text query.
        auto text = m_db.cached(u"SELECT c0, c1 FROM search_text_content WHERE id = ?"_s);
        if (!text)
            return text.error();
        text.value()->bind(1, rowid);
        auto row = text.value()->step();
        if (!row)
            return row.error();
        title = row.value() ? text.value()->text(0) : QString();
        body = row.value() ? text.value()->text(1) : QString();
        text.value()->reset();
        return {};
    };

    for (SearchKind kind : kOrder) {
        const qint64 lo = rowidOf(kind, 0), hi = rowidOf(kind, (qint64(1) << kKindShift) - 1);
        QList<qint64> rowids;
        QSet<qint64> seen;
        QList<bool> inTitle;
        for (bool titleOnly : {true, false}) {
            if (rowids.size() >= limit)
                break;
            auto take = [&](qint64 r) {
                if (rowids.size() < limit && !seen.contains(r)) {
                    seen.insert(r);
                    rowids << r;
                    inTitle << titleOnly;
                }
            };
            // Checks every term on a candidate's text (the title alone in the title pass).
            auto passes = [&](qint64 r) -> Result<bool> {
                QString title, body;
                CA_TRY(textOf(r, title, body));
                const QString text = titleOnly ? title : title + u'\n' + body;
                return std::all_of(terms.cbegin(), terms.cend(),
                                   [&](const Term& t) { return occursIn(t, text); });
            };
            if (shortSet) {
                for (auto it = std::lower_bound(shortSet->cbegin(), shortSet->cend(), lo);
                     it != shortSet->cend() && *it <= hi && rowids.size() < limit; ++it) {
                    if (seen.contains(*it))
                        continue;
                    auto ok = passes(*it);
                    if (!ok)
                        return ok.error();
                    if (ok.value())
                        take(*it);
                }
                continue;
            }
            const bool onShort = longExpr.isEmpty();
            const QString expr = onShort ? shortExpr : longExpr;
            const QString table = onShort ? u"search_short"_s : u"search_text"_s;
            // Without a filter to apply, the index's own order and LIMIT do all the work.
            // The title pass only ranks: a short look is enough, the full pass finds the rest.
            const int cap = !mixed      ? limit + int(seen.size())
                            : titleOnly ? kScanCap / 10
                                        : kScanCap;
            auto stmt = m_db.cached(u"SELECT rowid FROM %1 WHERE %1 MATCH ? AND rowid BETWEEN ? "
                                    "AND ? LIMIT %2"_s.arg(table)
                                        .arg(cap));
            if (!stmt)
                return stmt.error();
            stmt.value()->bindAll({titleOnly ? u"title : (%1)"_s.arg(expr) : expr, lo, hi});
            QList<qint64> candidates;
            CA_TRY(
                stmt.value()->forEachRow([&](SqliteStatement& st) { candidates << st.int64(0); }));
            stmt.value()->reset();
            for (qint64 r : candidates) {
                if (rowids.size() >= limit)
                    break;
                if (seen.contains(r))
                    continue;
                if (mixed) {
                    auto ok = passes(r);
                    if (!ok)
                        return ok.error();
                    if (!ok.value())
                        continue;
                }
                take(r);
            }
        }
        for (qsizetype i = 0; i < rowids.size(); ++i) {
            SearchHit hit;
            hit.kind = kind;
            hit.id = rowids[i] - lo;
            hit.inTitle = inTitle[i];
            QString title, body;
            CA_TRY(textOf(rowids[i], title, body));
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
