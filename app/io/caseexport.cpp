#include "io/caseexport.h"
#include "render/markdownhtml.h"
#include "render/safetextdocument.h"

#include "core/sha256.h"

#include "io/csvreader.h"
#include "model/casedocument.h"
#include "model/exportset.h"
#include "store/eventrepository.h"
#include "store/sourcerepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextDocument>

#include <cmath>
#include <optional>
#include <tuple>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

const std::pair<ExportFormat, const char16_t*> kFormats[] = {
    {ExportFormat::Csv, u"csv"},           {ExportFormat::GeoJson, u"geojson"},
    {ExportFormat::Kml, u"kml"},           {ExportFormat::TimelineJs, u"timelinejs"},
    {ExportFormat::Markdown, u"markdown"}, {ExportFormat::Html, u"html"},
    {ExportFormat::CslJson, u"csl-json"}};

// --- the writers ---

QString isoOrEmpty(qint64 seconds) {
    return seconds == FuzzyDate::Unbounded || seconds == FuzzyDate::UnboundedPast
               ? QString()
               : FuzzyDate::isoUtc(seconds);
}

const char* const kCsvHeader =
    "id,uuid,title,start_edtf,end_edtf,earliest,latest,date_qualifiers,place,longitude,latitude,"
    "location_precision,precision_m,tags,actors,status,sensitivity,description,sources,"
    "source_urls,event_id_cnty\n";

// The ACLED id of an event an ACLED import made: its citations of ACLED's sources are located
// "ACLED <event_id_cnty>" (eventimport.cpp).
QString acledId(const ExportSet& set, const Event& e) {
    for (const Citation& c : set.citations.value(e.id))
        if (c.locator.startsWith(u"ACLED "_s) && !c.locator.mid(6).contains(u' '))
            return c.locator.mid(6);
    return {};
}

QByteArray csvRow(const ExportSet& set, const Event& e) {
    QStringList actors, sources, urls;
    for (const EventActor& a : e.actors)
        actors << set.actorName(a.actorId) +
                      (a.role.isEmpty() ? QString() : u" ("_s + a.role + u')');
    for (const Citation& c : set.citations.value(e.id)) {
        sources << set.source(c.sourceId).title;
        urls << set.source(c.sourceId).url;
    }
    const QStringList row = {
        QString::number(set.eventNumber(e)),
        set.eventUuid(e),
        e.title,
        e.start.toEdtf(),
        e.end.isValid() ? e.end.toEdtf() : QString(),
        isoOrEmpty(e.earliest()),
        isoOrEmpty(e.latest()),
        FuzzyDate::qualifierKeys(FuzzyDate::qualifiersOf(e.start, e.end)).join(u"; "_s),
        set.placeName(e.placeId),
        e.point ? QString::number(e.point->lon, 'f', 6) : QString(),
        e.point ? QString::number(e.point->lat, 'f', 6) : QString(),
        locationPrecisionKey(e.locationPrecision),
        e.precisionMetres > 0 ? QString::number(e.precisionMetres) : QString(),
        e.tags.join(u"; "_s),
        actors.join(u"; "_s),
        eventStatusKey(e.status),
        sensitivityKey(e.sensitivity),
        e.description,
        sources.join(u"; "_s),
        urls.join(u" "_s),
        acledId(set, e)};
    QString line;
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (i)
            line += u',';
        line += csvField(row[i]);
    }
    return (line + u'\n').toUtf8();
}

QJsonArray sourcesJson(const ExportSet& set, const Event& e) {
    QJsonArray out;
    for (const Citation& c : set.citations.value(e.id)) {
        const Source& s = set.source(c.sourceId);
        QJsonObject o{{u"title"_s, s.title},
                      {u"reliability"_s, QString(reliabilityLetter(s.reliability))},
                      {u"credibility"_s, c.credibility}};
        if (!s.publisher.isEmpty())
            o.insert(u"publisher"_s, s.publisher);
        if (!s.url.isEmpty())
            o.insert(u"url"_s, s.url);
        if (!s.archiveUrl.isEmpty())
            o.insert(u"archive_url"_s, s.archiveUrl);
        if (s.published.isValid())
            o.insert(u"published"_s, s.published.toEdtf());
        if (!c.locator.isEmpty())
            o.insert(u"locator"_s, c.locator);
        if (!c.quote.isEmpty())
            o.insert(u"quote"_s, c.quote);
        out << o;
    }
    return out;
}

