#pragma once

#include "core/result.h"
#include "store/sqlite.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace caseatlas {

// What a search result is.
enum class SearchKind { Event = 1, Source = 2, Quote = 3, Note = 4, Actor = 5, Place = 6 };
QString searchKindKey(SearchKind kind); // "event", "source", "quote", "note", "actor", "place"

struct SearchHit {
    SearchKind kind = SearchKind::Event;
    qint64 id = 0;      // the record (for a quote: the citation)
    qint64 eventId = 0; // for a quote: the event it supports
    QString title;      // the record's title (a quote: its event's title and the source's)
    QString matched;    // the text around the first match
    QList<std::pair<int, int>> highlights; // [start, length) of each match within `matched`
    bool inTitle = false;
};

// Full-text search over a case (schema 10): a trigram FTS5 index for terms of three or more
// characters in any script, and a word/pair index for shorter terms (words by their first two
// characters; Chinese, Burmese and other unspaced scripts as overlapping pairs). Both say only
// which records hold a token; every candidate is checked against its text. Triggers list
// changed records in search_dirty; update() indexes them, so the index converges whoever wrote
// the file.
class SearchIndex {
public:
    explicit SearchIndex(SqliteDatabase& db)
        : m_db(db) {}

    // Whether the short-term index is behind the text: a large first build writes it on a
    // second core and puts it in place at the end (until then, or after a crash in between, a
    // marker in search_dirty says so). Searches read the text for short terms meanwhile; the
    // next update() rebuilds it from the text if the build did not finish.
    Result<bool> shortIndexBehind();
    // Records waiting to be indexed (the marker above counts as one, the events a bulk import
    // noted as one each); with `atMost`, counted no further than that (a count of the whole list
    // reads all of it: after an edit of a case with a large backlog, most of the edit's time).
    Result<qint64> pending(qint64 atMost = -1);
    // Notes that every event above `fid` is to be indexed: a bulk import's new events, which it
    // does not list one by one (a row (EventsAfterKind, fid) in search_dirty; the next update()
    // lists them). Inside the import's transaction, so that it goes or stays with the events.
    static Status noteEventsAfter(SqliteDatabase& db, qint64 fid);
    static constexpr int EventsAfterKind = 7;
    // Indexes what changed, in one transaction (or inside the caller's); with `commitEvery`,
    // in transactions of about that many records, so that a search sees the index grow (and a
    // large first build of a file writes its short-term index on a second core meanwhile).
    // `progress` gets (done, total) and may return false to stop; what was done is kept.
    Result<qint64> update(const std::function<bool(qint64, qint64)>& progress = {},
                          qint64 commitEvery = 0);
    // Results grouped by kind (events, quotes, notes, sources, actors, places), title matches
    // first within a kind; at most `limit` per kind. Every word of the query must match.
    Result<QList<SearchHit>> search(const QString& query, int limit = 20);

    // The tokens the short-term index holds for `text`, folded and each once: every word's
    // first two characters, every overlapping pair of a run of an unspaced script and the
    // run's last character.
    static QString shortTokens(const QString& text);
    static constexpr int ShortTermLength = 3; // terms with fewer code points use the short index

private:
    struct IndexedText {
        QString title, body;
    };
    // Rebuilds the short-term index from the text the trigram index keeps; takes the marker.
    Status catchUpShort();
    // Lists the events noteEventsAfter() noted, one row each, and takes its rows.
    Status listEventsAfter();
    // The text the index holds for a record (by its index rowid); nullopt when it holds none.
    Result<std::optional<IndexedText>> indexedText(qint64 rowid);
    // The (title, body) row `sql` selects for the one id it takes; nullopt when there is none.
    Result<std::optional<IndexedText>> textRow(const QString& sql, qint64 id);

    SqliteDatabase& m_db;
};

} // namespace caseatlas
