#include "sensitivecase.h"

#include "io/caseexport.h"
#include "io/recordimport.h"
#include "io/syntheticcase.h"
#include "model/redactor.h"
#include "render/briefing.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUuid>

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
    void everyFormOfAHiddenNameIsCleaned_data();
    void everyFormOfAHiddenNameIsCleaned();
    void publicIdsRevealNothing();
    void redactorFindsEveryForm_data();
    void redactorFindsEveryForm();
    void cslJsonDatesAreHonest();

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
    // The date's qualifiers, as the date type decides them: "2023-12~" is approximate.
    QStringList qualified;
    for (const QJsonValue& f : geo.value(u"features"_s).toArray()) {
        const QJsonObject p = f.toObject().value(u"properties"_s).toObject();
        if (p.contains(u"date_qualifiers"_s))
            qualified << p.value(u"start_edtf"_s).toString() + u' ' +
                             p.value(u"date_qualifiers"_s).toArray().at(0).toString();
    }
    QCOMPARE(qualified, QStringList{u"2023-12~ approximate"_s});
    QFile csv(exportTo(ExportFormat::Csv, ExportProfile::Internal, u"r.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    const qsizetype column = lines.at(0).split(',').indexOf("date_qualifiers");
    QVERIFY(column > 0);
    qsizetype approximate = 0;
    for (const QByteArray& line : lines.mid(1))
        if (line.contains("2023-12~"))
            approximate += line.split(',').value(column) == "approximate";
    QCOMPARE(approximate, 1);
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

namespace {

// Every string of a JSON document (names inside JSON are escaped: a line break is "\n").
void jsonStrings(const QJsonValue& v, QString& out) {
    if (v.isString()) {
        out += v.toString() + u'\n';
    } else if (v.isArray()) {
        for (const QJsonValue& item : v.toArray())
            jsonStrings(item, out);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            jsonStrings(it.value(), out);
    }
}

// What a reader of the file sees: JSON's strings, a PDF's text and metadata (pdftotext,
// pdfinfo), anything else as
// written (GeoJSON's features, one a line, read as JSON too).
QString readableText(const QString& path) {
    if (path.endsWith(u".pdf"_s)) {
        QProcess p;
        p.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
        p.waitForFinished(60000);
        QString text = QString::fromUtf8(p.readAllStandardOutput());
        p.start(u"pdfinfo"_s, {u"-enc"_s, u"UTF-8"_s, path}); // its title, author, …
        p.waitForFinished(60000);
        return text + QString::fromUtf8(p.readAllStandardOutput());
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
    if (error.error == QJsonParseError::NoError) {
        QString out;
        jsonStrings(json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()), out);
        return out;
    }
    QString out = QString::fromUtf8(bytes);
    if (path.endsWith(u".geojson"_s)) {
        for (QByteArray line : bytes.split('\n')) {
            line = line.trimmed();
            if (line.endsWith(','))
                line.chop(1);
            jsonStrings(QJsonValue(QJsonDocument::fromJson(line).object()), out);
        }
    }
    return out;
}

} // namespace

void TestExport::everyFormOfAHiddenNameIsCleaned_data() {
    QTest::addColumn<QString>("suffix");
    for (const char* s : {"csv", "geojson", "kml", "timeline.json", "md", "html", "csl.json",
                          "briefing.pdf", "briefing.svg"})
        QTest::addRow("%s", s) << QString::fromLatin1(s);
}

// The protected and withheld names of a case, written into every text field in every form that
// slips past a plain search (see fillLeakyCase): a public export in each format, and a public
// briefing as PDF (its text extracted by poppler) and SVG, holds none of them in any form — read
// the way its reader reads it (JSON's strings unescaped, XML's and HTML's references resolved,
// Unicode composed, white space and soft hyphens folded).
void TestExport::everyFormOfAHiddenNameIsCleaned() {
    QFETCH(QString, suffix);
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"leaky.caseatlas"_s));
    QVERIFY(doc);
    const LeakyCase c = fillLeakyCase(*doc);
    const QString path = dir.filePath(u"public."_s + suffix);
    if (suffix.startsWith(u"briefing"_s)) {
        BriefingOptions o;
        o.profile = ExportProfile::Public;
        o.blocks = defaultBriefingBlocks();
        o.blocks << BriefingBlock::Notes;
        for (const Note& n : doc->notes().all().value())
            o.noteIds << n.id;
        auto written = writeBriefing(*doc, path, o);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().fullText()));
    } else {
        ExportOptions o;
        o.format = *exportFormatForPath(path);
        o.profile = ExportProfile::Public;
        auto written = exportCase(*doc, path, o);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().fullText()));
    }
    QString text;
    for (const QString& file : QDir(dir.path()).entryList({u"public*"_s}, QDir::Files))
        text += readableText(dir.filePath(file));
    QVERIFY(text.size() > 200);
    // Checked two ways: as written, and as a reader sees it.
    const QString seen = Redactor::matchingForm(text).toCaseFolded();
    for (const QString& name : c.hidden) {
        QVERIFY2(!text.contains(name, Qt::CaseInsensitive), qPrintable(name));
        const QString form = Redactor::matchingForm(name).toCaseFolded();
        const qsizetype at = seen.indexOf(form);
        QVERIFY2(at < 0,
                 qPrintable(name + u" in: "_s + seen.mid(std::max<qsizetype>(0, at - 80), 200)));
    }
    if (suffix != u"csl.json"_s)
        QVERIFY(text.contains(u"Protected person"_s));
}

