#include "testsupport.h"

#include "io/importcommands.h"
#include "io/samplecase.h"
#include "io/syntheticcase.h"
#include "store/searchindex.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// What each query finds, hit by hit (kind, id, excerpt); the error's message if one fails.
QStringList searchResults(SearchIndex& index, const QStringList& queries, int limit = 50) {
    QStringList out;
    for (const QString& q : queries) {
        auto hits = index.search(q, limit);
        if (!hits)
            return QStringList{hits.error().message};
        out << q + u": "_s + QString::number(hits.value().size());
        for (const SearchHit& h : hits.value())
            out << u"%1 %2 %3"_s.arg(int(h.kind)).arg(h.id).arg(h.matched);
    }
    return out;
}

// FTS5's own check of an index; empty when it holds.
QString integrityProblem(SqliteDatabase& db) {
    for (const QString& table : {u"search_text"_s, u"search_short"_s})
        if (auto checked = db.exec(u"INSERT INTO %1 (%1) VALUES ('integrity-check')"_s.arg(table));
            !checked)
            return table + u": "_s + checked.error().fullText();
    return {};
}

// Full-text search in any script: trigram terms, the short-term index for one- and
// two-character terms, aliases, and an index that follows every edit, undo and outside writer.
class TestSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void shortTokensPairUnspacedScripts();
    void findsInEveryScript_data();
    void findsInEveryScript();
    void everyWordMustMatch();
    void highlightsTheMatch();
    void followsEditsAndUndo();
    void picksUpOutsideWriters();
    void migratedCaseIsIndexed();
    void largeImportIsIndexedInTheBackground();
    void bulkIndexFindsWhatRecordByRecordDoes();
    void everyCandidateIsChecked();
    void schema10RebuildsAnOlderIndex();
    void badTextFromOutsideWriters();
    void shortIndexOnASecondCore();

private:
    // A synthetic case in English, Chinese and Burmese; empty when it could not be written.
    QString multilingualCase(const QString& name, qint64 events, int seed, double noteFraction) {
        const QString path = m_dir.filePath(name);
        auto file = CaseFile::create(path, name);
        if (!file)
            return {};
        SyntheticCaseOptions o;
        o.events = events;
        o.seed = seed;
        o.multilingual = true;
        o.noteFraction = noteFraction;
        return generateSyntheticCase(file.value(), o).ok() ? path : QString();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<CaseDocument> m_sample;
};

void TestSearch::initTestCase() {
    const QString path = m_dir.filePath(u"sample.caseatlas"_s);
    {
        auto file = CaseFile::create(path, u"Sample"_s);
        QVERIFY(file.ok());
        QVERIFY(writeSampleCase(file.value()).ok());
    }
    m_sample = CaseDocument::open(path).value();
}

void TestSearch::shortTokensPairUnspacedScripts() {
    QCOMPARE(SearchIndex::shortTokens(u"魏氏家族"_s).simplified(), u"魏氏 氏家 家族 族"_s);
    // Words by their first two characters, folded, each token once.
    QCOMPARE(SearchIndex::shortTokens(u"the Wei 家族 family, The WEIGHT of 家族"_s),
             u"th we 家族 族 fa of"_s);
    QCOMPARE(SearchIndex::shortTokens(u"果"_s).simplified(), u"果"_s);
    // Burmese by code point: "မြန်" is four.
    QCOMPARE(SearchIndex::shortTokens(u"မြန်"_s).simplified().split(u' ').size(), 4);
}

