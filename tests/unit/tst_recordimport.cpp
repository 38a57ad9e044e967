#include "store/importmemory.h"
#include "testsupport.h"

#include "io/caseexport.h"
#include "io/importcommands.h"
#include "io/recordimport.h"
#include "io/samplecase.h"
#include "store/catalogrepository.h"
#include "store/sourcerepository.h"

#include <QGuiApplication>
#include <QProcess>
#include <QStringEncoder>

#include <gdal_utils.h>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// Imports of spreadsheets, GIS points, TimelineJS and Timeline files, and round trips through
// every format CaseAtlas exports that can be read back. The fixtures in tests/fixtures/import
// were written for these tests from the formats' public descriptions; their data is made up.
class TestRecordImport : public QObject {
    Q_OBJECT
private slots:
    void dates_data();
    void dates();
    void spreadsheetCsv();
    void encodings();
    void xlsxAndOds();
    void timelineJsSheet();
    void timelineJsJson();
    void timelineJsAsPeopleWriteIt();
    void timelineXml();
    void pointLayers();
    void gpxAndKmlTimes();
    void badRecordsAbortOrSkip_data();
    void badRecordsAbortOrSkip();
    void roundTrip_data();
    void roundTrip();
    void importIsOneUndoStep();
    void readingReportsProgressAndCancels();
    void cancelledImportLeavesCaseAsItWas();
    void unrelatedFilesKeepTheirOwnEvents();
    void updateKeepsEditsAndListsConflicts();
    void publicExportIsRefusedOverItsCase();
    void acledUpdateKeepsEdits();
    void cli();

private:
    static QString fixture(const char* name) {
        return qEnvironmentVariable("CASEATLAS_SOURCE_DIR") + u"/tests/fixtures/import/"_s +
               QString::fromLatin1(name);
    }
    std::unique_ptr<CaseDocument> newCase(const QString& name) {
        return createDocument(m_dir.filePath(name));
    }
    // Events by title.
    static QHash<QString, Event> eventsByTitle(CaseDocument& doc) {
        QHash<QString, Event> out;
        for (const Event& e : doc.events().all().value())
            out.insert(e.title, e);
        return out;
    }
    static QString placeName(CaseDocument& doc, qint64 id) {
        return id ? doc.places().load(id).value().name : QString();
    }
    static QStringList sourceUrls(CaseDocument& doc, qint64 eventId) {
        SourceRepository sources(doc.db());
        QStringList urls;
        for (const Citation& c : sources.citationsOfEvent(eventId).value())
            urls << sources.load(c.sourceId).value().url;
        urls.sort();
        return urls;
    }
    static QList<std::pair<QString, QString>> actorsOf(CaseDocument& doc, const Event& e) {
        QList<std::pair<QString, QString>> out;
        for (const EventActor& a : e.actors)
            out.append({doc.actors().load(a.actorId).value().name, a.role});
        return out;
    }
    QTemporaryDir m_dir;
};

void TestRecordImport::dates_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("edtf"); // empty: refused
    QTest::newRow("edtf day") << u"2023-11-12"_s << u"auto"_s << u"2023-11-12"_s;
    QTest::newRow("edtf uncertain month") << u"2023-11?"_s << u"auto"_s << u"2023-11?"_s;
    QTest::newRow("edtf interval")
        << u"2023-10-27/2024-01-05"_s << u"auto"_s << u"2023-10-27/2024-01-05"_s;
    QTest::newRow("slashes") << u"2023/11/12"_s << u"auto"_s << u"2023-11-12"_s;
    QTest::newRow("midnight") << u"2023-11-12 00:00:00"_s << u"auto"_s << u"2023-11-12"_s;
    QTest::newRow("time") << u"2023/11/12 10:30"_s << u"auto"_s << u"2023-11-12T10:30:00"_s;
    QTest::newRow("gdal time zone")
        << u"2023/12/31 23:59:59+00"_s << u"auto"_s << u"2023-12-31T23:59:59Z"_s;
    // GPX and KML times as GDAL gives them (issue 18): the offset kept.
    QTest::newRow("gdal gpx offset")
        << u"2007/11/25 17:58:00+01"_s << u"auto"_s << u"2007-11-25T17:58:00+01:00"_s;
    QTest::newRow("gdal kml offset")
        << u"2023/11/12 10:30:00+0630"_s << u"auto"_s << u"2023-11-12T10:30:00+06:30"_s;
    QTest::newRow("iso offset") << u"2023-11-12T10:30:00-05:00"_s << u"auto"_s
                                << u"2023-11-12T10:30:00-05:00"_s;
    QTest::newRow("midnight with offset")
        << u"2023/11/12 00:00:00+07"_s << u"auto"_s << u"2023-11-12T00:00:00+07:00"_s;
    QTest::newRow("no such offset") << u"2023/11/12 10:30:00+25"_s << u"auto"_s << QString();
    // Dates a spreadsheet re-saved: two-digit years.
    QTest::newRow("spreadsheet d-mon-yy") << u"9-May-20"_s << u"auto"_s << u"2020-05-09"_s;
    QTest::newRow("spreadsheet dd-mon-yyyy") << u"09-May-2020"_s << u"auto"_s << u"2020-05-09"_s;
    QTest::newRow("spreadsheet m/d/yy") << u"5/13/20"_s << u"auto"_s << u"2020-05-13"_s;
    QTest::newRow("spreadsheet ambiguous") << u"5/9/2020"_s << u"auto"_s << QString();
    QTest::newRow("spreadsheet chosen mdy") << u"5/9/2020"_s << u"mdy"_s << u"2020-05-09"_s;
    QTest::newRow("day month name") << u"12 November 2023"_s << u"auto"_s << u"2023-11-12"_s;
    QTest::newRow("short month") << u"3 Sept 2023"_s << u"auto"_s << u"2023-09-03"_s;
    QTest::newRow("month name day") << u"November 12, 2023"_s << u"auto"_s << u"2023-11-12"_s;
    QTest::newRow("month year") << u"Nov 2023"_s << u"auto"_s << u"2023-11"_s;
    QTest::newRow("plain dmy") << u"25/12/2023"_s << u"auto"_s << u"2023-12-25"_s;
    QTest::newRow("plain mdy") << u"12/25/2023"_s << u"auto"_s << u"2023-12-25"_s;
    QTest::newRow("ambiguous") << u"03/04/2023"_s << u"auto"_s << QString();
    QTest::newRow("chosen dmy") << u"03/04/2023"_s << u"dmy"_s << u"2023-04-03"_s;
    QTest::newRow("chosen mdy") << u"03/04/2023"_s << u"mdy"_s << u"2023-03-04"_s;
    QTest::newRow("no such day") << u"31/02/2023"_s << u"dmy"_s << QString();
    QTest::newRow("words") << u"last Tuesday"_s << u"auto"_s << QString();
    QTest::newRow("empty") << u""_s << u"auto"_s << QString();
}

void TestRecordImport::dates() {
    QFETCH(QString, text);
    QFETCH(QString, order);
    QFETCH(QString, edtf);
    auto r = edtfFromText(text, *dateOrderFromKey(order));
    if (edtf.isEmpty()) {
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message.isEmpty());
    } else {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value(), edtf);
    }
}

