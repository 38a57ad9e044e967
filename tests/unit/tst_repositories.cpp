#include "testsupport.h"

#include "model/casemapdata.h"
#include "model/timeindex.h"

#include <QBuffer>
#include <QJsonArray>
#include <QTimeZone>

#include "core/clock.h"
#include "core/sha256.h"
#include "store/gpkggeometry.h"

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

class TestRepositories : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void eventRoundTrip();
    void eventValidation_data();
    void eventValidation();
    void placesMoveTheirEvents();
    void aliasesInSeveralScripts();
    void sourcesAndCitations();
    void notesKeepLinksById();
    void tagsErasViews();
    void attachmentsDeduplicateByHash();
    void sha256OfBytesAndFiles();
    void tamperedAttachmentFailsVerification();
    void custodyLogIsAppendOnly();
    void timeIndexIsSortedWithFlags();
    void loadsLeaveNoReadOpen();
    void caseQueriesReadWhatViewsShow();
    void timeIndexFollowsEditsIncrementally();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDocument> m_doc;
};

void TestRepositories::init() {
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    m_doc = createDocument(
        m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + tag + u".caseatlas"_s));
    QVERIFY(m_doc);
}

void TestRepositories::cleanup() {
    m_doc.reset();
}

void TestRepositories::eventRoundTrip() {
    Actor a;
    a.name = u"Wei family"_s;
    a.kind = ActorKind::Group;
    const qint64 actorId = m_doc->addActor(a).value();
    Place p;
    p.name = u"Laukkai"_s;
    p.point = GeoPoint{98.76, 23.69};
    const qint64 placeId = m_doc->addPlace(p).value();

    Event e;
    e.title = u"  Repatriation of 31,000 people  "_s;
    e.description = u"**Handed over** at the border."_s;
    e.start = edtf("2023-11~");
    e.end = edtf("2024-01-05");
    e.placeId = placeId;
    e.destinationPlaceId = placeId;
    e.point = GeoPoint{98.7, 23.6};
    e.locationPrecision = LocationPrecision::Approximate;
    e.precisionMetres = 5000;
    e.status = EventStatus::Disputed;
    e.sensitivity = Sensitivity::Confidential;
    e.actors = {{actorId, u"perpetrator"_s}};
    e.tags = {u"repatriation"_s, u"遣返"_s};
    e.values = {{u"people repatriated"_s, 31000, u"people"_s}};
    auto id = m_doc->addEvent(e);
    QVERIFY(id.ok());
    auto loaded = m_doc->events().load(id.value());
    QVERIFY(loaded.ok());
    const Event& l = loaded.value();
    QCOMPARE(l.title, u"Repatriation of 31,000 people"_s);
    QCOMPARE(l.description, e.description);
    QCOMPARE(l.start.toEdtf(), u"2023-11~"_s);
    QCOMPARE(l.end.toEdtf(), u"2024-01-05"_s);
    QCOMPARE(l.earliest(), e.start.earliest());
    QCOMPARE(l.latest(), e.end.latest());
    QCOMPARE(l.placeId, placeId);
    QCOMPARE(l.destinationPlaceId, placeId);
    QCOMPARE(l.originPlaceId, 0);
    QVERIFY(l.point.has_value());
    QCOMPARE(*l.point, (GeoPoint{98.7, 23.6}));
    QCOMPARE(l.locationPrecision, LocationPrecision::Approximate);
    QCOMPARE(l.precisionMetres, 5000.0);
    QCOMPARE(l.status, EventStatus::Disputed);
    QCOMPARE(l.sensitivity, Sensitivity::Confidential);
    QCOMPARE(l.actors, e.actors);
    QCOMPARE(l.tags, e.tags);
    QCOMPARE(l.values, e.values);
    QVERIFY(!l.uuid.isEmpty());

    Event changed = l;
    changed.tags = {u"crackdown"_s};
    changed.actors.clear();
    changed.point.reset();
    QVERIFY(m_doc->updateEvent(changed).ok());
    const Event l2 = m_doc->events().load(l.id).value();
    QCOMPARE(l2.tags, QStringList{u"crackdown"_s});
    QVERIFY(l2.actors.isEmpty());
    QVERIFY(!l2.point.has_value()); // now takes the place's point
    QCOMPARE(l2.uuid, l.uuid);
    QCOMPARE(
        m_doc->db().scalar(u"SELECT tags FROM events WHERE fid = ?"_s, {l.id}).value().toString(),
        u"crackdown"_s);
    QCOMPARE(m_doc->events().all().value().size(), 1);
}