void TestSearch::findsInEveryScript_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("title");
    QTest::addRow("Latin word") << "repatriate"
                                << "event"
                                << "Junta and China repatriate foreigners to China";
    QTest::addRow("Latin, any case") << "KOKANG"
                                     << "place"
                                     << "Kokang Self-Administered Zone";
    QTest::addRow("Chinese, 4 characters") << "魏氏家族"
                                           << "actor"
                                           << "Wei family";
    QTest::addRow("Chinese, 2 characters (alias)") << "老街"
                                                   << "place"
                                                   << "Laukkai";
    QTest::addRow("Chinese, 2 characters") << "果敢"
                                           << "place"
                                           << "Kokang Self-Administered Zone";
    QTest::addRow("Chinese, 1 character") << "魏"
                                          << "actor"
                                          << "Wei family";
    QTest::addRow("Burmese (alias)") << "လောက်ကိုင်"
                                     << "place"
                                     << "Laukkai";
    QTest::addRow("Burmese, 2 code points") << "မြ"
                                            << "place"
                                            << "Myanmar (other regions)";
    QTest::addRow("a quote") << "several hundred thousand"
                             << "quote"
                             << "";
}

void TestSearch::findsInEveryScript() {
    QFETCH(QString, query);
    QFETCH(QString, kind);
    QFETCH(QString, title);
    auto hits = m_sample->search(query);
    QVERIFY2(hits.ok(), qPrintable(hits.ok() ? QString() : hits.error().fullText()));
    QStringList found;
    bool hit = false;
    for (const SearchHit& h : hits.value()) {
        found << searchKindKey(h.kind) + u": "_s + h.title;
        hit |= searchKindKey(h.kind) == kind && (title.isEmpty() || h.title == title);
    }
    QVERIFY2(hit, qPrintable(found.join(u"; "_s)));
}

void TestSearch::everyWordMustMatch() {
    auto both = m_sample->search(u"Wei 魏氏"_s).value();
    QVERIFY(!both.isEmpty());
    for (const SearchHit& h : both)
        QVERIFY2(h.kind == SearchKind::Actor && h.title == u"Wei family", qPrintable(h.title));
    QVERIFY(m_sample->search(u"Wei nonexistentword"_s).value().isEmpty());
    QVERIFY(m_sample->search(u"   "_s).value().isEmpty());
    QVERIFY(m_sample->search(u"\"unbalanced"_s).ok()); // FTS syntax in a query is just text
    QVERIFY(m_sample->search(u"AND OR NOT ("_s).ok());
}

void TestSearch::highlightsTheMatch() {
    const auto hits = m_sample->search(u"Lincang"_s).value();
    QVERIFY(!hits.isEmpty());
    const SearchHit& h = hits.first();
    QVERIFY(!h.highlights.isEmpty());
    for (const auto& [at, length] : h.highlights)
        QCOMPARE(h.matched.mid(at, length).toLower(), u"lincang"_s);
    QVERIFY(h.inTitle); // title matches come first
}

void TestSearch::followsEditsAndUndo() {
    auto doc = createDocument(m_dir.filePath(u"edits.caseatlas"_s));
    Event e;
    e.title = u"Raid on the 妙瓦底 compound"_s;
    e.start = edtf("2023-11");
    const qint64 id = doc->addEvent(e).value();
    QCOMPARE(doc->searchIndex().pending().value(), 0); // indexed with the edit
    QCOMPARE(doc->search(u"妙瓦"_s).value().size(), 1);
    // Rename: the old words are gone, the new ones found.
    Event renamed = doc->events().load(id).value();
    renamed.title = u"Raid on the KK Park compound"_s;
    QVERIFY(doc->updateEvent(renamed).ok());
    QVERIFY(doc->search(u"妙瓦"_s).value().isEmpty());
    QCOMPARE(doc->search(u"KK Park"_s).value().size(), 1);
    doc->undoStack()->undo();
    QCOMPARE(doc->search(u"妙瓦"_s).value().size(), 1);
    QVERIFY(doc->search(u"Park"_s).value().isEmpty());
    QVERIFY(doc->deleteEvents({id}).ok());
    QVERIFY(doc->search(u"compound"_s).value().isEmpty());
    doc->undoStack()->undo();
    QCOMPARE(doc->search(u"compound"_s).value().size(), 1);
    // An actor's alias added later is found.
    Actor a;
    a.name = u"Ming family"_s;
    const qint64 actor = doc->addActor(a).value();
    QVERIFY(doc->search(u"明家"_s).value().isEmpty());
    Actor withAlias = doc->actors().load(actor).value();
    withAlias.aliases = {{u"明家"_s, u"zh-Hans"_s}};
    QVERIFY(doc->updateActor(withAlias).ok());
    const auto hits = doc->search(u"明家"_s).value();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().id, actor);
    QList<Error> failures;
    connect(doc.get(), &CaseDocument::editFailed, this, [&](const Error& e) { failures << e; });
    doc->undoStack()->undo();
    QVERIFY2(failures.isEmpty(), qPrintable(failures.value(0).fullText()));
    QVERIFY(doc->search(u"明家"_s).value().isEmpty());
}

