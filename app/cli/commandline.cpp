#include "cli/commandline.h"

#include "geo/layerimport.h"
#include "geo/linkedfiles.h"
#include "geo/rastertiles.h"
#include "io/caseexport.h"
#include "io/eventimport.h"
#include "io/mapexport.h"
#include "io/recordimport.h"
#include "io/samplecase.h"
#include "io/syntheticcase.h"
#include "io/timelineexport.h"
#include "model/casedocument.h"
#include "render/briefing.h"
#include "store/caseindexes.h"
#include "store/importmemory.h"
#include "store/searchindex.h"
#include "store/searchindexer.h"
#include "store/sqlite.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

const QStringList kSubcommands = {
    u"new"_s,        u"info"_s,  u"check"_s,  u"sample"_s, u"generate"_s, u"render-timeline"_s,
    u"render-map"_s, u"layer"_s, u"search"_s, u"export"_s, u"import"_s,   u"brief"_s};

QString usage() {
    return u"Usage: caseatlas [FILE]                 open the window (on FILE)\n"
           "       caseatlas --sample                open the window on the sample case\n"
           "       caseatlas new FILE [--title T]    create an empty case\n"
           "       caseatlas info FILE               title, schema, counts per table, integrity\n"
           "       caseatlas check FILE [--log]      full integrity check, re-hash of every "
           "attachment,\n"
           "                                         layers that cannot be shown, files it links "
           "to\n"
           "       caseatlas sample FILE             write the sample case\n"
           "       caseatlas generate FILE --events N [--seed S]   a synthetic case for "
           "benchmarks\n"
           "       caseatlas render-timeline FILE -o OUT.png|.svg|.pdf [--from EDTF] [--to EDTF]\n"
           "                 [--size WxH] [--dpi N] [--lanes tag|actor|place|source|none]\n"
           "       caseatlas render-map FILE -o OUT.png|.svg|.pdf [--extent "
           "minlon,minlat,maxlon,maxlat]\n"
           "                 [--size WxH] [--dpi N]\n"
           "       caseatlas layer add FILE SOURCE [--link] [--title T]   import a GIS file's "
           "layers\n"
           "       caseatlas layer list FILE\n"
           "       caseatlas search FILE QUERY [--limit N]   one result per line: kind, id, "
           "title, matched text\n"
           "       caseatlas export FILE OUT [--format csv|geojson|kml|timelinejs|markdown|html|"
           "csl-json]\n"
           "                 [--profile public|internal|full] [--view NAME]\n"
           "       caseatlas import FILE INPUT [--format F] [--map FIELD=COLUMN]… "
           "[--skip-bad-rows] [--update DATASET] [--dry-run]\n"
           "       caseatlas brief FILE -o OUT.pdf|.svg|.png [--briefing NAME | --view NAME | "
           "--from "
           "EDTF --to EDTF --tag T…]\n"
           "                 [--layout a4-portrait|a4-landscape|letter|slides] [--profile "
           "public|internal|full]\n"
           "                 [--title T] [--subtitle S] [--author A] [--blocks title,map,…] "
           "[--note TITLE]… [--dpi N]\n"
           "       caseatlas --version | --help\n"_s;
}

std::atomic<bool> interruptedFlag{false};

void onInterrupt(int signal) {
    interruptedFlag = true;
    std::signal(signal, SIG_DFL); // a second Ctrl+C ends the process at once
}

// While it lives, Ctrl+C (or a plain kill) cancels the command's work the way a Cancel button
// does — nothing half-written, work files removed — instead of killing it mid-way.
class InterruptCancels {
public:
    InterruptCancels() {
        interruptedFlag = false;
        m_int = std::signal(SIGINT, onInterrupt);
        m_term = std::signal(SIGTERM, onInterrupt);
    }
    ~InterruptCancels() {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
    }
    InterruptCancels(const InterruptCancels&) = delete;
    InterruptCancels& operator=(const InterruptCancels&) = delete;
    static bool goOn() { return !interruptedFlag.load(); }

private:
    void (*m_int)(int) = SIG_DFL;
    void (*m_term)(int) = SIG_DFL;
};

// Exit code of a refused input file: it "could not be opened" (3); a failure to write the case
// keeps `otherwise` (4, or 1 for an import stopped by its rows).
int inputExit(const Error& e, int otherwise) {
    switch (e.code) {
    case ErrorCode::Missing:
    case ErrorCode::IsDirectory:
    case ErrorCode::Empty:
    case ErrorCode::Unreadable:
    case ErrorCode::TextFile:
    case ErrorCode::NotSqlite:
    case ErrorCode::Truncated:
    case ErrorCode::NotGeoPackage:
        return CommandLine::CannotOpen;
    default:
        return otherwise;
    }
}

int fail(QTextStream& err, const Error& e, int code) {
    err << "caseatlas: " << e.message << '\n';
    if (!e.detail.isEmpty())
        err << "  (" << e.detail << ")\n";
    return code;
}

// Parses options after the subcommand; returns the positional arguments.
bool parse(QCommandLineParser& p, const QStringList& args, int positional, QTextStream& err) {
    p.addHelpOption();
    if (!p.parse(args)) {
        err << "caseatlas: " << p.errorText() << "\n\n" << usage();
        return false;
    }
    if (p.positionalArguments().size() != positional + 1) { // +1: the subcommand itself
        err << "caseatlas: " << args.value(1) << ": wrong number of arguments.\n\n" << usage();
        return false;
    }
    return true;
}

