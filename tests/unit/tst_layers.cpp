#include "testsupport.h"

#include "geo/layerimport.h"
#include "geo/rastersource.h"
#include "geo/webmercator.h"
#include "model/casedocument.h"
#include "model/casemapdata.h"
#include "render/maprenderer.h"

#include <QGuiApplication>
#include <QPainter>
#include <QProcess>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// GIS layers imported into a case through GDAL: formats, reprojection, links, and bad input
// that must leave the case byte-identical.
class TestLayers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void importsFormats_data();
    void importsFormats();
    void reprojectsToLonLat();
    void linkedLayerIsOnlyRegistered();
    void linkedLayerIsDrawnFromItsFile();
    void linkedImageIsDrawnFromItsFile();
    void hostileLinkedPathsAreNotFollowed();
    void xyzTilesAreReadThroughGdal();
    void xyzAddressesAreChecked_data();
    void xyzAddressesAreChecked();
    void importAndRemovalAreUndoable();
    void orderStyleAndOpacityAreUndoable();
    void copyLeavesRemovedLayersBehind();
    void cancelledImportLeavesCaseUnchanged_data();
    void cancelledImportLeavesCaseUnchanged();
    void badInputLeavesCaseUnchanged_data();
    void badInputLeavesCaseUnchanged();

private:
    QString write(const QString& name, const QByteArray& text);
    QString makeShapefile(const QString& dir);
    void checkKnownPoint(const QString& casePath, bool raster);
    QTemporaryDir m_dir;
    QString m_fixtures;
};

void TestLayers::initTestCase() {
    GDALAllRegister();
    // The fixtures are written by GDAL's own tools, from a script a reader can run by hand.
    m_fixtures = m_dir.filePath(u"fixtures"_s);
    QProcess script;
    script.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    script.start(u"bash"_s, {qEnvironmentVariable("CASEATLAS_SOURCE_DIR") +
                                 u"/tests/fixtures/make_layer_fixtures.sh"_s,
                             m_fixtures});
    QVERIFY(script.waitForFinished(120000));
    QCOMPARE(script.exitCode(), 0);
}

QString TestLayers::write(const QString& name, const QByteArray& text) {
    return writeFile(m_dir, name, text);
}

QString TestLayers::makeShapefile(const QString& dir) {
    QDir().mkpath(dir);
    const QString path = dir + u"/compounds.shp"_s;
    GDALDriverH drv = GDALGetDriverByName("ESRI Shapefile");
    GDALDatasetH ds = GDALCreate(drv, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4326);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "compounds", srs, wkbPoint, nullptr);
    OGRFieldDefnH field = OGR_Fld_Create("name", OFTString);
    OGR_L_CreateField(layer, field, TRUE);
    OGR_Fld_Destroy(field);
    for (int i = 0; i < 3; ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0,
                             QByteArray("Compound ").append(QByteArray::number(i)).constData());
        OGRGeometryH pt = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(pt, 0, 98.7 + i * 0.01, 23.6);
        OGR_F_SetGeometry(f, pt);
        OGR_G_DestroyGeometry(pt);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
            qWarning("could not write a test feature");
        OGR_F_Destroy(f);
    }
    OSRDestroySpatialReference(srs);
    GDALClose(ds);
    return path;
}

void TestLayers::importsFormats_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("layers");
    QTest::addColumn<bool>("raster");
    QTest::addRow("GeoJSON") << "points.geojson" << 1 << false;
    QTest::addRow("GeoJSON in EPSG:3857") << "points-3857.geojson" << 1 << false;
    QTest::addRow("TopoJSON") << "points.topojson" << 1 << false;
    QTest::addRow("Shapefile in UTM 47N") << "shp/points.shp" << 1 << false;
    QTest::addRow("zipped Shapefile") << "points-shp.zip" << 1 << false;
    QTest::addRow("GeoPackage, each layer") << "layers.gpkg" << 2 << false;
    QTest::addRow("KML") << "points.kml" << 1 << false;
    QTest::addRow("KMZ") << "points.kmz" << 1 << false;
    QTest::addRow("GPX") << "points.gpx" << 1 << false;
    QTest::addRow("CSV with lon/lat") << "points-lonlat.csv" << 1 << false;
    QTest::addRow("CSV with WKT") << "points-wkt.csv" << 1 << false;
    QTest::addRow("GeoTIFF in UTM 47N") << "raster.tif" << 1 << true;
    QTest::addRow("MBTiles") << "raster.mbtiles" << 1 << true;
}

