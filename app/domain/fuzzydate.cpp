#include "domain/fuzzydate.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

constexpr qint64 kMaxYear = 999'999'999; // beyond this, seconds would lose meaning for users
constexpr qint64 kDay = 86400;

Error invalid(QStringView text, const QString& reason) {
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate("caseatlas", "\"%1\" is not a valid date: %2.")
                         .arg(text.toString(), reason));
}

// Reads one end of an interval (or a single date). `pos` advances over what was read.
class PointParser {
public:
    PointParser(QStringView whole, QStringView part)
        : m_whole(whole)
        , m_s(part) {}

    Result<FuzzyDate::Point> parse() {
        FuzzyDate::Point p;
        if (m_s.contains(u'[') || m_s.contains(u'{'))
            return fail(
                u"sets of dates ([…] or {…}) belong to EDTF level 2, which is not supported"_s);
        if (m_s.isEmpty())
            return fail(u"a date is missing"_s);

        bool negative = false;
        if (peek() == u'Y') {
            ++m_pos;
            p.yearPrefixed = true;
            if (peek() == u'-') {
                negative = true;
                ++m_pos;
            }
            const qsizetype begin = m_pos;
            while (isDigit(peek()))
                ++m_pos;
            const qsizetype n = m_pos - begin;
            if (n == 0)
                return fail(u"\"Y\" must be followed by the digits of a year"_s);
            if (peek() == u'E' || peek() == u'S')
                return fail(
                    u"exponents and significant digits belong to EDTF level 2, which is not supported"_s);
            if (n <= 4)
                return fail(
                    u"a year written with \"Y\" must have more than four digits (write \"%1\" without it)"_s
                        .arg(m_s.mid(begin, n).toString()));
            if (n > 9)
                return fail(u"the year is too far from the present to be handled"_s);
            p.year = m_s.mid(begin, n).toLongLong();
            if (negative)
                p.year = -p.year;
            p.precision = FuzzyDate::Precision::Year;
            return finish(p);
        }

        if (peek() == u'-') {
            negative = true;
            ++m_pos;
        }
        // Four year characters, digits or trailing X.
        if (m_pos + 4 > m_s.size())
            return fail(u"the year must have four digits"_s);
        qint64 year = 0;
        int xs = 0;
        for (int i = 0; i < 4; ++i) {
            const QChar c = m_s.at(m_pos + i);
            if (isDigit(c)) {
                if (xs > 0)
                    return fail(
                        u"unspecified digits (X) in a year are only allowed at its end at EDTF level 1"_s);
                year = year * 10 + (c.unicode() - u'0');
            } else if (c == u'X') {
                ++xs;
                year = year * 10;
            } else {
                return fail(u"the year must have four digits"_s);
            }
        }
        m_pos += 4;
        if (isDigit(peek()))
            return fail(u"years with more than four digits must be written with a leading \"Y\""_s);
        if (negative && year == 0 && xs == 0)
            return fail(u"year -0000 does not exist; write 0000"_s);
        if (xs == 4)
            return fail(
                u"a completely unspecified year (XXXX) belongs to EDTF level 2, which is not supported"_s);
        p.year = negative ? -year : year;
        p.unspecifiedYearDigits = quint8(xs);
        p.precision = xs == 0   ? FuzzyDate::Precision::Year
                      : xs == 1 ? FuzzyDate::Precision::Decade
                      : xs == 2 ? FuzzyDate::Precision::Century
                                : FuzzyDate::Precision::Millennium;
        if (isQualifier(peek()) && m_pos + 1 < m_s.size() && m_s.at(m_pos + 1) == u'-')
            return fail(
                u"a qualifier inside a date (as in \"2004?-06\") belongs to EDTF level 2, which is not supported"_s);

        if (peek() != u'-')
            return finish(p);
        if (xs > 0)
            return fail(u"a year with unspecified digits cannot have a month at EDTF level 1"_s);
        ++m_pos;

        // Month, season or XX.
        const QStringView mm = m_s.mid(m_pos, 2);
        if (mm.size() < 2)
            return fail(u"the month must have two digits"_s);
        m_pos += 2;
        if (mm == u"XX") {
            p.monthUnspecified = true;
            p.precision = FuzzyDate::Precision::Year;
        } else if (isDigit(mm.at(0)) && isDigit(mm.at(1))) {
            const int v = mm.toInt();
            if (v >= 1 && v <= 12) {
                p.month = v;
                p.precision = FuzzyDate::Precision::Month;
            } else if (v >= 21 && v <= 24) {
                p.season = v;
                p.precision = FuzzyDate::Precision::Season;
                if (peek() == u'-')
                    return fail(u"a season cannot be followed by a day"_s);
                return finish(p);
            } else if (v >= 25 && v <= 41) {
                return fail(
                    u"seasons %1 (quarters, hemispheres) belong to EDTF level 2, which is not supported"_s
                        .arg(v));
            } else {
                return fail(u"month %1 does not exist (use 01–12, or 21–24 for seasons)"_s.arg(
                    mm.toString()));
            }
        } else if (mm.contains(u'X')) {
            return fail(
                u"a partly unspecified month belongs to EDTF level 2, which is not supported"_s);
        } else {
            return fail(u"the month must have two digits"_s);
        }
        if (isQualifier(peek()) && m_pos + 1 < m_s.size() && m_s.at(m_pos + 1) == u'-')
            return fail(
                u"a qualifier inside a date (as in \"2004-06?-11\") belongs to EDTF level 2, which is not supported"_s);

        if (peek() != u'-')
            return finish(p);
        ++m_pos;
        const QStringView dd = m_s.mid(m_pos, 2);
        if (dd.size() < 2)
            return fail(u"the day must have two digits"_s);
        m_pos += 2;
        if (dd == u"XX") {
            p.dayUnspecified = true;
        } else if (isDigit(dd.at(0)) && isDigit(dd.at(1))) {
            if (p.monthUnspecified)
                return fail(
                    u"a known day in an unspecified month belongs to EDTF level 2, which is not supported"_s);
            const int v = dd.toInt();
            const int maxDay = FuzzyDate::daysInMonth(p.year, p.month);
            if (v < 1 || v > maxDay)
                return fail(u"day %1 does not exist in %2-%3"_s.arg(dd.toString())
                                .arg(p.year, 4, 10, QChar(u'0'))
                                .arg(p.month, 2, 10, QChar(u'0')));
            p.day = v;
            p.precision = FuzzyDate::Precision::Day;
        } else if (dd.contains(u'X')) {
            return fail(
                u"a partly unspecified day belongs to EDTF level 2, which is not supported"_s);
        } else {
            return fail(u"the day must have two digits"_s);
        }

        if (peek() == u'T') {
            if (p.dayUnspecified)
                return fail(u"a time needs a known day"_s);
            ++m_pos;
            CA_TRY(parseTime(p));
        }
        return finish(p);
    }

private:
    static bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }
    static bool isQualifier(QChar c) { return c == u'?' || c == u'~' || c == u'%'; }
    QChar peek() const { return m_pos < m_s.size() ? m_s.at(m_pos) : QChar(); }

    Error fail(const QString& reason) const { return invalid(m_whole, reason); }

    Result<int> twoDigits(const QString& what, int max) {
        const QStringView v = m_s.mid(m_pos, 2);
        if (v.size() < 2 || !isDigit(v.at(0)) || !isDigit(v.at(1)))
            return fail(u"the %1 must have two digits"_s.arg(what));
        m_pos += 2;
        const int n = v.toInt();
        if (n > max)
            return fail(u"%1 %2 is out of range (0–%3)"_s.arg(what).arg(n).arg(max));
        return n;
    }

    Status parseTime(FuzzyDate::Point& p) {
        auto h = twoDigits(u"hour"_s, 23);
        if (!h)
            return h.error();
        if (peek() != u':')
            return fail(u"a time is written hh:mm or hh:mm:ss"_s);
        ++m_pos;
        auto m = twoDigits(u"minute"_s, 59);
        if (!m)
            return m.error();
        p.hour = h.value();
        p.minute = m.value();
        p.hasTime = true;
        p.precision = FuzzyDate::Precision::Minute;
        if (peek() == u':') {
            ++m_pos;
            auto s = twoDigits(u"second"_s, 59);
            if (!s)
                return s.error();
            p.second = s.value();
            p.hasSeconds = true;
            p.precision = FuzzyDate::Precision::Second;
        }
        if (peek() == u'Z') {
            ++m_pos;
            p.hasZone = p.zoneIsZ = true;
        } else if (peek() == u'+' || peek() == u'-') {
            const int sign = peek() == u'-' ? -1 : 1;
            ++m_pos;
            auto zh = twoDigits(u"zone hour"_s, 14);
            if (!zh)
                return zh.error();
            int zm = 0;
            if (peek() == u':') {
                ++m_pos;
                auto z = twoDigits(u"zone minute"_s, 59);
                if (!z)
                    return z.error();
                zm = z.value();
            }
            p.hasZone = true;
            p.tzOffsetMinutes = sign * (zh.value() * 60 + zm);
        }
        if (isQualifier(peek()))
            return fail(u"a date with a time cannot carry ?, ~ or %"_s);
        return {};
    }

    Result<FuzzyDate::Point> finish(FuzzyDate::Point p) {
        if (isQualifier(peek())) {
            const QChar q = peek();
            ++m_pos;
            p.uncertain = q == u'?' || q == u'%';
            p.approximate = q == u'~' || q == u'%';
            if (isQualifier(peek()))
                return fail(u"use one qualifier: \"%\" means both uncertain and approximate"_s);
        }
        if (m_pos != m_s.size()) {
            const QChar c = m_s.at(m_pos);
            if (c == u'E' || c == u'S')
                return fail(
                    u"exponents and significant digits belong to EDTF level 2, which is not supported"_s);
            return fail(u"unexpected \"%1\" after the date"_s.arg(m_s.mid(m_pos).toString()));
        }
        if (p.year > kMaxYear || p.year < -kMaxYear)
            return fail(u"the year is too far from the present to be handled"_s);
        computeBounds(p);
        return p;
    }

    static void computeBounds(FuzzyDate::Point& p) {
        using P = FuzzyDate::Precision;
        qint64 loYear = p.year, hiYear = p.year;
        if (p.unspecifiedYearDigits > 0) {
            qint64 span = 1;
            for (int i = 0; i < p.unspecifiedYearDigits; ++i)
                span *= 10;
            const qint64 other = p.year >= 0 ? p.year + span - 1 : p.year - (span - 1);
            loYear = std::min(p.year, other);
            hiYear = std::max(p.year, other);
        }
        if (p.season != 0) {
            static constexpr int firstMonth[] = {3, 6, 9, 12};
            const int m0 = firstMonth[p.season - 21];
            p.earliest = FuzzyDate::secondsFromCivil(p.year, m0, 1);
            qint64 y1 = p.year;
            int m1 = m0 + 2;
            if (m1 > 12) {
                m1 -= 12;
                ++y1;
            }
            p.latest =
                FuzzyDate::secondsFromCivil(y1, m1, FuzzyDate::daysInMonth(y1, m1)) + kDay - 1;
            return;
        }
        if (p.month == 0) {
            p.earliest = FuzzyDate::secondsFromCivil(loYear, 1, 1);
            p.latest = FuzzyDate::secondsFromCivil(hiYear, 12, 31) + kDay - 1;
            return;
        }
        if (p.day == 0) {
            p.earliest = FuzzyDate::secondsFromCivil(p.year, p.month, 1);
            p.latest = FuzzyDate::secondsFromCivil(p.year, p.month,
                                                   FuzzyDate::daysInMonth(p.year, p.month)) +
                       kDay - 1;
            return;
        }
        const qint64 dayStart = FuzzyDate::secondsFromCivil(p.year, p.month, p.day);
        if (!p.hasTime) {
            p.earliest = dayStart;
            p.latest = dayStart + kDay - 1;
            return;
        }
        const qint64 t =
            dayStart + p.hour * 3600 + p.minute * 60 + p.second - p.tzOffsetMinutes * 60;
        p.earliest = t;
        p.latest = p.precision == P::Second ? t : t + 59;
    }

    QStringView m_whole;
    QStringView m_s;
    qsizetype m_pos = 0;
};

