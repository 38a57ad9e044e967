#include "testsupport.h"

#include "geo/layerimport.h"
#include "io/mapexport.h"
#include "io/samplecase.h"
#include "render/mapframecache.h"
#include "render/maprenderer.h"

#include <QGuiApplication>

#include <ogr_api.h>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// The first slice of the map: projection, the shipped basemap, case data, clusters and arrows.
class TestMap : public QObject {
    Q_OBJECT
private slots:
    void webMercatorKnownPoints();
    void viewportZoomKeepsAnchor();
    void basemapLoadsWithoutDatelineSmear();
    void gazetteerNamesPlacesAtSuitableZooms();
    void gazetteerLooksUpTowns_data();
    void gazetteerLooksUpTowns();
    void gazetteerKnowsTheRegion();
    void knownPointLandsOnItsPixel();
    void clustersAndSingles();
    void locationPrecisionIsDrawn();
    void sampleCaseHasMovements();
    void writesPictures();
    void importedLayerIsDrawn();
    void frameCacheCopiesWhenPanning();

private:
    QTemporaryDir m_dir;
};

// The case's map data drawn on its own (no basemap) into a picture of the viewport's size.
static QImage renderData(const CaseMapData& data, const MapStyle& style, const MapViewport& vp,
                         const Gazetteer* gazetteer = nullptr) {
    QImage image(vp.size(), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    MapScene scene;
    scene.data = &data;
    scene.gazetteer = gazetteer;
    MapRenderer(style).paint(p, vp, scene);
    return image;
}

void TestMap::webMercatorKnownPoints() {
    QVERIFY(webmercator::fromLonLat(0, 0).manhattanLength() < 1e-6);
    QVERIFY(std::abs(webmercator::fromLonLat(180, 0).x() - 20037508.342789244) < 1e-6);
    QVERIFY(std::abs(webmercator::fromLonLat(0, webmercator::MaxLatitude).y() -
                     20037508.342789244) < 1e-3);
    for (double lon : {-179.5, -45.0, 0.0, 98.76, 179.9})
        for (double lat : {-80.0, -23.5, 0.0, 23.69, 60.0}) {
            const QPointF back = webmercator::toLonLat(webmercator::fromLonLat(lon, lat));
            QVERIFY(std::abs(back.x() - lon) < 1e-9 && std::abs(back.y() - lat) < 1e-9);
        }
}

void TestMap::viewportZoomKeepsAnchor() {
    MapViewport vp = MapViewport::fitting(92, 9, 110, 29, QSize(800, 600));
    const QPointF anchor(123, 456);
    const QPointF before = vp.toMetres(anchor);
    vp.zoomAt(anchor, 3);
    const QPointF after = vp.toMetres(anchor);
    QVERIFY(std::abs(before.x() - after.x()) < 1e-6 && std::abs(before.y() - after.y()) < 1e-6);
    // Fitting keeps the corners inside the picture.
    const MapViewport fit = MapViewport::fitting(92, 9, 110, 29, QSize(800, 600));
    for (const QPointF corner : {fit.lonLatToPixel(92, 9), fit.lonLatToPixel(110, 29)})
        QVERIFY(QRectF(0, 0, 800, 600).contains(corner));
}

void TestMap::basemapLoadsWithoutDatelineSmear() {
    auto map = Basemap::load();
    QVERIFY2(map.ok(), qPrintable(map.ok() ? QString() : map.error().fullText()));
    QVERIFY(map.value().countries().size() >= 200);
    QVERIFY(map.value().vertexCount() > 10000);
    bool myanmar = false;
    for (const Basemap::Country& c : map.value().countries()) {
        myanmar |= c.name == u"Myanmar";
        for (const QPolygonF& ring : c.rings)
            // No single ring may stretch across more than half the world (the ±180° smear).
            QVERIFY2(ring.boundingRect().width() < webmercator::HalfWorld * 1.01 ||
                         c.name == u"Antarctica",
                     qPrintable(c.name));
    }
    QVERIFY(myanmar);
}

void TestMap::gazetteerNamesPlacesAtSuitableZooms() {
    const Gazetteer& g = Gazetteer::shared();
    QVERIFY(g.places().size() > 100000);
    const auto beijing = std::find_if(g.places().cbegin(), g.places().cend(), [&](const auto& p) {
        return p.name == u"Beijing" && g.countryCode(p) == u"CN" && !p.isArea();
    });
    QVERIFY(beijing != g.places().cend());
    QCOMPARE(beijing->rank, quint8(0)); // a capital
    QVERIFY(std::abs(beijing->lat - 39.9075) < 1e-3 && std::abs(beijing->lon - 116.3972) < 1e-3);
    QCOMPARE(g.places()[g.byImportance().front()].rank, quint8(0));
    // Names only where they help: none across the world, some across a region.
    const CaseMapData empty;
    auto render = [&](const MapViewport& vp, const Gazetteer* gazetteer) {
        return renderData(empty, MapStyle(), vp, gazetteer);
    };
    const MapViewport world(QPointF(0, 0), 20000, QSize(800, 500));
    QCOMPARE(render(world, &g), render(world, nullptr));
    const MapViewport region = MapViewport::fitting(96, 21, 102, 26, QSize(800, 500));
    QVERIFY(render(region, &g) != render(region, nullptr));
}

void TestMap::gazetteerLooksUpTowns_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::addRow("Lashio") << "Lashio"
                            << ""
                            << "Lashio" << 22.9359 << 97.7498;
    QTest::addRow("prefix, any case") << "myitk"
                                      << ""
                                      << "Myitkyina" << 25.3833 << 97.3964;
    QTest::addRow("Mae Sot in Thailand") << "mae so"
                                         << "TH"
                                         << "Mae Sot" << 16.7167 << 98.5667;
    QTest::addRow("Beijing") << "Beijing"
                             << "CN"
                             << "Beijing" << 39.9075 << 116.3972;
    // The towns of the cases (issue 17): the Kokang region and the borders around it.
    QTest::addRow("Laukkai") << "Laukkai"
                             << "MM"
                             << "Laukkai" << 23.6961 << 98.7621;
    QTest::addRow("Mong La, typed without the umlaut") << "Mong La"
                                                       << "MM"
                                                       << "Möng La" << 21.6711 << 100.0127;
    QTest::addRow("Mongla, typed as one word") << "mongla"
                                               << "MM"
                                               << "Möng La" << 21.6711 << 100.0127;
    QTest::addRow("Muse, spelt Mu-se") << "Muse"
                                       << "MM"
                                       << "Mu-se" << 23.9974 << 97.9011;
    QTest::addRow("Shwe Kokko") << "Shwe Kokko"
                                << "MM"
                                << "Shwe Kokko" << 16.8208 << 98.5309;
    QTest::addRow("Tachileik, an alternate name") << "Tachileik"
                                                  << "MM"
                                                  << "Tachilek" << 20.4475 << 99.8808;
    QTest::addRow("Lincang") << "Lincang"
                             << "CN"
                             << "Lincang" << 23.8797 << 100.0945;
    QTest::addRow("Lashio in Burmese") << "လားရှိုး"
                                       << ""
                                       << "Lashio" << 22.9359 << 97.7498;
    QTest::addRow("Kunming in Chinese") << "昆明"
                                        << ""
                                        << "Kunming" << 25.0389 << 102.7183;
}

