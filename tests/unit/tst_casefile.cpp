#include "badfiles.h"
#include "store/custodylog.h"
#include "testsupport.h"

#include "model/casedocument.h"
#include "store/casefile.h"
#include "store/gpkggeometry.h"

#include <QProcess>
#include <QRandomGenerator>

#include <unistd.h>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

class TestCaseFile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void createAndReopen();
    void casesIn4KiBPagesStillWork();
    void createRefusesToOverwrite();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void refusalMessagesAreDistinct();
    void damageFoundWhereReadAndByCheck();
    void migratesOlderSchemaWithBackup();
    void schema5KeepsEventsAndTheirRows();
    void schema7SealsTheCustodyLog();
    void schema11KeepsEventListsInOrder();
    void newerReaderNeededIsRefused();
    void newerSchemaOpensReadOnly();
    void foreignTriggerIsRefused();
    void readOnlyFileOpensReadOnly();
    void recoversFromInterruptedWrite();
    void saveCopyIsCheckedAndAtomic();
    void gdalReadsEventsAndPlaces();
    void passesGeoPackageValidator();

private:
    QString makeCase(const QString& name, int events = 0);
    QString prepareBadFile(const QString& kind);
    QTemporaryDir m_dir;
    QHash<QString, Error> m_refusals;
};

void TestCaseFile::initTestCase() {
    GDALAllRegister();
    QVERIFY(m_dir.isValid());
}

QString TestCaseFile::makeCase(const QString& name, int events) {
    const QString path = m_dir.filePath(name);
    auto doc = createDocument(path);
    if (!doc)
        return {};
    for (int i = 0; i < events; ++i) {
        Event e;
        e.title = u"Event number %1 with a long enough title to fill pages"_s.arg(i);
        e.start = edtf("2023-11-12");
        e.point = GeoPoint{98.7 + i * 0.001, 23.7};
        e.tags = {u"lane-%1"_s.arg(i % 3)};
        if (!doc->addEvent(e))
            return {};
    }
    return path;
}

void TestCaseFile::createAndReopen() {
    const QString path = makeCase(u"new.caseatlas"_s);
    QVERIFY(!path.isEmpty());
    auto file = CaseFile::open(path);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().fullText()));
    QCOMPARE(file.value().schemaVersion(), CaseFile::SchemaVersion);
    QCOMPARE(file.value().meta(u"format"_s).value(), u"CaseAtlas"_s);
    QCOMPARE(file.value().meta(u"min_reader_version"_s).value(),
             QString::number(CaseFile::MinReaderVersion));
    QCOMPARE(file.value().meta(u"title"_s).value(), u"Test case"_s);
    QVERIFY(!file.value().caseId().isEmpty());
    QCOMPARE(file.value().db().scalar(u"PRAGMA application_id"_s).value().toLongLong(),
             qint64(0x47504B47));
    QCOMPARE(file.value().db().scalar(u"PRAGMA user_version"_s).value().toInt(), 10200);
    QCOMPARE(file.value().db().scalar(u"PRAGMA journal_mode"_s).value().toString(), u"delete"_s);
    QCOMPARE(file.value().db().scalar(u"PRAGMA synchronous"_s).value().toInt(), 2); // FULL
    QCOMPARE(file.value().db().scalar(u"PRAGMA foreign_keys"_s).value().toInt(), 1);
    QCOMPARE(file.value().db().scalar(u"PRAGMA page_size"_s).value().toInt(), 16384);
    QCOMPARE(databasePageSize(path), 16384u);
    QVERIFY(file.value().integrityProblems(false).value().isEmpty());
    // No temporary files left behind.
    QCOMPARE(dirEntries(m_dir.path()).filter(u".creating"_s).size(), 0);
}