int cmdNew(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption({u"title"_s, u"Case title."_s, u"T"_s});
    if (!parse(p, args, 1, err))
        return CommandLine::Usage;
    const QString path = p.positionalArguments().at(1);
    const QString title =
        p.isSet(u"title"_s) ? p.value(u"title"_s) : QFileInfo(path).completeBaseName();
    auto file = CaseFile::create(path, title);
    if (!file)
        return fail(err, file.error(), CommandLine::CannotOpen);
    out << "Created " << file.value().path() << '\n';
    return CommandLine::Ok;
}

int cmdInfo(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    if (!parse(p, args, 1, err))
        return CommandLine::Usage;
    auto doc = CaseDocument::open(p.positionalArguments().at(1), CaseFile::Access::ReadOnly);
    if (!doc)
        return fail(err, doc.error(), CommandLine::CannotOpen);
    CaseDocument& d = *doc.value();
    auto minReader = d.file().meta(u"min_reader_version"_s);
    out << "Title:      " << d.title() << '\n'
        << "File:       " << d.path() << '\n'
        << "Case id:    " << d.file().caseId() << '\n'
        << "Schema:     " << d.file().schemaVersion() << " (readable by schema "
        << (minReader ? minReader.value() : u"?"_s) << " and later; GeoPackage 1.2)\n";
    // The structure only: `check` reads the whole file.
    auto problems = d.file().structureProblems();
    out << "Integrity:  "
        << (problems && problems.value().isEmpty()
                ? u"ok (structure; caseatlas check reads the whole file)"_s
                : u"PROBLEMS (run caseatlas check)"_s)
        << '\n'
        << "Custody:    "
        << (d.custodyProblems().isEmpty() ? u"hash chain intact"_s
                                          : u"BROKEN (run caseatlas check)"_s)
        << '\n';
    auto counts = d.tableCounts();
    if (!counts)
        return fail(err, counts.error(), CommandLine::CannotOpen);
    for (const auto& [table, n] : counts.value())
        out << QString(table + u':').leftJustified(12) << n << '\n';
    // What an import can update (caseatlas import … --update DATASET).
    if (auto datasets = ImportMemory(d.db()).datasets(); datasets && !datasets.value().isEmpty()) {
        out << "Imported datasets (id, format, file, last imported, events):\n";
        for (const ImportMemory::Dataset& ds : datasets.value())
            out << "  " << ds.id << '\t' << ds.format << '\t' << ds.name << '\t'
                << ds.lastImported.toString(Qt::ISODate) << '\t' << ds.events << '\n';
    }
    return CommandLine::Ok;
}

int cmdCheck(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption({u"log"_s, u"Record the verification in the case's custody log."_s});
    if (!parse(p, args, 1, err))
        return CommandLine::Usage;
    const bool log = p.isSet(u"log"_s);
    auto doc = CaseDocument::open(p.positionalArguments().at(1),
                                  log ? CaseFile::Access::ReadWrite : CaseFile::Access::ReadOnly);
    if (!doc)
        return fail(err, doc.error(), CommandLine::CannotOpen);
    CaseDocument& d = *doc.value();
    int problemCount = 0;
    auto integrity = d.file().integrityProblems(false);
    if (!integrity)
        return fail(err, integrity.error(), CommandLine::CannotOpen);
    for (const QString& line : integrity.value()) {
        out << "PROBLEM: database integrity: " << line << '\n';
        ++problemCount;
    }
    auto fk = d.db().prepare(u"PRAGMA foreign_key_check"_s);
    if (fk) {
        Status listed = fk.value().forEachRow([&](SqliteStatement& s) {
            out << "PROBLEM: table " << s.text(0) << " row " << s.int64(1)
                << " refers to a missing row of " << s.text(2) << '\n';
            ++problemCount;
        });
        if (!listed) {
            out << "PROBLEM: the foreign key check stopped: " << listed.error().fullText() << '\n';
            ++problemCount;
        }
    }
    for (const QString& line : d.custodyProblems()) {
        out << "PROBLEM: " << line << '\n';
        ++problemCount;
    }
    auto attachments = d.attachments().count();
    auto verify = d.verifyEvidence(log);
    if (!verify)
        return fail(err, verify.error(), CommandLine::CannotOpen);
    for (const auto& pr : verify.value()) {
        out << "PROBLEM: attachment \"" << pr.fileName << "\" (#" << pr.attachmentId
            << "): stored SHA-256 " << pr.storedSha256 << " but its bytes hash to "
            << pr.actualSha256 << '\n';
        ++problemCount;
    }
    // What the case would read outside itself, and layers that cannot be shown.
    int outside = 0;
    if (auto layers = listLayers(d.db())) {
        for (const LayerRecord& l : layers.value()) {
            if (l.linked) {
                ++outside;
                out << "NOTE: layer \"" << l.title
                    << "\" links to a file outside the case: " << l.sourcePath
                    << (linkedFileAllowed(l.sourcePath)
                            ? " (linked or allowed on this computer: read)\n"
                            : " (not read on this computer unless allowed)\n");
            } else if (l.kind == u"raster"_s) {
                if (auto tiles = RasterTiles::open(d.db(), l.table); !tiles) {
                    out << "PROBLEM: layer \"" << l.title
                        << "\" cannot be shown: " << tiles.error().message << '\n';
                    ++problemCount;
                }
            }
        }
    }
    if (auto head = d.custodyLog().headHash())
        out << "Custody log: " << (d.custodyProblems().isEmpty() ? "intact" : "BROKEN")
            << ", ends in " << head.value() << '\n';
    out << "Checked " << d.path() << ": database "
        << (integrity.value().isEmpty() ? "ok" : "DAMAGED") << ", "
        << (attachments ? attachments.value() : 0) << " attachment(s) re-hashed, " << problemCount
        << " problem(s), " << outside << " linked file(s) outside the case.\n";
    return problemCount == 0 ? CommandLine::Ok : CommandLine::ProblemsFound;
}