void TestRecordImport::spreadsheetCsv() {
    auto doc = newCase(u"sheet.caseatlas"_s);
    ImportRequest request;
    request.format = ImportFormat::Spreadsheet;
    ColumnMapping m;
    m.columns = {
        {u"id"_s, u"Ref"_s},          {u"title"_s, u"Event"_s},        {u"start"_s, u"Date"_s},
        {u"end"_s, u"Until"_s},       {u"place"_s, u"Where"_s},        {u"latitude"_s, u"Lat"_s},
        {u"longitude"_s, u"Lon"_s},   {u"tags"_s, u"Tags"_s},          {u"actors"_s, u"People"_s},
        {u"source_url"_s, u"Link"_s}, {u"source_title"_s, u"Outlet"_s}};
    request.mapping = m;
    auto report = importFile(doc->file(), fixture("spreadsheet.csv"), request);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 4);
    auto events = eventsByTitle(*doc);
    const Event raid = events.value(u"Raid on a compound"_s);
    QCOMPARE(raid.start.toEdtf(), u"2023-11-12"_s);
    QCOMPARE(placeName(*doc, raid.placeId), u"Laukkai"_s);
    QCOMPARE(raid.point, (GeoPoint{98.76, 23.69}));
    QCOMPARE(raid.tags, (QStringList{u"Raid"_s, u"Police"_s}));
    QCOMPARE(actorsOf(*doc, raid),
             (QList<std::pair<QString, QString>>{{u"Kokang police"_s, u"perpetrator"_s},
                                                 {u"Example Witness"_s, u"witness"_s}}));
    QCOMPARE(sourceUrls(*doc, raid.id), QStringList{u"https://example.org/raid"_s});
    const Event transfer = events.value(u"Transfer to China"_s);
    QCOMPARE(transfer.start.toEdtf(), u"2023-11-20"_s);
    QCOMPARE(transfer.end.toEdtf(), u"2023-11-22"_s);
    QCOMPARE(events.value(u"Statement by the ministry"_s).start.toEdtf(), u"2023-11"_s);
    QCOMPARE(events.value(u"Hearing"_s).start.toEdtf(), u"2023-12-25"_s);
    // A place name without coordinates is found in the gazetteer.
    const Place mandalay =
        doc->places().load(events.value(u"Statement by the ministry"_s).placeId).value();
    QVERIFY(mandalay.point);
    QVERIFY(std::abs(mandalay.point->lat - 21.97) < 0.1);
    QVERIFY(mandalay.gazetteerId.startsWith(u"geonames:"_s));
    // The same file again, as an update of it: the ids say these events are there already.
    ImportOptions update;
    update.dataset = report.value().dataset;
    auto again = importFile(doc->file(), fixture("spreadsheet.csv"), request, update);
    QVERIFY(again.ok());
    QCOMPARE(again.value().added, 0);
    QCOMPARE(again.value().unchanged, 4);
    QCOMPARE(doc->events().count().value(), 4);
    // The guess maps a file whose columns say what they are.
    const QStringList columns = {u"Title"_s, u"Date"_s, u"Latitude"_s, u"Longitude"_s};
    const ColumnMapping guessed = guessMapping(columns);
    QCOMPARE(guessed.column(u"title"_s), u"Title"_s);
    QCOMPARE(guessed.column(u"start"_s), u"Date"_s);
    QCOMPARE(guessed.column(u"latitude"_s), u"Latitude"_s);
    // A mapping survives JSON (the presets).
    auto back = ColumnMapping::fromJson(m.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back.value().columns, m.columns);
}

void TestRecordImport::encodings() {
    const QString text = u"title,date,place\nCafé raid,2023-11-12,Mong La\n"
                         "撤侨,2023-11-13,老街\n"_s;
    auto importText = [&](const QString& name, const QByteArray& bytes,
                          const QString& encoding) -> Result<QStringList> {
        const QString path = writeFile(m_dir, name, bytes);
        auto doc = newCase(name + u".caseatlas"_s);
        ImportRequest r;
        r.table.encoding = encoding;
        auto report = importFile(doc->file(), path, r);
        if (!report)
            return report.error();
        QStringList titles = eventsByTitle(*doc).keys();
        titles.sort();
        return titles;
    };
    const QStringList both = {u"Café raid"_s, u"撤侨"_s};
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QCOMPARE(importText(u"utf16.csv"_s, utf16(text), {}).value(), both);
    // Without a byte order mark (as some tools write UTF-16), in either byte order.
    QStringEncoder utf16le(QStringEncoder::Utf16LE), utf16be(QStringEncoder::Utf16BE);
    QCOMPARE(importText(u"utf16le-nobom.csv"_s, utf16le(text), {}).value(), both);
    QCOMPARE(importText(u"utf16be-nobom.csv"_s, utf16be(text), {}).value(), both);
    // Lines ended by a carriage return alone (old Mac spreadsheets), and a mix.
    QCOMPARE(importText(u"cr.csv"_s, QString(text).replace(u'\n', u'\r').toUtf8(), {}).value(),
             both);
    QCOMPARE(
        importText(
            u"mixed.csv"_s,
            u"title,date,place\r\nCafé raid,2023-11-12,Mong La\r撤侨,2023-11-13,老街"_s.toUtf8(),
            {})
            .value(),
        both);
    {
        // The lines are counted across CR-only line ends: a bad date is on line 3.
        const QString path =
            writeFile(m_dir, u"cr-bad.csv"_s, "title,date\rGood,2023-11-12\rBad,not a date\r");
        auto doc = newCase(u"cr-bad.caseatlas"_s);
        auto report = importFile(doc->file(), path, ImportRequest{});
        QVERIFY(!report.ok());
        QVERIFY2(report.error().detail.contains(u"cr-bad.csv:3:2"_s),
                 qPrintable(report.error().fullText()));
    }
    QCOMPARE(importText(u"bom.csv"_s, "\xEF\xBB\xBF" + text.toUtf8(), {}).value(), both);
    QCOMPARE(importText(u"plain.csv"_s, text.toUtf8(), u"UTF-8"_s).value(), both);
    QCOMPARE(importText(u"semicolon.csv"_s, QString(text).replace(u',', u';').toUtf8(), {}).value(),
             both);
    // A legacy code page, declared.
    const QByteArray cp1252 = "title,date\nCaf\xE9 raid,2023-11-12\n";
    QCOMPARE(importText(u"cp1252.csv"_s, cp1252, u"windows-1252"_s).value(),
             QStringList{u"Café raid"_s});
    // Undeclared, it is not UTF-8: the cell is named, and nothing is imported.
    auto wrong = importText(u"undeclared.csv"_s, cp1252, {});
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error().detail.contains(u"undeclared.csv:2:1 (title): the text is not valid "
                                           "UTF-8"_s),
             qPrintable(wrong.error().detail));
}

void TestRecordImport::xlsxAndOds() {
    for (const char* driver : {"XLSX", "ODS"}) {
        const QString path = m_dir.filePath(u"sheet."_s + QString::fromLatin1(driver).toLower());
        // Written by GDAL from the CSV fixture, as a spreadsheet program would save it.
        GDALAllRegister();
        GDALDatasetH src = GDALOpenEx(fixture("spreadsheet.csv").toUtf8().constData(),
                                      GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        QVERIFY(src);
        const char* args[] = {"-f", driver, nullptr};
        GDALVectorTranslateOptions* o =
            GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
        GDALDatasetH out =
            GDALVectorTranslate(path.toUtf8().constData(), nullptr, 1, &src, o, nullptr);
        GDALVectorTranslateOptionsFree(o);
        QVERIFY(out);
        GDALClose(out);
        GDALClose(src);
        auto table = readTable(path);
        QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error().fullText()));
        QCOMPARE(table.value().format, QString::fromLatin1(driver));
        QCOMPARE(table.value().rows.size(), 4);
        QCOMPARE(table.value().rows.first().line, 2); // the sheet's row number
        auto doc = newCase(QString::fromLatin1(driver) + u".caseatlas"_s);
        ColumnMapping m = guessMapping(table.value().columns);
        m.columns.insert(u"title"_s, u"Event"_s);
        m.columns.insert(u"place"_s, u"Where"_s);
        const ImportBatch batch = mapTable(table.value(), m);
        QVERIFY(batch.problems.isEmpty());
        QVERIFY(importBatch(doc->file(), path, batch).ok());
        auto events = eventsByTitle(*doc);
        QCOMPARE(events.size(), 4);
        QCOMPARE(events.value(u"Hearing"_s).start.toEdtf(), u"2023-12-25"_s);
        QCOMPARE(events.value(u"Transfer to China"_s).end.toEdtf(), u"2023-11-22"_s);
    }
}

