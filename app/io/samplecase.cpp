#include "io/samplecase.h"

#include "render/briefing.h"

#include "store/actorrepository.h"
#include "store/catalogrepository.h"
#include "store/eventrepository.h"
#include "store/noterepository.h"
#include "store/placerepository.h"
#include "store/sourcerepository.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include "store/attachmentstore.h"

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

struct SampleCitation {
    QString source; // key into the source table below
    QString locator;
    QString quote; // paraphrased in our own words
    int credibility;
};

struct SampleEvent {
    QString title;
    QString date; // EDTF
    QString description;
    QString place; // key
    QStringList tags;
    QList<std::pair<QString, QString>> actors; // key, role
    QList<SampleCitation> citations;
    EventStatus status = EventStatus::Draft;
    QString origin, destination;
};

FuzzyDate date(const QString& edtf) {
    auto d = FuzzyDate::parse(edtf);
    Q_ASSERT(d.ok());
    return d.ok() ? d.value() : FuzzyDate();
}

} // namespace

Status writeSampleCase(CaseFile& file) {
    SqliteDatabase& db = file.db();
    SqliteTransaction tx(db);
    CA_TRY(tx.status());
    auto events = db.count(u"SELECT count(*) FROM events"_s);
    if (!events)
        return events.error();
    if (events.value() != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas",
                                        "The sample case can only be written into an empty case."));

    CA_TRY(
        file.setMeta(u"title"_s, u"Kokang scam compounds: protection, crackdown, repatriation"_s));
    CA_TRY(file.setMeta(
        u"description"_s,
        u"Sample case built from one news article (Candid.Technology) that reports a "
        "Washington Post investigation. Dates the article does not give are entered as "
        "honest EDTF uncertainty and flagged in each event."_s));

    // --- places ---
    struct SamplePlace {
        QString key, name, kind, country;
        double lon, lat;
        QList<Alias> aliases;
    };
    const QList<SamplePlace> samplePlaces = {
        {u"kokang"_s,
         u"Kokang Self-Administered Zone"_s,
         u"region"_s,
         u"MM"_s,
         98.75,
         23.85,
         {{u"果敢"_s, u"zh-Hans"_s}, {u"ကိုးကန့်"_s, u"my"_s}, {u"Kokang"_s, u"en"_s}}},
        {u"laukkai"_s,
         u"Laukkai"_s,
         u"town"_s,
         u"MM"_s,
         98.76,
         23.69,
         {{u"老街"_s, u"zh-Hans"_s}, {u"လောက်ကိုင်"_s, u"my"_s}}},
        {u"lincang"_s,
         u"Lincang"_s,
         u"city"_s,
         u"CN"_s,
         100.09,
         23.88,
         {{u"临沧市"_s, u"zh-Hans"_s}}},
        {u"yunnan"_s,
         u"Yunnan Province"_s,
         u"province"_s,
         u"CN"_s,
         101.5,
         25.0,
         {{u"云南省"_s, u"zh-Hans"_s}}},
        {u"beijing"_s,
         u"Beijing"_s,
         u"capital"_s,
         u"CN"_s,
         116.41,
         39.90,
         {{u"北京"_s, u"zh-Hans"_s}}},
        {u"myanmar"_s,
         u"Myanmar (other regions)"_s,
         u"country"_s,
         u"MM"_s,
         96.0,
         20.0,
         {{u"缅甸"_s, u"zh-Hans"_s}, {u"မြန်မာ"_s, u"my"_s}}},
        {u"cambodia"_s,
         u"Cambodia"_s,
         u"country"_s,
         u"KH"_s,
         104.99,
         12.57,
         {{u"柬埔寨"_s, u"zh-Hans"_s}}},
    };
    QHash<QString, qint64> place;
    PlaceRepository places(db);
    for (const SamplePlace& sp : samplePlaces) {
        Place p;
        p.name = sp.name;
        p.kind = sp.kind;
        p.countryCode = sp.country;
        p.point = GeoPoint{sp.lon, sp.lat};
        p.aliases = sp.aliases;
        if (sp.kind == u"country" || sp.kind == u"province" || sp.kind == u"region")
            p.description = u"Point is a rough centre for display; the place is an area."_s;
        auto id = places.insert(p);
        if (!id)
            return id.error();
        place.insert(sp.key, id.value());
    }

    // --- actors ---
    struct SampleActor {
        QString key, name;
        ActorKind kind;
        bool isProtected;
        QString description;
        QList<Alias> aliases;
    };
    const QList<SampleActor> sampleActors = {
        {u"wei"_s,
         u"Wei family"_s,
         ActorKind::Group,
         false,
         u"One of the three Kokang crime families named in the article."_s,
         {{u"魏氏家族"_s, u"zh-Hans"_s}}},
        {u"bai"_s,
         u"Bai family"_s,
         ActorKind::Group,
         false,
         u"One of the three Kokang crime families named in the article."_s,
         {{u"白氏家族"_s, u"zh-Hans"_s}}},
        {u"liu"_s,
         u"Liu family"_s,
         ActorKind::Group,
         false,
         u"One of the three Kokang crime families named in the article."_s,
         {{u"刘氏家族"_s, u"zh-Hans"_s}}},
        {u"lu"_s,
         u"Lu Zhihua"_s,
         ActorKind::Person,
         false,
         u"Former deputy mayor of Lincang City. The article gives no Chinese characters for the name."_s,
         {}},
        {u"prc"_s,
         u"Government of China"_s,
         ActorKind::StateBody,
         false,
         QString(),
         {{u"中国政府"_s, u"zh-Hans"_s}}},
        {u"yunnan_officials"_s,
         u"Yunnan border officials"_s,
         ActorKind::StateBody,
         false,
         u"High-ranking officials in China's border regions, as described in the article; unnamed."_s,
         {{u"云南边境官员"_s, u"zh-Hans"_s}}},
        {u"ccp"_s,
         u"Chinese Communist Party"_s,
         ActorKind::Organisation,
         false,
         QString(),
         {{u"中国共产党"_s, u"zh-Hans"_s}}},
        {u"junta"_s,
         u"Myanmar military junta"_s,
         ActorKind::StateBody,
         false,
         QString(),
         {{u"缅甸军政府"_s, u"zh-Hans"_s}, {u"တပ်မတော်"_s, u"my"_s}}},
        {u"workers"_s,
         u"Trafficked compound workers"_s,
         ActorKind::Group,
         true,
         u"Victims. Kept as a group; no individual is named in this case."_s,
         {}},
        {u"targets"_s,
         u"Scam targets in China"_s,
         ActorKind::Group,
         true,
         u"Victims of the fraud, many of them elderly savers."_s,
         {}},
        {u"chinese_media"_s,
         u"Chinese state media"_s,
         ActorKind::Organisation,
         false,
         QString(),
         {{u"中国官方媒体"_s, u"zh-Hans"_s}}},
    };
    QHash<QString, qint64> actor;
    ActorRepository actors(db);
    for (const SampleActor& sa : sampleActors) {
        Actor a;
        a.name = sa.name;
        a.kind = sa.kind;
        a.protectedPerson = sa.isProtected;
        a.description = sa.description;
        a.aliases = sa.aliases;
        a.sensitivity = sa.isProtected ? Sensitivity::Internal : Sensitivity::Public;
        auto id = actors.insert(a);
        if (!id)
            return id.error();
        actor.insert(sa.key, id.value());
    }

    // --- sources ---
    QHash<QString, qint64> source;
    SourceRepository sources(db);
    {
        Source s;
        s.kind = SourceKind::WebPage;
        s.title = u"China-supported cyber scam operations in Myanmar dismantled"_s;
        s.author = u"Kumar Hemant"_s;
        s.publisher = u"Candid.Technology"_s;
        s.url = u"https://candid.technology/"_s;
        s.published = date(u"2024?"_s);
        s.language = u"en"_s;
        s.reliability = Reliability::C;
        s.notes =
            u"Secondary report summarising a Washington Post investigation. The copy used for this "
            "case carries no publication date or address; the year is inferred and marked "
            "uncertain, and the URL is the publisher's site, where the article is found by its "
            "title."_s;
        auto id = sources.insert(s);
        if (!id)
            return id.error();
        source.insert(u"candid"_s, id.value());
    }
    {
        Source s;
        s.kind = SourceKind::Report;
        s.title = u"Investigation into Kokang crime families and Chinese officials"_s;
        s.publisher = u"The Washington Post"_s;
        s.url = u"https://www.washingtonpost.com/"_s;
        s.published = date(u"2023/2024"_s);
        s.language = u"en"_s;
        s.reliability = Reliability::B;
        s.notes =
            u"Known here only through the Candid.Technology article, which reports its findings; "
            "not consulted directly. Title is descriptive, not the original headline; the URL is "
            "the publisher's site (the investigation's own address is not known here)."_s;
        auto id = sources.insert(s);
        if (!id)
            return id.error();
        source.insert(u"wapo"_s, id.value());
    }

    const QString noDate =
        u"\n\n*Date:* the article gives no date for this; the EDTF value is an honest range, not a finding."_s;
    const QList<SampleEvent> sampleEvents = {
        {u"Scam compounds run in Kokang under official protection"_s,
         u"2013~/2023~"_s,
         u"For more than a decade, cyber-scam operations in Kokang grew under the protection and "
         u"complicity "
         "of Chinese and Myanmar officials."_s +
             noDate,
         u"kokang"_s,
         {u"scam-compounds"_s, u"official-ties"_s},
         {{u"wei"_s, u"perpetrator"_s}, {u"bai"_s, u"perpetrator"_s}, {u"liu"_s, u"perpetrator"_s}},
         {{u"candid"_s, u"para. 1"_s,
           u"Operations in Kokang flourished for over ten years, shielded by officials on both sides of the border."_s,
           3}}},
        {u"Workers smuggled into Myanmar and forced into scam work"_s,
         u"2013~/2023~"_s,
         u"Crime networks moved workers into Myanmar and coerced them to work in fortified "
         u"compounds; lax "
         "border control and occasional complicity of Chinese officials kept the flow going."_s +
             noDate,
         u"kokang"_s,
         {u"trafficking"_s},
         {{u"workers"_s, u"victim"_s}, {u"yunnan_officials"_s, u"official"_s}},
         {{u"candid"_s, u"paras. 4–5"_s,
           u"Workers were trafficked in and forced to work; border laxity let the traffic continue."_s,
           3}},
         EventStatus::Draft,
         u"yunnan"_s,
         u"kokang"_s},
        {u"More than 300 compounds hold hundreds of thousands of people"_s,
         u"../2023"_s,
         u"The article counts over 300 compounds in the Kokang region holding hundreds of thousands of people."_s +
             noDate,
         u"kokang"_s,
         {u"scam-compounds"_s},
         {{u"workers"_s, u"victim"_s}},
         {{u"candid"_s, u"para. 6"_s,
           u"Kokang had in excess of three hundred compounds with several hundred thousand people inside."_s,
           3}}},
        {u"Beatings, torture and shootings of workers who missed targets"_s,
         u"../2023"_s,
         u"Workers who missed targets were beaten and tortured; some reported being shot or "
         u"stabbed. Families kept "
         "caged lions, tigers and bears to frighten people."_s +
             noDate,
         u"kokang"_s,
         {u"abuse"_s},
         {{u"workers"_s, u"victim"_s}},
         {{u"candid"_s, u"para. 6"_s,
           u"Accounts of beatings, torture, shootings and stabbings; caged big animals used for intimidation."_s,
           3}}},
        {u"Scams aimed at Chinese savers drain pensions and savings"_s,
         u"2013~/2023~"_s,
         u"Workers were trained in relationship and romance scams aimed at elderly people and "
         u"other Chinese "
         "speakers, taking billions from pensions and savings."_s +
             noDate,
         u"kokang"_s,
         {u"scam-compounds"_s, u"finance"_s},
         {{u"targets"_s, u"victim"_s}},
         {{u"candid"_s, u"paras. 8–9"_s,
           u"Fraud targeted Chinese citizens and siphoned billions from their savings."_s, 3}}},
        {u"Lincang deputy mayor Lu Zhihua meets the Wei family"_s,
         u"../2023"_s,
         u"Lu Zhihua, then deputy mayor of Lincang City, met members of the Wei family to talk "
         u"about "
         "\"investment opportunities\"."_s +
             noDate,
         u"lincang"_s,
         {u"official-ties"_s},
         {{u"lu"_s, u"official"_s}, {u"wei"_s, u"perpetrator"_s}},
         {{u"candid"_s, u"para. 11"_s,
           u"The former Lincang deputy mayor held talks with Wei family members framed as investment."_s,
           3},
          {u"wapo"_s, QString(),
           u"Reported by the article as a finding of the Post's investigation of officials' ties."_s,
           2}}},
        {u"Yunnan officials take kickbacks and look away"_s,
         u"../2023"_s,
         u"Senior officials in Yunnan and other border areas had close ties to the Kokang families "
         u"and ignored "
         "illegal activity in return for kickbacks."_s +
             noDate,
         u"yunnan"_s,
         {u"official-ties"_s},
         {{u"yunnan_officials"_s, u"official"_s}},
         {{u"wapo"_s, QString(),
           u"Officials in the border province were found to be close to the families and paid to ignore crime."_s,
           2},
          {u"candid"_s, u"para. 10"_s,
           u"Border-region officials, Yunnan among them, turned a blind eye for compensation."_s,
           3}}},
        {u"Belt and Road projects ease the flow of people and money"_s,
         u"2013~/2023~"_s,
         u"Roads, bridges and business development built under the Belt and Road Initiative also "
         u"eased the "
         "movement of resources and personnel for the scam industry."_s +
             noDate,
         u"kokang"_s,
         {u"infrastructure"_s},
         {{u"prc"_s, u"official"_s}},
         {{u"candid"_s, u"para. 14"_s,
           u"BRI infrastructure gave cover and smoothed logistics for the scam business."_s, 4}}},
        {u"Crime families expand into casinos, gems, banking and laundering"_s,
         u"../2023"_s,
         u"The families also ran real estate, hotels, casinos, gems, agriculture, cigarettes and "
         u"pesticides, and "
         "moved into underground banking and money laundering."_s +
             noDate,
         u"kokang"_s,
         {u"finance"_s},
         {{u"wei"_s, u"perpetrator"_s}, {u"bai"_s, u"perpetrator"_s}, {u"liu"_s, u"perpetrator"_s}},
         {{u"candid"_s, u"para. 21"_s,
           u"Side businesses included casinos, gems and cigarettes, plus underground banking."_s,
           3}}},
        {u"Public anger and exposure push Beijing to act"_s,
         u"2023?"_s,
         u"Criticism from Chinese citizens over government inaction and international exposure "
         u"made a "
         "crackdown politically expedient."_s +
             noDate,
         u"beijing"_s,
         {u"crackdown"_s},
         {{u"prc"_s, u"official"_s}},
         {{u"candid"_s, u"paras. 16–17"_s,
           u"Domestic outrage and foreign attention changed Beijing's calculation."_s, 4}}},
        {u"China moves to dismantle the Kokang scam operations"_s,
         u"2023~"_s,
         u"The Chinese government begins taking apart the operations and bringing members of the "
         u"crime "
         "families to justice."_s +
             noDate,
         u"kokang"_s,
         {u"crackdown"_s},
         {{u"prc"_s, u"official"_s},
          {u"wei"_s, u"target"_s},
          {u"bai"_s, u"target"_s},
          {u"liu"_s, u"target"_s}},
         {{u"candid"_s, u"para. 1"_s,
           u"China is now dismantling the operations and prosecuting those behind them."_s, 2}},
         EventStatus::Corroborated},
        {u"State media hails the arrests; online traces of official ties removed"_s,
         u"2023~/2024?"_s,
         u"Chinese state media called the arrest of the kingpins a \"death knell\" for the "
         u"operations, while "
         "evidence linking the families to Party officials was removed from social media and the web."_s +
             noDate,
         u"beijing"_s,
         {u"crackdown"_s, u"media"_s},
         {{u"chinese_media"_s, u"witness"_s}, {u"ccp"_s, u"official"_s}},
         {{u"candid"_s, u"para. 20"_s,
           u"Arrests were celebrated in state media; linking material was scrubbed online."_s, 3}},
         EventStatus::Disputed},
        {u"Investigation finds over a thousand cases, mostly against low-ranking members"_s,
         u"2023/2024"_s,
         u"The Post's investigation found more than a thousand criminal cases, mostly against "
         u"low-ranking "
         "gang members, while senior figures worked with officials."_s +
             noDate,
         u"lincang"_s,
         {u"court-case"_s},
         {},
         {{u"wapo"_s, QString(),
           u"Over one thousand cases were identified, largely against junior members."_s, 2},
          {u"candid"_s, u"para. 7"_s, u"The Post counted more than a thousand criminal cases."_s,
           3}}},
        {u"Junta and China repatriate foreigners to China"_s,
         u"2023~/.."_s,
         u"As the crackdown continues, Myanmar's military junta works with the Chinese government "
         u"to return "
         "foreigners from the compounds to China. The article gives no figures."_s +
             noDate,
         u"laukkai"_s,
         {u"repatriation"_s},
         {{u"junta"_s, u"official"_s}, {u"prc"_s, u"official"_s}, {u"workers"_s, u"victim"_s}},
         {{u"candid"_s, u"para. 22"_s,
           u"Repatriations of foreigners to China are under way with the junta's cooperation."_s,
           3}},
         EventStatus::Draft,
         u"laukkai"_s,
         u"yunnan"_s},
        {u"Scam industry shifts to other regions, targets English speakers"_s,
         u"2024?"_s,
         u"The operation moves to other regions of Myanmar and now targets English-speaking "
         u"countries, "
         "including the United States."_s +
             noDate,
         u"myanmar"_s,
         {u"displacement"_s, u"scam-compounds"_s},
         {},
         {{u"candid"_s, u"para. 22"_s,
           u"The scams relocated within Myanmar and turned to English-speaking victims."_s, 3}},
         EventStatus::Draft,
         u"kokang"_s,
         u"myanmar"_s},
        {u"Similar forced scam work reported in Cambodia"_s,
         u"../2024"_s,
         u"The article notes a similar industry in Cambodia, where Indian workers were forced into scam work."_s +
             noDate,
         u"cambodia"_s,
         {u"trafficking"_s},
         {},
         {{u"candid"_s, u"para. 4"_s,
           u"A comparable industry operates in Cambodia using trafficked Indian workers."_s, 4}}},
    };

    EventRepository eventRepo(db);
    SourceRepository citeRepo(db);
    QList<qint64> eventIds;
    for (const SampleEvent& se : sampleEvents) {
        Event e;
        e.title = se.title;
        e.start = date(se.date);
        e.description = se.description;
        e.placeId = place.value(se.place);
        e.originPlaceId = se.origin.isEmpty() ? 0 : place.value(se.origin);
        e.destinationPlaceId = se.destination.isEmpty() ? 0 : place.value(se.destination);
        e.locationPrecision = se.place == u"laukkai" || se.place == u"lincang"
                                  ? LocationPrecision::AdminArea
                                  : LocationPrecision::Country;
        e.tags = se.tags;
        for (const auto& [key, role] : se.actors)
            e.actors.append({actor.value(key), role});
        e.status = se.status;
        auto id = eventRepo.insert(e);
        if (!id)
            return id.error();
        eventIds << id.value();
        for (const SampleCitation& c : se.citations) {
            Citation cit;
            cit.eventId = id.value();
            cit.sourceId = source.value(c.source);
            cit.locator = c.locator;
            cit.quote = c.quote;
            cit.credibility = c.credibility;
            auto cid = citeRepo.insert(cit);
            if (!cid)
                return cid.error();
        }
    }

    CatalogRepository catalog(db);
    const QList<std::pair<QString, QColor>> tagColors = {
        {u"scam-compounds"_s, QColor(0xc0, 0x39, 0x2b)},
        {u"trafficking"_s, QColor(0x8e, 0x44, 0xad)},
        {u"abuse"_s, QColor(0x7b, 0x24, 0x1c)},
        {u"official-ties"_s, QColor(0xd3, 0x54, 0x00)},
        {u"finance"_s, QColor(0x16, 0xa0, 0x85)},
        {u"infrastructure"_s, QColor(0x7f, 0x8c, 0x8d)},
        {u"crackdown"_s, QColor(0x29, 0x80, 0xb9)},
        {u"media"_s, QColor(0x34, 0x49, 0x5e)},
        {u"court-case"_s, QColor(0x27, 0xae, 0x60)},
        {u"repatriation"_s, QColor(0x1a, 0xbc, 0x9c)},
        {u"displacement"_s, QColor(0xf3, 0x9c, 0x12)},
    };
    auto tags = catalog.tags();
    if (!tags)
        return tags.error();
    for (Tag t : tags.value())
        for (const auto& [name, color] : tagColors)
            if (t.name == name) {
                t.color = color;
                CA_TRY(catalog.update(t));
            }

    for (const auto& [name, span, color] :
         {std::tuple{u"Compounds flourish under protection"_s, u"2013~/2023~"_s,
                     QColor(0xf5, 0xb7, 0xb1)},
          std::tuple{u"Crackdown and repatriations"_s, u"2023~/.."_s, QColor(0xae, 0xd6, 0xf1)}}) {
        Era era{0, name, date(span), color,
                u"Bounds are approximate; the article gives no dates."_s};
        auto id = catalog.insert(era);
        if (!id)
            return id.error();
    }

    SavedView view;
    view.name = u"Crackdown and repatriations"_s;
    view.filter =
        QJsonObject{{u"tags"_s, QJsonArray{u"crackdown"_s, u"repatriation"_s, u"displacement"_s}}};
    view.timeFrom = u"2023"_s;
    view.west = 96.5;
    view.south = 20.0;
    view.east = 117.0;
    view.north = 41.0;
    auto viewId = catalog.insert(view);
    if (!viewId)
        return viewId.error();
    // The briefing a reporter would take to an editor: the crackdown, for the public.
    BriefingOptions brief;
    brief.layout = BriefingLayout::A4Landscape;
    brief.profile = ExportProfile::Public;
    brief.title = u"China dismantles the Kokang scam compounds"_s;
    brief.subtitle = u"Crackdown and repatriations, 2023 onwards, as reported"_s;
    brief.author = u"CaseAtlas sample case"_s;
    if (auto id = catalog.insert(
            SavedBriefing{0, u"Crackdown briefing"_s, viewId.value(), briefingSettings(brief)});
        !id)
        return id.error();

    Note summary;
    summary.title = u"Case summary and open questions"_s;
    summary.sensitivity = Sensitivity::Internal;
    summary.body =
        u"# What this case shows\n\n"
        "Three Kokang families — [[actor:%1|Wei]], [[actor:%2|Bai]] and [[actor:%3|Liu]] — ran "
        "scam compounds "
        "for about a decade ([[event:%4|protected operations]]), staffed by [[event:%5|trafficked "
        "workers]].\n\n"
        "Official ties: [[event:%6|the Lincang meeting]] with [[actor:%7|Lu Zhihua]].\n\n"
        "# Open questions\n\n"
        "- Exact dates: the article gives none; find the Post investigation itself "
        "([[source:%8]]).\n"
        "- Numbers repatriated through [[place:%9|Laukkai]]: not in the article.\n"_s
            .arg(actor.value(u"wei"_s))
            .arg(actor.value(u"bai"_s))
            .arg(actor.value(u"liu"_s))
            .arg(eventIds.value(0))
            .arg(eventIds.value(1))
            .arg(eventIds.value(5))
            .arg(actor.value(u"lu"_s))
            .arg(source.value(u"wapo"_s))
            .arg(place.value(u"laukkai"_s));
    if (auto id = NoteRepository(db).insert(summary); !id)
        return id.error();

    // A capture record as evidence: it shows the attachment store and the custody log at work.
    QByteArray record =
        "Capture record\n"
        "Item: text of the Candid.Technology article 'China-supported cyber scam operations in "
        "Myanmar dismantled'\n"
        "Form received: plain text supplied with the project (seed-article.txt); no address or "
        "capture date.\n"
        "Note: this record describes the capture; the article text itself is not redistributed.\n";
    QBuffer buffer(&record);
    buffer.open(QIODevice::ReadOnly);
    Attachment meta;
    meta.fileName = u"capture-record.txt"_s;
    meta.mimeType = u"text/plain"_s;
    meta.sourceId = source.value(u"candid"_s);
    meta.collectedBy = u"CaseAtlas sample"_s;
    if (auto added = AttachmentStore(db).addLogged(buffer, meta, u"CaseAtlas sample"_s); !added)
        return added.error();
    return tx.commit();
}

} // namespace caseatlas
