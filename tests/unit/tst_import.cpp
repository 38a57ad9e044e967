#include "testsupport.h"

#include <QStringEncoder>

#include "io/caseexport.h"
#include "io/csvreader.h"
#include "io/datasetrows.h"
#include "io/eventimport.h"
#include "io/importcommands.h"
#include "io/recordimport.h"
#include "store/caseindexes.h"
#include "store/searchindex.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUuid>

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
    void acledAsASpreadsheetSavesIt();
    void badRowsAbortOrSkip_data();
    void badRowsAbortOrSkip();
    void repeatedIdsFarApart();
    void newEventsNumberedAfterTheCounter();
    void ucdpGed();
    void ucdpGedFullLayout();
    void smallImportIsOneUndoStep();
    void largeImportBuildsLookupIndexesAfterCommit();
    void cli();
    void datasetUuidsAreVersion5();
    void csvFieldsAcrossBlocks();

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

    // The same rows with carriage returns alone ending the lines; and saved as UTF-16, which is
    // named instead of reported as missing columns.
    const QByteArray rows =
        kHeader + row("MMR1001", "2023-11-12", "1", "Laukkai", "23.6900", "98.7600", "3");
    auto crCase = createDocument(m_dir.filePath(u"acled-cr.caseatlas"_s));
    auto cr =
        importAcled(crCase->file(), write(u"acled-cr.csv"_s, QByteArray(rows).replace('\n', '\r')));
    QVERIFY2(cr.ok(), qPrintable(cr.ok() ? QString() : cr.error().fullText()));
    QCOMPARE(cr.value().added, 1);
    QCOMPARE(crCase->events().all().value().first().description, u"Clashes reported."_s);
    QStringEncoder utf16(QStringEncoder::Utf16LE);
    const QByteArray wide = utf16(QString::fromUtf8(rows));
    auto refused = importAcled(crCase->file(), write(u"acled-utf16.csv"_s, wide));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"is UTF-16 text"_s),
             qPrintable(refused.error().fullText()));
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

// ACLED re-saved by a spreadsheet (issue 18): its dates become "9-May-20" or "5/9/2020"; the
// day/month order is asked when the file leaves it open; a long error list says how many more;
// event_id_cnty leaves again in CSV and GeoJSON exports.
void TestImport::acledAsASpreadsheetSavesIt() {
    const QString csv =
        write(u"resaved.csv"_s,
              kHeader + row("MMR5001", "9-May-20", "1", "Laukkai", "23.69", "98.76", "1") +
                  row("MMR5002", "13/05/2020", "1", "Laukkai", "23.69", "98.76", "0") +
                  row("MMR5003", "5/9/2020", "1", "Laukkai", "23.69", "98.76", "0"));
    const QString path = m_dir.filePath(u"resaved.caseatlas"_s);
    QVERIFY(createDocument(path));
    auto file = CaseFile::open(path).value();
    auto asked = importAcled(file, csv);
    QVERIFY(!asked.ok());
    QVERIFY2(asked.error().detail.contains(
                 u"resaved.csv:4:2 (event_date): \"5/9/2020\" could be a day-month or a "
                 "month-day date: choose the order"_s),
             qPrintable(asked.error().detail));
    ImportOptions dmy;
    dmy.dateOrder = DateOrder::DayMonthYear;
    auto report = importAcled(file, csv, dmy);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 3);
    auto doc = CaseDocument::open(path).value();
    QStringList dates;
    for (const Event& e : doc->events().all().value())
        dates << e.start.toEdtf();
    dates.sort();
    QCOMPARE(dates, (QStringList{u"2020-05-09"_s, u"2020-05-13"_s, u"2020-09-05"_s}));

    // Eight bad rows: the first five, then how many more.
    QByteArray bad = kHeader;
    for (int i = 0; i < 8; ++i)
        bad += row("MMR6" + QByteArray::number(i), "2020-13-01", "1", "X", "23", "98", "0");
    auto refused = importAcled(file, write(u"many-bad.csv"_s, bad));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().detail.count(u"is not a date"_s), 5);
    QVERIFY2(refused.error().detail.endsWith(u"… and 3 more."_s),
             qPrintable(refused.error().detail));

    // The ACLED id goes out with the event.
    for (const ExportFormat f : {ExportFormat::Csv, ExportFormat::GeoJson}) {
        const QString out = m_dir.filePath(u"resaved."_s + exportFormatKey(f));
        ExportOptions o;
        o.format = f;
        o.profile = ExportProfile::Full;
        QVERIFY(exportCase(*doc, out, o).ok());
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        QVERIFY(bytes.contains(f == ExportFormat::Csv ? ",event_id_cnty\n"
                                                      : "\"event_id_cnty\":\"MMR5001\""));
        for (const char* id : {"MMR5001", "MMR5002", "MMR5003"})
            QVERIFY2(bytes.contains(id), id);
        // A CaseAtlas CSV with that column is still a CaseAtlas CSV, not an ACLED file.
        QVERIFY(*guessImportFormat(out) != ImportFormat::Acled);
    }
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
    QTest::addRow("repeated id") << row("MMR4001", "2023-11-13", "1", "X", "23", "98", "0")
                                 << ":3: the event id MMR4001 was already on line 2";
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

