#include "testsupport.h"

#include <numeric>

#include "io/eventimport.h"
#include "io/syntheticcase.h"
#include "model/casedocument.h"
#include "model/chartdata.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// The charts' figures against direct queries of the case file: what a chart shows must be what
// the data says, under any filter.
class TestCharts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void periodCountsMatchQueries_data();
    void periodCountsMatchQueries();
    void valuesSumPerPeriod();
    void loosenessIsNotInventedPrecision();
    void sqlFollowsTheDateType();
    void rankingsMatchQueries();
    void reliabilityShareCoversEveryEvent();
    void filtersBySourceAndGrade();
    void tallyFollowsEdits();

private:
    qint64 count(const QString& sql, const QVariantList& params = {});
    QTemporaryDir m_dir;
    std::optional<CaseFile> m_file;
};

void TestCharts::initTestCase() {
    auto created = CaseFile::create(m_dir.filePath(u"charts.caseatlas"_s), u"Charts"_s);
    QVERIFY(created.ok());
    m_file.emplace(std::move(created).value());
    SyntheticCaseOptions o;
    o.events = 3000;
    o.seed = 7;
    QVERIFY(generateSyntheticCase(*m_file, o).ok());
    // A few with a value to sum, and one with no bounded date.
    QVERIFY(
        m_file->db()
            .exec(u"INSERT INTO event_values (event_id, name, value, unit, position) SELECT fid, "
                  "'people repatriated', fid % 17, 'people', (SELECT count(*) FROM "
                  "event_values v WHERE v.event_id = fid) FROM events WHERE fid % 5 = 0;"
                  "UPDATE events SET earliest_s = -9223372036854775807 - 1, latest_s = "
                  "9223372036854775807, start_edtf = '..', end_edtf = NULL WHERE fid = 1"_s)
            .ok());
}

qint64 TestCharts::count(const QString& sql, const QVariantList& params) {
    auto stmt = m_file->db().prepare(sql);
    if (!stmt)
        return -1;
    stmt.value().bindAll(params);
    auto row = stmt.value().step();
    return row && row.value() ? stmt.value().int64(0) : -1;
}

void TestCharts::periodCountsMatchQueries_data() {
    QTest::addColumn<int>("period");
    QTest::addColumn<QString>("tag"); // a filter, or none
    QTest::addRow("auto") << int(ChartPeriod::Auto) << QString();
    QTest::addRow("year") << int(ChartPeriod::Year) << QString();
    QTest::addRow("month, one tag") << int(ChartPeriod::Month) << u"crackdown"_s;
    QTest::addRow("week, one tag") << int(ChartPeriod::Week) << u"finance"_s;
}

void TestCharts::periodCountsMatchQueries() {
    QFETCH(int, period);
    QFETCH(QString, tag);
    FilterCriteria f;
    if (!tag.isEmpty())
        f.tags = {tag};
    auto data = eventsPerPeriod(m_file->db(), f, ChartPeriod(period));
    QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().fullText()));
    const PeriodCounts& c = data.value();
    if (ChartPeriod(period) == ChartPeriod::Auto)
        QCOMPARE(c.period, ChartPeriod::Year); // the synthetic case spans decades
    QVERIFY(!c.buckets.isEmpty());
    const auto [where, params] = f.sql();
    const QString firstTag =
        u"(SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = "
        "e.fid ORDER BY et.position, t.name LIMIT 1)"_s;
    qint64 shown = 0;
    for (qsizetype b = 0; b < c.buckets.size(); ++b) {
        const qint64 from = c.buckets[b].first.startOfDay(Qt::UTC).toSecsSinceEpoch();
        const qint64 to = c.buckets[b].last.addDays(1).startOfDay(Qt::UTC).toSecsSinceEpoch();
        for (qsizetype l = 0; l < c.lanes.size(); ++l) {
            const QString lane =
                c.lanes[l].isEmpty()
                    ? u"%1 IS NULL"_s.arg(firstTag)
                    : u"%1 = '%2'"_s.arg(firstTag, QString(c.lanes[l]).replace(u'\'', u"''"_s));
            // In a bar: the whole interval within the bar's period.
            const qint64 direct = count(
                u"SELECT count(*) FROM events e WHERE %1 AND e.earliest_s >= ? AND e.latest_s < ? "
                "AND %2"_s.arg(where, lane),
                params + QVariantList{from, to});
            QCOMPARE(c.counts[l][b], direct);
            shown += direct;
        }
    }
    // Every filtered event is in a bar, or counted as dated more loosely than a period, or as
    // undated.
    const qint64 all = count(u"SELECT count(*) FROM events e WHERE "_s + where, params);
    QCOMPARE(shown + c.loose + c.undated, all);
    if (tag.isEmpty())
        QCOMPARE(c.undated, 1);
    // A bar's EDTF range filters to at least its events.
    const PeriodBucket& b = c.buckets[c.buckets.size() / 2];
    QVERIFY(FuzzyDate::parse(b.fromEdtf).ok() && FuzzyDate::parse(b.toEdtf).ok());
    QCOMPARE(FuzzyDate::parse(b.fromEdtf).value().earliest(),
             b.first.startOfDay(Qt::UTC).toSecsSinceEpoch());
}

