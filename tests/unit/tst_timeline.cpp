#include "testsupport.h"

#include "io/syntheticcase.h"
#include "io/timelineexport.h"
#include "model/casefilter.h"
#include "render/timelinerenderer.h"

#include <QGuiApplication>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// The timeline renderer: viewport maths, hit testing, lane grouping, and that each kind of
// uncertainty is drawn so it can be told apart (probed pixels of a rendered image).
class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void viewportRoundTripsWithoutDrift();
    void viewportZoomKeepsCursorTime();
    void laneGrouping_data();
    void laneGrouping();
    void hitTestFindsEvents();
    void densityModeCountsEveryEvent();
    void uncertaintyIsDrawnDistinctly();
    void exportsPngSvgPdf();
    void filterMasksEvents_data();
    void filterMasksEvents();
    void filteredEventsAreNotDrawnOrHit();
    void shiftKeepsPrecision_data();
    void shiftKeepsPrecision();

private:
    QTemporaryDir m_dir;
};

void TestTimeline::viewportRoundTripsWithoutDrift() {
    TimelineViewport vp(FuzzyDate::secondsFromCivil(2023, 1, 1), 3600, 1700);
    const TimelineViewport original = vp;
    QRandomGenerator rng(7);
    struct Step {
        double x, factor, dx;
    };
    std::vector<Step> steps;
    for (int i = 0; i < 1000; ++i) {
        const Step s{rng.bounded(1700.0), 0.9 + rng.bounded(0.2), rng.bounded(400.0) - 200};
        steps.push_back(s);
        vp.zoomAt(s.x, s.factor);
        vp.panPixels(s.dx);
        // Pixel ↔ time round trip at every step.
        for (double x : {0.0, 313.5, 1699.0})
            QVERIFY(std::abs(vp.timeToX(vp.xToTime(x)) - x) < 1e-6);
    }
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        vp.panPixels(-it->dx);
        vp.zoomAt(it->x, 1.0 / it->factor);
    }
    QVERIFY2(std::abs(vp.start() - original.start()) < 1e-3,
             qPrintable(QString::number(vp.start() - original.start())));
    QVERIFY(std::abs(vp.secondsPerPixel() / original.secondsPerPixel() - 1) < 1e-9);
}

void TestTimeline::viewportZoomKeepsCursorTime() {
    TimelineViewport vp = TimelineViewport::spanning(0, 1000 * 86400.0, 1000);
    const double t = vp.xToTime(250);
    vp.zoomAt(250, 4);
    QCOMPARE(vp.xToTime(250), t);
    QCOMPARE(vp.secondsPerPixel(), 86400.0 / 4);
    // Clamped from millennia to minutes.
    for (int i = 0; i < 200; ++i)
        vp.zoomAt(0, 2);
    QCOMPARE(vp.secondsPerPixel(), TimelineViewport::MinSecondsPerPixel);
    for (int i = 0; i < 400; ++i)
        vp.zoomAt(0, 0.5);
    QCOMPARE(vp.secondsPerPixel(), TimelineViewport::MaxSecondsPerPixel);
}

void TestTimeline::laneGrouping_data() {
    QTest::addColumn<QString>("grouping");
    QTest::addColumn<QStringList>("lanes");
    QTest::addColumn<QList<int>>("sizes");
    QTest::addRow("tag") << "tag" << QStringList{u"crackdown"_s, u"repatriation"_s, u"No tag"_s}
                         << QList<int>{2, 1, 1};
    QTest::addRow("actor") << "actor" << QStringList{u"Junta"_s, u"Wei family"_s, u"No actor"_s}
                           << QList<int>{1, 2, 1};
    QTest::addRow("place") << "place" << QStringList{u"Laukkai"_s, u"No place"_s}
                           << QList<int>{2, 2};
    QTest::addRow("source") << "source" << QStringList{u"Article"_s, u"Unsourced"_s}
                            << QList<int>{3, 1};
    QTest::addRow("none") << "none" << QStringList{u"All events"_s} << QList<int>{4};
}