// Where the known point is drawn: the centroid of the pixels near the expected one that have
// the layer's colour (a point's diamond, or the raster's red compound).
static std::optional<QPointF> centroidOf(const QImage& image, QPoint around, const QColor& colour,
                                         int window) {
    double sx = 0, sy = 0;
    int n = 0;
    for (int y = around.y() - window; y <= around.y() + window; ++y)
        for (int x = around.x() - window; x <= around.x() + window; ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                    std::abs(c.blue() - colour.blue()) <
                60) {
                sx += x + 0.5;
                sy += y + 0.5;
                ++n;
            }
        }
    if (n < 4)
        return std::nullopt;
    return QPointF(sx / n, sy / n);
}

void TestLayers::checkKnownPoint(const QString& casePath, bool raster) {
    auto file = CaseFile::open(casePath, CaseFile::Access::ReadOnly);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().fullText()));
    auto data = CaseMapData::load(file.value().db());
    QVERIFY(data.ok());
    QVERIFY(!data.value().layers.empty());
    // Laukkai at 15 m per pixel (Web Mercator), off the pixel grid on purpose.
    const QPointF known = webmercator::fromLonLat(98.76, 23.69);
    // The layer that holds the point (the polygons of a GeoPackage's other layer are hidden).
    QColor colour;
    for (auto& layer : data.value().layers) {
        layer.visible = raster || !layer.points.empty();
        if (!layer.points.empty())
            colour = layer.colour;
    }
    const MapViewport vp(known + QPointF(7, -4), 15, QSize(240, 200));
    QImage image(vp.size(), QImage::Format_ARGB32);
    {
        QPainter painter(&image);
        MapScene scene;
        scene.data = &data.value();
        MapRenderer().paint(painter, vp, scene);
    }
    const QPointF expected = vp.toPixel(known);

    if (raster)
        colour = QColor(200, 30, 30);
    const auto found = centroidOf(image, expected.toPoint(), colour, raster ? 40 : 8);
    QVERIFY2(found, qPrintable(u"nothing drawn near %1,%2"_s.arg(expected.x()).arg(expected.y())));
    QVERIFY2(std::abs(found->x() - expected.x()) <= 1 && std::abs(found->y() - expected.y()) <= 1,
             qPrintable(u"drawn at %1,%2, expected %3,%4"_s.arg(found->x())
                            .arg(found->y())
                            .arg(expected.x())
                            .arg(expected.y())));
}