QString pointToEdtf(const FuzzyDate::Point& p) {
    QString out;
    // "Y" only where EDTF needs it, for years of more than four digits: "Y-00170" was read as
    // the year −170 and is written "-0170" (found by fuzzing: "Y-170" would not read back).
    if (p.yearPrefixed && (p.year > 9999 || p.year < -9999)) {
        out = u"Y"_s + QString::number(p.year);
    } else {
        QString digits = QString::number(p.year < 0 ? -p.year : p.year).rightJustified(4, u'0');
        for (int i = 0; i < p.unspecifiedYearDigits; ++i)
            digits[digits.size() - 1 - i] = u'X';
        out = (p.year < 0 ? u"-"_s : QString()) + digits;
    }
    if (p.season)
        out += u'-' + QString::number(p.season);
    else if (p.monthUnspecified)
        out += u"-XX"_s;
    else if (p.month)
        out += u'-' + QString::number(p.month).rightJustified(2, u'0');
    if (p.dayUnspecified)
        out += u"-XX"_s;
    else if (p.day)
        out += u'-' + QString::number(p.day).rightJustified(2, u'0');
    if (p.hasTime) {
        out += u"T%1:%2"_s.arg(p.hour, 2, 10, QChar(u'0')).arg(p.minute, 2, 10, QChar(u'0'));
        if (p.hasSeconds)
            out += u":%1"_s.arg(p.second, 2, 10, QChar(u'0'));
        if (p.zoneIsZ) {
            out += u'Z';
        } else if (p.hasZone) {
            const int m = std::abs(p.tzOffsetMinutes);
            out += (p.tzOffsetMinutes < 0 ? u"-"_s : u"+"_s) +
                   u"%1:%2"_s.arg(m / 60, 2, 10, QChar(u'0')).arg(m % 60, 2, 10, QChar(u'0'));
        }
    }
    if (p.uncertain && p.approximate)
        out += u'%';
    else if (p.uncertain)
        out += u'?';
    else if (p.approximate)
        out += u'~';
    return out;
}