// Cases made before 16 KiB pages keep their 4 KiB ones: they open, take edits, pass the whole-file
// check, and a copy saved of them keeps their page size.
void TestCaseFile::casesIn4KiBPagesStillWork() {
    const QString path = makeCase(u"small-pages.caseatlas"_s, 30);
    QVERIFY(!path.isEmpty());
    {
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db.value().exec(u"PRAGMA page_size = 4096; VACUUM"_s).ok());
    }
    QCOMPARE(databasePageSize(path), 4096u);
    {
        auto doc = CaseDocument::open(path);
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.error().fullText()));
        for (int i = 0; i < 300; ++i) {
            Event e;
            e.title = u"Added to a case in small pages, number %1"_s.arg(i);
            e.start = edtf("2024-01");
            QVERIFY(doc.value()->addEvent(e).ok());
        }
    }
    auto checked = CaseFile::checkWholeFile(path, [] { return false; });
    QVERIFY(checked.ok());
    QVERIFY2(checked.value().isEmpty(), qPrintable(checked.value().join(u"; "_s)));
    QCOMPARE(databasePageSize(path), 4096u);
    QCOMPARE(eventsInCase(path), 330);
    auto file = CaseFile::open(path);
    QVERIFY(file.ok());
    const QString copy = m_dir.filePath(u"small-pages-copy.caseatlas"_s);
    QVERIFY(file.value().saveCopy(copy).ok());
    QCOMPARE(databasePageSize(copy), 4096u);
    QCOMPARE(eventsInCase(copy), 330);
}

void TestCaseFile::createRefusesToOverwrite() {
    const QString path = makeCase(u"exists.caseatlas"_s);
    const QByteArray before = fileHash(path);
    auto again = CaseFile::create(path, u"x"_s);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(fileHash(path), before);
    auto noFolder = CaseFile::create(m_dir.filePath(u"no/such/folder/x.caseatlas"_s), u"x"_s);
    QVERIFY(!noFolder.ok());
    QCOMPARE(noFolder.error().code, ErrorCode::Missing);
}

QString TestCaseFile::prepareBadFile(const QString& kind) {
    return makeBadFile(m_dir.filePath(u"bad-"_s + kind), kind);
}

void TestCaseFile::refusesBadFiles_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::addRow("missing path") << "missing" << int(ErrorCode::Missing) << "There is no file";
    QTest::addRow("directory") << "directory" << int(ErrorCode::IsDirectory) << "is a folder";
    QTest::addRow("empty file") << "empty" << int(ErrorCode::Empty) << "is empty";
    QTest::addRow("text file") << "text" << int(ErrorCode::TextFile) << "text file";
    QTest::addRow("random bytes") << "random" << int(ErrorCode::NotSqlite)
                                  << "not an SQLite database";
    QTest::addRow("truncated case") << "truncated" << int(ErrorCode::Truncated) << "truncated";
    QTest::addRow("corrupted page") << "corrupt" << int(ErrorCode::Corrupt) << "damaged";
    QTest::addRow("plain geopackage")
        << "plain-geopackage" << int(ErrorCode::PlainGeoPackage) << "import";
    QTest::addRow("newer schema") << "newer-schema" << int(ErrorCode::NewerSchema) << "schema 99";
    QTest::addRow("other format") << "other-format" << int(ErrorCode::UnexpectedSchema)
                                  << "SomethingElse";
}

void TestCaseFile::refusesBadFiles() {
    QFETCH(QString, kind);
    QFETCH(int, code);
    QFETCH(QString, says);
    const QString path = prepareBadFile(kind);
    const QString folder = QFileInfo(path).absolutePath();
    const QStringList entriesBefore = dirEntries(folder);
    const QByteArray bytesBefore = fileHash(path);
    for (auto access : {CaseFile::Access::ReadWrite, CaseFile::Access::ReadOnly}) {
        auto opened = CaseFile::open(path, access);
        QVERIFY(!opened.ok());
        QCOMPARE(int(opened.error().code), code);
        QVERIFY2(opened.error().message.contains(says), qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(QDir::toNativeSeparators(path)) ||
                     kind == u"newer-schema" || kind == u"other-format" ||
                     kind == u"plain-geopackage" || kind == u"corrupt",
                 qPrintable(opened.error().message));
        m_refusals.insert(kind, opened.error());
    }
    // Nothing created, nothing changed.
    QCOMPARE(dirEntries(folder), entriesBefore);
    QCOMPARE(fileHash(path), bytesBefore);
    QCOMPARE(QFileInfo::exists(path), kind != u"missing");
}

void TestCaseFile::refusalMessagesAreDistinct() {
    QCOMPARE(m_refusals.size(), 10);
    QSet<QString> messages;
    QSet<int> codes;
    for (const Error& e : std::as_const(m_refusals)) {
        messages.insert(QString(e.message).remove(m_dir.path()));
        codes.insert(int(e.code));
    }
    QCOMPARE(messages.size(), 10);
    QCOMPARE(codes.size(), 10);
}

