#include "io/syntheticcase.h"

#include "store/actorrepository.h"
#include "store/bulkwrite.h"
#include "store/catalogrepository.h"
#include "store/eventrepository.h"
#include "store/noterepository.h"
#include "store/placerepository.h"
#include "store/sourcerepository.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <random>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// Portable draws from a fixed engine (std distributions differ between standard libraries).
class Draw {
public:
    explicit Draw(quint64 seed)
        : m_engine(seed) {}
    quint64 next() { return m_engine(); }
    qint64 below(qint64 n) { return qint64(next() % quint64(n)); }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double between(double lo, double hi) { return lo + (hi - lo) * unit(); }

private:
    std::mt19937_64 m_engine;
};

const QStringList kLanes = {u"scam-compounds"_s, u"trafficking"_s,    u"repatriation"_s,
                            u"crackdown"_s,      u"official-ties"_s,  u"finance"_s,
                            u"abuse"_s,          u"infrastructure"_s, u"displacement"_s,
                            u"armed-clash"_s,    u"court-case"_s,     u"media"_s};
const QStringList kVerbs = {u"Raid on"_s,     u"Transfer from"_s, u"Meeting at"_s,
                            u"Report from"_s, u"Arrests in"_s,    u"Workers freed in"_s,
                            u"Clash near"_s,  u"Payment via"_s};

// Words of this field in Chinese and Burmese, for multilingual cases.
const QStringList kChinese = {u"诈骗园区"_s, u"电信诈骗"_s, u"人口贩卖"_s, u"遣返"_s, u"缅北"_s,
                              u"果敢"_s,     u"老街"_s,     u"妙瓦底"_s,   u"边境"_s, u"警方"_s,
                              u"突袭"_s,     u"逮捕"_s,     u"受害者"_s,   u"家族"_s, u"赌场"_s,
                              u"洗钱"_s,     u"绑架"_s,     u"解救"_s,     u"移交"_s, u"临沧"_s};
const QStringList kBurmese = {u"လောက်ကိုင်"_s, u"ကိုးကန့်"_s,  u"မြန်မာ"_s, u"နယ်စပ်"_s, u"ရဲ"_s,
                              u"ဖမ်းဆီး"_s,  u"လိမ်လည်မှု"_s, u"လူကုန်ကူး"_s, u"ပြန်ပို့"_s, u"စစ်တပ်"_s};

QString pick(Draw& d, const QStringList& words) {
    return words.at(int(d.below(words.size())));
}

QString edtfFor(Draw& d, qint64 day0, int kind) {
    qint64 y;
    int m, dd;
    FuzzyDate::civilFromDays(day0, y, m, dd);
    const QString ymd = u"%1-%2-%3"_s.arg(y, 4, 10, QChar(u'0'))
                            .arg(m, 2, 10, QChar(u'0'))
                            .arg(dd, 2, 10, QChar(u'0'));
    const QString ym = ymd.left(7);
    switch (kind) {
    case 0:
        return ymd;
    case 1:
        return ym;
    case 2:
        return QString::number(y);
    case 3:
        return ym + u'~';
    case 4:
        return ymd + u'?';
    case 5: {
        qint64 y2;
        int m2, d2;
        FuzzyDate::civilFromDays(day0 + 1 + d.below(120), y2, m2, d2);
        return ymd + u"/%1-%2-%3"_s.arg(y2, 4, 10, QChar(u'0'))
                         .arg(m2, 2, 10, QChar(u'0'))
                         .arg(d2, 2, 10, QChar(u'0'));
    }
    case 6:
        return u"%1-%2"_s.arg(y).arg(21 + d.below(4));
    case 7:
        return d.below(2) ? u"../"_s + ym : ym + u"/.."_s;
    case 8:
        return QString::number(y).left(3) + u'X';
    default:
        return ymd + u"T%1:%2Z"_s.arg(d.below(24), 2, 10, QChar(u'0'))
                         .arg(d.below(60), 2, 10, QChar(u'0'));
    }
}

int precisionKind(Draw& d) {
    const qint64 r = d.below(100);
    if (r < 45)
        return 0; // day
    if (r < 63)
        return 1; // month
    if (r < 71)
        return 2; // year
    if (r < 77)
        return 3; // approximate month
    if (r < 83)
        return 4; // uncertain day
    if (r < 89)
        return 5; // interval
    if (r < 92)
        return 6; // season
    if (r < 94)
        return 7; // open-ended
    if (r < 95)
        return 8; // decade
    return 9;     // minute
}

} // namespace