int cmdSample(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    if (!parse(p, args, 1, err))
        return CommandLine::Usage;
    const QString path = p.positionalArguments().at(1);
    auto file = CaseFile::create(path, u"Sample case"_s);
    if (!file)
        return fail(err, file.error(), CommandLine::CannotOpen);
    if (Status s = writeSampleCase(file.value()); !s) {
        file.value().close();
        QFile::remove(path);
        return fail(err, s.error(), CommandLine::WriteFailed);
    }
    out << "Wrote the sample case to " << file.value().path() << '\n';
    return CommandLine::Ok;
}

int cmdGenerate(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption({u"events"_s, u"Number of events."_s, u"N"_s});
    p.addOption({u"seed"_s, u"Random seed (same seed, same case)."_s, u"S"_s, u"1"_s});
    if (!parse(p, args, 1, err))
        return CommandLine::Usage;
    bool okN = false, okS = false;
    const qint64 n = p.value(u"events"_s).toLongLong(&okN);
    const quint64 seed = p.value(u"seed"_s).toULongLong(&okS);
    if (!p.isSet(u"events"_s) || !okN || n < 0 || n > 100'000'000 || !okS) {
        err << "caseatlas: generate needs --events N (0 to 100000000) and an optional numeric "
               "--seed.\n";
        return CommandLine::Usage;
    }
    const QString path = p.positionalArguments().at(1);
    QElapsedTimer timer;
    timer.start();
    auto file = CaseFile::create(path, u"Synthetic case"_s);
    if (!file)
        return fail(err, file.error(), CommandLine::CannotOpen);
    if (Status s = generateSyntheticCase(file.value(), {n, seed, {}}); !s) {
        file.value().close();
        QFile::remove(path);
        return fail(err, s.error(), CommandLine::WriteFailed);
    }
    out << "Generated " << n << " events (seed " << seed << ") in " << file.value().path() << " in "
        << timer.elapsed() << " ms\n";
    return CommandLine::Ok;
}

int cmdRenderTimeline(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption({{u"o"_s, u"output"_s}, u"The picture to write (.png, .svg, .pdf)."_s, u"OUT"_s});
    p.addOption({u"from"_s, u"Start of the time range (EDTF; its earliest moment)."_s, u"EDTF"_s});
    p.addOption({u"to"_s, u"End of the time range (EDTF; its latest moment)."_s, u"EDTF"_s});
    p.addOption({u"size"_s, u"Picture size in pixels."_s, u"WxH"_s, u"1600x900"_s});
    p.addOption({u"dpi"_s, u"Resolution of a PNG."_s, u"N"_s, u"96"_s});
    p.addOption(
        {u"lanes"_s, u"Group lanes by tag, actor, place, source or none."_s, u"G"_s, u"tag"_s});
    if (!parse(p, args, 1, err))
        return CommandLine::Usage;
    if (!p.isSet(u"o"_s)) {
        err << "caseatlas: render-timeline needs -o OUT.png|.svg|.pdf\n";
        return CommandLine::Usage;
    }
    TimelineExportOptions o;
    const QStringList wh = p.value(u"size"_s).split(u'x');
    bool okW = false, okH = false, okDpi = false;
    if (wh.size() == 2)
        o.size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
    o.dpi = p.value(u"dpi"_s).toDouble(&okDpi);
    const auto lanes = laneGroupingFromKey(p.value(u"lanes"_s));
    if (!okW || !okH || !okDpi || !lanes) {
        err << "caseatlas: --size takes WxH (e.g. 1920x1080), --dpi a number, --lanes one of tag, "
               "actor, place, source, none.\n";
        return CommandLine::Usage;
    }
    o.lanes = *lanes;
    for (const auto& [name, target, useEarliest] :
         {std::tuple{u"from"_s, &o.from, true}, std::tuple{u"to"_s, &o.to, false}}) {
        if (!p.isSet(name))
            continue;
        auto d = FuzzyDate::parse(p.value(name));
        if (!d) {
            err << "caseatlas: --" << name << ": " << d.error().message << '\n';
            return CommandLine::Usage;
        }
        *target = useEarliest ? d.value().earliest() : d.value().latest();
    }
    auto doc = CaseDocument::open(p.positionalArguments().at(1), CaseFile::Access::ReadOnly);
    if (!doc)
        return fail(err, doc.error(), CommandLine::CannotOpen);
    const QString output = p.value(u"o"_s);
    if (Status s = writeTimelineFile(doc.value()->db(), output, o); !s)
        return fail(err, s.error(),
                    s.error().code == ErrorCode::InvalidInput ? CommandLine::Usage
                                                              : CommandLine::WriteFailed);
    out << "Wrote " << output << '\n';
    return CommandLine::Ok;
}