// One feature of the collection, on a line of its own.
QByteArray geoJsonFeature(const ExportSet& set, const Event& e) {
    {
        QJsonObject props{{u"id"_s, set.eventNumber(e)},
                          {u"uuid"_s, set.eventUuid(e)},
                          {u"title"_s, e.title},
                          {u"start_edtf"_s, e.start.toEdtf()},
                          {u"status"_s, eventStatusKey(e.status)},
                          {u"sensitivity"_s, sensitivityKey(e.sensitivity)},
                          {u"location_precision"_s, locationPrecisionKey(e.locationPrecision)},
                          {u"tags"_s, QJsonArray::fromStringList(e.tags)},
                          {u"sources"_s, sourcesJson(set, e)}};
        if (e.end.isValid())
            props.insert(u"end_edtf"_s, e.end.toEdtf());
        if (!isoOrEmpty(e.earliest()).isEmpty())
            props.insert(u"earliest"_s, isoOrEmpty(e.earliest()));
        if (!isoOrEmpty(e.latest()).isEmpty())
            props.insert(u"latest"_s, isoOrEmpty(e.latest()));
        if (const quint8 q = FuzzyDate::qualifiersOf(e.start, e.end))
            props.insert(u"date_qualifiers"_s,
                         QJsonArray::fromStringList(FuzzyDate::qualifierKeys(q)));
        if (!e.description.isEmpty())
            props.insert(u"description"_s, e.description);
        if (const QString acled = acledId(set, e); !acled.isEmpty())
            props.insert(u"event_id_cnty"_s, acled);
        if (e.placeId)
            props.insert(u"place"_s, set.placeName(e.placeId));
        QJsonArray actors;
        for (const EventActor& a : e.actors)
            actors << QJsonObject{{u"name"_s, set.actorName(a.actorId)}, {u"role"_s, a.role}};
        if (!actors.isEmpty())
            props.insert(u"actors"_s, actors);
        QJsonArray values;
        for (const EventValue& v : e.values)
            values << QJsonObject{{u"name"_s, v.name}, {u"value"_s, v.value}, {u"unit"_s, v.unit}};
        if (!values.isEmpty())
            props.insert(u"values"_s, values);
        QJsonValue geometry = QJsonValue::Null; // RFC 7946 allows a feature without a location
        if (e.point)
            geometry =
                QJsonObject{{u"type"_s, u"Point"_s},
                            {u"coordinates"_s, QJsonArray{std::round(e.point->lon * 1e6) / 1e6,
                                                          std::round(e.point->lat * 1e6) / 1e6}}};
        return QJsonDocument(QJsonObject{{u"type"_s, u"Feature"_s},
                                         {u"id"_s, set.eventUuid(e)},
                                         {u"geometry"_s, geometry},
                                         {u"properties"_s, props}})
            .toJson(QJsonDocument::Compact);
    }
}

QString xml(const QString& s) {
    return s.toHtmlEscaped();
}

QByteArray kmlHeader(const ExportSet& set) {
    return (u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n"_s +
            u"  <name>%1</name>\n"_s.arg(xml(set.title)))
        .toUtf8();
}

const char* const kKmlFooter = "</Document>\n</kml>\n";