// The ids seen are kept in a table that grows as the file goes on: repeats are found across it,
// with the line each id was first on, and ids that differ only in case are different events.
// New events are written a hundred to a statement, numbered in advance: after the highest
// number the events table ever gave (deleted events' too), in the file's order, each with its
// own actors, tags, values and citations — for full statements and for the rest.
void TestImport::newEventsNumberedAfterTheCounter() {
    const QString path = m_dir.filePath(u"numbered.caseatlas"_s);
    QVERIFY(createDocument(path));
    auto file = CaseFile::open(path).value();
    QVERIFY(file.db()
                .exec(u"INSERT INTO events (uuid, title, start_edtf, earliest_s, latest_s) VALUES "
                      "('e-1', 'a', '2023', 0, 0), ('e-2', 'b', '2023', 0, 0), "
                      "('e-3', 'c', '2023', 0, 0); DELETE FROM events WHERE fid > 1"_s)
                .ok());
    QByteArray text = kHeader;
    for (int i = 1; i <= 250; ++i)
        text += row("MMR" + QByteArray::number(i), "2023-11-12", "1",
                    "Place " + QByteArray::number(i), "23.69", "98.76", QByteArray::number(i));
    auto report = importAcled(file, write(u"numbered.csv"_s, text));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 250);
    SqliteDatabase& db = file.db();
    QCOMPARE(db.count(u"SELECT min(fid) FROM events WHERE fid > 1"_s).value(), 4);
    QCOMPARE(db.count(u"SELECT max(fid) FROM events"_s).value(), 253);
    // In the file's order, each with its own rows.
    QCOMPARE(db.count(u"SELECT count(*) FROM events WHERE fid > 1 AND title NOT LIKE "
                      "'%Place ' || (fid - 3)"_s)
                 .value(),
             0);
    QCOMPARE(db.count(u"SELECT count(*) FROM event_values WHERE value <> event_id - 3"_s).value(),
             0);
    for (const auto& [table, each] :
         {std::pair{"event_actors", 3}, {"event_tags", 1}, {"event_values", 1}, {"citations", 2}})
        QCOMPARE(db.count(u"SELECT count(*) FROM events e WHERE fid > 1 AND (SELECT count(*) FROM "
                          "%1 c WHERE c.event_id = e.fid) <> %2"_s.arg(QLatin1String(table))
                              .arg(each))
                     .value(),
                 0);
    QCOMPARE(db.scalar(u"SELECT group_concat(position, ',') FROM (SELECT position FROM "
                       "event_actors WHERE event_id = 253 ORDER BY position)"_s)
                 .value()
                 .toString(),
             u"0,1,2"_s);
    QCOMPARE(db.count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
    QVERIFY(db.exec(u"INSERT INTO events (uuid, title, start_edtf, earliest_s, latest_s) VALUES "
                    "('e-next', 'd', '2023', 0, 0)"_s)
                .ok());
    QCOMPARE(db.lastInsertId(), 254);
}

