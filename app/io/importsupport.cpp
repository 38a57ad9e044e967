#include "io/importsupport.h"

#include "geo/gdalsetup.h"
#include "geo/layerimport.h"
#include "io/csvreader.h"
#include "store/eventrepository.h"
#include "store/sourcerepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUuid>

#include <cpl_string.h>
#include <gdal.h>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace importing {

namespace {
const QUuid kUrlNamespace(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s);

const char* const kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};
} // namespace

void setRecordId(ImportedEvent& e, const QString& id) {
    const QUuid direct(id.trimmed());
    if (!direct.isNull())
        e.uuid = direct.toString(QUuid::WithoutBraces);
    else
        e.recordKey = id.trimmed();
}

QString datasetRecordUuid(const QString& dataset, const QString& key) {
    return QUuid::createUuidV5(kUrlNamespace,
                               (u"caseatlas-import:"_s + dataset + u'#' + key).toUtf8())
        .toString(QUuid::WithoutBraces);
}

int monthOf(const QString& word) {
    const QString w = word.toLower().remove(u'.');
    if (w.size() < 3)
        return 0;
    for (int i = 0; i < 12; ++i) {
        const QString full = QDate(2000, i + 1, 1).toString(u"MMMM"_s).toLower();
        if (w.startsWith(QLatin1String(kMonthNames[i])) && QString(full).startsWith(w.left(3)) &&
            (w.size() == 3 || full.startsWith(w) || (i == 8 && w == u"sept")))
            return i + 1;
    }
    return 0;
}

QString day(int y, int m, int d) {
    return u"%1-%2-%3"_s.arg(y, 4, 10, QChar(u'0'))
        .arg(m, 2, 10, QChar(u'0'))
        .arg(d, 2, 10, QChar(u'0'));
}

QString plainText(QString html) {
    static const QRegularExpression breaks(u"<br\\s*/?>"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression paragraphs(u"</p\\s*>"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    static const QRegularExpression numeric(u"&#(x?)([0-9a-fA-F]+);"_s);
    html.replace(breaks, u"\n"_s);
    html.replace(paragraphs, u"\n\n"_s);
    html.remove(tags);
    QString out;
    qsizetype last = 0;
    for (auto it = numeric.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        bool ok = false;
        const uint code = m.captured(2).toUInt(&ok, m.captured(1).isEmpty() ? 10 : 16);
        if (ok && code > 0 && code < 0x110000)
            out += QString::fromUcs4(reinterpret_cast<const char32_t*>(&code), 1);
        last = m.capturedEnd();
    }
    out += QStringView(html).mid(last);
    out.replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&quot;"_s, u"\""_s)
        .replace(u"&apos;"_s, u"'"_s)
        .replace(u"&nbsp;"_s, u" "_s)
        .replace(u"&amp;"_s, u"&"_s);
    return out.trimmed();
}

QStringList splitCell(const QString& cell, const QString& separator) {
    QStringList out;
    for (const QString& part : cell.split(separator.isEmpty() ? u";"_s : separator))
        if (!part.trimmed().isEmpty() && !out.contains(part.trimmed()))
            out << part.trimmed();
    return out;
}

void checkPoint(const std::optional<GeoPoint>& p, ProblemSink& problem, const QString& lonColumn,
                const QString& latColumn) {
    if (!p)
        return;
    if (!(p->lat >= -90 && p->lat <= 90))
        problem(latColumn,
                QCoreApplication::translate("caseatlas", "%1 is not a latitude (-90 to 90)")
                    .arg(p->lat));
    if (!(p->lon >= -180 && p->lon <= 180))
        problem(lonColumn,
                QCoreApplication::translate("caseatlas", "%1 is not a longitude (-180 to 180)")
                    .arg(p->lon));
}

Result<QByteArray> readFileBytes(const QString& path) {
    CA_TRY(checkImportPath(path));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Unreadable,
                         QCoreApplication::translate("caseatlas", "%1 cannot be read.")
                             .arg(QDir::toNativeSeparators(path)),
                         f.errorString());
    return f.readAll();
}

Result<QByteArray> readUtf8(const QString& path, const QString& encoding) {
    const QString name = QDir::toNativeSeparators(path);
    auto read = readFileBytes(path);
    if (!read)
        return read.error();
    QByteArray bytes = std::move(read).value();
    auto utf16 = [&](QStringConverter::Encoding e) -> Result<QByteArray> {
        QStringDecoder decode(e, QStringConverter::Flag::Stateless);
        const QString text = decode(bytes);
        if (decode.hasError())
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "%1 is not valid UTF-16 text; nothing was imported.")
                                 .arg(name));
        return text.toUtf8();
    };
    if (bytes.startsWith("\xFF\xFE"))
        return utf16(QStringConverter::Utf16LE);
    if (bytes.startsWith("\xFE\xFF"))
        return utf16(QStringConverter::Utf16BE);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString e = encoding.trimmed().toUpper();
    if (e.isEmpty())
        if (const auto utf16WithoutMark = CsvReader::utf16WithoutMark(bytes))
            return utf16(*utf16WithoutMark);
    if (e == u"UTF-16LE"_s || e == u"UTF-16"_s)
        return utf16(QStringConverter::Utf16LE);
    if (e == u"UTF-16BE"_s)
        return utf16(QStringConverter::Utf16BE);
    if (!e.isEmpty() && e != u"UTF-8"_s && e != u"UTF8"_s) {
        // A legacy code page through iconv (GDAL's CPLRecode), which names what it cannot read.
        GdalErrors errors;
        char* recoded = CPLRecode(bytes.constData(), encoding.toLatin1().constData(), CPL_ENC_UTF8);
        QByteArray out(recoded ? recoded : "");
        CPLFree(recoded);
        if (errors.hasError() || (out.isEmpty() && !bytes.isEmpty()))
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "%1 cannot be read as %2; nothing was imported.")
                                 .arg(name, encoding),
                             errors.text());
        return out;
    }
    return bytes;
}