QByteArray kmlPlacemark(const ExportSet& set, const Event& e) {
    QString out;
    {
        out += u"  <Placemark id=\"%1\">\n    <name>%2</name>\n"_s.arg(xml(set.eventUuid(e)),
                                                                       xml(e.title));
        QString description = e.description;
        for (const Citation& c : set.citations.value(e.id)) {
            const Source& s = set.source(c.sourceId);
            description +=
                u"\nSource: "_s + s.title + (s.url.isEmpty() ? QString() : u" "_s + s.url);
        }
        out += u"    <description>%1</description>\n"_s.arg(xml(description.trimmed()));
        // Google Earth's time slider: a span from the earliest to the latest possible moment,
        // open where the date is open.
        const QString begin = isoOrEmpty(e.earliest()), end = isoOrEmpty(e.latest());
        out += u"    <TimeSpan>"_s;
        if (!begin.isEmpty())
            out += u"<begin>%1</begin>"_s.arg(begin);
        if (!end.isEmpty())
            out += u"<end>%1</end>"_s.arg(end);
        out += u"</TimeSpan>\n"_s;
        // What KML has no element for, as extended data (GDAL and QGIS read it as fields).
        out += u"    <ExtendedData>"_s;
        auto data = [&](const char* name, const QString& value) {
            if (!value.isEmpty())
                out += u"<Data name=\"%1\"><value>%2</value></Data>"_s.arg(QLatin1String(name),
                                                                           xml(value));
        };
        data("date", e.start.toEdtf() + (e.end.isValid() ? u"/"_s + e.end.toEdtf() : QString()));
        data("status", eventStatusKey(e.status));
        data("sensitivity", sensitivityKey(e.sensitivity));
        data("location_precision", locationPrecisionKey(e.locationPrecision));
        if (e.precisionMetres > 0)
            data("precision_m", QString::number(e.precisionMetres));
        data("tags", e.tags.join(u"; "_s));
        out += u"</ExtendedData>\n"_s;
        if (e.point)
            out += u"    <Point><coordinates>%1,%2</coordinates></Point>\n"_s.arg(
                QString::number(e.point->lon, 'f', 6), QString::number(e.point->lat, 'f', 6));
        out += u"  </Placemark>\n"_s;
    }
    return out.toUtf8();
}

// --- TimelineJS ---
//
// A TimelineJS date has a year and, optionally, a month, a day and a time; it is drawn as
// precisely as it is given. So an event's date is written only as precisely as its EDTF knows
// it (a year for "2023?", a span of months for a season, of years for "201X"), an open end is
// left out rather than invented, and the slide's display_date says in words what the date
// really is ("c. 2023 – open", "before 2024"). TimelineJS refuses an era whose end equals its
// start, so eras are drawn as the days they cover, to the timeline's edge where they are open.

struct TlDate {
    qint64 year = 0;
    int month = 0, day = 0; // 0: not given
    bool hasTime = false;
    int hour = 0, minute = 0, second = 0;

    auto key() const { return std::tuple(year, month, day, hasTime, hour, minute, second); }
    bool operator==(const TlDate& o) const { return key() == o.key(); }
    bool operator<(const TlDate& o) const { return key() < o.key(); }

    static TlDate ofSeconds(qint64 seconds, bool withTime) {
        TlDate d;
        const qint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
        FuzzyDate::civilFromDays(days, d.year, d.month, d.day);
        if (withTime) {
            const qint64 rest = seconds - days * 86400;
            d.hasTime = true;
            d.hour = int(rest / 3600);
            d.minute = int(rest / 60 % 60);
            d.second = int(rest % 60);
        }
        return d;
    }
    TlDate yearOnly() const { return TlDate{year}; }
    TlDate monthOnly() const { return TlDate{year, month}; }

    QJsonObject json() const {
        QJsonObject o{{u"year"_s, double(year)}};
        if (month)
            o.insert(u"month"_s, month);
        if (day)
            o.insert(u"day"_s, day);
        if (hasTime) {
            o.insert(u"hour"_s, hour);
            o.insert(u"minute"_s, minute);
            o.insert(u"second"_s, second);
        }
        return o;
    }
};

// The first and last TimelineJS dates of one dated end of an EDTF: the same date when the EDTF
// is a year, a month, a day or a time; otherwise (a season, "201X", a century) the months or
// years it spans.
std::pair<TlDate, TlDate> tlDates(const FuzzyDate::Point& p) {
    using P = FuzzyDate::Precision;
    const TlDate first = TlDate::ofSeconds(p.earliest, p.hasTime),
                 last = TlDate::ofSeconds(p.latest, p.hasTime);
    if (p.unspecifiedYearDigits || p.precision < P::Year)
        return {first.yearOnly(), last.yearOnly()};
    if (p.precision == P::Year || p.monthUnspecified)
        return {first.yearOnly(), first.yearOnly()};
    if (p.precision == P::Season)
        return {first.monthOnly(), last.monthOnly()};
    if (p.precision == P::Month || p.dayUnspecified)
        return {first.monthOnly(), first.monthOnly()};
    return {first, first};
}

