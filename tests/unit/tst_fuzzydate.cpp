#include "domain/fuzzydate.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace caseatlas;

// Hand-computed intervals: seconds since 1970-01-01T00:00:00Z, written as ISO text here.
class TestFuzzyDate : public QObject {
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void calendarRoundTrip();
    void fuzzFindingsRoundTrip();
    void ordering();
    void withinRanges();
    void approximateWidensPossibleRange();
    void display_data();
    void display();
    void qualifiersAreDecidedOnce_data();
    void qualifiersAreDecidedOnce();
    void periodHoldingNeedsTheWholeInterval();
};

static QString iso(qint64 s) {
    if (s == FuzzyDate::UnboundedPast)
        return u"-inf"_s;
    if (s == FuzzyDate::Unbounded)
        return u"+inf"_s;
    const QString t = FuzzyDate::isoUtc(s);
    return t.isEmpty() ? QString::number(s) : t;
}

void TestFuzzyDate::parses_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("earliest");
    QTest::addColumn<QString>("latest");
    QTest::addColumn<QString>("flags"); // u = uncertain, a = approximate, i = interval

    // Level 0: dates
    QTest::addRow("year") << "2023"
                          << "2023"
                          << "2023-01-01T00:00:00Z"
                          << "2023-12-31T23:59:59Z"
                          << "";
    QTest::addRow("month") << "2023-11"
                           << "2023-11"
                           << "2023-11-01T00:00:00Z"
                           << "2023-11-30T23:59:59Z"
                           << "";
    QTest::addRow("day") << "2023-11-12"
                         << "2023-11-12"
                         << "2023-11-12T00:00:00Z"
                         << "2023-11-12T23:59:59Z"
                         << "";
    QTest::addRow("february leap") << "2024-02"
                                   << "2024-02"
                                   << "2024-02-01T00:00:00Z"
                                   << "2024-02-29T23:59:59Z"
                                   << "";
    QTest::addRow("february common") << "2023-02"
                                     << "2023-02"
                                     << "2023-02-01T00:00:00Z"
                                     << "2023-02-28T23:59:59Z"
                                     << "";
    QTest::addRow("leap day 2000") << "2000-02-29"
                                   << "2000-02-29"
                                   << "2000-02-29T00:00:00Z"
                                   << "2000-02-29T23:59:59Z"
                                   << "";
    QTest::addRow("year 0001") << "0001"
                               << "0001"
                               << "0001-01-01T00:00:00Z"
                               << "0001-12-31T23:59:59Z"
                               << "";
    QTest::addRow("epoch day") << "1970-01-01"
                               << "1970-01-01"
                               << "1970-01-01T00:00:00Z"
                               << "1970-01-01T23:59:59Z"
                               << "";
    // Level 0: date and time
    QTest::addRow("minute Z") << "2023-11-12T14:30Z"
                              << "2023-11-12T14:30Z"
                              << "2023-11-12T14:30:00Z"
                              << "2023-11-12T14:30:59Z"
                              << "";
    QTest::addRow("second Z") << "2004-01-01T10:10:10Z"
                              << "2004-01-01T10:10:10Z"
                              << "2004-01-01T10:10:10Z"
                              << "2004-01-01T10:10:10Z"
                              << "";
    QTest::addRow("second no zone") << "2001-02-03T09:30:01"
                                    << "2001-02-03T09:30:01"
                                    << "2001-02-03T09:30:01Z"
                                    << "2001-02-03T09:30:01Z"
                                    << "";
    QTest::addRow("offset +05:00") << "2004-01-01T10:10:10+05:00"
                                   << "2004-01-01T10:10:10+05:00"
                                   << "2004-01-01T05:10:10Z"
                                   << "2004-01-01T05:10:10Z"
                                   << "";
    QTest::addRow("offset -03:30") << "2004-01-01T23:00:00-03:30"
                                   << "2004-01-01T23:00:00-03:30"
                                   << "2004-01-02T02:30:00Z"
                                   << "2004-01-02T02:30:00Z"
                                   << "";
    QTest::addRow("offset hours only") << "2004-01-01T10:10:10+05"
                                       << "2004-01-01T10:10:10+05:00"
                                       << "2004-01-01T05:10:10Z"
                                       << "2004-01-01T05:10:10Z"
                                       << "";
    // Level 0: intervals
    QTest::addRow("interval days") << "2023-10-27/2024-01-05"
                                   << "2023-10-27/2024-01-05"
                                   << "2023-10-27T00:00:00Z"
                                   << "2024-01-05T23:59:59Z"
                                   << "i";
    QTest::addRow("interval years") << "1964/2008"
                                    << "1964/2008"
                                    << "1964-01-01T00:00:00Z"
                                    << "2008-12-31T23:59:59Z"
                                    << "i";
    QTest::addRow("interval mixed") << "2004-06/2006-08"
                                    << "2004-06/2006-08"
                                    << "2004-06-01T00:00:00Z"
                                    << "2006-08-31T23:59:59Z"
                                    << "i";
    QTest::addRow("interval same day") << "2023-11-12/2023-11-12"
                                       << "2023-11-12/2023-11-12"
                                       << "2023-11-12T00:00:00Z"
                                       << "2023-11-12T23:59:59Z"
                                       << "i";
    // Level 1: qualifiers
    QTest::addRow("uncertain month") << "2023-11?"
                                     << "2023-11?"
                                     << "2023-11-01T00:00:00Z"
                                     << "2023-11-30T23:59:59Z"
                                     << "u";
    QTest::addRow("approximate month") << "2023-11~"
                                       << "2023-11~"
                                       << "2023-11-01T00:00:00Z"
                                       << "2023-11-30T23:59:59Z"
                                       << "a";
    QTest::addRow("both month") << "2023-11%"
                                << "2023-11%"
                                << "2023-11-01T00:00:00Z"
                                << "2023-11-30T23:59:59Z"
                                << "ua";
    QTest::addRow("uncertain year") << "1984?"
                                    << "1984?"
                                    << "1984-01-01T00:00:00Z"
                                    << "1984-12-31T23:59:59Z"
                                    << "u";
    QTest::addRow("approximate day") << "2004-06-11~"
                                     << "2004-06-11~"
                                     << "2004-06-11T00:00:00Z"
                                     << "2004-06-11T23:59:59Z"
                                     << "a";
    // Level 1: unspecified digits
    QTest::addRow("decade") << "201X"
                            << "201X"
                            << "2010-01-01T00:00:00Z"
                            << "2019-12-31T23:59:59Z"
                            << "";
    QTest::addRow("century") << "20XX"
                             << "20XX"
                             << "2000-01-01T00:00:00Z"
                             << "2099-12-31T23:59:59Z"
                             << "";
    QTest::addRow("millennium") << "1XXX"
                                << "1XXX"
                                << "1000-01-01T00:00:00Z"
                                << "1999-12-31T23:59:59Z"
                                << "";
    QTest::addRow("month unspecified") << "2004-XX"
                                       << "2004-XX"
                                       << "2004-01-01T00:00:00Z"
                                       << "2004-12-31T23:59:59Z"
                                       << "";
    QTest::addRow("day unspecified") << "1985-04-XX"
                                     << "1985-04-XX"
                                     << "1985-04-01T00:00:00Z"
                                     << "1985-04-30T23:59:59Z"
                                     << "";
    QTest::addRow("month and day unspecified") << "1985-XX-XX"
                                               << "1985-XX-XX"
                                               << "1985-01-01T00:00:00Z"
                                               << "1985-12-31T23:59:59Z"
                                               << "";
    QTest::addRow("unspecified uncertain") << "201X?"
                                           << "201X?"
                                           << "2010-01-01T00:00:00Z"
                                           << "2019-12-31T23:59:59Z"
                                           << "u";
    // Level 1: seasons (northern hemisphere; winter runs into the next year)
    QTest::addRow("spring") << "2023-21"
                            << "2023-21"
                            << "2023-03-01T00:00:00Z"
                            << "2023-05-31T23:59:59Z"
                            << "";
    QTest::addRow("summer") << "2023-22"
                            << "2023-22"
                            << "2023-06-01T00:00:00Z"
                            << "2023-08-31T23:59:59Z"
                            << "";
    QTest::addRow("autumn") << "2023-23"
                            << "2023-23"
                            << "2023-09-01T00:00:00Z"
                            << "2023-11-30T23:59:59Z"
                            << "";
    QTest::addRow("winter") << "2023-24"
                            << "2023-24"
                            << "2023-12-01T00:00:00Z"
                            << "2024-02-29T23:59:59Z"
                            << "";
    QTest::addRow("late 2023 approx") << "2023-23~"
                                      << "2023-23~"
                                      << "2023-09-01T00:00:00Z"
                                      << "2023-11-30T23:59:59Z"
                                      << "a";
    // Level 1: open and unknown interval ends
    QTest::addRow("open start (before)") << "../2024-01-05"
                                         << "../2024-01-05"
                                         << "-inf"
                                         << "2024-01-05T23:59:59Z"
                                         << "i";
    QTest::addRow("open end") << "2023-10/.."
                              << "2023-10/.."
                              << "2023-10-01T00:00:00Z"
                              << "+inf"
                              << "i";
    QTest::addRow("unknown end") << "2023-10/"
                                 << "2023-10/"
                                 << "2023-10-01T00:00:00Z"
                                 << "+inf"
                                 << "i";
    QTest::addRow("unknown start") << "/2006"
                                   << "/2006"
                                   << "-inf"
                                   << "2006-12-31T23:59:59Z"
                                   << "i";
    QTest::addRow("qualified interval") << "2004-06~/2004-06-11%"
                                        << "2004-06~/2004-06-11%"
                                        << "2004-06-01T00:00:00Z"
                                        << "2004-06-11T23:59:59Z"
                                        << "iua";
    QTest::addRow("open month before") << "../2024-01"
                                       << "../2024-01"
                                       << "-inf"
                                       << "2024-01-31T23:59:59Z"
                                       << "i";
    // Level 1: negative and Y-prefixed years
    QTest::addRow("negative year") << "-0044"
                                   << "-0044"
                                   << "-44"
                                   << "-44"
                                   << "";
    QTest::addRow("year zero") << "0000"
                               << "0000"
                               << "0"
                               << "0"
                               << "";
    QTest::addRow("Y year") << "Y170000002"
                            << "Y170000002"
                            << "Y"
                            << "Y"
                            << "";
    QTest::addRow("Y negative year") << "Y-170000002"
                                     << "Y-170000002"
                                     << "Y"
                                     << "Y"
                                     << "";
    QTest::addRow("whitespace trimmed") << "  2023-11 "
                                        << "2023-11"
                                        << "2023-11-01T00:00:00Z"
                                        << "2023-11-30T23:59:59Z"
                                        << "";
}