// "2023?", "2023~" and "2023~/2024?" are not four events of January 2023 (the briefing's
// "Events per month" showed them so): in a chart of months they are in no bar, counted apart as
// dated more loosely than a month; in a chart of years the first two are in 2023, the span of
// two years in neither. The values they carry are kept apart likewise.
void TestCharts::loosenessIsNotInventedPrecision() {
    QTemporaryDir dir;
    auto doc = createDocument(dir.filePath(u"loose.caseatlas"_s));
    QVERIFY(doc);
    for (const char* date : {"2023?", "2023~", "2023~/2024?", "2023-01-15"}) {
        Event e;
        e.title = QString::fromLatin1(date);
        e.start = edtf(date);
        e.values = {{u"people"_s, 10, QString()}};
        QVERIFY(doc->addEvent(e).ok());
    }
    auto months = eventsPerPeriod(doc->db(), {}, ChartPeriod::Month);
    QVERIFY(months.ok());
    qint64 inBars = 0;
    for (const auto& lane : months.value().counts)
        for (qint64 n : lane)
            inBars += n;
    QCOMPARE(inBars, 1); // only the day in January
    QCOMPARE(months.value().loose, 3);
    auto years = eventsPerPeriod(doc->db(), {}, ChartPeriod::Year);
    QVERIFY(years.ok());
    QCOMPARE(years.value().buckets.size(), 1);
    QCOMPARE(years.value().counts.first().first(), 3); // 2023?, 2023~, 2023-01-15
    QCOMPARE(years.value().loose, 1);                  // 2023~/2024?
    // Left to choose, the chart takes years: most of these are not known to the month.
    auto chosen = eventsPerPeriod(doc->db(), {}, ChartPeriod::Auto);
    QVERIFY(chosen.ok());
    QCOMPARE(chosen.value().period, ChartPeriod::Year);
    auto values = valueOverTime(doc->db(), {}, u"people"_s, ChartPeriod::Month);
    QVERIFY(values.ok());
    QCOMPARE(std::accumulate(values.value().sums.cbegin(), values.value().sums.cend(), 0.0), 10.0);
    QCOMPARE(values.value().looseSum, 30.0);
    QCOMPARE(values.value().looseEvents, 3);
}

// The charts' SQL counts an event in a period by the same rule as the date type
// (FuzzyDate::periodHolding), which the briefing uses: the two agree on every event.
void TestCharts::sqlFollowsTheDateType() {
    auto periodOf = [](ChartPeriod p) {
        return p == ChartPeriod::Day     ? FuzzyDate::Period::Day
               : p == ChartPeriod::Week  ? FuzzyDate::Period::Week
               : p == ChartPeriod::Month ? FuzzyDate::Period::Month
                                         : FuzzyDate::Period::Year;
    };
    for (ChartPeriod asked :
         {ChartPeriod::Day, ChartPeriod::Week, ChartPeriod::Month, ChartPeriod::Year}) {
        auto data = eventsPerPeriod(m_file->db(), {}, asked);
        QVERIFY(data.ok());
        // Days over the synthetic case's decades need more bars than a chart holds: weeks.
        QCOMPARE(data.value().period, asked == ChartPeriod::Day ? ChartPeriod::Week : asked);
        const FuzzyDate::Period period = periodOf(data.value().period);
        QMap<QDate, qint64> expected;
        qint64 outside = 0;
        auto stmt = m_file->db().prepare(u"SELECT earliest_s, latest_s FROM events"_s);
        QVERIFY(stmt.ok());
        QVERIFY(stmt.value()
                    .forEachRow([&](SqliteStatement& row) {
                        const QDate key =
                            FuzzyDate::periodHolding(row.int64(0), row.int64(1), period);
                        if (key.isValid())
                            ++expected[key];
                        else
                            ++outside;
                    })
                    .ok());
        QMap<QDate, qint64> shown;
        for (qsizetype b = 0; b < data.value().buckets.size(); ++b)
            for (const auto& lane : data.value().counts)
                if (lane[b] > 0)
                    shown[data.value().buckets[b].first] += lane[b];
        QCOMPARE(shown, expected);
        QCOMPARE(data.value().loose + data.value().undated, outside);
    }
}