std::pair<QString, QString> actorWithRole(const QString& text) {
    static const QRegularExpression withRole(u"^(.*\\S)\\s*\\(([^()]*)\\)$"_s);
    const auto m = withRole.match(text.trimmed());
    if (m.hasMatch())
        return {m.captured(1).trimmed(), m.captured(2).trimmed()};
    return {text.trimmed(), QString()};
}

std::optional<QJsonArray> jsonArray(const QString& cell) {
    if (!cell.trimmed().startsWith(u'['))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(cell.toUtf8());
    if (!doc.isArray())
        return std::nullopt;
    return doc.array();
}

QString tidyTitle(const QString& text) {
    return plainText(text).simplified();
}

void takeSourceLines(QString& description, QList<ImportedSource>& sources) {
    QStringList lines = description.split(u'\n');
    QList<ImportedSource> found;
    while (!lines.isEmpty() && lines.last().startsWith(u"Source: "_s)) {
        const QString text = lines.takeLast().mid(8).trimmed();
        const qsizetype space = text.lastIndexOf(u' ');
        const QString last = text.mid(space + 1);
        ImportedSource s;
        if (last.startsWith(u"http://"_s) || last.startsWith(u"https://"_s)) {
            s.url = last;
            s.title = space > 0 ? text.left(space).trimmed() : last;
        } else {
            s.title = text;
        }
        found.prepend(s);
    }
    sources += found;
    description = lines.join(u'\n').trimmed();
}

void rejectInvalidRecords(ImportBatch& batch, const QString& unit) {
    QList<ImportedEvent> kept;
    kept.reserve(batch.events.size());
    for (ImportedEvent& r : batch.events) {
        Status status;
        Event e;
        e.title = r.title;
        e.point = r.point;
        auto start = FuzzyDate::parse(r.startEdtf);
        if (!start)
            status = start.error();
        else
            e.start = start.value();
        if (status.ok() && !r.endEdtf.isEmpty()) {
            auto end = FuzzyDate::parse(r.endEdtf);
            if (!end)
                status = end.error();
            else
                e.end = end.value();
        }
        if (status.ok())
            status = EventRepository::validateFields(e);
        for (const ImportedSource& src : r.sources) {
            if (!status.ok())
                break;
            Source s;
            s.title = src.title.isEmpty() ? src.url : src.title;
            s.url = src.url;
            if (!s.title.isEmpty())
                status = SourceRepository::validate(s);
        }
        if (status.ok()) {
            kept << std::move(r);
        } else {
            batch.problems.append({r.line, 0, {}, status.error().message, unit});
            ++batch.badRecords;
        }
    }
    batch.events = std::move(kept);
}

void assignContentIds(ImportBatch& batch) {
    QHash<QString, int> seen;
    for (ImportedEvent& e : batch.events) {
        if (!e.uuid.isEmpty() || !e.recordKey.isEmpty())
            continue;
        QString key = e.title + u'@' + e.startEdtf;
        if (const int n = seen[key]++; n > 0)
            key += u'#' + QString::number(n + 1);
        e.recordKey = key;
    }
}

void finishBatch(ImportBatch& batch, const QString& unit) {
    rejectInvalidRecords(batch, unit);
    assignContentIds(batch);
}

QString untitled(const ImportedEvent& e) {
    QString text = e.description.simplified();
    if (text.size() > 80) {
        text.truncate(80);
        if (const qsizetype space = text.lastIndexOf(u' '); space > 40)
            text.truncate(space);
        text += u'…';
    }
    return text.isEmpty() ? QCoreApplication::translate("caseatlas", "Untitled event") : text;
}

QColor rgbColor(const QString& text) {
    const QStringList parts = text.split(u',');
    if (parts.size() != 3)
        return {};
    return QColor(parts[0].trimmed().toInt(), parts[1].trimmed().toInt(),
                  parts[2].trimmed().toInt());
}

} // namespace importing

using namespace importing;

// --- dates ---

namespace {
const std::pair<DateOrder, const char16_t*> kDateOrders[] = {{DateOrder::Auto, u"auto"},
                                                             {DateOrder::DayMonthYear, u"dmy"},
                                                             {DateOrder::MonthDayYear, u"mdy"},
                                                             {DateOrder::YearMonthDay, u"ymd"}};
} // namespace