// An open reads the structure, not the whole file (issue 19): garbage over an index's root page
// refuses the case; garbage deep inside a table lets it open, is an error (never a crash) where
// it is read, and the whole-file check finds it.
void TestCaseFile::damageFoundWhereReadAndByCheck() {
    const QString original = makeCase(u"to-damage.caseatlas"_s, 400);
    QVERIFY(!original.isEmpty());
    // Garbage over page `page` of a copy of the case.
    auto damagedCopy = [&](const QString& name, const QString& pageSql) {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(original, path))
            return QString();
        qint64 page = 0;
        {
            auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
            page = db.value().scalar(pageSql).value().toLongLong();
        }
        if (page < 2)
            return QString();
        const qint64 size = databasePageSize(path);
        QFile f(path);
        if (size < 512 || !f.open(QIODevice::ReadWrite) || !f.seek((page - 1) * size))
            return QString();
        f.write(QByteArray(size, char(0x5A)));
        return path;
    };

    const QString index =
        damagedCopy(u"index-root.caseatlas"_s,
                    u"SELECT rootpage FROM sqlite_schema WHERE name = 'events_uuid_idx'"_s);
    QVERIFY(!index.isEmpty());
    const QByteArray before = fileHash(index);
    auto refused = CaseFile::open(index);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Corrupt);
    QVERIFY2(refused.error().detail.contains(u"events_uuid_idx"_s),
             qPrintable(refused.error().fullText()));
    QCOMPARE(fileHash(index), before);

    // A leaf in the middle of the events table: no open reads it.
    const QString deep = damagedCopy(
        u"deep-leaf.caseatlas"_s,
        u"SELECT pageno FROM (SELECT pageno, row_number() OVER (ORDER BY path) AS n, "
        "count(*) OVER () AS total FROM dbstat WHERE name = 'events' AND pagetype = 'leaf') "
        "WHERE n = total / 2"_s);
    QVERIFY(!deep.isEmpty());
    auto opened = CaseFile::open(deep, CaseFile::Access::ReadOnly);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().fullText()));
    QVERIFY(opened.value().structureProblems().value().isEmpty());
    auto all = opened.value().db().prepare(u"SELECT title FROM events"_s);
    QVERIFY(all.ok());
    Status read = all.value().forEachRow([](SqliteStatement&) {});
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::Corrupt);
    auto whole = opened.value().integrityProblems(true);
    QVERIFY(whole.ok());
    QVERIFY(!whole.value().isEmpty());
}

void TestCaseFile::migratesOlderSchemaWithBackup() {
    const QString path = m_dir.filePath(u"old.caseatlas"_s);
    {
        auto v1 = CaseFile::create(path, u"Old case"_s, 1);
        QVERIFY(v1.ok());
        QCOMPARE(v1.value().schemaVersion(), 1);
        QVERIFY(!v1.value().db().tableExists(u"events"_s));
    }
    const QByteArray v1Bytes = fileHash(path);
    auto migrated = CaseFile::open(path);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().fullText()));
    QCOMPARE(migrated.value().schemaVersion(), CaseFile::SchemaVersion);
    QVERIFY(migrated.value().db().tableExists(u"events"_s));
    QCOMPARE(migrated.value().meta(u"title"_s).value(), u"Old case"_s);
    QCOMPARE(migrated.value().meta(u"schema_version"_s).value(),
             QString::number(CaseFile::SchemaVersion));
    const QString backup = migrated.value().backupPath();
    QVERIFY(QFile::exists(backup));
    auto old = CaseFile::open(backup, CaseFile::Access::ReadOnly);
    QVERIFY(old.ok());
    QCOMPARE(old.value().schemaVersion(), 1);
    Q_UNUSED(v1Bytes);

    // A migration that fails leaves the file as it was: a broken v1 file (table already there).
    const QString clash = m_dir.filePath(u"clash.caseatlas"_s);
    {
        auto v1 = CaseFile::create(clash, u"Clash"_s, 1);
        QVERIFY(v1.ok());
        QVERIFY(v1.value().db().exec(u"CREATE TABLE places (x)"_s).ok());
    }
    const QByteArray before = fileHash(clash);
    auto failed = CaseFile::open(clash);
    QVERIFY(!failed.ok());
    QCOMPARE(fileHash(clash), before);
    auto still = CaseFile::open(clash, CaseFile::Access::ReadOnly);
    QVERIFY(still.ok());
    QCOMPARE(still.value().meta(u"schema_version"_s).value(), u"1"_s);
}

