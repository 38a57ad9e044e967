#include "iowatch.h"
#include "packedfiles.h"
#include "testsupport.h"

#include "cli/commandline.h"
#include "geo/layerimport.h"
#include "geo/linkedfiles.h"
#include "io/caseexport.h"
#include "io/recordimport.h"
#include "io/syntheticcase.h"
#include "model/casemapdata.h"
#include "model/timeindex.h"
#include "render/briefing.h"

#include "mainwindow.h"
#include "notebookpanel.h"

#include <QApplication>
#include <QBuffer>
#include <QDockWidget>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QtEndian>

#include <gdal.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// A case file from a stranger, built to reach outside itself: a note whose Markdown and HTML
// load a local image and a remote one, linked layers that name a VRT, a URL, a /vsicurl/ path
// and a GeoJSON and GeoTIFF outside the case, a raster layer whose tile matrix no image has,
// an attachment whose stored bytes were altered, a kept briefing with absurd settings. It is
// opened in the real window and worked with — map, notebook, briefing, exports, evidence —
// while the test watches every file the process opens and every socket it makes: nothing
// outside the case is read, no network socket is made, and each hostile part is refused or
// neutralised with a message.
class TestHostile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void strangersCaseReadsNothingOutsideAndNoNetwork();
    void alteredEvidenceIsNeverHandedOn();
    void oddFilesAreRefusedOrBounded_data();
    void oddFilesAreRefusedOrBounded();
    void allowedLinkIsReadButNeverAUrl();
    void hugeTextIsShownCutShortAndKeptWhole();
    void timesNoDateHasAreBounded();
    void checkNamesWhatReachesOutside();
    void fuzzFindingsOpenCleanly();
    void journalBesideTheCaseDeletesNothing_data();
    void journalBesideTheCaseDeletesNothing();
    void anotherWriterIsNotACrash();
    void custodyLogTamperingIsNamed_data();
    void custodyLogTamperingIsNamed();
    void coordinatesNoPlaceHasAreNoPlace();
    void packedSpreadsheetsAreRefusedUnpacked_data();
    void packedSpreadsheetsAreRefusedUnpacked();
    void tablesBeyondBoundsAreRefused_data();
    void tablesBeyondBoundsAreRefused();
    void fileCutShortWhileImportedIsNamed();

private:
    QString m_outside; // files the case names but must not read
    QString m_caseDir; // the case and what the app may write beside it
    QString m_case;
    QString m_secretImage, m_geojson, m_tiff, m_vrt;
    QString m_url; // an address (unique to the run: allowing it is kept in the settings)
    qint64 m_noteId = 0, m_attachmentId = 0;
    QTemporaryDir m_root;
    QStringList unexpected(const QStringList& opened) const;
};

// A new case at DIR/NAME, then `sql` run on it straight, as a stranger's tool would write it;
// empty when either fails.
static QString caseWrittenBy(const QTemporaryDir& dir, const QString& name, const QString& sql) {
    const QString path = dir.filePath(name);
    if (!createDocument(path))
        return {};
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
    return db && db.value().exec(sql).ok() ? path : QString();
}

// What the process may open while it works with the case: the case's folder, the system's
// libraries, fonts, Qt plugins and data, the user's settings and caches, SQLite's temporary
// files.
QStringList TestHostile::unexpected(const QStringList& opened) const {
    const QStringList allowed = {
        m_caseDir + u'/',
        u"/usr/"_s,
        u"/etc/"_s,
        u"/proc/"_s,
        u"/sys/"_s,
        u"/dev/"_s,
        u"/lib/"_s,
        u"/lib64/"_s,
        u"/var/cache/fontconfig/"_s,
        u"/var/lib/dbus/machine-id"_s,
        u"/var/tmp/etilqs_"_s,
        u"/tmp/etilqs_"_s,
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u'/',
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u'/',
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u'/',
        QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + u'/',
        QDir::homePath() + u"/.config/"_s,
        QDir::homePath() + u"/.cache/"_s,
        QDir::homePath() + u"/.local/share/"_s,
    };
    QStringList out;
    for (const QString& p : opened) {
        const bool expected = std::any_of(allowed.cbegin(), allowed.cend(),
                                          [&](const QString& a) { return p.startsWith(a); });
        if ((!expected && p != m_caseDir) || p.startsWith(m_outside + u'/'))
            out << p;
    }
    return out;
}

