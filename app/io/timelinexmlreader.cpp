#include "io/importsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace caseatlas {

using namespace importing;

Result<ImportBatch> readTimelineXml(const QString& path) {
    const QString name = QDir::toNativeSeparators(path);
    auto read = readFileBytes(path);
    if (!read)
        return read.error();
    QXmlStreamReader xml(read.value());
    ImportBatch batch;
    batch.format = u"Timeline"_s;
    const QStringList columns = {u"start"_s, u"end"_s, u"text"_s};
    // "2023-11-12 10:30:00" as EDTF: the day when the time is midnight.
    auto edtfOf = [](const QString& text, QString& out) {
        static const QRegularExpression stamp(
            u"^(-?\\d{1,4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$"_s);
        const auto m = stamp.match(text.trimmed());
        if (!m.hasMatch())
            return false;
        const int y = m.captured(1).toInt(), mo = m.captured(2).toInt(), d = m.captured(3).toInt();
        if (!QDate(y == 0 ? 2000 : y, mo, d).isValid())
            return false;
        out = (y < 0 ? u"-%1"_s.arg(-y, 4, 10, QChar(u'0')) : u"%1"_s.arg(y, 4, 10, QChar(u'0'))) +
              u"-%1-%2"_s.arg(mo, 2, 10, QChar(u'0')).arg(d, 2, 10, QChar(u'0'));
        const int h = m.captured(4).toInt(), mi = m.captured(5).toInt(), s = m.captured(6).toInt();
        if (h > 23 || mi > 59 || s > 59)
            return false;
        if (h || mi || s)
            out += u"T%1:%2:%3"_s.arg(h, 2, 10, QChar(u'0'))
                       .arg(mi, 2, 10, QChar(u'0'))
                       .arg(s, 2, 10, QChar(u'0'));
        return true;
    };
    static const QRegularExpression container(u"^\\[(\\d+)\\](.*)$"_s);
    static const QRegularExpression member(u"^\\((\\d+)\\)(.*)$"_s);
    QHash<QString, QString> containers; // id → name
    struct Pending {
        ImportedEvent event;
        QString containerId;
    };
    QList<Pending> pending;
    if (!xml.readNextStartElement() || xml.name() != u"timeline"_s)
        return makeError(ErrorCode::InvalidInput,
                         xml.hasError()
                             ? u"%1:%2:%3: not valid XML (%4); nothing was imported."_s.arg(name)
                                   .arg(xml.lineNumber())
                                   .arg(xml.columnNumber())
                                   .arg(xml.errorString())
                             : u"%1 is not a Timeline file (its root is not <timeline>); nothing "
                               "was imported."_s.arg(name));
    auto readFields = [&](QHash<QString, QString>& fields, QStringList& categories) {
        while (xml.readNextStartElement()) {
            if (xml.name() == u"categories"_s) {
                while (xml.readNextStartElement())
                    categories << xml.readElementText().trimmed();
            } else {
                const QString key = xml.name().toString();
                fields.insert(key, xml.readElementText(QXmlStreamReader::SkipChildElements));
            }
        }
    };
    while (xml.readNextStartElement()) {
        if (xml.name() == u"timetype"_s) {
            const QString type = xml.readElementText().trimmed();
            if (!type.isEmpty() && type != u"gregoriantime"_s)
                return makeError(
                    ErrorCode::InvalidInput,
                    QCoreApplication::translate(
                        "caseatlas",
                        "%1:%2: this Timeline counts time as \"%3\"; only calendar dates "
                        "(gregoriantime) can be imported; nothing was imported.")
                        .arg(name)
                        .arg(xml.lineNumber())
                        .arg(type));
        } else if (xml.name() == u"eras"_s) {
            while (xml.readNextStartElement()) {
                QHash<QString, QString> fields;
                QStringList unused;
                readFields(fields, unused);
                QString start, end;
                if (edtfOf(fields.value(u"start"_s), start) &&
                    (fields.value(u"ends_today"_s) == u"True"_s ||
                     edtfOf(fields.value(u"end"_s), end)))
                    batch.eras.append({fields.value(u"name"_s).trimmed(),
                                       start + u'/' + (end.isEmpty() ? u".."_s : end),
                                       rgbColor(fields.value(u"color"_s))});
            }
        } else if (xml.name() == u"events"_s) {
            while (xml.readNextStartElement()) {
                const qint64 line = xml.lineNumber();
                QHash<QString, QString> fields;
                QStringList categories;
                readFields(fields, categories);
                ProblemSink problem{batch, columns, line};
                QString text = fields.value(u"text"_s).trimmed();
                if (auto m = container.match(text); m.hasMatch()) {
                    containers.insert(m.captured(1), m.captured(2).trimmed());
                    continue; // a container is the box around its events: a tag on them
                }
                Pending p;
                if (auto m = member.match(text); m.hasMatch()) {
                    p.containerId = m.captured(1);
                    text = m.captured(2).trimmed();
                }
                ImportedEvent& e = p.event;
                e.line = line;
                e.title = text.simplified();
                if (e.title.isEmpty())
                    problem(u"text"_s,
                            QCoreApplication::translate("caseatlas", "the event has no text"));
                QString start, end;
                if (!edtfOf(fields.value(u"start"_s), start))
                    problem(u"start"_s,
                            QCoreApplication::translate(
                                "caseatlas", "\"%1\" is not a date and time (2023-11-12 10:30:00)")
                                .arg(fields.value(u"start"_s)));
                if (!edtfOf(fields.value(u"end"_s), end))
                    end = start;
                const bool fuzzy = fields.value(u"fuzzy"_s) == u"True"_s;
                const bool fuzzyStart = fuzzy || fields.value(u"fuzzy_start"_s) == u"True"_s;
                const bool fuzzyEnd = fuzzy || fields.value(u"fuzzy_end"_s) == u"True"_s;
                // EDTF qualifies days, not times: a fuzzy moment is an approximate day.
                if (fuzzyStart)
                    start = start.section(u'T', 0, 0);
                if (fuzzyEnd)
                    end = end.section(u'T', 0, 0);
                e.startEdtf = start + (fuzzyStart ? u"~"_s : QString());
                if (fields.value(u"ends_today"_s) == u"True"_s)
                    e.endEdtf = u".."_s;
                else if (end != start)
                    e.endEdtf = end + (fuzzyEnd ? u"~"_s : QString());
                else if (fuzzyEnd && !fuzzyStart)
                    e.startEdtf += u'~';
                if (e.endEdtf == u".."_s) {
                    e.startEdtf += u"/.."_s; // until today: an open end
                    e.endEdtf.clear();
                }
                e.description = fields.value(u"description"_s).trimmed();
                if (!fields.value(u"category"_s).trimmed().isEmpty())
                    e.tags << fields.value(u"category"_s).trimmed();
                for (const QString& c : categories)
                    if (!c.isEmpty() && !e.tags.contains(c))
                        e.tags << c;
                const QString link = fields.value(u"hyperlink"_s).trimmed();
                for (const QString& url : link.split(u';', Qt::SkipEmptyParts))
                    e.sources << ImportedSource{url.trimmed(), url.trimmed(), {}};
                if (problem.bad)
                    ++batch.badRecords;
                else
                    pending << p;
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "%1:%2:%3: not valid XML (%4); nothing was imported.")
                             .arg(name)
                             .arg(xml.lineNumber())
                             .arg(xml.columnNumber())
                             .arg(xml.errorString()));
    for (Pending& p : pending) {
        if (!p.containerId.isEmpty() && containers.contains(p.containerId) &&
            !p.event.tags.contains(containers.value(p.containerId)))
            p.event.tags << containers.value(p.containerId);
        batch.events << p.event;
    }
    batch.fields = FieldTitle | FieldDescription | FieldStart | FieldEnd | FieldTags;
    finishBatch(batch); // Timeline has no ids
    return batch;
}

} // namespace caseatlas