void TestTimeline::laneGrouping() {
    QFETCH(QString, grouping);
    QFETCH(QStringList, lanes);
    QFETCH(QList<int>, sizes);
    const QString path = m_dir.filePath(u"lanes-%1.caseatlas"_s.arg(grouping));
    auto doc = createDocument(path);
    Actor wei;
    wei.name = u"Wei family"_s;
    const qint64 weiId = doc->addActor(wei).value();
    Actor junta;
    junta.name = u"Junta"_s;
    const qint64 juntaId = doc->addActor(junta).value();
    Place laukkai;
    laukkai.name = u"Laukkai"_s;
    const qint64 placeId = doc->addPlace(laukkai).value();
    Source src;
    src.title = u"Article"_s;
    const qint64 sourceId = doc->addSource(src).value();
    struct Spec {
        QStringList tags;
        QList<qint64> actors;
        bool atPlace, cited;
    };
    const QList<Spec> specs = {{{u"crackdown"_s, u"repatriation"_s}, {weiId}, true, true},
                               {{u"crackdown"_s}, {weiId, juntaId}, false, true},
                               {{u"repatriation"_s}, {juntaId}, true, true},
                               {{}, {}, false, false}};
    int n = 0;
    for (const Spec& s : specs) {
        Event e;
        e.title = u"Event %1"_s.arg(++n);
        e.start = edtf("2023-11");
        e.tags = s.tags;
        for (qint64 a : s.actors)
            e.actors.append({a, u"role"_s});
        e.placeId = s.atPlace ? placeId : 0;
        const qint64 id = doc->addEvent(e).value();
        if (s.cited)
            QVERIFY(doc->addCitation({0, id, sourceId, {}, {}, u"q"_s, 3}).ok());
    }
    auto index = TimeIndex::load(doc->db(), *laneGroupingFromKey(grouping)).value();
    QCOMPARE(index.laneNames(), lanes);
    for (int l = 0; l < lanes.size(); ++l)
        QCOMPARE(index.laneSize(l), sizes[l]);
}

namespace {
// A small case with one event per kind, each in its own lane, in November 2023.
struct Kinds {
    std::unique_ptr<CaseDocument> doc;
    qint64 plain, uncertain, approximate, unsourced, span;
};

Kinds makeKinds(const QString& path) {
    Kinds k;
    k.doc = createDocument(path);
    Source s;
    s.title = u"Source"_s;
    const qint64 sid = k.doc->addSource(s).value();
    auto add = [&](const char* tag, const char* date, bool cited) {
        Event e;
        e.title = QString::fromLatin1(tag);
        e.start = edtf(date);
        e.tags = {QString::fromLatin1(tag)};
        const qint64 id = k.doc->addEvent(e).value();
        if (cited)
            (void)k.doc->addCitation({0, id, sid, {}, {}, u"q"_s, 2});
        return id;
    };
    k.plain = add("a-plain", "2023-11-05", true);
    k.uncertain = add("b-uncertain", "2023-11-10?", true);
    k.approximate = add("c-approximate", "2023-11-15~", true);
    k.unsourced = add("d-unsourced", "2023-11-20", false);
    k.span = add("e-span", "2023-11-08/2023-11-24", true);
    return k;
}
} // namespace

namespace {
// November 2023, where makeKinds puts its events.
TimelineViewport novemberView(const TimelineRenderer& renderer, QSize size) {
    return renderer.viewportFor(size, FuzzyDate::secondsFromCivil(2023, 11, 1),
                                FuzzyDate::secondsFromCivil(2023, 12, 1));
}

// The vertical centre of a lane's first row of items (where a lone item sits).
double firstRowCentre(const TimelineRenderer& renderer, int top, int height) {
    const int rowHeight = renderer.style().rowHeight;
    const int rows = std::max(1, (height - 4) / rowHeight);
    return top + (height - rows * rowHeight) / 2.0 + rowHeight / 2.0;
}
} // namespace

void TestTimeline::hitTestFindsEvents() {
    Kinds k = makeKinds(m_dir.filePath(u"hit.caseatlas"_s));
    auto index = TimeIndex::load(k.doc->db()).value();
    TimelineRenderer renderer(index);
    const QSize size(1400, 400);
    const TimelineViewport vp = novemberView(renderer, size);
    TimelineScene scene;
    const QRect plot = renderer.plotRect(size);
    for (qsizetype i = 0; i < index.size(); ++i) {
        const auto [top, h] = renderer.laneBand(index.lane(i), scene);
        const bool span = index.flags(i) & TimeIndex::Span;
        const double t = span ? double(index.earliest(i)) + 86400
                              : 0.5 * double(index.earliest(i) + index.latest(i));
        // Each lane has one item in its first row.
        const double cy = firstRowCentre(renderer, top, h);
        const QPointF at(plot.left() + vp.timeToX(t), cy);
        const auto hit = renderer.hitTest(at, size, vp, scene);
        QCOMPARE(hit.kind, TimelineRenderer::Hit::Kind::Event);
        QCOMPARE(index.id(hit.position), index.id(i));
        // The same time in the lane's next (empty) row hits nothing.
        const auto miss =
            renderer.hitTest(QPointF(at.x(), cy + renderer.style().rowHeight), size, vp, scene);
        QCOMPARE(miss.kind, TimelineRenderer::Hit::Kind::None);
    }
    QCOMPARE(renderer.hitTest(QPointF(10, plot.top() + 5), size, vp, scene).kind,
             TimelineRenderer::Hit::Kind::LaneHeader);
    QCOMPARE(renderer.hitTest(QPointF(500, 5), size, vp, scene).kind,
             TimelineRenderer::Hit::Kind::Axis);
}