void TestLayers::importsFormats() {
    QFETCH(QString, file);
    QFETCH(int, layers);
    QFETCH(bool, raster);
    const QString source = m_fixtures + u'/' + file;
    QVERIFY2(QFileInfo::exists(source), qPrintable(source));
    const QString path = m_dir.filePath(u"formats-%1.caseatlas"_s.arg(QFileInfo(file).fileName()));
    QVERIFY(createDocument(path));
    {
        auto file = CaseFile::open(path).value();
        auto imported = importLayers(file, source);
        QVERIFY2(imported.ok(),
                 qPrintable(imported.ok() ? QString() : imported.error().fullText()));
        QCOMPARE(imported.value().size(), layers);
    }
    checkKnownPoint(path, raster);
    // Round trip: a saved copy reopens with the layer in it, drawn in the same place, and GDAL
    // reads it from the case as a GeoPackage table.
    const QString copy = path + u".copy.caseatlas"_s;
    {
        auto file = CaseFile::open(path).value();
        QVERIFY(file.saveCopy(copy).ok());
    }
    checkKnownPoint(copy, raster);
    auto reopened = CaseFile::open(copy).value();
    const auto list = listLayers(reopened.db()).value();
    QCOMPARE(list.size(), layers);
    QCOMPARE(list.first().kind, raster ? u"raster"_s : u"vector"_s);
    const char* const drivers[] = {"GPKG", nullptr};
    const QByteArray table = "TABLE=" + list.first().table.toUtf8();
    const char* const openOptions[] = {table.constData(), nullptr};
    GDALDatasetH ds = GDALOpenEx(copy.toUtf8().constData(),
                                 (raster ? GDAL_OF_RASTER : GDAL_OF_VECTOR) | GDAL_OF_READONLY,
                                 drivers, raster ? openOptions : nullptr, nullptr);
    QVERIFY(ds);
    if (raster) {
        QVERIFY(GDALGetRasterXSize(ds) > 0);
        QCOMPARE(GDALGetRasterCount(ds), 4); // RGBA
    } else {
        OGRLayerH layer = GDALDatasetGetLayerByName(ds, list.first().table.toUtf8().constData());
        QVERIFY(layer);
        QVERIFY(OGR_L_GetFeatureCount(layer, TRUE) > 0);
    }
    GDALClose(ds);
    QVERIFY(reopened.integrityProblems(false).value().isEmpty());
}

void TestLayers::reprojectsToLonLat() {
    // Laukkai in Web Mercator metres, declared with the (old) GeoJSON crs member.
    const QPointF m = webmercator::fromLonLat(98.76, 23.69);
    const QString source =
        write(u"mercator.geojson"_s, QStringLiteral(R"({"type":"FeatureCollection",
        "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},
        "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[%1,%2]}}]})")
                                         .arg(m.x(), 0, 'f', 4)
                                         .arg(m.y(), 0, 'f', 4)
                                         .toUtf8());
    const QString path = m_dir.filePath(u"reproject.caseatlas"_s);
    QVERIFY(createDocument(path));
    auto file = CaseFile::open(path).value();
    auto layers = importLayers(file, source);
    QVERIFY2(layers.ok(), qPrintable(layers.ok() ? QString() : layers.error().fullText()));
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 drivers, nullptr, nullptr);
    OGRLayerH layer =
        GDALDatasetGetLayerByName(ds, layers.value().first().table.toUtf8().constData());
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    OGRGeometryH g = OGR_G_GetGeometryRef(
        OGR_G_GetGeometryRef(OGR_F_GetGeometryRef(f), 0) ? OGR_F_GetGeometryRef(f) : nullptr, 0);
    QVERIFY(g);
    QVERIFY2(std::abs(OGR_G_GetX(g, 0) - 98.76) < 1e-6,
             qPrintable(QString::number(OGR_G_GetX(g, 0), 'f', 8)));
    QVERIFY2(std::abs(OGR_G_GetY(g, 0) - 23.69) < 1e-6,
             qPrintable(QString::number(OGR_G_GetY(g, 0), 'f', 8)));
    OGR_F_Destroy(f);
    GDALClose(ds);
}

void TestLayers::linkedLayerIsOnlyRegistered() {
    const QString source = write(u"linked.geojson"_s, R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[98.76,23.69]}}]})");
    const QString path = m_dir.filePath(u"linked.caseatlas"_s);
    QVERIFY(createDocument(path));
    auto file = CaseFile::open(path).value();
    LayerImportOptions o;
    o.link = true;
    QVERIFY(importLayers(file, source, o).ok());
    const auto list = listLayers(file.db()).value();
    QCOMPARE(list.size(), 1);
    QVERIFY(list.first().linked);
    QVERIFY(list.first().table.isEmpty());
    QCOMPARE(list.first().sourcePath, QFileInfo(source).absoluteFilePath());
}

