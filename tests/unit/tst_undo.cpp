#include "testsupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUndoStack>

#include <functional>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// Every edit of a case is an undo command. For each: act → check → undo → check → redo → check,
// where "check" compares the whole case as read back from the file by a second connection.
class TestUndo : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void failedEditLeavesNoCommand();
    void readOnlyCaseRefusesEdits();
    void attachmentUndoIsLogged();
    void undoSurvivesReopen();
};

namespace {

// Everything in the file except the append-only custody log and changesets (each edit, undo
// and redo adds to them; checked below), SQLite's own counters and the search index's FTS5
// tables (derived data whose internal layout differs after equal edits; tst_search checks that
// undo restores what it finds).
QString dumpCase(const QString& path) {
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly).value();
    QStringList out;
    auto tables =
        db.prepare(
              u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
              "AND name NOT IN ('custody_log', 'changesets', 'changes') "
              "AND name NOT LIKE 'search\\_%' ESCAPE '\\' ORDER BY name"_s)
            .value();
    QStringList names;
    while (tables.step().value())
        names << tables.text(0);
    for (const QString& t : names) {
        auto rows = db.prepare(u"SELECT * FROM \"%1\" ORDER BY 1"_s.arg(t)).value();
        while (rows.step().value()) {
            QStringList cells;
            for (int i = 0; i < rows.columnCount(); ++i) {
                const QVariant v = rows.value(i);
                cells << (v.typeId() == QMetaType::QByteArray
                              ? QString::fromLatin1(v.toByteArray().toHex())
                          : v.isValid() ? v.toString()
                                        : u"NULL"_s);
            }
            out << t + u": "_s + cells.join(u" | "_s);
        }
    }
    return out.join(u'\n');
}

// The changes of the last changeset: "table record field: before -> after" each.
QStringList lastChangeset(SqliteDatabase& db, QString* kind = nullptr) {
    const qint64 id = db.count(u"SELECT coalesce(max(id), 0) FROM changesets"_s).value();
    if (kind)
        *kind = db.scalar(u"SELECT kind FROM changesets WHERE id = ?"_s, {id}).value().toString();
    auto rows = db.prepare(u"SELECT record_table, record, field, quote(old_value), "
                           "quote(new_value) FROM changes WHERE changeset_id = ? ORDER BY seq"_s)
                    .value();
    rows.bind(1, id);
    QStringList out;
    while (rows.step().value())
        out << u"%1 %2 %3: %4 -> %5"_s.arg(rows.text(0), rows.text(1), rows.text(2), rows.text(3),
                                           rows.text(4));
    return out;
}

QStringList invertedChanges(const QStringList& changes) {
    static const QRegularExpression re(u"^(.*): (.*) -> (.*)$"_s,
                                       QRegularExpression::DotMatchesEverythingOption);
    QStringList out;
    for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
        const auto m = re.match(*it);
        out << u"%1: %2 -> %3"_s.arg(m.captured(1), m.captured(3), m.captured(2));
    }
    return out;
}

struct Fixture {
    qint64 event = 0, event2 = 0, source = 0, citation = 0, actor = 0, place = 0, note = 0, tag = 0,
           era = 0, view = 0, attachment = 0;
};

using Action = std::function<Status(CaseDocument&, Fixture&)>;

} // namespace

Q_DECLARE_METATYPE(Action)