void TestTimeline::densityModeCountsEveryEvent() {
    const QString path = m_dir.filePath(u"dense.caseatlas"_s);
    {
        auto file = CaseFile::create(path, u"dense"_s);
        QVERIFY(generateSyntheticCase(file.value(), {20000, 5, {}}).ok());
    }
    auto doc = CaseDocument::open(path).value();
    auto index = TimeIndex::load(doc->db()).value();
    TimelineRenderer renderer(index);
    const QSize size(1200, 800);
    qint64 from = 0, to = 0;
    QVERIFY(index.extent(from, to));
    // Wide enough that open ranges still end inside the view.
    const TimelineViewport vp =
        renderer.viewportFor(size, double(from) - 86400, double(to) + 86400);
    TimelineScene scene;
    const QRect plot = renderer.plotRect(size);
    for (int lane = 0; lane < index.laneCount(); ++lane) {
        QVERIFY(renderer.laneIsDense(lane, vp, scene));
        const auto [top, h] = renderer.laneBand(lane, scene);
        if (top + h > size.height())
            continue;
        qint64 total = 0;
        for (int x = 0; x < plot.width(); ++x) {
            const auto hit =
                renderer.hitTest(QPointF(plot.left() + x + 0.5, top + h / 2.0), size, vp, scene);
            QCOMPARE(hit.kind, TimelineRenderer::Hit::Kind::Density);
            QCOMPARE(hit.lane, lane);
            total += hit.count;
        }
        // Every event with a finite place in time is in some column (open-ended ones too).
        QCOMPARE(total, index.laneSize(lane));
    }
    // With a filter that shows nothing, the columns are empty.
    std::vector<bool> none(size_t(index.size()), false);
    scene.shown = &none;
    const auto [top0, h0] = renderer.laneBand(0, scene);
    const auto empty =
        renderer.hitTest(QPointF(plot.left() + plot.width() / 2, top0 + h0 / 2), size, vp, scene);
    QVERIFY(empty.kind != TimelineRenderer::Hit::Kind::Density || empty.count == 0);
}

