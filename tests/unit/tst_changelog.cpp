#include "testsupport.h"

#include "core/clock.h"
#include "core/hlc.h"
#include "store/changelog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// Every edit of a case as a changeset (issue 20, point 1): who, when by a hybrid logical clock,
// and each field changed, records named by uuid. tst_undo checks that every kind of edit, its
// undo and its redo each append one.
class TestChangeLog : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void clockReadingsOrderChanges();
    void clockNeverGoesBack();
    void eventEditNamesFieldsByUuid();
    void newAndDeletedRecords();
    void noteLinksNameRecordsByUuid();
    void fieldAuthorsAreKept();
    void changesetsAreAppendOnly();
    void copyIsAReplicaOfItsOwn();
    void olderCaseGetsReplicaAndUuids();
};

namespace {

const QString kReplica = u"0123456789abcdef0123456789abcdef"_s;

// The last changeset's changes as "table record field: before -> after".
QStringList lastChanges(SqliteDatabase& db) {
    auto rows = db.prepare(u"SELECT record_table, record, field, quote(old_value), "
                           "quote(new_value) FROM changes WHERE changeset_id = "
                           "(SELECT max(id) FROM changesets) ORDER BY seq"_s)
                    .value();
    QStringList out;
    while (rows.step().value())
        out << u"%1 %2 %3: %4 -> %5"_s.arg(rows.text(0), rows.text(1), rows.text(2), rows.text(3),
                                           rows.text(4));
    return out;
}

QString uuidOf(SqliteDatabase& db, const QString& table, const QString& key, qint64 id) {
    return db.scalar(u"SELECT uuid FROM %1 WHERE %2 = ?"_s.arg(table, key), {id})
        .value()
        .toString();
}

} // namespace

void TestChangeLog::cleanup() {
    Clock::setSource({});
}

void TestChangeLog::clockReadingsOrderChanges() {
    const Hlc a{1764950400000, 0, kReplica};
    QCOMPARE(a.text(), u"0001764950400000.00000."_s + kReplica);
    QCOMPARE(Hlc::parse(a.text()), std::optional<Hlc>(a));
    QVERIFY(!Hlc::parse(u"1764950400000.00000."_s + kReplica));    // not 16 digits
    QVERIFY(!Hlc::parse(u"0001764950400000.00000.ABC"_s));         // not a replica id
    QVERIFY(!Hlc::parse(a.text() + u"x"_s));                       // trailing text
    QVERIFY(!Hlc::parse(u"0001764950400000.0000x."_s + kReplica)); // counter
    // The text sorts as the readings do: time, then counter, then replica.
    const QList<Hlc> readings = {{1, 0, kReplica},
                                 {1, 1, kReplica},
                                 {1, 1, u"f"_s.repeated(32)},
                                 {2, 0, u"0"_s.repeated(32)},
                                 {1764950400000, 99999, kReplica}};
    for (qsizetype i = 1; i < readings.size(); ++i) {
        QVERIFY(readings.at(i - 1) < readings.at(i));
        QVERIFY(readings.at(i - 1).text() < readings.at(i).text());
    }
}

void TestChangeLog::clockNeverGoesBack() {
    qint64 wall = 1764950400000;
    Clock::setSource([&] { return QDateTime::fromMSecsSinceEpoch(wall, Qt::UTC); });
    HybridClock clock(kReplica);
    const Hlc first = clock.now();
    QCOMPARE(first.ms, wall);
    QCOMPARE(first.counter, 0);
    const Hlc second = clock.now(); // the same millisecond
    QCOMPARE(second.ms, wall);
    QCOMPARE(second.counter, 1);
    wall -= 60'000; // the computer's clock set back a minute
    const Hlc third = clock.now();
    QVERIFY(second < third);
    QCOMPARE(third.ms, second.ms);
    // A change from a replica whose clock runs ahead: anything after it reads later still.
    const Hlc remote{wall + 3'600'000, 7, u"f"_s.repeated(32)};
    const Hlc seen = clock.observe(remote);
    QCOMPARE(seen.ms, remote.ms);
    QCOMPARE(seen.counter, 8);
    QVERIFY(remote < clock.now());
    // Restored from a case whose last reading is later than the wall clock.
    HybridClock reopened(kReplica);
    reopened.restore(clock.last());
    QVERIFY(clock.last() < reopened.now());
    // A hundred thousand readings in one millisecond move on to the next one.
    HybridClock busy(kReplica);
    busy.restore({wall, Hlc::MaxCounter, kReplica});
    const Hlc next = busy.now();
    QCOMPARE(next.ms, wall + 1);
    QCOMPARE(next.counter, 0);
}

