#include "testsupport.h"

#include "io/eventimport.h"
#include "store/searchindex.h"

#include <QProcess>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// Imports of event datasets. The ACLED fixtures follow the column lists of ACLED's codebook
// (the current 31-column export, and the older layout with data_id, event_id_no_cnty and iso3);
// their rows are made up.
class TestImport : public QObject {
    Q_OBJECT
private slots:
    void acledCurrentLayout();
    void acledOlderLayoutAndTextDates();
    void acledReimportUpdatesChangedEvents();
    void badRowsAbortOrSkip_data();
    void badRowsAbortOrSkip();
    void cli();

private:
    QString write(const QString& name, const QByteArray& text);
    QTemporaryDir m_dir;
};

namespace {
const QByteArray kHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp\n";
QByteArray row(const QByteArray& id, const QByteArray& date, const QByteArray& precision,
               const QByteArray& location, const QByteArray& lat, const QByteArray& lon,
               const QByteArray& fatalities, const QByteArray& notes = "Clashes reported.") {
    return id + "," + date + ",2023," + precision +
           ",Political violence,Battles,Armed clash,Military Forces of Myanmar (2021-),,1,"
           "MNDAA: Myanmar National Democratic Alliance Army,TNLA: Ta'ang National Liberation "
           "Army,2,12,,104,Southeast Asia,Myanmar,Shan-North,Laukkaing,Laukkaing," +
           location + "," + lat + "," + lon +
           ",1,\"Irrawaddy; Radio Free Asia\",National-International,\"" + notes + "\"," +
           fatalities + ",,1700000000\n";
}
} // namespace

QString TestImport::write(const QString& name, const QByteArray& text) {
    return writeFile(m_dir, name, text);
}

void TestImport::acledCurrentLayout() {
    const QString csv =
        write(u"acled.csv"_s,
              kHeader + row("MMR1001", "2023-11-12", "1", "Laukkai", "23.6900", "98.7600", "3") +
                  row("MMR1002", "2023-11-20", "2", "Chinshwehaw", "23.6100", "98.5100", "0") +
                  row("MMR1003", "2023-12-15", "3", "Laukkai", "23.6900", "98.7600", ""));
    auto doc = createDocument(m_dir.filePath(u"acled.caseatlas"_s));
    auto report = importAcled(doc->file(), csv);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 3);
    const auto events = doc->events().all().value();
    QCOMPARE(events.size(), 3);
    const Event& first = events.at(0);
    QCOMPARE(first.title, u"Armed clash in Laukkai"_s);
    QCOMPARE(first.start.toEdtf(), u"2023-11-12"_s);         // time_precision 1: the day
    QCOMPARE(events.at(1).start.toEdtf(), u"2023-11-20~"_s); // 2: within a week
    QCOMPARE(events.at(2).start.toEdtf(), u"2023-12"_s);     // 3: the month
    QCOMPARE(first.locationPrecision, LocationPrecision::Exact);
    QVERIFY(std::abs(first.point->lat - 23.69) < 1e-9 && std::abs(first.point->lon - 98.76) < 1e-9);
    QCOMPARE(first.tags.first(), u"Battles"_s);
    QCOMPARE(first.values.first().value, 3.0);
    QCOMPARE(first.description, u"Clashes reported."_s);
    // Actors with roles: actor 1, actor 2 and its associate.
    QCOMPARE(first.actors.size(), 3);
    QCOMPARE(first.actors.at(0).role, u"actor 1"_s);
    QCOMPARE(doc->actors().load(first.actors.at(0).actorId).value().name,
             u"Military Forces of Myanmar (2021-)"_s);
    QCOMPARE(doc->actors().all().value().size(), 3);
    // Sources split on ";", each cited.
    const auto citations = doc->sources().citationsOfEvent(first.id).value();
    QCOMPARE(citations.size(), 2);
    QCOMPARE(doc->sources().all().value().size(), 2);
    QCOMPARE(doc->places().all().value().size(), 2); // Laukkai once
    // Logged, and searchable.
    QCOMPARE(doc->custodyLog().all().value().last().action, u"import"_s);
    QCOMPARE(doc->search(u"Chinshwehaw"_s).value().first().kind, SearchKind::Event);
}

void TestImport::acledOlderLayoutAndTextDates() {
    const QByteArray header =
        "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
        "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
        "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
        "source_scale,notes,fatalities,timestamp,iso3\n";
    const QString csv = write(
        u"acled-old.csv"_s,
        header + "9001,104,MMR2001,2001,12 November 2023,2023,1,Protests,Peaceful protest,"
                 "Protesters (Myanmar),,Protesters,,,,60,Southeast Asia,Myanmar,Yangon,Yangon,"
                 "Yangon,Yangon,16.8,96.15,2,Myanmar Now,National,Protest against scam "
                 "compounds.,0,1700000000,MMR\n");
    auto doc = createDocument(m_dir.filePath(u"acled-old.caseatlas"_s));
    auto report = importAcled(doc->file(), csv);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    const Event e = doc->events().all().value().first();
    QCOMPARE(e.start.toEdtf(), u"2023-11-12"_s);
    QCOMPARE(e.locationPrecision, LocationPrecision::Approximate);
    QCOMPARE(e.tags.first(), u"Protests"_s);
}