void TestUndo::roundTrip_data() {
    QTest::addColumn<Action>("action");
    auto ok = [](auto r) { return r.ok() ? Status{} : Status{r.error()}; };

    QTest::addRow("rename case") << Action(
        [](CaseDocument& d, Fixture&) { return d.setTitle(u"Renamed case"_s); });
    QTest::addRow("add event with new tags") << Action([ok](CaseDocument& d, Fixture& f) {
        Event e;
        e.title = u"New event"_s;
        e.start = edtf("2024-01?");
        e.tags = {u"brand-new-tag"_s, u"existing"_s};
        e.actors = {{f.actor, u"witness"_s}};
        e.values = {{u"fatalities"_s, 3, u"people"_s}};
        e.point = GeoPoint{98, 23};
        return ok(d.addEvent(e));
    });
    QTest::addRow("edit event") << Action([](CaseDocument& d, Fixture& f) {
        Event e = d.events().load(f.event).value();
        e.title = u"Edited"_s;
        e.start = edtf("2023-21");
        e.tags = {u"another-new-tag"_s};
        e.actors.clear();
        e.values = {{u"people repatriated"_s, 1200, u"people"_s}};
        e.status = EventStatus::Corroborated;
        return d.updateEvent(e);
    });
    QTest::addRow("delete events") << Action([](CaseDocument& d, Fixture& f) {
        return d.deleteEvents({f.event, f.event2});
    });
    QTest::addRow("add source") << Action([ok](CaseDocument& d, Fixture&) {
        Source s;
        s.title = u"Interview"_s;
        s.kind = SourceKind::Interview;
        s.reliability = Reliability::B;
        return ok(d.addSource(s));
    });
    QTest::addRow("edit source") << Action([](CaseDocument& d, Fixture& f) {
        Source s = d.sources().load(f.source).value();
        s.reliability = Reliability::E;
        s.archiveUrl = u"https://archive.example.org/x"_s;
        return d.updateSource(s);
    });
    QTest::addRow("delete source with citations")
        << Action([](CaseDocument& d, Fixture& f) { return d.deleteSource(f.source); });
    QTest::addRow("add citation") << Action([ok](CaseDocument& d, Fixture& f) {
        return ok(d.addCitation({0, f.event2, f.source, u"date"_s, u"p. 4"_s, u"quote"_s, 3}));
    });
    QTest::addRow("edit citation") << Action([](CaseDocument& d, Fixture& f) {
        Citation c = d.sources().loadCitation(f.citation).value();
        c.credibility = 1;
        c.quote = u"confirmed"_s;
        return d.updateCitation(c);
    });
    QTest::addRow("delete citation")
        << Action([](CaseDocument& d, Fixture& f) { return d.deleteCitation(f.citation); });
    QTest::addRow("add actor") << Action([ok](CaseDocument& d, Fixture&) {
        Actor a;
        a.name = u"Bai family"_s;
        a.aliases = {{u"白氏家族"_s, u"zh-Hans"_s}};
        return ok(d.addActor(a));
    });
    QTest::addRow("edit actor") << Action([](CaseDocument& d, Fixture& f) {
        Actor a = d.actors().load(f.actor).value();
        a.protectedPerson = true;
        a.aliases = {{u"ကိုးကန့်"_s, u"my"_s}};
        return d.updateActor(a);
    });
    QTest::addRow("delete actor used by events")
        << Action([](CaseDocument& d, Fixture& f) { return d.deleteActor(f.actor); });
    QTest::addRow("add place") << Action([ok](CaseDocument& d, Fixture&) {
        Place p;
        p.name = u"Lincang"_s;
        p.point = GeoPoint{100.09, 23.88};
        return ok(d.addPlace(p));
    });
    QTest::addRow("move place") << Action([](CaseDocument& d, Fixture& f) {
        Place p = d.places().load(f.place).value();
        p.point = GeoPoint{99.5, 22.5};
        return d.updatePlace(p);
    });
    QTest::addRow("delete place used by events")
        << Action([](CaseDocument& d, Fixture& f) { return d.deletePlace(f.place); });
    QTest::addRow("add note") << Action([ok](CaseDocument& d, Fixture& f) {
        Note n;
        n.title = u"New note"_s;
        n.body = u"About [[event:%1]]"_s.arg(f.event);
        return ok(d.addNote(n));
    });
    QTest::addRow("edit note links") << Action([](CaseDocument& d, Fixture& f) {
        Note n = d.notes().load(f.note).value();
        n.body = u"Now about [[place:%1]] and [[source:%2]]"_s.arg(f.place).arg(f.source);
        return d.updateNote(n);
    });
    QTest::addRow("delete note") << Action(
        [](CaseDocument& d, Fixture& f) { return d.deleteNote(f.note); });
    QTest::addRow("add tag") << Action([ok](CaseDocument& d, Fixture&) {
        return ok(d.addTag({0, u"fresh"_s, QColor(Qt::green)}));
    });
    QTest::addRow("rename tag") << Action([](CaseDocument& d, Fixture& f) {
        return d.updateTag({f.tag, u"renamed"_s, QColor(Qt::red)});
    });
    QTest::addRow("delete tag in use")
        << Action([](CaseDocument& d, Fixture& f) { return d.deleteTag(f.tag); });
    QTest::addRow("add era") << Action([ok](CaseDocument& d, Fixture&) {
        return ok(d.addEra({0, u"Crackdown"_s, edtf("2023~/.."), QColor(Qt::yellow), QString()}));
    });
    QTest::addRow("edit era") << Action([](CaseDocument& d, Fixture& f) {
        return d.updateEra({f.era, u"Boom"_s, edtf("2015/2023"), QColor(Qt::cyan), u"d"_s});
    });
    QTest::addRow("delete era") << Action(
        [](CaseDocument& d, Fixture& f) { return d.deleteEra(f.era); });
    QTest::addRow("save view") << Action([ok](CaseDocument& d, Fixture&) {
        SavedView v;
        v.name = u"New view"_s;
        v.filter = QJsonObject{{u"text"_s, u"raid"_s}};
        return ok(d.addSavedView(v));
    });
    QTest::addRow("edit view") << Action([](CaseDocument& d, Fixture& f) {
        SavedView v = d.catalog().loadView(f.view).value();
        v.timeTo = u"2024"_s;
        return d.updateSavedView(v);
    });
    QTest::addRow("delete view") << Action(
        [](CaseDocument& d, Fixture& f) { return d.deleteSavedView(f.view); });
    QTest::addRow("add attachment (new bytes)") << Action([ok](CaseDocument& d, Fixture&) {
        QByteArray bytes("fresh evidence bytes");
        QBuffer b(&bytes);
        b.open(QIODevice::ReadOnly);
        Attachment a;
        a.fileName = u"fresh.txt"_s;
        return ok(d.addAttachment(b, a));
    });
    QTest::addRow("add attachment (same bytes)") << Action([ok](CaseDocument& d, Fixture&) {
        QByteArray bytes("fixture evidence");
        QBuffer b(&bytes);
        b.open(QIODevice::ReadOnly);
        Attachment a;
        a.fileName = u"again.txt"_s;
        return ok(d.addAttachment(b, a));
    });
    QTest::addRow("remove attachment")
        << Action([](CaseDocument& d, Fixture& f) { return d.removeAttachment(f.attachment); });
}