// Schema 5 rebuilds the events table (the uuid kept unique by a named index): every event, its
// id and the rows that refer to it survive, and so does the id counter.
// Schema 7 makes the custody log a hash chain: the entries a case already had are sealed into
// it, in order, once; afterwards none can be changed, and the chain checks out.
void TestCaseFile::schema7SealsTheCustodyLog() {
    const QString path = m_dir.filePath(u"v6-custody.caseatlas"_s);
    {
        auto v6 = CaseFile::create(path, u"Schema 6"_s, 6);
        QVERIFY(v6.ok());
        QVERIFY(v6.value()
                    .db()
                    .exec(u"INSERT INTO custody_log (at, who, action, sha256, detail) VALUES "
                          "('2025-01-02T03:04:05Z', 'aye', 'add', 'ab12', 'statement.pdf'), "
                          "('2025-02-03T04:05:06Z', 'aye', 'export', 'ab12', 'copy.pdf')"_s)
                    .ok());
    }
    auto migrated = CaseFile::open(path);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().fullText()));
    SqliteDatabase& db = migrated.value().db();
    QCOMPARE(db.count(u"SELECT count(*) FROM custody_log WHERE entry_hash IS NOT NULL AND "
                      "length(entry_hash) = 64"_s)
                 .value(),
             2);
    QCOMPARE(db.scalar(u"SELECT prev_hash FROM custody_log WHERE id = 2"_s).value(),
             db.scalar(u"SELECT entry_hash FROM custody_log WHERE id = 1"_s).value());
    CustodyLog log(db);
    QVERIFY(log.verify().value().isEmpty());
    QVERIFY(log.append(u"thiri"_s, u"verify"_s, u"ab12"_s, 0, QString()).ok());
    QVERIFY(log.verify().value().isEmpty());
    // Sealed once: no entry can be changed, not even its hash.
    QVERIFY(!db.exec(u"UPDATE custody_log SET entry_hash = NULL WHERE id = 1"_s).ok());
    QVERIFY(!db.exec(u"UPDATE custody_log SET who = 'x' WHERE id = 3"_s).ok());
    QVERIFY(!db.exec(u"DELETE FROM custody_log WHERE id = 2"_s).ok());
}

void TestCaseFile::schema5KeepsEventsAndTheirRows() {
    const QString path = m_dir.filePath(u"v4.caseatlas"_s);
    {
        auto v4 = CaseFile::create(path, u"Schema 4"_s, 4);
        QVERIFY(v4.ok());
        SqliteDatabase& db = v4.value().db();
        QVERIFY(db.exec(u"INSERT INTO places (fid, uuid, name) VALUES (7, 'p-7', 'Laukkai');"
                        "INSERT INTO actors (id, uuid, name) VALUES (3, 'a-3', 'MNDAA');"
                        "INSERT INTO sources (id, uuid, title) VALUES (5, 's-5', 'Irrawaddy');"
                        "INSERT INTO tags (id, name) VALUES (2, 'Battles');"
                        "INSERT INTO events (fid, uuid, title, start_edtf, earliest_s, latest_s, "
                        "place_id) VALUES (10, 'e-10', 'Clash', '2023-11-12', 1, 2, 7), "
                        "(11, 'e-11', 'Protest', '2023-11', 3, 4, NULL), "
                        "(12, 'e-12', 'Gone', '2023', 5, 6, NULL);"
                        "DELETE FROM events WHERE fid = 12;"
                        "INSERT INTO event_actors (event_id, actor_id, role) VALUES (10, 3, 'x');"
                        "INSERT INTO event_tags (event_id, tag_id) VALUES (10, 2);"
                        "INSERT INTO event_values (event_id, name, value) VALUES (11, 'n', 4);"
                        "INSERT INTO citations (event_id, source_id, quote) VALUES (10, 5, 'q');"_s)
                    .ok());
    }
    auto migrated = CaseFile::open(path);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().fullText()));
    SqliteDatabase& db = migrated.value().db();
    QCOMPARE(migrated.value().schemaVersion(), CaseFile::SchemaVersion);
    QCOMPARE(db.count(u"SELECT count(*) FROM events"_s).value(), 2);
    QCOMPARE(db.scalar(u"SELECT group_concat(fid || ':' || uuid || ':' || title || ':' || "
                       "coalesce(place_id, '-'), ' ') FROM (SELECT * FROM events ORDER BY fid)"_s)
                 .value()
                 .toString(),
             u"10:e-10:Clash:7 11:e-11:Protest:-"_s);
    for (const char* table : {"event_actors", "event_tags", "event_values", "citations"})
        QCOMPARE(db.count(u"SELECT count(*) FROM %1"_s.arg(QLatin1String(table))).value(), 1);
    QCOMPARE(db.count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
    QVERIFY(migrated.value().integrityProblems(false).value().isEmpty());
    // The uuid is still unique, by its index; deleting an event still cascades.
    QCOMPARE(
        db.count(u"SELECT count(*) FROM sqlite_schema WHERE name = 'events_uuid_idx'"_s).value(),
        1);
    QVERIFY(!db.exec(u"INSERT INTO events (uuid, title, start_edtf, earliest_s, latest_s) "
                     "VALUES ('e-10', 'Twin', '2023', 0, 0)"_s)
                 .ok());
    // The id counter is kept: a new event does not take the deleted one's id.
    QVERIFY(db.exec(u"INSERT INTO events (uuid, title, start_edtf, earliest_s, latest_s) "
                    "VALUES ('e-new', 'New', '2024', 0, 0)"_s)
                .ok());
    QCOMPARE(db.lastInsertId(), 13);
    // The search triggers are back on the new table.
    QVERIFY(db.count(u"SELECT count(*) FROM search_dirty WHERE kind = 1 AND id = 13"_s).value() ==
            1);
    QVERIFY(db.exec(u"DELETE FROM events WHERE fid = 10"_s).ok());
    QCOMPARE(db.count(u"SELECT count(*) FROM event_actors"_s).value(), 0);
    QCOMPARE(db.count(u"SELECT count(*) FROM citations"_s).value(), 0);
}

