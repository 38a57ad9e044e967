#include "testsupport.h"

#include "geo/layerimport.h"
#include "geo/webmercator.h"

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
    void badInputLeavesCaseUnchanged_data();
    void badInputLeavesCaseUnchanged();

private:
    QString write(const QString& name, const QByteArray& text);
    QString makeShapefile(const QString& dir);
    QTemporaryDir m_dir;
};

void TestLayers::initTestCase() {
    GDALAllRegister();
}

QString TestLayers::write(const QString& name, const QByteArray& text) {
    const QString path = m_dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
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
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("features");
    QTest::addRow("GeoJSON") << "geojson" << 2;
    QTest::addRow("CSV with lon/lat") << "csv" << 3;
    QTest::addRow("CSV with WKT") << "wkt" << 1;
    QTest::addRow("GPX") << "gpx" << 2;
    QTest::addRow("KML") << "kml" << 1;
    QTest::addRow("Shapefile") << "shp" << 3;
    QTest::addRow("zipped Shapefile") << "zip" << 3;
}

void TestLayers::importsFormats() {
    QFETCH(QString, kind);
    QFETCH(int, features);
    QString source;
    if (kind == u"geojson")
        source = write(u"pts.geojson"_s, R"({"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Point","coordinates":[98.76,23.69]}},
            {"type":"Feature","properties":{"name":"b"},"geometry":{"type":"LineString","coordinates":[[98,23],[99,24]]}}]})");
    if (kind == u"csv")
        source = write(
            u"pts.csv"_s,
            "name,lon,lat\nLaukkai,98.76,23.69\nLincang,100.09,23.88\nChinshwehaw,98.51,23.61\n");
    if (kind == u"wkt")
        source =
            write(u"area.csv"_s, "name,wkt\nZone,\"POLYGON ((98 23,99 23,99 24,98 24,98 23))\"\n");
    if (kind == u"gpx")
        source = write(
            u"track.gpx"_s,
            R"(<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
            <wpt lat="23.69" lon="98.76"><name>A</name></wpt><wpt lat="23.88" lon="100.09"><name>B</name></wpt></gpx>)");
    if (kind == u"kml")
        source = write(
            u"place.kml"_s,
            R"(<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">
            <Document><Placemark><name>Laukkai</name><Point><coordinates>98.76,23.69,0</coordinates></Point></Placemark></Document></kml>)");
    if (kind == u"shp")
        source = makeShapefile(m_dir.filePath(u"shp"_s));
    if (kind == u"zip") {
        const QString shp = makeShapefile(m_dir.filePath(u"tozip"_s));
        source = m_dir.filePath(u"compounds.zip"_s);
        QProcess zip;
        zip.start(u"/usr/bin/python3"_s,
                  {u"-c"_s,
                   u"import sys, zipfile, glob, os\n"
                   "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                   "    [z.write(f, os.path.basename(f)) for f in glob.glob(sys.argv[2] + '/*')]"_s,
                   source, QFileInfo(shp).absolutePath()});
        QVERIFY(zip.waitForFinished(30000));
        QCOMPARE(zip.exitCode(), 0);
    }
    const QString path = m_dir.filePath(u"formats-%1.caseatlas"_s.arg(kind));
    QVERIFY(createDocument(path));
    {
        auto file = CaseFile::open(path).value();
        auto layers = importLayers(file, source);
        QVERIFY2(layers.ok(), qPrintable(layers.ok() ? QString() : layers.error().fullText()));
        qint64 total = 0;
        for (const ImportedLayer& l : layers.value())
            total += l.features;
        QCOMPARE(total, qint64(features));
    }
    // Round trip: the layer is in the file, and GDAL reads it from the case as a GeoPackage table.
    auto reopened = CaseFile::open(path).value();
    const auto list = listLayers(reopened.db()).value();
    QVERIFY(!list.isEmpty());
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 drivers, nullptr, nullptr);
    QVERIFY(ds);
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, list.first().table.toUtf8().constData());
    QVERIFY(layer);
    QVERIFY(OGR_L_GetFeatureCount(layer, TRUE) > 0);
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

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