void TestFuzzyDate::parses() {
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(QString, earliest);
    QFETCH(QString, latest);
    QFETCH(QString, flags);
    auto r = FuzzyDate::parse(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    const FuzzyDate d = r.value();
    QVERIFY(d.isValid());
    QCOMPARE(d.toEdtf(), canonical);
    if (earliest == u"Y") {
        // Beyond ISO text: check against the calendar directly.
        const qint64 y = canonical.mid(1).toLongLong();
        QCOMPARE(d.earliest(), FuzzyDate::secondsFromCivil(y, 1, 1));
        QCOMPARE(d.latest(), FuzzyDate::secondsFromCivil(y, 12, 31) + 86399);
    } else if (earliest == u"-44" || earliest == u"0") {
        const qint64 y = earliest.toLongLong();
        QCOMPARE(d.earliest(), FuzzyDate::secondsFromCivil(y, 1, 1));
        QCOMPARE(d.latest(), FuzzyDate::secondsFromCivil(y, 12, 31) + 86399);
        QVERIFY(d.earliest() < FuzzyDate::secondsFromCivil(1, 1, 1));
    } else {
        QCOMPARE(iso(d.earliest()), earliest);
        QCOMPARE(iso(d.latest()), latest);
    }
    QCOMPARE(d.isUncertain(), flags.contains(u'u'));
    QCOMPARE(d.isApproximate(), flags.contains(u'a'));
    QCOMPARE(d.isInterval(), flags.contains(u'i'));
    // The canonical text parses back to the same date.
    auto again = FuzzyDate::parse(d.toEdtf());
    QVERIFY(again.ok());
    QCOMPARE(again.value(), d);
    QCOMPARE(again.value().earliest(), d.earliest());
    QCOMPARE(again.value().latest(), d.latest());
    // Every view reads the qualifiers from the stored text; they agree with the parsed date.
    QCOMPARE(FuzzyDate::qualifiersOf(d.toEdtf().toUtf8()), d.qualifiers());
}

void TestFuzzyDate::qualifiersAreDecidedOnce_data() {
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("words");
    QTest::addRow("exact") << "2023-10-27"
                           << ""
                           << "";
    QTest::addRow("decade") << "201X"
                            << ""
                            << ""; // a precision, not a doubt
    QTest::addRow("unspecified day") << "1985-04-XX"
                                     << ""
                                     << "";
    QTest::addRow("uncertain") << "2023?"
                               << ""
                               << "uncertain";
    QTest::addRow("approximate") << "2023~"
                                 << ""
                                 << "approximate";
    QTest::addRow("both") << "2023-11%"
                          << ""
                          << "uncertain, approximate";
    QTest::addRow("open start") << "../2023"
                                << ""
                                << "open start";
    QTest::addRow("unknown start") << "/2023"
                                   << ""
                                   << "open start";
    QTest::addRow("open end") << "2023~/.."
                              << ""
                              << "approximate, open end";
    QTest::addRow("unknown end") << "2023-10/"
                                 << ""
                                 << "open end";
    QTest::addRow("interval") << "2023~/2024?"
                              << ""
                              << "uncertain, approximate";
    QTest::addRow("start and end") << "2023-10"
                                   << "2024-01?"
                                   << "uncertain";
    QTest::addRow("end open") << "2023"
                              << "2024/.."
                              << "open end";
}

void TestFuzzyDate::qualifiersAreDecidedOnce() {
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, words);
    const FuzzyDate s = FuzzyDate::parse(start).value();
    const FuzzyDate e = end.isEmpty() ? FuzzyDate() : FuzzyDate::parse(end).value();
    const quint8 q = FuzzyDate::qualifiersOf(s, e);
    QCOMPARE(FuzzyDate::qualifierWords(q).join(u", "_s), words);
    QCOMPARE(FuzzyDate::qualifiersOf(start.toUtf8(), end.toUtf8()), q);
}