static Fixture buildFixture(CaseDocument& d) {
    Fixture f;
    Place p;
    p.name = u"Laukkai"_s;
    p.point = GeoPoint{98.76, 23.69};
    p.aliases = {{u"老街"_s, u"zh-Hans"_s}};
    f.place = d.addPlace(p).value();
    Actor a;
    a.name = u"Wei family"_s;
    a.aliases = {{u"魏氏家族"_s, u"zh-Hans"_s}};
    f.actor = d.addActor(a).value();
    f.tag = d.addTag({0, u"existing"_s, QColor(Qt::blue)}).value();
    Event e;
    e.title = u"Fixture event"_s;
    e.start = edtf("2023-11~");
    e.placeId = f.place;
    e.originPlaceId = f.place;
    e.actors = {{f.actor, u"perpetrator"_s}};
    e.tags = {u"existing"_s};
    f.event = d.addEvent(e).value();
    e.title = u"Second fixture event"_s;
    e.point = GeoPoint{98.5, 23.5};
    f.event2 = d.addEvent(e).value();
    Source s;
    s.title = u"Article"_s;
    s.url = u"https://example.org"_s;
    f.source = d.addSource(s).value();
    f.citation = d.addCitation({0, f.event, f.source, QString(), u"para. 1"_s, u"q"_s, 2}).value();
    Note n;
    n.title = u"Note"_s;
    n.body = u"[[event:%1]] [[actor:%2]]"_s.arg(f.event).arg(f.actor);
    f.note = d.addNote(n).value();
    f.era = d.addEra({0, u"Era"_s, edtf("2013~/2023~"), QColor(), QString()}).value();
    SavedView v;
    v.name = u"View"_s;
    f.view = d.addSavedView(v).value();
    QByteArray bytes("fixture evidence");
    QBuffer b(&bytes);
    b.open(QIODevice::ReadOnly);
    Attachment at;
    at.fileName = u"fixture.txt"_s;
    at.eventId = f.event;
    f.attachment = d.addAttachment(b, at).value();
    return f;
}