void TestHostile::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_root.isValid());
    m_outside = QDir::cleanPath(m_root.filePath(u"outside"_s));
    m_caseDir = QDir::cleanPath(m_root.filePath(u"inbox"_s));
    QDir().mkpath(m_outside);
    QDir().mkpath(m_caseDir);
    m_case = m_caseDir + u"/stranger.caseatlas"_s;
    m_url = u"http://127.0.0.1:9%1/layer.geojson"_s.arg(m_root.path());

    // The files outside: an image, a GeoJSON, a CSV behind a VRT, a GeoTIFF.
    m_secretImage = m_outside + u"/secret.png"_s;
    QImage red(8, 8, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(m_secretImage));
    m_geojson = writeFile(m_root, u"outside/points.geojson"_s,
                          R"({"type":"FeatureCollection","features":[{"type":"Feature",
                          "properties":{"name":"Secret site"},"geometry":{"type":"Point",
                          "coordinates":[98.5,23.7]}}]})");
    QVERIFY(
        !writeFile(m_root, u"outside/secret.csv"_s, "name,lon,lat\nHidden,98.1,23.1\n").isEmpty());
    m_vrt =
        writeFile(m_root, u"outside/layer.vrt"_s,
                  (u"<OGRVRTDataSource><OGRVRTLayer name=\"secret\"><SrcDataSource>"_s + m_outside +
                   u"/secret.csv</SrcDataSource><GeometryType>wkbPoint</GeometryType>"
                   "<GeometryField encoding=\"PointFromColumns\" x=\"lon\" y=\"lat\"/>"
                   "</OGRVRTLayer></OGRVRTDataSource>"_s)
                      .toUtf8());
    m_tiff = m_outside + u"/image.tif"_s;
    {
        GDALAllRegister();
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), m_tiff.toUtf8().constData(), 4,
                                     4, 1, GDT_Byte, nullptr);
        double transform[6] = {98, 0.1, 0, 24, 0, -0.1};
        GDALSetGeoTransform(ds, transform);
        GDALSetProjection(ds, "EPSG:4326");
        GDALClose(ds);
    }

    // The case.
    auto doc = createDocument(m_case, u"A case from a stranger"_s);
    QVERIFY(doc);
    Place place;
    place.name = u"Laukkai"_s;
    place.point = GeoPoint{98.1, 23.3};
    const qint64 placeId = doc->addPlace(place).value();
    Event event;
    event.title = u"Crossing reopened"_s;
    event.start = edtf("2023-11-12");
    event.placeId = placeId;
    event.description = u"See ![map](file://%1) and <img src=\"%1\">"_s.arg(m_secretImage);
    const qint64 eventId = doc->addEvent(event).value();
    Note note;
    note.title = u"Field notes"_s;
    note.sensitivity = Sensitivity::Public;
    note.body = u"# Notes\n\n![local](file://%1)\n\n![relative](../outside/secret.png)\n\n"
                "<img src=\"%1\"> <img src=\"http://127.0.0.1:9/beacon.png\">\n\n"
                "![remote](https://127.0.0.1:9/pixel.png) and [[event:%2|the crossing]]"_s
                    .arg(m_secretImage)
                    .arg(eventId);
    m_noteId = doc->addNote(note).value();
    {
        QByteArray bytes = "Witness statement, page 1";
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        Attachment a;
        a.fileName = u"statement.txt"_s;
        m_attachmentId = doc->addAttachment(buffer, a).value();
    }
    SavedBriefing briefing;
    briefing.name = u"Absurd"_s;
    briefing.settings = QJsonObject{{u"dpi"_s, 1e12},
                                    {u"max_cards"_s, 2e9},
                                    {u"grid_degrees"_s, -5},
                                    {u"layout"_s, u"poster"_s}};
    QVERIFY(doc->addBriefing(briefing).ok());
    doc.reset();

    // What a stranger's tool would write straight into the file.
    auto db = SqliteDatabase::open(m_case, SqliteDatabase::Mode::ReadWrite).value();
    const QString now = u"2026-11-30T00:00:00Z"_s;
    QVERIFY(db.exec(u"UPDATE blobs SET data = CAST('Witness statement, page 2' AS BLOB)"_s).ok());
    for (const auto& [title, path, kind] : QList<std::tuple<QString, QString, QString>>{
             {u"VRT"_s, m_vrt, u"vector"_s},
             {u"GeoJSON outside"_s, m_geojson, u"vector"_s},
             {u"GeoTIFF outside"_s, m_tiff, u"raster"_s},
             {u"URL"_s, m_url, u"vector"_s},
             {u"vsicurl"_s, u"/vsicurl/"_s + m_url, u"vector"_s},
             {u"Relative"_s, u"../outside/points.geojson"_s, u"vector"_s}}) {
        QVERIFY(db.execute(u"INSERT INTO layers (title, kind, source_path, linked, added_at) "
                           "VALUES (?, ?, ?, 1, ?)"_s,
                           {title, kind, path, now})
                    .ok());
    }
    // A raster layer whose tile matrix is 2^40 tiles wide, of tiles 10^8 pixels wide.
    QByteArray png;
    {
        QBuffer b(&png);
        b.open(QIODevice::WriteOnly);
        red.save(&b, "PNG");
    }
    const Status tiles = db.exec(
        u"INSERT OR IGNORE INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, "
        "organization_coordsys_id, definition) VALUES ('Pseudo-Mercator', 3857, 'EPSG', 3857, "
        "'undefined');"
        "CREATE TABLE huge_tiles (id INTEGER PRIMARY KEY AUTOINCREMENT, zoom_level "
        "INTEGER NOT NULL, tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, "
        "tile_data BLOB NOT NULL, UNIQUE (zoom_level, tile_column, tile_row));"
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, "
        "max_x, max_y, srs_id) VALUES ('huge_tiles', 'tiles', 'huge', 0, 0, 1e7, "
        "1e7, 3857);"
        "INSERT INTO gpkg_tile_matrix_set VALUES ('huge_tiles', 3857, 0, 0, 1e7, "
        "1e7);"
        "INSERT INTO gpkg_tile_matrix VALUES ('huge_tiles', 0, 1099511627776, 1, "
        "100000000, 1, 1e-9, 1);"
        "INSERT INTO layers (table_name, title, kind, linked, added_at) VALUES "
        "('huge_tiles', 'Huge tiles', 'raster', 0, '2026-11-30T00:00:00Z');"_s);
    QVERIFY2(tiles.ok(), qPrintable(tiles.ok() ? QString() : tiles.error().fullText()));
    QVERIFY(db.execute(u"INSERT INTO huge_tiles (zoom_level, tile_column, tile_row, tile_data) "
                       "VALUES (0, 0, 0, ?)"_s,
                       {png})
                .ok());
}