void TestFuzzyDate::periodHoldingNeedsTheWholeInterval() {
    using P = FuzzyDate::Period;
    auto holding = [](const char* edtf, P p) {
        const FuzzyDate d = FuzzyDate::parse(QString::fromLatin1(edtf)).value();
        return FuzzyDate::periodHolding(d.earliest(), d.latest(), p);
    };
    QCOMPARE(holding("2023-11-12", P::Day), QDate(2023, 11, 12));
    QCOMPARE(holding("2023-11-12", P::Week), QDate(2023, 11, 6)); // a Sunday: the Monday before
    QCOMPARE(holding("2023-11-13", P::Week), QDate(2023, 11, 13));
    QCOMPARE(holding("2023-11", P::Month), QDate(2023, 11, 1));
    QCOMPARE(holding("2023-11", P::Year), QDate(2023, 1, 1));
    QVERIFY(!holding("2023-11", P::Day).isValid()); // a month is not a day of it
    QVERIFY(!holding("2023-11", P::Week).isValid());
    QVERIFY(!holding("2023?", P::Month).isValid()); // nor is a year its January
    QCOMPARE(holding("2023?", P::Year), QDate(2023, 1, 1));
    QVERIFY(!holding("2023~/2024?", P::Year).isValid());
    QVERIFY(!holding("../2023", P::Year).isValid());
    QVERIFY(!holding("2023/..", P::Year).isValid());
    QVERIFY(!holding("201X", P::Year).isValid());
    QCOMPARE(holding("-0044-03-15", P::Year), QDate()); // before year 1: not charted
    QCOMPARE(holding("0001-01-01", P::Month), QDate(1, 1, 1));
}