QString dateOrderKey(DateOrder o) {
    for (const auto& [order, key] : kDateOrders)
        if (order == o)
            return QString::fromUtf16(key);
    return u"auto"_s;
}

std::optional<DateOrder> dateOrderFromKey(const QString& key) {
    for (const auto& [order, name] : kDateOrders)
        if (key == QStringView(name))
            return order;
    return std::nullopt;
}

Result<QString> edtfFromText(const QString& input, DateOrder order) {
    const QString text = input.trimmed();
    if (text.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "the date is empty"));
    auto bad = [&] {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "\"%1\" is not a date (EDTF such as 2023-11-12 or 2023-11?, "
                             "12 November 2023, 2023/11/12, or 12/11/2023 with the day and month "
                             "order chosen)")
                             .arg(text));
    };
    if (FuzzyDate::parse(text))
        return text;
    // ISO with a space or slashes, with or without a time: 2023/11/12, 2023-11-12 10:30:00.
    static const QRegularExpression ymd(
        u"^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?$"_s);
    static const QRegularExpression numeric(u"^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}|\\d{2})$"_s);
    static const QRegularExpression dayMonthName(
        u"^(\\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z.]+)[ ,-]*(\\d{4}|\\d{2})$"_s);
    static const QRegularExpression monthNameDay(
        u"^([A-Za-z.]+)\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$"_s);
    static const QRegularExpression monthNameYear(u"^([A-Za-z.]+),?\\s+(\\d{4})$"_s);
    // "20" as a spreadsheet shortens 2020 ("9-May-20").
    auto yearOf = [](const QString& digits) {
        return digits.size() == 2 ? fullYear(digits.toInt()) : digits.toInt();
    };
    auto dayOrBad = [&](int y, int m, int d) -> Result<QString> {
        if (!QDate(y, m, d).isValid())
            return bad();
        return day(y, m, d);
    };
    if (auto m = ymd.match(text); m.hasMatch()) {
        const int y = m.captured(1).toInt(), mo = m.captured(2).toInt(), d = m.captured(3).toInt();
        auto date = dayOrBad(y, mo, d);
        if (!date || m.captured(4).isEmpty())
            return date;
        const int h = m.captured(4).toInt(), mi = m.captured(5).toInt(), s = m.captured(6).toInt();
        if (h > 23 || mi > 59 || s > 59)
            return bad();
        // A UTC offset as GDAL gives GPX and KML times: "+01", "+0630", "-05:00", "+00" (Z).
        const QString zone = m.captured(7);
        if (h == 0 && mi == 0 && s == 0 && zone.isEmpty())
            return date; // a spreadsheet's date cell: the day
        QString edtfZone;
        if (!zone.isEmpty() && zone != u"Z") {
            const QString digits = QString(zone).remove(u':');
            const int zh = digits.mid(1, 2).toInt(), zm = digits.mid(3, 2).toInt();
            if (zh > 14 || zm > 59)
                return bad();
            edtfZone = zh == 0 && zm == 0 ? u"Z"_s
                                          : u"%1%2:%3"_s.arg(digits.front())
                                                .arg(zh, 2, 10, QChar(u'0'))
                                                .arg(zm, 2, 10, QChar(u'0'));
        } else if (zone == u"Z") {
            edtfZone = u"Z"_s;
        }
        return date.value() +
               u"T%1:%2:%3"_s.arg(h, 2, 10, QChar(u'0'))
                   .arg(mi, 2, 10, QChar(u'0'))
                   .arg(s, 2, 10, QChar(u'0')) +
               edtfZone;
    }
    if (auto m = numeric.match(text); m.hasMatch()) {
        const int a = m.captured(1).toInt(), b = m.captured(2).toInt(), y = yearOf(m.captured(3));
        const std::optional<DateOrder> o = dayMonthOrder(a, b, order);
        if (!o)
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas",
                                 "\"%1\" could be %2 or %3: choose the day and month order of "
                                 "this column")
                                 .arg(text, day(y, b, a), day(y, a, b)));
        return *o == DateOrder::DayMonthYear ? dayOrBad(y, b, a) : dayOrBad(y, a, b);
    }
    if (auto m = dayMonthName.match(text); m.hasMatch()) {
        const int mo = monthOf(m.captured(2));
        return mo ? dayOrBad(yearOf(m.captured(3)), mo, m.captured(1).toInt()) : bad();
    }
    if (auto m = monthNameDay.match(text); m.hasMatch()) {
        const int mo = monthOf(m.captured(1));
        return mo ? dayOrBad(m.captured(3).toInt(), mo, m.captured(2).toInt()) : bad();
    }
    if (auto m = monthNameYear.match(text); m.hasMatch()) {
        const int mo = monthOf(m.captured(1));
        if (!mo)
            return bad();
        return u"%1-%2"_s.arg(m.captured(2)).arg(mo, 2, 10, QChar(u'0'));
    }
    return bad();
}

} // namespace caseatlas