void TestHostile::strangersCaseReadsNothingOutsideAndNoNetwork() {
    MainWindow window;
    QList<Error> errors;
    window.setErrorHandler([&](const Error& e) { errors << e; });
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    iowatch::start();
    QVERIFY(window.openCase(m_case).ok());
    QTest::qWait(300); // the map, timeline and background work settle
    auto* notebook = window.findChild<NotebookPanel*>(u"notebookPanel"_s);
    QVERIFY(notebook);
    notebook->openNote(m_noteId);
    QTest::qWait(200);
    const QImage shot = window.grab().toImage();
    CaseDocument& doc = *window.document();
    // The map's data: every linked layer not read, the absurd raster left out with its reason.
    auto map = CaseMapData::load(doc.db());
    QVERIFY2(map.ok(), qPrintable(map.ok() ? QString() : map.error().fullText()));
    int notAllowed = 0;
    for (const auto& layer : map.value().layers) {
        if (layer.title == u"Huge tiles"_s) {
            QVERIFY(layer.missing);
            QVERIFY2(layer.problem.contains(u"tile matrix"_s), qPrintable(layer.problem));
        } else {
            QVERIFY2(layer.notAllowed && layer.missing, qPrintable(layer.title));
            QVERIFY(layer.points.empty() && !layer.image);
            ++notAllowed;
        }
    }
    QCOMPARE(notAllowed, 6);
    // A briefing with the note, the map and the cards; the case's exports.
    BriefingOptions brief;
    brief.noteIds = {m_noteId};
    brief.blocks = {BriefingBlock::Title, BriefingBlock::Map, BriefingBlock::Timeline,
                    BriefingBlock::Events, BriefingBlock::Notes};
    auto written = writeBriefing(doc, m_caseDir + u"/briefing.pdf"_s, brief);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().fullText()));
    for (ExportFormat f :
         {ExportFormat::Html, ExportFormat::Markdown, ExportFormat::GeoJson, ExportFormat::Kml}) {
        ExportOptions o;
        o.format = f;
        auto exported = exportCase(doc, m_caseDir + u"/export."_s + exportFormatKey(f), o);
        QVERIFY2(exported.ok(),
                 qPrintable(exported.ok() ? QString() : exported.error().fullText()));
    }
    const iowatch::Seen seen = iowatch::stop();

    QVERIFY(!shot.isNull());
    QVERIFY2(seen.opened.contains(m_case), "the watch saw nothing: is it interposing?");
    QCOMPARE(seen.networkSockets, 0);
    QVERIFY2(seen.connections.isEmpty(), qPrintable(seen.connections.join(u", "_s)));
    const QStringList strays = unexpected(seen.opened);
    QVERIFY2(strays.isEmpty(), qPrintable(u"opened outside the case: "_s + strays.join(u", "_s)));
    // The layer list says why the linked layers are not shown.
    QVERIFY(window.findChild<QListWidget*>() != nullptr);
    int notRead = 0, cannotShow = 0;
    for (auto* list : window.findChildren<QListWidget*>())
        for (int i = 0; i < list->count(); ++i) {
            notRead += list->item(i)->text().contains(u"linked file not read"_s) ? 1 : 0;
            cannotShow += list->item(i)->text().contains(u"cannot be shown"_s) ? 1 : 0;
        }
    QCOMPARE(notRead, 6);
    QCOMPARE(cannotShow, 1);
    qInfo("%lld files opened, none outside the case and the system; 0 network sockets",
          qlonglong(seen.opened.size()));
    if (!qEnvironmentVariableIsEmpty("CASEATLAS_SCREENSHOTS")) {
        auto* layers = window.findChild<QDockWidget*>(u"layersDock"_s);
        layers->raise();
        auto* list = layers->findChild<QListWidget*>();
        list->setCurrentRow(1);
        QTest::qWait(100);
        layers->grab().save(qEnvironmentVariable("CASEATLAS_SCREENSHOTS") +
                            u"/hostile-layers.png"_s);
        window.grab().save(qEnvironmentVariable("CASEATLAS_SCREENSHOTS") +
                           u"/hostile-window.png"_s);
    }
}

// Bytes that no longer match their recorded SHA-256 are not written out as the evidence; the
// check names them.
void TestHostile::alteredEvidenceIsNeverHandedOn() {
    auto doc = CaseDocument::open(m_case);
    QVERIFY(doc.ok());
    const QString target = m_caseDir + u"/statement-out.txt"_s;
    const qint64 logBefore = doc.value()->custodyLog().all().value().size();
    const Status refused = doc.value()->exportAttachment(m_attachmentId, target);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"do not match its recorded SHA-256"_s) &&
                 refused.error().message.contains(u"statement.txt"_s),
             qPrintable(refused.error().fullText()));
    QVERIFY(!QFile::exists(target));
    QCOMPARE(doc.value()->custodyLog().all().value().size(), logBefore); // no "export" entry
    auto problems = doc.value()->verifyEvidence(true);
    QVERIFY(problems.ok());
    QCOMPARE(problems.value().size(), 1);
    QCOMPARE(problems.value().first().fileName, u"statement.txt"_s);
}

void TestHostile::oddFilesAreRefusedOrBounded_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("opens");
    QTest::addColumn<QString>("says");
    QTest::addRow("an extra view") << u"CREATE VIEW everything AS SELECT * FROM events, sources"_s
                                   << false << u"contains a view named \"everything\""_s;
    QTest::addRow("an extra trigger")
        << u"CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM attachments; END"_s
        << false << u"contains a trigger named \"wipe\""_s;
    QTest::addRow("a column missing") << u"ALTER TABLE events DROP COLUMN precision_m"_s << false
                                      << u"has no column \"precision_m\""_s;
    QTest::addRow("the custody log's guard removed")
        << u"DROP TRIGGER custody_log_no_update"_s << false << u"custody_log_no_update"_s;
    QTest::addRow("schema version beyond any integer")
        << u"UPDATE caseatlas_meta SET value = '99999999999999999999' WHERE key = "
           "'schema_version'"_s
        << false << u"does not say which schema version"_s;
    QTest::addRow("negative reader version")
        << u"UPDATE caseatlas_meta SET value = '-7' WHERE key = 'min_reader_version'"_s << false
        << u"does not say which schema version"_s;
    QTest::addRow("a format name of a megabyte")
        << u"UPDATE caseatlas_meta SET value = 'X' || hex(zeroblob(500000)) WHERE key = "
           "'format'"_s
        << false << u"claims to be"_s;
    QTest::addRow("a title of ten megabytes")
        << u"UPDATE caseatlas_meta SET value = hex(zeroblob(5000000)) WHERE key = 'title'"_s << true
        << QString();
    QTest::addRow("layer opacity and counts out of range")
        << u"INSERT INTO layers (title, kind, linked, opacity, feature_count, added_at) VALUES "
           "('Odd', 'vector', 1, 1e308, -99999999999, 'x')"_s
        << true << QString();
}