void TestCharts::valuesSumPerPeriod() {
    auto names = valueNames(m_file->db());
    QVERIFY(names.ok());
    QVERIFY(names.value().contains(u"people repatriated"_s));
    auto data = valueOverTime(m_file->db(), {}, u"people repatriated"_s, ChartPeriod::Year);
    QVERIFY(data.ok());
    QCOMPARE(data.value().unit, u"people"_s);
    double total = 0;
    for (qsizetype i = 0; i < data.value().buckets.size(); ++i) {
        const PeriodBucket& b = data.value().buckets[i];
        const qint64 direct =
            count(u"SELECT coalesce(sum(v.value), 0) FROM events e JOIN event_values v ON "
                  "v.event_id = e.fid WHERE v.name = 'people repatriated' AND e.earliest_s >= ? "
                  "AND e.latest_s < ?"_s,
                  {b.first.startOfDay(Qt::UTC).toSecsSinceEpoch(),
                   b.last.addDays(1).startOfDay(Qt::UTC).toSecsSinceEpoch()});
        QCOMPARE(qint64(data.value().sums[i]), direct);
        total += data.value().sums[i];
    }
    // What no year holds whole is summed apart, so nothing is lost.
    QCOMPARE(
        qint64(total + data.value().looseSum),
        count(u"SELECT sum(v.value) FROM event_values v WHERE v.name = 'people repatriated'"_s));
}

void TestCharts::rankingsMatchQueries() {
    for (RankBy by : {RankBy::Actor, RankBy::Place, RankBy::Source}) {
        auto top = topBy(m_file->db(), {}, by, 5);
        QVERIFY(top.ok());
        QCOMPARE(top.value().size(), 5);
        for (qsizetype i = 1; i < top.value().size(); ++i)
            QVERIFY(top.value()[i - 1].events >= top.value()[i].events);
        for (const Ranked& r : top.value()) {
            const QString sql =
                by == RankBy::Actor
                    ? u"SELECT count(DISTINCT event_id) FROM event_actors WHERE actor_id = ?"_s
                : by == RankBy::Place
                    ? u"SELECT count(*) FROM events WHERE place_id = ?"_s
                    : u"SELECT count(DISTINCT event_id) FROM citations WHERE source_id = ?"_s;
            QCOMPARE(r.events, count(sql, {r.id}));
        }
    }
}

void TestCharts::reliabilityShareCoversEveryEvent() {
    auto share = reliabilityShare(m_file->db(), {});
    QVERIFY(share.ok());
    qint64 sum = share.value().unsourced;
    for (qint64 n : share.value().grades)
        sum += n;
    QCOMPARE(sum, count(u"SELECT count(*) FROM events"_s));
    QCOMPARE(share.value().unsourced,
             count(u"SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM citations c "
                   "WHERE c.event_id = e.fid)"_s));
    QCOMPARE(share.value().grades[0],
             count(u"SELECT count(*) FROM events e WHERE EXISTS (SELECT 1 FROM citations c JOIN "
                   "sources s ON s.id = c.source_id WHERE c.event_id = e.fid AND s.reliability = "
                   "'A')"_s));
}