int cmdRenderMap(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption({{u"o"_s, u"output"_s}, u"The picture to write (.png, .svg, .pdf)."_s, u"OUT"_s});
    p.addOption({u"extent"_s, u"Area to show, in degrees."_s, u"minlon,minlat,maxlon,maxlat"_s});
    p.addOption({u"size"_s, u"Picture size in pixels."_s, u"WxH"_s, u"1600x1000"_s});
    p.addOption({u"dpi"_s, u"Resolution of a PNG."_s, u"N"_s, u"96"_s});
    if (!parse(p, args, 1, err))
        return CommandLine::Usage;
    if (!p.isSet(u"o"_s)) {
        err << "caseatlas: render-map needs -o OUT.png|.svg|.pdf\n";
        return CommandLine::Usage;
    }
    MapExportOptions o;
    const QStringList wh = p.value(u"size"_s).split(u'x');
    bool okW = false, okH = false, okDpi = false;
    if (wh.size() == 2)
        o.size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
    o.dpi = p.value(u"dpi"_s).toDouble(&okDpi);
    bool okExtent = true;
    if (p.isSet(u"extent"_s)) {
        const QStringList parts = p.value(u"extent"_s).split(u',');
        std::array<double, 4> e{};
        okExtent = parts.size() == 4;
        for (int i = 0; okExtent && i < 4; ++i)
            e[size_t(i)] = parts[i].trimmed().toDouble(&okExtent);
        o.extent = e;
    }
    if (!okW || !okH || !okDpi || !okExtent) {
        err << "caseatlas: --size takes WxH, --dpi a number, --extent four numbers "
               "minlon,minlat,maxlon,maxlat.\n";
        return CommandLine::Usage;
    }
    auto doc = CaseDocument::open(p.positionalArguments().at(1), CaseFile::Access::ReadOnly);
    if (!doc)
        return fail(err, doc.error(), CommandLine::CannotOpen);
    const QString output = p.value(u"o"_s);
    if (Status s = writeMapFile(doc.value()->db(), output, o); !s)
        return fail(err, s.error(),
                    s.error().code == ErrorCode::InvalidInput ? CommandLine::Usage
                                                              : CommandLine::WriteFailed);
    out << "Wrote " << output << '\n';
    return CommandLine::Ok;
}

int cmdLayer(const QStringList& args, QTextStream& out, QTextStream& err) {
    const QString action = args.value(2);
    QStringList rest = args;
    rest.removeAt(2); // "layer add FILE SOURCE" → parsed like "layer FILE SOURCE"
    QCommandLineParser p;
    p.addOption({u"link"_s, u"Register the file by path instead of copying it into the case."_s});
    p.addOption({u"title"_s, u"Layer title."_s, u"T"_s});
    if (action == u"list") {
        if (!parse(p, rest, 1, err))
            return CommandLine::Usage;
        auto file = CaseFile::open(p.positionalArguments().at(1), CaseFile::Access::ReadOnly);
        if (!file)
            return fail(err, file.error(), CommandLine::CannotOpen);
        auto layers = listLayers(file.value().db());
        if (!layers)
            return fail(err, layers.error(), CommandLine::CannotOpen);
        for (const LayerRecord& l : layers.value())
            out << l.id << '\t' << l.title << '\t' << l.kind << '\t'
                << (l.linked ? u"linked: "_s + l.sourcePath +
                                   (linkedFileAllowed(l.sourcePath)
                                        ? QString()
                                        : u" (not read: not linked or allowed on this computer)"_s)
                             : l.table)
                << '\t' << l.features << (l.kind == u"raster"_s ? " tiles\n" : " features\n");
        return CommandLine::Ok;
    }
    if (action != u"add") {
        err << "caseatlas: layer takes \"add\" or \"list\".\n\n" << usage();
        return CommandLine::Usage;
    }
    if (!parse(p, rest, 2, err))
        return CommandLine::Usage;
    auto file = CaseFile::open(p.positionalArguments().at(1));
    if (!file)
        return fail(err, file.error(), CommandLine::CannotOpen);
    LayerImportOptions o;
    o.link = p.isSet(u"link"_s);
    o.title = p.value(u"title"_s);
    const InterruptCancels interrupt;
    o.progress = [](double) { return InterruptCancels::goOn(); };
    auto layers = importLayers(file.value(), p.positionalArguments().at(2), o);
    if (!layers) // a file that is not a layer GDAL reads could not be opened as one
        return fail(err, layers.error(),
                    inputExit(layers.error(), layers.error().code == ErrorCode::InvalidInput
                                                  ? int(CommandLine::CannotOpen)
                                                  : int(CommandLine::WriteFailed)));
    for (const ImportedLayer& l : layers.value())
        out << (o.link ? "Linked " : "Imported ") << '"' << l.title << "\" (" << l.features
            << (l.raster ? " tiles)\n" : " features)\n");
    return CommandLine::Ok;
}

