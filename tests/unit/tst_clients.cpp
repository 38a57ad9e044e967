// CaseAtlas's files in the real programs others open them with: TimelineJS 3.9.11 (npm) in
// headless Chromium (Debian), GDAL's own validator. Each client is started by the test.

#include "clients.h"
#include "testsupport.h"

#include "io/caseexport.h"
#include "model/casedocument.h"
#include "store/sourcerepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

class TestClients : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sampleCaseRendersInTimelineJs_data();
    void sampleCaseRendersInTimelineJs();
    void timelineJsDatesAreHonest();
    void timelineJsTemplatesImport_data();
    void timelineJsTemplatesImport();
    void caseIsAValidGeoPackage();

private:
    QJsonObject render(const QByteArray& json);
    struct Cli {
        int code = -1;
        QString out, err;
    };
    Cli cli(const QStringList& args);
    QTemporaryDir m_dir;
    QString m_timelineJs, m_timelineJsWhy;
};

void TestClients::initTestCase() {
    QVERIFY2(QFile::exists(cliPath()), "CASEATLAS_CLI is not set; run through ctest");
    m_timelineJs = timelineJsPackage(&m_timelineJsWhy);
}

TestClients::Cli TestClients::cli(const QStringList& args) {
    QProcess p;
    p.start(cliPath(), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QJsonObject TestClients::render(const QByteArray& json) {
    QString why;
    const QJsonObject out = renderInTimelineJs(m_timelineJs, json, &why);
    if (out.isEmpty())
        qWarning("%s", qPrintable(why));
    return out;
}

void TestClients::sampleCaseRendersInTimelineJs_data() {
    QTest::addColumn<QString>("profile");
    QTest::newRow("full") << u"full"_s;
    QTest::newRow("public") << u"public"_s;
}

// The sample case, exported as a user would (the CLI), opens in TimelineJS with no error: every
// event a slide, the open-ended era drawn, each slide's date said once and as the case says it,
// its description rendered (no Markdown left as text).
void TestClients::sampleCaseRendersInTimelineJs() {
    QFETCH(QString, profile);
    CASEATLAS_REQUIRE_CLIENT(!m_timelineJs.isEmpty(), m_timelineJsWhy);
    CASEATLAS_REQUIRE_CLIENT(!chromium().isEmpty(), u"chromium (Debian package)"_s);
    const QString path = m_dir.filePath(u"sample-%1.caseatlas"_s.arg(profile));
    QCOMPARE(cli({u"sample"_s, path}).code, 0);
    const QString out = m_dir.filePath(u"sample-%1.json"_s.arg(profile));
    const Cli exported =
        cli({u"export"_s, path, out, u"--format"_s, u"timelinejs"_s, u"--profile"_s, profile});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray json = f.readAll();
    const QJsonObject doc = QJsonDocument::fromJson(json).object();
    const QJsonArray events = doc.value(u"events"_s).toArray();
    QVERIFY(events.size() >= 10);
    QVERIFY(!doc.value(u"eras"_s).toArray().isEmpty());

    const QJsonObject shown = render(json);
    QVERIFY(!shown.isEmpty());
    QVERIFY2(shown.value(u"errors"_s).toArray().isEmpty(),
             QJsonDocument(shown.value(u"errors"_s).toArray()).toJson().constData());
    QCOMPARE(shown.value(u"message"_s).toString(), QString());
    QVERIFY(shown.value(u"ready"_s).toBool());
    const QJsonArray slides = shown.value(u"slides"_s).toArray();
    QCOMPARE(slides.size(), events.size() + 1); // the title slide first
    QCOMPARE(shown.value(u"markers"_s).toInt(), events.size());
    QCOMPARE(shown.value(u"eras"_s).toArray().size(), doc.value(u"eras"_s).toArray().size());
    QHash<QString, QString> dateOf; // headline → date shown
    for (const QJsonValue& v : slides) {
        const QJsonObject s = v.toObject();
        dateOf.insert(s.value(u"headline"_s).toString(), s.value(u"date"_s).toString());
        QVERIFY2(!s.value(u"text"_s).toString().contains(u'*'),
                 qPrintable(s.value(u"text"_s).toString()));
    }
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        const QString headline = e.value(u"text"_s).toObject().value(u"headline"_s).toString();
        QVERIFY2(dateOf.contains(headline), qPrintable(headline));
        // Said once, as the case says it ("c. 2013 – c. 2023", "2023?", "from c. 2023").
        QCOMPARE(dateOf.value(headline), e.value(u"display_date"_s).toString());
    }
    const QStringList shownDates = dateOf.values();
    for (const QString& expected : {u"2023?"_s, u"from c. 2023"_s, u"c. 2013 – c. 2023"_s})
        QVERIFY2(shownDates.contains(expected), qPrintable(shownDates.join(u" | "_s)));
    // The description's Markdown ("*Date:* …") is emphasis, not asterisks.
    bool emphasis = false;
    for (const QJsonValue& v : slides)
        emphasis =
            emphasis || v.toObject().value(u"html"_s).toString().contains(u"<em>Date:</em>"_s);
    QVERIFY(emphasis);
}

// Dates are written no more precisely than the EDTF knows them, open ends are not invented,
// eras of one year or one day and open eras all render.
void TestClients::timelineJsDatesAreHonest() {
    const QString path = m_dir.filePath(u"dates.caseatlas"_s);
    {
        auto doc = createDocument(path, u"Dates"_s);
        const std::pair<const char*, const char*> dates[] = {
            {"../2023", ""},         {"2023~/..", ""},   {"2023?", ""},
            {"2023-21", ""},         {"201X", ""},       {"2023-11-12T14:30:00Z", ""},
            {"2023-05", "2023-11?"}, {"2022-03-04", ""}, {"1985-04-XX", ""}};
        for (const auto& [start, end] : dates) {
            Event e;
            e.title = QString::fromLatin1(start);
            e.start = edtf(start);
            if (*end)
                e.end = edtf(end);
            QVERIFY(doc->addEvent(e).ok());
        }
        for (const char* span : {"2023", "2023~/..", "../2021", "2022-05-01"}) {
            Era era;
            era.name = u"Era "_s + QString::fromLatin1(span);
            era.span = edtf(span);
            QVERIFY(doc->addEra(era).ok());
        }
    }
    const QString out = m_dir.filePath(u"dates.json"_s);
    const Cli exported = cli({u"export"_s, path, out, u"--format"_s, u"timelinejs"_s});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray json = f.readAll();
    const QJsonObject doc = QJsonDocument::fromJson(json).object();
    QHash<QString, QJsonObject> byTitle;
    for (const QJsonValue& v : doc.value(u"events"_s).toArray())
        byTitle.insert(v.toObject().value(u"text"_s).toObject().value(u"headline"_s).toString(),
                       v.toObject());
    auto date = [](const QJsonObject& e, const char* key) {
        return QString::fromUtf8(
            QJsonDocument(e.value(QLatin1String(key)).toObject()).toJson(QJsonDocument::Compact));
    };
    struct Expect {
        const char* title;
        const char* start;
        const char* end; // "" when TimelineJS gets no end
        const char* display;
    };
    const Expect expected[] = {
        {"../2023", R"({"year":2023})", "", "before 2023"},
        {"2023~/..", R"({"year":2023})", "", "from c. 2023"},
        {"2023?", R"({"year":2023})", "", "2023?"},
        {"2023-21", R"({"month":3,"year":2023})", R"({"month":5,"year":2023})", nullptr},
        {"201X", R"({"year":2010})", R"({"year":2019})", nullptr},
        {"2023-11-12T14:30:00Z",
         R"({"day":12,"hour":14,"minute":30,"month":11,"second":0,"year":2023})", "", nullptr},
        {"2023-05", R"({"month":5,"year":2023})", R"({"month":11,"year":2023})",
         "May 2023 – Nov 2023?"},
        {"2022-03-04", R"({"day":4,"month":3,"year":2022})", "", nullptr},
        {"1985-04-XX", R"({"month":4,"year":1985})", "", nullptr}};
    for (const Expect& x : expected) {
        const QString title = QString::fromLatin1(x.title);
        QVERIFY2(byTitle.contains(title), x.title);
        const QJsonObject e = byTitle.value(title);
        QCOMPARE(date(e, "start_date"), QString::fromLatin1(x.start));
        QCOMPARE(date(e, "end_date"), *x.end ? QString::fromLatin1(x.end) : u"{}"_s);
        if (x.display)
            QCOMPARE(e.value(u"display_date"_s).toString(), QString::fromUtf8(x.display));
        QVERIFY(!e.value(u"display_date"_s).toString().isEmpty());
    }
    // Every era has an end after its start (TimelineJS refuses the whole timeline otherwise).
    const QJsonArray eras = doc.value(u"eras"_s).toArray();
    QCOMPARE(eras.size(), 4);
    for (const QJsonValue& v : eras)
        QVERIFY(date(v.toObject(), "start_date") != date(v.toObject(), "end_date"));

    CASEATLAS_REQUIRE_CLIENT(!m_timelineJs.isEmpty(), m_timelineJsWhy);
    CASEATLAS_REQUIRE_CLIENT(!chromium().isEmpty(), u"chromium (Debian package)"_s);
    const QJsonObject shown = render(json);
    QVERIFY(!shown.isEmpty());
    QVERIFY2(shown.value(u"errors"_s).toArray().isEmpty(),
             QJsonDocument(shown.value(u"errors"_s).toArray()).toJson().constData());
    QVERIFY(shown.value(u"ready"_s).toBool());
    QCOMPARE(shown.value(u"markers"_s).toInt(), 9);
    QCOMPARE(shown.value(u"eras"_s).toArray().size(), 4);
}

void TestClients::timelineJsTemplatesImport_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("added");   // with the bad rows skipped
    QTest::addColumn<int>("skipped"); // deep-time years
    QTest::addColumn<QString>("firstProblem");
    QTest::newRow("all-media-types") << u"all-media-types.json"_s << 41 << 0 << QString();
    QTest::newRow("eras") << u"eras.json"_s << 20 << 0 << QString();
    QTest::newRow("cosmo") << u"cosmo.json"_s << 1 << 6
                           << u"cosmo.json:16 (start_date): the year -13800000000 is deep time"_s;
    QTest::newRow("cosmo-mixed")
        << u"cosmo-mixed.json"_s << 7 << 4
        << u"cosmo-mixed.json:14 (start_date): the year -13800000000 is deep time"_s;
    QTest::newRow("sheet template") << u"my-own-timeline.csv"_s << 10 << 0 << QString();
}