// The filters a click on a source bar or a reliability slice sets.
void TestCharts::filtersBySourceAndGrade() {
    auto top = topBy(m_file->db(), {}, RankBy::Source, 1);
    QVERIFY(top.ok() && !top.value().isEmpty());
    FilterCriteria bySource;
    bySource.sources = {top.value().first().id};
    QVERIFY(!bySource.isEmpty());
    const auto [where, params] = bySource.sql();
    QCOMPARE(count(u"SELECT count(*) FROM events e WHERE "_s + where, params),
             top.value().first().events);
    FilterCriteria byGrade;
    byGrade.reliabilities = {Reliability::B};
    const auto [gradeWhere, gradeParams] = byGrade.sql();
    QCOMPARE(count(u"SELECT count(*) FROM events e WHERE "_s + gradeWhere, gradeParams),
             count(u"SELECT count(DISTINCT c.event_id) FROM citations c JOIN sources s ON s.id = "
                   "c.source_id WHERE s.reliability = 'B'"_s));
}

QTEST_GUILESS_MAIN(TestCharts)
namespace {

// What a chart draws from a tally, as text to compare.
QString drawn(const ChartTally& t) {
    QStringList out;
    switch (t.request().kind) {
    case ChartKind::EventsPerPeriod: {
        const PeriodCounts c = t.periodCounts();
        out << QString::number(int(c.period)) << c.lanes.join(u'|') << QString::number(c.loose)
            << QString::number(c.undated);
        for (const PeriodBucket& b : c.buckets)
            out << b.label;
        for (const auto& lane : c.counts)
            for (qint64 n : lane)
                out << QString::number(n);
        break;
    }
    case ChartKind::ValueOverTime: {
        const ValueSeries v = t.valueSeries();
        out << QString::number(int(v.period)) << v.unit << QString::number(v.looseSum)
            << QString::number(v.looseEvents);
        for (qsizetype i = 0; i < v.buckets.size(); ++i)
            out << v.buckets[i].label + u'=' + QString::number(v.sums[i]);
        break;
    }
    case ChartKind::TopActors:
    case ChartKind::TopPlaces:
    case ChartKind::TopSources:
        for (const Ranked& r : t.ranking(-1))
            out << u"%1 %2 %3"_s.arg(r.id).arg(r.name).arg(r.events);
        break;
    case ChartKind::Reliability: {
        const ReliabilityShare r = t.reliability();
        for (qint64 n : r.grades)
            out << QString::number(n);
        out << QString::number(r.unsourced);
        break;
    }
    }
    return out.join(u'\n');
}

} // namespace