void TestMap::gazetteerLooksUpTowns() {
    QFETCH(QString, typed);
    QFETCH(QString, country);
    QFETCH(QString, name);
    QFETCH(double, lat);
    QFETCH(double, lon);
    const Gazetteer& g = Gazetteer::shared();
    const auto found = g.lookup(typed, 10, country);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first()->name, name);
    QVERIFY(std::abs(found.first()->lat - lat) < 1e-3 && std::abs(found.first()->lon - lon) < 1e-3);
    if (!country.isEmpty())
        for (const auto* p : found)
            QCOMPARE(g.countryCode(*p), country);
    // Accents aside: "ho chi" finds Ho Chi Minh City.
    QVERIFY(!g.lookup(u"HO CHI"_s).isEmpty());
    QVERIFY(g.lookup(u""_s).isEmpty());
    // The name typed is shown when it is not the place's own.
    if (Gazetteer::fold(found.first()->name) != Gazetteer::fold(typed) &&
        !Gazetteer::fold(found.first()->name).startsWith(Gazetteer::fold(typed)))
        QVERIFY(!Gazetteer::matchedName(*found.first(), typed).isEmpty());
    // A place taken into a case keeps its other names as aliases, and no made-up id.
    const Place taken = g.toCasePlace(*found.first());
    QCOMPARE(taken.aliases.size(), Gazetteer::namesOf(*found.first()).size() - 1);
    QVERIFY(taken.gazetteerId.isEmpty() == (found.first()->geonamesId == 0));
}