// Where a date's interval starts and ends, as TimelineJS dates; nothing for an open or unknown
// end.
std::optional<TlDate> firstOf(const FuzzyDate& d) {
    if (!d.isValid() || (d.isInterval() && d.startEnd() != FuzzyDate::End::Date))
        return std::nullopt;
    return tlDates(d.start()).first;
}
std::optional<TlDate> lastOf(const FuzzyDate& d) {
    if (!d.isValid())
        return std::nullopt;
    if (!d.isInterval())
        return tlDates(d.start()).second;
    if (d.endEnd() != FuzzyDate::End::Date)
        return std::nullopt;
    return tlDates(d.end()).second;
}

QString displayDate(const Event& e) {
    return e.start.toDisplayString() +
           (e.end.isValid() ? u" – "_s + e.end.toDisplayString() : QString());
}

// What TimelineJS cannot hold, for CaseAtlas to read back: the EDTF dates and the description's
// Markdown (TimelineJS ignores fields it does not know).
QJsonObject caseAtlasFields(const FuzzyDate& start, const FuzzyDate& end,
                            const QString& description) {
    QJsonObject o{{u"start_edtf"_s, start.toEdtf()}};
    if (end.isValid())
        o.insert(u"end_edtf"_s, end.toEdtf());
    if (!description.isEmpty())
        o.insert(u"description"_s, description);
    return o;
}

bool finite(qint64 s) {
    return s != FuzzyDate::Unbounded && s != FuzzyDate::UnboundedPast;
}

QByteArray writeTimelineJs(const ExportSet& set) {
    QJsonArray events;
    qint64 edgeFirst = FuzzyDate::Unbounded, edgeLast = FuzzyDate::UnboundedPast;
    auto widenEdges = [&](qint64 earliest, qint64 latest) {
        for (const qint64 s : {earliest, latest})
            if (finite(s)) {
                edgeFirst = std::min(edgeFirst, s);
                edgeLast = std::max(edgeLast, s);
            }
    };
    for (const Event& e : set.events) {
        std::optional<TlDate> first = firstOf(e.start);
        const std::optional<TlDate> last = e.end.isValid() ? lastOf(e.end) : lastOf(e.start);
        if (!first && !last)
            continue; // "../..": TimelineJS needs a year
        QJsonObject o{{u"display_date"_s, displayDate(e)}};
        if (first) {
            o.insert(u"start_date"_s, first->json());
            if (last && !(*last == *first))
                o.insert(u"end_date"_s, last->json());
        } else {
            o.insert(u"start_date"_s, last->json()); // an open start: drawn at what is known
        }
        widenEdges(e.earliest(), e.latest());
        QString text = markdownToHtml(e.description);
        for (const Citation& c : set.citations.value(e.id)) {
            const Source& s = set.source(c.sourceId);
            text += u"<p class=\"source\">%1%2</p>"_s.arg(
                s.title.toHtmlEscaped(),
                s.url.isEmpty() ? QString()
                                : u" — <a href=\"%1\">%1</a>"_s.arg(s.url.toHtmlEscaped()));
        }
        o.insert(u"text"_s,
                 QJsonObject{{u"headline"_s, e.title.toHtmlEscaped()}, {u"text"_s, text}});
        o.insert(u"unique_id"_s, set.eventUuid(e));
        if (!e.tags.isEmpty())
            o.insert(u"group"_s, e.tags.first());
        o.insert(u"caseatlas"_s, caseAtlasFields(e.start, e.end, e.description));
        events << o;
    }
    for (const Era& era : set.eras)
        widenEdges(era.span.earliest(), era.span.latest());
    QJsonArray eras;
    for (const Era& era : set.eras) {
        qint64 from = era.span.earliest(), to = era.span.latest();
        if (!finite(from))
            from = edgeFirst;
        if (!finite(to))
            to = edgeLast;
        if (!finite(from) || !finite(to) || to < from)
            continue;
        TlDate start = TlDate::ofSeconds(from, false), end = TlDate::ofSeconds(to, false);
        if (end == start) {
            // A one-day era: from the start to the end of the day. TimelineJS compares only the
            // fields the start has, so both carry the time.
            start = TlDate::ofSeconds(from, true);
            end = TlDate::ofSeconds(std::max(to, from + 86399), true);
        }
        QString headline = era.name;
        if (FuzzyDate::qualifiersOf(era.span, {}))
            headline += u" (%1)"_s.arg(era.span.toDisplayString());
        eras << QJsonObject{{u"start_date"_s, start.json()},
                            {u"end_date"_s, end.json()},
                            {u"text"_s, QJsonObject{{u"headline"_s, headline.toHtmlEscaped()}}},
                            {u"caseatlas"_s, caseAtlasFields(era.span, {}, {})}};
    }
    QJsonObject doc{
        {u"title"_s,
         QJsonObject{{u"text"_s, QJsonObject{{u"headline"_s, set.title.toHtmlEscaped()}}}}},
        {u"events"_s, events}};
    if (!eras.isEmpty())
        doc.insert(u"eras"_s, eras);
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QString writeMarkdown(const ExportSet& set) {
    QString md = u"# %1\n\n"_s.arg(set.title);
    if (!set.notes.isEmpty()) {
        md += u"## Notes\n\n"_s;
        for (const Note& n : set.notes)
            md += u"### %1\n\n%2\n\n"_s.arg(set.clean(n.title), noteMarkdown(set, n));
    }
    md += u"## Events\n\n"_s;
    QList<qint64> order; // sources in the order they are first cited
    for (const Event& e : set.events) {
        QStringList marks;
        for (const Citation& c : set.citations.value(e.id)) {
            if (!order.contains(c.sourceId))
                order << c.sourceId;
            marks << u"[^%1]"_s.arg(order.indexOf(c.sourceId) + 1);
        }
        md += u"- **%1** — %2%3%4\n"_s.arg(
            e.start.toDisplayString() +
                (e.end.isValid() ? u" – "_s + e.end.toDisplayString() : QString()),
            e.title, e.placeId ? u" ("_s + set.placeName(e.placeId) + u')' : QString(),
            marks.isEmpty() ? u" *(unsourced)*"_s : u" "_s + marks.join(QString()));
        if (!e.description.isEmpty())
            md += u"  "_s + QString(e.description).replace(u'\n', u"\n  "_s) + u'\n';
    }
    if (!order.isEmpty()) {
        md += u"\n## Sources\n\n"_s;
        for (qsizetype i = 0; i < order.size(); ++i)
            md += u"[^%1]: %2\n"_s.arg(i + 1).arg(sourceLine(set.sources.value(order[i])));
    }
    return md;
}

QByteArray writeHtml(const ExportSet& set) {
    SafeTextDocument doc;
    doc.setMarkdown(writeMarkdown(set),
                    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                    QTextDocument::MarkdownNoHTML));
    doc.setMetaInformation(QTextDocument::DocumentTitle, set.title);
    return doc.toHtml().toUtf8();
}