void TestImport::repeatedIdsFarApart() {
    QByteArray text = kHeader;
    for (int i = 1; i <= 3000; ++i)
        text +=
            row("MMR" + QByteArray::number(i), "2023-11-12", "1", "Laukkai", "23.69", "98.76", "0");
    text += row("MMR17", "2023-11-13", "1", "X", "23", "98", "0");   // line 3002
    text += row("mmr17", "2023-11-13", "1", "X", "23", "98", "0");   // another event
    text += row("MMR2999", "2023-11-13", "1", "X", "23", "98", "0"); // line 3004
    const QString csv = write(u"repeats.csv"_s, text);
    const QString path = m_dir.filePath(u"repeats.caseatlas"_s);
    QVERIFY(createDocument(path));
    auto file = CaseFile::open(path).value();
    ImportOptions skip;
    skip.skipBadRows = true;
    auto report = importAcled(file, csv, skip);
    QVERIFY(report.ok());
    QCOMPARE(report.value().added, 3001);
    QCOMPARE(report.value().skipped, 2);
    QCOMPARE(report.value().problems.size(), 2);
    QCOMPARE(report.value().problems[0].line, 3002);
    QVERIFY2(report.value().problems[0].message.contains(u"MMR17 was already on line 18"_s),
             qPrintable(report.value().problems[0].message));
    QCOMPARE(report.value().problems[1].line, 3004);
    QVERIFY2(report.value().problems[1].message.contains(u"MMR2999 was already on line 3000"_s),
             qPrintable(report.value().problems[1].message));
}

void TestImport::ucdpGed() {
    // Columns from the UCDP GED codebook (a subset, in its order); the rows are made up.
    const QByteArray header =
        "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_name,"
        "side_a,side_b,number_of_sources,source_article,where_prec,where_description,adm_1,"
        "adm_2,latitude,longitude,country,region,event_clarity,date_prec,date_start,date_end,"
        "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low\n";
    const QString csv = write(
        u"ged.csv"_s,
        header +
            "500001,MMR-2023-1-1,2023,1,Clear,1,222,Myanmar (Burma): Government,Government of "
            "Myanmar (Burma),MNDAA,2,\"Irrawaddy,2023-11-13; RFA,2023-11-14\",1,Laukkai town,"
            "Shan state,Laukkaing district,23.69,98.76,Myanmar (Burma),Asia,1,1,2023-11-12 "
            "00:00:00.000,2023-11-12 00:00:00.000,2,3,0,0,5,8,3\n" +
            "500002,MMR-2023-1-2,2023,1,Clear,3,333,MNDAA - Civilians,MNDAA,,1,Myanmar Now,4,"
            "Shan state,Shan state,,22.0,98.0,Myanmar (Burma),Asia,1,2,2023-11-01,2023-11-07,0,"
            "0,4,0,4,4,4\n" +
            "500003,MMR-2023-1-3,2023,1,Clear,2,444,TNLA - MNDAA,TNLA,MNDAA,1,Frontier,6,"
            "Myanmar,,,21.0,96.0,Myanmar (Burma),Asia,2,4,2023-12-01,2023-12-31,1,1,0,0,2,2,2\n");
    auto doc = createDocument(m_dir.filePath(u"ged.caseatlas"_s));
    auto report = importUcdp(doc->file(), csv);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 3);
    const auto events = doc->events().all().value();
    QCOMPARE(events.size(), 3);
    QHash<QString, Event> byDate;
    for (const Event& e : events)
        byDate.insert(e.start.toEdtf(), e);
    QVERIFY(byDate.contains(u"2023-11-12"_s));            // date_prec 1: the day
    QVERIFY(byDate.contains(u"2023-11-01/2023-11-07"_s)); // 2: the span
    QVERIFY(byDate.contains(u"2023-12"_s));               // 4: the month
    const Event& e = byDate.value(u"2023-11-12"_s);
    QCOMPARE(e.locationPrecision, LocationPrecision::Exact);
    QCOMPARE(byDate.value(u"2023-12"_s).locationPrecision, LocationPrecision::Country);
    QCOMPARE(e.tags.first(), u"State-based conflict"_s);
    QCOMPARE(e.actors.size(), 2);
    QCOMPARE(e.actors.at(1).role, u"side B"_s);
    QCOMPARE(e.values.size(), 3);
    QCOMPARE(e.values.first().value, 5.0); // best
    QCOMPARE(doc->sources().citationsOfEvent(e.id).value().size(), 2);
    QCOMPARE(doc->custodyLog().all().value().last().action, u"import"_s);
    // A bad row stops it, with its place in the file.
    const QString bad =
        write(u"ged-bad.csv"_s, header + "600001,x,2023,1,Clear,1,1,c,A,B,1,S,1,w,a,b,123,98,"
                                         "Myanmar (Burma),Asia,1,1,2023-11-12,2023-11-12,0,0,0,0,"
                                         "0,0,0\n");
    auto refused = importUcdp(doc->file(), bad);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().detail.contains(u"ged-bad.csv:2:17 (latitude)"_s),
             qPrintable(refused.error().detail));
}