void TestLayers::linkedLayerIsDrawnFromItsFile() {
    const QString source = m_dir.filePath(u"linked-drawn.geojson"_s);
    QVERIFY(QFile::copy(m_fixtures + u"/points.geojson"_s, source));
    const QString path = m_dir.filePath(u"linked-drawn.caseatlas"_s);
    auto doc = createDocument(path);
    QVERIFY(doc->importLayerFile(source, true).ok());
    auto data = CaseMapData::load(doc->db()).value();
    QCOMPARE(data.layers.size(), size_t(1));
    QCOMPARE(data.layers.front().points.size(), size_t(2));
    QVERIFY(!data.layers.front().missing);
    // The file goes away: the layer is shown as missing, and the case still opens and draws.
    QVERIFY(QFile::remove(source));
    data = CaseMapData::load(doc->db()).value();
    QVERIFY(data.layers.front().missing);
    QVERIFY(data.layers.front().points.empty());
}

void TestLayers::linkedImageIsDrawnFromItsFile() {
    // A GeoTIFF in UTM, linked: warped to Web Mercator on the fly, the compound where it belongs.
    const QString source = m_dir.filePath(u"linked-raster.tif"_s);
    QVERIFY(QFile::copy(m_fixtures + u"/raster.tif"_s, source));
    const QString path = m_dir.filePath(u"linked-raster.caseatlas"_s);
    {
        auto doc = createDocument(path);
        QVERIFY(doc->importLayerFile(source, true).ok());
        QCOMPARE(listLayers(doc->db()).value().first().kind, u"raster"_s);
    }
    checkKnownPoint(path, true);
    QVERIFY(QFile::remove(source));
    auto file = CaseFile::open(path).value();
    QVERIFY(CaseMapData::load(file.db()).value().layers.front().missing);
}

void TestLayers::hostileLinkedPathsAreNotFollowed() {
    // A case from a stranger whose layers table links to remote or virtual paths: each layer is
    // shown as missing; GDAL is never asked to open them.
    auto doc = createDocument(m_dir.filePath(u"hostile-links.caseatlas"_s));
    const QString vrt = m_fixtures + u"/remote.vrt"_s;
    const QStringList paths = {u"/vsicurl/http://127.0.0.1:9/x.tif"_s,
                               u"https://127.0.0.1:9/x.geojson"_s, vrt, u"/vsimem/x.tif"_s};
    for (const QString& kind : {u"vector"_s, u"raster"_s})
        for (const QString& path : paths)
            QVERIFY(doc->db()
                        .execute(u"INSERT INTO layers (title, kind, source_path, linked, added_at) "
                                 "VALUES ('x', ?, ?, 1, '2026-01-01')"_s,
                                 {kind, path})
                        .ok());
    auto data = CaseMapData::load(doc->db());
    QVERIFY(data.ok());
    QCOMPARE(data.value().layers.size(), size_t(2 * paths.size()));
    for (const auto& layer : data.value().layers) {
        QVERIFY(layer.missing);
        QVERIFY(!layer.image && !layer.raster && layer.points.empty());
    }
}