QString pointToDisplay(const FuzzyDate::Point& p) {
    const QLocale c = QLocale::c();
    QString text;
    if (p.unspecifiedYearDigits > 0) {
        text = QString::number(p.year) + u"s"_s;
    } else if (p.season) {
        static const char* names[] = {"spring", "summer", "autumn", "winter"};
        text = QString::fromLatin1(names[p.season - 21]) + u' ' + QString::number(p.year);
    } else if (p.month == 0) {
        text = QString::number(p.year);
    } else if (p.day == 0) {
        text = c.monthName(p.month, QLocale::ShortFormat) + u' ' + QString::number(p.year);
    } else {
        text = QString::number(p.day) + u' ' + c.monthName(p.month, QLocale::ShortFormat) + u' ' +
               QString::number(p.year);
        if (p.hasTime)
            text += u" %1:%2"_s.arg(p.hour, 2, 10, QChar(u'0')).arg(p.minute, 2, 10, QChar(u'0'));
    }
    if (p.approximate)
        text = u"c. "_s + text;
    if (p.uncertain)
        text += u'?';
    return text;
}

} // namespace

qint64 FuzzyDate::daysFromCivil(qint64 y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void FuzzyDate::civilFromDays(qint64 z, qint64& year, int& month, int& day) {
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

int FuzzyDate::daysInMonth(qint64 year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[month - 1];
}

qint64 FuzzyDate::secondsFromCivil(qint64 year, int month, int day, int h, int m, int s) {
    return daysFromCivil(year, month, day) * kDay + h * 3600 + m * 60 + s;
}

QString FuzzyDate::isoUtc(qint64 seconds) {
    if (seconds == Unbounded || seconds == UnboundedPast)
        return {};
    const qint64 days = seconds >= 0 ? seconds / kDay : -((-seconds + kDay - 1) / kDay);
    const qint64 rem = seconds - days * kDay;
    qint64 y;
    int mo, d;
    civilFromDays(days, y, mo, d);
    if (y < 1 || y > 9999)
        return {};
    // Written by hand: imports format millions of these.
    char buf[21];
    auto two = [](char* at, int v) {
        at[0] = char('0' + v / 10);
        at[1] = char('0' + v % 10);
    };
    const int year = int(y);
    buf[0] = char('0' + year / 1000);
    buf[1] = char('0' + year / 100 % 10);
    buf[2] = char('0' + year / 10 % 10);
    buf[3] = char('0' + year % 10);
    buf[4] = '-';
    two(buf + 5, mo);
    buf[7] = '-';
    two(buf + 8, d);
    buf[10] = 'T';
    two(buf + 11, int(rem / 3600));
    buf[13] = ':';
    two(buf + 14, int(rem / 60 % 60));
    buf[16] = ':';
    two(buf + 17, int(rem % 60));
    buf[19] = 'Z';
    buf[20] = '\0';
    return QString::fromLatin1(buf, 20);
}

Result<FuzzyDate> FuzzyDate::parse(QStringView input) {
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "The date is empty."));
    if (text.size() > 64)
        return invalid(text.left(64), u"it is too long"_s);

    FuzzyDate d;
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0) {
        if (text == u"..")
            return invalid(text, u"\"..\" can only stand for one end of an interval"_s);
        auto p = PointParser(text, text).parse();
        if (!p)
            return p.error();
        d.m_start = p.value();
        d.m_earliest = d.m_start.earliest;
        d.m_latest = d.m_start.latest;
        d.m_valid = true;
        return d;
    }
    if (text.indexOf(u'/', slash + 1) >= 0)
        return invalid(text, u"an interval has exactly one \"/\""_s);

    const QStringView left = text.left(slash);
    const QStringView right = text.mid(slash + 1);
    d.m_interval = true;
    auto readEnd = [&](QStringView part, End& kind, Point& point) -> Status {
        if (part.isEmpty()) {
            kind = End::Unknown;
            return {};
        }
        if (part == u"..") {
            kind = End::Open;
            return {};
        }
        auto p = PointParser(text, part).parse();
        if (!p)
            return p.error();
        if (p.value().hasTime)
            return invalid(text, u"the ends of an interval are dates without times"_s);
        kind = End::Date;
        point = p.value();
        return {};
    };
    CA_TRY(readEnd(left, d.m_startEnd, d.m_start));
    CA_TRY(readEnd(right, d.m_endEnd, d.m_end));
    if (d.m_startEnd != End::Date && d.m_endEnd != End::Date)
        return invalid(text, u"an interval needs at least one date"_s);
    d.m_earliest = d.m_startEnd == End::Date ? d.m_start.earliest : UnboundedPast;
    d.m_latest = d.m_endEnd == End::Date ? d.m_end.latest : Unbounded;
    if (d.m_startEnd == End::Date && d.m_endEnd == End::Date && d.m_start.earliest > d.m_end.latest)
        return invalid(text, u"the interval ends before it starts"_s);
    d.m_valid = true;
    return d;
}