// The gazetteer holds the smaller towns of the region (GeoNames cities500 and a later extract),
// not only Myanmar's 74 largest.
void TestMap::gazetteerKnowsTheRegion() {
    const Gazetteer& g = Gazetteer::shared();
    const auto inMyanmar = std::count_if(g.places().cbegin(), g.places().cend(),
                                         [&](const auto& p) { return g.countryCode(p) == u"MM"; });
    QVERIFY2(inMyanmar >= 500, qPrintable(QString::number(inMyanmar)));
    QVERIFY(g.places().size() > 200000);
    QVERIFY(g.lookup(u"Xqzzyvillage"_s).isEmpty());
    // Divisions are there too, as areas (never labelled on the map as if they were towns):
    // the Laukkaing district, which is the Kokang region, and Shan State.
    for (const QString& name : {u"Laukkaing"_s, u"Shan State"_s}) {
        const auto found = g.lookup(name, 5, u"MM"_s);
        QVERIFY2(!found.isEmpty(), qPrintable(name));
        QCOMPARE(found.first()->name, name);
        QVERIFY(found.first()->isArea());
        QCOMPARE(g.toCasePlace(*found.first()).kind, u"administrative area"_s);
    }
}

void TestMap::knownPointLandsOnItsPixel() {
    auto doc = createDocument(m_dir.filePath(u"point.caseatlas"_s));
    Place laukkai;
    laukkai.name = u"Laukkai"_s;
    laukkai.point = GeoPoint{98.76, 23.69};
    QVERIFY(doc->addPlace(laukkai).ok());
    auto data = CaseMapData::load(doc->db()).value();
    QCOMPARE(data.places.size(), size_t(1));
    MapStyle style;
    style.place = QColor(255, 0, 255);
    const MapViewport vp = MapViewport::fitting(97, 22, 101, 25, QSize(600, 400));
    const QImage image = renderData(data, style, vp);
    const QPointF expected = vp.lonLatToPixel(98.76, 23.69);
    // The place mark (5 px square) is centred on the right pixel, within 1 px.
    int hits = 0;
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            hits += QColor(image.pixel(int(expected.x()) + dx, int(expected.y()) + dy)) ==
                            QColor(255, 0, 255)
                        ? 1
                        : 0;
    QVERIFY2(hits >= 8, qPrintable(QString::number(hits)));
    QVERIFY(QColor(image.pixel(int(expected.x()) + 6, int(expected.y()) + 6)) !=
            QColor(255, 0, 255));
}

static QColor tintAt(const QImage& image, QPointF px) {
    return image.pixelColor(px.toPoint());
}

void TestMap::locationPrecisionIsDrawn() {
    auto doc = createDocument(m_dir.filePath(u"precision.caseatlas"_s));
    // An event known to within 5 km, and one placed only by its district (an area place).
    Event near;
    near.title = u"Somewhere near Laukkai"_s;
    near.start = edtf("2023");
    near.point = GeoPoint{98.76, 23.69};
    near.locationPrecision = LocationPrecision::Approximate;
    near.precisionMetres = 5000;
    QVERIFY(doc->addEvent(near).ok());
    Place district;
    district.name = u"District"_s;
    OGRGeometryH square = nullptr;
    const char* wkt = "POLYGON ((99.5 23,100.5 23,100.5 24,99.5 24,99.5 23))";
    QCOMPARE(OGR_G_CreateFromWkt(const_cast<char**>(&wkt), nullptr, &square), OGRERR_NONE);
    district.geometryWkb.resize(OGR_G_WkbSize(square));
    OGR_G_ExportToWkb(square, wkbNDR,
                      reinterpret_cast<unsigned char*>(district.geometryWkb.data()));
    OGR_G_DestroyGeometry(square);
    Event inDistrict;
    inDistrict.title = u"Somewhere in the district"_s;
    inDistrict.start = edtf("2023");
    inDistrict.placeId = doc->addPlace(district).value();
    inDistrict.locationPrecision = LocationPrecision::AdminArea;
    QVERIFY(doc->addEvent(inDistrict).ok());

    auto data = CaseMapData::load(doc->db()).value();
    QCOMPARE(data.events.size(), size_t(2)); // the area's event is placed inside it
    MapStyle style;
    style.event = QColor(255, 0, 0);
    const MapViewport vp = MapViewport::fitting(98.6, 22.8, 100.7, 24.2, QSize(800, 600));
    const QImage image = renderData(data, style, vp);
    // 3 km east of the first event is inside its 5 km circle (tinted red); 8 km is not.
    const QColor water = style.water;
    const double degPerKm = 1 / (111.32 * std::cos(23.69 * M_PI / 180));
    const QColor inside = tintAt(image, vp.lonLatToPixel(98.76 + 3 * degPerKm, 23.69));
    const QColor outside = tintAt(image, vp.lonLatToPixel(98.76 + 8 * degPerKm, 23.69));
    auto redder = [&](const QColor& c) {
        return c.red() - c.blue() > water.red() - water.blue() + 20;
    };
    QVERIFY2(redder(inside), qPrintable(inside.name()));
    QVERIFY2(outside == water, qPrintable(outside.name()));
    // The district's area is tinted near its corner, far from the event's own point.
    const QColor corner = tintAt(image, vp.lonLatToPixel(99.55, 23.05));
    QVERIFY2(redder(corner), qPrintable(corner.name()));
}

