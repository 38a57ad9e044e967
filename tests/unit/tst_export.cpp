#include "sensitivecase.h"

#include "io/caseexport.h"
#include "io/syntheticcase.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// Exports in the formats others open, under the three profiles: nothing confidential and no
// protected person's name ever leaves in a public export, and every export is logged.
class TestExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void publicExportLeaksNothing_data();
    void publicExportLeaksNothing();
    void profilesKeepWhatTheyShould();
    void formatsAreReadable();
    void viewFiltersEvents();
    void cancelWritesNothing_data();
    void cancelWritesNothing();

private:
    QString exportTo(ExportFormat format, ExportProfile profile, const QString& name);
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDocument> m_doc;
    qint64 m_publicEvent = 0;
    QStringList m_secrets; // strings only confidential records or protected people hold
};

void TestExport::initTestCase() {
    m_doc = createDocument(m_dir.filePath(u"export.caseatlas"_s), u"Export test"_s);
    const SensitiveCase c = fillSensitiveCase(*m_doc);
    m_publicEvent = c.publicEvent;
    m_secrets = c.secrets;
}

QString TestExport::exportTo(ExportFormat format, ExportProfile profile, const QString& name) {
    const QString path = m_dir.filePath(name);
    ExportOptions o;
    o.format = format;
    o.profile = profile;
    o.who = u"tester"_s;
    auto r = exportCase(*m_doc, path, o);
    if (!r) {
        qWarning("%s", qPrintable(r.error().fullText()));
        return {};
    }
    return path;
}

void TestExport::publicExportLeaksNothing_data() {
    QTest::addColumn<int>("format");
    for (ExportFormat f :
         {ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::Kml, ExportFormat::TimelineJs,
          ExportFormat::Markdown, ExportFormat::Html, ExportFormat::CslJson})
        QTest::addRow("%s", qPrintable(exportFormatKey(f))) << int(f);
}

void TestExport::publicExportLeaksNothing() {
    QFETCH(int, format);
    const qint64 logged = m_doc->custodyLog().all().value().size();
    const QString path = exportTo(ExportFormat(format), ExportProfile::Public,
                                  u"public.%1"_s.arg(exportFormatKey(ExportFormat(format))));
    QVERIFY(!path.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.size() > 100);
    for (const QString& secret : m_secrets) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY2(!bytes.contains(secret.toHtmlEscaped().toUtf8()), qPrintable(secret));
    }
    // The public event is there, with its protected witness under a pseudonym.
    if (ExportFormat(format) != ExportFormat::CslJson) {
        QVERIFY(bytes.contains("Raid on the compound"));
        QVERIFY(bytes.contains("Protected person "));
    }
    // Logged in the custody log, with the file's hash.
    const auto entries = m_doc->custodyLog().all().value();
    QCOMPARE(entries.size(), logged + 1);
    QCOMPARE(entries.last().action, u"export-case"_s);
    QCOMPARE(
        entries.last().sha256,
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
}

void TestExport::profilesKeepWhatTheyShould() {
    auto read = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray internal =
        read(exportTo(ExportFormat::GeoJson, ExportProfile::Internal, u"internal.geojson"_s));
    QVERIFY(internal.contains("Aung Kyaw Moe")); // internal keeps names…
    QVERIFY(!internal.contains("Xylophone"));    // … but never confidential records
    QVERIFY(!internal.contains("Quokka"));
    QVERIFY(internal.contains("98.761234")); // exact coordinates
    const QByteArray full =
        read(exportTo(ExportFormat::GeoJson, ExportProfile::Full, u"full.geojson"_s));
    for (const char* s : {"Xylophone", "Quokka", "Aung Kyaw Moe", "98.761234"})
        QVERIFY2(full.contains(s), s);
    // The same protected person gets the same pseudonym in every public export.
    const QByteArray a = read(exportTo(ExportFormat::Csv, ExportProfile::Public, u"a.csv"_s));
    const QByteArray b = read(exportTo(ExportFormat::Csv, ExportProfile::Public, u"b.csv"_s));
    QCOMPARE(a, b);
    // A read-only case cannot log, so it does not export.
    m_doc->file().close();
    auto ro = CaseDocument::open(m_dir.filePath(u"export.caseatlas"_s), CaseFile::Access::ReadOnly);
    QVERIFY(ro.ok());
    ExportOptions o;
    QVERIFY(!exportCase(*ro.value(), m_dir.filePath(u"ro.csv"_s), o).ok());
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"ro.csv"_s)));
    ro.value().reset();
    m_doc = CaseDocument::open(m_dir.filePath(u"export.caseatlas"_s)).value();
}