FuzzyDate FuzzyDate::fromDay(int year, int month, int day) {
    auto r = parse(u"%1-%2-%3"_s.arg(year, 4, 10, QChar(u'0'))
                       .arg(month, 2, 10, QChar(u'0'))
                       .arg(day, 2, 10, QChar(u'0')));
    return r.ok() ? r.value() : FuzzyDate();
}

QString FuzzyDate::gpkgDateTime(qint64 seconds) {
    QString iso = isoUtc(seconds);
    if (!iso.isEmpty())
        iso.insert(iso.size() - 1, u".000"_s);
    return iso;
}

FuzzyDate FuzzyDate::fromSeconds(qint64 secondsUtc) {
    const QString iso = isoUtc(secondsUtc);
    if (iso.isEmpty())
        return {};
    auto r = parse(iso);
    return r.ok() ? r.value() : FuzzyDate();
}

bool FuzzyDate::isUncertain() const {
    return (m_startEnd == End::Date && m_start.uncertain) ||
           (m_interval && m_endEnd == End::Date && m_end.uncertain);
}

bool FuzzyDate::isApproximate() const {
    return (m_startEnd == End::Date && m_start.approximate) ||
           (m_interval && m_endEnd == End::Date && m_end.approximate);
}

quint8 FuzzyDate::qualifiers() const {
    if (!m_valid)
        return 0;
    quint8 q = (isUncertain() ? Uncertain : 0) | (isApproximate() ? Approximate : 0);
    if (m_interval && m_startEnd != End::Date)
        q |= OpenStart;
    if (m_interval && m_endEnd != End::Date)
        q |= OpenEnd;
    return q;
}