// A GED file in the full column layout of GED 23.1 and 24.1 (49 columns, in the codebook's
// order, dates as the CSV writes them), with every date_prec (1 the day … 5 the year) and every
// where_prec (1 the place … 7 international waters). The rows are made up.
void TestImport::ucdpGedFullLayout() {
    const QByteArray header =
        "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,"
        "conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
        "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,"
        "source_date,source_headline,source_original,where_prec,where_coordinates,"
        "where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,"
        "country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,"
        "deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob\n";
    QCOMPARE(header.count(',') + 1, 49);
    auto row = [](int id, int datePrec, int wherePrec, const char* start, const char* end) {
        return QByteArray::number(id) + ",MMR-2023-1-" + QByteArray::number(id) +
               ",2023,1,Clear,1,222,222,Myanmar (Burma): Government,333,333,Government of "
               "Myanmar (Burma) - MNDAA,112,112,Government of Myanmar (Burma),444,444,MNDAA,1,"
               "\"Irrawaddy,2023-11-13,\"\"Clashes in Laukkai\"\"\",Irrawaddy,2023-11-13,Clashes,"
               "\"Eyewitness\"," +
               QByteArray::number(wherePrec) +
               ",Laukkai town,Laukkai town,Shan state,Laukkaing district,23.69,98.76,"
               "POINT (98.76 23.69),181234,Myanmar (Burma),775,Asia,1," +
               QByteArray::number(datePrec) + "," + start + "," + end + ",1,2,0,0,3,5,3,775,\n";
    };
    const QString csv =
        write(u"ged-full.csv"_s,
              header + row(700001, 1, 1, "2023-11-12 00:00:00.000", "2023-11-12 00:00:00.000") +
                  row(700002, 2, 2, "2023-11-01 00:00:00.000", "2023-11-05 00:00:00.000") +
                  row(700003, 3, 3, "2023-11-06 00:00:00.000", "2023-11-12 00:00:00.000") +
                  row(700004, 4, 4, "2023-10-01 00:00:00.000", "2023-10-31 00:00:00.000") +
                  row(700005, 5, 5, "2022-01-01 00:00:00.000", "2022-12-31 00:00:00.000") +
                  row(700006, 1, 6, "2023-11-13 00:00:00.000", "2023-11-13 00:00:00.000") +
                  row(700007, 1, 7, "2023-11-14 00:00:00.000", "2023-11-14 00:00:00.000"));
    QCOMPARE(guessImportFormat(csv), ImportFormat::Ucdp);
    auto doc = createDocument(m_dir.filePath(u"ged-full.caseatlas"_s));
    auto report = importUcdp(doc->file(), csv);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 7);
    QHash<QString, Event> byDate;
    for (const Event& e : doc->events().all().value())
        byDate.insert(e.start.toEdtf(), e);
    const std::pair<const char*, LocationPrecision> expected[] = {
        {"2023-11-12", LocationPrecision::Exact},                  // date_prec 1, where_prec 1
        {"2023-11-01/2023-11-05", LocationPrecision::Approximate}, // 2: a span of days; 2
        {"2023-11-06/2023-11-12", LocationPrecision::AdminArea},   // 3: a week; a district
        {"2023-10", LocationPrecision::AdminArea},                 // 4: the month; a province
        {"2022", LocationPrecision::AdminArea},                    // 5: the year; a road, region
        {"2023-11-13", LocationPrecision::Country},                // where_prec 6
        {"2023-11-14", LocationPrecision::Unknown}};               // 7: not a country's
    for (const auto& [date, precision] : expected) {
        QVERIFY2(byDate.contains(QString::fromLatin1(date)), date);
        QCOMPARE(byDate.value(QString::fromLatin1(date)).locationPrecision, precision);
    }
    const Event& e = byDate.value(u"2023-11-12"_s);
    QCOMPARE(e.actors.size(), 2);
    QCOMPARE(e.values.first().value, 3.0); // best
    QCOMPARE(e.tags.first(), u"State-based conflict"_s);
}

