#include "sensitivecase.h"

#include "core/sha256.h"
#include "model/timeindex.h"
#include "render/briefing.h"
#include "render/maprenderer.h"

#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// Visual briefings: read back with poppler's own tools (pdftotext, pdftoppm, pdffonts), as a
// reader's PDF viewer would see them.
class TestBriefing : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sampleBriefingFromTheCommandLine();
    void publicBriefingLeaksNothing_data();
    void publicBriefingLeaksNothing();
    void savedViewChoosesEventsAndExtent();
    void keptBriefingsRoundTrip();
    void cardsAreCappedWithACount();
    void chartCountsNoInventedPrecision();
    void slidesAsPngPagesAreLogged();
    void badRequestsWriteNothing();

private:
    static QString run(const QString& program, const QStringList& args);
    static QString pdfText(const QString& pdf);
    QTemporaryDir m_dir;
    QString m_sample;
};

void TestBriefing::initTestCase() {
    for (const char* tool : {"pdftotext", "pdftoppm", "pdffonts"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                 "poppler-utils is needed (packaging/setup-debian.sh installs it)");
    m_sample = m_dir.filePath(u"sample.caseatlas"_s);
    QProcess p;
    p.start(cliPath(), {u"sample"_s, m_sample});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
}

QString TestBriefing::run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The PDF's text with line breaks and runs of spaces as single spaces.
QString TestBriefing::pdfText(const QString& pdf) {
    return run(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s}).simplified();
}

// The acceptance check: `caseatlas brief` on the sample case.
void TestBriefing::sampleBriefingFromTheCommandLine() {
    const QString pdf = m_dir.filePath(u"sample.pdf"_s);
    QProcess p;
    p.start(cliPath(), {u"brief"_s, m_sample, u"-o"_s, pdf, u"--author"_s, u"Desk"_s});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(p.readAllStandardOutput().contains("16 events"));

    const QString text = pdfText(pdf);
    auto doc = CaseDocument::open(m_sample);
    QVERIFY(doc.ok());
    QVERIFY(text.contains(doc.value()->title()));
    for (const Event& e : doc.value()->events().all().value())
        QVERIFY2(text.contains(e.title), qPrintable(e.title));
    // Numbered footnotes with their addresses (a long line may wrap inside one).
    const QString joined = QString(text).remove(u' ');
    for (const Source& s : doc.value()->sources().all().value()) {
        QVERIFY(!s.url.isEmpty());
        QVERIFY2(QRegularExpression(u"\\[\\d\\]"_s +
                                    QRegularExpression::escape(QString(s.title).remove(u' ')))
                     .match(joined)
                     .hasMatch(),
                 qPrintable(s.title));
        QVERIFY2(joined.contains(s.url), qPrintable(s.url));
    }
    QVERIFY(text.contains(u"Method and caveats"_s));
    // The timeline strip has every lane (its name and count), without the screen's collapse
    // toggles.
    auto index = TimeIndex::load(doc.value()->db());
    QVERIFY(index.ok() && index.value().laneCount() >= 8);
    for (qsizetype l = 0; l < index.value().laneCount(); ++l) {
        const QString header =
            u"%1 (%2)"_s.arg(index.value().laneNames().at(l)).arg(index.value().laneSize(l));
        QVERIFY2(text.contains(header), qPrintable(header));
    }
    QVERIFY(!text.contains(u"▾"_s) && !text.contains(u"▸"_s));
    // Chinese names are text in an embedded Chinese font, not boxes or missing glyphs.
    QVERIFY(text.contains(u"果敢"_s));
    const QString fonts = run(u"pdffonts"_s, {pdf});
    QVERIFY2(fonts.contains(u"NotoSansCJK"_s), qPrintable(fonts));
    for (const QString& line : fonts.split(u'\n').mid(2, -1))
        if (!line.trimmed().isEmpty())
            QVERIFY2(line.contains(u" yes "_s), qPrintable(line)); // embedded

    // The first page rendered: the map (its water and land) and the timeline (lane colours).
    const QString prefix = m_dir.filePath(u"page"_s);
    run(u"pdftoppm"_s,
        {u"-r"_s, u"50"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, u"-png"_s, pdf, prefix});
    QImage page(prefix + u"-1.png"_s);
    QVERIFY(!page.isNull());
    auto countColour = [&](QRect area, QColor c, int tolerance) {
        int n = 0;
        for (int y = area.top(); y <= area.bottom(); ++y)
            for (int x = area.left(); x <= area.right(); ++x) {
                const QColor p = page.pixelColor(x, y);
                if (std::abs(p.red() - c.red()) <= tolerance &&
                    std::abs(p.green() - c.green()) <= tolerance &&
                    std::abs(p.blue() - c.blue()) <= tolerance)
                    ++n;
            }
        return n;
    };
    auto briefing = Briefing::prepare(*doc.value(), {});
    QVERIFY(briefing.ok());
    const double scale = page.width() / briefing.value().pageSize().width();
    const auto mapTop = briefing.value().blockStart(BriefingBlock::Map);
    const auto timeTop = briefing.value().blockStart(BriefingBlock::Timeline);
    QVERIFY(mapTop && mapTop->first == 0 && timeTop && timeTop->first == 0);
    const QRect mapArea(0, int(mapTop->second * scale), page.width(),
                        int((timeTop->second - mapTop->second) * scale));
    const QRect timeArea(0, int(timeTop->second * scale) + 2, page.width(), int(80 * scale));
    QVERIFY2(countColour(mapArea, MapStyle().water, 6) > 1000, "no sea on the map");
    QVERIFY2(countColour(mapArea, MapStyle().land, 6) > 1000, "no land on the map");
    QSet<QRgb> timelineColours;
    for (int y = timeArea.top(); y < timeArea.bottom(); ++y)
        for (int x = 0; x < page.width(); ++x)
            timelineColours.insert(page.pixel(x, y));
    QVERIFY2(timelineColours.size() > 40, "the timeline strip is empty");
}