// Schema 11 keys an event's actors, tags and values by the event and their place in its list:
// every row survives with its order (positions that were equal or had gaps become 0, 1, 2 …),
// a tag is still on an event at most once, and deleting an event or an actor still cascades.
void TestCaseFile::schema11KeepsEventListsInOrder() {
    const QString path = m_dir.filePath(u"v10-lists.caseatlas"_s);
    {
        auto v10 = CaseFile::create(path, u"Schema 10"_s, 10);
        QVERIFY(v10.ok());
        SqliteDatabase& db = v10.value().db();
        QVERIFY(db.exec(u"INSERT INTO actors (id, uuid, name) VALUES (3, 'a-3', 'MNDAA'), "
                        "(4, 'a-4', 'Tatmadaw'), (5, 'a-5', 'TNLA');"
                        "INSERT INTO tags (id, name) VALUES (2, 'Battles'), (6, 'Displacement');"
                        "INSERT INTO events (fid, uuid, title, start_edtf, earliest_s, latest_s) "
                        "VALUES (10, 'e-10', 'Clash', '2023-11-12', 1, 2), "
                        "(11, 'e-11', 'Protest', '2023-11', 3, 4);"
                        // Written by hand or an older build: two at position 0, one at 7.
                        "INSERT INTO event_actors (id, event_id, actor_id, role, position) VALUES "
                        "(1, 10, 5, 'third', 7), (2, 10, 3, 'first', 0), (3, 10, 4, 'second', 0), "
                        "(4, 11, 4, NULL, 0);"
                        "INSERT INTO event_tags (id, event_id, tag_id, position) VALUES "
                        "(1, 10, 6, 1), (2, 10, 2, 0);"
                        "INSERT INTO event_values (id, event_id, name, value, unit, position) "
                        "VALUES (1, 11, 'displaced', 120, 'people', 0), "
                        "(2, 11, 'killed', 2, 'people', 0);"_s)
                    .ok());
    }
    auto migrated = CaseFile::open(path);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().fullText()));
    SqliteDatabase& db = migrated.value().db();
    QCOMPARE(migrated.value().schemaVersion(), CaseFile::SchemaVersion);
    auto list = [&](const QString& sql) { return db.scalar(sql).value().toString(); };
    QCOMPARE(list(u"SELECT group_concat(event_id || ':' || position || ':' || actor_id || ':' || "
                  "coalesce(role, '-'), ' ') FROM (SELECT * FROM event_actors ORDER BY event_id, "
                  "position)"_s),
             u"10:0:3:first 10:1:4:second 10:2:5:third 11:0:4:-"_s);
    QCOMPARE(list(u"SELECT group_concat(tag_id || ':' || position, ' ') FROM (SELECT * FROM "
                  "event_tags WHERE event_id = 10 ORDER BY position)"_s),
             u"2:0 6:1"_s);
    QCOMPARE(list(u"SELECT group_concat(name || '=' || value, ' ') FROM (SELECT * FROM "
                  "event_values WHERE event_id = 11 ORDER BY position)"_s),
             u"displaced=120.0 killed=2.0"_s);
    // No ids of their own any more, and no index by event beside the key.
    for (const char* table : {"event_actors", "event_tags", "event_values"})
        QCOMPARE(db.count(u"SELECT count(*) FROM pragma_table_info('%1') WHERE name = 'id'"_s.arg(
                              QLatin1String(table)))
                     .value(),
                 0);
    QCOMPARE(db.count(u"SELECT count(*) FROM sqlite_schema WHERE name IN "
                      "('event_actors_event_idx', 'event_values_event_idx')"_s)
                 .value(),
             0);
    QCOMPARE(db.count(u"SELECT count(*) FROM sqlite_schema WHERE name IN "
                      "('event_actors_actor_idx', 'event_tags_tag_idx')"_s)
                 .value(),
             2);
    QCOMPARE(db.count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
    QVERIFY(migrated.value().integrityProblems(false).value().isEmpty());
    QVERIFY(
        !db.exec(u"INSERT INTO event_tags (event_id, tag_id, position) VALUES (10, 2, 5)"_s).ok());
    QVERIFY(db.exec(u"DELETE FROM actors WHERE id = 4"_s).ok());
    QCOMPARE(db.count(u"SELECT count(*) FROM event_actors"_s).value(), 2);
    QVERIFY(db.exec(u"DELETE FROM events WHERE fid = 10"_s).ok());
    QCOMPARE(db.count(u"SELECT count(*) FROM event_actors"_s).value(), 0);
    QCOMPARE(db.count(u"SELECT count(*) FROM event_tags"_s).value(), 0);
    QCOMPARE(db.count(u"SELECT count(*) FROM event_values"_s).value(), 2);
}

