#include "io/importsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseatlas {

using namespace importing;

namespace {

// A TimelineJS date (year, month, day and time as text) as EDTF.
Result<QString> timelineJsEdtf(const QString& year, const QString& month, const QString& dayText,
                               const QString& time) {
    bool ok = false;
    const qint64 wide = year.trimmed().toLongLong(&ok);
    if (!ok)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "\"%1\" is not a year").arg(year));
    if (wide < -9999 || wide > 9999)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "the year %1 is deep time (TimelineJS's cosmological "
                                          "scale); CaseAtlas dates events from -9999 to 9999")
                             .arg(wide));
    const int y = int(wide);
    QString edtf =
        y < 0 ? u"-%1"_s.arg(-y, 4, 10, QChar(u'0')) : u"%1"_s.arg(y, 4, 10, QChar(u'0'));
    if (month.trimmed().isEmpty())
        return edtf;
    const int m = month.trimmed().toInt(&ok);
    if (!ok || m < 1 || m > 12)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "\"%1\" is not a month (1 to 12)").arg(month));
    edtf += u"-%1"_s.arg(m, 2, 10, QChar(u'0'));
    if (dayText.trimmed().isEmpty())
        return edtf;
    const int d = dayText.trimmed().toInt(&ok);
    if (!ok || !QDate(y == 0 ? 2000 : y, m, d).isValid())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "\"%1\" is not a day of that month")
                .arg(dayText));
    edtf += u"-%1"_s.arg(d, 2, 10, QChar(u'0'));
    const QString t = time.trimmed();
    if (t.isEmpty())
        return edtf;
    static const QRegularExpression clock(
        u"^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?$"_s);
    const auto c = clock.match(t);
    if (!c.hasMatch())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "\"%1\" is not a time (14:30)").arg(time));
    int h = c.captured(1).toInt();
    if (!c.captured(4).isEmpty())
        h = h % 12 + (c.captured(4).toLower() == u"pm"_s ? 12 : 0);
    if (h > 23 || c.captured(2).toInt() > 59 || c.captured(3).toInt() > 59)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "\"%1\" is not a time (14:30)").arg(time));
    return edtf + u"T%1:%2:%3"_s.arg(h, 2, 10, QChar(u'0'))
                      .arg(c.captured(2))
                      .arg(c.captured(3).isEmpty() ? u"00"_s : c.captured(3));
}

// CaseAtlas's own TimelineJS text: the description, then one <p class="source"> per source.
void readTimelineJsText(const QString& html, ImportedEvent& e) {
    static const QRegularExpression source(u"<p class=\"source\">(.*?)</p>"_s,
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression link(u"<a href=\"([^\"]*)\">"_s);
    QString rest = html;
    for (auto it = source.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        ImportedSource s;
        const QString inner = m.captured(1);
        const auto l = link.match(inner);
        if (l.hasMatch()) {
            s.url = plainText(l.captured(1));
            s.title = plainText(inner.left(l.capturedStart()))
                          .remove(QRegularExpression(u"\\s*—\\s*$"_s));
        } else {
            s.title = plainText(inner);
        }
        if (s.title.isEmpty())
            s.title = s.url;
        if (!s.title.isEmpty())
            e.sources << s;
        rest.replace(m.captured(0), QString());
    }
    e.description = plainText(rest);
}

// CaseAtlas's TimelineJS keeps, beside what TimelineJS shows, the EDTF dates and the Markdown
// of the description in a "caseatlas" object; taken when they are valid.
void readCaseAtlasFields(const QJsonObject& slide, QString& start, QString& end,
                         QString& description) {
    const QJsonObject o = slide.value(u"caseatlas"_s).toObject();
    const QString s = o.value(u"start_edtf"_s).toString(), e = o.value(u"end_edtf"_s).toString();
    if (s.isEmpty() || !FuzzyDate::parse(s) || (!e.isEmpty() && !FuzzyDate::parse(e)))
        return;
    start = s;
    end = e;
    if (o.value(u"description"_s).isString())
        description = o.value(u"description"_s).toString();
}

// The line each element of a top-level list (root["events"]) starts on, in order: QJsonDocument
// keeps no positions, and a problem must name the line a reader finds it on.
QList<qint64> jsonListLines(const QByteArray& bytes, QByteArrayView key) {
    QList<qint64> lines;
    qint64 line = 1;
    int depth = 0, target = -1;
    bool inString = false, escaped = false, atElement = false;
    QByteArray string, lastKey;
    for (const char c : bytes) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            else if (depth == 1)
                string += c;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (depth == target && atElement && c != ']' && c != '}') {
            lines << line;
            atElement = false;
        }
        switch (c) {
        case '"':
            inString = true;
            string.clear();
            break;
        case ':':
            if (depth == 1)
                lastKey = string;
            break;
        case ',':
            atElement = depth == target;
            break;
        case '[':
        case '{':
            ++depth;
            if (c == '[' && depth == 2 && target < 0 && lastKey == key) {
                target = depth;
                atElement = true;
            }
            break;
        case ']':
        case '}':
            if (depth == target && c == ']')
                return lines;
            --depth;
            break;
        default:
            break;
        }
    }
    return lines;
}