// A chart follows an edit from its notice — the events it names read before and after it writes,
// inside its transaction — and shows exactly what a fresh load of the case shows: dates, tags,
// actors, places, values and citations edited, events added and deleted, undone and redone,
// under no filter and under one, without reading the case again; an edit that fails counts for
// nothing.
void TestCharts::tallyFollowsEdits() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"follow.caseatlas"_s);
    {
        auto file = CaseFile::create(path, u"Follow"_s);
        QVERIFY(file.ok());
        QVERIFY(generateSyntheticCase(file.value(), {600, 11, {}}).ok());
        QVERIFY(file.value()
                    .db()
                    .exec(u"INSERT INTO event_values (event_id, name, value, unit, position) "
                          "SELECT fid, 'people', fid % 13, 'people', (SELECT count(*) FROM "
                          "event_values v WHERE v.event_id = fid) FROM events "
                          "WHERE fid % 3 = 0"_s)
                    .ok());
    }
    auto opened = CaseDocument::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().fullText()));
    CaseDocument& doc = *opened.value();
    auto ids = [&](const QString& sql) {
        QList<qint64> out;
        auto stmt = doc.db().prepare(sql);
        if (stmt)
            (void)stmt.value().forEachRow([&](SqliteStatement& st) { out << st.int64(0); });
        return out;
    };
    const QList<qint64> actors = ids(u"SELECT id FROM actors"_s);
    const QList<qint64> places = ids(u"SELECT fid FROM places"_s);
    const QList<qint64> sources = ids(u"SELECT id FROM sources"_s);
    QVERIFY(!actors.isEmpty() && !places.isEmpty() && !sources.isEmpty());
    FilterCriteria tagged;
    tagged.tags = {u"crackdown"_s};
    const QList<std::pair<ChartRequest, FilterCriteria>> charts = {
        {{ChartKind::EventsPerPeriod, ChartPeriod::Auto, {}}, {}},
        {{ChartKind::EventsPerPeriod, ChartPeriod::Week, {}}, tagged},
        {{ChartKind::ValueOverTime, ChartPeriod::Month, u"people"_s}, {}},
        {{ChartKind::TopActors, ChartPeriod::Auto, {}}, {}},
        {{ChartKind::TopPlaces, ChartPeriod::Auto, {}}, tagged},
        {{ChartKind::TopSources, ChartPeriod::Auto, {}}, {}},
        {{ChartKind::Reliability, ChartPeriod::Auto, {}}, {}}};
    std::vector<ChartTally> tallies;
    for (const auto& [request, filter] : charts) {
        auto t = ChartTally::load(doc.db(), filter, request);
        QVERIFY(t.ok());
        tallies.push_back(std::move(t).value());
    }
    QObject::connect(&doc, &CaseDocument::eventsAboutToChange, &doc, [&](const QList<qint64>& e) {
        for (ChartTally& t : tallies)
            t.eventsAboutToChange(doc.db(), e);
    });
    QObject::connect(&doc, &CaseDocument::eventsWritten, &doc, [&](const QList<qint64>& e) {
        for (ChartTally& t : tallies)
            t.eventsWritten(doc.db(), e);
    });
    int followed = 0, reloaded = 0;
    QObject::connect(
        &doc, &CaseDocument::recordsChanged, &doc, [&](RecordKind, const QList<qint64>& e) {
            for (size_t i = 0; i < tallies.size(); ++i) {
                if (tallies[i].applyChange(e)) {
                    ++followed;
                    continue;
                }
                ++reloaded; // the period changed, or the notice named none
                tallies[i] =
                    ChartTally::load(doc.db(), charts[int(i)].second, charts[int(i)].first).value();
            }
        });
    const char* dates[] = {"2021-03-04",    "2022?",      "2021-05",
                           "2020~/2021",    "2023-11-02", "2021-03-21",
                           "2024-01-17",    "2019",       "2021-03-01/2021-03-09",
                           "../2022-02-01", "2023-10/.."};
    const QStringList tags = {u"crackdown"_s, u"finance"_s, u"repatriation"_s, QString()};
    QRandomGenerator rng(23);
    auto any = [&](const QList<qint64>& from) { return from[rng.bounded(int(from.size()))]; };
    for (int step = 0; step < 80; ++step) {
        const QList<qint64> events = ids(u"SELECT fid FROM events"_s);
        const int op = int(rng.bounded(8));
        if (op <= 2) { // an edit of an event: its date, tags, actors, place, values
            auto e = doc.events().load(any(events));
            QVERIFY(e.ok());
            Event ev = e.value();
            ev.start = edtf(dates[rng.bounded(int(std::size(dates)))]);
            ev.end = {};
            const QString tag = tags[rng.bounded(int(tags.size()))];
            ev.tags = tag.isEmpty() ? QStringList() : QStringList{tag};
            ev.actors = {{any(actors), u"perpetrator"_s}};
            ev.placeId = any(places);
            ev.values = {{u"people"_s, double(rng.bounded(50)), u"people"_s}};
            QVERIFY(doc.updateEvent(ev).ok());
        } else if (op == 3) { // a new event, cited
            Event ev;
            ev.title = u"New %1"_s.arg(step);
            ev.start = edtf(dates[rng.bounded(int(std::size(dates)))]);
            ev.tags = {tags[0]};
            ev.placeId = any(places);
            auto id = doc.addEvent(ev);
            QVERIFY(id.ok());
            Citation c;
            c.eventId = id.value();
            c.sourceId = any(sources);
            QVERIFY(doc.addCitation(c).ok());
        } else if (op == 4) {
            QVERIFY(doc.deleteEvents({any(events), any(events)}).ok());
        } else if (op == 5) {
            doc.undoStack()->undo();
        } else if (op == 6) {
            doc.undoStack()->redo();
        } else { // an edit that fails inside its transaction (no such source): nothing counts
            Citation c;
            c.eventId = any(events);
            c.sourceId = 1 << 30;
            QVERIFY(!doc.addCitation(c).ok());
        }
        for (size_t i = 0; i < tallies.size(); ++i) {
            auto fresh = ChartTally::load(doc.db(), charts[int(i)].second, charts[int(i)].first);
            QVERIFY(fresh.ok());
            QCOMPARE(drawn(tallies[i]), drawn(fresh.value()));
        }
    }
    // Most changes were followed, not read again.
    QVERIFY2(followed > 5 * reloaded,
             qPrintable(u"%1 followed, %2 read again"_s.arg(followed).arg(reloaded)));
}

#include "tst_charts.moc"
