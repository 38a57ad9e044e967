// caseatlas-bench [--only PREFIX] [--sizes 10000,100000,1000000] [--runs N]
// Prints one JSON object per line and measurement:
// {"bench":"open","n":100000,"median_ms":…,"p95_ms":…,"runs":…,"peak_rss_mb":…}
#include "io/syntheticcase.h"
#include "store/casedocument.h"
#include "store/timeindex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <functional>

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

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
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
    auto wanted = [&](const QString& name) { return only.isEmpty() || name.startsWith(only); };

    QTemporaryDir dir;
    for (const QString& s : parser.value(u"sizes"_s).split(u',', Qt::SkipEmptyParts)) {
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
        QFile::remove(path);
    }
    return 0;
}