void TestCaseFile::newerReaderNeededIsRefused() {
    const QString path = makeBadFile(m_dir.filePath(u"newer-again"_s), u"newer-schema"_s);
    auto r = CaseFile::open(path);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(u"schema 99"_s));
    QVERIFY(r.error().message.contains(u"schema %1"_s.arg(CaseFile::SchemaVersion)));
}

void TestCaseFile::newerSchemaOpensReadOnly() {
    const QString path = makeCase(u"newer-compatible.caseatlas"_s);
    {
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
        QVERIFY(db.exec(u"UPDATE caseatlas_meta SET value='%1' WHERE key='schema_version'"_s.arg(
                            CaseFile::SchemaVersion + 1))
                    .ok());
    }
    const QByteArray before = fileHash(path);
    auto r = CaseFile::open(path);
    QVERIFY(r.ok());
    QVERIFY(r.value().isReadOnly());
    QVERIFY(r.value().readOnlyReason().contains(u"newer"_s));
    r.value().close();
    QCOMPARE(fileHash(path), before);
}

void TestCaseFile::foreignTriggerIsRefused() {
    const QString path = makeCase(u"trigger.caseatlas"_s);
    {
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
        QVERIFY(
            db.exec(
                  u"CREATE TRIGGER sneaky AFTER INSERT ON events BEGIN DELETE FROM sources; END"_s)
                .ok());
    }
    auto r = CaseFile::open(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::UnexpectedSchema);
    QVERIFY(r.error().message.contains(u"sneaky"_s));

    // A trigger with one of our names but another body (the custody log made deletable) is
    // refused too.
    const QString swapped = makeCase(u"swapped-trigger.caseatlas"_s);
    {
        auto db = SqliteDatabase::open(swapped, SqliteDatabase::Mode::ReadWrite).value();
        QVERIFY(db.exec(u"DROP TRIGGER custody_log_no_delete; CREATE TRIGGER custody_log_no_delete "
                        "BEFORE DELETE ON custody_log BEGIN SELECT 1; END"_s)
                    .ok());
    }
    const QByteArray before = fileHash(swapped);
    auto s = CaseFile::open(swapped);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::UnexpectedSchema);
    QVERIFY2(s.error().message.contains(u"custody_log_no_delete"_s), qPrintable(s.error().message));
    QCOMPARE(fileHash(swapped), before);

    // And one of ours removed (the custody log made rewritable) is refused as well.
    const QString missing = makeCase(u"missing-trigger.caseatlas"_s);
    {
        auto db = SqliteDatabase::open(missing, SqliteDatabase::Mode::ReadWrite).value();
        QVERIFY(db.exec(u"DROP TRIGGER custody_log_no_update"_s).ok());
    }
    const QByteArray untouched = fileHash(missing);
    auto m = CaseFile::open(missing);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code, ErrorCode::UnexpectedSchema);
    QVERIFY2(m.error().message.contains(u"custody_log_no_update"_s), qPrintable(m.error().message));
    QCOMPARE(fileHash(missing), untouched);
}