// A public export's ids cannot be matched with a guess: an event imported from a spreadsheet
// without ids has a UUID anyone can compute from the file's name, title and date; none of the
// case's own UUIDs leaves. Ids are stable from one public export of a case to the next, and
// differ between cases; numbers are 1, 2, … in the order events leave.
void TestExport::publicIdsRevealNothing() {
    QTemporaryDir dir;
    const QString csv = writeFile(dir, u"events.csv"_s,
                                  "title,date\nAung Kyaw Moe interviewed,2023-11-12\n"
                                  "Crossing reopened,2023-11-14\n");
    QStringList exported;
    for (const char* name : {"a.caseatlas", "b.caseatlas"}) {
        auto doc = createDocument(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(doc);
        QVERIFY(importFile(doc->file(), csv, ImportRequest{}).ok());
        QStringList uuids;
        for (const Event& e : doc->events().all().value())
            uuids << e.uuid;
        QCOMPARE(uuids.size(), 2);
        for (int run = 0; run < 2; ++run) {
            const QString out =
                dir.filePath(u"%1-%2.geojson"_s.arg(QString::fromLatin1(name)).arg(run));
            ExportOptions o;
            o.format = ExportFormat::GeoJson;
            o.profile = ExportProfile::Public;
            QVERIFY(exportCase(*doc, out, o).ok());
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            for (const QString& u : uuids)
                QVERIFY2(!bytes.contains(u.toLatin1()), qPrintable(u));
            QStringList ids, numbers;
            for (QByteArray line : bytes.split('\n')) {
                if (line.endsWith(','))
                    line.chop(1);
                const QJsonObject feature = QJsonDocument::fromJson(line).object();
                if (feature.isEmpty())
                    continue;
                ids << feature.value(u"id"_s).toString();
                numbers << QString::number(
                    feature.value(u"properties"_s).toObject().value(u"id"_s).toInteger());
                QCOMPARE(QUuid(ids.last()).version(), QUuid::Random);
            }
            QCOMPARE(numbers, (QStringList{u"1"_s, u"2"_s}));
            exported << ids.join(u',');
        }
    }
    QCOMPARE(exported[0], exported[1]);  // stable within a case
    QVERIFY(exported[0] != exported[2]); // keyed apart between cases
    QCOMPARE(exported[2], exported[3]);
}

void TestExport::redactorFindsEveryForm_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cleaned");
    QTest::addRow("as written") << u"Aung Kyaw Moe"_s << u"Aung Kyaw Moe saw it"_s << u"P saw it"_s;
    QTest::addRow("capitals, double spaces")
        << u"Aung Kyaw Moe"_s << u"AUNG  KYAW   MOE saw it"_s << u"P saw it"_s;
    QTest::addRow("a character reference")
        << u"Aung Kyaw Moe"_s << u"by A&#117;ng K&#x79;aw Moe."_s << u"by P."_s;
    QTest::addRow("a wrapped Markdown quote")
        << u"Aung Kyaw Moe"_s << u"> Aung Kyaw\n> Moe said"_s << u"> P said"_s;
    QTest::addRow("soft hyphen and zero-width space")
        << u"Aung Kyaw Moe"_s << u"Au\u00ADng\u200B Kyaw Moe"_s << u"P"_s;
    QTest::addRow("percent-escapes in an address")
        << u"Aung Kyaw Moe"_s << u"https://x.org/?q=Aung%20Kyaw%20Moe&a=1"_s
        << u"https://x.org/?q=P&a=1"_s;
    QTest::addRow("decomposed")
        << u"Lê Thị Hằng"_s
        << QString(u"Lê Thị Hằng came"_s).normalized(QString::NormalizationForm_D) << u"P came"_s;
    QTest::addRow("a named reference") << u"Lê Thị Hằng"_s << u"L&ecirc; Thị Hằng"_s << u"P"_s;
    // Found by fuzz_redactor: a control character before a digit in a name (Qt escapes a NUL as
    // "\0", which a following digit turned into another character).
    QTest::addRow("control characters")
        << u"A\u0000\u00003b"_s << u"x A\u0000\u00003b y"_s << u"x P y"_s;
    QTest::addRow("the rest as written")
        << u"Aung Kyaw Moe"_s << u"Aung  Kyaw and &amp; *x*"_s << u"Aung  Kyaw and &amp; *x*"_s;
}