Status generateSyntheticCase(CaseFile& file, const SyntheticCaseOptions& o) {
    if (o.events < 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "The number of events cannot be negative."));
    SqliteDatabase& db = file.db();
    Draw d(o.seed);
    SqliteTransaction tx(db);
    CA_TRY(tx.status());
    BulkWrite bulk(
        db, {u"events"_s, u"event_tags"_s, u"event_actors"_s, u"event_values"_s, u"citations"_s});
    CA_TRY(bulk.status());

    const qint64 placeCount = std::clamp<qint64>(o.events / 500, 20, 2000);
    const qint64 actorCount = std::clamp<qint64>(o.events / 300, 30, 5000);
    const qint64 sourceCount = std::clamp<qint64>(o.events / 20, 10, 50000);

    for (int i = 0; i < kLanes.size(); ++i) {
        Tag t{0, kLanes[i], QColor::fromHsv(i * 360 / int(kLanes.size()), 160, 200)};
        auto id = CatalogRepository(db).insert(t);
        if (!id)
            return id.error();
    }
    PlaceRepository places(db);
    for (qint64 i = 0; i < placeCount; ++i) {
        Place p;
        p.name = u"Place %1"_s.arg(i + 1);
        p.kind = i % 10 == 0 ? u"town"_s : u"village"_s;
        p.countryCode = i % 3 == 0 ? u"TH"_s : u"MM"_s;
        p.point = GeoPoint{d.between(92.5, 101.5), d.between(15.0, 27.5)};
        auto id = places.insert(p);
        if (!id)
            return id.error();
    }
    ActorRepository actors(db);
    for (qint64 i = 0; i < actorCount; ++i) {
        Actor a;
        a.name = u"Actor %1"_s.arg(i + 1);
        a.kind = ActorKind(d.below(4));
        a.protectedPerson = d.below(20) == 0;
        auto id = actors.insert(a);
        if (!id)
            return id.error();
    }
    SourceRepository sources(db);
    for (qint64 i = 0; i < sourceCount; ++i) {
        Source s;
        s.title = u"Report %1"_s.arg(i + 1);
        s.kind = SourceKind(d.below(8));
        s.publisher = u"Publisher %1"_s.arg(d.below(40) + 1);
        s.url = u"https://example.org/reports/%1"_s.arg(i + 1);
        s.reliability = Reliability(d.below(6));
        auto id = sources.insert(s);
        if (!id)
            return id.error();
    }

    EventRepository events(db);
    auto cite = db.prepare(
        u"INSERT INTO citations (event_id, source_id, locator, credibility) VALUES (?, ?, ?, ?)"_s);
    if (!cite)
        return cite.error();
    const qint64 firstDay = FuzzyDate::daysFromCivil(1990, 1, 1);
    const qint64 spanDays = FuzzyDate::daysFromCivil(2025, 12, 31) - firstDay;
    for (qint64 i = 0; i < o.events; ++i) {
        Event e;
        // Deterministic, increasing ids: the same seed gives the same file, and the unique
        // index on uuid grows at its end.
        e.uuid = u"%1-0000-8000-8000-%2"_s.arg(quint32(o.seed), 8, 16, QChar(u'0'))
                     .arg(i + 1, 12, 16, QChar(u'0'));
        const qint64 place = 1 + d.below(placeCount);
        e.title =
            u"%1 place %2 (#%3)"_s.arg(kVerbs[int(d.below(kVerbs.size()))]).arg(place).arg(i + 1);
        if (o.multilingual) {
            // Three in ten titles in Chinese, one in Burmese; descriptions mixed.
            const qint64 script = i % 10;
            if (script < 3)
                e.title = pick(d, kChinese) + pick(d, kChinese) +
                          u"：地点%1（#%2）"_s.arg(place).arg(i + 1);
            else if (script == 3)
                e.title = pick(d, kBurmese) + u' ' + pick(d, kBurmese) + u" (#%1)"_s.arg(i + 1);
            e.description = u"%1 %2 %3, %4 %5."_s.arg(
                pick(d, kChinese), pick(d, kBurmese), kVerbs[int(d.below(kVerbs.size()))],
                pick(d, kChinese), kLanes[int(d.below(kLanes.size()))]);
        }
        auto start = FuzzyDate::parse(edtfFor(d, firstDay + d.below(spanDays), precisionKind(d)));
        if (!start)
            return start.error();
        e.start = start.value();
        const qint64 loc = d.below(10);
        if (loc < 7) {
            e.placeId = place;
            e.point = GeoPoint{d.between(92.5, 101.5), d.between(15.0, 27.5)};
            e.locationPrecision = LocationPrecision::Exact;
        } else if (loc < 9) {
            e.placeId = place;
            e.locationPrecision = LocationPrecision::AdminArea;
        }
        e.tags = {kLanes[int(d.below(kLanes.size()))]};
        if (d.below(4) == 0)
            e.actors = {{1 + d.below(actorCount), u"perpetrator"_s}};
        if (d.below(5) == 0)
            e.values = {{u"people"_s, double(1 + d.below(500)), u"people"_s}};
        e.status = d.below(10) == 0 ? EventStatus::Disputed : EventStatus::Draft;
        e.sensitivity = d.below(20) == 0 ? Sensitivity::Confidential : Sensitivity::Public;
        auto id = events.insertUnchecked(e);
        if (!id)
            return id.error();
        const qint64 citations = d.below(20) == 0 ? 0 : 1 + d.below(2);
        for (qint64 c = 0; c < citations; ++c) {
            cite.value().reset();
            cite.value()
                .bind(1, id.value())
                .bind(2, 1 + d.below(sourceCount))
                .bind(3, u"p. %1"_s.arg(1 + d.below(40)))
                .bind(4, int(1 + d.below(6)));
            CA_TRY(cite.value().run());
        }
        if (o.progress && (i % 10000) == 0 && !o.progress(i))
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "Generation was cancelled; nothing was written."));
    }

    NoteRepository notes(db);
    const qint64 noteCount = o.noteFraction > 0 ? qint64(double(o.events) * o.noteFraction)
                                                : std::clamp<qint64>(o.events / 1000, 5, 1000);
    for (qint64 i = 0; i < noteCount; ++i) {
        Note n;
        n.title = u"Working note %1"_s.arg(i + 1);
        n.body =
            u"Compare [[event:%1|this event]] with [[event:%2]] and the role of [[actor:%3]].\n"_s
                .arg(1 + d.below(std::max<qint64>(o.events, 1)))
                .arg(1 + d.below(std::max<qint64>(o.events, 1)))
                .arg(1 + d.below(actorCount));
        if (o.multilingual)
            n.body += u"%1%2，%3 %4。\n"_s.arg(pick(d, kChinese), pick(d, kChinese),
                                               pick(d, kBurmese), pick(d, kBurmese));
        auto id = notes.insert(n);
        if (!id)
            return id.error();
    }
    CA_TRY(bulk.finish());
    CA_TRY(file.setMeta(u"title"_s,
                        u"Synthetic case (%1 events, seed %2)"_s.arg(o.events).arg(o.seed)));
    return tx.commit();
}