void TestMap::clustersAndSingles() {
    auto doc = createDocument(m_dir.filePath(u"clusters.caseatlas"_s));
    for (int i = 0; i < 100; ++i) {
        Event e;
        e.title = u"Crowded %1"_s.arg(i);
        e.start = edtf("2023");
        e.point = GeoPoint{98.70 + i * 1e-4, 23.60}; // 11 m apart
        QVERIFY(doc->addEvent(e).ok());
    }
    Event lone;
    lone.title = u"Alone"_s;
    lone.start = edtf("2024");
    lone.point = GeoPoint{100.5, 24.5};
    const qint64 loneId = doc->addEvent(lone).value();
    auto data = CaseMapData::load(doc->db()).value();
    MapRenderer renderer;
    MapScene scene;
    scene.data = &data;
    const MapViewport vp = MapViewport::fitting(97, 22, 101, 25, QSize(600, 400));
    QCOMPARE(renderer.eventAt(vp.lonLatToPixel(100.5, 24.5), vp, scene), loneId);
    QCOMPARE(renderer.eventAt(vp.lonLatToPixel(98.70, 23.60), vp, scene), 0); // inside a cluster
    // Zoomed right in, the crowd splits into single points.
    const MapViewport close =
        MapViewport::fitting(98.6999, 23.5999, 98.7003, 23.6001, QSize(600, 400));
    QVERIFY(renderer.eventAt(close.lonLatToPixel(98.70, 23.60), close, scene) != 0);
    // The time window hides events outside it.
    scene.timeWindow = std::pair{FuzzyDate::secondsFromCivil(2023, 1, 1),
                                 FuzzyDate::secondsFromCivil(2023, 12, 31)};
    QCOMPARE(renderer.eventAt(vp.lonLatToPixel(100.5, 24.5), vp, scene), 0);
}

void TestMap::sampleCaseHasMovements() {
    const QString path = m_dir.filePath(u"sample.caseatlas"_s);
    {
        auto file = CaseFile::create(path, u"s"_s);
        QVERIFY(writeSampleCase(file.value()).ok());
    }
    auto doc = CaseDocument::open(path, CaseFile::Access::ReadOnly).value();
    auto data = CaseMapData::load(doc->db()).value();
    QCOMPARE(data.places.size(), size_t(7));
    QVERIFY(data.movements.size() >= 3);
    QCOMPARE(data.events.size(), size_t(16)); // every sample event has a place with a point
    double w, s, e, n;
    QVERIFY(data.extent(w, s, e, n));
    QVERIFY(w < 99 && e > 116 && s < 13 && n > 39);
}

void TestMap::writesPictures() {
    const QString path = m_dir.filePath(u"pictures.caseatlas"_s);
    {
        auto file = CaseFile::create(path, u"s"_s);
        QVERIFY(writeSampleCase(file.value()).ok());
    }
    auto doc = CaseDocument::open(path, CaseFile::Access::ReadOnly).value();
    for (const char* suffix : {"png", "svg", "pdf"}) {
        const QString out = m_dir.filePath(u"map."_s + QString::fromLatin1(suffix));
        MapExportOptions o;
        o.size = QSize(800, 500);
        const Status st = writeMapFile(doc->db(), out, o);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().fullText()));
        QVERIFY(QFileInfo(out).size() > 1000);
    }
    MapExportOptions bad;
    bad.extent = std::array<double, 4>{100, 30, 90, 20};
    QCOMPARE(writeMapFile(doc->db(), m_dir.filePath(u"bad.png"_s), bad).error().code,
             ErrorCode::InvalidInput);
}