void TestSearch::picksUpOutsideWriters() {
    // Another program (QGIS, sqlite3) edits the file: the triggers list the change, and the
    // next search indexes it.
    const QString path = m_dir.filePath(u"outside.caseatlas"_s);
    {
        auto doc = createDocument(path);
        Event e;
        e.title = u"Original title"_s;
        e.start = edtf("2024");
        QVERIFY(doc->addEvent(e).ok());
    }
    {
        auto raw = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
        QVERIFY(raw.exec(u"UPDATE events SET title = 'Edited in QGIS'"_s).ok());
    }
    auto doc = CaseDocument::open(path).value();
    QCOMPARE(doc->searchIndex().pending().value(), 1);
    QCOMPARE(doc->search(u"QGIS"_s).value().size(), 1);
    QVERIFY(doc->search(u"Original"_s).value().isEmpty());
    QVERIFY(doc->file().integrityProblems(false).value().isEmpty());
}

void TestSearch::migratedCaseIsIndexed() {
    // A case written with schema 3 (before search) is migrated and everything in it is found.
    const QString path = m_dir.filePath(u"schema3.caseatlas"_s);
    {
        auto old = CaseFile::create(path, u"Old"_s, 3);
        QVERIFY(old.ok());
        QVERIFY(old.value()
                    .db()
                    .exec(u"INSERT INTO actors (uuid, name) VALUES ('a-1', '白氏家族')"_s)
                    .ok());
    }
    auto doc = CaseDocument::open(path).value();
    QCOMPARE(doc->file().schemaVersion(), CaseFile::SchemaVersion);
    const auto hits = doc->search(u"白氏"_s).value();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().kind, SearchKind::Actor);
}