// A TimelineJS media as a source: its address, the address inside an embed code (a tweet's or
// an Instagram post's blockquote: its last link; an iframe: its src), or, for a relative address
// (a file beside the page TimelineJS was shown on), the text alone with a note.
std::optional<ImportedSource> mediaSource(const QString& url, const QString& caption,
                                          const QString& credit, qint64 line, ImportBatch& batch) {
    QString address = url.trimmed();
    if (address.isEmpty())
        return std::nullopt;
    ImportedSource s;
    s.publisher = plainText(credit);
    s.title = plainText(caption);
    if (address.startsWith(u'<')) {
        static const QRegularExpression iframe(u"<iframe[^>]*\\ssrc\\s*=\\s*[\"']([^\"']+)"_s,
                                               QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression link(u"<a[^>]*\\shref\\s*=\\s*[\"'](https?://[^\"']+)"_s,
                                             QRegularExpression::CaseInsensitiveOption);
        QString found;
        if (const auto m = iframe.match(address); m.hasMatch())
            found = m.captured(1);
        for (auto it = link.globalMatch(address); found.isEmpty() && it.hasNext();) {
            const auto m = it.next();
            if (!it.hasNext())
                found = m.captured(1);
        }
        found = plainText(found);
        if (found.startsWith(u"//"_s))
            found.prepend(u"https:"_s);
        if (s.title.isEmpty())
            s.title = plainText(address).simplified().left(120);
        if (s.title.isEmpty())
            s.title = found;
        if (!found.isEmpty() && QUrl(found, QUrl::StrictMode).isValid() &&
            found.startsWith(u"http"_s, Qt::CaseInsensitive))
            s.url = found;
        return s.title.isEmpty() ? std::nullopt : std::optional(s);
    }
    if (address.startsWith(u"//"_s))
        address.prepend(u"https:"_s);
    const QUrl u(address, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (u.isValid() && (scheme == u"http" || scheme == u"https" || scheme == u"ftp")) {
        s.url = address;
        if (s.title.isEmpty())
            s.title = s.publisher.isEmpty() ? address : s.publisher;
        return s;
    }
    address = address.left(200);
    if (scheme.size() > 1) // javascript:, data:, file:… never become a link
        batch.notes << QCoreApplication::translate(
                           "caseatlas", "Line %1: the media \"%2\" is not a web address; it is "
                                        "kept as the source's title, without a link.")
                           .arg(line)
                           .arg(address);
    else // "images/photo.jpg": a file beside the page it was shown on, which this file lacks
        batch.notes << QCoreApplication::translate(
                           "caseatlas",
                           "Line %1: the media \"%2\" is a relative address (a file beside the "
                           "page the timeline was shown on); it is kept as the source's title, "
                           "without a link.")
                           .arg(line)
                           .arg(address);
    if (s.title.isEmpty())
        s.title = address;
    else
        s.title += u" ("_s + address + u')';
    return s;
}

} // namespace

ImportBatch readTimelineJsSheet(const ImportTable& t) {
    ImportBatch batch;
    batch.format = u"TimelineJS"_s;
    auto col = [&](const char* name) {
        for (int i = 0; i < t.columns.size(); ++i)
            if (t.columns[i].trimmed().compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                return i;
        return -1;
    };
    const int cYear = col("Year"), cMonth = col("Month"), cDay = col("Day"), cTime = col("Time"),
              cEndYear = col("End Year"), cEndMonth = col("End Month"), cEndDay = col("End Day"),
              cEndTime = col("End Time"), cHeadline = col("Headline"), cText = col("Text"),
              cMedia = col("Media"), cCredit = col("Media Credit"), cCaption = col("Media Caption"),
              cGroup = col("Group"), cType = col("Type"), cId = col("Unique ID");
    if (cYear < 0 || cHeadline < 0) {
        batch.problems.append(
            {1,
             0,
             {},
             QCoreApplication::translate(
                 "caseatlas", "not the TimelineJS sheet template: the columns \"Year\" and "
                              "\"Headline\" are needed")});
        return batch;
    }
    for (const ImportTable::Row& row : t.rows) {
        auto cell = [&](int c) { return c >= 0 ? row.cells.value(c).trimmed() : QString(); };
        ProblemSink problem{batch, t.columns, row.line};
        const QString type = cell(cType).toLower();
        if (type == u"title"_s) {
            batch.title = tidyTitle(cell(cHeadline));
            continue;
        }
        if (cell(cYear).isEmpty() && cell(cHeadline).isEmpty())
            continue; // an empty row of the template
        auto start = timelineJsEdtf(cell(cYear), cell(cMonth), cell(cDay), cell(cTime));
        if (!start)
            problem(t.columns[cYear], start.error().message);
        QString end;
        if (!cell(cEndYear).isEmpty()) {
            auto e = timelineJsEdtf(cell(cEndYear), cell(cEndMonth), cell(cEndDay), cell(cEndTime));
            if (!e)
                problem(t.columns[cEndYear], e.error().message);
            else
                end = e.value();
        }
        if (type == u"era"_s) {
            if (end.isEmpty())
                problem(t.columns[cEndYear],
                        QCoreApplication::translate("caseatlas", "an era needs an end date"));
            if (!problem.bad)
                batch.eras.append({tidyTitle(cell(cHeadline)), start.value() + u'/' + end, {}});
            else
                ++batch.badRecords;
            continue;
        }
        ImportedEvent e;
        e.line = row.line;
        setRecordId(e, cell(cId));
        e.title = tidyTitle(cell(cHeadline));
        if (start)
            e.startEdtf = start.value();
        e.endEdtf = end;
        readTimelineJsText(cell(cText), e);
        if (e.title.isEmpty()) // TimelineJS shows an event without a headline
            e.title = untitled(e);
        if (!cell(cGroup).isEmpty())
            e.tags << cell(cGroup);
        if (auto s = mediaSource(cell(cMedia), cell(cCaption), cell(cCredit), row.line, batch))
            e.sources << *s;
        if (problem.bad)
            ++batch.badRecords;
        else
            batch.events << e;
    }
    batch.fields = FieldTitle | FieldDescription | FieldStart | FieldEnd | FieldTags;
    finishBatch(batch);
    return batch;
}

Result<ImportBatch> readTimelineJsJson(const QString& path) {
    const QString name = QDir::toNativeSeparators(path);
    auto read = readFileBytes(path);
    if (!read)
        return read.error();
    const QByteArray& bytes = read.value();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const qint64 line = bytes.left(error.offset).count('\n') + 1;
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "%1:%2: not valid JSON (%3); nothing was imported.")
                             .arg(name)
                             .arg(line)
                             .arg(error.errorString()));
    }
    const QJsonObject root = doc.object();
    if (!root.value(u"events"_s).isArray())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 is not a TimelineJS file: it has no \"events\" list; nothing was "
                             "imported.")
                             .arg(name));
    ImportBatch batch;
    batch.format = u"TimelineJS"_s;
    batch.title = tidyTitle(root.value(u"title"_s)
                                .toObject()
                                .value(u"text"_s)
                                .toObject()
                                .value(u"headline"_s)
                                .toString());
    const QStringList columns = {u"start_date"_s, u"end_date"_s, u"text.headline"_s};
    auto dateOf = [](const QJsonObject& d) -> Result<QString> {
        auto part = [&](const char* key) {
            const QJsonValue v = d.value(QLatin1String(key));
            // A number as written, however large ("year": -13800000000).
            return v.isDouble() ? QString::number(v.toDouble(), 'f', 0) : v.toString();
        };
        QString time;
        if (!part("hour").isEmpty())
            time = u"%1:%2:%3"_s.arg(part("hour").toInt(), 2, 10, QChar(u'0'))
                       .arg(part("minute").toInt(), 2, 10, QChar(u'0'))
                       .arg(part("second").toInt(), 2, 10, QChar(u'0'));
        return timelineJsEdtf(part("year"), part("month"), part("day"), time);
    };
    const QJsonArray events = root.value(u"events"_s).toArray();
    const QList<qint64> lines = jsonListLines(bytes, "events");
    const QStringList noColumns; // a JSON record's fields are named, not numbered
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject o = events[i].toObject();
        ImportedEvent e;
        e.line = lines.value(i, 1); // the line its object starts on
        ProblemSink problem{batch, noColumns, e.line};
        setRecordId(e, o.value(u"unique_id"_s).toString());
        e.title = tidyTitle(o.value(u"text"_s).toObject().value(u"headline"_s).toString());
        if (!o.value(u"start_date"_s).isObject())
            problem(u"start_date"_s,
                    QCoreApplication::translate("caseatlas", "the event has no start_date"));
        else if (auto start = dateOf(o.value(u"start_date"_s).toObject()))
            e.startEdtf = start.value();
        else
            problem(u"start_date"_s, start.error().message);
        if (o.value(u"end_date"_s).isObject()) {
            if (auto end = dateOf(o.value(u"end_date"_s).toObject()))
                e.endEdtf = end.value();
            else
                problem(u"end_date"_s, end.error().message);
        }
        readTimelineJsText(o.value(u"text"_s).toObject().value(u"text"_s).toString(), e);
        readCaseAtlasFields(o, e.startEdtf, e.endEdtf, e.description);
        if (e.title.isEmpty()) // TimelineJS shows an event without a headline
            e.title = untitled(e);
        if (!o.value(u"group"_s).toString().isEmpty())
            e.tags << o.value(u"group"_s).toString();
        const QJsonObject media = o.value(u"media"_s).toObject();
        if (auto s =
                mediaSource(media.value(u"url"_s).toString(), media.value(u"caption"_s).toString(),
                            media.value(u"credit"_s).toString(), e.line, batch))
            e.sources << *s;
        if (problem.bad)
            ++batch.badRecords;
        else
            batch.events << e;
    }
    for (const QJsonValue& v : root.value(u"eras"_s).toArray()) {
        const QJsonObject o = v.toObject();
        auto start = dateOf(o.value(u"start_date"_s).toObject());
        auto end = dateOf(o.value(u"end_date"_s).toObject());
        if (start && end) {
            QString span = start.value() + u'/' + end.value(), none, description;
            readCaseAtlasFields(o, span, none, description);
            QString name = tidyTitle(o.value(u"text"_s).toObject().value(u"headline"_s).toString());
            // CaseAtlas writes a loose span beside the name, as the band cannot show it.
            if (const auto d = FuzzyDate::parse(span))
                if (const QString shown = u" (%1)"_s.arg(d.value().toDisplayString());
                    name.endsWith(shown))
                    name.chop(shown.size());
            batch.eras.append({name, span, {}});
        }
    }
    batch.fields = FieldTitle | FieldDescription | FieldStart | FieldEnd | FieldTags;
    finishBatch(batch);
    return batch;
}

} // namespace caseatlas