void TestRecordImport::timelineJsSheet() {
    auto doc = newCase(u"tjs-sheet.caseatlas"_s);
    ImportRequest r;
    r.format = ImportFormat::TimelineJs;
    auto report = importFile(doc->file(), fixture("timelinejs-sheet.csv"), r);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 4); // the title and era rows are not events
    auto events = eventsByTitle(*doc);
    const Event offensive = events.value(u"Offensive begins"_s);
    QCOMPARE(offensive.start.toEdtf(), u"2023-10-27T06:00:00"_s);
    QCOMPARE(offensive.description, u"Attacks on several towns, north Shan."_s);
    QCOMPARE(offensive.tags, QStringList{u"Fighting"_s});
    QCOMPARE(sourceUrls(*doc, offensive.id), QStringList{u"https://example.org/news/1027"_s});
    QCOMPARE(events.value(u"Transfers at the border"_s).start.toEdtf(), u"2023-11"_s);
    QCOMPARE(events.value(u"Handover of suspects"_s).end.toEdtf(), u"2023-11-15"_s);
    QCOMPARE(events.value(u"Trials"_s).start.toEdtf(), u"2024"_s);
    const QList<Era> eras = CatalogRepository(doc->db()).eras().value();
    QCOMPARE(eras.size(), 1);
    QCOMPARE(eras.first().name, u"Operation 1027"_s);
    QCOMPARE(eras.first().span.toEdtf(), u"2023-10-27/2023-12-31"_s);
    // A case with a title of its own keeps it ...
    QCOMPARE(doc->title(), u"Test case"_s);
    // ... a new one, still called after its file, takes the sheet's title row, undoably.
    auto fresh = createDocument(m_dir.filePath(u"fresh.caseatlas"_s), u"fresh"_s);
    auto batch = readTimelineJsSheet(readTable(fixture("timelinejs-sheet.csv")).value());
    auto titled = importRecords(*fresh, fixture("timelinejs-sheet.csv"), batch, {});
    QVERIFY2(titled.ok(), qPrintable(titled.ok() ? QString() : titled.error().fullText()));
    QCOMPARE(fresh->title(), u"Kokang crackdown chronology"_s);
    QVERIFY(titled.value().notes.join(u'\n').contains(u"Kokang crackdown chronology"_s));
    QVERIFY(fresh->undoStack()->canUndo());
    fresh->undoStack()->undo();
    QCOMPARE(fresh->title(), u"fresh"_s);
    QCOMPARE(fresh->events().count().value(), 0);
}

void TestRecordImport::timelineJsJson() {
    auto doc = newCase(u"tjs.caseatlas"_s);
    ImportRequest r;
    r.format = ImportFormat::TimelineJs;
    QCOMPARE(guessImportFormat(fixture("timelinejs.json")), ImportFormat::TimelineJs);
    auto report = importFile(doc->file(), fixture("timelinejs.json"), r);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 3);
    auto events = eventsByTitle(*doc);
    const Event handover = events.value(u"Handover at the gate"_s);
    QCOMPARE(handover.start.toEdtf(), u"2023-11-12T09:30:00"_s);
    QCOMPARE(handover.description, u"First group handed over."_s);
    QCOMPARE(sourceUrls(*doc, handover.id), QStringList{u"https://example.org/a"_s});
    QCOMPARE(handover.tags, QStringList{u"Repatriation"_s});
    const Event wave = events.value(u"Second wave"_s);
    QCOMPARE(wave.start.toEdtf(), u"2023-12"_s);
    QCOMPARE(wave.end.toEdtf(), u"2024-01-05"_s);
    QCOMPARE(sourceUrls(*doc, wave.id), QStringList{u"https://example.org/photo.jpg"_s});
    QCOMPARE(events.value(u"A date before the common era"_s).start.toEdtf(), u"-0044-03-15"_s);
    QCOMPARE(CatalogRepository(doc->db()).eras().value().first().span.toEdtf(),
             u"2023-10/2024-01"_s);
    // Unique ids make a second import, as an update of the first, an update.
    ImportOptions update;
    update.dataset = report.value().dataset;
    auto again = importFile(doc->file(), fixture("timelinejs.json"), r, update);
    QCOMPARE(again.value().unchanged, 3); // with or without an id of their own
    QCOMPARE(again.value().added, 0);
}

// TimelineJS files as its documentation and templates write them: media that is a quote, an
// embed code or a relative address; events without a headline; deep-time years. Problems name
// the line the event starts on; skipping bad rows never aborts on one.
void TestRecordImport::timelineJsAsPeopleWriteIt() {
    const QString json = writeFile(m_dir, u"people.json"_s, R"json({
  "title": {"text": {"headline": "As people write it"}},
  "events": [
    {
      "start_date": {"year": "2018", "month": "1", "day": "1"},
      "text": {"headline": "A tweet"},
      "media": {"url": "<blockquote class=\"twitter-tweet\"><p>Good dogs.</p>&mdash; Someone <a href=\"https://twitter.com/someone/status/1?ref_src=twsrc%5Etfw\">January 1, 2018</a></blockquote> <script async src=\"https://platform.twitter.com/widgets.js\"></script>"}
    },
    {
      "start_date": {"year": 2019},
      "text": {"headline": "A quote"},
      "media": {"url": "<blockquote>That is a block quote.</blockquote>", "credit": "A. Writer"}
    },
    {
      "start_date": {"year": 2020},
      "text": {"text": "<p>No headline: TimelineJS shows the text alone, and so may we.</p>"},
      "media": {"url": "images/photo.jpg", "caption": "A photo"}
    },
    {
      "start_date": {"year": -13800000000},
      "text": {"headline": "Big Bang"}
    },
    {"start_date": {"year": 2021, "month": 13}, "text": {"headline": "Bad month"}},
    {
      "start_date": {"year": 2022},
      "text": {"headline": "Scripted"},
      "media": {"url": "javascript:alert(1)"}
    },
    {"start_date": {"year": 2023}, "text": {"headline": "Protocol-relative"},
     "media": {"url": "//example.org/x.png", "caption": "X"}}
  ]
})json");
    auto doc = newCase(u"people.caseatlas"_s);
    const QByteArray before = fileHash(doc->path());
    ImportRequest r;
    r.format = ImportFormat::TimelineJs;
    auto refused = importFile(doc->file(), json, r);
    QVERIFY(!refused.ok());
    const QString name = QDir::toNativeSeparators(json);
    // The lines the two bad events start on.
    QVERIFY2(refused.error().detail.contains(
                 name + u":19 (start_date): the year -13800000000 is deep time"_s),
             qPrintable(refused.error().detail));
    QVERIFY2(refused.error().detail.contains(name + u":23 (start_date): \"13\" is not a month"_s),
             qPrintable(refused.error().detail));
    QVERIFY(refused.error().message.contains(u"has 2 record"_s)); // "records" with a translator
    QCOMPARE(fileHash(doc->path()), before);

    ImportOptions skip;
    skip.skipBadRows = true;
    auto report = importFile(doc->file(), json, r, skip);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 5);
    QCOMPARE(report.value().skipped, 2);
    const auto events = eventsByTitle(*doc);
    QCOMPARE(sourceUrls(*doc, events.value(u"A tweet"_s).id),
             QStringList{u"https://twitter.com/someone/status/1?ref_src=twsrc%5Etfw"_s});
    QCOMPARE(sourceUrls(*doc, events.value(u"A quote"_s).id), QStringList{QString()});
    QCOMPARE(sourceUrls(*doc, events.value(u"Scripted"_s).id), QStringList{QString()});
    QCOMPARE(sourceUrls(*doc, events.value(u"Protocol-relative"_s).id),
             QStringList{u"https://example.org/x.png"_s});
    const QString untitled = u"No headline: TimelineJS shows the text alone, and so may we."_s;
    QVERIFY2(events.contains(untitled), qPrintable(events.keys().join(u" | "_s)));
    QCOMPARE(sourceUrls(*doc, events.value(untitled).id), QStringList{QString()});
    const QStringList notes = report.value().notes;
    QVERIFY2(notes.join(u'\n').contains(
                 u"Line 14: the media \"images/photo.jpg\" is a relative address"_s),
             qPrintable(notes.join(u'\n')));
    QVERIFY(notes.join(u'\n').contains(
        u"Line 24: the media \"javascript:alert(1)\" is not a web address"_s));
}

