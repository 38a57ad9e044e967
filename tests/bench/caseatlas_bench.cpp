// caseatlas-bench [--only PREFIX] [--sizes 10000,100000,1000000] [--runs N]
// Groups: generate, open.case, timeindex.load, timeline, map, export, brief, search, import.acled,
// map.import.
// Prints one JSON object per line and measurement:
// {"bench":"open","n":100000,"median_ms":…,"p95_ms":…,"runs":…,"peak_rss_mb":…}
#include "geo/layerimport.h"
#include "io/caseexport.h"
#include "io/eventimport.h"
#include "io/syntheticcase.h"
#include "io/timelineexport.h"
#include "model/casedocument.h"
#include "model/casemapdata.h"
#include "model/chartdata.h"
#include "model/timeindex.h"
#include "render/briefing.h"
#include "render/mapframecache.h"
#include "render/maprenderer.h"
#include "render/timelinerenderer.h"
#include "store/caseindexes.h"
#include "store/searchindex.h"
#include "store/searchindexer.h"
#include "store/sqlite.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using namespace caseatlas;

namespace {

// Resets the kernel's peak-RSS mark so each measurement reports its own peak.
void resetPeakRss() {
    malloc_trim(0); // hand freed memory back, so the peak is this measurement's own
    QFile f(u"/proc/self/clear_refs"_s);
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

double peakRssMb() {
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const double pos = p * double(v.size() - 1);
    const auto lo = size_t(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

// Runs `body` `runs` times (after `setup` each time, untimed) and prints one JSON line.
bool measure(const QString& name, qint64 n, int runs, const std::function<bool()>& setup,
             const std::function<bool()>& body, QJsonObject extra = {}) {
    std::vector<double> times;
    double peak = 0;
    for (int i = 0; i < runs; ++i) {
        if (setup && !setup())
            return false;
        resetPeakRss();
        QElapsedTimer t;
        t.start();
        if (!body())
            return false;
        times.push_back(double(t.nsecsElapsed()) / 1e6);
        peak = std::max(peak, peakRssMb());
    }
    QJsonObject o{{u"bench"_s, name},
                  {u"n"_s, n},
                  {u"median_ms"_s, std::round(percentile(times, 0.5) * 100) / 100},
                  {u"p95_ms"_s, std::round(percentile(times, 0.95) * 100) / 100},
                  {u"runs"_s, runs},
                  {u"peak_rss_mb"_s, std::round(peak * 10) / 10}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return true;
}

// Runs a program to its end as a child process (output to /dev/null, error output kept in
// `errorFile` for a failure's message). `peakMb`, if given, gets the larger of its value and the
// child's own peak resident memory: wait4's rusage is that child's alone, where RUSAGE_CHILDREN
// keeps the largest child the benchmark ever ran.
bool runChild(const QString& program, const QStringList& arguments, const QString& errorFile,
              QString& error, double* peakMb = nullptr) {
    const QByteArray file = QFile::encodeName(program);
    QList<QByteArray> args{file};
    for (const QString& a : arguments)
        args.append(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const QByteArray errorPath = QFile::encodeName(errorFile);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, errorPath.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = -1;
    const int spawned =
        posix_spawnp(&pid, file.constData(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        error = u"%1 could not be started: %2"_s.arg(
            program, QString::fromLocal8Bit(std::strerror(spawned)));
        return false;
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        QFile f(errorFile);
        error = u"%1 failed: %2"_s.arg(
            program, f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.read(500)) : QString());
        return false;
    }
    if (peakMb)
        *peakMb = std::max(*peakMb, double(usage.ru_maxrss) / 1024.0);
    return true;
}

} // namespace

int main(int argc, char* argv[]) {
    SqliteDatabase::configureLibrary(); // as the app's main() does
    // Drawing needs fonts, hence a GUI application, but never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"CaseAtlas benchmarks: one JSON line per measurement."_s);
    parser.addHelpOption();
    parser.addOption(
        {u"only"_s, u"Run only benchmarks whose name starts with PREFIX."_s, u"PREFIX"_s});
    parser.addOption(
        {u"sizes"_s, u"Comma-separated event counts."_s, u"LIST"_s, u"10000,100000,1000000"_s});
    parser.addOption({u"runs"_s, u"Timed runs per measurement (generate runs once above 100k)."_s,
                      u"N"_s, u"5"_s});
    parser.process(app);
    const QString only = parser.value(u"only"_s);
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    // A group ("map") is entered for any of its benchmarks ("map.frame"), and a name for its group.
    auto wanted = [&](const QString& name) {
        return only.isEmpty() || name.startsWith(only) || only.startsWith(name);
    };

    QTemporaryDir dir;
    // CASEATLAS_BENCH_KEEP set: the files written (cases, CSV) stay, to look at or time by hand.
    if (qEnvironmentVariableIsSet("CASEATLAS_BENCH_KEEP")) {
        dir.setAutoRemove(false);
        qInfo("benchmark files kept in %s", qPrintable(dir.path()));
    }
    if (wanted(u"gazetteer"_s)) {
        // gazetteer.load: the shipped gazetteer read into memory (the map's first frame waits
        // for it); gazetteer.lookup: one type-ahead query, the name index already built.
        std::optional<Gazetteer> loaded;
        if (!measure(u"gazetteer.load"_s, 0, runs, {},
                     [&] {
                         auto g = Gazetteer::load();
                         if (!g)
                             return false;
                         loaded.emplace(std::move(g).value());
                         return true;
                     },
                     {{u"places"_s, qint64(Gazetteer::shared().places().size())}}))
            return 1;
        (void)Gazetteer::shared().lookup(u"warm"_s);
        const QStringList typed = {u"La"_s,   u"Laukkai"_s, u"mongla"_s, u"Tachileik"_s,
                                   u"昆明"_s, u"လားရှိုး"_s,   u"Xqzzy"_s};
        int i = 0;
        if (!measure(u"gazetteer.lookup"_s, 0, std::max(runs, 50), {}, [&] {
                return Gazetteer::shared().lookup(typed[i++ % typed.size()], 20).size() >= 0;
            }))
            return 1;
    }
    // The benchmarks run on a generated case of each size (the imports make their own files).
    bool perSize = false;
    for (const char* name : {"generate", "open.case", "timeindex", "timeline", "edit.visible",
                             "edit.charts", "map.frame", "export", "brief", "search"})
        perSize = perSize || wanted(QString::fromLatin1(name));
    for (const QString& s : parser.value(u"sizes"_s).split(u',', Qt::SkipEmptyParts)) {
        if (!perSize)
            break;
        bool ok = false;
        const qint64 n = s.trimmed().toLongLong(&ok);
        if (!ok || n < 0) {
            std::fprintf(stderr, "caseatlas-bench: bad size \"%s\"\n", qPrintable(s));
            return 2;
        }
        const QString path = dir.filePath(u"bench-%1.caseatlas"_s.arg(n));
        auto fail = [&](const Error& e) {
            std::fprintf(stderr, "caseatlas-bench: %s\n", qPrintable(e.fullText()));
            return 1;
        };

        // generate: create a case and write n synthetic events (one transaction). Always run, since
        // the other benchmarks read its file; timed and printed only when selected.
        Error error;
        auto generate = [&] {
            QFile::remove(path);
            auto file = CaseFile::create(path, u"bench"_s);
            if (!file) {
                error = file.error();
                return false;
            }
            const Status st = generateSyntheticCase(file.value(), {n, 1, {}});
            if (!st) {
                error = st.error();
                return false;
            }
            return true;
        };
        if (wanted(u"generate"_s)) {
            if (!measure(u"generate"_s, n, n > 100000 ? 1 : std::min(runs, 3), {}, generate))
                return fail(error);
        } else if (!generate()) {
            return fail(error);
        }
        std::fprintf(stderr, "case file: %.1f MB for %lld events\n",
                     double(QFileInfo(path).size()) / 1e6, qlonglong(n));

        if (wanted(u"open.case"_s)) {
            // open: identify, quick_check, schema check, read-write connection — what a window
            // waits for.
            if (!measure(u"open.case"_s, n, runs, {}, [&] {
                    auto doc = CaseDocument::open(path);
                    if (!doc) {
                        error = doc.error();
                        return false;
                    }
                    return true;
                }))
                return fail(error);
        }
        if (wanted(u"timeindex.load"_s)) {
            auto doc = CaseDocument::open(path);
            if (!doc)
                return fail(doc.error());
            std::size_t bytes = 0;
            if (!measure(u"timeindex.load"_s, n, runs, {}, [&] {
                    auto index = TimeIndex::load(doc.value()->db());
                    if (!index) {
                        error = index.error();
                        return false;
                    }
                    bytes = index.value().memoryBytes();
                    return index.value().size() == n;
                }))
                return fail(error);
            std::fprintf(stderr, "timeindex: %zu bytes for %lld events\n", bytes, qlonglong(n));
        }
        if (wanted(u"timeline"_s)) {
            auto doc = CaseDocument::open(path);
            if (!doc)
                return fail(doc.error());
            SqliteDatabase& db = doc.value()->db();
            // timeline.index_build: everything the timeline needs from the file before its first
            // frame.
            std::optional<TimeIndex> index;
            if (!measure(
                    // The previous run's index is dropped first: the peak is one build's own.
                    u"timeline.index_build"_s, n, std::min(runs, 3),
                    [&] {
                        index.reset();
                        return true;
                    },
                    [&] {
                        auto loaded = TimeIndex::load(db, LaneGrouping::Tag);
                        if (!loaded) {
                            error = loaded.error();
                            return false;
                        }
                        index = std::move(loaded).value();
                        return true;
                    },
                    QJsonObject{}))
                return fail(error);
            auto scene = caseTimelineScene(db, *index);
            if (!scene)
                return fail(scene.error());
            TimelineStyle style;
            style.font.setPixelSize(12);
            TimelineRenderer renderer(*index, style);
            const QSize size(1920, 1080);
            QImage frame(size, QImage::Format_ARGB32_Premultiplied); // reused, as the view does
            frame.fill(Qt::white);
            qint64 from = 0, to = 0;
            index->extent(from, to);
            const double centre = 0.5 * (double(from) + double(to));
            const struct {
                const char* name;
                double seconds;
            } zooms[] = {{"all", 0},
                         {"decade", 10 * 365.25 * 86400},
                         {"year", 365.25 * 86400},
                         {"month", 30.44 * 86400},
                         {"week", 7 * 86400},
                         {"day", 86400}};
            const int frames = std::max(runs, 30);
            for (const auto& z : zooms) {
                const double span = z.seconds > 0 ? z.seconds : double(to - from) * 1.04;
                TimelineViewport vp =
                    renderer.viewportFor(size, centre - span / 2, centre + span / 2);
                int frameNo = 0;
                if (!measure(
                        u"timeline.frame"_s, n, frames,
                        [&] {
                            // A small pan each frame, as when the user drags.
                            vp.panPixels(frameNo++ % 2 ? 3 : -3);
                            return true;
                        },
                        [&] {
                            QPainter p(&frame);
                            renderer.paint(p, size, vp, scene.value());
                            return true;
                        },
                        QJsonObject{
                            {u"zoom"_s, QString::fromLatin1(z.name)},
                            {u"index_mb"_s, std::round(double(index->memoryBytes()) / 1e5) / 10}}))
                    return fail(error);
            }
        }
        if (wanted(u"edit.visible"_s)) {
            // edit.visible: an event's date and point changed in the open case (one undoable
            // edit, committed to the disk) and the timeline's index and the map's data brought
            // up to date from the change notice, as the views do before they repaint;
            // edit.visible.frame: the same and then a timeline frame (a month around the event)
            // and a map frame (about 1,000 km) drawn, 1920×1080 each.
            auto doc = CaseDocument::open(path);
            if (!doc)
                return fail(doc.error());
            CaseDocument& d = *doc.value();
            auto index = TimeIndex::load(d.db(), LaneGrouping::Tag);
            auto data = CaseMapData::load(d.db());
            auto basemap = Basemap::load();
            if (!index || !data || !basemap)
                return fail(!index ? index.error() : !data ? data.error() : basemap.error());
            QList<qint64> notice;
            QObject::connect(&d, &CaseDocument::recordsChanged,
                             [&](RecordKind, const QList<qint64>& ids) { notice = ids; });
            auto scene = caseTimelineScene(d.db(), index.value());
            if (!scene)
                return fail(scene.error());
            TimelineStyle timelineStyle;
            timelineStyle.font.setPixelSize(12);
            TimelineRenderer timeline(index.value(), timelineStyle);
            MapStyle mapStyle;
            mapStyle.font.setPixelSize(12);
            MapRenderer map(mapStyle);
            MapScene mapScene;
            mapScene.basemap = &basemap.value();
            mapScene.data = &data.value();
            const QSize size(1920, 1080);
            QImage frame(size, QImage::Format_ARGB32_Premultiplied);
            QRandomGenerator pick(19);
            int editNo = 0;
            Event edited;
            auto edit = [&] {
                const qint64 id = 1 + qint64(pick.bounded(quint64(std::max<qint64>(n, 1))));
                auto loaded = d.events().load(id);
                if (!loaded) {
                    error = loaded.error();
                    return false;
                }
                edited = loaded.value();
                edited.start = FuzzyDate::parse(u"20%1-0%2-1%3"_s.arg(10 + editNo % 10)
                                                    .arg(1 + editNo % 9)
                                                    .arg(editNo % 10))
                                   .value();
                edited.end = {};
                edited.point = GeoPoint{94 + 0.01 * (editNo % 100), 20 + 0.01 * (editNo % 50)};
                ++editNo;
                QElapsedTimer parts;
                parts.start();
                Status s = d.updateEvent(edited);
                const qint64 tEdit = parts.nsecsElapsed();
                if (s) {
                    auto updated = index.value().update(d.db(), notice);
                    const qint64 tIndex = parts.nsecsElapsed();
                    if (qEnvironmentVariableIsSet("CASEATLAS_BENCH_VERBOSE"))
                        std::fprintf(stderr, "edit %.2f ms, index %.2f ms\n", tEdit / 1e6,
                                     (tIndex - tEdit) / 1e6);
                    if (!updated)
                        s = updated.error();
                    else if (!updated.value())
                        s = makeError(ErrorCode::InvalidInput, u"the edit needed a load"_s);
                }
                if (s)
                    s = data.value().updateEvents(d.db(), notice);
                if (!s)
                    error = s.error();
                return s.ok();
            };
            if (!measure(u"edit.visible"_s, n, std::max(runs, 20), {}, edit))
                return fail(error);
            if (!measure(u"edit.visible.frame"_s, n, std::max(runs, 20), {}, [&] {
                    if (!edit())
                        return false;
                    const double t = double(edited.start.earliest());
                    QPainter p(&frame);
                    timeline.paint(p, size,
                                   timeline.viewportFor(size, t - 15 * 86400, t + 15 * 86400),
                                   scene.value());
                    map.paint(p, MapViewport::fitting(93, 17, 102, 26, size, 0), mapScene);
                    return true;
                }))
                return fail(error);
        }
        if (wanted(u"edit.charts"_s)) {
            // chart.load: the events-per-period chart (period chosen, stacked by tag) worked out
            // from the whole case, as when the charts are shown; edit.charts: an event's date
            // and tags changed in the open case (one undoable edit, committed) with that chart
            // shown, and its figures brought up to date from the edit — the edit's events read
            // before and after it writes — ready to draw.
            auto doc = CaseDocument::open(path);
            if (!doc)
                return fail(doc.error());
            CaseDocument& d = *doc.value();
            std::optional<ChartTally> tally;
            if (!measure(u"chart.load"_s, n, std::min(runs, 3), {}, [&] {
                    auto t = ChartTally::load(d.db(), {},
                                              {ChartKind::EventsPerPeriod, ChartPeriod::Auto, {}});
                    if (!t) {
                        error = t.error();
                        return false;
                    }
                    tally = std::move(t).value();
                    return true;
                }))
                return fail(error);
            QObject::connect(
                &d, &CaseDocument::eventsAboutToChange, &d,
                [&](const QList<qint64>& ids) { tally->eventsAboutToChange(d.db(), ids); });
            QObject::connect(&d, &CaseDocument::eventsWritten, &d,
                             [&](const QList<qint64>& ids) { tally->eventsWritten(d.db(), ids); });
            bool followed = false;
            QObject::connect(
                &d, &CaseDocument::recordsChanged, &d,
                [&](RecordKind, const QList<qint64>& ids) { followed = tally->applyChange(ids); });
            QRandomGenerator pick(29);
            int editNo = 0, reloads = 0;
            qint64 bars = 0;
            if (!measure(u"edit.charts"_s, n, std::max(runs, 20), {}, [&] {
                    const qint64 id = 1 + qint64(pick.bounded(quint64(std::max<qint64>(n, 1))));
                    auto loaded = d.events().load(id);
                    if (!loaded) {
                        error = loaded.error();
                        return false;
                    }
                    Event edited = loaded.value();
                    edited.start = FuzzyDate::parse(u"20%1-0%2-1%3"_s.arg(10 + editNo % 10)
                                                        .arg(1 + editNo % 9)
                                                        .arg(editNo % 10))
                                       .value();
                    edited.end = {};
                    edited.tags = {editNo % 2 ? u"crackdown"_s : u"finance"_s};
                    ++editNo;
                    const Status s = d.updateEvent(edited);
                    if (!s) {
                        error = s.error();
                        return false;
                    }
                    if (!followed) { // the chart's period changed: read afresh, as the
                                     // panel does
                        ++reloads;
                        auto t = ChartTally::load(d.db(), {}, tally->request());
                        if (!t) {
                            error = t.error();
                            return false;
                        }
                        tally = std::move(t).value();
                    }
                    bars = tally->periodCounts().buckets.size();
                    return true;
                }))
                return fail(error);
            std::fprintf(stderr, "edit.charts: %lld bars, %d read afresh\n", qlonglong(bars),
                         reloads);
        }
        if (wanted(u"map"_s)) {
            // map.frame.cold: a whole 1920×1080 frame drawn from scratch (no tile cache yet, so
            // this is also what every frame costs today).
            auto doc = CaseDocument::open(path);
            if (!doc)
                return fail(doc.error());
            auto basemap = Basemap::load();
            if (!basemap)
                return fail(basemap.error());
            auto data = CaseMapData::load(doc.value()->db());
            if (!data)
                return fail(data.error());
            MapStyle style;
            style.font.setPixelSize(12);
            MapRenderer renderer(style);
            MapScene scene;
            scene.basemap = &basemap.value();
            scene.gazetteer = &Gazetteer::shared();
            scene.data = &data.value();
            const QSize size(1920, 1080);
            QImage frame(size, QImage::Format_ARGB32_Premultiplied);
            frame.fill(Qt::white);
            const struct {
                const char* name;
                double west, south, east, north;
            } zooms[] = {{"world", -180, -60, 180, 75},
                         {"region", 93.0, 17.0, 102.0, 26.0},   // about 1,000 km across
                         {"city", 98.70, 23.66, 98.80, 23.72}}; // about 10 km across
            for (const auto& z : zooms) {
                MapViewport vp = MapViewport::fitting(z.west, z.south, z.east, z.north, size, 0);
                int frameNo = 0;
                if (!measure(
                        u"map.frame.cold"_s, n, std::max(runs, 10),
                        [&] {
                            vp.panPixels(QPointF(frameNo++ % 2 ? 100 : -100, 0));
                            return true;
                        },
                        [&] {
                            QPainter p(&frame);
                            renderer.paint(p, vp, scene);
                            return true;
                        },
                        QJsonObject{{u"zoom"_s, QString::fromLatin1(z.name)}}))
                    return fail(error);
                // map.frame.cached: the view's frame cache, panning 100 px per frame.
                MapFrameCache cache(renderer);
                {
                    QPainter warm(&frame);
                    cache.paint(warm, vp, scene, 1);
                }
                int step = 0;
                if (!measure(
                        u"map.frame.cached"_s, n, std::max(runs, 30),
                        [&] {
                            vp.panPixels(QPointF(step++ % 2 ? 100 : -100, 0));
                            return true;
                        },
                        [&] {
                            QPainter p(&frame);
                            cache.paint(p, vp, scene, 1);
                            return cache.lastPaintWasCached();
                        },
                        QJsonObject{{u"zoom"_s, QString::fromLatin1(z.name)}}))
                    return fail(error);
            }
        }
        if (wanted(u"export"_s)) {
            // export.geojson, export.csv: every event of the case (full profile), streamed to a
            // file; the custody log records each export.
            for (const auto& [name, format, suffix] :
                 {std::tuple{u"export.geojson"_s, ExportFormat::GeoJson, u"geojson"_s},
                  std::tuple{u"export.csv"_s, ExportFormat::Csv, u"csv"_s}}) {
                if (!wanted(name))
                    continue;
                auto doc = CaseDocument::open(path);
                if (!doc)
                    return fail(doc.error());
                const QString out = dir.filePath(u"export."_s + suffix);
                const ExportFormat exportFormat = format; // (clang 14 cannot capture bindings)
                qint64 bytes = 0;
                if (!measure(name, n, n > 100000 ? 1 : std::min(runs, 3), {}, [&] {
                        ExportOptions o;
                        o.format = exportFormat;
                        o.profile = ExportProfile::Full;
                        o.who = u"bench"_s;
                        auto r = exportCase(*doc.value(), out, o);
                        if (!r) {
                            error = r.error();
                            return false;
                        }
                        bytes = QFileInfo(out).size();
                        return r.value().events == n;
                    }))
                    return fail(error);
                std::fprintf(stderr, "%s: %.1f MB\n", qPrintable(name), double(bytes) / 1e6);
                QFile::remove(out);
            }
        }
        if (wanted(u"brief.render"_s) && n <= 100000) {
            // brief.render: a PDF briefing of all the case's events (title, map, timeline
            // strip, cards capped at 60 with a count of the rest, chart, sources, method).
            auto doc = CaseDocument::open(path);
            if (!doc)
                return fail(doc.error());
            const QString out = dir.filePath(u"brief.pdf"_s);
            int pages = 0;
            if (!measure(u"brief.render"_s, n, std::min(runs, 3), {}, [&] {
                    BriefingOptions o;
                    o.profile = ExportProfile::Full; // every event (some are confidential)
                    o.who = u"bench"_s;
                    auto r = writeBriefing(*doc.value(), out, o);
                    if (!r) {
                        error = r.error();
                        return false;
                    }
                    pages = r.value().pages;
                    return r.value().events == n;
                }))
                return fail(error);
            std::fprintf(stderr, "brief.render: %d pages, %.1f MB\n", pages,
                         double(QFileInfo(out).size()) / 1e6);
            QFile::remove(out);
        }
        QFile::remove(path);

        if (wanted(u"search"_s)) {
            // A case of its own: titles in English, Chinese and Burmese, one note per ten events.
            const QString searchPath = dir.filePath(u"search-%1.caseatlas"_s.arg(n));
            {
                auto file = CaseFile::create(searchPath, u"search bench"_s);
                if (!file)
                    return fail(file.error());
                SyntheticCaseOptions o;
                o.events = n;
                o.seed = 7;
                o.multilingual = true;
                o.noteFraction = 0.1;
                if (Status st = generateSyntheticCase(file.value(), o); !st)
                    return fail(st.error());
            }
            auto file = CaseFile::open(searchPath);
            if (!file)
                return fail(file.error());
            SearchIndex index(file.value().db());
            const qint64 records = index.pending().ok() ? index.pending().value() : 0;
            if (wanted(u"search.index_build"_s) &&
                !measure(
                    u"search.index_build"_s, n, 1, {},
                    [&] {
                        auto done = index.update({}, SearchIndexer::Chunk);
                        if (!done)
                            error = done.error();
                        return done.ok() && done.value() == records;
                    },
                    QJsonObject{{u"records"_s, records}}))
                return fail(error);
            if (!wanted(u"search.index_build"_s)) {
                if (auto done = index.update({}, SearchIndexer::Chunk); !done)
                    return fail(done.error());
            }
            std::fprintf(stderr, "search case: %.1f MB, %lld records indexed\n",
                         double(QFileInfo(searchPath).size()) / 1e6, qlonglong(records));
            if (wanted(u"search.query"_s)) {
                // Twenty mixed queries: Latin words and phrases, Chinese of 1, 2 and 4
                // characters, Burmese words and a two-code-point Burmese term, mixed scripts.
                const QStringList queries = {
                    u"raid"_s,          u"compound"_s,    u"place 12"_s,
                    u"Workers freed"_s, u"trafficking"_s, u"Working note 7"_s,
                    u"缅北"_s,          u"果敢"_s,        u"遣返"_s,
                    u"诈骗"_s,          u"老街"_s,        u"电信诈骗"_s,
                    u"人口贩卖"_s,      u"诈骗园区"_s,    u"魏"_s,
                    u"လောက်ကိုင်"_s,        u"နယ်စပ်"_s,        u"မြ"_s,
                    u"police 缅北"_s,   u"Raid 果敢"_s};
                std::vector<double> times;
                qint64 results = 0;
                resetPeakRss();
                for (int r = 0; r < std::max(runs, 3); ++r)
                    for (const QString& q : queries) {
                        QElapsedTimer t;
                        t.start();
                        auto hits = index.search(q, 20);
                        times.push_back(double(t.nsecsElapsed()) / 1e6);
                        if (qEnvironmentVariableIsSet("CASEATLAS_BENCH_VERBOSE"))
                            std::fprintf(stderr, "  %-16s %8.2f ms\n", qPrintable(q), times.back());
                        if (!hits)
                            return fail(hits.error());
                        results += hits.value().size();
                    }
                QJsonObject o{
                    {u"bench"_s, u"search.query"_s},
                    {u"n"_s, n},
                    {u"median_ms"_s, std::round(percentile(times, 0.5) * 100) / 100},
                    {u"p95_ms"_s, std::round(percentile(times, 0.95) * 100) / 100},
                    {u"max_ms"_s,
                     std::round(*std::max_element(times.begin(), times.end()) * 100) / 100},
                    {u"queries"_s, int(queries.size())},
                    {u"runs"_s, std::max(runs, 3)},
                    {u"results"_s, results},
                    {u"peak_rss_mb"_s, std::round(peakRssMb() * 10) / 10}};
                std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
                std::fflush(stdout);
            }
            file.value().close();
            if (wanted(u"search.cli"_s)) {
                // `caseatlas search` as a user runs it: a new process that opens the case,
                // finds its index current and prints the hits (wall time of the process).
                const QString cli = QCoreApplication::applicationDirPath() + u"/caseatlas"_s;
                int i = 0;
                const QStringList queries = {u"raid"_s, u"果敢"_s, u"Workers freed"_s};
                if (!measure(u"search.cli"_s, n, runs, {}, [&] {
                        QProcess p;
                        p.start(cli, {u"search"_s, searchPath, queries[i++ % queries.size()]});
                        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
                            p.exitCode() != 0) {
                            error = makeError(ErrorCode::Io, u"caseatlas search failed"_s,
                                              QString::fromUtf8(p.readAllStandardError()));
                            return false;
                        }
                        return true;
                    }))
                    return fail(error);
            }
            QFile::remove(searchPath);
        }
    }
    if (wanted(u"import.acled"_s)) {
        // An ACLED export of the largest size asked for (current 31-column layout), written
        // here with made-up but plausible rows, then imported into an empty case.
        qint64 rows = 0;
        for (const QString& s : parser.value(u"sizes"_s).split(u',', Qt::SkipEmptyParts))
            rows = std::max(rows, s.trimmed().toLongLong());
        const QString csvPath = dir.filePath(u"acled.csv"_s);
        if (Status s = writeSyntheticAcled(csvPath, rows); !s) {
            std::fprintf(stderr, "caseatlas-bench: %s\n", qPrintable(s.error().fullText()));
            return 1;
        }
        const double mb = double(QFileInfo(csvPath).size()) / 1e6;
        const QString target = dir.filePath(u"acled.caseatlas"_s);
        auto fail = [](const Error& e) {
            std::fprintf(stderr, "caseatlas-bench: %s\n", qPrintable(e.fullText()));
            return 1;
        };
        Error error;
        std::optional<CaseFile> file;
        if (!measure(
                u"import.acled"_s, rows, 1,
                [&] {
                    file.reset();
                    QFile::remove(target);
                    auto created = CaseFile::create(target, u"acled"_s);
                    if (!created) {
                        error = created.error();
                        return false;
                    }
                    file.emplace(std::move(created).value());
                    return true;
                },
                [&] {
                    auto report = importAcled(*file, csvPath);
                    if (!report) {
                        error = report.error();
                        return false;
                    }
                    return report.value().added == rows;
                },
                QJsonObject{{u"file_mb"_s, std::round(mb)}}))
            return fail(error);
        // The lookup indexes the import left for straight after its commit (see
        // ImportOptions::deferIndexesFrom), then the full-text index; both run in the app's
        // background while the events are already shown.
        if (wanted(u"import.acled.indexes"_s) &&
            !measure(u"import.acled.indexes"_s, rows, 1, {}, [&] {
                auto built = buildMissingIndexes(file->db());
                if (!built)
                    error = built.error();
                return built.ok();
            }))
            return fail(error);
        file.reset();
        // The same file imported by `caseatlas import` (a process: the import, then the lookup
        // indexes), and by SQLite's own shell into a table of text columns (.import --csv, no
        // index): the floor an import of this file can approach.
        const QString childErrors = dir.filePath(u"child-stderr.txt"_s);
        double cliPeakMb = 0; // the import processes' own peak memory
        auto runProcess = [&](const QString& program, const QStringList& arguments,
                              double* peakMb = nullptr) {
            QString message;
            if (runChild(program, arguments, childErrors, message, peakMb))
                return true;
            error = makeError(ErrorCode::Io, message);
            return false;
        };
        const QString cliTarget = dir.filePath(u"acled-cli.caseatlas"_s);
        const QString rawTarget = dir.filePath(u"acled-raw.db"_s);
        const QString cli = QCoreApplication::applicationDirPath() + u"/caseatlas"_s;
        auto cliImport = [&] {
            return runProcess(cli, {u"new"_s, cliTarget, u"--title"_s, u"acled"_s}) &&
                   runProcess(cli, {u"import"_s, cliTarget, csvPath, u"--format"_s, u"acled"_s},
                              &cliPeakMb);
        };
        auto rawImport = [&] {
            return runProcess(u"sqlite3"_s, {rawTarget, u".import --csv %1 acled"_s.arg(csvPath)});
        };
        if (wanted(u"import.acled.cli"_s) &&
            !measure(
                u"import.acled.cli"_s, rows, 1, [&] { return QFile::remove(cliTarget) || true; },
                cliImport, QJsonObject{{u"file_mb"_s, std::round(mb)}}))
            return fail(error);
        if (wanted(u"import.acled.cli"_s)) {
            // The import process's own peak (its wait4 rusage), not any other child's.
            const QJsonObject o{{u"bench"_s, u"import.acled.cli.memory"_s},
                                {u"n"_s, rows},
                                {u"child_peak_rss_mb"_s, std::round(cliPeakMb * 10) / 10}};
            std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
            std::fflush(stdout);
        }
        QFile::remove(cliTarget);
        if (wanted(u"import.acled.sqlite3"_s) &&
            !measure(
                u"import.acled.sqlite3"_s, rows, 1,
                [&] { return QFile::remove(rawTarget) || true; }, rawImport,
                QJsonObject{{u"file_mb"_s, std::round(mb)}}))
            return fail(error);
        if (wanted(u"import.acled.cli_over_sqlite3"_s)) {
            // The two side by side: three pairs run alternately, so that a slow minute of a
            // shared machine weighs on both sides of a ratio.
            QJsonArray ratios, cliMs, rawMs;
            std::vector<double> each;
            for (int i = 0; i < 3; ++i) {
                QFile::remove(rawTarget);
                QFile::remove(cliTarget);
                QElapsedTimer t;
                t.start();
                if (!rawImport())
                    return fail(error);
                const double raw = double(t.nsecsElapsed()) / 1e6;
                t.restart();
                if (!cliImport())
                    return fail(error);
                const double ours = double(t.nsecsElapsed()) / 1e6;
                each.push_back(ours / raw);
                ratios.append(std::round(ours / raw * 100) / 100);
                cliMs.append(std::round(ours));
                rawMs.append(std::round(raw));
            }
            const QJsonObject o{{u"bench"_s, u"import.acled.cli_over_sqlite3"_s},
                                {u"n"_s, rows},
                                {u"median_ratio"_s, std::round(percentile(each, 0.5) * 100) / 100},
                                {u"ratios"_s, ratios},
                                {u"cli_ms"_s, cliMs},
                                {u"sqlite3_ms"_s, rawMs}};
            std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
            std::fflush(stdout);
            QFile::remove(cliTarget);
        }
        QFile::remove(rawTarget);
        auto reopen = [&] {
            auto opened = CaseFile::open(target);
            if (!opened) {
                error = opened.error();
                return false;
            }
            file.emplace(std::move(opened).value());
            return true;
        };
        if (wanted(u"import.acled.search_index"_s) &&
            (!reopen() || !measure(u"import.acled.search_index"_s, rows, 1, {}, [&] {
                auto done = SearchIndex(file->db()).update({}, SearchIndexer::Chunk);
                if (!done)
                    error = done.error();
                return done.ok();
            })))
            return fail(error);
    }
    if (wanted(u"map.import"_s)) {
        // map.import.geojson: a 100 MB GeoJSON of points with a few properties, imported into a
        // case.
        const QString geojson = dir.filePath(u"import.geojson"_s);
        {
            QFile f(geojson);
            if (!f.open(QIODevice::WriteOnly))
                return 1;
            f.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            qint64 written = 0;
            for (qint64 i = 0; written < 100'000'000; ++i) {
                const QByteArray line =
                    QByteArray(i ? ",\n" : "") +
                    "{\"type\":\"Feature\",\"properties\":{\"id\":" + QByteArray::number(i) +
                    ",\"name\":\"Site " + QByteArray::number(i) +
                    "\",\"kind\":\"compound\",\"note\":\"synthetic\"},"
                    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[" +
                    QByteArray::number(92.5 + double(i % 9000) / 1000.0, 'f', 5) + "," +
                    QByteArray::number(15.0 + double(i % 12500) / 1000.0, 'f', 5) + "]}}";
                written += f.write(line);
            }
            f.write("\n]}\n");
        }
        const double mb = double(QFileInfo(geojson).size()) / 1e6;
        const QString target = dir.filePath(u"import.caseatlas"_s);
        Error error;
        qint64 features = 0;
        if (!measure(
                u"map.import.geojson"_s, 0, 1,
                [&] {
                    QFile::remove(target);
                    return true;
                },
                [&] {
                    auto file = CaseFile::create(target, u"import"_s);
                    if (!file) {
                        error = file.error();
                        return false;
                    }
                    auto layers = importLayers(file.value(), geojson);
                    if (!layers) {
                        error = layers.error();
                        return false;
                    }
                    features = layers.value().first().features;
                    return true;
                },
                QJsonObject{{u"file_mb"_s, std::round(mb)}}))
            return 1;
        std::fprintf(stderr, "imported %lld features from %.0f MB\n", qlonglong(features), mb);
    }
    return 0;
}