void TestFuzzyDate::rejects_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason"); // a part of the message that explains why

    QTest::addRow("empty") << ""
                           << "empty";
    QTest::addRow("words") << "late 2023"
                           << "four digits";
    QTest::addRow("two-digit year") << "23"
                                    << "four digits";
    QTest::addRow("month 13") << "2023-13"
                              << "month 13 does not exist";
    QTest::addRow("month 00") << "2023-00"
                              << "month 00 does not exist";
    QTest::addRow("day 32") << "2023-01-32"
                            << "day 32 does not exist";
    QTest::addRow("feb 29 common year") << "2023-02-29"
                                        << "day 29 does not exist";
    QTest::addRow("feb 29 1900") << "1900-02-29"
                                 << "day 29 does not exist";
    QTest::addRow("hour 24") << "2023-11-12T24:00Z"
                             << "hour 24 is out of range";
    QTest::addRow("minute 60") << "2023-11-12T10:60Z"
                               << "minute 60 is out of range";
    QTest::addRow("trailing text") << "2023-11-12 noon"
                                   << "unexpected";
    QTest::addRow("slash only") << "/"
                                << "at least one date";
    QTest::addRow("both open") << "../.."
                               << "at least one date";
    QTest::addRow("reversed interval") << "2024/2023"
                                       << "ends before it starts";
    QTest::addRow("three parts") << "2020/2021/2022"
                                 << "exactly one";
    QTest::addRow("double qualifier") << "2023?~"
                                      << "one qualifier";
    QTest::addRow("qualifier with time") << "2023-11-12T10:00Z?"
                                         << "time cannot carry";
    QTest::addRow("Y short") << "Y2023"
                             << "more than four digits";
    QTest::addRow("five digits without Y") << "12023"
                                           << "leading \"Y\"";
    QTest::addRow("minus zero") << "-0000"
                                << "-0000";
    QTest::addRow("level 2 set") << "[1667,1668]"
                                 << "level 2";
    QTest::addRow("level 2 partial qualifier") << "2004-?06-11"
                                               << "two digits";
    QTest::addRow("level 2 inner qualifier") << "2004?-06-11"
                                             << "level 2";
    QTest::addRow("level 2 quarter") << "2001-33"
                                     << "level 2";
    QTest::addRow("level 2 X in middle") << "1X32"
                                         << "only allowed at its end";
    QTest::addRow("level 2 XXXX") << "XXXX"
                                  << "level 2";
    QTest::addRow("level 2 exponent") << "Y17E7"
                                      << "level 2";
    QTest::addRow("decade with month") << "201X-05"
                                       << "cannot have a month";
    QTest::addRow("day in unknown month") << "1985-XX-12"
                                          << "level 2";
    QTest::addRow("season with day") << "2023-21-05"
                                     << "season cannot";
    QTest::addRow("interval with time") << "2023-11-12T10:00Z/2023-11-13"
                                        << "without times";
    QTest::addRow("lone dots") << ".."
                               << "one end";
    QTest::addRow("too long") << QString(80, u'1') << "too long";
}