void TestCaseFile::readOnlyFileOpensReadOnly() {
    if (geteuid() == 0)
        QSKIP("root can write to read-only files; the check needs an ordinary user");
    const QString path = makeCase(u"readonly.caseatlas"_s);
    QFile::setPermissions(path, QFileDevice::ReadOwner);
    auto r = CaseFile::open(path);
    QVERIFY(r.ok());
    QVERIFY(r.value().isReadOnly());
}

// The state a crash leaves: a hot journal next to a file whose first page already claims more
// pages than the file has. Opening rolls the change back; a read-only open refuses clearly.
void TestCaseFile::recoversFromInterruptedWrite() {
    const QString path = makeCase(u"interrupted.caseatlas"_s, 10);
    const QString crashed = m_dir.filePath(u"crashed.caseatlas"_s);
    {
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
        // The schema change puts page 1 in the journal, as growing the file does for SQLite.
        QVERIFY(
            db.exec(u"PRAGMA cache_size = 5; BEGIN IMMEDIATE; CREATE TABLE scratch (x)"_s).ok());
        EventRepository events(db);
        for (int i = 0; i < 400; ++i) {
            Event e;
            e.title = u"Never committed %1 %2"_s.arg(i).arg(QString(200, u'z'));
            e.start = edtf("2024");
            QVERIFY(events.insert(e).ok());
        }
        // Freeze the files as a kill would leave them, then let this writer roll back.
        QVERIFY(QFile::exists(path + u"-journal"_s));
        QVERIFY(QFile::copy(path, crashed));
        QVERIFY(QFile::copy(path + u"-journal"_s, crashed + u"-journal"_s));
        QVERIFY(db.exec(u"ROLLBACK"_s).ok());
    }
    {
        // As seen after a real kill: page 1 already written with the new size, the last pages
        // not yet. The header claims a few more pages than the file holds.
        const qint64 size = databasePageSize(crashed);
        QVERIFY(size >= 512);
        QFile f(crashed);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const quint32 claimed = quint32(f.size() / size) + 4;
        const uchar pages[4] = {uchar(claimed >> 24), uchar(claimed >> 16), uchar(claimed >> 8),
                                uchar(claimed)};
        QVERIFY(f.seek(28));
        f.write(reinterpret_cast<const char*>(pages), 4);
    }
    QCOMPARE(CaseFile::identify(m_dir.filePath(u"nothing-here"_s)).error().code,
             ErrorCode::Missing);
    const QByteArray before = fileHash(crashed);
    auto ro = CaseFile::open(crashed, CaseFile::Access::ReadOnly);
    QVERIFY(!ro.ok());
    QVERIFY2(ro.error().message.contains(u"mid-change"_s), qPrintable(ro.error().message));
    QCOMPARE(fileHash(crashed), before);

    auto recovered = CaseFile::open(crashed);
    QVERIFY2(recovered.ok(), qPrintable(recovered.ok() ? QString() : recovered.error().fullText()));
    QCOMPARE(recovered.value().db().count(u"SELECT count(*) FROM events"_s).value(), 10);
    QVERIFY(recovered.value().integrityProblems(false).value().isEmpty());
    QVERIFY(!QFile::exists(crashed + u"-journal"_s));
}