// A CSL-JSON date as precise as the EDTF: its date-parts (a range for an interval, a decade or
// a century), the season, and "circa" for an uncertain or approximate date; an open end is left
// out. Empty when nothing is known.
QJsonObject cslDate(const FuzzyDate& d) {
    if (!d.isValid())
        return {};
    using P = FuzzyDate::Precision;
    QJsonObject out;
    auto parts = [&](const FuzzyDate::Point& p, bool last) {
        const TlDate t = TlDate::ofSeconds(last ? p.latest : p.earliest, false);
        QJsonArray a{double(t.year)};
        const bool wide = p.unspecifiedYearDigits || p.precision < P::Year;
        if (!wide && p.precision >= P::Month && p.precision != P::Season && !p.monthUnspecified)
            a << t.month;
        if (!wide && p.precision >= P::Day && !p.dayUnspecified)
            a << t.day;
        if (p.precision == P::Season && p.season)
            out.insert(u"season"_s, p.season - 20);
        return a;
    };
    auto spanOf = [&](const FuzzyDate::Point& p) {
        return p.unspecifiedYearDigits || p.precision < P::Year;
    };
    QJsonArray dateParts;
    if (!d.isInterval()) {
        dateParts << parts(d.start(), false);
        if (spanOf(d.start()))
            dateParts << parts(d.start(), true);
    } else if (d.startEnd() != FuzzyDate::End::Date || d.endEnd() != FuzzyDate::End::Date) {
        // CSL has no open range: the words say it ("before 2023", "from c. 2023").
        return QJsonObject{{u"literal"_s, d.toDisplayString()}};
    } else {
        dateParts << parts(d.start(), false) << parts(d.end(), true);
    }
    if (dateParts.isEmpty())
        return {};
    out.insert(u"date-parts"_s, dateParts);
    if (d.qualifiers() & (FuzzyDate::Uncertain | FuzzyDate::Approximate))
        out.insert(u"circa"_s, true);
    return out;
}