void TestUndo::roundTrip() {
    QFETCH(Action, action);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"undo.caseatlas"_s);
    auto doc = createDocument(path);
    QVERIFY(doc);
    Fixture f = buildFixture(*doc);
    QUndoStack* stack = doc->undoStack();
    const int depth = stack->count();

    const QString before = dumpCase(path);
    const qint64 sets = doc->db().count(u"SELECT count(*) FROM changesets"_s).value();
    const Status acted = action(*doc, f);
    QVERIFY2(acted.ok(), qPrintable(acted.ok() ? QString() : acted.error().fullText()));
    QCOMPARE(stack->count(), depth + 1);
    QVERIFY(!stack->undoText().isEmpty());
    const QString after = dumpCase(path);
    QVERIFY2(after != before, "the action changed nothing in the file");
    // The edit is one changeset of the changes it made, by the document's user; its undo and
    // redo are one each, the same changes the other way round and again.
    QString kind;
    const QStringList changes = lastChangeset(doc->db(), &kind);
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM changesets"_s).value(), sets + 1);
    QCOMPARE(kind, u"edit"_s);
    QVERIFY2(!changes.isEmpty(), "the edit's changeset names no change");
    QCOMPARE(doc->db()
                 .scalar(u"SELECT author FROM changesets ORDER BY id DESC LIMIT 1"_s)
                 .value()
                 .toString(),
             doc->userName());

    stack->undo();
    const QString undone = dumpCase(path);
    if (undone != before) {
        qWarning().noquote() << "expected:\n" << before << "\n\ngot:\n" << undone;
        QFAIL("undo did not restore the file");
    }
    QCOMPARE(lastChangeset(doc->db(), &kind), invertedChanges(changes));
    QCOMPARE(kind, u"undo"_s);
    stack->redo();
    QCOMPARE(dumpCase(path), after);
    QCOMPARE(lastChangeset(doc->db(), &kind), changes);
    QCOMPARE(kind, u"redo"_s);
    stack->undo();
    QCOMPARE(dumpCase(path), before);
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM changesets"_s).value(), sets + 4);
    // The clock readings order them as they were made.
    QCOMPARE(doc->db()
                 .count(u"SELECT count(*) FROM changesets a JOIN changesets b ON b.id = a.id + 1 "
                        "WHERE b.hlc <= a.hlc"_s)
                 .value(),
             0);
    QVERIFY(doc->file().integrityProblems(false).value().isEmpty());
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
}

void TestUndo::failedEditLeavesNoCommand() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"fail.caseatlas"_s);
    auto doc = createDocument(path);
    Fixture f = buildFixture(*doc);
    const QString before = dumpCase(path);
    const int depth = doc->undoStack()->count();
    Event bad = doc->events().load(f.event).value();
    bad.title.clear();
    QVERIFY(!doc->updateEvent(bad).ok());
    QVERIFY(!doc->deleteEvents({f.event, 9999}).ok()); // one missing: none deleted
    QVERIFY(!doc->deleteSource(9999).ok());
    QVERIFY(!doc->updateTag({f.tag, u""_s, QColor()}).ok());
    QCOMPARE(doc->undoStack()->count(), depth);
    QCOMPARE(dumpCase(path), before);
}

void TestUndo::readOnlyCaseRefusesEdits() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ro.caseatlas"_s);
    {
        auto doc = createDocument(path);
        buildFixture(*doc);
    }
    const QByteArray bytes = fileHash(path);
    auto doc = CaseDocument::open(path, CaseFile::Access::ReadOnly).value();
    QVERIFY(doc->isReadOnly());
    auto r = doc->setTitle(u"nope"_s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::ReadOnly);
    QCOMPARE(doc->undoStack()->count(), 0);
    doc.reset();
    QCOMPARE(fileHash(path), bytes);
}

void TestUndo::attachmentUndoIsLogged() {
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"log.caseatlas"_s));
    QByteArray bytes("evidence");
    QBuffer b(&bytes);
    b.open(QIODevice::ReadOnly);
    Attachment a;
    a.fileName = u"e.txt"_s;
    QVERIFY(doc->addAttachment(b, a).ok());
    doc->undoStack()->undo();
    doc->undoStack()->redo();
    QStringList actions;
    for (const CustodyEntry& e : doc->custodyLog().all().value())
        actions << e.action;
    QCOMPARE(actions, (QStringList{u"add"_s, u"remove (undo add)"_s, u"add (redo)"_s}));
}

void TestUndo::undoSurvivesReopen() {
    // Every step is in the file: a second process sees each state without any save.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"live.caseatlas"_s);
    auto doc = createDocument(path);
    Event e;
    e.title = u"Committed at once"_s;
    e.start = edtf("2023");
    QVERIFY(doc->addEvent(e).ok());
    auto other = CaseDocument::open(path, CaseFile::Access::ReadOnly).value();
    QCOMPARE(other->events().count().value(), 1);
    doc->undoStack()->undo();
    QCOMPARE(other->events().count().value(), 0);
}

QTEST_GUILESS_MAIN(TestUndo)
#include "tst_undo.moc"