void TestChangeLog::eventEditNamesFieldsByUuid() {
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"edit.caseatlas"_s));
    QVERIFY(doc);
    Place p1, p2;
    p1.name = u"Laukkai"_s;
    p1.point = GeoPoint{98.76, 23.69};
    p2.name = u"Mong La"_s;
    p2.point = GeoPoint{99.89, 21.68};
    const qint64 place1 = doc->addPlace(p1).value(), place2 = doc->addPlace(p2).value();
    Actor a;
    a.name = u"Wei family"_s;
    const qint64 actor = doc->addActor(a).value();
    Event e;
    e.title = u"Raid"_s;
    e.start = edtf("2023-11~");
    e.placeId = place1;
    e.tags = {u"raid"_s};
    const qint64 id = doc->addEvent(e).value();
    SqliteDatabase& db = doc->db();
    const QString uuid = uuidOf(db, u"events"_s, u"fid"_s, id);
    const QString placeUuid1 = uuidOf(db, u"places"_s, u"fid"_s, place1);
    const QString placeUuid2 = uuidOf(db, u"places"_s, u"fid"_s, place2);
    const QString actorUuid = uuidOf(db, u"actors"_s, u"id"_s, actor);

    e = doc->events().load(id).value();
    e.title = u"Raid on a compound"_s;
    e.start = edtf("2023-11-12");
    e.placeId = place2;
    e.actors = {{actor, u"perpetrator"_s}};
    QVERIFY(doc->updateEvent(e).ok());
    const QStringList changes = lastChanges(db);
    const QString at = u"events "_s + uuid + u' ';
    QVERIFY2(changes.contains(at + u"title: 'Raid' -> 'Raid on a compound'"_s),
             qPrintable(changes.join(u'\n')));
    QVERIFY(changes.contains(at + u"start_edtf: '2023-11~' -> '2023-11-12'"_s));
    QVERIFY(changes.contains(u"%1place: '%2' -> '%3'"_s.arg(at, placeUuid1, placeUuid2)));
    QVERIFY(changes.contains(
        u"%1actors: NULL -> '[{\"actor\":\"%2\",\"role\":\"perpetrator\"}]'"_s.arg(at, actorUuid)));
    // What the case works out from those (the date's bounds, the place's point) is not a change
    // of its own, and nothing names a row id.
    for (const QString& c : changes) {
        QVERIFY2(!c.contains(u" earliest"_s) && !c.contains(u" latest"_s), qPrintable(c));
        QVERIFY2(!c.contains(u" geom:"_s), qPrintable(c));
        QVERIFY2(!c.contains(u"place_id"_s), qPrintable(c));
    }
    QCOMPARE(changes.size(), 4);
}