void TestRepositories::eventValidation_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("says");
    QTest::addRow("no title") << "title"
                              << "needs a title";
    QTest::addRow("no date") << "date"
                             << "needs a date";
    QTest::addRow("ends before start") << "end"
                                       << "ends";
    QTest::addRow("interval and end") << "interval"
                                      << "one or the other";
    QTest::addRow("latitude 95") << "point"
                                 << "latitude";
    QTest::addRow("missing place") << "place"
                                   << "does not exist";
    QTest::addRow("missing actor") << "actor"
                                   << "does not exist";
    QTest::addRow("value without name") << "value"
                                        << "needs a name";
    QTest::addRow("negative precision") << "precision"
                                        << "metres";
}

void TestRepositories::eventValidation() {
    QFETCH(QString, field);
    QFETCH(QString, says);
    Event e;
    e.title = u"Valid"_s;
    e.start = edtf("2023");
    if (field == u"title")
        e.title = u"   "_s;
    if (field == u"date")
        e.start = FuzzyDate();
    if (field == u"end") {
        e.start = edtf("2024-02");
        e.end = edtf("2023-01");
    }
    if (field == u"interval") {
        e.start = edtf("2023/2024");
        e.end = edtf("2025");
    }
    if (field == u"point")
        e.point = GeoPoint{98, 95};
    if (field == u"place")
        e.placeId = 777;
    if (field == u"actor")
        e.actors = {{888, u"victim"_s}};
    if (field == u"value")
        e.values = {{u""_s, 3, u"people"_s}};
    if (field == u"precision")
        e.precisionMetres = -1;
    const int undoBefore = m_doc->undoStack()->count();
    auto r = m_doc->addEvent(e);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(says), qPrintable(r.error().message));
    QCOMPARE(m_doc->events().count().value(), 0);
    QCOMPARE(m_doc->undoStack()->count(), undoBefore); // nothing half-done on the stack
    QCOMPARE(m_doc->db().count(u"SELECT count(*) FROM tags"_s).value(), 0);
}

void TestRepositories::placesMoveTheirEvents() {
    Place p;
    p.name = u"Compound"_s;
    p.point = GeoPoint{98.1, 23.1};
    const qint64 pid = m_doc->addPlace(p).value();
    Event e;
    e.title = u"At the compound"_s;
    e.start = edtf("2023");
    e.placeId = pid;
    const qint64 eid = m_doc->addEvent(e).value();
    auto geomOf = [&] {
        return pointFromGpkg(m_doc->db()
                                 .scalar(u"SELECT geom FROM events WHERE fid = ?"_s, {eid})
                                 .value()
                                 .toByteArray());
    };
    QCOMPARE(*geomOf(), (GeoPoint{98.1, 23.1}));
    p = m_doc->places().load(pid).value();
    p.point = GeoPoint{99.0, 24.0};
    QVERIFY(m_doc->updatePlace(p).ok());
    QCOMPARE(*geomOf(), (GeoPoint{99.0, 24.0}));
    QVERIFY(m_doc->deletePlace(pid).ok());
    QVERIFY(!geomOf().has_value());
    QCOMPARE(m_doc->events().load(eid).value().placeId, 0);
}