void TestRecordImport::timelineXml() {
    auto doc = newCase(u"timeline.caseatlas"_s);
    ImportRequest r;
    r.format = ImportFormat::Timeline;
    QCOMPARE(guessImportFormat(fixture("chronology.timeline")), ImportFormat::Timeline);
    auto report = importFile(doc->file(), fixture("chronology.timeline"), r);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 3); // the container is a tag, not an event
    auto events = eventsByTitle(*doc);
    const Event handover = events.value(u"Handover of 300 people"_s);
    QCOMPARE(handover.start.toEdtf(), u"2023-11-12"_s);
    QVERIFY(!handover.end.isValid());
    QCOMPARE(handover.tags, QStringList{u"Repatriation"_s});
    QCOMPARE(handover.description, u"At the border gate.\nSecond line."_s);
    QCOMPARE(sourceUrls(*doc, handover.id), QStringList{u"https://example.org/handover"_s});
    const Event checkpoint = events.value(u"Checkpoint closed"_s);
    QCOMPARE(checkpoint.start.toEdtf(), u"2023-11-03~"_s); // fuzzy: an approximate day
    QCOMPARE(checkpoint.tags, (QStringList{u"Fighting"_s, u"Border operations"_s}));
    const Event road = events.value(u"Road blocked"_s);
    QCOMPARE(road.start.toEdtf(), u"2023-11-05"_s);
    QCOMPARE(road.end.toEdtf(), u"2023-11-09~"_s);
    QCOMPARE(road.tags, QStringList{u"Border operations"_s});
    const QList<Era> eras = CatalogRepository(doc->db()).eras().value();
    QCOMPARE(eras.size(), 1);
    QCOMPARE(eras.first().name, u"Crackdown"_s);
    QCOMPARE(eras.first().color, QColor(200, 200, 230));
    // Broken XML names its line, and nothing is imported.
    const QString broken = writeFile(m_dir, u"broken.timeline"_s,
                                     "<timeline>\n<events>\n<event><start>2023</event>\n");
    const QByteArray before = fileHash(doc->file().path());
    auto bad = importFile(doc->file(), broken, r);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(u"broken.timeline:3:"_s),
             qPrintable(bad.error().message));
    QCOMPARE(fileHash(doc->file().path()), before);
}

void TestRecordImport::pointLayers() {
    // GeoJSON: a polygon's event sits at its centre.
    {
        auto doc = newCase(u"geojson.caseatlas"_s);
        ImportRequest r;
        r.format = ImportFormat::Points;
        ColumnMapping m;
        m.columns = {{u"title"_s, u"name"_s},
                     {u"start"_s, u"when"_s},
                     {u"description"_s, u"notes"_s},
                     {u"tags"_s, u"kind"_s}};
        r.mapping = m;
        auto report = importFile(doc->file(), fixture("events.geojson"), r);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        auto events = eventsByTitle(*doc);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.value(u"Raid on a compound"_s).point, (GeoPoint{98.76, 23.69}));
        QCOMPARE(events.value(u"Transfer at Chinshwehaw"_s).start.toEdtf(), u"2023-11?"_s);
        const Event area = events.value(u"Area closed"_s);
        QVERIFY(area.point);
        QVERIFY(std::abs(area.point->lon - 98.5) < 1e-9 && std::abs(area.point->lat - 23.5) < 1e-9);
        QCOMPARE(area.start.toEdtf(), u"2023-11-01/2023-11-30"_s);
        QCOMPARE(area.tags, QStringList{u"Closure"_s});
        // The same layer copied into a GeoPackage reads the same.
        const QString gpkg = m_dir.filePath(u"events.gpkg"_s);
        GDALAllRegister();
        GDALDatasetH src = GDALOpenEx(fixture("events.geojson").toUtf8().constData(),
                                      GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        const char* args[] = {"-f", "GPKG", "-nln", "raids", nullptr};
        GDALVectorTranslateOptions* o =
            GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
        GDALClose(GDALVectorTranslate(gpkg.toUtf8().constData(), nullptr, 1, &src, o, nullptr));
        GDALVectorTranslateOptionsFree(o);
        GDALClose(src);
        auto fromGpkg = newCase(u"gpkg.caseatlas"_s);
        r.table.layer = u"raids"_s;
        auto gpkgReport = importFile(fromGpkg->file(), gpkg, r);
        QVERIFY2(gpkgReport.ok(),
                 qPrintable(gpkgReport.ok() ? QString() : gpkgReport.error().fullText()));
        QCOMPARE(eventsByTitle(*fromGpkg).value(u"Raid on a compound"_s).point,
                 (GeoPoint{98.76, 23.69}));
        r.table.layer = u"nothing"_s;
        auto noLayer = importFile(fromGpkg->file(), gpkg, r);
        QVERIFY(!noLayer.ok());
        QVERIFY(noLayer.error().message.contains(u"raids"_s));
    }
    // KML: the time stamp or span as the date.
    {
        auto doc = newCase(u"kml.caseatlas"_s);
        auto table = readTable(fixture("events.kml"));
        QVERIFY(table.ok());
        ColumnMapping m = guessMapping(table.value().columns);
        QCOMPARE(m.column(u"title"_s), u"Name"_s);
        if (table.value().columns.contains(u"timestamp"_s)) {
            m.columns.insert(u"start"_s, u"timestamp"_s);
        }
        const ImportBatch stamps = mapTable(table.value(), m);
        QCOMPARE(stamps.problems.size(), 1); // the span has no time stamp
        // Features are counted as features, not as lines of the file.
        QVERIFY2(stamps.problems.first()
                     .text(u"events.kml"_s)
                     .startsWith(u"events.kml: feature 2, column"_s),
                 qPrintable(stamps.problems.first().text(u"events.kml"_s)));
        m.columns.insert(u"start"_s, u"begin"_s);
        m.columns.insert(u"end"_s, u"end"_s);
        // With the span's columns, a time-stamped feature takes its time stamp (GDAL gives
        // a KML file's TimeStamps and TimeSpans as columns side by side).
        const ImportBatch spans = mapTable(table.value(), m);
        QCOMPARE(spans.events.size(), 2);
        QVERIFY(spans.problems.isEmpty());
        QCOMPARE(spans.events.first().startEdtf, u"2023-11-12"_s);
        QCOMPARE(spans.events.last().startEdtf, u"2023-11-20"_s);
        QCOMPARE(spans.events.last().endEdtf, u"2023-11-25"_s);
        QCOMPARE(guessMapping(table.value().columns).column(u"start"_s), u"begin"_s);
        ImportOptions skip;
        skip.skipBadRows = true;
        auto imported = importBatch(doc->file(), fixture("events.kml"), spans, skip);
        QVERIFY2(imported.ok(),
                 qPrintable(imported.ok() ? QString() : imported.error().fullText()));
        QCOMPARE(eventsByTitle(*doc).value(u"Border closed"_s).point, (GeoPoint{98.51, 23.61}));
    }
}