void TestBriefing::publicBriefingLeaksNothing_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addRow("pdf") << u"pdf"_s;
    QTest::addRow("svg") << u"svg"_s;
}

// A public briefing of a case with secrets: every block, the notes included.
void TestBriefing::publicBriefingLeaksNothing() {
    QFETCH(QString, suffix);
    auto doc = createDocument(m_dir.filePath(u"secrets-%1.caseatlas"_s.arg(suffix)));
    const SensitiveCase c = fillSensitiveCase(*doc);
    BriefingOptions o;
    o.profile = ExportProfile::Public;
    o.blocks = defaultBriefingBlocks();
    for (const Note& n : doc->notes().all().value())
        o.noteIds << n.id; // the confidential note too: the profile must drop it
    o.who = u"tester"_s;
    const QString path = m_dir.filePath(u"public.%1"_s.arg(suffix));
    auto report = writeBriefing(*doc, path, o);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QVERIFY(report.value().withheld > 0);
    QString text;
    if (suffix == u"pdf"_s) {
        text = pdfText(path);
    } else {
        for (const QString& file : report.value().files) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            text += QString::fromUtf8(f.readAll());
        }
    }
    QVERIFY(text.contains(u"Transfer of workers"_s)); // what may be shown is shown
    QVERIFY(text.contains(u"Protected person"_s));    // the witness, by pseudonym
    QVERIFY(text.contains(u"Open questions"_s));
    for (const QString& secret : c.secrets)
        QVERIFY2(!text.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
}

void TestBriefing::savedViewChoosesEventsAndExtent() {
    auto doc = CaseDocument::open(m_sample);
    QVERIFY(doc.ok());
    const auto views = doc.value()->catalog().savedViews().value();
    QVERIFY(!views.isEmpty());
    BriefingOptions o;
    applySavedView(o, views.first());
    QVERIFY(o.extent.has_value());
    auto view = Briefing::prepare(*doc.value(), o);
    auto all = Briefing::prepare(*doc.value(), {});
    QVERIFY(view.ok() && all.ok());
    // The events of the view: those with one of its tags that may fall in its time range.
    const FilterCriteria f = filterOfView(views.first());
    const auto [where, params] = f.sql();
    {
        auto stmt = doc.value()->db().prepare(u"SELECT count(*) FROM events e WHERE "_s + where);
        QVERIFY(stmt.ok());
        stmt.value().bindAll(params);
        QVERIFY(stmt.value().step().value());
        QCOMPARE(view.value().eventCount(), stmt.value().int64(0));
    }
    QVERIFY(view.value().eventCount() < all.value().eventCount());
    // The method block names the view.
    const QString pdf = m_dir.filePath(u"view.pdf"_s);
    QProcess p;
    p.start(cliPath(), {u"brief"_s, m_sample, u"-o"_s, pdf, u"--view"_s, views.first().name,
                        u"--layout"_s, u"a4-landscape"_s});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(pdfText(pdf).contains(u"the saved view \"%1\""_s.arg(views.first().name)));
    QVERIFY(run(u"pdfinfo"_s, {pdf}).contains(u"842 x 595"_s)); // A4 landscape, in points
}