Status writeSyntheticAcled(const QString& path, qint64 rows) {
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, u"Could not write %1."_s.arg(path));
    out.write("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
              "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
              "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
              "location,latitude,longitude,geo_precision,source,source_scale,notes,"
              "fatalities,tags,timestamp\n");
    static const char* const types[] = {"Battles",
                                        "Protests",
                                        "Riots",
                                        "Violence against civilians",
                                        "Explosions/Remote violence",
                                        "Strategic developments"};
    // Notes as exports have them: quoted, some over several lines, with quotes inside ("" in
    // the CSV) and in Chinese and Burmese, so that the reader unescapes and copies a share of
    // the fields, as it does with a real export.
    static const QByteArray notes[] = {
        "On this day, reports say armed groups clashed near the township; several people were "
        "displaced and a number of homes were damaged, according to local media.",
        "On this day, police raided a compound near the border.\nLocal media said \"\"dozens\"\" "
        "of workers were detained.\nFatalities: none reported.",
        "据当地媒体报道，武装团体在镇区附近发生冲突；数人流离失所，多处房屋受损。\n"
        "遣返人员已移交边境。",
        "ဒေသခံမီဒီယာများအရ လက်နက်ကိုင်အဖွဲ့များ မြို့နယ်အနီးတွင် တိုက်ပွဲဖြစ်ပွားခဲ့သည်။ "
        "(\"\"ပြည်သူများ\"\" ရွှေ့ပြောင်းခဲ့ရသည်)"};
    QByteArray buffer;
    for (qint64 i = 0; i < rows; ++i) {
        const int day = int(i % 3650);
        const QDate date = QDate(2015, 1, 1).addDays(day);
        const int loc = int((i * 7919) % 5000);
        buffer += QByteArray("MMR") + QByteArray::number(i + 1) + ',' +
                  date.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(date.year()) +
                  ',' + QByteArray::number(1 + i % 3) + ",Political violence," + types[i % 6] +
                  ",Armed clash,Actor group " + QByteArray::number(i % 900) + ",Associated group " +
                  QByteArray::number(i % 300) + ",2,Actor group " +
                  QByteArray::number((i * 31) % 900) +
                  ",,3,23,,104,Southeast Asia,Myanmar,Region " + QByteArray::number(loc % 14) +
                  ",District " + QByteArray::number(loc % 70) + ",Township " +
                  QByteArray::number(loc) + ",Location " + QByteArray::number(loc) + ',' +
                  QByteArray::number(16 + (loc % 100) * 0.1, 'f', 4) + ',' +
                  QByteArray::number(94 + (loc / 100) * 0.1, 'f', 4) + ',' +
                  QByteArray::number(1 + i % 3) + ",\"Source " + QByteArray::number(i % 400) +
                  "; Source " + QByteArray::number((i * 13) % 400) + "\",National,\"" +
                  notes[i % 4] + "\"," + QByteArray::number(i % 7) + ",,1700000000\n";
        if (buffer.size() > (1 << 22)) {
            out.write(buffer);
            buffer.clear();
        }
    }
    out.write(buffer);
    if (!out.flush() || out.error() != QFileDevice::NoError)
        return makeError(ErrorCode::Io, u"Could not write %1."_s.arg(path), out.errorString());
    return {};
}

} // namespace caseatlas