// A large import is committed and shown at once; search catches up on its own thread, with
// progress, while the window's connection stays usable.
void TestSearch::largeImportIsIndexedInTheBackground() {
    auto doc = createDocument(m_dir.filePath(u"background.caseatlas"_s));
    QByteArray csv = "event_id_cnty,event_date,event_type,actor1,latitude,longitude,location,"
                     "country,notes\n";
    for (int i = 0; i < 12000; ++i)
        csv += "MMR" + QByteArray::number(i) + ",2023-11-12,Battles,Group " +
               QByteArray::number(i % 50) + ",23.69,98.76,Town " + QByteArray::number(i % 300) +
               ",Myanmar,Clashes near the " + (i == 11999 ? "zeppelinfield" : "river") +
               " as local media and residents reported.\n";
    const QString path = writeFile(m_dir, u"background.csv"_s, csv);
    QSignalSpy progress(doc.get(), &CaseDocument::searchIndexProgress);
    QSignalSpy finished(doc.get(), &CaseDocument::searchIndexFinished);
    auto report = importEventFile(*doc, Dataset::Acled, path, {});
    QVERIFY(report.ok());
    QCOMPARE(report.value().added, 12000);
    QVERIFY(doc->isIndexingSearch() || finished.count() == 1);
    // The window's own connection reads and writes meanwhile.
    QCOMPARE(doc->events().count().value(), 12000);
    Event e;
    e.title = u"Edited while indexing"_s;
    e.start = edtf("2023-11-13");
    QVERIFY(doc->addEvent(e).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
    auto hits = doc->search(u"zeppelinfield"_s);
    QVERIFY(hits.ok());
    QCOMPARE(hits.value().size(), 1);
    QCOMPARE(doc->searchIndex().pending().value(), 0);
    QCOMPARE(doc->search(u"Edited while"_s).value().size(), 1);
    // The large update merged no segments as it went; FTS5's own settings are back after it.
    for (const QString& table : {u"search_text"_s, u"search_short"_s}) {
        QCOMPARE(doc->file()
                     .db()
                     .scalar(u"SELECT v FROM %1_config WHERE k = 'automerge'"_s.arg(table))
                     .value()
                     .toInt(),
                 4);
        QCOMPARE(doc->file()
                     .db()
                     .scalar(u"SELECT v FROM %1_config WHERE k = 'hashsize'"_s.arg(table))
                     .value()
                     .toInt(),
                 1 << 20);
    }
}

// Records not yet in the index are written in bulk, a chunk per statement (issue 19, point 5);
// written again one record at a time, every query finds the same.
void TestSearch::bulkIndexFindsWhatRecordByRecordDoes() {
    const QString path = multilingualCase(u"bulk.caseatlas"_s, 3000, 5, 0.1);
    QVERIFY(!path.isEmpty());
    auto file = CaseFile::open(path);
    QVERIFY(file.ok());
    SqliteDatabase& db = file.value().db();
    SearchIndex index(db);
    const qint64 records = index.pending().value();
    QVERIFY(records > 3000);
    QCOMPARE(index.pending(100).value(), 100); // counted no further (what an edit asks)
    QCOMPARE(index.pending(records + 1).value(), records);
    QCOMPARE(index.update().value(), records);
    QCOMPARE(index.pending().value(), 0);
    const QStringList queries = {u"raid"_s,       u"place 12"_s, u"果敢"_s, u"诈骗"_s,
                                 u"魏"_s,         u"နယ်စပ်"_s,     u"မြ"_s,   u"Working note 7"_s,
                                 u"police 缅北"_s};
    auto results = [&] { return searchResults(index, queries); };
    const QStringList bulk = results();
    QVERIFY(bulk.size() > queries.size() * 5);
    // Every record listed again: all are in the index, so each is taken out and written back.
    QVERIFY(db.exec(u"INSERT INTO search_dirty SELECT 1, fid FROM events; "
                    "INSERT INTO search_dirty SELECT 4, id FROM notes; "
                    "INSERT INTO search_dirty SELECT 5, id FROM actors"_s)
                .ok());
    QVERIFY(index.update().ok());
    QCOMPARE(results(), bulk);
}

// The indexes only say which records hold a token (schema 10): a term's trigrams can all be in
// a record that lacks the term ("said train" has "rai" and "aid", not "raid"). Each hit is
// checked: for every query, the events found are exactly those whose text holds every term.
void TestSearch::everyCandidateIsChecked() {
    const QString path = multilingualCase(u"checked.caseatlas"_s, 2000, 11, 0);
    QVERIFY(!path.isEmpty());
    auto doc = CaseDocument::open(path).value();
    for (const char* title : {"Police raid on a compound", "Officials said the train left",
                              "RAID at dawn", "Aid convoy reached the camp", "诈骗园区 cleared",
                              "电信诈骗 园区", "Raided twice", "Workers freed in Laukkai"}) {
        Event e;
        e.title = QString::fromUtf8(title);
        e.start = edtf("2023-11");
        QVERIFY(doc->addEvent(e).ok());
    }
    QVERIFY(doc->searchIndex().update().ok());
    QHash<qint64, QString> text;
    auto rows = doc->file().db().prepare(
        u"SELECT fid, title || char(10) || coalesce(description, '') || char(10) || "
        "coalesce(tags, '') FROM events"_s);
    QVERIFY(rows.ok());
    QVERIFY(rows.value()
                .forEachRow([&](SqliteStatement& st) { text.insert(st.int64(0), st.text(1)); })
                .ok());
    for (const QString& query :
         {u"raid"_s, u"aid"_s, u"said train"_s, u"诈骗园区"_s, u"园区 电信诈骗"_s,
          u"Workers freed"_s, u"place 125"_s, u"Transfer from"_s, u"果敢"_s, u"ကိုးကန့်"_s}) {
        QSet<qint64> expected;
        for (auto it = text.cbegin(); it != text.cend(); ++it) {
            bool all = true;
            for (const QString& term : query.split(u' '))
                all = all && it.value().contains(term, Qt::CaseInsensitive);
            if (all)
                expected.insert(it.key());
        }
        auto hits = doc->searchIndex().search(query, 1000);
        QVERIFY(hits.ok());
        QSet<qint64> found;
        for (const SearchHit& h : hits.value())
            if (h.kind == SearchKind::Event)
                found.insert(h.id);
        QVERIFY2(expected.size() < 1000, qPrintable(query));
        QVERIFY2(
            found == expected,
            qPrintable(
                u"%1: %2 found, %3 expected"_s.arg(query).arg(found.size()).arg(expected.size())));
    }
    // Title matches first: "raid" in a title before "raid" in a description only.
    auto hits = doc->searchIndex().search(u"raid"_s, 1000).value();
    bool bodyOnlySeen = false;
    for (const SearchHit& h : hits) {
        if (h.kind != SearchKind::Event)
            continue;
        QVERIFY(!(bodyOnlySeen && h.inTitle));
        bodyOnlySeen = bodyOnlySeen || !h.inTitle;
    }
}

// A case indexed by an older build (schema 9, positions kept) gets the schema 10 indexes: the
// old ones are dropped, every record is listed again, and it is found as before.
void TestSearch::schema10RebuildsAnOlderIndex() {
    const QString path = m_dir.filePath(u"schema9.caseatlas"_s);
    {
        auto old = CaseFile::create(path, u"Old"_s, 9);
        QVERIFY(old.ok());
        SqliteDatabase& db = old.value().db();
        QVERIFY(db.exec(u"INSERT INTO actors (uuid, name) VALUES ('a-1', '白氏家族')"_s).ok());
        // As the older build left it: in the index, nothing waiting.
        QVERIFY(db.exec(u"INSERT INTO search_text (rowid, title, body) VALUES (5497558138881, "
                        "'白氏家族', ''); DELETE FROM search_dirty"_s)
                    .ok());
    }
    auto doc = CaseDocument::open(path).value();
    QCOMPARE(doc->file().schemaVersion(), CaseFile::SchemaVersion);
    QVERIFY(doc->searchIndex().pending().value() > 0); // listed again
    const auto hits = doc->search(u"白氏"_s).value();
    QCOMPARE(doc->searchIndex().pending().value(), 0);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().kind, SearchKind::Actor);
    QCOMPARE(doc->search(u"家族"_s).value().size(), 1);
    QCOMPARE(doc->search(u"氏家族"_s).value().size(), 1);
}