// A small ACLED file through the document is one undo step; the custody log keeps its entry.
void TestImport::smallImportIsOneUndoStep() {
    const QString csv =
        write(u"undo.csv"_s,
              kHeader + row("MMR7001", "2023-11-12", "1", "Laukkai", "23.6900", "98.7600", "3") +
                  row("MMR7002", "2023-11-20", "2", "Chinshwehaw", "23.6100", "98.5100", "0"));
    auto doc = createDocument(m_dir.filePath(u"undo.caseatlas"_s));
    const qint64 logged = doc->custodyLog().all().value().size();
    auto report = importEventFile(*doc, Dataset::Acled, csv, {});
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 2);
    QCOMPARE(doc->undoStack()->undoText(), u"Import undo.csv"_s);
    QCOMPARE(doc->actors().count().value(), 3);
    doc->undoStack()->undo();
    QCOMPARE(doc->events().count().value(), 0);
    QCOMPARE(doc->actors().count().value(), 0);
    QCOMPARE(doc->sources().count().value(), 0);
    QCOMPARE(doc->places().count().value(), 0);
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM tags"_s).value(), 0);
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM citations"_s).value(), 0);
    QCOMPARE(doc->custodyLog().all().value().size(), logged + 1);
    doc->undoStack()->redo();
    QCOMPARE(doc->events().count().value(), 2);
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM citations"_s).value(), 4);
    // A newer export changes one event; undo puts the old one back.
    const QString newer =
        write(u"undo-newer.csv"_s,
              kHeader + row("MMR7001", "2023-11-12", "1", "Laukkai", "23.6900", "98.7600", "5") +
                  row("MMR7002", "2023-11-20", "2", "Chinshwehaw", "23.6100", "98.5100", "0"));
    auto update = importEventFile(*doc, Dataset::Acled, newer, {});
    QVERIFY(update.ok());
    QCOMPARE(update.value().changed, 1);
    auto fatalities = [&] {
        return doc->db()
            .scalar(u"SELECT value FROM event_values WHERE name = 'fatalities' ORDER BY value "
                    "DESC LIMIT 1"_s)
            .value()
            .toDouble();
    };
    QCOMPARE(fatalities(), 5.0);
    doc->undoStack()->undo();
    QCOMPARE(fatalities(), 3.0);
    QCOMPARE(doc->events().count().value(), 2);
    QVERIFY(doc->file().integrityProblems(false).value().isEmpty());
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
}