// The cleaning finds a name in every form listed in fillLeakyCase, replaces exactly what it
// spans and leaves the rest of the text as it was written.
void TestExport::redactorFindsEveryForm() {
    QFETCH(QString, name);
    QFETCH(QString, text);
    QFETCH(QString, cleaned);
    Redactor r;
    r.add(name, u"P"_s);
    QCOMPARE(r.clean(text), cleaned);
}

// CSL-JSON (for Zotero and citeproc) keeps what a source's date says: "circa" for an uncertain
// or approximate date, a season, a range for a span or a decade, words for an open end.
void TestExport::cslJsonDatesAreHonest() {
    auto doc = createDocument(m_dir.filePath(u"csl.caseatlas"_s), u"CSL"_s);
    const std::pair<const char*, const char*> dates[] = {
        {"2023?", R"({"circa":true,"date-parts":[[2023]]})"},
        {"2023-11~", R"({"circa":true,"date-parts":[[2023,11]]})"},
        {"2023-11-12", R"({"date-parts":[[2023,11,12]]})"},
        {"2023-21", R"({"date-parts":[[2023]],"season":1})"},
        {"201X", R"({"date-parts":[[2010],[2019]]})"},
        {"2023-05/2023-07?", R"({"circa":true,"date-parts":[[2023,5],[2023,7]]})"},
        {"../2023", R"({"literal":"before 2023"})"}};
    Event cited;
    cited.title = u"Cites them all"_s;
    cited.start = edtf("2024");
    const qint64 eventId = doc->addEvent(cited).value();
    for (const auto& [edtfText, expected] : dates) {
        Source src;
        src.title = QString::fromLatin1(edtfText);
        src.published = edtf(edtfText);
        Citation c;
        c.eventId = eventId;
        c.sourceId = doc->addSource(src).value();
        QVERIFY(doc->addCitation(c).ok());
    }
    const QString path = m_dir.filePath(u"csl.json"_s);
    ExportOptions o;
    o.format = ExportFormat::CslJson;
    o.profile = ExportProfile::Full;
    QVERIFY(exportCase(*doc, path, o).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QHash<QString, QString> issued;
    for (const QJsonValue& v : QJsonDocument::fromJson(f.readAll()).array())
        issued.insert(v.toObject().value(u"title"_s).toString(),
                      QString::fromUtf8(QJsonDocument(v.toObject().value(u"issued"_s).toObject())
                                            .toJson(QJsonDocument::Compact)));
    for (const auto& [edtfText, expected] : dates)
        QCOMPARE(issued.value(QString::fromLatin1(edtfText)), QString::fromLatin1(expected));
}

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv); // the HTML report is laid out by QTextDocument
    TestExport test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_export.moc"
