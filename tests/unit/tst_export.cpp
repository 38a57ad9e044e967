#include "testsupport.h"

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
    // Strings that only confidential records or protected people hold.
    const QStringList m_secrets = {u"Xylophone"_s, u"Quokka"_s,     u"Aung Kyaw Moe"_s,
                                   u"昂觉"_s,      u"အောင်ကျော်မိုး"_s, u"Wombat"_s,
                                   u"Narwhal"_s,   u"Zebra plan"_s, u"98.761234"_s};
};

void TestExport::initTestCase() {
    m_doc = createDocument(m_dir.filePath(u"export.caseatlas"_s), u"Export test"_s);
    CaseDocument& d = *m_doc;
    Actor witness;
    witness.name = u"Aung Kyaw Moe"_s;
    witness.protectedPerson = true;
    witness.aliases = {{u"昂觉"_s, u"zh-Hans"_s}, {u"အောင်ကျော်မိုး"_s, u"my"_s}};
    const qint64 witnessId = d.addActor(witness).value();
    Actor colonel;
    colonel.name = u"Colonel Wombat"_s;
    colonel.sensitivity = Sensitivity::Confidential;
    const qint64 colonelId = d.addActor(colonel).value();
    Place safehouse;
    safehouse.name = u"Safehouse Narwhal"_s;
    safehouse.point = GeoPoint{98.7, 23.7};
    safehouse.sensitivity = Sensitivity::Confidential;
    const qint64 safehouseId = d.addPlace(safehouse).value();
    Place town;
    town.name = u"Laukkai"_s;
    town.point = GeoPoint{98.76, 23.69};
    const qint64 townId = d.addPlace(town).value();

    Event raid;
    raid.title = u"Raid on the compound; Aung Kyaw Moe saw it"_s;
    raid.description = u"昂觉 told us; Colonel Wombat ordered it from Safehouse Narwhal."_s;
    raid.start = edtf("2023-11-12");
    raid.placeId = townId;
    raid.tags = {u"crackdown"_s};
    raid.actors = {{witnessId, u"witness"_s}, {colonelId, u"official"_s}};
    m_publicEvent = d.addEvent(raid).value();
    Event meeting;
    meeting.title = u"Secret meeting at safehouse Xylophone"_s;
    meeting.start = edtf("2023-10");
    meeting.placeId = safehouseId;
    meeting.sensitivity = Sensitivity::Confidential;
    const qint64 meetingId = d.addEvent(meeting).value();
    Event transfer;
    transfer.title = u"Transfer of workers"_s;
    transfer.start = edtf("2023-12~");
    transfer.point = GeoPoint{98.761234, 23.691234};
    transfer.sensitivity = Sensitivity::Internal;
    d.addEvent(transfer).value();

    Source article;
    article.title = u"News article"_s;
    article.url = u"https://example.org/raid"_s;
    article.notes = u"Wombat's office called us about this"_s; // a researcher's remark
    const qint64 articleId = d.addSource(article).value();
    Source dossier;
    dossier.title = u"Informant dossier Quokka"_s;
    dossier.sensitivity = Sensitivity::Confidential;
    const qint64 dossierId = d.addSource(dossier).value();
    d.addCitation(
         {0, m_publicEvent, articleId, {}, u"para. 2"_s, u"Aung Kyaw Moe described the raid"_s, 2})
        .value();
    d.addCitation({0, m_publicEvent, dossierId, {}, u"p. 1"_s, u"from the dossier"_s, 2}).value();

    Note open;
    open.title = u"Open questions"_s;
    open.sensitivity = Sensitivity::Public;
    open.body = u"Compare [[event:%1|Secret meeting at safehouse Xylophone]] with [[event:%2]]."_s
                    .arg(meetingId)
                    .arg(m_publicEvent);
    d.addNote(open).value();
    Note secret;
    secret.title = u"Zebra plan"_s;
    secret.sensitivity = Sensitivity::Confidential;
    d.addNote(secret).value();
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