void TestLayers::xyzTilesAreReadThroughGdal() {
    // A local XYZ folder (zoom 0 and 1, red tiles) read through GDAL's WMS driver, as an
    // online service would be, with the cache where we say.
    const QString tiles = m_dir.filePath(u"xyz"_s);
    QImage red(256, 256, QImage::Format_RGB32);
    red.fill(QColor(200, 30, 30));
    for (const auto& [z, x, y] :
         {std::tuple{0, 0, 0}, {1, 0, 0}, {1, 0, 1}, {1, 1, 0}, {1, 1, 1}}) {
        QDir().mkpath(u"%1/%2/%3"_s.arg(tiles).arg(z).arg(x));
        QVERIFY(red.save(u"%1/%2/%3/%4.png"_s.arg(tiles).arg(z).arg(x).arg(y)));
    }
    RasterSource::Xyz xyz;
    xyz.urlTemplate = u"file://"_s + tiles + u"/{z}/{x}/{y}.png"_s;
    xyz.cacheDir = m_dir.filePath(u"tile-cache"_s);
    xyz.maxZoom = 1;
    QVERIFY(!RasterSource::openXyz(xyz).ok()); // file: only where the caller allows it
    auto source = RasterSource::openXyz(xyz, true);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error().fullText()));
    const MapViewport vp = MapViewport::fitting(90, 10, 110, 30, QSize(300, 200));
    const QImage picture = source.value()->render(vp);
    QVERIFY(!picture.isNull());
    const QColor c = picture.pixelColor(150, 100);
    QVERIFY2(c.red() > 180 && c.green() < 60 && c.alpha() == 255, qPrintable(c.name()));
    QVERIFY(!QDir(xyz.cacheDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

void TestLayers::xyzAddressesAreChecked_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addRow("https") << "https://tile.example.org/{z}/{x}/{y}.png" << true;
    QTest::addRow("no {y}") << "https://tile.example.org/{z}/{x}.png" << false;
    QTest::addRow("ftp") << "ftp://tile.example.org/{z}/{x}/{y}.png" << false;
    QTest::addRow("/vsicurl") << "/vsicurl/https://t.example.org/{z}/{x}/{y}.png" << false;
    QTest::addRow("markup") << "https://t.example.org/{z}/{x}/{y}.png</ServerUrl>" << false;
    QTest::addRow("no host") << "https:///{z}/{x}/{y}.png" << false;
}

void TestLayers::xyzAddressesAreChecked() {
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QCOMPARE(RasterSource::checkXyzTemplate(url).ok(), ok);
}

static QStringList contentsTables(SqliteDatabase& db) {
    QStringList out;
    auto stmt = db.prepare(u"SELECT table_name FROM gpkg_contents ORDER BY 1"_s);
    (void)stmt.value().forEachRow([&](SqliteStatement& s) { out << s.text(0); });
    return out;
}

void TestLayers::importAndRemovalAreUndoable() {
    const QString path = m_dir.filePath(u"undo-layers.caseatlas"_s);
    auto doc = createDocument(path);
    const QStringList base = contentsTables(doc->db());
    QCOMPARE(doc->importLayerFile(m_fixtures + u"/points.geojson"_s, false).value(), 1);
    QCOMPARE(doc->importLayerFile(m_fixtures + u"/raster.tif"_s, false).value(), 1);
    const auto layers = listLayers(doc->db()).value();
    QCOMPARE(layers.size(), 2);
    const QString vectorTable = layers.at(1).table, rasterTable = layers.at(0).table;
    QCOMPARE(doc->undoStack()->undoText(), u"Import layer “raster.tif”"_s);
    const qint64 tiles = doc->db().count(u"SELECT count(*) FROM \"%1\""_s.arg(rasterTable)).value();

    // Undo both imports: the tables leave the GeoPackage registry (QGIS and GDAL no longer
    // list them) and the case still checks out.
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QVERIFY(listLayers(doc->db()).value().isEmpty());
    QCOMPARE(contentsTables(doc->db()), base);
    QVERIFY(!doc->db().tableExists(vectorTable));
    QVERIFY(doc->file().integrityProblems(false).value().isEmpty());
    // Redo brings them back whole.
    doc->undoStack()->redo();
    doc->undoStack()->redo();
    QCOMPARE(listLayers(doc->db()).value().size(), 2);
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM \"%1\""_s.arg(rasterTable)).value(), tiles);
    auto data = CaseMapData::load(doc->db()).value();
    QVERIFY(data.layers.at(1).raster);
    QCOMPARE(data.layers.at(0).points.size(), size_t(2));

    // Remove the raster, undo, redo.
    QVERIFY(doc->removeLayer(layers.at(0).id).ok());
    QCOMPARE(doc->undoStack()->undoText(), u"Remove layer “raster”"_s);
    QCOMPARE(listLayers(doc->db()).value().size(), 1);
    QVERIFY(!contentsTables(doc->db()).contains(rasterTable));
    doc->undoStack()->undo();
    QCOMPARE(listLayers(doc->db()).value().size(), 2);
    QVERIFY(contentsTables(doc->db()).contains(rasterTable));
    QCOMPARE(doc->db().count(u"SELECT count(*) FROM \"%1\""_s.arg(rasterTable)).value(), tiles);
    QVERIFY(CaseMapData::load(doc->db()).value().layers.at(1).raster->levelCount() > 1);
    doc->undoStack()->redo();
    QCOMPARE(listLayers(doc->db()).value().size(), 1);
    QVERIFY(!doc->removeLayer(999).ok());

    // Reopening drops what can no longer be undone.
    doc.reset();
    doc = CaseDocument::open(path).value();
    QCOMPARE(doc->db()
                 .count(u"SELECT count(*) FROM sqlite_schema WHERE name LIKE 'caseatlas_parked%'"_s)
                 .value(),
             0);
    QCOMPARE(listLayers(doc->db()).value().size(), 1);
    QVERIFY(doc->file().integrityProblems(false).value().isEmpty());
}