void TestExport::formatsAreReadable() {
    // GeoJSON: RFC 7946 (a FeatureCollection, lon/lat order); TimelineJS: events with
    // start_date.year; CSL-JSON: an array of items with id, type and title.
    auto json = [&](ExportFormat f, const QString& name) {
        QFile file(exportTo(f, ExportProfile::Internal, name));
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll());
    };
    const QJsonObject geo = json(ExportFormat::GeoJson, u"r.geojson"_s).object();
    QCOMPARE(geo.value(u"type"_s).toString(), u"FeatureCollection"_s);
    bool laukkai = false;
    for (const QJsonValue& f : geo.value(u"features"_s).toArray()) {
        const QJsonObject o = f.toObject();
        if (o.value(u"properties"_s).toObject().value(u"place"_s).toString() == u"Laukkai") {
            const QJsonArray c =
                o.value(u"geometry"_s).toObject().value(u"coordinates"_s).toArray();
            laukkai = std::abs(c.at(0).toDouble() - 98.76) < 1e-6 &&
                      std::abs(c.at(1).toDouble() - 23.69) < 1e-6;
            QCOMPARE(o.value(u"properties"_s).toObject().value(u"start_edtf"_s).toString(),
                     u"2023-11-12"_s);
        }
    }
    QVERIFY(laukkai);
    const QJsonObject tl = json(ExportFormat::TimelineJs, u"r.json"_s).object();
    const QJsonArray events = tl.value(u"events"_s).toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).toObject().value(u"start_date"_s).toObject().value(u"year"_s).toInt(),
             2023);
    const QJsonArray csl = json(ExportFormat::CslJson, u"r.csl.json"_s).array();
    QCOMPARE(csl.size(), 1);
    QCOMPARE(csl.at(0).toObject().value(u"type"_s).toString(), u"webpage"_s);
    QCOMPARE(csl.at(0).toObject().value(u"URL"_s).toString(), u"https://example.org/raid"_s);
    // KML: Google Earth's time slider reads TimeSpan.
    QFile kml(exportTo(ExportFormat::Kml, ExportProfile::Internal, u"r.kml"_s));
    QVERIFY(kml.open(QIODevice::ReadOnly));
    const QByteArray k = kml.readAll();
    QVERIFY(k.contains("<begin>2023-11-12T00:00:00Z</begin>"));
    QVERIFY(k.contains("<coordinates>98.760000,23.690000</coordinates>"));
}

void TestExport::viewFiltersEvents() {
    SavedView view;
    view.name = u"November"_s;
    view.timeFrom = u"2023-11"_s;
    view.timeTo = u"2023-11"_s;
    ExportOptions o;
    o.format = ExportFormat::Csv;
    o.filter = filterOfView(view);
    auto r = exportCase(*m_doc, m_dir.filePath(u"view.csv"_s), o);
    QVERIFY(r.ok());
    QCOMPARE(r.value().events, 1);
}

void TestExport::cancelWritesNothing_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("csv (streamed)") << int(ExportFormat::Csv);
    QTest::newRow("geojson (streamed)") << int(ExportFormat::GeoJson);
    QTest::newRow("timelinejs (one document)") << int(ExportFormat::TimelineJs);
}

// A cancelled export leaves no file and no custody-log entry; progress is reported on the way.
void TestExport::cancelWritesNothing() {
    QFETCH(int, format);
    const QString casePath = m_dir.filePath(u"cancel-%1.caseatlas"_s.arg(format));
    {
        auto file = CaseFile::create(casePath, u"Cancel"_s);
        QVERIFY(file.ok());
        QVERIFY(generateSyntheticCase(file.value(), {3000, 3, {}}).ok());
    }
    auto doc = CaseDocument::open(casePath).value();
    const qint64 logged = doc->custodyLog().all().value().size();
    const QString out = m_dir.filePath(u"cancelled-%1.out"_s.arg(format));
    ExportOptions o;
    o.format = ExportFormat(format);
    o.profile = ExportProfile::Full;
    QList<std::pair<qint64, qint64>> calls;
    o.progress = [&](qint64 done, qint64 total) {
        calls.append({done, total});
        return done < 2000;
    };
    auto r = exportCase(*doc, out, o);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(u"cancelled"_s));
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.first(), (std::pair<qint64, qint64>{1000, 3000}));
    QVERIFY(!QFile::exists(out));
    QVERIFY(dirEntries(m_dir.path()).filter(QFileInfo(out).fileName()).isEmpty()); // no temp
    QCOMPARE(doc->custodyLog().all().value().size(), logged);
    // Without cancelling, every event is there.
    o.progress = {};
    auto whole = exportCase(*doc, out, o);
    QVERIFY(whole.ok());
    QCOMPARE(whole.value().events, 3000);
}

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv); // the HTML report is laid out by QTextDocument
    TestExport test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_export.moc"