void TestChangeLog::newAndDeletedRecords() {
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"records.caseatlas"_s));
    Source s;
    s.title = u"Interview"_s;
    s.url = u"https://example.org/i"_s;
    const qint64 source = doc->addSource(s).value();
    SqliteDatabase& db = doc->db();
    const QString uuid = uuidOf(db, u"sources"_s, u"id"_s, source);
    QStringList made = lastChanges(db);
    QCOMPARE(made.first(), u"sources %1 : NULL -> 1"_s.arg(uuid));
    QVERIFY(made.contains(u"sources %1 title: NULL -> 'Interview'"_s.arg(uuid)));
    QVERIFY(made.contains(u"sources %1 url: NULL -> 'https://example.org/i'"_s.arg(uuid)));
    Event e;
    e.title = u"Cited"_s;
    e.start = edtf("2024");
    const qint64 event = doc->addEvent(e).value();
    QVERIFY(doc->addCitation({0, event, source, QString(), u"p. 4"_s, u"they said"_s, 2}).ok());
    const QString eventUuid = uuidOf(db, u"events"_s, u"fid"_s, event);
    const QStringList cited = lastChanges(db);
    QCOMPARE(cited.size(), 1);
    QVERIFY2(cited.first().startsWith(u"events %1 citations: NULL -> '[{"_s.arg(eventUuid)),
             qPrintable(cited.first()));
    QVERIFY(cited.first().contains(u"\"source\":\"%1\""_s.arg(uuid)));
    QVERIFY(cited.first().contains(u"\"quote\":\"they said\""_s));

    // Deleting the source takes its citations: the source's fields go, and the event's list.
    QVERIFY(doc->deleteSource(source).ok());
    const QStringList gone = lastChanges(db);
    QVERIFY2(gone.contains(u"sources %1 : 1 -> NULL"_s.arg(uuid)), qPrintable(gone.join(u'\n')));
    QVERIFY(gone.contains(u"sources %1 title: 'Interview' -> NULL"_s.arg(uuid)));
    QVERIFY(std::any_of(gone.cbegin(), gone.cend(), [&](const QString& c) {
        return c.startsWith(u"events %1 citations: '[{"_s.arg(eventUuid)) && c.endsWith(u"NULL"_s);
    }));
}

void TestChangeLog::noteLinksNameRecordsByUuid() {
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"note.caseatlas"_s));
    Event e;
    e.title = u"Linked"_s;
    e.start = edtf("2024-03");
    const qint64 event = doc->addEvent(e).value();
    Note n;
    n.title = u"Chronology"_s;
    n.body = u"See [[event:%1|the raid]] and [[event:999999|a lost one]]."_s.arg(event);
    QVERIFY(doc->addNote(n).ok());
    const QString eventUuid = uuidOf(doc->db(), u"events"_s, u"fid"_s, event);
    const QStringList changes = lastChanges(doc->db());
    QVERIFY2(std::any_of(changes.cbegin(), changes.cend(),
                         [&](const QString& c) {
                             return c.contains(u" body: NULL -> 'See [[event:%1|the raid]] and "
                                               "[[event:999999|a lost one]].'"_s.arg(eventUuid));
                         }),
             qPrintable(changes.join(u'\n')));
}

void TestChangeLog::fieldAuthorsAreKept() {
    qint64 wall = 1764950400000;
    Clock::setSource([&] { return QDateTime::fromMSecsSinceEpoch(wall, Qt::UTC); });
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"authors.caseatlas"_s));
    doc->setUserName(u"Aye"_s);
    Event e;
    e.title = u"Repatriation"_s;
    e.start = edtf("2023-11");
    const qint64 id = doc->addEvent(e).value();
    wall += 86'400'000;
    doc->setUserName(u"Ko"_s);
    e = doc->events().load(id).value();
    e.start = edtf("2023-11-20");
    QVERIFY(doc->updateEvent(e).ok());
    const QString uuid = uuidOf(doc->db(), u"events"_s, u"fid"_s, id);
    ChangeLog log(doc->db());
    auto authors = log.authors(uuid);
    QVERIFY(authors.ok());
    QCOMPARE(authors.value().value(u"title"_s).author, u"Aye"_s);
    QCOMPARE(authors.value().value(u""_s).author, u"Aye"_s); // made it
    QCOMPARE(authors.value().value(u"start_edtf"_s).author, u"Ko"_s);
    QCOMPARE(authors.value().value(u"start_edtf"_s).hlc.ms, wall);
    QCOMPARE(authors.value().value(u"title"_s).hlc.ms, wall - 86'400'000);
    // Undone, the date is Ko's again (the undo is an edit of its own), then redone.
    doc->undoStack()->undo();
    authors = log.authors(uuid);
    QCOMPARE(authors.value().value(u"start_edtf"_s).label,
             u"Undo: "_s + doc->undoStack()->redoText());
    QCOMPARE(log.changesOf(uuid).value().last().after.toString(), u"2023-11"_s);
}