// GPX and KML as GPS units and Google Earth write them, read through GDAL: times with a UTC
// offset are kept with it; name/time (GPX) and TimeStamp/TimeSpan (KML) are mapped with no
// help; an open span stays open.
void TestRecordImport::gpxAndKmlTimes() {
    const QString gpx = writeFile(m_dir, u"track.gpx"_s, R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="a GPS unit" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="23.69" lon="98.76"><time>2007-11-25T16:58:00Z</time><name>Checkpoint A</name><desc>First stop</desc></wpt>
  <wpt lat="23.70" lon="98.77"><time>2007-11-25T18:58:00+01:00</time><name>Checkpoint B</name></wpt>
</gpx>
)");
    const QString kml = writeFile(m_dir, u"earth.kml"_s, R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Stamped</name><TimeStamp><when>2023-11-12T10:30:00+06:30</when></TimeStamp><Point><coordinates>98.76,23.69</coordinates></Point></Placemark>
<Placemark><name>Span</name><TimeSpan><begin>2023-11-20</begin><end>2024-01-05</end></TimeSpan><Point><coordinates>98.76,23.69</coordinates></Point></Placemark>
<Placemark><name>Open span</name><TimeSpan><begin>2024-02-01</begin></TimeSpan><Point><coordinates>98.76,23.69</coordinates></Point></Placemark>
<Placemark><name>Until</name><TimeSpan><end>2022-06-30</end></TimeSpan><Point><coordinates>98.76,23.69</coordinates></Point></Placemark>
</Document></kml>
)");
    auto doc = newCase(u"gps.caseatlas"_s);
    for (const QString& file : {gpx, kml}) {
        ImportRequest r;
        r.format = *guessImportFormat(file);
        auto report = importFile(doc->file(), file, r);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    }
    const auto events = eventsByTitle(*doc);
    QCOMPARE(events.size(), 6);
    QCOMPARE(events.value(u"Checkpoint A"_s).start.toEdtf(), u"2007-11-25T16:58:00Z"_s);
    const Event b = events.value(u"Checkpoint B"_s);
    QCOMPARE(b.start.toEdtf(), u"2007-11-25T18:58:00+01:00"_s);
    QCOMPARE(FuzzyDate::isoUtc(b.earliest()), u"2007-11-25T17:58:00Z"_s);
    QCOMPARE(events.value(u"Checkpoint A"_s).description, u"First stop"_s);
    QCOMPARE(events.value(u"Stamped"_s).start.toEdtf(), u"2023-11-12T10:30:00+06:30"_s);
    QCOMPARE(events.value(u"Span"_s).start.toEdtf(), u"2023-11-20"_s);
    QCOMPARE(events.value(u"Span"_s).end.toEdtf(), u"2024-01-05"_s);
    QCOMPARE(events.value(u"Open span"_s).start.toEdtf(), u"2024-02-01/.."_s);
    QCOMPARE(events.value(u"Until"_s).start.toEdtf(), u"../2022-06-30"_s);
}

void TestRecordImport::badRecordsAbortOrSkip_data() {
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("where");
    QTest::newRow("bad date") << QByteArray("Bad,2023-13-45,23.6,98.7\n") << u":3:2 (date)"_s;
    QTest::newRow("latitude 123") << QByteArray("Bad,2023-11-12,123,98.7\n") << u":3:3 (lat)"_s;
    QTest::newRow("missing title") << QByteArray(",2023-11-12,23.6,98.7\n") << u":3:1 (title)"_s;
    QTest::newRow("wrong column count")
        << QByteArray("Bad,2023-11-12\n") << u":3: the row has 2 columns"_s;
    QTest::newRow("invalid UTF-8")
        << QByteArray("B\xff\xfe,2023-11-12,23.6,98.7\n") << u":3:1 (title)"_s;
}

void TestRecordImport::badRecordsAbortOrSkip() {
    QFETCH(QByteArray, bad);
    QFETCH(QString, where);
    const QString name = u"bad-%1"_s.arg(QString::fromUtf8(QTest::currentDataTag()));
    const QString csv = writeFile(m_dir, name + u".csv"_s,
                                  "title,date,lat,lon\nGood one,2023-11-11,23.6,98.7\n" + bad +
                                      "Good two,2023-11-13,23.6,98.7\n");
    const QString path = m_dir.filePath(name + u".caseatlas"_s);
    QVERIFY(createDocument(path));
    const QByteArray before = fileHash(path);
    {
        auto file = CaseFile::open(path).value();
        auto aborted = importFile(file, csv, {});
        QVERIFY(!aborted.ok());
        QVERIFY2(aborted.error().detail.contains(QDir::toNativeSeparators(csv) + where),
                 qPrintable(aborted.error().detail));
    }
    QCOMPARE(fileHash(path), before); // nothing half-imported
    auto file = CaseFile::open(path).value();
    ImportOptions skip;
    skip.skipBadRows = true;
    auto skipped = importFile(file, csv, {}, skip);
    QVERIFY(skipped.ok());
    QCOMPARE(skipped.value().added, 2);
    QCOMPARE(skipped.value().skipped, 1);
    QCOMPARE(skipped.value().problems.first().line, 3);
}

void TestRecordImport::roundTrip_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("csv") << int(ExportFormat::Csv) << u"csv"_s;
    QTest::newRow("geojson") << int(ExportFormat::GeoJson) << u"geojson"_s;
    QTest::newRow("kml") << int(ExportFormat::Kml) << u"kml"_s;
    QTest::newRow("timelinejs") << int(ExportFormat::TimelineJs) << u"json"_s;
}

// CaseAtlas → format → CaseAtlas: what the format carries comes back as it was.
void TestRecordImport::roundTrip() {
    QFETCH(int, format);
    QFETCH(QString, suffix);
    const auto f = ExportFormat(format);
    const QString tag = QString::fromUtf8(QTest::currentDataTag());
    const QString samplePath = m_dir.filePath(u"sample-"_s + tag + u".caseatlas"_s);
    {
        auto file = CaseFile::create(samplePath, u"Sample"_s);
        QVERIFY(file.ok());
        QVERIFY(writeSampleCase(file.value()).ok());
    }
    auto sample = CaseDocument::open(samplePath).value();
    {
        // What the sample lacks and a round trip must keep: events of every sensitivity and
        // location precision, and one source cited at two places with their quotes and grades.
        QList<Event> events = sample->events().all().value();
        QVERIFY(events.size() >= 6);
        const Sensitivity sensitivities[] = {Sensitivity::Confidential, Sensitivity::Internal};
        const LocationPrecision precisions[] = {
            LocationPrecision::Exact, LocationPrecision::AdminArea, LocationPrecision::Country};
        for (int i = 0; i < 2; ++i) {
            events[i].sensitivity = sensitivities[i];
            QVERIFY(sample->updateEvent(events[i]).ok());
        }
        for (int i = 0; i < 3; ++i) {
            Event& e = events[2 + i];
            if (!e.point && !e.placeId)
                e.point = GeoPoint{98.7 + i, 23.7};
            e.locationPrecision = precisions[i];
            QVERIFY(sample->updateEvent(e).ok());
        }
        const QList<Citation> cited = sample->sources().citationsOfEvent(events[5].id).value();
        QVERIFY(!cited.isEmpty());
        Citation again = cited.first();
        again.id = 0;
        again.locator = u"p. 7"_s;
        again.quote = u"A second passage."_s;
        again.credibility = 2;
        QVERIFY(sample->addCitation(again).ok());
    }
    const QString out = m_dir.filePath(u"roundtrip."_s + suffix);
    ExportOptions o;
    o.format = f;
    o.profile = ExportProfile::Full;
    QVERIFY(exportCase(*sample, out, o).ok());
    auto back = newCase(u"back-"_s + tag + u".caseatlas"_s);
    ImportRequest r;
    r.format = *guessImportFormat(out);
    if (f == ExportFormat::Kml) {
        // KML carries the EDTF date among its extended data, which the guess takes.
        auto table = readTable(out);
        QVERIFY(table.ok());
        const ColumnMapping m = guessMapping(table.value().columns);
        QCOMPARE(m.column(u"start"_s), u"date"_s);
        QCOMPARE(m.column(u"end"_s), QString());
    }
    auto report = importFile(back->file(), out, r);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    const auto was = eventsByTitle(*sample), is = eventsByTitle(*back);
    QCOMPARE(is.size(), was.size());
    for (const Event& a : was) {
        QVERIFY2(is.contains(a.title), qPrintable(a.title));
        const Event b = is.value(a.title);
        const QString what = a.title;
        // Every format keeps the EDTF (TimelineJS in its "caseatlas" fields, as its own dates
        // cannot say "2023~/..").
        QCOMPARE(b.start.toEdtf(), a.start.toEdtf());
        QCOMPARE(b.end.isValid(), a.end.isValid());
        if (a.end.isValid())
            QCOMPARE(b.end.toEdtf(), a.end.toEdtf());
        if (f != ExportFormat::TimelineJs) {
            // Where the event is drawn: its own point, or its place's.
            auto at = [](CaseDocument& doc, const Event& e) {
                return e.point     ? e.point
                       : e.placeId ? doc.places().load(e.placeId).value().point
                                   : std::nullopt;
            };
            const auto pa = at(*sample, a), pb = at(*back, b);
            QCOMPARE(pb.has_value(), pa.has_value());
            if (pa) {
                QVERIFY2(std::abs(pb->lon - pa->lon) < 1e-6, qPrintable(what));
                QVERIFY2(std::abs(pb->lat - pa->lat) < 1e-6, qPrintable(what));
            }
        }
        if (f == ExportFormat::Kml) {
            QCOMPARE(b.sensitivity, a.sensitivity);
            QCOMPARE(b.locationPrecision, a.locationPrecision);
            QCOMPARE(b.tags, a.tags);
        }
        if (f == ExportFormat::GeoJson) {
            // Each citation: its source at its place, with its quote and grade.
            auto citations = [](CaseDocument& doc, qint64 id) {
                QStringList out;
                for (const Citation& c : doc.sources().citationsOfEvent(id).value())
                    out << doc.sources().load(c.sourceId).value().url + u" | "_s + c.locator +
                               u" | "_s + c.quote + u" | "_s + QString::number(c.credibility);
                out.sort();
                return out;
            };
            QCOMPARE(citations(*back, b.id), citations(*sample, a.id));
        }
        if (f == ExportFormat::Csv || f == ExportFormat::GeoJson) {
            QCOMPARE(b.description, a.description);
            QCOMPARE(b.tags, a.tags);
            QCOMPARE(placeName(*back, b.placeId), placeName(*sample, a.placeId));
            QCOMPARE(actorsOf(*back, b), actorsOf(*sample, a));
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.sensitivity, a.sensitivity);
            QCOMPARE(b.locationPrecision, a.locationPrecision);
            QCOMPARE(b.uuid, a.uuid);
        }
        if (f == ExportFormat::TimelineJs) {
            QCOMPARE(b.description, a.description);
            QCOMPARE(b.tags.value(0), a.tags.value(0));
            QCOMPARE(b.uuid, a.uuid);
        }
        // The sources cited; a format without locators (all but GeoJSON) cites each once.
        QStringList urlsWas = sourceUrls(*sample, a.id), urlsIs = sourceUrls(*back, b.id);
        if (f != ExportFormat::GeoJson)
            urlsWas.removeDuplicates();
        QCOMPARE(urlsIs, urlsWas);
    }
    // Importing the export again, as an update of it, changes nothing.
    ImportOptions update;
    update.dataset = report.value().dataset;
    auto again = importFile(back->file(), out, r, update);
    QVERIFY(again.ok());
    QCOMPARE(again.value().added, 0);
    QCOMPARE(again.value().unchanged, qint64(was.size()));
}