QByteArray writeCslJson(const ExportSet& set) {
    QJsonArray items;
    for (const Source& s : set.sources) {
        static const QHash<SourceKind, QString> types = {
            {SourceKind::WebPage, u"webpage"_s},      {SourceKind::Document, u"document"_s},
            {SourceKind::Report, u"report"_s},        {SourceKind::Interview, u"interview"_s},
            {SourceKind::SocialPost, u"post"_s},      {SourceKind::Image, u"graphic"_s},
            {SourceKind::Video, u"motion_picture"_s}, {SourceKind::Dataset, u"dataset"_s},
            {SourceKind::Other, u"document"_s}};
        QJsonObject o{{u"id"_s, u"source-"_s + set.sourceUuid(s)},
                      {u"type"_s, types.value(s.kind, u"document"_s)},
                      {u"title"_s, s.title}};
        if (!s.author.isEmpty())
            o.insert(u"author"_s, QJsonArray{QJsonObject{{u"literal"_s, s.author}}});
        if (!s.publisher.isEmpty())
            o.insert(u"publisher"_s, s.publisher);
        if (!s.url.isEmpty())
            o.insert(u"URL"_s, s.url);
        if (!s.language.isEmpty())
            o.insert(u"language"_s, s.language);
        if (const QJsonObject issued = cslDate(s.published); !issued.isEmpty())
            o.insert(u"issued"_s, issued);
        if (s.accessed.isValid()) {
            const QDate d = s.accessed.toUTC().date();
            o.insert(u"accessed"_s,
                     QJsonObject{
                         {u"date-parts"_s, QJsonArray{QJsonArray{d.year(), d.month(), d.day()}}}});
        }
        if (!s.archiveUrl.isEmpty())
            o.insert(u"archive_location"_s, s.archiveUrl);
        items << o;
    }
    return QJsonDocument(items).toJson(QJsonDocument::Indented);
}

} // namespace

QString exportFormatKey(ExportFormat f) {
    for (const auto& [format, key] : kFormats)
        if (format == f)
            return QString::fromUtf16(key);
    return {};
}