// A briefing kept in the case: its settings come back as they were, the sample's renders from
// the command line with its view and profile, and saving is one undo step.
void TestBriefing::keptBriefingsRoundTrip() {
    BriefingOptions o;
    o.layout = BriefingLayout::Slides;
    o.profile = ExportProfile::Public;
    o.title = u"标题 title"_s;
    o.blocks = {BriefingBlock::Sources, BriefingBlock::Title};
    o.noteIds = {3, 1};
    o.maxCards = 12;
    const BriefingOptions back = briefingFromSettings(briefingSettings(o));
    QCOMPARE(back.layout, o.layout);
    QCOMPARE(back.profile, o.profile);
    QCOMPARE(back.title, o.title);
    QCOMPARE(back.blocks, o.blocks);
    QCOMPARE(back.noteIds, o.noteIds);
    QCOMPARE(back.maxCards, 12);
    // Nonsense in a file from elsewhere keeps the defaults.
    const BriefingOptions odd = briefingFromSettings(QJsonObject{
        {u"layout"_s, u"scroll"_s}, {u"blocks"_s, QJsonArray{u"x"_s}}, {u"max_cards"_s, -5}});
    QCOMPARE(odd.layout, BriefingLayout::A4Portrait);
    QVERIFY(odd.blocks.isEmpty());
    QCOMPARE(odd.maxCards, 0);

    const QString path = m_dir.filePath(u"kept.caseatlas"_s);
    QVERIFY(QFile::copy(m_sample, path));
    auto doc = CaseDocument::open(path);
    QVERIFY(doc.ok());
    const auto kept = doc.value()->catalog().briefings().value();
    QCOMPARE(kept.size(), 1);
    auto sample = briefingOptions(*doc.value(), kept.first());
    QVERIFY(sample.ok());
    QCOMPARE(sample.value().profile, ExportProfile::Public);
    QCOMPARE(sample.value().viewName, u"Crackdown and repatriations"_s);
    QVERIFY(sample.value().extent.has_value());
    const qint64 id = doc.value()->addBriefing({0, u"Slides"_s, 0, briefingSettings(o)}).value();
    QCOMPARE(doc.value()->catalog().briefings().value().size(), 2);
    QVERIFY(!doc.value()->addBriefing({0, u"Slides"_s, 0, {}}).ok()); // names are unique
    doc.value()->undoStack()->undo();
    QCOMPARE(doc.value()->catalog().briefings().value().size(), 1);
    Q_UNUSED(id);
    // From the command line, by name.
    const QString pdf = m_dir.filePath(u"kept.pdf"_s);
    QProcess p;
    p.start(cliPath(),
            {u"brief"_s, m_sample, u"-o"_s, pdf, u"--briefing"_s, u"Crackdown briefing"_s});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(p.readAllStandardOutput().contains("public profile"));
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(u"China dismantles the Kokang scam compounds"_s));
    QVERIFY(text.contains(u"Public edition"_s));
    QVERIFY(text.contains(u"the saved view \"Crackdown and repatriations\""_s));
}

void TestBriefing::cardsAreCappedWithACount() {
    auto doc = CaseDocument::open(m_sample);
    QVERIFY(doc.ok());
    BriefingOptions o;
    o.maxCards = 5;
    o.blocks = {BriefingBlock::Title, BriefingBlock::Events};
    const QString pdf = m_dir.filePath(u"capped.pdf"_s);
    auto report = writeBriefing(*doc.value(), pdf, o);
    QVERIFY(report.ok());
    QCOMPARE(report.value().cards, 5);
    QVERIFY(pdfText(pdf).contains(u"and 11 more events, not shown as cards"_s));
}