void TestRepositories::aliasesInSeveralScripts() {
    Actor a;
    a.name = u"Myanmar military junta"_s;
    a.kind = ActorKind::StateBody;
    a.aliases = {{u"缅甸军政府"_s, u"zh-Hans"_s}, {u"တပ်မတော်"_s, u"my"_s}};
    const qint64 id = m_doc->addActor(a).value();
    QCOMPARE(m_doc->actors().load(id).value().aliases, a.aliases);
    QCOMPARE(m_doc->actors().findByName(u"တပ်မတော်"_s).value(), QList<qint64>{id});
    QCOMPARE(m_doc->actors().findByName(u"MYANMAR military JUNTA"_s).value(), QList<qint64>{id});
    Place p;
    p.name = u"Kokang"_s;
    p.countryCode = u"mm"_s;
    p.aliases = {{u"果敢"_s, u"zh-Hans"_s}};
    const qint64 pid = m_doc->addPlace(p).value();
    QCOMPARE(m_doc->places().findByName(u"果敢"_s).value(), QList<qint64>{pid});
    QCOMPARE(m_doc->places().load(pid).value().countryCode, u"MM"_s);
    p.countryCode = u"Myanmar"_s;
    QVERIFY(!m_doc->addPlace(p).ok());
    Actor empty;
    empty.name = u"x"_s;
    empty.aliases = {{u" "_s, u"en"_s}};
    QVERIFY(!m_doc->addActor(empty).ok());
}

void TestRepositories::sourcesAndCitations() {
    Source s;
    s.title = u"China-supported cyber scam operations in Myanmar dismantled"_s;
    s.publisher = u"Candid.Technology"_s;
    s.url = u"https://example.org/article"_s;
    s.reliability = Reliability::C;
    s.published = edtf("2024?");
    s.accessed = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
    s.language = u"en"_s;
    const qint64 sid = m_doc->addSource(s).value();
    const Source l = m_doc->sources().load(sid).value();
    QCOMPARE(l.reliability, Reliability::C);
    QCOMPARE(l.published.toEdtf(), u"2024?"_s);
    QCOMPARE(l.accessed, s.accessed);
    QCOMPARE(l.url, s.url);
    s.url = u"not a url"_s;
    QVERIFY(!m_doc->addSource(s).ok());

    Event e;
    e.title = u"Crackdown"_s;
    e.start = edtf("2023~");
    const qint64 eid = m_doc->addEvent(e).value();
    Citation c{0, eid, sid, QString(), u"para. 3"_s, u"paraphrase"_s, 2};
    const qint64 cid = m_doc->addCitation(c).value();
    QCOMPARE(m_doc->sources().citationsOfEvent(eid).value().size(), 1);
    QCOMPARE(m_doc->sources().loadCitation(cid).value().credibility, 2);
    c.credibility = 7;
    QVERIFY(!m_doc->addCitation(c).ok());
    c.credibility = 3;
    c.sourceId = 999;
    QVERIFY(!m_doc->addCitation(c).ok());
    QCOMPARE(reliabilityFromLetter(u'e'), std::optional<Reliability>(Reliability::E));
    QVERIFY(!reliabilityFromLetter(u'G').has_value());
    // Deleting the source removes its citations: the event becomes unsourced.
    QVERIFY(m_doc->deleteSource(sid).ok());
    QCOMPARE(m_doc->sources().citationsOfEvent(eid).value().size(), 0);
}

void TestRepositories::notesKeepLinksById() {
    Event e;
    e.title = u"Meeting at Lincang"_s;
    e.start = edtf("../2023");
    const qint64 eid = m_doc->addEvent(e).value();
    Note n;
    n.title = u"Officials"_s;
    n.body =
        u"See [[event:%1|the meeting]] and [[event:%1]] again; [[actor:5]]; [[bogus:1]]"_s.arg(eid);
    const qint64 nid = m_doc->addNote(n).value();
    const QList<NoteLink> links = m_doc->notes().links(nid).value();
    QCOMPARE(links.size(), 2);
    QCOMPARE(links[0], (NoteLink{LinkTarget::Event, eid}));
    QCOMPARE(links[1], (NoteLink{LinkTarget::Actor, 5}));
    QCOMPARE(m_doc->notes().backlinks(LinkTarget::Event, eid).value(), QList<qint64>{nid});
    // Renaming the event does not touch the link.
    e = m_doc->events().load(eid).value();
    e.title = u"Renamed meeting"_s;
    QVERIFY(m_doc->updateEvent(e).ok());
    QCOMPARE(m_doc->notes().backlinks(LinkTarget::Event, eid).value(), QList<qint64>{nid});
    QVERIFY(m_doc->notes().load(nid).value().created.isValid());
}