int cmdSearch(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption({u"limit"_s, u"At most N results of each kind (default 20)."_s, u"N"_s});
    if (!parse(p, args, 2, err))
        return CommandLine::Usage;
    bool ok = true;
    const int limit = p.isSet(u"limit"_s) ? p.value(u"limit"_s).toInt(&ok) : 20;
    if (!ok || limit < 1) {
        err << "caseatlas: --limit takes a positive number.\n";
        return CommandLine::Usage;
    }
    const QString path = p.positionalArguments().at(1);
    // The index is brought up to date first; a case that cannot be written is searched as it is.
    auto file = CaseFile::open(path);
    if (!file && file.error().code == ErrorCode::ReadOnly)
        file = CaseFile::open(path, CaseFile::Access::ReadOnly);
    if (!file)
        return fail(err, file.error(), CommandLine::CannotOpen);
    SearchIndex index(file.value().db());
    if (!file.value().isReadOnly()) {
        // In chunks: a large first build then writes its short-term index on a second core.
        if (auto updated = index.update({}, SearchIndexer::Chunk); !updated)
            return fail(err, updated.error(), CommandLine::WriteFailed);
    } else if (auto waiting = index.pending(); waiting && waiting.value() > 0) {
        err << "caseatlas: the case is read-only and " << waiting.value()
            << " changed records are not in its search index yet.\n";
    }
    auto hits = index.search(p.positionalArguments().at(2), limit);
    if (!hits)
        return fail(err, hits.error(), CommandLine::CannotOpen);
    for (const SearchHit& h : hits.value())
        out << searchKindKey(h.kind) << '\t' << h.id << '\t' << h.title << '\t'
            << QString(h.matched).replace(u'\t', u' ').replace(u'\n', u' ') << '\n';
    return hits.value().isEmpty() ? CommandLine::ProblemsFound : CommandLine::Ok;
}

// The saved view or briefing called `name`; when there is none, says so and sets `code`.
template <typename T>
std::optional<T> named(const Result<QList<T>>& list, const QString& name, const char* what,
                       QTextStream& err, int& code) {
    if (!list) {
        code = fail(err, list.error(), CommandLine::CannotOpen);
        return std::nullopt;
    }
    for (const T& item : list.value())
        if (item.name == name)
            return item;
    err << "caseatlas: the case has no " << what << " \"" << name << "\".\n";
    code = CommandLine::Usage;
    return std::nullopt;
}

int cmdExport(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption(
        {u"format"_s, u"csv, geojson, kml, timelinejs, markdown, html or csl-json."_s, u"F"_s});
    p.addOption(
        {u"profile"_s, u"public, internal (the default) or full."_s, u"P"_s, u"internal"_s});
    p.addOption({u"view"_s, u"Only the events of this saved view."_s, u"NAME"_s});
    if (!parse(p, args, 2, err))
        return CommandLine::Usage;
    const QString target = p.positionalArguments().at(2);
    const auto format = p.isSet(u"format"_s) ? exportFormatFromKey(p.value(u"format"_s))
                                             : exportFormatForPath(target);
    if (!format) {
        err << "caseatlas: say --format (csv, geojson, kml, timelinejs, markdown, html, "
               "csl-json); \""
            << target << "\" does not tell.\n";
        return CommandLine::Usage;
    }
    const auto profile = exportProfileFromKey(p.value(u"profile"_s));
    if (!profile) {
        err << "caseatlas: --profile takes public, internal or full.\n";
        return CommandLine::Usage;
    }
    auto doc = CaseDocument::open(p.positionalArguments().at(1));
    if (!doc)
        return fail(err, doc.error(), CommandLine::CannotOpen);
    ExportOptions o;
    o.format = *format;
    o.profile = *profile;
    o.who = qEnvironmentVariable("USER", u"caseatlas"_s);
    if (p.isSet(u"view"_s)) {
        int code = 0;
        const auto view =
            named(doc.value()->catalog().savedViews(), p.value(u"view"_s), "saved view", err, code);
        if (!view)
            return code;
        o.filter = filterOfView(*view);
    }
    const InterruptCancels interrupt;
    o.progress = [](qint64, qint64) { return InterruptCancels::goOn(); };
    auto report = exportCase(*doc.value(), target, o);
    if (!report)
        return fail(err, report.error(), CommandLine::WriteFailed);
    out << "Wrote " << target << ": " << report.value().events << " events, "
        << report.value().sources << " sources, " << report.value().notes << " notes ("
        << exportProfileKey(*profile) << " profile; " << report.value().withheld
        << " records withheld)\n";
    return CommandLine::Ok;
}