void TestCaseFile::saveCopyIsCheckedAndAtomic() {
    const QString path = makeCase(u"original.caseatlas"_s, 20);
    auto file = CaseFile::open(path);
    QVERIFY(file.ok());
    const QString target = m_dir.filePath(u"copies/copy.caseatlas"_s);
    QVERIFY(!file.value().saveCopy(target).ok()); // folder missing
    QDir().mkpath(m_dir.filePath(u"copies"_s));
    QVERIFY(file.value().saveCopy(target).ok());
    auto copy = CaseFile::open(target, CaseFile::Access::ReadOnly);
    QVERIFY(copy.ok());
    QCOMPARE(copy.value().db().count(u"SELECT count(*) FROM events"_s).value(), 20);
    QCOMPARE(copy.value().db().scalar(u"PRAGMA application_id"_s).value().toLongLong(),
             qint64(0x47504B47));
    QCOMPARE(copy.value().db().scalar(u"PRAGMA user_version"_s).value().toInt(), 10200);
    copy.value().close();
    // Saving over an existing copy replaces it whole; no temporary files remain.
    Event e;
    QVERIFY(EventRepository(file.value().db()).remove(1).ok());
    QVERIFY(file.value().saveCopy(target).ok());
    QCOMPARE(eventsInCase(target), 19);
    QCOMPARE(dirEntries(m_dir.filePath(u"copies"_s)), QStringList{u"copy.caseatlas"_s});
    QVERIFY(!file.value().saveCopy(path).ok()); // never over itself
}

void TestCaseFile::gdalReadsEventsAndPlaces() {
    const QString path = m_dir.filePath(u"gdal.caseatlas"_s);
    {
        auto doc = createDocument(path);
        Place p;
        p.name = u"Laukkai"_s;
        p.point = GeoPoint{98.76, 23.69};
        p.aliases = {{u"老街"_s, u"zh-Hans"_s}};
        const qint64 pid = doc->addPlace(p).value();
        Event own;
        own.title = u"Raid on compound"_s;
        own.start = edtf("2023-11-12");
        own.point = GeoPoint{98.70, 23.60};
        QVERIFY(doc->addEvent(own).ok());
        Event atPlace;
        atPlace.title = u"Repatriation via Laukkai"_s;
        atPlace.start = edtf("2023-11~");
        atPlace.placeId = pid;
        atPlace.tags = {u"repatriation"_s, u"crackdown"_s};
        QVERIFY(doc->addEvent(atPlace).ok());
    }
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 drivers, nullptr, nullptr);
    QVERIFY(ds);
    OGRLayerH events = GDALDatasetGetLayerByName(ds, "events");
    QVERIFY(events);
    QCOMPARE(OGR_L_GetFeatureCount(events, TRUE), GIntBig(2));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(events);
    const int titleField = OGR_FD_GetFieldIndex(defn, "title");
    const int earliestField = OGR_FD_GetFieldIndex(defn, "earliest");
    const int tagsField = OGR_FD_GetFieldIndex(defn, "tags");
    QVERIFY(titleField >= 0 && earliestField >= 0 && tagsField >= 0);
    QCOMPARE(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, earliestField)), OFTDateTime);
    OGR_L_SetAttributeFilter(events, "title = 'Repatriation via Laukkai'");
    OGRFeatureH f = OGR_L_GetNextFeature(events);
    QVERIFY(f);
    QCOMPARE(QString::fromUtf8(OGR_F_GetFieldAsString(f, tagsField)), u"repatriation; crackdown"_s);
    int y, m, d, h, mi, tz;
    float s;
    QVERIFY(OGR_F_GetFieldAsDateTimeEx(f, earliestField, &y, &m, &d, &h, &mi, &s, &tz));
    QCOMPARE(y, 2023);
    QCOMPARE(m, 11);
    QCOMPARE(d, 1);
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    QVERIFY(g);
    QCOMPARE(OGR_G_GetX(g, 0), 98.76); // the place's point
    QCOMPARE(OGR_G_GetY(g, 0), 23.69);
    OGR_F_Destroy(f);
    OGRLayerH places = GDALDatasetGetLayerByName(ds, "places");
    QVERIFY(places);
    QCOMPARE(OGR_L_GetFeatureCount(places, TRUE), GIntBig(1));
    GDALClose(ds);
}

void TestCaseFile::passesGeoPackageValidator() {
    const QString validator =
        u"/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"_s;
    if (!QFile::exists(validator))
        QSKIP("python3-gdal's validate_gpkg.py is not installed (packaging/setup-debian.sh "
              "installs it)");
    const QString path = makeCase(u"validate.caseatlas"_s, 5);
    const QString copy = m_dir.filePath(u"validate.gpkg"_s);
    QVERIFY(QFile::copy(path, copy));
    QProcess p;
    p.start(u"python3"_s, {validator, copy});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
}

QTEST_GUILESS_MAIN(TestCaseFile)
#include "tst_casefile.moc"