// TimelineJS's own templates (src/template of the npm package): each imports, its bad rows (years
// of deep time) refused one by one at the line they start on, never the whole file when skipped;
// the media kept as sources (a tweet's embed code as the tweet's address). What was imported,
// exported again, renders in TimelineJS.
void TestClients::timelineJsTemplatesImport() {
    QFETCH(QString, file);
    QFETCH(int, added);
    QFETCH(int, skipped);
    QFETCH(QString, firstProblem);
    CASEATLAS_REQUIRE_CLIENT(!m_timelineJs.isEmpty(), m_timelineJsWhy);
    const QString input = m_timelineJs + u"/src/template/"_s + file;
    QVERIFY(QFile::exists(input));
    const QString path = m_dir.filePath(file + u".caseatlas"_s);
    QCOMPARE(cli({u"new"_s, path}).code, 0);
    if (skipped) {
        const Cli refused = cli({u"import"_s, path, input});
        QVERIFY(refused.code != 0);
        QVERIFY2(refused.err.contains(firstProblem), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(u"has %1 records that cannot be imported"_s.arg(skipped)),
                 qPrintable(refused.err));
        QCOMPARE(eventsInCase(path), 0);
    }
    const Cli imported = cli({u"import"_s, path, input, u"--skip-bad-rows"_s});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.contains(u"%1 added"_s.arg(added)), qPrintable(imported.out));
    QVERIFY2(imported.out.contains(u"%1 bad rows skipped"_s.arg(skipped)),
             qPrintable(imported.out));
    QCOMPARE(eventsInCase(path), qint64(added));
    if (file == u"all-media-types.json") {
        const Cli found = cli({u"search"_s, path, u"Pizza Dog"_s});
        QVERIFY2(found.out.contains(u"Pizza Dog"_s), qPrintable(found.out + found.err));
        auto doc = CaseDocument::open(path).value();
        const auto sources = doc->sources().all().value();
        QVERIFY(std::any_of(sources.cbegin(), sources.cend(), [](const Source& s) {
            return s.url.startsWith(u"https://twitter.com/ItsMeKitB/status/947659340864876544"_s);
        }));
        QVERIFY(std::any_of(sources.cbegin(), sources.cend(), [](const Source& s) {
            return s.title.contains(u"That is a block quote"_s) && s.url.isEmpty();
        }));
    }
    CASEATLAS_REQUIRE_CLIENT(!chromium().isEmpty(), u"chromium (Debian package)"_s);
    const QString out = m_dir.filePath(file + u".export.json"_s);
    const Cli exported = cli({u"export"_s, path, out, u"--format"_s, u"timelinejs"_s});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject shown = render(f.readAll());
    QVERIFY(!shown.isEmpty());
    QVERIFY2(shown.value(u"errors"_s).toArray().isEmpty(),
             QJsonDocument(shown.value(u"errors"_s).toArray()).toJson().constData());
    QCOMPARE(shown.value(u"markers"_s).toInt(), added);
}