// An import through the document is one undo step: undo takes away what it made and puts back
// what it changed; redo does it again.
void TestRecordImport::importIsOneUndoStep() {
    auto doc = newCase(u"undo.caseatlas"_s);
    auto table = readTable(fixture("spreadsheet.csv"));
    QVERIFY(table.ok());
    ColumnMapping m = guessMapping(table.value().columns);
    m.columns.insert(u"id"_s, u"Ref"_s);
    m.columns.insert(u"title"_s, u"Event"_s);
    m.columns.insert(u"place"_s, u"Where"_s);
    m.columns.insert(u"actors"_s, u"People"_s);
    m.columns.insert(u"source_url"_s, u"Link"_s);
    m.columns.insert(u"source_title"_s, u"Outlet"_s);
    const ImportBatch batch = mapTable(table.value(), m);
    const qint64 logged = doc->custodyLog().all().value().size();
    auto report = importRecords(*doc, fixture("spreadsheet.csv"), batch, {});
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report.value().added, 4);
    QCOMPARE(doc->undoStack()->undoText(), u"Import spreadsheet.csv"_s);
    const qint64 places = doc->places().count().value(), actors = doc->actors().count().value();
    QVERIFY(places >= 4 && actors == 2);
    doc->undoStack()->undo();
    QCOMPARE(doc->events().count().value(), 0);
    QCOMPARE(doc->places().count().value(), 0);
    QCOMPARE(doc->actors().count().value(), 0);
    QCOMPARE(doc->sources().count().value(), 0);
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM citations"_s).value(), 0);
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM tags"_s).value(), 0);
    // The custody log is append-only: the import stays recorded.
    QCOMPARE(doc->custodyLog().all().value().size(), logged + 1);
    doc->undoStack()->redo();
    QCOMPARE(doc->events().count().value(), 4);
    QCOMPARE(doc->places().count().value(), places);
    QCOMPARE(eventsByTitle(*doc).value(u"Raid on a compound"_s).tags,
             (QStringList{u"Raid"_s, u"Police"_s}));
    // An update is undone to what was there before.
    ImportBatch changed = batch;
    changed.events[0].title = u"Raid on a compound (corrected)"_s;
    ImportOptions asUpdate;
    asUpdate.dataset = report.value().dataset;
    auto update = importRecords(*doc, fixture("spreadsheet.csv"), changed, asUpdate);
    QVERIFY(update.ok());
    QCOMPARE(update.value().changed, 1);
    QVERIFY(eventsByTitle(*doc).contains(u"Raid on a compound (corrected)"_s));
    doc->undoStack()->undo();
    QVERIFY(eventsByTitle(*doc).contains(u"Raid on a compound"_s));
    QCOMPARE(doc->events().count().value(), 4);
    QVERIFY(doc->file().integrityProblems(false).value().isEmpty());
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM pragma_foreign_key_check"_s).value(), 0);
}

void TestRecordImport::readingReportsProgressAndCancels() {
    QByteArray csv = "title,date\n";
    QByteArray geojson = R"({"type": "FeatureCollection", "features": [)";
    for (int i = 0; i < 12000; ++i) {
        csv += "Event " + QByteArray::number(i) + ",2023-11-12\n";
        if (i < 2500)
            geojson +=
                QByteArray(i ? "," : "") +
                R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [98.7, 23.6]}, "properties": {"name": "P", "when": "2023"}})";
    }
    geojson += "]}";
    for (const QString& path : {writeFile(m_dir, u"progress.csv"_s, csv),
                                writeFile(m_dir, u"progress.geojson"_s, geojson)}) {
        TableOptions o;
        QList<std::pair<qint64, qint64>> calls;
        o.progress = [&](qint64 done, qint64 total) {
            calls.append({done, total});
            return true;
        };
        auto whole = readTable(path, o);
        QVERIFY(whole.ok());
        QVERIFY2(calls.size() >= 2, qPrintable(path));
        QVERIFY(calls.last().first <= calls.last().second);
        QVERIFY(calls.first().first < calls.last().first);
        int mappedCalls = 0;
        const ImportBatch batch = mapTable(whole.value(), guessMapping(whole.value().columns),
                                           [&](qint64, qint64) { ++mappedCalls; });
        QVERIFY(mappedCalls >= 1);
        QVERIFY(batch.problems.isEmpty());
        o.progress = [](qint64, qint64) { return false; };
        auto cancelled = readTable(path, o);
        QVERIFY(!cancelled.ok());
        QVERIFY(cancelled.error().message.contains(u"cancelled"_s));
    }
}

void TestRecordImport::cancelledImportLeavesCaseAsItWas() {
    QByteArray csv = "title,date,place\n";
    for (int i = 0; i < 600; ++i)
        csv += "Event " + QByteArray::number(i) + ",2023-11-12,Town " + QByteArray::number(i % 7) +
               "\n";
    const QString input = writeFile(m_dir, u"cancel.csv"_s, csv);
    const QString path = m_dir.filePath(u"cancel.caseatlas"_s);
    QVERIFY(createDocument(path));
    const QByteArray before = fileHash(path);
    {
        auto doc = CaseDocument::open(path).value();
        auto table = readTable(input);
        QVERIFY(table.ok());
        const ImportBatch batch = mapTable(table.value(), guessMapping(table.value().columns));
        ImportOptions o;
        qint64 calls = 0;
        o.progress = [&](qint64 done, qint64 total) {
            ++calls;
            return done < total / 2;
        };
        auto cancelled = importRecords(*doc, input, batch, o); // the undoable path
        QVERIFY(!cancelled.ok());
        QVERIFY(cancelled.error().message.contains(u"cancelled"_s));
        QVERIFY(calls >= 2);
        QCOMPARE(doc->events().count().value(), 0);
        QVERIFY(!doc->undoStack()->canUndo());
    }
    QCOMPARE(fileHash(path), before);
    {
        auto file = CaseFile::open(path).value();
        ImportOptions o;
        o.progress = [](qint64, qint64) { return false; };
        QVERIFY(!importFile(file, input, {}, o).ok()); // the plain path
    }
    QCOMPARE(fileHash(path), before);
}