// Another program can write any bytes as text (sqlite3's CAST(X'…' AS TEXT)): invalid UTF-8,
// stray continuation bytes, a sequence cut at the end, NUL. Indexed without a crash or a read
// past the text, in bulk and record by record; the valid words around it are still found.
// A stopped large update leaves FTS5's merge setting off; the next update puts it back.
void TestSearch::badTextFromOutsideWriters() {
    auto doc = createDocument(m_dir.filePath(u"badtext.caseatlas"_s));
    SqliteDatabase& db = doc->file().db();
    QVERIFY(db.exec(u"INSERT INTO notes (uuid, title, body, created_at, modified_at) VALUES "
                    "('n-1', CAST(X'5A6F6D6261FF80C3' AS TEXT), "
                    "CAST(X'E4BDA0E5A5BD20BF20C0AF20F09F9880206B61636869E4BD' AS TEXT), "
                    "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'), "
                    "('n-2', 'Kachin 你好', CAST(X'61620062' AS TEXT), "
                    "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"_s)
                .ok());
    QVERIFY(doc->searchIndex().update().ok());
    QCOMPARE(doc->searchIndex().pending().value(), 0);
    QVERIFY(doc->search(u"Zomba"_s).value().size() == 1);
    QVERIFY(doc->search(u"kachi"_s).value().size() == 2);
    QVERIFY(doc->search(u"你好"_s).value().size() == 2);
    // Record by record: the same bytes again, now replacing what is indexed.
    QVERIFY(db.exec(u"UPDATE notes SET body = body || CAST(X'FF' AS TEXT)"_s).ok());
    QVERIFY(doc->searchIndex().update().ok());
    QVERIFY(doc->search(u"ka"_s).value().size() == 2);
    QVERIFY(db.exec(u"INSERT INTO search_text (search_text, rank) VALUES ('automerge', 0)"_s).ok());
    QVERIFY(db.exec(u"UPDATE notes SET title = 'Zomba' WHERE uuid = 'n-1'"_s).ok());
    QVERIFY(doc->searchIndex().update().ok());
    QCOMPARE(db.scalar(u"SELECT v FROM search_text_config WHERE k = 'automerge'"_s).value().toInt(),
             4);
}