// Schemas and values no real case holds: a view or trigger the app does not make, or one of
// its own missing, refuses the file; absurd values are refused with a short message when they
// decide how the file is read, bounded when they only shape what is shown.
void TestHostile::oddFilesAreRefusedOrBounded() {
    QFETCH(QString, sql);
    QFETCH(bool, opens);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = caseWrittenBy(dir, u"absurd.caseatlas"_s, sql);
    QVERIFY(!path.isEmpty());
    auto opened = CaseDocument::open(path);
    QCOMPARE(opened.ok(), opens);
    if (!opens) {
        QVERIFY2(opened.error().message.contains(says), qPrintable(opened.error().message));
        QVERIFY(opened.error().message.size() < 600);
        return;
    }
    auto layers = listLayers(opened.value()->db());
    QVERIFY(layers.ok());
    for (const LayerRecord& l : layers.value()) {
        QVERIFY(l.opacity >= 0 && l.opacity <= 1);
        QVERIFY(l.features >= 0);
    }
    QVERIFY(CaseMapData::load(opened.value()->db()).ok());
    // A kept briefing's settings are bounded however absurd.
    const BriefingOptions o = briefingFromSettings(
        QJsonObject{{u"dpi"_s, 1e12}, {u"max_cards"_s, 2e9}, {u"grid_degrees"_s, -5}});
    QVERIFY(o.dpi <= 600 && o.maxCards <= 10000 && o.gridDegrees >= 0);
}

// Once the user allows a linked file on purpose it is read — and a URL or /vsi path never is,
// allowed or not, and no socket is made.
void TestHostile::allowedLinkIsReadButNeverAUrl() {
    for (const QString& p : {m_geojson, m_vrt, m_url, u"/vsicurl/"_s + m_url})
        allowLinkedFile(p);
    auto doc = CaseDocument::open(m_case);
    QVERIFY(doc.ok());
    iowatch::start();
    auto map = CaseMapData::load(doc.value()->db());
    const iowatch::Seen seen = iowatch::stop();
    QVERIFY(map.ok());
    QMap<QString, const CaseMapData::Layer*> byTitle;
    for (const auto& layer : map.value().layers)
        byTitle.insert(layer.title, &layer);
    QVERIFY(!byTitle[u"GeoJSON outside"_s]->missing);
    QCOMPARE(byTitle[u"GeoJSON outside"_s]->points.size(), size_t(1));
    QVERIFY(seen.opened.contains(m_geojson)); // read now that it is allowed
    for (const QString& t : {u"URL"_s, u"vsicurl"_s, u"VRT"_s}) {
        QVERIFY2(byTitle[t]->missing && !byTitle[t]->notAllowed, qPrintable(t));
        QVERIFY(byTitle[t]->points.empty());
    }
    QVERIFY(byTitle[u"GeoTIFF outside"_s]->notAllowed); // not allowed: still not read
    QVERIFY(!seen.opened.contains(m_tiff));
    // The VRT is not a driver layers are read with: the file it points at is never opened.
    QVERIFY(!seen.opened.contains(m_outside + u"/secret.csv"_s));
    QCOMPARE(seen.networkSockets, 0);
    QVERIFY(seen.connections.isEmpty());
}

// An event whose title and description are single lines of megabytes (laying those out takes
// Qt minutes): the window opens it, the inspector shows them cut short, read-only, with a note,
// and leaving the fields never writes the cut text back.
void TestHostile::hugeTextIsShownCutShortAndKeptWhole() {
    QTemporaryDir dir;
    const QString path =
        caseWrittenBy(dir, u"huge.caseatlas"_s,
                      u"INSERT INTO events (uuid, title, start_edtf, earliest_s, latest_s, "
                      "description) VALUES ('huge', 'T' || hex(zeroblob(1500000)), "
                      "'2023-11-12', 1699747200, 1699833599, hex(zeroblob(3000000)))"_s);
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openCase(path).ok());
    window.document()->selection()->select({1}, 1);
    QTest::qWait(100);
    auto* title = window.findChild<QLineEdit*>(u"inspectorTitle"_s);
    auto* description = window.findChild<QPlainTextEdit*>(u"inspectorDescription"_s);
    auto* note = window.findChild<QLabel*>(u"inspectorTooLong"_s);
    QVERIFY(title && description && note);
    QVERIFY(title->isReadOnly() && description->isReadOnly());
    QVERIFY(note->isVisibleTo(&window));
    QVERIFY2(note->text().contains(u"3000001"_s), qPrintable(note->text()));
    QVERIFY(title->text().size() <= 2000);
    QVERIFY(description->toPlainText().size() <= 100000);
    title->setFocus();
    description->setFocus();
    title->setFocus(); // focus in and out of both: nothing is written back
    QTest::qWait(50);
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly).value();
    QCOMPARE(db.count(u"SELECT length(title) FROM events"_s).value(), 3000001);
    QCOMPARE(db.count(u"SELECT length(description) FROM events"_s).value(), 6000000);
    QCOMPARE(window.document()->undoStack()->count(), 0);
}