int cmdBrief(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption({{u"o"_s, u"output"_s}, u"The briefing: .pdf, .svg or .png."_s, u"OUT"_s});
    p.addOption({u"briefing"_s,
                 u"A briefing kept in the case (its view, layout, profile, title and blocks); "
                 "other options change it for this run."_s,
                 u"NAME"_s});
    p.addOption(
        {u"view"_s, u"The events, time range and map extent of this saved view."_s, u"NAME"_s});
    p.addOption(
        {u"from"_s, u"Only events that may fall on or after this date (EDTF)."_s, u"EDTF"_s});
    p.addOption(
        {u"to"_s, u"Only events that may fall on or before this date (EDTF)."_s, u"EDTF"_s});
    p.addOption({u"tag"_s, u"Only events with this tag (repeatable: any of them)."_s, u"T"_s});
    p.addOption({u"layout"_s,
                 u"a4-portrait (the default), a4-landscape, letter or slides (16:9)."_s, u"L"_s,
                 u"a4-portrait"_s});
    p.addOption(
        {u"profile"_s, u"public, internal (the default) or full."_s, u"P"_s, u"internal"_s});
    p.addOption({u"title"_s, u"The title (default: the case's)."_s, u"T"_s});
    p.addOption({u"subtitle"_s, u"A subtitle."_s, u"S"_s});
    p.addOption({u"author"_s, u"The author named under the title."_s, u"A"_s});
    p.addOption({u"blocks"_s,
                 u"The blocks in order, comma-separated: title, map, timeline, events, notes, "
                 "chart, sources, method (default: all)."_s,
                 u"LIST"_s});
    p.addOption({u"note"_s, u"A note to include, by title (repeatable)."_s, u"TITLE"_s});
    p.addOption({u"dpi"_s, u"PNG resolution (default 150)."_s, u"N"_s, u"150"_s});
    if (!parse(p, args, 1, err))
        return CommandLine::Usage;
    const QString target = p.value(u"output"_s);
    if (target.isEmpty()) {
        err << "caseatlas: brief needs -o OUT.pdf, .svg or .png.\n";
        return CommandLine::Usage;
    }
    const auto layout = briefingLayoutFromKey(p.value(u"layout"_s));
    const auto profile = exportProfileFromKey(p.value(u"profile"_s));
    if (!layout || !profile) {
        err << "caseatlas: --layout takes a4-portrait, a4-landscape, letter or slides; --profile "
               "takes public, internal or full.\n";
        return CommandLine::Usage;
    }
    const double dpi = p.value(u"dpi"_s).toDouble();
    if (dpi < 36 || dpi > 600) {
        err << "caseatlas: --dpi takes a number from 36 to 600.\n";
        return CommandLine::Usage;
    }
    QList<BriefingBlock> blocks;
    for (const QString& key : p.value(u"blocks"_s).split(u',', Qt::SkipEmptyParts)) {
        const auto block = briefingBlockFromKey(key.trimmed());
        if (!block) {
            err << "caseatlas: --blocks: \"" << key
                << "\" is not one of title, map, timeline, events, notes, chart, sources, "
                   "method.\n";
            return CommandLine::Usage;
        }
        blocks << *block;
    }
    const bool choosesEvents =
        p.isSet(u"view"_s) || p.isSet(u"from"_s) || p.isSet(u"to"_s) || p.isSet(u"tag"_s);
    if (p.isSet(u"briefing"_s) && choosesEvents) {
        err << "caseatlas: --briefing already says which events; leave out --view, --from, --to "
               "and --tag.\n";
        return CommandLine::Usage;
    }
    auto doc = CaseDocument::open(p.positionalArguments().at(1));
    if (!doc)
        return fail(err, doc.error(), CommandLine::CannotOpen);
    // A briefing kept in the case, with what the command line says on top.
    BriefingOptions o;
    if (p.isSet(u"briefing"_s)) {
        int code = 0;
        const auto kept = named(doc.value()->catalog().briefings(), p.value(u"briefing"_s),
                                "briefing", err, code);
        if (!kept)
            return code;
        auto options = briefingOptions(*doc.value(), *kept);
        if (!options)
            return fail(err, options.error(), CommandLine::CannotOpen);
        o = options.value();
    }
    if (p.isSet(u"layout"_s) || !p.isSet(u"briefing"_s))
        o.layout = *layout;
    if (p.isSet(u"profile"_s) || !p.isSet(u"briefing"_s))
        o.profile = *profile;
    for (auto [option, field] :
         {std::pair{u"title"_s, &o.title}, std::pair{u"subtitle"_s, &o.subtitle},
          std::pair{u"author"_s, &o.author}})
        if (p.isSet(option))
            *field = p.value(option);
    if (p.isSet(u"dpi"_s) || !p.isSet(u"briefing"_s))
        o.dpi = dpi;
    if (!blocks.isEmpty())
        o.blocks = blocks;
    o.who = qEnvironmentVariable("USER", u"caseatlas"_s);
    if (p.isSet(u"view"_s)) {
        if (p.isSet(u"from"_s) || p.isSet(u"to"_s) || p.isSet(u"tag"_s)) {
            err << "caseatlas: --view already says which events; leave out --from, --to and "
                   "--tag.\n";
            return CommandLine::Usage;
        }
        int code = 0;
        const auto view =
            named(doc.value()->catalog().savedViews(), p.value(u"view"_s), "saved view", err, code);
        if (!view)
            return code;
        applySavedView(o, *view);
    } else if (!p.isSet(u"briefing"_s)) {
        FilterCriteria f;
        for (const char* bound : {"from", "to"}) {
            const QString text = p.value(QString::fromLatin1(bound));
            if (text.isEmpty())
                continue;
            auto date = FuzzyDate::parse(text);
            if (!date) {
                err << "caseatlas: --" << bound << " \"" << text
                    << "\" is not an EDTF date: " << date.error().message << '\n';
                return CommandLine::Usage;
            }
            (qstrcmp(bound, "from") == 0 ? f.from : f.to) =
                qstrcmp(bound, "from") == 0 ? date.value().earliest() : date.value().latest();
        }
        f.tags = p.values(u"tag"_s);
        if (!f.isEmpty())
            o.filter = f;
        if (f.from && f.to)
            o.timeRange = std::pair{*f.from, *f.to};
    }
    if (p.isSet(u"note"_s)) {
        auto notes = doc.value()->notes().all();
        if (!notes)
            return fail(err, notes.error(), CommandLine::CannotOpen);
        for (const QString& title : p.values(u"note"_s)) {
            const auto it = std::find_if(notes.value().cbegin(), notes.value().cend(),
                                         [&](const Note& n) { return n.title == title; });
            if (it == notes.value().cend()) {
                err << "caseatlas: the case has no note \"" << title << "\".\n";
                return CommandLine::Usage;
            }
            o.noteIds << it->id;
        }
    }
    auto report = writeBriefing(*doc.value(), target, o);
    if (!report)
        return fail(err, report.error(), CommandLine::WriteFailed);
    out << "Wrote " << report.value().files.join(u", "_s) << ": " << report.value().pages
        << " pages, " << report.value().events << " events (" << report.value().cards
        << " as cards), " << report.value().sources << " sources (" << exportProfileKey(o.profile)
        << " profile; " << report.value().withheld << " records withheld)\n";
    return CommandLine::Ok;
}