void TestRepositories::tagsErasViews() {
    const qint64 tid = m_doc->addTag({0, u"crackdown"_s, QColor(Qt::blue)}).value();
    QVERIFY(!m_doc->addTag({0, u"crackdown"_s, QColor()}).ok());
    Event e;
    e.title = u"Arrests"_s;
    e.start = edtf("2023");
    e.tags = {u"crackdown"_s, u"arrests"_s};
    const qint64 eid = m_doc->addEvent(e).value();
    QVERIFY(m_doc->updateTag({tid, u"crack-down"_s, QColor(Qt::red)}).ok());
    QCOMPARE(m_doc->events().load(eid).value().tags, (QStringList{u"crack-down"_s, u"arrests"_s}));
    QCOMPARE(
        m_doc->db().scalar(u"SELECT tags FROM events WHERE fid = ?"_s, {eid}).value().toString(),
        u"crack-down; arrests"_s);
    QCOMPARE(m_doc->catalog().loadTag(tid).value().color, QColor(Qt::red));

    Era era{0, u"Crackdown"_s, edtf("2023~/.."), QColor(Qt::yellow), QString()};
    const qint64 erid = m_doc->addEra(era).value();
    QCOMPARE(m_doc->catalog().loadEra(erid).value().span.toEdtf(), u"2023~/.."_s);
    QVERIFY(!m_doc->addEra({0, u"No span"_s, FuzzyDate(), QColor(), QString()}).ok());

    SavedView v;
    v.name = u"Repatriations"_s;
    v.filter = QJsonObject{{u"tags"_s, QJsonArray{u"repatriation"_s}}};
    v.timeFrom = u"2023"_s;
    v.west = 96;
    v.east = 102;
    v.south = 20;
    v.north = 26;
    const qint64 vid = m_doc->addSavedView(v).value();
    const SavedView lv = m_doc->catalog().loadView(vid).value();
    QCOMPARE(lv.filter, v.filter);
    QCOMPARE(lv.east, 102.0);
    v.timeTo = u"not a date"_s;
    QVERIFY(!m_doc->addSavedView(v).ok());
}

void TestRepositories::attachmentsDeduplicateByHash() {
    const QString file = m_dir.filePath(u"photo.jpg"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3 * 1024 * 1024 + 17, 'p')); // more than one streaming chunk
    }
    Attachment meta;
    meta.originalUrl = u"https://example.org/photo"_s;
    meta.capturedAt = QDateTime(QDate(2024, 1, 5), QTime(9, 0), Qt::UTC);
    meta.collectedBy = u"researcher A"_s;
    const qint64 a1 = m_doc->addAttachment(file, meta).value();
    meta.fileName = u"same-photo-again.jpg"_s;
    const qint64 a2 = m_doc->addAttachment(file, meta).value();
    QVERIFY(a1 != a2);
    QCOMPARE(m_doc->db().count(u"SELECT count(*) FROM blobs"_s).value(), 1);
    QCOMPARE(m_doc->attachments().count().value(), 2);
    const Attachment l = m_doc->attachments().load(a1).value();
    QCOMPARE(l.fileName, u"photo.jpg"_s);
    QCOMPARE(l.size, 3 * 1024 * 1024 + 17);
    QCOMPARE(l.sha256,
             QString::fromLatin1(QCryptographicHash::hash(QByteArray(3 * 1024 * 1024 + 17, 'p'),
                                                          QCryptographicHash::Sha256)
                                     .toHex()));
    QCOMPARE(l.capturedAt, meta.capturedAt);
    QCOMPARE(l.collectedBy, meta.collectedBy);
    // Export writes the same bytes and logs it.
    const QString out = m_dir.filePath(u"exported.jpg"_s);
    QVERIFY(m_doc->exportAttachment(a1, out).ok());
    QCOMPARE(fileHash(out), fileHash(file));
    // Removing one keeps the shared bytes; removing both drops them.
    QVERIFY(m_doc->removeAttachment(a1).ok());
    QCOMPARE(m_doc->db().count(u"SELECT count(*) FROM blobs"_s).value(), 1);
    QVERIFY(m_doc->removeAttachment(a2).ok());
    QCOMPARE(m_doc->db().count(u"SELECT count(*) FROM blobs"_s).value(), 0);
    QVERIFY(!m_doc->addAttachment(m_dir.path(), meta).ok());
    QVERIFY(!m_doc->addAttachment(m_dir.filePath(u"missing"_s), meta).ok());
}