void TestMap::importedLayerIsDrawn() {
    const QString source = m_dir.filePath(u"zone.geojson"_s);
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Zone"},
            "geometry":{"type":"Polygon","coordinates":[[[98,23],[99.5,23],[99.5,24.5],[98,24.5],[98,23]]]}}]})");
    }
    const QString path = m_dir.filePath(u"zone.caseatlas"_s);
    QVERIFY(createDocument(path));
    {
        auto file = CaseFile::open(path).value();
        QVERIFY(importLayers(file, source).ok());
    }
    auto doc = CaseDocument::open(path, CaseFile::Access::ReadOnly).value();
    auto data = CaseMapData::load(doc->db()).value();
    QCOMPARE(data.layers.size(), size_t(1));
    QCOMPARE(data.layers.front().polygons.size(), size_t(1));
    MapRenderer renderer;
    MapScene scene;
    scene.data = &data;
    const MapViewport vp = MapViewport::fitting(96, 21, 101, 26, QSize(600, 400));
    QImage image(vp.size(), QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&image);
        renderer.paint(p, vp, scene);
    }
    // Inside the zone the water colour is tinted by the layer; outside it is not.
    const QColor inside(image.pixel(vp.lonLatToPixel(98.75, 23.75).toPoint()));
    const QColor outside(image.pixel(vp.lonLatToPixel(96.5, 21.5).toPoint()));
    QCOMPARE(outside, renderer.style().water);
    QVERIFY2(inside != renderer.style().water, qPrintable(inside.name()));
    // Its edge lies where the reprojected corner says, within a pixel.
    const QPointF corner = vp.lonLatToPixel(98, 24.5);
    bool edge = false;
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            edge |=
                QColor(image.pixel(int(corner.x()) + dx, int(corner.y()) + dy)).lightness() < 180;
    QVERIFY(edge);
}

void TestMap::frameCacheCopiesWhenPanning() {
    auto basemap = Basemap::load().value();
    MapRenderer renderer;
    MapScene scene;
    scene.basemap = &basemap;
    MapFrameCache cache(renderer, 256);
    MapViewport vp = MapViewport::fitting(90, 5, 125, 35, QSize(500, 300));
    QImage cached(vp.size(), QImage::Format_ARGB32_Premultiplied),
        direct(vp.size(), QImage::Format_ARGB32_Premultiplied);
    auto draw = [&](quint64 version) {
        QPainter p(&cached);
        cache.paint(p, vp, scene, version);
    };
    draw(1);
    QVERIFY(!cache.lastPaintWasCached());
    vp.panPixels(QPointF(100, -40));
    draw(1);
    QVERIFY(cache.lastPaintWasCached());
    {
        QPainter p(&direct);
        renderer.paint(p, vp, scene);
    }
    // The copy matches a fresh drawing away from the scale bar (which sits in the corner).
    int differing = 0;
    for (int y = 0; y < 240; y += 3)
        for (int x = 0; x < 500; x += 3)
            differing += cached.pixel(x, y) != direct.pixel(x, y) ? 1 : 0;
    QVERIFY2(differing < 40, qPrintable(QString::number(differing)));
    draw(2); // the scene changed
    QVERIFY(!cache.lastPaintWasCached());
    vp.zoomAt(QPointF(250, 150), 2);
    draw(2);
    QVERIFY(!cache.lastPaintWasCached());
    vp.panPixels(QPointF(2000, 0)); // beyond the margin
    draw(2);
    QVERIFY(!cache.lastPaintWasCached());

    // On a screen of two device pixels per point, the cached picture has device pixels: it
    // matches a fresh drawing at that ratio, not an enlarged one.
    QImage sharp(vp.size() * 2, QImage::Format_ARGB32_Premultiplied),
        fresh(vp.size() * 2, QImage::Format_ARGB32_Premultiplied);
    sharp.setDevicePixelRatio(2);
    fresh.setDevicePixelRatio(2);
    {
        QPainter p(&sharp);
        cache.paint(p, vp, scene, 3);
    }
    {
        QPainter p(&fresh);
        renderer.paint(p, vp, scene);
    }
    differing = 0;
    for (int y = 0; y < 480; y += 3)
        for (int x = 0; x < 1000; x += 3)
            differing += sharp.pixel(x, y) != fresh.pixel(x, y) ? 1 : 0;
    QVERIFY2(differing < 160, qPrintable(QString::number(differing)));
}

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv); // fonts
    TestMap test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_map.moc"