int cmdImport(const QStringList& args, QTextStream& out, QTextStream& err) {
    QCommandLineParser p;
    p.addOption({u"format"_s,
                 u"The input's format: acled, ucdp, spreadsheet (CSV, TSV, XLSX, ODS), points "
                 "(GeoJSON, KML, GeoPackage, Shapefile), timelinejs (sheet or JSON) or timeline "
                 "(.timeline). Default: guessed from the file."_s,
                 u"F"_s});
    p.addOption(
        {u"map"_s,
         u"Spreadsheets and points: which column fills a field, as FIELD=COLUMN "
         "(repeatable; fields: %1). Unmapped fields are guessed from the column names."_s.arg(
             ColumnMapping::fields().join(u", "_s)),
         u"FIELD=COLUMN"_s});
    p.addOption({u"mapping"_s, u"A column mapping saved as JSON (the import dialog's presets)."_s,
                 u"FILE"_s});
    p.addOption(
        {u"date-order"_s,
         u"How numeric dates such as 03/04/2023 are ordered (spreadsheets, and ACLED or UCDP files "
         "a spreadsheet re-saved): auto, dmy, mdy or ymd."_s,
         u"ORDER"_s, u"auto"_s});
    p.addOption({u"encoding"_s,
                 u"A CSV file's encoding when it has no byte order mark (UTF-8, UTF-16LE, "
                 "windows-1252, GB18030, …)."_s,
                 u"NAME"_s});
    p.addOption({u"layer"_s, u"The layer of a GIS file or the sheet of a workbook."_s, u"NAME"_s});
    p.addOption({u"skip-bad-rows"_s, u"Import the good rows and report the bad ones (by default "
                                     "one bad row stops the import and nothing is written)."_s});
    p.addOption({u"update"_s,
                 u"Update the events an earlier import of this dataset made (its id or file "
                 "name, as 'caseatlas info' lists them); otherwise a spreadsheet's, TimelineJS "
                 "or Timeline file's records are new events."_s,
                 u"DATASET"_s});
    p.addOption({u"dry-run"_s, u"Say what the import would add and change (and where the "
                               "case and the file both changed a field), and write nothing."_s});
    if (!parse(p, args, 2, err))
        return CommandLine::Usage;
    const QString input = p.positionalArguments().at(2);
    if (Status readable = checkImportPath(input); !readable)
        return fail(err, readable.error(), inputExit(readable.error(), CommandLine::Usage));
    ImportRequest request;
    if (p.isSet(u"format"_s)) {
        auto format = importFormatFromKey(p.value(u"format"_s));
        if (!format) {
            err << "caseatlas: import takes --format acled, ucdp, spreadsheet, points, "
                   "timelinejs or timeline.\n";
            return CommandLine::Usage;
        }
        request.format = *format;
    } else if (auto guessed = guessImportFormat(input)) {
        request.format = *guessed;
    } else {
        err << "caseatlas: cannot tell the format of " << input << "; give --format.\n";
        return CommandLine::Usage;
    }
    const auto order = dateOrderFromKey(p.value(u"date-order"_s));
    if (!order) {
        err << "caseatlas: --date-order takes auto, dmy, mdy or ymd.\n";
        return CommandLine::Usage;
    }
    request.table.encoding = p.value(u"encoding"_s);
    request.table.layer = p.value(u"layer"_s);
    if (p.isSet(u"mapping"_s) || p.isSet(u"map"_s) || order != DateOrder::Auto) {
        ColumnMapping mapping;
        if (p.isSet(u"mapping"_s)) {
            QFile f(p.value(u"mapping"_s));
            if (!f.open(QIODevice::ReadOnly)) {
                err << "caseatlas: " << p.value(u"mapping"_s) << " cannot be read.\n";
                return CommandLine::Usage;
            }
            auto read = ColumnMapping::fromJson(QJsonDocument::fromJson(f.readAll()).object());
            if (!read) {
                err << "caseatlas: " << read.error().message << '\n';
                return CommandLine::Usage;
            }
            mapping = read.value();
        } else {
            // Start from the guess, so that --map only needs what the names do not say.
            auto table = readTable(input, {request.table.encoding, request.table.layer, 1});
            if (table)
                mapping = guessMapping(table.value().columns);
        }
        for (const QString& pair : p.values(u"map"_s)) {
            const qsizetype eq = pair.indexOf(u'=');
            const QString field = pair.left(eq).trimmed();
            if (eq <= 0 || !ColumnMapping::fields().contains(field)) {
                err << "caseatlas: --map takes FIELD=COLUMN with a field among "
                    << ColumnMapping::fields().join(u", "_s) << ".\n";
                return CommandLine::Usage;
            }
            mapping.columns.insert(field, pair.mid(eq + 1));
        }
        if (order != DateOrder::Auto)
            mapping.startOrder = mapping.endOrder = *order;
        request.mapping = mapping;
    }
    auto file = CaseFile::open(p.positionalArguments().at(1));
    if (!file)
        return fail(err, file.error(), CommandLine::CannotOpen);
    ImportOptions o;
    o.skipBadRows = p.isSet(u"skip-bad-rows"_s);
    o.dateOrder = *order; // ACLED and UCDP re-saved by a spreadsheet
    o.who = qEnvironmentVariable("USER", u"caseatlas"_s);
    o.dataset = p.value(u"update"_s);
    o.preview = p.isSet(u"dry-run"_s);
    const InterruptCancels interrupt;
    o.progress = [](qint64, qint64) { return InterruptCancels::goOn(); };
    request.table.progress = o.progress;
    auto report = importFile(file.value(), input, request, o);
    if (!report) {
        err << "caseatlas: " << report.error().message << '\n';
        if (!report.error().detail.isEmpty())
            err << report.error().detail << '\n';
        return inputExit(report.error(), report.error().code == ErrorCode::InvalidInput
                                             ? CommandLine::ProblemsFound
                                             : CommandLine::WriteFailed);
    }
    for (const ImportProblem& problem : report.value().problems)
        err << "skipped " << problem.text(input) << '\n';
    for (const QString& note : report.value().notes)
        err << "note: " << note << '\n';
    const ImportReport& r = report.value();
    if (o.preview) {
        for (const ImportChange& c : r.changes)
            out << (c.added ? "add    " : "change ") << input << ':' << c.line << "  " << c.title
                << (c.added ? QString() : u"  ("_s + c.fields.join(u", "_s) + u')') << '\n';
    }
    for (const ImportConflict& c : r.conflicts)
        out << "kept   " << input << ':' << c.line << "  " << c.title << "  " << c.field
            << ": the case says \"" << c.ours.left(200) << "\", the file \"" << c.theirs.left(200)
            << "\" (both changed since the last import; the case's is kept)\n";
    out << (o.preview ? "Would import " : "Imported ") << input << " ("
        << importFormatKey(request.format) << ", dataset " << r.dataset << "): " << r.added
        << " added, " << r.changed << " changed, " << r.unchanged << " unchanged, "
        << r.conflicts.size() << " conflicts kept as in the case, " << r.keptDeleted
        << " deleted in the case left out, " << r.skipped << " bad rows skipped\n";
    if (o.preview)
        return CommandLine::Ok;
    // A large import committed its rows first; the lookup indexes follow before the command
    // ends (any a stopped import left missing too; the app builds them when it next opens a
    // case that lacks them).
    out.flush();
    auto built = buildMissingIndexes(file.value().db());
    if (!built)
        return fail(err, built.error(), CommandLine::WriteFailed);
    return CommandLine::Ok;
}

} // namespace