// The case file, with a GIS layer whose features have no or empty geometries, passes GDAL's
// own GeoPackage validator (validate_gpkg.py, python3-gdal), and GDAL reads its events'
// earliest/latest DATETIMEs without a warning.
void TestClients::caseIsAValidGeoPackage() {
    QString validator;
    for (const char* path : {"/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
                             "/usr/share/doc/python3-gdal/examples/validate_gpkg.py"})
        if (QFile::exists(QString::fromLatin1(path)))
            validator = QString::fromLatin1(path);
    CASEATLAS_REQUIRE_CLIENT(!validator.isEmpty(), u"validate_gpkg.py (python3-gdal)"_s);
    const QString path = m_dir.filePath(u"valid.caseatlas"_s);
    QCOMPARE(cli({u"sample"_s, path}).code, 0);
    const QString layer = m_dir.filePath(u"empty.geojson"_s);
    QFile f(layer);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"a point"},"geometry":{"type":"Point","coordinates":[98.7,23.7]}},
{"type":"Feature","properties":{"name":"no geometry"},"geometry":null},
{"type":"Feature","properties":{"name":"an empty point"},"geometry":{"type":"Point","coordinates":[]}},
{"type":"Feature","properties":{"name":"an empty line"},"geometry":{"type":"LineString","coordinates":[]}}
]})");
    f.close();
    const Cli added = cli({u"layer"_s, u"add"_s, path, layer});
    QVERIFY2(added.code == 0, qPrintable(added.err));
    // The validator insists on the .gpkg extension; the bytes are the case's.
    const QString gpkg = m_dir.filePath(u"valid.gpkg"_s);
    QVERIFY(QFile::copy(path, gpkg));
    QProcess v;
    v.start(u"python3"_s, {validator, gpkg});
    QVERIFY(v.waitForFinished(120000));
    QVERIFY2(v.exitCode() == 0,
             qPrintable(QString::fromUtf8(v.readAllStandardOutput() + v.readAllStandardError())));
    QProcess ogr;
    ogr.start(u"ogrinfo"_s, {u"-ro"_s, u"-al"_s, u"-q"_s, gpkg, u"events"_s});
    QVERIFY(ogr.waitForFinished(120000));
    const QString said =
        QString::fromUtf8(ogr.readAllStandardOutput() + ogr.readAllStandardError());
    QVERIFY2(said.contains(u"earliest (DateTime) = "_s), qPrintable(said.left(2000)));
    QVERIFY2(!said.contains(u"Non-conformant"_s), qPrintable(said.left(2000)));
}

QTEST_GUILESS_MAIN(TestClients)
#include "tst_clients.moc"