void TestTimeline::uncertaintyIsDrawnDistinctly() {
    Kinds k = makeKinds(m_dir.filePath(u"kinds.caseatlas"_s));
    auto index = TimeIndex::load(k.doc->db()).value();
    TimelineRenderer renderer(index);
    const QSize size(1400, 400);
    const TimelineViewport vp = novemberView(renderer, size);
    TimelineScene scene;
    const QColor blue(0x1f, 0x77, 0xb4);
    for (int l = 0; l < index.laneCount(); ++l)
        scene.laneColors.insert(l, blue);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter p(&image);
        renderer.paint(p, size, vp, scene);
    }
    const QRect plot = renderer.plotRect(size);
    auto centreOf = [&](qint64 id) {
        const qsizetype i = index.positionOf(id);
        const auto [top, h] = renderer.laneBand(index.lane(i), scene);
        const double cy = firstRowCentre(renderer, top, h);
        const double t = 0.5 * double(index.earliest(i) + index.latest(i));
        return QPoint(int(std::round(plot.left() + vp.timeToX(t))), int(std::round(cy)));
    };
    auto colour = [&](QPoint p) { return QColor(image.pixel(p)); };
    auto near = [](QColor a, QColor b, int tol) {
        return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol &&
               std::abs(a.blue() - b.blue()) <= tol;
    };
    // Something dark in the ring just outside the mark (the dashed "uncertain" ring).
    auto darkRing = [&](QPoint c) {
        const int r = renderer.style().markRadius;
        for (int a = 0; a < 360; a += 5)
            for (double rr = r + 2; rr <= r + 4; rr += 0.5) {
                const QPoint p(int(std::round(c.x() + rr * std::cos(a * M_PI / 180))),
                               int(std::round(c.y() + rr * std::sin(a * M_PI / 180))));
                if (colour(p).lightness() < 90)
                    return true;
            }
        return false;
    };

    const QPoint plain = centreOf(k.plain), uncertain = centreOf(k.uncertain),
                 approximate = centreOf(k.approximate), unsourced = centreOf(k.unsourced);
    // Plain: a solid mark in the lane colour, nothing dark around it.
    QVERIFY2(near(colour(plain), blue, 12), qPrintable(colour(plain).name()));
    QVERIFY(!darkRing(plain));
    // Uncertain: the same solid mark with a dark dashed ring.
    QVERIFY(near(colour(uncertain), blue, 12));
    QVERIFY(darkRing(uncertain));
    // Approximate: a paler mark.
    const QColor approx = colour(approximate);
    QVERIFY2(approx.lightness() > blue.lightness() + 30, qPrintable(approx.name()));
    QVERIFY(!darkRing(approximate));
    // Unsourced: hollow (background inside) with a warning-coloured ring.
    QVERIFY2(colour(unsourced).lightness() > 230, qPrintable(colour(unsourced).name()));
    bool warned = false;
    for (int dx = -7; dx <= 7; ++dx)
        warned |= near(colour(unsourced + QPoint(dx, 0)), renderer.style().warning, 40);
    QVERIFY(warned);
    // Span: a bar in the lane colour along its whole length.
    const qsizetype si = index.positionOf(k.span);
    const auto [top, h] = renderer.laneBand(index.lane(si), scene);
    const int cy = int(std::round(firstRowCentre(renderer, top, h)));
    int barPixels = 0;
    for (int day = 9; day <= 23; day += 2) {
        // Probe just under the bar's middle line, below any label text.
        const int x =
            int(plot.left() + vp.timeToX(double(FuzzyDate::secondsFromCivil(2023, 11, day))));
        barPixels += near(colour(QPoint(x, cy + 4)), blue, 16) ? 1 : 0;
    }
    QVERIFY2(barPixels >= 7, qPrintable(QString::number(barPixels)));
    // Distinct from each other: the four centres differ in colour or surroundings.
    QVERIFY(colour(unsourced) != colour(plain));
    QVERIFY(colour(approximate) != colour(plain));
}

void TestTimeline::exportsPngSvgPdf() {
    Kinds k = makeKinds(m_dir.filePath(u"export.caseatlas"_s));
    for (const char* suffix : {"png", "svg", "pdf"}) {
        const QString out = m_dir.filePath(u"timeline."_s + QString::fromLatin1(suffix));
        TimelineExportOptions o;
        o.size = QSize(1200, 500);
        o.dpi = 144;
        const Status s = writeTimelineFile(k.doc->db(), out, o);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().fullText()));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(8);
        if (QByteArray(suffix) == "png") {
            QVERIFY(head.startsWith("\x89PNG"));
            QCOMPARE(QImage(out).size(), QSize(1800, 750)); // 144 DPI
        } else if (QByteArray(suffix) == "svg") {
            QVERIFY(f.readAll().contains("a-plain"));
        } else {
            QVERIFY(head.startsWith("%PDF"));
        }
    }
    QVERIFY(!writeTimelineFile(k.doc->db(), m_dir.filePath(u"timeline.gif"_s), {}).ok());
}

void TestTimeline::filterMasksEvents_data() {
    QTest::addColumn<QString>("criterion");
    QTest::addColumn<QStringList>("shown"); // titles
    QTest::addRow("nothing") << "" << QStringList{};
    QTest::addRow("text") << "text" << QStringList{u"b-uncertain"_s};
    QTest::addRow("text, other script") << "cjk" << QStringList{u"c-approximate"_s};
    QTest::addRow("tag") << "tag" << QStringList{u"e-span"_s};
    QTest::addRow("possibly in 8-9 Nov") << "possibly" << QStringList{u"e-span"_s};
    QTest::addRow("certainly in 1-12 Nov")
        << "certainly" << QStringList{u"a-plain"_s, u"b-uncertain"_s};
    QTest::addRow("public only") << "public"
                                 << QStringList{u"a-plain"_s, u"b-uncertain"_s, u"c-approximate"_s,
                                                u"e-span"_s};
    QTest::addRow("unsourced only") << "unsourced" << QStringList{u"d-unsourced"_s};
}