void CommandLine::configureProcess() {
    SqliteDatabase::configureLibrary();
}

bool CommandLine::wantsCommandLine(const QStringList& arguments) {
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    return kSubcommands.contains(first) || first == u"--version" || first == u"-v" ||
           first == u"--help" || first == u"-h";
}

bool CommandLine::needsFonts(const QStringList& arguments) {
    return arguments.value(1) == u"render-timeline" || arguments.value(1) == u"render-map" ||
           arguments.value(1) == u"export" || // the HTML report is laid out by QTextDocument
           arguments.value(1) == u"brief";
}

int CommandLine::run(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    const QString first = arguments.value(1);
    if (first == u"--version" || first == u"-v") {
        out << "CaseAtlas " << CASEATLAS_VERSION << " (case schema " << CaseFile::SchemaVersion
            << ")\n";
        return Ok;
    }
    if (first == u"--help" || first == u"-h") {
        out << usage();
        return Ok;
    }
    if (first == u"new")
        return cmdNew(arguments, out, err);
    if (first == u"info")
        return cmdInfo(arguments, out, err);
    if (first == u"check")
        return cmdCheck(arguments, out, err);
    if (first == u"sample")
        return cmdSample(arguments, out, err);
    if (first == u"generate")
        return cmdGenerate(arguments, out, err);
    if (first == u"render-timeline")
        return cmdRenderTimeline(arguments, out, err);
    if (first == u"render-map")
        return cmdRenderMap(arguments, out, err);
    if (first == u"layer")
        return cmdLayer(arguments, out, err);
    if (first == u"search")
        return cmdSearch(arguments, out, err);
    if (first == u"export")
        return cmdExport(arguments, out, err);
    if (first == u"import")
        return cmdImport(arguments, out, err);
    if (first == u"brief")
        return cmdBrief(arguments, out, err);
    err << "caseatlas: unknown command \"" << first << "\".\n\n" << usage();
    return Usage;
}

} // namespace caseatlas
