#pragma once

// A case with something to hide: a protected witness (with Chinese and Burmese aliases), a
// confidential official, place, event, source and note, and an internal event with exact
// coordinates. Exports and briefings under the public profile must not let any of `secrets`
// out.

#include "testsupport.h"

#include <QUrl>

namespace caseatlas::test {

struct SensitiveCase {
    qint64 publicEvent = 0, confidentialEvent = 0;
    // Strings that only confidential records or protected people hold.
    QStringList secrets = {
        QStringLiteral("Xylophone"), QStringLiteral("Quokka"),     QStringLiteral("Aung Kyaw Moe"),
        QStringLiteral("昂觉"),      QStringLiteral("အောင်ကျော်မိုး"), QStringLiteral("Wombat"),
        QStringLiteral("Narwhal"),   QStringLiteral("Zebra plan"), QStringLiteral("98.761234")};
};

inline SensitiveCase fillSensitiveCase(CaseDocument& d) {
    using namespace Qt::StringLiterals;
    SensitiveCase c;
    Actor witness;
    witness.name = u"Aung Kyaw Moe"_s;
    witness.protectedPerson = true;
    witness.aliases = {{u"昂觉"_s, u"zh-Hans"_s}, {u"အောင်ကျော်မိုး"_s, u"my"_s}};
    const qint64 witnessId = d.addActor(witness).value();
    Actor colonel;
    colonel.name = u"Colonel Wombat"_s;
    colonel.sensitivity = Sensitivity::Confidential;
    const qint64 colonelId = d.addActor(colonel).value();
    Place safehouse;
    safehouse.name = u"Safehouse Narwhal"_s;
    safehouse.point = GeoPoint{98.7, 23.7};
    safehouse.sensitivity = Sensitivity::Confidential;
    const qint64 safehouseId = d.addPlace(safehouse).value();
    Place town;
    town.name = u"Laukkai"_s;
    town.point = GeoPoint{98.76, 23.69};
    const qint64 townId = d.addPlace(town).value();

    Event raid;
    raid.title = u"Raid on the compound; Aung Kyaw Moe saw it"_s;
    raid.description = u"昂觉 told us; Colonel Wombat ordered it from Safehouse Narwhal."_s;
    raid.start = edtf("2023-11-12");
    raid.placeId = townId;
    raid.tags = {u"crackdown"_s};
    raid.actors = {{witnessId, u"witness"_s}, {colonelId, u"official"_s}};
    c.publicEvent = d.addEvent(raid).value();
    Event meeting;
    meeting.title = u"Secret meeting at safehouse Xylophone"_s;
    meeting.start = edtf("2023-10");
    meeting.placeId = safehouseId;
    meeting.sensitivity = Sensitivity::Confidential;
    c.confidentialEvent = d.addEvent(meeting).value();
    const qint64 meetingId = c.confidentialEvent;
    Event transfer;
    transfer.title = u"Transfer of workers"_s;
    transfer.start = edtf("2023-12~");
    transfer.point = GeoPoint{98.761234, 23.691234};
    transfer.sensitivity = Sensitivity::Internal;
    d.addEvent(transfer).value();

    Source article;
    article.title = u"News article"_s;
    article.url = u"https://example.org/raid"_s;
    article.notes = u"Wombat's office called us about this"_s; // a researcher's remark
    const qint64 articleId = d.addSource(article).value();
    Source dossier;
    dossier.title = u"Informant dossier Quokka"_s;
    dossier.sensitivity = Sensitivity::Confidential;
    const qint64 dossierId = d.addSource(dossier).value();
    d.addCitation(
         {0, c.publicEvent, articleId, {}, u"para. 2"_s, u"Aung Kyaw Moe described the raid"_s, 2})
        .value();
    d.addCitation({0, c.publicEvent, dossierId, {}, u"p. 1"_s, u"from the dossier"_s, 2}).value();

    Note open;
    open.title = u"Open questions"_s;
    open.sensitivity = Sensitivity::Public;
    open.body = u"Compare [[event:%1|Secret meeting at safehouse Xylophone]] with [[event:%2]]."_s
                    .arg(meetingId)
                    .arg(c.publicEvent);
    d.addNote(open).value();
    Note secret;
    secret.title = u"Zebra plan"_s;
    secret.sensitivity = Sensitivity::Confidential;
    d.addNote(secret).value();
    return c;
}

} // namespace caseatlas::test