// Two unrelated spreadsheets that happen to share a name and ids 1, 2, 3: each is a dataset of
// its own, so the second adds its events instead of overwriting the first's (and its sources are
// cited by its own events). Only an update the user asks for matches ids.
void TestRecordImport::unrelatedFilesKeepTheirOwnEvents() {
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(u"ngo"_s));
    QDir().mkpath(dir.filePath(u"newsroom"_s));
    const QString a = writeFile(dir, u"ngo/events.csv"_s,
                                "id,title,date,source_url\n1,Crossing closed,2023-11-01,"
                                "https://ngo.example/1\n2,Workers moved,2023-11-02,"
                                "https://ngo.example/2\n3,Compound raided,2023-11-03,"
                                "https://ngo.example/3\n");
    const QString b = writeFile(dir, u"newsroom/events.csv"_s,
                                "id,title,date,source_url\n1,Minister visits,2024-02-01,"
                                "https://news.example/1\n2,Market reopens,2024-02-02,"
                                "https://news.example/2\n3,Border talks,2024-02-03,"
                                "https://news.example/3\n");
    auto doc = newCase(u"two-files.caseatlas"_s);
    auto first = importRecords(*doc, a, readBatch(a, {}).value(), {});
    auto second = importRecords(*doc, b, readBatch(b, {}).value(), {});
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(second.value().added, 3);
    QCOMPARE(second.value().changed, 0);
    QVERIFY(first.value().dataset != second.value().dataset);
    const auto events = eventsByTitle(*doc);
    QCOMPARE(events.size(), 6);
    QCOMPARE(sourceUrls(*doc, events.value(u"Crossing closed"_s).id),
             QStringList{u"https://ngo.example/1"_s});
    QCOMPARE(sourceUrls(*doc, events.value(u"Minister visits"_s).id),
             QStringList{u"https://news.example/1"_s});
    // The two are listed apart, by file name and id.
    const auto datasets = ImportMemory(doc->db()).datasets().value();
    QCOMPARE(datasets.size(), 2);
    auto ambiguous = ImportMemory(doc->db()).dataset(u"events.csv"_s);
    QVERIFY(!ambiguous.ok());
    QVERIFY(ambiguous.error().message.contains(u"by its id"_s));
}

// Re-importing a newer copy of a file as an update of it changes only what the file changed
// since it was last imported: edits made in CaseAtlas (a description, a tag, an actor, a status)
// are kept; a field both changed apart is kept as in the case and listed; an event deleted in
// the case is not brought back. A preview says all that first and writes nothing.
void TestRecordImport::updateKeepsEditsAndListsConflicts() {
    QTemporaryDir dir;
    const QString v1 = writeFile(dir, u"chronology.csv"_s,
                                 "id,title,date,description,tags,place\n"
                                 "r1,Raid on compound,2023-11-12,Police raid.,raid,Laukkai\n"
                                 "r2,Handover,2023-11-20,Workers handed over.,repatriation,"
                                 "Chinshwehaw\n"
                                 "r3,Statement,2023-11,Ministry statement.,statement,\n");
    auto doc = newCase(u"update.caseatlas"_s);
    auto first = importRecords(*doc, v1, readBatch(v1, {}).value(), {});
    QVERIFY(first.ok());
    QCOMPARE(first.value().added, 3);
    const QString dataset = first.value().dataset;
    QVERIFY(dataset.startsWith(u"dataset:"_s));
    auto events = eventsByTitle(*doc);
    // Edits in CaseAtlas.
    Event raid = events.value(u"Raid on compound"_s);
    raid.description = u"Police raid; 40 workers held (our interview)."_s;
    raid.tags << u"verified"_s;
    raid.status = EventStatus::Corroborated;
    const qint64 witness = doc->addActor({0, {}, u"A witness"_s}).value();
    raid.actors.append({witness, u"witness"_s});
    QVERIFY(doc->updateEvent(raid).ok());
    Event handover = events.value(u"Handover"_s);
    handover.description = u"Workers handed over at the bridge."_s;
    QVERIFY(doc->updateEvent(handover).ok());
    QVERIFY(doc->deleteEvents({events.value(u"Statement"_s).id}).ok());

    // The file's newer copy: the raid's title and tags changed, the handover's description
    // too (as the case's did), the statement still there, a new event.
    const QString v2 = writeFile(dir, u"chronology-v2.csv"_s,
                                 "id,title,date,description,tags,place\n"
                                 "r1,Raid on a scam compound,2023-11-12,Police raid.,raid;police,"
                                 "Laukkai\n"
                                 "r2,Handover,2023-11-20,Workers handed over to China.,"
                                 "repatriation,Chinshwehaw\n"
                                 "r3,Statement,2023-11,Ministry statement.,statement,\n"
                                 "r4,Second handover,2023-12-02,More workers.,repatriation,\n");
    ImportOptions update;
    update.dataset = u"chronology.csv"_s; // named by the file it came from
    const QByteArray before = fileHash(doc->path());
    update.preview = true;
    auto preview = importRecords(*doc, v2, readBatch(v2, {}).value(), update);
    QVERIFY2(preview.ok(), qPrintable(preview.ok() ? QString() : preview.error().fullText()));
    QCOMPARE(fileHash(doc->path()), before); // a preview writes nothing
    QCOMPARE(preview.value().added, 1);
    QCOMPARE(preview.value().changed, 1);
    QCOMPARE(preview.value().keptDeleted, 1);
    QCOMPARE(preview.value().conflicts.size(), 1);
    QCOMPARE(preview.value().conflicts.first().field, u"description"_s);
    QCOMPARE(preview.value().conflicts.first().theirs, u"Workers handed over to China."_s);
    QCOMPARE(preview.value().conflicts.first().ours, u"Workers handed over at the bridge."_s);
    bool listed = false;
    for (const ImportChange& c : preview.value().changes)
        listed |= !c.added && c.fields == QStringList{u"title"_s, u"tags"_s};
    QVERIFY(listed);

    update.preview = false;
    auto done = importRecords(*doc, v2, readBatch(v2, {}).value(), update);
    QVERIFY(done.ok());
    QCOMPARE(done.value().dataset, dataset);
    events = eventsByTitle(*doc);
    QCOMPARE(events.size(), 3); // the statement stays deleted
    const Event r = events.value(u"Raid on a scam compound"_s);
    QCOMPARE(r.description, u"Police raid; 40 workers held (our interview)."_s); // kept
    QCOMPARE(QSet<QString>(r.tags.cbegin(), r.tags.cend()),
             (QSet<QString>{u"raid"_s, u"police"_s, u"verified"_s})); // the file's, and ours
    QCOMPARE(r.status, EventStatus::Corroborated);
    QCOMPARE(r.actors.size(), 1);
    QCOMPARE(events.value(u"Handover"_s).description, u"Workers handed over at the bridge."_s);
    QCOMPARE(done.value().conflicts.size(), 1);

    // The same copy again: nothing changes. The conflict was listed when the file changed; the
    // file's value is now its base, so the case's choice stands until the file changes again.
    auto again = importRecords(*doc, v2, readBatch(v2, {}).value(), update);
    QVERIFY(again.ok());
    QCOMPARE(again.value().changed, 0);
    QCOMPARE(again.value().added, 0);
    QCOMPARE(again.value().conflicts.size(), 0);
    QCOMPARE(eventsByTitle(*doc).value(u"Handover"_s).description,
             u"Workers handed over at the bridge."_s);
    // Undo takes the update back, base and all: the raid has its old title again.
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QVERIFY(eventsByTitle(*doc).contains(u"Raid on compound"_s));
}