void TestLayers::orderStyleAndOpacityAreUndoable() {
    auto doc = createDocument(m_dir.filePath(u"style-layers.caseatlas"_s));
    QVERIFY(doc->importLayerFile(m_fixtures + u"/layers.gpkg"_s, false).ok()); // points, area
    auto ids = [&] {
        QList<qint64> out;
        for (const LayerRecord& l : listLayers(doc->db()).value())
            out << l.id;
        return out;
    };
    const QList<qint64> before = ids(); // top first: area, points
    QCOMPARE(before.size(), 2);
    QVERIFY(doc->moveLayer(before.at(0), false).ok());
    QCOMPARE(ids(), (QList<qint64>{before.at(1), before.at(0)}));
    QCOMPARE(CaseMapData::load(doc->db()).value().layers.back().id, before.at(1)); // drawn last
    doc->undoStack()->undo();
    QCOMPARE(ids(), before);

    const qint64 points = before.at(1);
    LayerStyle style;
    style.stroke = QColor(0x12, 0x34, 0x56);
    style.labelField = u"name"_s;
    style.categoryField = u"kind"_s;
    QVERIFY(doc->setLayerStyle(points, style).ok());
    QVERIFY(doc->setLayerOpacity(points, 0.5).ok());
    QVERIFY(!doc->setLayerOpacity(points, 2).ok());
    auto data = CaseMapData::load(doc->db()).value();
    const auto& layer = data.layers.front(); // bottom: points
    QCOMPARE(layer.id, points);
    QCOMPARE(layer.colour, style.stroke);
    QCOMPARE(layer.opacity, 0.5);
    QCOMPARE(layer.classes, (QStringList{u"town"_s, u"crossing"_s}));
    QCOMPARE(layer.labels.size(), size_t(2));
    QCOMPARE(layer.labels.front().text, u"Laukkai"_s);
    QCOMPARE(listLayers(doc->db()).value().at(1).style, style);
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    data = CaseMapData::load(doc->db()).value();
    QVERIFY(data.layers.front().classes.isEmpty());
    QVERIFY(data.layers.front().labels.empty());
    QCOMPARE(data.layers.front().opacity, 1.0);
}

void TestLayers::copyLeavesRemovedLayersBehind() {
    auto doc = createDocument(m_dir.filePath(u"copy-layers.caseatlas"_s));
    QVERIFY(doc->importLayerFile(m_fixtures + u"/points.geojson"_s, false).ok());
    const QString table = listLayers(doc->db()).value().first().table;
    QVERIFY(doc->removeLayer(listLayers(doc->db()).value().first().id).ok());
    const QString copy = m_dir.filePath(u"copy-layers-out.caseatlas"_s);
    QVERIFY(doc->saveCopyAs(copy).ok());
    auto copied = CaseFile::open(copy, CaseFile::Access::ReadOnly).value();
    QCOMPARE(copied.db()
                 .count(u"SELECT count(*) FROM sqlite_schema WHERE name LIKE '%%1%'"_s.arg(table))
                 .value(),
             0);
    QFile f(copy);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("Chinshwehaw")); // not even in a free page
    // The open case can still undo the removal.
    doc->undoStack()->undo();
    QCOMPARE(listLayers(doc->db()).value().size(), 1);
}

void TestLayers::cancelledImportLeavesCaseUnchanged_data() {
    QTest::addColumn<QString>("file");
    QTest::addRow("vector") << "layers.gpkg";
    QTest::addRow("raster") << "raster.tif";
}