// Bounds no date has, written straight into the file (a date's text says one thing, its stored
// seconds another): the time index holds them within range, the latest never before the
// earliest, an open end flagged as open whatever the text says — nothing overflows (the
// sanitizer build stops on any signed overflow).
void TestHostile::timesNoDateHasAreBounded() {
    QTemporaryDir dir;
    const QString path =
        caseWrittenBy(dir, u"times.caseatlas"_s,
                      u"INSERT INTO events (uuid, title, start_edtf, earliest_s, latest_s) "
                      "VALUES ('a', 'Open start, text says not', '4./2023', "
                      "-9223372036854775808, 1704067199), "
                      "('b', 'Latest before all time', '2023', 1672531200, "
                      "-9223372036854775808), "
                      "('c', 'Earliest after all time', '2023', 9223372036854775807, "
                      "9223372036854775807), "
                      "('d', 'Far apart', '2023', -9223372036854775000, 9223372036854775000), "
                      "('e', 'Backwards', '2023', 1704067199, 1672531200)"_s);
    QVERIFY(!path.isEmpty());
    auto file = CaseFile::open(path, CaseFile::Access::ReadOnly);
    QVERIFY(file.ok());
    auto index = TimeIndex::load(file.value().db());
    QVERIFY(index.ok());
    QCOMPARE(index.value().size(), 5);
    constexpr qint64 far = qint64(1) << 50;
    for (qsizetype i = 0; i < index.value().size(); ++i) {
        const qint64 e = index.value().earliest(i), l = index.value().latest(i);
        const quint8 f = index.value().flags(i);
        QVERIFY2(e == FuzzyDate::UnboundedPast ? (f & TimeIndex::OpenStart) : qAbs(e) <= far,
                 qPrintable(index.value().title(i)));
        QVERIFY2(l == FuzzyDate::Unbounded ? (f & TimeIndex::OpenEnd) : qAbs(l) <= far,
                 qPrintable(index.value().title(i)));
        QVERIFY2(l >= e, qPrintable(index.value().title(i)));
    }
    QVERIFY(CaseMapData::load(file.value().db()).ok());
}