// A public export of a case imported back into that case would write pseudonyms, coarse places
// and keyed ids over the real records: refused, as a whole file (its SHA-256 is in the custody
// log), when edited (its ids are the case's public ids) and when only its text came back (its
// pseudonyms). Into another case it imports as any file.
void TestRecordImport::publicExportIsRefusedOverItsCase() {
    QTemporaryDir dir;
    auto doc = newCase(u"master.caseatlas"_s);
    QVERIFY(writeSampleCase(doc->file()).ok());
    Actor witness;
    witness.name = u"Aung Kyaw Moe"_s;
    witness.protectedPerson = true;
    const qint64 witnessId = doc->addActor(witness).value();
    Event seen = doc->events().all().value().first();
    seen.actors.append({witnessId, u"witness"_s});
    seen.description = u"Aung Kyaw Moe saw it."_s;
    QVERIFY(doc->updateEvent(seen).ok());
    for (ExportFormat f : {ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::TimelineJs}) {
        const QString out =
            dir.filePath(u"public."_s +
                         (f == ExportFormat::TimelineJs ? u"timeline.json"_s : exportFormatKey(f)));
        ExportOptions o;
        o.format = f;
        o.profile = ExportProfile::Public;
        QVERIFY(exportCase(*doc, out, o).ok());
        const QByteArray before = fileHash(doc->path());
        ImportRequest r;
        if (f == ExportFormat::TimelineJs)
            r.format = ImportFormat::TimelineJs;
        else if (f == ExportFormat::GeoJson)
            r.format = ImportFormat::Points;
        auto batch = readBatch(out, r);
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().fullText()));
        auto refused = importRecords(*doc, out, batch.value(), {});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(u"is a public export of this case"_s),
                 qPrintable(refused.error().fullText()));
        QCOMPARE(fileHash(doc->path()), before);
        // Edited (another SHA-256), with its ids or with only its pseudonyms left.
        QFile f2(out);
        QVERIFY(f2.open(QIODevice::ReadOnly));
        QByteArray edited = f2.readAll();
        f2.close();
        edited.replace("Crossing", "Border crossing");
        const QString copy = writeFile(dir, u"edited-"_s + QFileInfo(out).fileName(), edited);
        auto editedBatch = readBatch(copy, r);
        QVERIFY(editedBatch.ok());
        auto again = importRecords(*doc, copy, editedBatch.value(), {});
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(u"is a public export of this case"_s),
                 qPrintable(again.error().fullText()));
        QCOMPARE(fileHash(doc->path()), before);
        // Into another case, it is a file like any other.
        auto other = newCase(u"other-%1.caseatlas"_s.arg(exportFormatKey(f)));
        auto elsewhere = importRecords(*other, out, batch.value(), {});
        QVERIFY2(elsewhere.ok(),
                 qPrintable(elsewhere.ok() ? QString() : elsewhere.error().fullText()));
    }
    // Only the text: a note of the pseudonym in a spreadsheet without ids.
    ExportOptions o;
    o.format = ExportFormat::Csv;
    o.profile = ExportProfile::Public;
    const QString out = dir.filePath(u"for-pseudonym.csv"_s);
    QVERIFY(exportCase(*doc, out, o).ok());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    const qsizetype at = all.indexOf("Protected person ");
    QVERIFY(at > 0);
    const QByteArray name = all.mid(at, 23);
    const QString sheet =
        writeFile(dir, u"retyped.csv"_s,
                  "title,date,description\nA retyped event,2024-01-02," + name + " said so\n");
    auto retyped = importRecords(*doc, sheet, readBatch(sheet, {}).value(), {});
    QVERIFY(!retyped.ok());
    QVERIFY2(retyped.error().message.contains(QString::fromLatin1(name)),
             qPrintable(retyped.error().fullText()));
}

// ACLED updates are three-way too: a description edited in CaseAtlas survives a re-import of the
// same export, while the export's own corrections (fatalities) are taken.
void TestRecordImport::acledUpdateKeepsEdits() {
    QTemporaryDir dir;
    const QByteArray header =
        "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
        "assoc_actor_1,actor2,assoc_actor_2,country,admin1,location,latitude,longitude,"
        "geo_precision,source,notes,fatalities\n";
    auto row = [](const char* fatalities) {
        return QByteArray("MMR9,2023-11-12,2023,1,Battles,Armed clash,Military Forces of "
                          "Myanmar (2021-),,MNDAA,,Myanmar,Shan-North,Laukkai,23.69,98.76,1,"
                          "Irrawaddy,Clashes reported.,") +
               fatalities + "\n";
    };
    const QString v1 = writeFile(dir, u"acled.csv"_s, header + row("3"));
    auto doc = newCase(u"acled-update.caseatlas"_s);
    QVERIFY(importEventFile(*doc, Dataset::Acled, v1, {}).ok());
    Event e = doc->events().all().value().first();
    e.description = u"Clashes reported; our source puts the dead at five."_s;
    QVERIFY(doc->updateEvent(e).ok());
    const QString v2 = writeFile(dir, u"acled-v2.csv"_s, header + row("4"));
    auto again = importEventFile(*doc, Dataset::Acled, v2, {});
    QVERIFY(again.ok());
    QCOMPARE(again.value().changed, 1);
    const Event now = doc->events().load(e.id).value();
    QCOMPARE(now.description, e.description);
    QCOMPARE(now.values.first().value, 4.0);
}

void TestRecordImport::cli() {
    const QString path = m_dir.filePath(u"cli.caseatlas"_s);
    QVERIFY(createDocument(path));
    QProcess p;
    p.start(cliPath(), {u"import"_s, path, fixture("spreadsheet.csv"), u"--map"_s, u"title=Event"_s,
                        u"--map"_s, u"place=Where"_s, u"--map"_s, u"id=Ref"_s});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(p.readAllStandardOutput().contains("4 added"), "four rows");
    p.start(cliPath(), {u"import"_s, path, fixture("chronology.timeline")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray timeline = p.readAllStandardOutput();
    QVERIFY2(timeline.contains("(timeline, dataset dataset:") && timeline.contains("): 3 added"),
             timeline.constData());
    // The spreadsheet again, as an update of itself: first what it would do, then done.
    const QByteArray beforeUpdate = fileHash(path);
    p.start(cliPath(), {u"import"_s, path, fixture("spreadsheet.csv"), u"--map"_s, u"title=Event"_s,
                        u"--map"_s, u"place=Where"_s, u"--map"_s, u"id=Ref"_s, u"--update"_s,
                        u"spreadsheet.csv"_s, u"--dry-run"_s});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray wouldDo = p.readAllStandardOutput();
    QVERIFY2(wouldDo.contains("Would import") && wouldDo.contains("0 added, 0 changed, 4 "
                                                                  "unchanged"),
             wouldDo.constData());
    QCOMPARE(fileHash(path), beforeUpdate);
    p.start(cliPath(), {u"info"_s, path});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray info = p.readAllStandardOutput();
    QVERIFY2(info.contains("Imported datasets") && info.contains("spreadsheet.csv") &&
                 info.contains("chronology.timeline"),
             info.constData());
    const QString bad =
        writeFile(m_dir, u"cli-bad.csv"_s, "title,date\nGood,2023-11-12\nBad,someday\n");
    const QByteArray before = fileHash(path);
    p.start(cliPath(), {u"import"_s, path, bad});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(p.exitCode() != 0);
    QVERIFY(p.readAllStandardError().contains("cli-bad.csv:3:2 (date)"));
    QCOMPARE(fileHash(path), before);
    p.start(cliPath(), {u"import"_s, path, bad, u"--skip-bad-rows"_s});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains("1 added"));
    p.start(cliPath(), {u"import"_s, path, bad, u"--map"_s, u"nonsense=title"_s});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(p.exitCode() != 0);
}

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv); // the export's Markdown/HTML report uses QtGui
    TestRecordImport t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_recordimport.moc"
