#include "testsupport.h"

#include "io/samplecase.h"

using namespace Qt::StringLiterals;
using namespace caseatlas;
using namespace caseatlas::test;

// The sample case built from the seed article: every event cited, honest dates, names in
// Chinese and Burmese, places with coordinates.
class TestSampleCase : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyEventIsCited();
    void undatedEventsSayTheDateIsUncertain();
    void namesInSeveralScripts();
    void placesHaveCoordinates();
    void noteLinksResolve();
    void refusesNonEmptyCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseDocument> m_doc;
};

void TestSampleCase::initTestCase() {
    const QString path = m_dir.filePath(u"sample.caseatlas"_s);
    {
        auto file = CaseFile::create(path, u"x"_s);
        QVERIFY(file.ok());
        const Status s = writeSampleCase(file.value());
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().fullText()));
    }
    m_doc = CaseDocument::open(path).value();
    QVERIFY(m_doc->title().contains(u"Kokang"_s));
}

void TestSampleCase::everyEventIsCited() {
    const auto events = m_doc->events().all().value();
    QVERIFY(events.size() >= 12);
    for (const Event& e : events) {
        const auto citations = m_doc->sources().citationsOfEvent(e.id).value();
        QVERIFY2(!citations.isEmpty(), qPrintable(e.title));
        for (const Citation& c : citations) {
            QVERIFY(!c.quote.isEmpty());
            QVERIFY(c.credibility >= 1 && c.credibility <= 6);
        }
        QVERIFY2(!e.tags.isEmpty(), qPrintable(e.title));
    }
    const auto sources = m_doc->sources().all().value();
    QCOMPARE(sources.size(), 2);
    QStringList publishers;
    for (const Source& s : sources)
        publishers << s.publisher;
    QVERIFY(publishers.contains(u"Candid.Technology"_s));
    QVERIFY(publishers.contains(u"The Washington Post"_s));
}

void TestSampleCase::undatedEventsSayTheDateIsUncertain() {
    for (const Event& e : m_doc->events().all().value()) {
        const FuzzyDate& d = e.start;
        const bool honest = d.isUncertain() || d.isApproximate() || d.isInterval();
        QVERIFY2(honest, qPrintable(e.title + u": "_s + d.toEdtf()));
        QVERIFY2(e.description.contains(u"no date"_s), qPrintable(e.title));
    }
}

void TestSampleCase::namesInSeveralScripts() {
    QVERIFY(!m_doc->actors().findByName(u"魏氏家族"_s).value().isEmpty());
    QVERIFY(!m_doc->actors().findByName(u"တပ်မတော်"_s).value().isEmpty());
    QVERIFY(!m_doc->places().findByName(u"果敢"_s).value().isEmpty());
    QVERIFY(!m_doc->places().findByName(u"临沧市"_s).value().isEmpty());
    int protectedGroups = 0;
    for (const Actor& a : m_doc->actors().all().value())
        protectedGroups += a.protectedPerson ? 1 : 0;
    QVERIFY(protectedGroups >= 1);
}

void TestSampleCase::placesHaveCoordinates() {
    for (const Place& p : m_doc->places().all().value()) {
        QVERIFY2(p.point.has_value(), qPrintable(p.name));
        QVERIFY(p.point->lon > 90 && p.point->lon < 120);
        QVERIFY(p.point->lat > 10 && p.point->lat < 45);
    }
    // Movements: repatriation from Laukkai into Yunnan.
    int movements = 0;
    for (const Event& e : m_doc->events().all().value())
        movements += e.originPlaceId && e.destinationPlaceId ? 1 : 0;
    QVERIFY(movements >= 2);
}

void TestSampleCase::noteLinksResolve() {
    const auto notes = m_doc->notes().all().value();
    QCOMPARE(notes.size(), 1);
    const auto links = m_doc->notes().links(notes[0].id).value();
    QVERIFY(links.size() >= 6);
    for (const NoteLink& l : links) {
        bool exists = false;
        switch (l.kind) {
        case LinkTarget::Event:
            exists = m_doc->events().load(l.targetId).ok();
            break;
        case LinkTarget::Actor:
            exists = m_doc->actors().load(l.targetId).ok();
            break;
        case LinkTarget::Place:
            exists = m_doc->places().load(l.targetId).ok();
            break;
        case LinkTarget::Source:
            exists = m_doc->sources().load(l.targetId).ok();
            break;
        }
        QVERIFY(exists);
    }
    QCOMPARE(m_doc->catalog().savedViews().value().size(), 1);
    QCOMPARE(m_doc->catalog().eras().value().size(), 2);
    QVERIFY(m_doc->verifyEvidence(false).value().isEmpty());
}

void TestSampleCase::refusesNonEmptyCase() {
    QVERIFY(!writeSampleCase(m_doc->file()).ok());
}

QTEST_GUILESS_MAIN(TestSampleCase)
#include "tst_samplecase.moc"