void TestImport::acledReimportUpdatesChangedEvents() {
    auto doc = createDocument(m_dir.filePath(u"reimport.caseatlas"_s));
    const QString v1 = write(
        u"v1.csv"_s, kHeader + row("MMR3001", "2023-11-12", "1", "Laukkai", "23.69", "98.76", "3") +
                         row("MMR3002", "2023-11-13", "1", "Laukkai", "23.69", "98.76", "1"));
    QCOMPARE(importAcled(doc->file(), v1).value().added, 2);
    // A newer export: one event's fatalities revised, one unchanged, one new.
    const QString v2 = write(
        u"v2.csv"_s, kHeader + row("MMR3001", "2023-11-12", "1", "Laukkai", "23.69", "98.76", "5") +
                         row("MMR3002", "2023-11-13", "1", "Laukkai", "23.69", "98.76", "1") +
                         row("MMR3003", "2023-11-14", "1", "Laukkai", "23.69", "98.76", "0"));
    auto second = importAcled(doc->file(), v2);
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().fullText()));
    const auto report = second.value();
    QCOMPARE(report.added, 1);
    QCOMPARE(report.changed, 1);
    QCOMPARE(report.unchanged, 1);
    QCOMPARE(doc->events().count().value(), 3);
    QCOMPARE(doc->places().all().value().size(), 1); // Laukkai, not a second one
    for (const Event& e : doc->events().all().value())
        if (e.start.toEdtf() == u"2023-11-12")
            QCOMPARE(e.values.first().value, 5.0);
    // Citations are not doubled by the update.
    for (const Event& e : doc->events().all().value())
        QCOMPARE(doc->sources().citationsOfEvent(e.id).value().size(), 2);
}

void TestImport::badRowsAbortOrSkip_data() {
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("where");
    QTest::addRow("bad date") << row("MMR4002", "2023-13-45", "1", "X", "23", "98", "0")
                              << ":3:2 (event_date)";
    QTest::addRow("latitude 123") << row("MMR4002", "2023-11-12", "1", "X", "123", "98", "0")
                                  << ":3:23 (latitude)";
    QTest::addRow("missing id") << row("", "2023-11-12", "1", "X", "23", "98", "0")
                                << ":3:1 (event_id_cnty)";
    QTest::addRow("wrong column count")
        << QByteArray("MMR4002,2023-11-12,2023\n") << ":3: the row has 3 columns";
    QTest::addRow("invalid UTF-8")
        << row("MMR4002", "2023-11-12", "1", "X\xff\xfe", "23", "98", "0") << ":3:22 (location)";
}

void TestImport::badRowsAbortOrSkip() {
    QFETCH(QByteArray, bad);
    QFETCH(QString, where);
    const QString csv =
        write(u"bad.csv"_s,
              kHeader + row("MMR4001", "2023-11-12", "1", "Laukkai", "23.69", "98.76", "0") + bad +
                  row("MMR4003", "2023-11-14", "1", "Laukkai", "23.69", "98.76", "0"));
    const QString path =
        m_dir.filePath(u"bad-%1.caseatlas"_s.arg(QString::fromUtf8(QTest::currentDataTag())));
    QVERIFY(createDocument(path));
    const QByteArray before = fileHash(path);
    {
        auto file = CaseFile::open(path).value();
        auto aborted = importAcled(file, csv);
        QVERIFY(!aborted.ok());
        QVERIFY2(aborted.error().detail.contains(QDir::toNativeSeparators(csv) + where),
                 qPrintable(aborted.error().detail));
    }
    QCOMPARE(fileHash(path), before); // nothing half-imported
    auto file = CaseFile::open(path).value();
    ImportOptions skip;
    skip.skipBadRows = true;
    auto skipped = importAcled(file, csv, skip);
    QVERIFY(skipped.ok());
    QCOMPARE(skipped.value().added, 2);
    QCOMPARE(skipped.value().skipped, 1);
    QCOMPARE(skipped.value().problems.size(), 1);
    QCOMPARE(skipped.value().problems.first().line, 3);
}

void TestImport::cli() {
    const QString csv =
        write(u"cli.csv"_s,
              kHeader + row("MMR5001", "2023-11-12", "1", "Laukkai", "23.69", "98.76", "0") +
                  row("MMR5002", "12/11/2023", "1", "Laukkai", "23.69", "98.76", "0"));
    const QString path = m_dir.filePath(u"cli.caseatlas"_s);
    QVERIFY(createDocument(path));
    QProcess p;
    p.start(cliPath(), {u"import"_s, path, csv, u"--format"_s, u"acled"_s});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1); // a bad row: nothing imported, non-zero exit
    QVERIFY(p.readAllStandardError().contains("cli.csv:3:2 (event_date)"));
    p.start(cliPath(), {u"import"_s, path, csv, u"--format"_s, u"acled"_s, u"--skip-bad-rows"_s});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains("1 added"));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
