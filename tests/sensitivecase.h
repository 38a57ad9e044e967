#pragma once

// A case with something to hide: a protected witness (with Chinese and Burmese aliases), a
// confidential official, place, event, source and note, and an internal event with exact
// coordinates. Exports and briefings under the public profile must not let any of `secrets`
// out.

#include "testsupport.h"

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