// Every case file a fuzzer found a fault with (tests/fuzz/regressions/casefile) is opened and
// read as the window reads it, and passes the checks above.
void TestHostile::fuzzFindingsOpenCleanly() {
    const QDir dir(qEnvironmentVariable("CASEATLAS_SOURCE_DIR") +
                   u"/tests/fuzz/regressions/casefile"_s);
    const QStringList names = dir.entryList(QDir::Files);
    QVERIFY2(!names.isEmpty(), qPrintable(dir.path()));
    for (const QString& name : names) {
        QTemporaryDir work;
        const QString path = work.filePath(u"case.caseatlas"_s);
        QVERIFY(QFile::copy(dir.filePath(name), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        auto file = CaseFile::open(path, CaseFile::Access::ReadOnly);
        if (!file)
            continue; // refused with a message is a fine answer
        auto index = TimeIndex::load(file.value().db());
        QVERIFY2(index.ok(), qPrintable(name));
        for (qsizetype i = 0; i < index.value().size(); ++i)
            QVERIFY2(index.value().latest(i) >= index.value().earliest(i), qPrintable(name));
        auto map = CaseMapData::load(file.value().db());
        QVERIFY2(map.ok(),
                 qPrintable(name + u": "_s + (map.ok() ? QString() : map.error().fullText())));
    }
}

// `caseatlas check` on the stranger's case names what it would reach for outside itself and
// what is wrong with it: every linked file (not read here), the layer that cannot be shown,
// the altered attachment; and exits with "problems found".
void TestHostile::checkNamesWhatReachesOutside() {
    QVERIFY2(QFile::exists(cliPath()), "CASEATLAS_CLI is not set; run through ctest");
    QProcess cli;
    cli.start(cliPath(), {u"check"_s, m_case});
    QVERIFY(cli.waitForFinished(60000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    QCOMPARE(cli.exitCode(), int(CommandLine::ProblemsFound));
    QVERIFY2(out.contains(u"links to a file outside the case: "_s + m_vrt +
                          u" (not read on this computer unless allowed)"_s),
             qPrintable(out));
    QVERIFY2(out.contains(u"layer \"Huge tiles\" cannot be shown"_s), qPrintable(out));
    QVERIFY2(out.contains(u"attachment \"statement.txt\""_s), qPrintable(out));
    QVERIFY2(out.contains(u"2 problem(s), 6 linked file(s) outside the case"_s), qPrintable(out));
}

// A journal as SQLite writes one for a transaction over several databases: a header, then at its
// end the name of the "super-journal", which SQLite deletes once it has played the journal back.
static QByteArray journalNaming(const QByteArray& superJournal) {
    const QByteArray magic("\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8);
    auto be32 = [](quint32 v) {
        QByteArray b(4, '\0');
        qToBigEndian(v, b.data());
        return b;
    };
    QByteArray j = magic + be32(0) + be32(12345) + be32(2) + be32(512) + be32(4096);
    j.append(512 - j.size(), '\0');
    quint32 checksum = 0;
    for (const char c : superJournal)
        checksum += quint32(qint32(static_cast<signed char>(c)));
    return j + be32(262145) + superJournal + be32(quint32(superJournal.size())) + be32(checksum) +
           magic;
}

void TestHostile::journalBesideTheCaseDeletesNothing_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("says");
    QTest::addRow("names a file beside the case") << u"absolute"_s << u"names another file"_s;
    QTest::addRow("names a relative path") << u"relative"_s << u"names another file"_s;
    QTest::addRow("foreign bytes") << u"foreign"_s << u"SQLite did not write"_s;
    QTest::addRow("restores a trigger a case never has")
        << u"restores-trigger"_s << u"would restore is not a case"_s;
}

// A case that arrives with a crafted `-journal`: SQLite would play it back on the first writable
// connection and delete the file it names (an absolute path, or one relative to the working
// folder). The case is refused before SQLite opens it for writing — by the library, the command
// line and the window — and the named file, the case and the journal are left as they were.
void TestHostile::journalBesideTheCaseDeletesNothing() {
    QFETCH(QString, kind);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"received.caseatlas"_s);
    {
        auto doc = createDocument(path, u"Received"_s);
        QVERIFY(doc);
        Event e;
        e.title = u"Crossing reopened"_s;
        e.start = edtf("2023-11-12");
        QVERIFY(doc->addEvent(e).ok());
    }
    const QString victim = dir.filePath(u"evidence.pdf"_s);
    QVERIFY(!writeFile(dir, u"evidence.pdf"_s, "%PDF-1.4 the only copy").isEmpty());
    QDir().mkpath(dir.filePath(u"work"_s));
    const QString relativeVictim = dir.filePath(u"work/notes.txt"_s);
    QVERIFY(!writeFile(dir, u"work/notes.txt"_s, "field notes").isEmpty());
    QByteArray journal;
    if (kind == u"absolute") {
        journal = journalNaming(victim.toUtf8());
    } else if (kind == u"relative") {
        journal = journalNaming("notes.txt");
    } else if (kind == u"foreign") {
        journal = QByteArray("#!/bin/sh\nrm -rf ~\n").repeated(40);
    } else {
        // A real journal, of a transaction that removed a foreign trigger, caught mid-way: the
        // file without the trigger, the journal putting it back.
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
        QVERIFY(db.exec(u"CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM "
                        "attachments; END"_s)
                    .ok());
        QVERIFY(db.exec(u"PRAGMA cache_size = 1; BEGIN IMMEDIATE; DROP TRIGGER wipe;"
                        "UPDATE events SET title = hex(randomblob(3000));"
                        "CREATE TABLE filler (x); INSERT INTO filler SELECT "
                        "randomblob(1000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                        "SELECT i + 1 FROM n WHERE i < 200) SELECT i FROM n)"_s)
                    .ok());
        QFile j(path + u"-journal"_s);
        QVERIFY(j.open(QIODevice::ReadOnly));
        journal = j.readAll();
        QFile::copy(path, path + u".mid"_s);
        QVERIFY(db.exec(u"ROLLBACK"_s).ok());
        db.close();
        QFile::remove(path);
        QVERIFY(QFile::rename(path + u".mid"_s, path));
        QVERIFY(journal.size() > 4096);
    }
    QVERIFY(!writeFile(dir, u"received.caseatlas-journal"_s, journal).isEmpty());
    const QByteArray caseBefore = fileHash(path), journalBefore = fileHash(path + u"-journal"_s);
    auto untouched = [&](const char* by) {
        QVERIFY2(QFile::exists(victim), by);
        QVERIFY2(QFile::exists(relativeVictim), by);
        QVERIFY2(fileHash(path) == caseBefore, by);
        QVERIFY2(fileHash(path + u"-journal"_s) == journalBefore, by);
        QCOMPARE(dirEntries(dir.path()), QStringList({u"evidence.pdf"_s, u"received.caseatlas"_s,
                                                      u"received.caseatlas-journal"_s, u"work"_s}));
    };

    // The library, with the working folder where the relative name points.
    const QString cwd = QDir::currentPath();
    QDir::setCurrent(dir.filePath(u"work"_s));
    auto opened = CaseDocument::open(path);
    QDir::setCurrent(cwd);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(says), qPrintable(opened.error().fullText()));
    untouched("library");

    // The command line, run in that folder: a search opens the case for writing.
    QProcess cli;
    cli.setWorkingDirectory(dir.filePath(u"work"_s));
    cli.start(cliPath(), {u"search"_s, path, u"crossing"_s});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY(cli.exitCode() != 0);
    QVERIFY2(QString::fromUtf8(cli.readAllStandardError()).contains(says),
             qPrintable(QString::fromUtf8(cli.readAllStandardError())));
    untouched("command line");

    // The window.
    MainWindow window;
    QList<Error> errors;
    window.setErrorHandler([&](const Error& e) { errors << e; });
    QDir::setCurrent(dir.filePath(u"work"_s));
    const Status shown = window.openCase(path);
    QDir::setCurrent(cwd);
    QVERIFY(!shown.ok());
    QVERIFY2(shown.error().message.contains(says), qPrintable(shown.error().fullText()));
    untouched("window");
}

// Another program in the middle of writing the case (its journal beside it, the write lock
// held): opening says so, and waits for nothing to be recovered; once it has finished the case
// opens with its change.
void TestHostile::anotherWriterIsNotACrash() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"shared.caseatlas"_s);
    QVERIFY(createDocument(path));
    auto other = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
    QVERIFY(other
                .exec(u"PRAGMA cache_size = 1; BEGIN IMMEDIATE; CREATE TABLE scratch (x);"
                      "INSERT INTO scratch SELECT randomblob(1000) FROM (WITH RECURSIVE n(i) AS "
                      "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) SELECT i FROM n)"_s)
                .ok());
    QVERIFY(QFileInfo(path + u"-journal"_s).size() > 0);
    const QByteArray before = fileHash(path);
    auto opened = CaseDocument::open(path);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(u"Another program is writing"_s),
             qPrintable(opened.error().fullText()));
    QVERIFY(!opened.error().message.contains(u"crash"_s));
    QCOMPARE(fileHash(path), before);
    QVERIFY(other.exec(u"ROLLBACK"_s).ok());
    other.close();
    QVERIFY(CaseDocument::open(path).ok());
}

void TestHostile::custodyLogTamperingIsNamed_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("says");
    QTest::addRow("an entry deleted")
        << u"DELETE FROM custody_log WHERE id = 3"_s << u"lacks entries 3 to 3"_s;
    QTest::addRow("an entry edited")
        << u"UPDATE custody_log SET who = 'someone else', detail = 'nothing happened' WHERE id = 2"_s
        << u"entry 2 ("_s;
    QTest::addRow("an entry's time moved")
        << u"UPDATE custody_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 4"_s
        << u"entry 4 (2020-01-01T00:00:00, "_s;
    QTest::addRow("an entry added without the app")
        << u"INSERT INTO custody_log (at, who, action, detail) VALUES "
           "('2026-12-01T00:00:00Z', 'x', 'verify', 'all fine')"_s
        << u"has no hash"_s;
    QTest::addRow("an entry inserted, the later ones renumbered")
        << u"UPDATE custody_log SET id = id + 100 WHERE id >= 3;"
           "UPDATE custody_log SET id = id - 99 WHERE id >= 103;"
           "INSERT INTO custody_log (id, at, who, action, prev_hash, entry_hash) SELECT 3, "
           "'2026-12-01T00:00:00Z', 'x', 'add', entry_hash, entry_hash FROM custody_log WHERE "
           "id = 2"_s
        << u"entry 3 ("_s;
    QTest::addRow("the last entries removed")
        << u"DELETE FROM custody_log WHERE id >= 4"_s << u"no longer has entry 5"_s;
    QTest::addRow("the last entries rewritten, the chain made whole")
        << u"DELETE FROM custody_log WHERE id >= 4"_s << u"entry 5 is not the one"_s;
}