// "2023?", "2023~", "2023~/2024?" are not three events of January 2023: the chart is of years,
// the two-year span is in no bar, and the page says so.
void TestBriefing::chartCountsNoInventedPrecision() {
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"loose.caseatlas"_s));
    QVERIFY(doc);
    for (const char* date : {"2023?", "2023~", "2023~/2024?", "2023-01-15"}) {
        Event e;
        e.title = u"Event dated "_s + QString::fromLatin1(date);
        e.start = edtf(date);
        QVERIFY(doc->addEvent(e).ok());
    }
    BriefingOptions o;
    o.blocks = {BriefingBlock::Title, BriefingBlock::Chart};
    const QString pdf = dir.filePath(u"loose.pdf"_s);
    QVERIFY(writeBriefing(*doc, pdf, o).ok());
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(u"Events per year"_s), qPrintable(text));
    QVERIFY(!text.contains(u"Events per month"_s));
    QVERIFY(!text.contains(u"Jan 2023"_s));
    QVERIFY(text.contains(u"1 event is dated more loosely than a year: it is in no bar."_s));
    // The bar's height is labelled: 3 events in 2023 (the day, "2023?" and "2023~").
    QVERIFY(QRegularExpression(u"Events per year 3 0 2023"_s).match(text).hasMatch());
}

// Slides as PNG pages at a chosen resolution; each page's hash is in the custody log.
void TestBriefing::slidesAsPngPagesAreLogged() {
    const QString path = m_dir.filePath(u"slides.caseatlas"_s);
    QVERIFY(QFile::copy(m_sample, path));
    auto doc = CaseDocument::open(path);
    QVERIFY(doc.ok());
    const qsizetype logged = doc.value()->custodyLog().all().value().size();
    BriefingOptions o;
    o.layout = BriefingLayout::Slides;
    o.dpi = 96;
    const QString png = m_dir.filePath(u"slides.png"_s);
    auto report = writeBriefing(*doc.value(), png, o);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QVERIFY(report.value().pages >= 5); // title, map, timeline, cards…, chart, sources, method
    QCOMPARE(report.value().files.size(), report.value().pages);
    QCOMPARE(report.value().files.at(1), m_dir.filePath(u"slides-2.png"_s));
    const auto log = doc.value()->custodyLog().all().value();
    QCOMPARE(log.size(), logged + report.value().pages);
    for (int i = 0; i < report.value().pages; ++i) {
        QImage image(report.value().files.at(i));
        QCOMPARE(image.size(), QSize(1280, 720)); // 960 × 540 points at 96 per inch
        QCOMPARE(log.at(logged + i).action, u"export-briefing"_s);
        QCOMPARE(log.at(logged + i).sha256,
                 QString::fromLatin1(Sha256::hexOfFile(report.value().files.at(i)).value()));
    }
}

void TestBriefing::badRequestsWriteNothing() {
    auto doc = CaseDocument::open(m_sample);
    QVERIFY(doc.ok());
    const qsizetype logged = doc.value()->custodyLog().all().value().size();
    auto wrong = writeBriefing(*doc.value(), m_dir.filePath(u"brief.docx"_s), {});
    QVERIFY(!wrong.ok());
    QVERIFY(wrong.error().message.contains(u"brief.docx"_s));
    auto nowhere = writeBriefing(*doc.value(), m_dir.filePath(u"missing/dir/b.pdf"_s), {});
    QVERIFY(!nowhere.ok());
    QCOMPARE(doc.value()->custodyLog().all().value().size(), logged);
    QVERIFY(!QFile::exists(m_dir.filePath(u"brief.docx"_s)));
    // On the command line: a clear message and a non-zero exit.
    QProcess p;
    p.start(cliPath(), {u"brief"_s, m_sample, u"-o"_s, m_dir.filePath(u"x.pdf"_s), u"--view"_s,
                        u"No such view"_s});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY(p.exitCode() != 0);
    QVERIFY(p.readAllStandardError().contains("no saved view \"No such view\""));
    QVERIFY(!QFile::exists(m_dir.filePath(u"x.pdf"_s)));
}

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv); // fonts and text layout
    TestBriefing test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_briefing.moc"