void TestFuzzyDate::rejects() {
    QFETCH(QString, input);
    QFETCH(QString, reason);
    auto r = FuzzyDate::parse(input);
    QVERIFY2(!r.ok(), qPrintable(u"accepted: "_s + input));
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
}

void TestFuzzyDate::calendarRoundTrip() {
    // Every 7th day over 5000 years either side of the epoch comes back from days to a date.
    for (qint64 day = -1'000'000; day < 1'000'000; day += 7) {
        qint64 y;
        int m, d;
        FuzzyDate::civilFromDays(day, y, m, d);
        QCOMPARE(FuzzyDate::daysFromCivil(y, m, d), day);
    }
    QCOMPARE(FuzzyDate::daysFromCivil(1970, 1, 1), 0);
    QCOMPARE(FuzzyDate::daysFromCivil(2000, 3, 1), 11017);
    QCOMPARE(FuzzyDate::daysFromCivil(0, 1, 1), -719528);
}

void TestFuzzyDate::ordering() {
    auto p = [](const char* s) { return FuzzyDate::parse(QString::fromLatin1(s)).value(); };
    QVERIFY(p("2023") < p("2023-11")); // earlier start first
    QVERIFY(p("2023-01") < p("2023")); // same start: shorter span first
    QVERIFY(p("2023-11-12") < p("2023-11-13"));
    QVERIFY(p("../2020") < p("1900"));     // open start sorts first
    QVERIFY(p("2023-11") < p("2023-11?")); // same interval: ordered by text, stable
    QVERIFY(p("-0044") < p("0001"));
    QCOMPARE(p("2023-11") <=> p("2023-11"), std::strong_ordering::equal);
}