// Someone who can write the file drops the custody log's guards, edits, deletes or inserts
// entries, and puts the guards back: the case still opens (it passes the schema check), but
// opening it and `caseatlas check` name the entry that no longer fits the hash chain — and
// entries cut from the end, or rewritten with a chain made whole again, are found against the
// last entry this computer saw.
void TestHostile::custodyLogTamperingIsNamed() {
    QFETCH(QString, sql);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"evidence.caseatlas"_s);
    {
        auto doc = createDocument(path, u"Evidence"_s);
        QVERIFY(doc);
        for (int i = 0; i < 5; ++i) {
            QByteArray bytes = "Witness statement " + QByteArray::number(i);
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::ReadOnly);
            Attachment a;
            a.fileName = u"statement-%1.txt"_s.arg(i);
            QVERIFY(doc->addAttachment(buffer, a).ok());
        }
        QCOMPARE(doc->custodyLog().all().value().size(), 5);
        QVERIFY(doc->custodyLog().verify().value().isEmpty());
    } // closed: this computer remembers the log's last entry
    {
        auto intact = CaseDocument::open(path);
        QVERIFY(intact.ok());
        QVERIFY2(intact.value()->custodyProblems().isEmpty(),
                 qPrintable(intact.value()->custodyProblems().join(u'\n')));
    }
    {
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite).value();
        QStringList guards;
        auto stmt = db.prepare(u"SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND "
                               "tbl_name = 'custody_log'"_s)
                        .value();
        QVERIFY(stmt.forEachRow([&](SqliteStatement& st) { guards << st.text(0); }).ok());
        QCOMPARE(guards.size(), 2);
        QVERIFY(
            db.exec(u"DROP TRIGGER custody_log_no_update; DROP TRIGGER custody_log_no_delete;"_s +
                    sql)
                .ok());
        if (QByteArray(QTest::currentDataTag()).contains("made whole")) {
            CustodyLog log(db); // the app's own code writes a fitting chain from entry 4 on
            QVERIFY(log.append(u"x"_s, u"add"_s, QString(), 0, u"forged"_s).ok());
            QVERIFY(log.append(u"x"_s, u"add"_s, QString(), 0, u"forged"_s).ok());
        }
        for (const QString& g : guards)
            QVERIFY(db.exec(g).ok());
    }
    auto doc = CaseDocument::open(path);
    QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.error().fullText()));
    const QString found = doc.value()->custodyProblems().join(u'\n');
    QVERIFY2(found.contains(says), qPrintable(found));
    doc.value().reset();

    // The command line keeps its own settings (this test's are in Qt's test location), so it
    // finds what is in the file itself.
    if (says.contains(u"entry 5"_s))
        return;
    QProcess cli;
    cli.start(cliPath(), {u"check"_s, path});
    QVERIFY(cli.waitForFinished(60000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    QCOMPARE(cli.exitCode(), int(CommandLine::ProblemsFound));
    QVERIFY2(out.contains(u"PROBLEM: "_s) && out.contains(says), qPrintable(out));
    QVERIFY2(out.contains(u"Custody log: BROKEN"_s), qPrintable(out));
}

// Points a GIS tool may write into the events table: GeoPackage's empty point (NaN, NaN), an
// infinite one and one off the globe. None is a place: the exports write no coordinates for them
// (never "nan" or null pairs) and the map leaves them out.
void TestHostile::coordinatesNoPlaceHasAreNoPlace() {
    QTemporaryDir dir;
    // GeoPackage header (little-endian, no envelope, EPSG:4326), then a WKB point.
    auto point = [](const char* x, const char* y) {
        return u"X'4750000104100000' || X'0101000000' || X'%1' || X'%2'"_s.arg(
            QString::fromLatin1(x), QString::fromLatin1(y));
    };
    const QString nan = u"000000000000F87F"_s, inf = u"000000000000F07F"_s,
                  far = u"0000000000C07240"_s; // 300.0
    const QString path = caseWrittenBy(
        dir, u"points.caseatlas"_s,
        u"INSERT INTO events (uuid, title, start_edtf, earliest_s, latest_s, geom, own_point) "
        "VALUES ('a', 'Empty point', '2023', 1672531200, 1704067199, %1, 1), "
        "('b', 'Endless point', '2023', 1672531200, 1704067199, %2, 1), "
        "('c', 'Off the globe', '2023', 1672531200, 1704067199, %3, 1)"_s.arg(
            point(qPrintable(nan), qPrintable(nan)), point(qPrintable(inf), "0000000000000000"),
            point(qPrintable(far), "0000000000000000")));
    QVERIFY(!path.isEmpty());
    auto doc = CaseDocument::open(path);
    QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.error().fullText()));
    for (const Event& e : doc.value()->events().all().value())
        QVERIFY2(!e.point, qPrintable(e.title));
    for (ExportFormat f : {ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::Kml}) {
        const QString out = dir.filePath(u"out."_s + exportFormatKey(f));
        ExportOptions o;
        o.format = f;
        o.profile = ExportProfile::Full;
        QVERIFY(exportCase(*doc.value(), out, o).ok());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll().toLower();
        QVERIFY2(!bytes.contains("nan") && !bytes.contains("inf") && !bytes.contains("[null") &&
                     !bytes.contains("300."),
                 bytes.constData());
    }
    auto map = CaseMapData::load(doc.value()->db());
    QVERIFY(map.ok());
    QCOMPARE(map.value().events.size(), size_t(0));
}