quint8 FuzzyDate::qualifiersOf(QByteArrayView startEdtf, QByteArrayView endEdtf) {
    quint8 q = 0;
    for (QByteArrayView t : {startEdtf, endEdtf}) {
        for (const char c : t) {
            if (c == '?' || c == '%')
                q |= Uncertain;
            if (c == '~' || c == '%')
                q |= Approximate;
        }
        if (t.startsWith("..") || t.startsWith('/'))
            q |= OpenStart;
        if (t.endsWith("..") || t.endsWith('/'))
            q |= OpenEnd;
    }
    return q;
}

quint8 FuzzyDate::qualifiersOf(const FuzzyDate& start, const FuzzyDate& end) {
    return start.qualifiers() | end.qualifiers();
}

namespace {
// In the order they are listed, with the bit each stands for.
constexpr std::pair<quint8, const char*> kQualifierKeys[] = {
    {FuzzyDate::Uncertain, QT_TRANSLATE_NOOP("caseatlas", "uncertain")},
    {FuzzyDate::Approximate, QT_TRANSLATE_NOOP("caseatlas", "approximate")},
    {FuzzyDate::OpenStart, QT_TRANSLATE_NOOP("caseatlas", "open start")},
    {FuzzyDate::OpenEnd, QT_TRANSLATE_NOOP("caseatlas", "open end")}};
} // namespace