namespace caseatlas::test {

// A case whose every text field — the case title, events' titles, descriptions, tags, actor
// roles, value names and units, sources' titles, authors, publishers, addresses, archive
// addresses and languages, citations' locators and quotes, places' names and descriptions, eras,
// notes — names two protected people and a confidential official, each written as it slips past
// a plain search: in capitals, decomposed (NFD), with HTML character references and
// percent-escapes, split across a (Markdown) line, with double spaces, soft hyphens, zero-width
// spaces and emphasis. `hidden` are the names, which no public export may hold in any form.
struct LeakyCase {
    QStringList hidden = {QStringLiteral("Aung Kyaw Moe"), QStringLiteral("Lê Thị Hằng"),
                          QStringLiteral("Colonel Wombat")};
};

inline QStringList nameVariants(const QString& name) {
    using namespace Qt::StringLiterals;
    QString entities; // every other letter as a character reference
    for (qsizetype i = 0; i < name.size(); ++i)
        entities += i % 2 && name.at(i).isLetter()
                        ? (i % 4 == 1 ? u"&#%1;"_s.arg(uint(name.at(i).unicode()))
                                      : u"&#x%1;"_s.arg(uint(name.at(i).unicode()), 0, 16))
                        : QString(name.at(i));
    QString softened = name;
    softened.insert(2, QChar(0x00AD));
    QString percent = QString::fromLatin1(QUrl::toPercentEncoding(name));
    QString wrapped = name, quoted = name, spaced = name, zeroWidth = name, emphasis = name;
    const qsizetype space = name.indexOf(u' ');
    wrapped.replace(space, 1, u"\n  "_s);
    quoted.replace(space, 1, u"\n> "_s);
    spaced.replace(u" "_s, u"   "_s);
    zeroWidth.replace(space, 1, u"\u200B \u200B"_s);
    emphasis = u"**"_s + name.left(space) + u"**"_s + name.mid(space);
    return {name,      name.toUpper(), name.normalized(QString::NormalizationForm_D),
            entities,  softened,       percent,
            wrapped,   quoted,         spaced,
            zeroWidth, emphasis,       QString(name).replace(u' ', u'-').toLower()};
}

inline LeakyCase fillLeakyCase(CaseDocument& d) {
    using namespace Qt::StringLiterals;
    LeakyCase c;
    QStringList v;
    for (const QString& name : c.hidden)
        v << nameVariants(name);
    qsizetype next = 0;
    auto some = [&] { return v.at(next++ % v.size()); }; // each field a different variant
    auto sentence = [&] { return u"Seen by %1 and %2."_s.arg(some(), some()); };
    qsizetype nextUrl = 0; // addresses hold names percent-escaped or as slugs
    auto inUrl = [&] {
        const QString name = c.hidden.at(nextUrl % c.hidden.size());
        return nextUrl++ % 2 ? QString::fromLatin1(QUrl::toPercentEncoding(name))
                             : QString(name).replace(u' ', u'-').toLower();
    };

    Actor witness;
    witness.name = c.hidden[0];
    witness.protectedPerson = true;
    const qint64 witnessId = d.addActor(witness).value();
    Actor worker;
    worker.name = c.hidden[1];
    worker.protectedPerson = true;
    const qint64 workerId = d.addActor(worker).value();
    Actor colonel;
    colonel.name = c.hidden[2];
    colonel.sensitivity = Sensitivity::Confidential;
    d.addActor(colonel).value();
    Actor family;
    family.name = u"The family"_s;
    family.description = sentence();
    const qint64 familyId = d.addActor(family).value();
    Place town;
    town.name = u"Laukkai"_s;
    town.point = GeoPoint{98.76, 23.69};
    town.description = sentence();
    town.kind = sentence();
    const qint64 townId = d.addPlace(town).value();
    Place house;
    house.name = some() + u"'s house"_s;
    house.point = GeoPoint{98.77, 23.70};
    const qint64 houseId = d.addPlace(house).value();

    (void)d.setTitle(u"Case of "_s + some());
    for (int i = 0; i < 4; ++i) {
        Event e;
        e.title = u"Raid %1: "_s.arg(i + 1) + some() + u" saw it"_s;
        e.description = u"# Account\n\n"_s + sentence() + u"\n\n> "_s + sentence() + u"\n"_s;
        e.start = FuzzyDate::parse(u"2023-11-1%1"_s.arg(i)).value();
        e.placeId = i % 2 ? townId : houseId;
        e.tags = {u"witness "_s + some(), u"crackdown"_s};
        e.actors = {{witnessId, u"witness"_s},
                    {familyId, u"mother of "_s + some()},
                    {workerId, u"worker"_s}};
        e.values = {{u"people who saw "_s + some(), 3, u"friends of "_s + some()}};
        const qint64 eventId = d.addEvent(e).value();
        Source s;
        s.title = u"Interview with "_s + some();
        s.author = some();
        s.publisher = u"Press of "_s + some();
        s.url = u"https://example.org/"_s + inUrl() + u"/interview"_s;
        s.archiveUrl = u"https://archive.example.org/web/"_s + inUrl();
        s.language = some();
        const qint64 sourceId = d.addSource(s).value();
        d.addCitation({0, eventId, sourceId, {}, u"tape of "_s + some(), sentence(), 2}).value();
    }
    Era era;
    era.name = u"The time of "_s + some();
    era.span = FuzzyDate::parse(u"2023-10/2023-12"_s).value();
    era.description = sentence();
    d.addEra(era).value();
    Note note;
    note.title = u"About "_s + some();
    note.sensitivity = Sensitivity::Public;
    note.body = sentence() + u"\n\n"_s + sentence() + u" [[actor:%1]]"_s.arg(witnessId);
    d.addNote(note).value();
    return c;
}

} // namespace caseatlas::test