void TestHostile::packedSpreadsheetsAreRefusedUnpacked_data() {
    QTest::addColumn<QByteArray>("sheetRows"); // a block of rows, repeated
    QTest::addColumn<qint64>("blocks");
    QTest::addColumn<QByteArray>("unit"); // the third shared string: `unit` repeated
    QTest::addColumn<qint64>("units");
    const QByteArray row = "<row><c t=\"s\"><v>2</v></c><c><v>2023</v></c></row>";
    QTest::addRow("a cell of 1.5 GB")
        << row << qint64(1) << QByteArray(1 << 20, 'A') << qint64(1500);
    QTest::addRow("20 million rows")
        << row.repeated(1000) << qint64(20000) << QByteArray("Clash") << qint64(1);
}

// Workbooks of a few megabytes that unpack to gigabytes (a 1.5 GB cell; 20 million rows): GDAL
// would read them whole into memory for minutes. Each is refused by what it unpacks to, counted
// as it unpacks (an archive may declare false sizes), before GDAL reads it: by the import and by
// the wizard's preview; the case is unchanged.
void TestHostile::packedSpreadsheetsAreRefusedUnpacked() {
    QFETCH(QByteArray, sheetRows);
    QFETCH(qint64, blocks);
    QFETCH(QByteArray, unit);
    QFETCH(qint64, units);
    QTemporaryDir dir;
    const QString xlsx = dir.filePath(u"bomb.xlsx"_s);
    QVERIFY(writePackedXlsx(xlsx, sheetRows, blocks, unit, units));
    QVERIFY(QFileInfo(xlsx).size() < 8 << 20);
    const QString path = dir.filePath(u"case.caseatlas"_s);
    QVERIFY(createDocument(path));
    const QByteArray before = fileHash(path);
    auto file = CaseFile::open(path);
    QVERIFY(file.ok());
    auto imported = importFile(file.value(), xlsx, ImportRequest{});
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.contains(u"unpacks to more than"_s),
             qPrintable(imported.error().fullText()));
    TableOptions preview;
    preview.maxRows = 20;
    auto table = readTable(xlsx, preview);
    QVERIFY(!table.ok());
    QVERIFY(table.error().message.contains(u"unpacks to more than"_s));
    file.value().close();
    QCOMPARE(fileHash(path), before);
}

void TestHostile::tablesBeyondBoundsAreRefused_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("says");
    QTest::addRow("a CSV of 200,001 columns")
        << u"spreadsheet"_s << u"line 1 has more than 16384 columns"_s;
    QTest::addRow("a CSV field of 20 MB") << u"spreadsheet"_s << u"line 2 has a field of more"_s;
    QTest::addRow("ACLED with a field of 20 MB") << u"acled"_s << u"line 2 has a field of more"_s;
}

// A table no spreadsheet holds — 200,001 columns, a field of 20 MB — is refused with the line,
// instead of being read into memory until it runs out (std::bad_alloc before).
void TestHostile::tablesBeyondBoundsAreRefused() {
    QFETCH(QString, format);
    QFETCH(QString, says);
    QTemporaryDir dir;
    QByteArray csv;
    if (QByteArray(QTest::currentDataTag()).contains("columns")) {
        QByteArray header = "title,date";
        for (int i = 0; i < 199999; ++i)
            header += ",c" + QByteArray::number(i);
        csv = header + "\nA,2023" + QByteArray(",x").repeated(199999) + "\n";
        csv = csv.repeated(40); // 40 rows as wide as the header: about 60 MB
    } else if (format == u"acled"_s) {
        csv = "event_id_cnty,event_date,time_precision,event_type,actor1,country,location,"
              "latitude,longitude,notes\nMMR1,2023-11-12,1,Battles,A,Myanmar,Laukkai,23.6,98.7,\"" +
              QByteArray(20 << 20, 'n') + "\"\n";
    } else {
        csv = "title,date,description\nA,2023,\"" + QByteArray(20 << 20, 'd') + "\"\n";
    }
    const QString input = writeFile(dir, u"table.csv"_s, csv);
    QVERIFY(!input.isEmpty());
    const QString path = dir.filePath(u"case.caseatlas"_s);
    QVERIFY(createDocument(path));
    const QByteArray before = fileHash(path);
    {
        auto file = CaseFile::open(path);
        QVERIFY(file.ok());
        auto refused = format == u"acled"_s ? importAcled(file.value(), input)
                                            : importFile(file.value(), input, ImportRequest{});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().fullText().contains(says), qPrintable(refused.error().fullText()));
    }
    QCOMPARE(fileHash(path), before);
}

// An ACLED file cut short by another program while it is imported (the reader maps the file:
// this raised SIGBUS and killed the process): the import stops with a message saying so and the
// case is as it was.
void TestHostile::fileCutShortWhileImportedIsNamed() {
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"acled.csv"_s);
    QVERIFY(writeSyntheticAcled(csv, 60000).ok());
    const QString path = dir.filePath(u"case.caseatlas"_s);
    QVERIFY(createDocument(path));
    const QByteArray before = fileHash(path);
    {
        auto file = CaseFile::open(path);
        QVERIFY(file.ok());
        ImportOptions o;
        bool cut = false;
        o.progress = [&](qint64, qint64) {
            if (!cut) // a quarter of it left, from the first batch on
                cut =
                    ::truncate(QFile::encodeName(csv).constData(), QFileInfo(csv).size() / 4) == 0;
            return true;
        };
        auto imported = importAcled(file.value(), csv, o);
        QVERIFY(cut);
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().message.contains(u"while it was read"_s),
                 qPrintable(imported.error().fullText()));
    }
    QCOMPARE(fileHash(path), before);
}

QTEST_MAIN(TestHostile)
#include "tst_hostile.moc"