void TestFuzzyDate::withinRanges() {
    const qint64 from = FuzzyDate::secondsFromCivil(2023, 1, 1);
    const qint64 to = FuzzyDate::secondsFromCivil(2023, 12, 31) + 86399;
    auto p = [](const char* s) { return FuzzyDate::parse(QString::fromLatin1(s)).value(); };
    QVERIFY(p("2023-11").certainlyWithin(from, to));
    QVERIFY(p("2023").certainlyWithin(from, to));
    QVERIFY(!p("2023-12/2024-01").certainlyWithin(from, to));
    QVERIFY(p("2023-12/2024-01").possiblyWithin(from, to));
    QVERIFY(!p("2024-01").possiblyWithin(from, to));
    QVERIFY(!p("../2024-01").certainlyWithin(from, to));
    QVERIFY(p("../2024-01").possiblyWithin(from, to));
    QVERIFY(p("2022-10/..").possiblyWithin(from, to));
    QVERIFY(!p("2022-10/..").certainlyWithin(from, to));
    QVERIFY(p("202X").possiblyWithin(from, to));
    QVERIFY(!p("202X").certainlyWithin(from, to));
    QVERIFY(!FuzzyDate().possiblyWithin(from, to));
}

void TestFuzzyDate::approximateWidensPossibleRange() {
    const qint64 from = FuzzyDate::secondsFromCivil(2023, 12, 1);
    const qint64 to = FuzzyDate::secondsFromCivil(2023, 12, 31) + 86399;
    const FuzzyDate approx = FuzzyDate::parse(u"2024-01~"_s).value();
    const FuzzyDate exact = FuzzyDate::parse(u"2024-01"_s).value();
    QVERIFY(approx.possiblyWithin(from, to)); // "about January 2024" may be December 2023
    QVERIFY(!exact.possiblyWithin(from, to));
    QCOMPARE(approx.possibleEarliest(), exact.earliest() - 31 * 86400);
    QCOMPARE(approx.possibleLatest(), exact.latest() + 31 * 86400);
    const FuzzyDate uncertain = FuzzyDate::parse(u"2024-01?"_s).value();
    QCOMPARE(uncertain.possibleEarliest(), uncertain.earliest());
}

void TestFuzzyDate::display_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("shown");
    QTest::addRow("day") << "2023-11-12"
                         << "12 Nov 2023";
    QTest::addRow("approx month") << "2023-11~"
                                  << "c. Nov 2023";
    QTest::addRow("uncertain year") << "2023?"
                                    << "2023?";
    QTest::addRow("before") << "../2024-01-05"
                            << "before 5 Jan 2024";
    QTest::addRow("from") << "2023-10/.."
                          << "from Oct 2023";
    QTest::addRow("season") << "2023-23"
                            << "autumn 2023";
    QTest::addRow("decade") << "201X"
                            << "2010s";
    QTest::addRow("range") << "2023-10-27/2024-01-05"
                           << "27 Oct 2023 – 5 Jan 2024";
}

void TestFuzzyDate::display() {
    QFETCH(QString, input);
    QFETCH(QString, shown);
    QCOMPARE(FuzzyDate::parse(input).value().toDisplayString(), shown);
}

// Every input the EDTF fuzzer found a fault with (tests/fuzz/regressions/edtf): what parses
// prints back to EDTF that parses to the same interval.
void TestFuzzyDate::fuzzFindingsRoundTrip() {
    const QDir dir(qEnvironmentVariable("CASEATLAS_SOURCE_DIR") +
                   QStringLiteral("/tests/fuzz/regressions/edtf"));
    const QStringList inputs = dir.entryList(QDir::Files);
    QVERIFY2(!inputs.isEmpty(), qPrintable(dir.path()));
    for (const QString& name : inputs) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        auto parsed = FuzzyDate::parse(text);
        if (!parsed)
            continue;
        auto again = FuzzyDate::parse(parsed.value().toEdtf());
        QVERIFY2(again.ok(), qPrintable(name + u": "_s + parsed.value().toEdtf()));
        QCOMPARE(again.value().earliest(), parsed.value().earliest());
        QCOMPARE(again.value().latest(), parsed.value().latest());
    }
    QCOMPARE(FuzzyDate::parse(u"Y-00170"_s).value().toEdtf(), u"-0170"_s);
}

QTEST_GUILESS_MAIN(TestFuzzyDate)
#include "tst_fuzzydate.moc"