std::optional<ExportFormat> exportFormatFromKey(const QString& key) {
    for (const auto& [format, k] : kFormats)
        if (key.compare(QString::fromUtf16(k), Qt::CaseInsensitive) == 0)
            return format;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatForPath(const QString& path) {
    const QString name = path.toLower();
    if (name.endsWith(u".csl.json"_s))
        return ExportFormat::CslJson;
    if (name.endsWith(u".timeline.json"_s) || name.endsWith(u".tl.json"_s))
        return ExportFormat::TimelineJs;
    static const QHash<QString, ExportFormat> bySuffix = {
        {u"csv"_s, ExportFormat::Csv},   {u"geojson"_s, ExportFormat::GeoJson},
        {u"kml"_s, ExportFormat::Kml},   {u"md"_s, ExportFormat::Markdown},
        {u"html"_s, ExportFormat::Html}, {u"htm"_s, ExportFormat::Html}};
    const auto it = bySuffix.constFind(QFileInfo(name).suffix());
    if (it == bySuffix.cend())
        return std::nullopt;
    return *it;
}

Result<ExportReport> exportCase(CaseDocument& document, const QString& path,
                                const ExportOptions& options) {
    if (document.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas",
                             "Every export is written to the case's custody log, and this case is "
                             "open read-only; nothing was exported."));
    const Error cancelled = makeError(
        ErrorCode::InvalidInput,
        QCoreApplication::translate("caseatlas", "The export was cancelled; nothing was written."));
    // The file and its custody-log entry land together, or neither does.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "%1 cannot be written.").arg(path),
            out.errorString());
    Sha256 hash;
    QByteArray pending;
    auto put = [&](const QByteArray& bytes, bool force = false) {
        pending += bytes;
        if (pending.size() < (1 << 20) && !force)
            return true;
        hash.addData(pending);
        const bool written = out.write(pending) == pending.size();
        pending.clear();
        return written;
    };
    auto failed = [&] {
        out.cancelWriting();
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "%1 cannot be written.").arg(path),
            out.errorString());
    };
    ExportReport report;
    const bool streamed = options.format == ExportFormat::Csv ||
                          options.format == ExportFormat::GeoJson ||
                          options.format == ExportFormat::Kml;
    if (streamed) {
        // Event by event: a million of them are never all in memory, nor is the file. Events
        // go in date order, not file order, so they are read through a connection of their own
        // with a page cache of a quarter of a gigabyte (the file is never mapped: DESIGN's
        // hardening keeps mmap off).
        auto reading = SqliteDatabase::open(document.path(), SqliteDatabase::Mode::ReadOnly);
        if (!reading) {
            out.cancelWriting();
            return reading.error();
        }
        (void)reading.value().exec(u"PRAGMA cache_size = -262144"_s);
        auto set = collectContext(document, options);
        if (!set)
            return set.error();
        ExportSet& s = set.value();
        const bool ok = options.format == ExportFormat::Csv ? put(kCsvHeader)
                        : options.format == ExportFormat::Kml
                            ? put(kmlHeader(s))
                            : put("{\"type\": \"FeatureCollection\", \"features\": [\n");
        if (!ok)
            return failed();
        qint64 written = 0;
        for (qsizetype i = 0; i < s.ids.size(); ++i) {
            Event e;
            auto kept = takeEvent(reading.value(), options, s, s.ids[i], e);
            if (!kept) {
                out.cancelWriting();
                return kept.error();
            }
            if (kept.value()) {
                const QByteArray bytes = options.format == ExportFormat::Csv ? csvRow(s, e)
                                         : options.format == ExportFormat::Kml
                                             ? kmlPlacemark(s, e)
                                             : (written ? ",\n" : "") + geoJsonFeature(s, e);
                if (!put(bytes))
                    return failed();
                ++written;
                s.citations.remove(e.id);
            }
            if (options.progress && i % 1000 == 999 && !options.progress(i + 1, s.ids.size())) {
                out.cancelWriting();
                return cancelled;
            }
        }
        const bool closed = options.format == ExportFormat::Csv   ? put({}, true)
                            : options.format == ExportFormat::Kml ? put(kKmlFooter, true)
                                                                  : put("\n]}\n", true);
        if (!closed)
            return failed();
        report = {written, qint64(s.sources.size()), 0, s.withheld};
    } else {
        auto set = collect(document, options);
        if (!set) {
            out.cancelWriting();
            return set.error();
        }
        QByteArray bytes;
        switch (options.format) {
        case ExportFormat::TimelineJs:
            bytes = writeTimelineJs(set.value());
            break;
        case ExportFormat::Markdown:
            bytes = writeMarkdown(set.value()).toUtf8();
            break;
        case ExportFormat::Html:
            bytes = writeHtml(set.value());
            break;
        case ExportFormat::CslJson:
            bytes = writeCslJson(set.value());
            break;
        default:
            break;
        }
        if (!put(bytes, true))
            return failed();
        report = {qint64(set.value().events.size()), qint64(set.value().sources.size()),
                  qint64(set.value().notes.size()), set.value().withheld};
    }
    SqliteTransaction tx(document.db());
    if (!tx.status()) {
        out.cancelWriting();
        return tx.status().error();
    }
    const QString sha = QString::fromLatin1(hash.result().toHex());
    if (Status logged = document.custodyLog().append(
            options.who, u"export-case"_s, sha, 0,
            u"%1, profile %2, %3 events, %4 sources, %5 withheld: %6"_s
                .arg(exportFormatKey(options.format), exportProfileKey(options.profile))
                .arg(report.events)
                .arg(report.sources)
                .arg(report.withheld)
                .arg(QFileInfo(path).fileName()));
        !logged) {
        out.cancelWriting();
        return logged.error();
    }
    if (!out.commit())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "%1 cannot be written.").arg(path),
            out.errorString());
    CA_TRY(tx.commit());
    return report;
}

} // namespace caseatlas