QStringList FuzzyDate::qualifierKeys(quint8 q) {
    QStringList out;
    for (const auto& [bit, key] : kQualifierKeys)
        if (q & bit)
            out << QString::fromLatin1(key);
    return out;
}

QStringList FuzzyDate::qualifierWords(quint8 q) {
    QStringList out;
    for (const auto& [bit, key] : kQualifierKeys)
        if (q & bit)
            out << QCoreApplication::translate("caseatlas", key);
    return out;
}

QDate FuzzyDate::periodHolding(qint64 earliest, qint64 latest, Period period) {
    // Bounded times are years 1 … 9999 (QDate and the charts' SQL both hold them).
    auto bounded = [](qint64 t) { return t >= PeriodsFirst && t < PeriodsEnd; };
    if (!bounded(earliest) || !bounded(latest) || latest < earliest)
        return {};
    auto periodOf = [period](qint64 seconds) {
        const qint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
        qint64 y = 0;
        int m = 0, d = 0;
        civilFromDays(days, y, m, d);
        const QDate day(int(y), m, d);
        switch (period) {
        case Period::Day:
            return day;
        case Period::Week:
            return day.addDays(1 - day.dayOfWeek());
        case Period::Month:
            return QDate(day.year(), day.month(), 1);
        case Period::Year:
            break;
        }
        return QDate(day.year(), 1, 1);
    };
    const QDate a = periodOf(earliest);
    return a == periodOf(latest) ? a : QDate();
}

FuzzyDate::Precision FuzzyDate::precision() const {
    Precision p = m_startEnd == End::Date ? m_start.precision : Precision::Millennium;
    if (m_interval && m_endEnd == End::Date)
        p = std::max(p, m_end.precision);
    return p;
}

qint64 FuzzyDate::possibleEarliest() const {
    if (m_startEnd != End::Date || !m_start.approximate)
        return m_earliest;
    return m_start.earliest - (m_start.latest - m_start.earliest + 1);
}

qint64 FuzzyDate::possibleLatest() const {
    const Point& p = m_interval ? m_end : m_start;
    const End kind = m_interval ? m_endEnd : End::Date;
    if (kind != End::Date || !p.approximate)
        return m_latest;
    return p.latest + (p.latest - p.earliest + 1);
}

bool FuzzyDate::certainlyWithin(qint64 from, qint64 to) const {
    return m_valid && m_earliest >= from && m_latest <= to;
}

bool FuzzyDate::possiblyWithin(qint64 from, qint64 to) const {
    return m_valid && possibleLatest() >= from && possibleEarliest() <= to;
}