void TestRepositories::tamperedAttachmentFailsVerification() {
    QByteArray bytes("original evidence");
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    Attachment meta;
    meta.fileName = u"statement.txt"_s;
    const qint64 id = m_doc->addAttachment(buffer, meta).value();
    QVERIFY(m_doc->verifyEvidence(true).value().isEmpty());
    QVERIFY(m_doc->db().exec(u"UPDATE blobs SET data = CAST('0riginal evidence' AS BLOB)"_s).ok());
    const auto problems = m_doc->verifyEvidence(true).value();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].attachmentId, id);
    QCOMPARE(problems[0].fileName, u"statement.txt"_s);
    QVERIFY(problems[0].storedSha256 != problems[0].actualSha256);
    const auto log = m_doc->custodyLog().all().value();
    QCOMPARE(log.last().action, u"verify-failed"_s);
}

void TestRepositories::custodyLogIsAppendOnly() {
    Clock::setSource([] { return QDateTime(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC); });
    QByteArray bytes("x");
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    Attachment meta;
    meta.fileName = u"x.txt"_s;
    m_doc->setUserName(u"analyst"_s);
    QVERIFY(m_doc->addAttachment(buffer, meta).ok());
    Clock::setSource({});
    const auto log = m_doc->custodyLog().all().value();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log[0].action, u"add"_s);
    QCOMPARE(log[0].who, u"analyst"_s);
    QCOMPARE(log[0].at, QDateTime(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC));
    auto upd = m_doc->db().exec(u"UPDATE custody_log SET who = 'someone else'"_s);
    QVERIFY(!upd.ok());
    QVERIFY(upd.error().detail.contains(u"append-only"_s));
    QVERIFY(!m_doc->db().exec(u"DELETE FROM custody_log"_s).ok());
    QCOMPARE(m_doc->custodyLog().all().value().size(), 1);
}

void TestRepositories::timeIndexIsSortedWithFlags() {
    const QStringList dates = {u"2024-01?"_s, u"../2023-06"_s, u"2023-11~"_s, u"2023-10/.."_s,
                               u"2022"_s};
    for (const QString& d : dates) {
        Event e;
        e.title = d;
        e.start = FuzzyDate::parse(d).value();
        e.tags = {d == u"2022" ? u"b-lane"_s : u"a-lane"_s};
        e.status = d == u"2022" ? EventStatus::Disputed : EventStatus::Draft;
        QVERIFY(m_doc->addEvent(e).ok());
    }
    auto index = TimeIndex::load(m_doc->db()).value();
    QCOMPARE(index.size(), 5);
    for (qsizetype i = 1; i < index.size(); ++i)
        QVERIFY(index.earliest(i - 1) <= index.earliest(i));
    QCOMPARE(index.earliest(0), FuzzyDate::UnboundedPast);
    QVERIFY(index.flags(0) & TimeIndex::OpenStart);
    QCOMPARE(index.laneNames(), (QStringList{u"a-lane"_s, u"b-lane"_s}));
    QCOMPARE(index.lane(1), 1); // 2022
    QVERIFY(index.flags(1) & TimeIndex::Disputed);
    QVERIFY(index.flags(3) & TimeIndex::Approximate); // 2023-11~
    QVERIFY(index.flags(4) & TimeIndex::Uncertain);   // 2024-01?
    for (qsizetype i = 0; i < index.size(); ++i)
        QVERIFY(index.flags(i) & TimeIndex::Unsourced);
    QCOMPARE(index.lowerBound(FuzzyDate::secondsFromCivil(2023, 1, 1)), 2);
}