// A large import into an empty case commits its rows with the unique indexes only; the lookup
// indexes follow: before the next import, in the app's background, or from the command line.
void TestImport::largeImportBuildsLookupIndexesAfterCommit() {
    const QString csv =
        write(u"large.csv"_s,
              kHeader + row("MMR8001", "2023-11-12", "1", "Laukkai", "23.6900", "98.7600", "3") +
                  row("MMR8002", "2023-11-20", "2", "Chinshwehaw", "23.6100", "98.5100", "0"));
    const QString path = m_dir.filePath(u"large.caseatlas"_s);
    // The non-unique indexes of the tables an event import fills.
    // (An event's actors, tags and values are kept in its order: no index by event to build.)
    const QStringList lookups = {u"citations_event_idx"_s,    u"citations_source_idx"_s,
                                 u"event_actors_actor_idx"_s, u"event_tags_tag_idx"_s,
                                 u"events_earliest_idx"_s,    u"events_place_idx"_s};
    auto missingNames = [](SqliteDatabase& db) {
        QStringList names;
        for (const IndexDefinition& index : missingIndexes(db).value())
            names << index.name;
        names.sort();
        return names;
    };
    auto importLarge = [&] {
        auto created = CaseFile::create(path, u"Large"_s);
        QVERIFY(created.ok());
        CaseFile file = std::move(created).value();
        ImportOptions o;
        o.deferIndexesFrom = 1; // as a million-row import does
        auto report = importAcled(file, csv, o);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        QVERIFY(report.value().indexesPending);
        QCOMPARE(report.value().added, 2);
        // Committed: the rows, and the unique index that keeps event ids apart.
        QCOMPARE(file.db().count(u"SELECT count(*) FROM event_actors"_s).value(), 6);
        QCOMPARE(file.db()
                     .count(u"SELECT count(*) FROM sqlite_schema WHERE name = 'events_uuid_idx'"_s)
                     .value(),
                 1);
        QCOMPARE(missingNames(file.db()), lookups);
        QVERIFY(file.integrityProblems(false).value().isEmpty());
        // The new events wait for the search index as one range, not one row each; they are
        // counted as waiting, and listed when the index is brought up to date.
        SqliteDatabase& db = file.db();
        QCOMPARE(db.count(u"SELECT count(*) FROM search_dirty WHERE kind = 1"_s).value(), 0);
        // The sources, actors and places it made (their triggers were set aside too), one each.
        for (const auto& [kind, table] : {std::pair{SearchKind::Source, u"sources"_s},
                                          std::pair{SearchKind::Actor, u"actors"_s},
                                          std::pair{SearchKind::Place, u"places"_s}}) {
            const qint64 made = db.count(u"SELECT count(*) FROM %1"_s.arg(table)).value();
            QVERIFY(made > 0);
            QCOMPARE(db.count(u"SELECT count(*) FROM search_dirty WHERE kind = ?"_s, {int(kind)})
                         .value(),
                     made);
        }
        QCOMPARE(db.count(u"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN "
                          "('search_events_insert', 'search_citations_insert', "
                          "'search_sources_insert', 'search_actors_insert', "
                          "'search_places_insert')"_s)
                     .value(),
                 5); // put back
        QCOMPARE(db.count(u"SELECT count(*) FROM search_dirty WHERE kind = ? AND id = 0"_s,
                          {SearchIndex::EventsAfterKind})
                     .value(),
                 1);
        const qint64 others =
            db.count(u"SELECT count(*) FROM search_dirty WHERE kind BETWEEN 2 AND 6"_s).value();
        QCOMPARE(SearchIndex(db).pending().value(), others + 2);
        QCOMPARE(SearchIndex(db).pending(1).value(), 1);
    };

    // 1. The command line builds them straight after (tested on a case left without them).
    importLarge();
    {
        QProcess p;
        p.start(cliPath(), {u"import"_s, path, csv, u"--format"_s, u"acled"_s});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("2 unchanged"));
        auto file = CaseFile::open(path);
        QVERIFY(file.ok());
        QVERIFY(missingNames(file.value().db()).isEmpty());
    }
    // 2. The next import builds them first (its updates look events up by id).
    QVERIFY(QFile::remove(path));
    importLarge();
    {
        auto file = CaseFile::open(path);
        QVERIFY(file.ok());
        auto again = importAcled(file.value(), csv);
        QVERIFY(again.ok());
        QCOMPARE(again.value().unchanged, 2);
        QVERIFY(missingNames(file.value().db()).isEmpty());
    }
    // 3. The app builds them in the background when it opens the case, then indexes search.
    QVERIFY(QFile::remove(path));
    importLarge();
    {
        auto file = CaseFile::open(path);
        QVERIFY(file.ok());
        CaseDocument doc(std::move(file).value());
        QSignalSpy built(&doc, &CaseDocument::lookupIndexProgress);
        QSignalSpy finished(&doc, &CaseDocument::searchIndexFinished);
        doc.indexSearchInBackground();
        QVERIFY(doc.isIndexingSearch());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(built.last().at(0).toInt(), int(lookups.size())); // all of them, counted
        QCOMPARE(built.last().at(1).toInt(), int(lookups.size()));
        QVERIFY(missingNames(doc.db()).isEmpty());
        QCOMPARE(doc.search(u"Chinshwehaw"_s).value().size(), 2); // the event and its place
        QVERIFY(!doc.search(u"Ta'ang"_s).value().isEmpty());      // an actor the import made
        QCOMPARE(doc.db().count(u"SELECT count(*) FROM search_dirty"_s).value(), 0);
        QVERIFY(doc.file().integrityProblems(false).value().isEmpty());
    }
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