void TestTimeline::filterMasksEvents() {
    QFETCH(QString, criterion);
    QFETCH(QStringList, shown);
    Kinds k = makeKinds(m_dir.filePath(u"filter-%1.caseatlas"_s.arg(
        QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'))));
    Event d = k.doc->events().load(k.unsourced).value();
    d.sensitivity = Sensitivity::Confidential;
    QVERIFY(k.doc->updateEvent(d).ok());
    Event c = k.doc->events().load(k.approximate).value();
    c.description = u"Handed over at 老街"_s;
    QVERIFY(k.doc->updateEvent(c).ok());
    auto index = TimeIndex::load(k.doc->db()).value();
    FilterCriteria f;
    if (criterion == u"text")
        f.text = u"UNCERTAIN"_s;
    if (criterion == u"cjk")
        f.text = u"老街"_s; // two characters: a LIKE, not a trigram search
    if (criterion == u"tag")
        f.tags = {u"e-span"_s};
    if (criterion == u"possibly") {
        f.from = FuzzyDate::secondsFromCivil(2023, 11, 8);
        f.to = FuzzyDate::secondsFromCivil(2023, 11, 9) + 86399;
    }
    if (criterion == u"certainly") {
        f.from = FuzzyDate::secondsFromCivil(2023, 11, 1);
        f.to = FuzzyDate::secondsFromCivil(2023, 11, 12) + 86399;
        f.dateMode = FilterCriteria::DateMode::Certainly;
    }
    if (criterion == u"public")
        f.maxSensitivity = Sensitivity::Public;
    if (criterion == u"unsourced")
        f.unsourcedOnly = true;
    auto mask = CaseFilter::mask(k.doc->db(), index, f);
    QVERIFY(mask.ok());
    if (criterion.isEmpty()) {
        QVERIFY(!mask.value().has_value()); // nothing filtered: no mask at all
        return;
    }
    QStringList titles;
    for (qsizetype i = 0; i < index.size(); ++i)
        if ((*mask.value())[size_t(i)])
            titles << index.title(i);
    titles.sort();
    QCOMPARE(titles, shown);
}

void TestTimeline::filteredEventsAreNotDrawnOrHit() {
    Kinds k = makeKinds(m_dir.filePath(u"filtered-draw.caseatlas"_s));
    auto index = TimeIndex::load(k.doc->db()).value();
    TimelineRenderer renderer(index);
    const QSize size(1400, 400);
    const TimelineViewport vp = novemberView(renderer, size);
    TimelineScene scene;
    const qsizetype i = index.positionOf(k.plain);
    const auto [top, h] = renderer.laneBand(index.lane(i), scene);
    const QPointF at(renderer.plotRect(size).left() +
                         vp.timeToX(0.5 * double(index.earliest(i) + index.latest(i))),
                     firstRowCentre(renderer, top, h));
    QCOMPARE(renderer.hitTest(at, size, vp, scene).kind, TimelineRenderer::Hit::Kind::Event);
    FilterCriteria f;
    f.unsourcedOnly = true;
    std::vector<bool> shown = *CaseFilter::mask(k.doc->db(), index, f).value();
    scene.shown = &shown;
    QCOMPARE(renderer.hitTest(at, size, vp, scene).kind, TimelineRenderer::Hit::Kind::None);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    renderer.paint(p, size, vp, scene);
    QVERIFY(QColor(image.pixel(at.toPoint())).lightness() > 200); // no mark there
}

void TestTimeline::shiftKeepsPrecision_data() {
    QTest::addColumn<QString>("date");
    QTest::addColumn<double>("days");
    QTest::addColumn<QString>("expected");
    QTest::addRow("day") << "2023-11-12" << 3.4 << "2023-11-15";
    QTest::addRow("day back over a month") << "2023-03-01" << -1.0 << "2023-02-28";
    QTest::addRow("uncertain day") << "2023-11-12?" << 1.0 << "2023-11-13?";
    QTest::addRow("month") << "2023-11~" << 62.0 << "2024-01~";
    QTest::addRow("month, small move") << "2023-11" << 10.0 << "2023-11";
    QTest::addRow("season") << "2023-24" << 92.0 << "2024-21";
    QTest::addRow("year") << "2023" << -365.0 << "2022";
    QTest::addRow("decade") << "201X" << 3700.0 << "202X";
    QTest::addRow("interval") << "2023-10-27/2024-01-05" << 7.0 << "2023-11-03/2024-01-12";
    QTest::addRow("open end") << "2023-10/.." << 31.0 << "2023-11/..";
    QTest::addRow("minute") << "2023-11-12T14:30Z" << 0.5 << "2023-11-13T02:30Z";
}

void TestTimeline::shiftKeepsPrecision() {
    QFETCH(QString, date);
    QFETCH(double, days);
    QFETCH(QString, expected);
    QCOMPARE(FuzzyDate::parse(date).value().shifted(qint64(days * 86400)).toEdtf(), expected);
}

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv); // fonts
    TestTimeline test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_timeline.moc"