namespace {

FuzzyDate::Point shiftPoint(const FuzzyDate::Point& p, qint64 seconds) {
    using P = FuzzyDate::Precision;
    FuzzyDate::Point q = p;
    auto roundDiv = [](double a, double b) { return qint64(std::llround(a / b)); };
    switch (p.precision) {
    case P::Second:
    case P::Minute: {
        const qint64 local =
            FuzzyDate::secondsFromCivil(p.year, p.month, p.day, p.hour, p.minute, p.second) +
            (p.precision == P::Minute ? roundDiv(double(seconds), 60) * 60 : seconds);
        const qint64 days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
        const qint64 rem = local - days * 86400;
        FuzzyDate::civilFromDays(days, q.year, q.month, q.day);
        q.hour = int(rem / 3600);
        q.minute = int(rem / 60 % 60);
        q.second = int(rem % 60);
        break;
    }
    case P::Day: {
        const qint64 day =
            FuzzyDate::daysFromCivil(p.year, p.month, p.day) + roundDiv(double(seconds), 86400);
        FuzzyDate::civilFromDays(day, q.year, q.month, q.day);
        break;
    }
    case P::Month:
    case P::Season: {
        const qint64 step = p.season ? 3 : 1;
        const qint64 moves = roundDiv(double(seconds), 30.436875 * 86400 * double(step)) * step;
        const qint64 index =
            p.year * 12 + ((p.season ? (p.season - 21) * 3 + 3 : p.month) - 1) + moves;
        q.year = index >= 0 ? index / 12 : -((-index + 11) / 12);
        const int month = int(index - q.year * 12) + 1;
        if (p.season) {
            // Seasons start in March, June, September and December; winter belongs to its December.
            q.season = 21 + (month - 3 + 12) % 12 / 3;
            if (month < 3)
                --q.year;
        } else {
            q.month = month;
        }
        break;
    }
    default: {
        qint64 unit = 1;
        for (int i = 0; i < p.unspecifiedYearDigits; ++i)
            unit *= 10;
        q.year = p.year + roundDiv(double(seconds), 31556952.0 * double(unit)) * unit;
        break;
    }
    }
    return q;
}

} // namespace

FuzzyDate FuzzyDate::shifted(qint64 seconds) const {
    if (!m_valid)
        return {};
    QString text;
    if (!m_interval) {
        text = pointToEdtf(shiftPoint(m_start, seconds));
    } else {
        auto endText = [&](End kind, const Point& p) {
            return kind == End::Date   ? pointToEdtf(shiftPoint(p, seconds))
                   : kind == End::Open ? u".."_s
                                       : QString();
        };
        text = endText(m_startEnd, m_start) + u'/' + endText(m_endEnd, m_end);
    }
    auto r = parse(text);
    return r.ok() ? r.value() : FuzzyDate();
}

QString FuzzyDate::toEdtf() const {
    if (!m_valid)
        return {};
    if (!m_interval)
        return pointToEdtf(m_start);
    auto endText = [](End kind, const Point& p) {
        return kind == End::Date ? pointToEdtf(p) : kind == End::Open ? u".."_s : QString();
    };
    return endText(m_startEnd, m_start) + u'/' + endText(m_endEnd, m_end);
}

QString FuzzyDate::toDisplayString() const {
    if (!m_valid)
        return {};
    if (!m_interval)
        return pointToDisplay(m_start);
    if (m_startEnd != End::Date)
        return (m_startEnd == End::Open ? u"before "_s : u"? – "_s) + pointToDisplay(m_end);
    if (m_endEnd != End::Date)
        return (m_endEnd == End::Open ? u"from "_s : u""_s) + pointToDisplay(m_start) +
               (m_endEnd == End::Unknown ? u" – ?"_s : QString());
    return pointToDisplay(m_start) + u" – "_s + pointToDisplay(m_end);
}

std::strong_ordering FuzzyDate::operator<=>(const FuzzyDate& other) const {
    if (auto c = m_earliest <=> other.m_earliest; c != 0)
        return c;
    if (auto c = m_latest <=> other.m_latest; c != 0)
        return c;
    const int t = QString::compare(toEdtf(), other.toEdtf());
    return t < 0   ? std::strong_ordering::less
           : t > 0 ? std::strong_ordering::greater
                   : std::strong_ordering::equal;
}

bool FuzzyDate::operator==(const FuzzyDate& other) const {
    return m_valid == other.m_valid && toEdtf() == other.toEdtf();
}

} // namespace caseatlas