// The ids an import gives dataset events are QUuid's version 5 UUIDs (as earlier versions made
// them, so a re-import finds its events), for names of any length and script.
void TestImport::datasetUuidsAreVersion5() {
    const QUuid url(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s);
    QList<QByteArray> ids = {"",
                             "MMR1",
                             "MMR123456",
                             QByteArray(60, 'x'),
                             QByteArray(200, '7'),
                             "\xe7\x93\xa6\xe9\x82\xa6-\xe1\x80\x99\xe1\x80\xbc"};
    for (int n = 40; n < 80; ++n) // around SHA-1's 64-byte blocks, with the prefix
        ids << QByteArray::number(n).repeated(n / 2).left(n);
    for (const QByteArray& id : ids) {
        const QByteArray prefix = "https://acleddata.com/event/";
        QCOMPARE(datasets::datasetUuid(prefix.constData(), id),
                 QUuid::createUuidV5(url, prefix + id).toByteArray(QUuid::WithoutBraces));
    }
    QByteArray reused = "something longer than a UUID, left from the row before";
    datasets::datasetUuid("https://ucdp.uu.se/event/", "12", reused);
    QCOMPARE(reused, QUuid::createUuidV5(url, QByteArray("https://ucdp.uu.se/event/12"))
                         .toByteArray(QUuid::WithoutBraces));
}

// The reader finds separators, quotes and line ends sixteen bytes at a time: fields of every
// length around that, quoted or not, with doubled quotes and line breaks anywhere in them, read
// back as written, on the lines they start on. Its UTF-8 check agrees with Qt's.
void TestImport::csvFieldsAcrossBlocks() {
    QRandomGenerator random(20261207);
    const QByteArray alphabet = "abc,\"\n\r;xyz \xc3\xa9";
    QList<QList<QByteArray>> rows;
    QByteArray text;
    QList<qint64> lines;
    qint64 line = 1;
    for (int r = 0; r < 400; ++r) {
        QList<QByteArray> fields;
        lines << line;
        for (int f = 0; f < 1 + random.bounded(6); ++f) {
            QByteArray v;
            const int length = random.bounded(40);
            for (int i = 0; i < length; ++i)
                v += alphabet[random.bounded(int(alphabet.size()))];
            if (v.isEmpty() && f == 0)
                v = "a"; // a row is never empty
            fields << v;
            const bool quote = v.contains(',') || v.contains('"') || v.contains('\n') ||
                               v.contains('\r') || random.bounded(4) == 0;
            if (f)
                text += ',';
            text += quote ? '"' + QByteArray(v).replace("\"", "\"\"") + '"' : v;
            // Lines: LF, CR LF and a lone CR each end one.
            for (qsizetype i = 0; i < v.size(); ++i)
                if (v[i] == '\n' || (v[i] == '\r' && (i + 1 >= v.size() || v[i + 1] != '\n')))
                    ++line;
        }
        text += r % 3 ? "\n" : "\r\n";
        ++line;
        rows << fields;
    }
    auto csv = CsvReader::fromBytes(text);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        QVERIFY(csv->next());
        QCOMPARE(csv->line(), lines[r]);
        QCOMPARE(csv->columnCount(), int(rows[r].size()));
        for (int f = 0; f < csv->columnCount(); ++f)
            QCOMPARE(csv->field(f).toByteArray(), rows[r][f]);
    }
    QVERIFY(!csv->next());
    QVERIFY(csv->finish().ok());

    const QList<QByteArray> texts = {"",
                                     "plain ASCII, longer than eight bytes",
                                     "\xe7\x93\xa6\xe9\x82\xa6",
                                     "eight by\xe7\x93\xa6",
                                     "seven b\xe7\x93\xa6tes",
                                     "ASCII then a cut \xe7\x93",
                                     "overlong \xc0\xaf here",
                                     "lone continuation \x80",
                                     "\xff",
                                     "abcdefgh\xed\xa0\x80",
                                     "surrogate-free \xf0\x9f\x98\x80 emoji",
                                     "\xf4\x90\x80\x80 past U+10FFFF"};
    for (const QByteArray& t : texts)
        QCOMPARE(CsvReader::isValidUtf8(t), QByteArrayView(t).isValidUtf8());
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