void TestLayers::cancelledImportLeavesCaseUnchanged() {
    QFETCH(QString, file);
    const QString path = m_dir.filePath(u"cancel-%1.caseatlas"_s.arg(file));
    QVERIFY(createDocument(path));
    const QByteArray before = fileHash(path);
    {
        auto doc = CaseDocument::open(path).value();
        int calls = 0;
        auto result = doc->importLayerFile(m_fixtures + u'/' + file, false, [&](double done) {
            ++calls;
            return done < 0.3; // the user presses Cancel part way through
        });
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(u"cancelled"_s),
                 qPrintable(result.error().message));
        QVERIFY(calls > 1);
        QCOMPARE(doc->undoStack()->count(), 0);
    }
    QCOMPARE(fileHash(path), before);
}

void TestLayers::badInputLeavesCaseUnchanged_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("says");
    QTest::addRow("shapefile without .shx") << "no-shx"
                                            << "could not be read";
    QTest::addRow("invalid GeoJSON") << "bad-json"
                                     << "could not be read";
    QTest::addRow("KML with a broken coordinate") << "bad-kml"
                                                  << "line 2: \"98.76,abc\"";
    QTest::addRow("unknown CRS") << "bad-crs"
                                 << "coordinate system";
    QTest::addRow("VRT pointing at a URL") << "vrt"
                                           << "could not be read";
    QTest::addRow("GeoTIFF cut in half") << "truncated-tif"
                                         << "cut short";
    QTest::addRow("raster VRT pointing at a URL") << "raster-vrt"
                                                  << "could not be read";
    QTest::addRow("/vsicurl path") << "vsicurl"
                                   << "not a local file";
    QTest::addRow("URL") << "url"
                         << "not a local file";
    QTest::addRow("folder") << "folder"
                            << "folder";
    QTest::addRow("missing") << "missing"
                             << "no file";
}

void TestLayers::badInputLeavesCaseUnchanged() {
    QFETCH(QString, kind);
    QFETCH(QString, says);
    QString source;
    if (kind == u"no-shx") {
        source = makeShapefile(m_dir.filePath(u"noshx"_s));
        QFile::remove(m_dir.filePath(u"noshx/compounds.shx"_s));
    }
    if (kind == u"bad-json")
        source = write(u"bad.geojson"_s,
                       R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":)");
    if (kind == u"bad-kml")
        source = write(
            u"bad.kml"_s,
            R"(<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">
            <Document><Placemark><name>x</name><Point><coordinates>98.76,abc</coordinates></Point></Placemark></Document></kml>)");
    if (kind == u"bad-crs")
        source = write(u"badcrs.geojson"_s, R"({"type":"FeatureCollection",
            "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::999999"}},
            "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]})");
    if (kind == u"vrt")
        source = write(
            u"remote.vrt"_s,
            R"(<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>/vsicurl/http://example.org/x.geojson</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>)");
    if (kind == u"truncated-tif")
        source = m_fixtures + u"/truncated.tif"_s;
    if (kind == u"raster-vrt")
        source = m_fixtures + u"/remote.vrt"_s;
    if (kind == u"vsicurl")
        source = u"/vsicurl/http://example.org/layer.geojson"_s;
    if (kind == u"url")
        source = u"https://example.org/layer.geojson"_s;
    if (kind == u"folder")
        source = m_dir.path();
    if (kind == u"missing")
        source = m_dir.filePath(u"nothing.geojson"_s);
    const QString path = m_dir.filePath(u"bad-%1.caseatlas"_s.arg(kind));
    QVERIFY(createDocument(path));
    const QByteArray before = fileHash(path);
    {
        auto file = CaseFile::open(path).value();
        auto result = importLayers(file, source);
        QVERIFY2(!result.ok(), qPrintable(kind));
        QVERIFY2(says.isEmpty() || result.error().message.contains(says),
                 qPrintable(result.error().message));
    }
    QCOMPARE(fileHash(path), before);
}

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv); // fonts for the scale bar
    TestLayers test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_layers.moc"