// A large first build writes the short-term index on a second core and puts it in place at the
// end (issue 19, point 5). It finds exactly what the build on one core finds; while it runs,
// and in the file a crash would leave between two of its commits, short terms are found in
// the text; the next update rebuilds the short index from the text; a build stopped after a
// chunk keeps a whole index of what it did.
void TestSearch::shortIndexOnASecondCore() {
    const QString serialPath = multilingualCase(u"serial.caseatlas"_s, 11000, 23, 0.05);
    QVERIFY(!serialPath.isEmpty());
    const QString parallelPath = m_dir.filePath(u"parallel.caseatlas"_s);
    const QString stoppedPath = m_dir.filePath(u"stopped.caseatlas"_s);
    const QString crashedPath = m_dir.filePath(u"crashed.caseatlas"_s);
    QVERIFY(QFile::copy(serialPath, parallelPath));
    QVERIFY(QFile::copy(serialPath, stoppedPath));
    const QStringList queries = {u"ra"_s,   u"果"_s,          u"诈骗"_s,     u"မြ"_s,
                                 u"raid"_s, u"police 缅北"_s, u"ra place"_s, u"Working note"_s,
                                 u"z"_s,    u"နယ်စပ်"_s,        u"op 12"_s};
    QStringList expected;
    {
        auto file = CaseFile::open(serialPath);
        QVERIFY(file.ok());
        SearchIndex index(file.value().db());
        QVERIFY(index.pending().value() >= 11000);
        QVERIFY(index.update().ok()); // in the caller's transaction: on one core
        QCOMPARE(index.pending().value(), 0);
        expected = searchResults(index, queries);
        QVERIFY(expected.size() > queries.size() * 10);
    }
    // Between two commits of the build (the events all written, not yet the rest): another
    // connection sees the marker and finds in the text the events the index finds; a copy of
    // the file then is what a crash would leave.
    const QStringList shortQueries = {u"ra"_s, u"果"_s, u"မြ"_s};
    QStringList expectedShort;
    {
        auto file = CaseFile::open(serialPath);
        QVERIFY(file.ok());
        SearchIndex index(file.value().db());
        expectedShort = searchResults(index, shortQueries);
    }
    auto events = [](const QStringList& lines) {
        QStringList out;
        for (const QString& line : lines)
            if (line.startsWith(u"1 "_s))
                out << line; // an event found
            else if (!line.at(0).isDigit())
                out << line.section(u": "_s, 0, 0); // the query (its count is of every kind)
        return out;
    };
    int looks = 0;
    QString during;
    {
        auto file = CaseFile::open(parallelPath);
        QVERIFY(file.ok());
        SearchIndex index(file.value().db());
        auto done = index.update(
            [&](qint64, qint64) {
                if (looks++ > 0)
                    return true;
                auto reader = SqliteDatabase::open(parallelPath, SqliteDatabase::Mode::ReadOnly);
                if (!reader)
                    return true;
                SearchIndex seen(reader.value());
                if (!seen.shortIndexBehind().value())
                    during = u"the marker is not there"_s;
                else if (const QStringList got = events(searchResults(seen, shortQueries)),
                         want = events(expectedShort);
                         got != want) {
                    qsizetype i = 0; // the first line that differs
                    while (i < got.size() && i < want.size() && got[i] == want[i])
                        ++i;
                    during = u"in the text: \"%1\", through the index: \"%2\""_s.arg(got.value(i),
                                                                                     want.value(i));
                }
                reader.value().close();
                if (!QFile::copy(parallelPath, crashedPath))
                    during = u"no copy"_s;
                return true;
            },
            3000);
        QVERIFY(done.ok());
        QVERIFY(looks > 1);
        QVERIFY2(during.isEmpty(), qPrintable(during));
        QCOMPARE(index.pending().value(), 0);
        QVERIFY(!index.shortIndexBehind().value());
        QCOMPARE(integrityProblem(file.value().db()), QString());
        QCOMPARE(searchResults(index, queries), expected);
        for (const QString& table : {u"search_text"_s, u"search_short"_s})
            QCOMPARE(file.value()
                         .db()
                         .scalar(u"SELECT v FROM %1_config WHERE k = 'automerge'"_s.arg(table))
                         .value()
                         .toInt(),
                     4);
        // Behind again (as after a crash) with the short index emptied: searches still find
        // short terms, and the next update rebuilds it.
        QVERIFY(file.value()
                    .db()
                    .exec(u"INSERT INTO search_dirty VALUES (0, 0); INSERT INTO search_short "
                          "(search_short) VALUES ('delete-all')"_s)
                    .ok());
        QVERIFY(index.shortIndexBehind().value());
        const QStringList behind = searchResults(index, queries);
        QCOMPARE(behind.mid(0, behind.indexOf(u"raid: "_s, 0)),
                 expected.mid(0, expected.indexOf(u"raid: "_s, 0)));
        QCOMPARE(index.update().value(), 1);
        QVERIFY(!index.shortIndexBehind().value());
        QCOMPARE(integrityProblem(file.value().db()), QString());
        QCOMPARE(searchResults(index, queries), expected);
    }
    // The file as a crash between two commits leaves it: behind, then caught up.
    {
        auto file = CaseFile::open(crashedPath);
        QVERIFY(file.ok());
        SearchIndex index(file.value().db());
        QVERIFY(index.shortIndexBehind().value());
        QVERIFY(index.pending().value() > 1);
        QVERIFY(index.update({}, 3000).ok());
        QVERIFY(!index.shortIndexBehind().value());
        QCOMPARE(index.pending().value(), 0);
        QCOMPARE(integrityProblem(file.value().db()), QString());
        QCOMPARE(searchResults(index, queries), expected);
    }
    // Stopped after its first chunk: what was written is whole, the rest follows later.
    {
        auto file = CaseFile::open(stoppedPath);
        QVERIFY(file.ok());
        SearchIndex index(file.value().db());
        QVERIFY(index.update([](qint64, qint64) { return false; }, 3000).ok());
        QVERIFY(!index.shortIndexBehind().value());
        QVERIFY(index.pending().value() > 0);
        QCOMPARE(integrityProblem(file.value().db()), QString());
        QVERIFY(index.update().ok());
        QCOMPARE(index.pending().value(), 0);
        QCOMPARE(integrityProblem(file.value().db()), QString());
        QCOMPARE(searchResults(index, queries), expected);
    }
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
