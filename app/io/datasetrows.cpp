#include "io/datasetrows.h"

#include "core/uuidv5.h"

#include "io/csvreader.h"

#include <QCoreApplication>
#include <QUuid>

#include <charconv>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace caseatlas::datasets {

namespace {
const char* const kMonths[] = {"january",   "february", "march",    "april",
                               "may",       "june",     "july",     "august",
                               "september", "october",  "november", "december"};
} // namespace

bool digits(QByteArrayView v, int& out) {
    out = 0;
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

DateRead parseAcledDate(QByteArrayView text, int& y, int& m, int& d,
                        DateOrder order = DateOrder::Auto) {
    const QByteArrayView t = text.trimmed();
    auto valid = [&] { return QDate(y, m, d).isValid() ? DateRead::Ok : DateRead::Bad; };
    if (t.size() == 10 && (t[4] == '-' || t[4] == '/') && t[7] == t[4])
        return digits(t.first(4), y) && digits(t.sliced(5, 2), m) && digits(t.sliced(8, 2), d)
                   ? valid()
                   : DateRead::Bad;
    // Split on spaces, hyphens or slashes into three parts.
    QByteArrayView parts[3];
    int n = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= t.size(); ++i) {
        if (i == t.size() || t[i] == ' ' || t[i] == '-' || t[i] == '/') {
            if (i > start) {
                if (n == 3)
                    return DateRead::Bad;
                parts[n++] = t.sliced(start, i - start);
            }
            start = i + 1;
        }
    }
    if (n != 3)
        return DateRead::Bad;
    auto year = [&](QByteArrayView v) {
        int value = 0;
        if (!digits(v, value) || (v.size() != 2 && v.size() != 4))
            return -1;
        return v.size() == 2 ? fullYear(value) : value;
    };
    y = year(parts[2]);
    if (y < 0)
        return DateRead::Bad;
    int a = 0, b = 0;
    if (!digits(parts[0], a))
        return DateRead::Bad;
    if (!digits(parts[1], b)) { // a month's name: "12 November 2023", "9-May-20"
        const QByteArray month = parts[1].toByteArray().toLower();
        m = 0;
        for (int i = 0; i < 12; ++i)
            if (month.size() >= 3 && QByteArrayView(kMonths[i]).startsWith(month))
                m = i + 1;
        d = a;
        return m > 0 ? valid() : DateRead::Bad;
    }
    if (parts[0].size() > 2 || parts[1].size() > 2)
        return DateRead::Bad;
    const std::optional<DateOrder> resolved = dayMonthOrder(a, b, order);
    if (!resolved)
        return a > 12 ? DateRead::Bad : DateRead::Ambiguous;
    const DateOrder o = *resolved;
    d = o == DateOrder::DayMonthYear ? a : b;
    m = o == DateOrder::DayMonthYear ? b : a;
    return valid();
}

QString dateProblem(QByteArrayView text, DateRead read) {
    const QString shown = QString::fromUtf8(text.trimmed());
    if (read == DateRead::Ambiguous)
        return QCoreApplication::translate(
                   "caseatlas", "\"%1\" could be a day-month or a month-day date: choose the "
                                "order (--date-order dmy or mdy, or in the import dialog)")
            .arg(shown);
    return QCoreApplication::translate("caseatlas",
                                       "\"%1\" is not a date (2023-11-12, 12 November 2023, "
                                       "9-May-20, or 5/9/2020 with the order chosen)")
        .arg(shown);
}

bool parseNumber(QByteArrayView v, double& out) {
    v = v.trimmed();
    if (v.isEmpty())
        return false;
    const char* end = v.data() + v.size();
    const auto r = std::from_chars(v.data(), end, out);
    return r.ec == std::errc() && r.ptr == end && std::isfinite(out);
}

QString text(QByteArrayView v) {
    return QString::fromUtf8(v).trimmed();
}

void splitList(QByteArrayView v, QList<QByteArrayView>& out) {
    while (!v.isEmpty()) {
        qsizetype cut = v.indexOf(';');
        const QByteArrayView item = (cut < 0 ? v : v.first(cut)).trimmed();
        if (!item.isEmpty() && !out.contains(item))
            out << item;
        if (cut < 0)
            break;
        v = v.sliced(cut + 1);
    }
}

void datasetUuid(const char* base, QByteArrayView eventId, QByteArray& out) {
    // RFC 4122's URL namespace; one hashing context per reading thread.
    thread_local UuidV5 url(QUuid(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s));
    out.resize(36);
    url.write(base, eventId, out.data());
}

QByteArray datasetUuid(const char* base, QByteArrayView eventId) {
    QByteArray out;
    datasetUuid(base, eventId, out);
    return out;
}

void RawRow::reset() {
    line = 0;
    eventId = description = titleHead = location = admin1 = country = {};
    titleJoin = "";
    uuid.resize(0); // buffers kept from row to row
    edtf.resize(0);
    endEdtf.resize(0);
    lat = lon = 0;
    precision = LocationPrecision::Unknown;
    tags.clear();
    sources.clear();
    actors.clear();
    values.clear();
    owned.clear();
}

void readCoordinates(CsvReader& csv, int cLat, int cLon, RawRow& r, const Problem& problem) {
    const bool okLat = parseNumber(csv.field(cLat), r.lat);
    const bool okLon = parseNumber(csv.field(cLon), r.lon);
    if (!okLat || r.lat < -90 || r.lat > 90)
        problem(cLat,
                QCoreApplication::translate("caseatlas", "\"%1\" is not a latitude (-90 to 90)")
                    .arg(text(csv.field(cLat))));
    if (!okLon || r.lon < -180 || r.lon > 180)
        problem(cLon,
                QCoreApplication::translate("caseatlas", "\"%1\" is not a longitude (-180 to 180)")
                    .arg(text(csv.field(cLon))));
}

QByteArray isoDay(int y, int m, int d) {
    if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
        const char day[10] = {char('0' + y / 1000),
                              char('0' + y / 100 % 10),
                              char('0' + y / 10 % 10),
                              char('0' + y % 10),
                              '-',
                              char('0' + m / 10),
                              char('0' + m % 10),
                              '-',
                              char('0' + d / 10),
                              char('0' + d % 10)};
        return QByteArray(day, 10);
    }
    char buffer[16];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    return QByteArray(buffer, n);
}

} // namespace caseatlas::datasets