// Evidence hashes: FIPS 180-2's test vectors, a file read in blocks, and the hash starting over
// after each result.
void TestRepositories::sha256OfBytesAndFiles() {
    QCOMPARE(Sha256::hex("abc"),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(Sha256::hex(""),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    Sha256 twice;
    twice.addData("ab");
    twice.addData("c");
    QCOMPARE(twice.hexResult(), Sha256::hex("abc"));
    twice.addData("abc");
    QCOMPARE(twice.hexResult(), Sha256::hex("abc"));
    // A file larger than one read block, against a million 'a's (FIPS 180-2, appendix B.3).
    QTemporaryDir dir;
    const QString path =
        writeFile(dir, u"a.bin"_s, QByteArray(1000000, 'a') + QByteArray(5 << 20, 'b'));
    Sha256 expected;
    expected.addData(QByteArray(1000000, 'a'));
    QCOMPARE(expected.hexResult(),
             QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    expected.addData(QByteArray(1000000, 'a') + QByteArray(5 << 20, 'b'));
    QCOMPARE(Sha256::hexOfFile(path).value(), expected.hexResult());
    auto missing = Sha256::hexOfFile(dir.filePath(u"none.bin"_s));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(u"none.bin"_s));
}

// Loading one record must not leave a read open: another connection or process (QGIS, the
// command line) must be able to write to the case while the window shows it.
void TestRepositories::loadsLeaveNoReadOpen() {
    CaseDocument& d = *m_doc;
    Actor a;
    a.name = u"Wei family"_s;
    const qint64 actor = d.addActor(a).value();
    Place p;
    p.name = u"Laukkai"_s;
    const qint64 place = d.addPlace(p).value();
    Event e;
    e.title = u"Meeting"_s;
    e.start = edtf("2023-11");
    e.tags = {u"finance"_s};
    const qint64 event = d.addEvent(e).value();
    Source s;
    s.title = u"Report"_s;
    const qint64 source = d.addSource(s).value();
    Note n;
    n.title = u"Open questions"_s;
    const qint64 note = d.addNote(n).value();
    QVERIFY(d.actors().load(actor).ok());
    QVERIFY(d.places().load(place).ok());
    QVERIFY(d.events().load(event).ok());
    QVERIFY(d.sources().load(source).ok());
    QVERIFY(d.notes().load(note).ok());
    QVERIFY(!d.events().load(event + 100).ok()); // not found: nothing left open either
    e.id = event;
    e.tags = {u"finance"_s, u"crackdown"_s}; // looks the existing tag up
    QVERIFY(d.updateEvent(e).ok());
    auto other = SqliteDatabase::open(d.path(), SqliteDatabase::Mode::ReadWrite);
    QVERIFY(other.ok());
    QVERIFY(other.value().exec(u"PRAGMA busy_timeout = 0"_s).ok());
    const Status wrote = other.value().exec(u"INSERT INTO tags (name) VALUES ('from QGIS')"_s);
    QVERIFY2(wrote.ok(), qPrintable(wrote.ok() ? QString() : wrote.error().fullText()));
}

// The read API the views use instead of SQL of their own (issue 19, point 2).
void TestRepositories::caseQueriesReadWhatViewsShow() {
    Actor a;
    a.name = u"Wei family"_s;
    const qint64 actor = m_doc->addActor(a).value();
    Place p;
    p.name = u"Laukkai"_s;
    p.point = GeoPoint{98.76, 23.69};
    const qint64 place = m_doc->addPlace(p).value();
    Source src;
    src.title = u"Washington Post"_s;
    const qint64 source = m_doc->addSource(src).value();
    QList<qint64> ids;
    for (const auto& [title, date] :
         {std::pair{u"Raid on compound"_s, "2023-11-12"}, std::pair{u"Repatriation"_s, "2023-11?"},
          std::pair{u"Arrest warrant"_s, "2023-12-10/2023-12-12"}}) {
        Event e;
        e.title = title;
        const QStringList bounds = QString::fromLatin1(date).split(u'/');
        e.start = edtf(bounds[0].toLatin1().constData());
        if (bounds.size() == 2)
            e.end = edtf(bounds[1].toLatin1().constData());
        ids << m_doc->addEvent(e).value();
    }
    Event first = m_doc->events().load(ids[0]).value();
    first.actors = {{actor, u"perpetrator"_s}};
    first.destinationPlaceId = place;
    first.tags = {u"raid"_s};
    QVERIFY(m_doc->updateEvent(first).ok());
    Citation c;
    c.eventId = ids[1];
    c.sourceId = source;
    QVERIFY(m_doc->addCitation(c).ok());

    CaseQueries q = m_doc->queries();
    QCOMPARE(q.eventCount().value(), 3);
    FilterCriteria raids;
    raids.tags = {u"raid"_s};
    QCOMPARE(q.eventCount(raids).value(), 1);
    QCOMPARE(q.filteredEvents(raids).value(), QSet<qint64>{ids[0]});
    QCOMPARE(q.unsourcedEventCount().value(), 2);

    auto rows = q.eventRows({}, 2);
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().size(), 2);     // the limit
    QCOMPARE(rows.value()[0].id, ids[1]); // "2023-11?" starts on 1 November
    QCOMPARE(rows.value()[0].date, u"2023-11?"_s);
    QCOMPARE(rows.value()[0].sources, 1);
    QVERIFY(rows.value()[0].qualifiers != 0);
    QCOMPARE(rows.value()[1].title, u"Raid on compound"_s);
    QCOMPARE(rows.value()[1].tags, u"raid"_s);
    QCOMPARE(q.eventRows({}, 10).value()[2].date, u"2023-12-10 – 2023-12-12"_s);

    QCOMPARE(q.eventsInvolving(CaseQueries::Involving::Actor, actor).value(), QList{ids[0]});
    QCOMPARE(q.eventsInvolving(CaseQueries::Involving::Place, place).value(), QList{ids[0]});
    QCOMPARE(q.eventsInvolving(CaseQueries::Involving::Source, source).value(), QList{ids[1]});

    auto targets = q.linkTargets(100);
    QVERIFY(targets.ok());
    QCOMPARE(targets.value().size(), 6); // three events, an actor, a place, a source
    QCOMPARE(q.linkTargets(2).value().size(), 2);
    auto use = q.sourceUse();
    QCOMPARE(use.value().value(source).events, 1);
    QCOMPARE(use.value().value(source).attachments, 0);
    QVERIFY(q.importedDatasets().value().isEmpty());
}

namespace {
// Everything the timeline reads from an index, position by position and lane by lane.
QStringList describe(const TimeIndex& index) {
    QStringList out;
    for (qsizetype i = 0; i < index.size(); ++i)
        out << u"%1 %2 %3 %4 %5 %6"_s.arg(index.id(i))
                   .arg(index.earliest(i))
                   .arg(index.latest(i))
                   .arg(index.laneNames().at(index.lane(i)))
                   .arg(index.flags(i))
                   .arg(index.title(i));
    for (qsizetype l = 0; l < index.laneCount(); ++l) {
        QStringList members;
        for (quint32 p : index.laneShort(l))
            members << QString::number(index.id(p));
        members << u"|"_s;
        for (quint32 p : index.laneLong(l))
            members << QString::number(index.id(p));
        for (qint64 a : index.laneLongAnchors(l))
            members << QString::number(a);
        out << index.laneNames().at(l) + u": "_s + members.join(u' ');
    }
    return out;
}
} // namespace

QStringList describe(const CaseMapData& data) {
    QStringList out;
    for (const auto& e : data.events)
        out << u"e %1 %2,%3 %4-%5 %6 %7 %8"_s.arg(e.id)
                   .arg(e.at.x(), 0, 'f', 3)
                   .arg(e.at.y(), 0, 'f', 3)
                   .arg(e.earliest)
                   .arg(e.latest)
                   .arg(e.colour.name())
                   .arg(e.radius)
                   .arg(e.placeArea);
    for (const auto& m : data.movements)
        out << u"m %1 %2,%3 %4,%5 %6 %7"_s.arg(m.eventId)
                   .arg(m.from.x(), 0, 'f', 3)
                   .arg(m.from.y(), 0, 'f', 3)
                   .arg(m.to.x(), 0, 'f', 3)
                   .arg(m.to.y(), 0, 'f', 3)
                   .arg(m.value)
                   .arg(m.earliest);
    return out;
}

// An edit names the events it wrote; the time index and the map data take just those in and
// end as a load would (issue 19, point 3).
void TestRepositories::timeIndexFollowsEditsIncrementally() {
    QList<qint64> ids;
    for (int i = 0; i < 40; ++i) {
        Event e;
        e.title = u"Event %1"_s.arg(i);
        e.start = edtf(i % 5 == 0 ? "2023-11" : i % 7 == 0 ? "2023~/.." : "2023-11-12");
        e.tags = {i % 2 ? u"raids"_s : u"repatriation"_s};
        ids << m_doc->addEvent(e).value();
    }
    Place from, to;
    from.name = u"Laukkai"_s;
    from.point = GeoPoint{98.76, 23.69};
    to.name = u"Kunming"_s;
    to.point = GeoPoint{102.7, 25.04};
    const qint64 fromId = m_doc->addPlace(from).value(), toId = m_doc->addPlace(to).value();
    Event loner;
    loner.title = u"Only one in its lane"_s;
    loner.start = edtf("2024-01-05");
    loner.tags = {u"arrests"_s};
    const qint64 lonerId = m_doc->addEvent(loner).value();

    auto index = TimeIndex::load(m_doc->db());
    QVERIFY(index.ok());
    QList<qint64> notice;
    connect(m_doc.get(), &CaseDocument::recordsChanged, this,
            [&](RecordKind kind, const QList<qint64>& changed) {
                if (kind == RecordKind::Event)
                    notice = changed;
            });
    auto map = CaseMapData::load(m_doc->db());
    QVERIFY(map.ok());
    auto follows = [&] {
        auto updated = index.value().update(m_doc->db(), notice);
        if (!updated || !updated.value())
            return false;
        if (!map.value().updateEvents(m_doc->db(), notice))
            return false;
        return describe(index.value()) == describe(TimeIndex::load(m_doc->db()).value()) &&
               describe(map.value()) == describe(CaseMapData::load(m_doc->db()).value());
    };

    Event moved = m_doc->events().load(ids[3]).value();
    moved.start = edtf("2019-02-03");
    moved.end = edtf("2019-06-30");
    moved.title = u"Moved and renamed"_s;
    moved.point = GeoPoint{98.7, 23.6};
    moved.originPlaceId = fromId;
    moved.destinationPlaceId = toId;
    moved.values = {{u"people"_s, 31000, u"people"_s}};
    QVERIFY(m_doc->updateEvent(moved).ok());
    QCOMPARE(notice, QList<qint64>{ids[3]});
    QVERIFY(follows());
    QCOMPARE(index.value().title(0), u"Moved and renamed"_s);
    QCOMPARE(map.value().movements.size(), size_t(1));

    Event added;
    added.title = u"Added later"_s;
    added.start = edtf("2023-11-12");
    added.tags = {u"raids"_s};
    added.placeId = toId;
    added.locationPrecision = LocationPrecision::Approximate;
    const qint64 addedId = m_doc->addEvent(added).value();
    QCOMPARE(notice, QList<qint64>{addedId});
    QVERIFY(follows());

    QVERIFY(m_doc->deleteEvents({ids[7], ids[8]}).ok());
    QCOMPARE(QSet<qint64>(notice.begin(), notice.end()), (QSet<qint64>{ids[7], ids[8]}));
    QVERIFY(follows());

    Event disputed = m_doc->events().load(ids[10]).value();
    disputed.status = EventStatus::Disputed;
    disputed.sensitivity = Sensitivity::Confidential;
    QVERIFY(m_doc->updateEvent(disputed).ok());
    QVERIFY(follows());

    m_doc->undoStack()->undo(); // undo and redo name the same events
    QCOMPARE(notice, QList<qint64>{ids[10]});
    QVERIFY(follows());
    m_doc->undoStack()->undo(); // the deletion: both come back
    QCOMPARE(QSet<qint64>(notice.begin(), notice.end()), (QSet<qint64>{ids[7], ids[8]}));
    QVERIFY(follows());
    m_doc->undoStack()->redo();
    QVERIFY(follows());

    // Changes that add or empty a lane need a whole load.
    Event retagged = m_doc->events().load(ids[4]).value();
    retagged.tags = {u"a new tag"_s};
    QVERIFY(m_doc->updateEvent(retagged).ok());
    QCOMPARE(index.value().update(m_doc->db(), notice).value(), false);
    index = TimeIndex::load(m_doc->db());
    QVERIFY(m_doc->deleteEvents({lonerId}).ok());
    QCOMPARE(index.value().update(m_doc->db(), notice).value(), false);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