void TestChangeLog::changesetsAreAppendOnly() {
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"append.caseatlas"_s));
    QVERIFY(doc->setTitle(u"Renamed"_s).ok());
    SqliteDatabase& db = doc->db();
    const QStringList changes = lastChanges(db);
    QCOMPARE(changes.size(), 1);
    QVERIFY2(changes.first().startsWith(u"case "_s) &&
                 changes.first().endsWith(u" title: 'Test case' -> 'Renamed'"_s),
             qPrintable(changes.first()));
    QVERIFY(!db.exec(u"UPDATE changesets SET author = 'someone else'"_s).ok());
    QVERIFY(!db.exec(u"DELETE FROM changesets"_s).ok());
    QVERIFY(!db.exec(u"UPDATE changes SET new_value = 'x'"_s).ok());
    QVERIFY(!db.exec(u"DELETE FROM changes"_s).ok());
    QCOMPARE(lastChanges(db), changes);
}

void TestChangeLog::copyIsAReplicaOfItsOwn() {
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"original.caseatlas"_s));
    QVERIFY(doc->setTitle(u"Shared"_s).ok());
    const QString replica = ChangeLog(doc->db()).replicaId().value();
    QVERIFY(Hlc::isReplicaId(replica));
    const QString copyPath = dir.filePath(u"copy.caseatlas"_s);
    QVERIFY(doc->saveCopyAs(copyPath).ok());
    auto copy = CaseDocument::open(copyPath).value();
    const QString copyReplica = ChangeLog(copy->db()).replicaId().value();
    QVERIFY(Hlc::isReplicaId(copyReplica));
    QVERIFY(copyReplica != replica);
    QVERIFY(copy->setTitle(u"Edited in the copy"_s).ok());
    const auto last = ChangeLog(copy->db()).lastHlc().value();
    QVERIFY(last);
    QCOMPARE(last->replica, copyReplica);
    // The copy's history goes on from the original's.
    QCOMPARE(copy->db().count(u"SELECT count(*) FROM changesets"_s).value(), 2);
}

void TestChangeLog::olderCaseGetsReplicaAndUuids() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v11.caseatlas"_s);
    {
        auto v11 = CaseFile::create(path, u"Schema 11"_s, 11);
        QVERIFY(v11.ok());
        QVERIFY(v11.value()
                    .db()
                    .exec(u"INSERT INTO eras (name, span_edtf, earliest_s, latest_s) VALUES "
                          "('Ceasefire', '2024-01/2024-06', 1, 2), ('War', '2023', 3, 4)"_s)
                    .ok());
    }
    auto migrated = CaseDocument::open(path);
    QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.error().fullText()));
    SqliteDatabase& db = migrated.value()->db();
    QVERIFY(Hlc::isReplicaId(ChangeLog(db).replicaId().value()));
    QCOMPARE(db.count(u"SELECT count(DISTINCT uuid) FROM eras WHERE uuid LIKE "
                      "'________-____-4___-____-____________'"_s)
                 .value(),
             2);
    // A row added without a uuid gets one.
    QVERIFY(migrated.value()->addEra({0, u"Talks"_s, edtf("2025"), QColor(), QString()}).ok());
    QCOMPARE(db.count(u"SELECT count(DISTINCT uuid) FROM eras"_s).value(), 3);
    QCOMPARE(lastChanges(db).first().left(5), u"eras "_s);
}

QTEST_GUILESS_MAIN(TestChangeLog)
#include "tst_changelog.moc"
