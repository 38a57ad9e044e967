#include "io/recordimport.h"

#include "core/sha256.h"

#include "geo/gazetteer.h"
#include "geo/gdalsetup.h"
#include "geo/layerimport.h"
#include "io/csvreader.h"
#include "model/exportset.h"
#include "store/actorrepository.h"
#include "store/catalogrepository.h"
#include "store/custodylog.h"
#include "store/eventrepository.h"
#include "store/importmemory.h"
#include "store/placerepository.h"
#include "store/sourcerepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUuid>
#include <QXmlStreamReader>

#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

const QUuid kUrlNamespace(u"6ba7b811-9dad-11d1-80b4-00c04fd430c8"_s);

// A record's id: a UUID (a CaseAtlas export's) is the event's own; anything else is the
// record's key within its dataset (scopeBatch makes the UUID).
void setRecordId(ImportedEvent& e, const QString& id) {
    const QUuid direct(id.trimmed());
    if (!direct.isNull())
        e.uuid = direct.toString(QUuid::WithoutBraces);
    else
        e.recordKey = id.trimmed();
}

// A record's event UUID within its dataset. (Before datasets were kept, the dataset was the
// file's name, so that a file imported then is updated by naming it.)
QString datasetRecordUuid(const QString& dataset, const QString& key) {
    return QUuid::createUuidV5(kUrlNamespace,
                               (u"caseatlas-import:"_s + dataset + u'#' + key).toUtf8())
        .toString(QUuid::WithoutBraces);
}

const char* const kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};

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

// HTML as plain text: line breaks and paragraphs kept, tags dropped, entities read.
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

// Reports problems of one record: its line, and the column by name.
struct ProblemSink {
    ImportBatch& batch;
    const QStringList& columns;
    qint64 line = 0;
    QString unit; // see ImportProblem::unit
    bool bad = false;
    void operator()(const QString& column, const QString& message) {
        const int index = int(columns.indexOf(column));
        batch.problems.append({line, index >= 0 ? index + 1 : 0, column, message, unit});
        bad = true;
    }
};

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

// A whole file, after the checks every import makes of its path.
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

// Reads a whole text file into UTF-8: a byte order mark says UTF-8 or UTF-16; otherwise the
// declared encoding (through iconv), or UTF-8 (each cell is checked as the rows are read).
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

// What a table read into memory may take (its cells as text, with their overhead): beyond it a
// file is refused with a message, not read until memory runs out. Bigger event files are ACLED
// or UCDP exports, which are imported row by row.
constexpr qint64 kMaxTableBytes = qint64(1) << 30;

struct TableBudget {
    const QString& path;
    qint64 used = 0;
    // false (with `error` set) once the table would need more than kMaxTableBytes.
    bool take(const ImportTable::Row& row, Error& error) {
        for (const QString& c : row.cells)
            used += 2 * c.size() + 32;
        used += 64;
        if (used <= kMaxTableBytes)
            return true;
        error = makeError(ErrorCode::InvalidInput,
                          QCoreApplication::translate(
                              "caseatlas",
                              "%1 is too large to import as a table: by row %2 it needs more than "
                              "%3 MB of memory. Split it into several files; nothing was "
                              "imported.")
                              .arg(QDir::toNativeSeparators(path))
                              .arg(row.line)
                              .arg(kMaxTableBytes >> 20));
        return false;
    }
};

Error cancelledRead() {
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate("caseatlas", "Reading the file was cancelled."));
}

Result<ImportTable> readCsvTable(const QString& path, const TableOptions& o) {
    auto bytes = readUtf8(path, o.encoding);
    if (!bytes)
        return bytes.error();
    const char separator = QFileInfo(path).suffix().compare(u"tsv"_s, Qt::CaseInsensitive) == 0
                               ? '\t'
                               : CsvReader::guessSeparator(bytes.value());
    auto csv = CsvReader::fromBytes(std::move(bytes.value()), separator, path);
    ImportTable t;
    t.format = separator == '\t' ? u"TSV"_s : u"CSV"_s;
    if (!csv->next()) {
        CA_TRY(csv->finish());
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "%1 is empty; nothing was imported.")
                .arg(QDir::toNativeSeparators(path)));
    }
    for (int i = 0; i < csv->columnCount(); ++i)
        t.columns << QString::fromUtf8(csv->field(i)).trimmed();
    TableBudget budget{path};
    while ((o.maxRows < 0 || t.rows.size() < o.maxRows) && csv->next()) {
        if (o.progress && t.rows.size() % 5000 == 4999 && !o.progress(csv->position(), csv->size()))
            return cancelledRead();
        ImportTable::Row row;
        row.line = csv->line();
        for (int i = 0; i < csv->columnCount(); ++i) {
            // Text that is not UTF-8 is a problem of its cell (the encoding may need choosing).
            if (!csv->field(i).isValidUtf8())
                row.invalidUtf8 << i;
            row.cells << QString::fromUtf8(csv->field(i));
        }
        if (Error tooLarge; !budget.take(row, tooLarge))
            return tooLarge;
        t.rows << row;
    }
    CA_TRY(csv->finish());
    return t;
}

struct SpatialRefs {
    OGRSpatialReferenceH wgs84 = nullptr;
    OGRCoordinateTransformationH transform = nullptr;
    ~SpatialRefs() {
        if (transform)
            OCTDestroyCoordinateTransformation(transform);
        if (wgs84)
            OSRDestroySpatialReference(wgs84);
    }
};

Result<ImportTable> readGdalTable(const QString& path, const TableOptions& o) {
    static const char* const kDrivers[] = {"XLSX", "ODS", "GeoJSON", "TopoJSON", "ESRI Shapefile",
                                           "GPKG", "KML", "LIBKML",  "GPX",      nullptr};
    ensureGdal();
    // Spreadsheets: the first row is the header, and every cell is read as the text it shows.
    struct ThreadConfig {
        QByteArray key;
        QByteArray was;
        ThreadConfig(const char* k, const char* value)
            : key(k)
            , was(CPLGetThreadLocalConfigOption(k, "")) {
            CPLSetThreadLocalConfigOption(k, value);
        }
        ~ThreadConfig() {
            CPLSetThreadLocalConfigOption(key.constData(),
                                          was.isEmpty() ? nullptr : was.constData());
        }
    };
    const ThreadConfig headers[] = {{"OGR_XLSX_HEADERS", "FORCE"},
                                    {"OGR_ODS_HEADERS", "FORCE"},
                                    {"OGR_XLSX_FIELD_TYPES", "STRING"},
                                    {"OGR_ODS_FIELD_TYPES", "STRING"}};
    const QString name = QDir::toNativeSeparators(path);
    CA_TRY(checkPackedSize(path));
    GdalErrors errors;
    GdalDataset ds(GDALOpenEx(gdalPathOf(QFileInfo(path)).toUtf8().constData(),
                              GDAL_OF_VECTOR | GDAL_OF_READONLY, kDrivers, nullptr, nullptr));
    if (!ds)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "caseatlas",
                "%1 could not be read as a spreadsheet (CSV, XLSX, ODS) or a GIS layer "
                "(GeoJSON, KML, KMZ, GeoPackage, Shapefile, GPX); nothing was "
                "imported.")
                .arg(name),
            errors.text());
    ImportTable t;
    t.format = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
    OGRLayerH layer = nullptr;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i) {
        OGRLayerH l = GDALDatasetGetLayer(ds.get(), i);
        const QString layerName = QString::fromUtf8(OGR_L_GetName(l));
        t.layers << layerName;
        if (!layer &&
            (o.layer.isEmpty() ? OGR_L_GetFeatureCount(l, TRUE) > 0 : layerName == o.layer))
            layer = l;
    }
    if (!layer)
        return makeError(ErrorCode::InvalidInput,
                         o.layer.isEmpty()
                             ? u"%1 holds no rows; nothing was imported."_s.arg(name)
                             : u"%1 has no layer \"%2\" (it has: %3); nothing was imported."_s.arg(
                                   name, o.layer, t.layers.join(u", "_s)));
    t.layer = QString::fromUtf8(OGR_L_GetName(layer));
    t.hasGeometry = OGR_L_GetGeomType(layer) != wkbNone;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int fields = OGR_FD_GetFieldCount(defn);
    for (int i = 0; i < fields; ++i)
        t.columns << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    // Points are kept in longitude/latitude (WGS 84).
    SpatialRefs refs;
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
        refs.wgs84 = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(refs.wgs84, 4326);
        OSRSetAxisMappingStrategy(refs.wgs84, OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReferenceH source = OSRClone(srs);
        OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER);
        if (!OSRIsSame(source, refs.wgs84))
            refs.transform = OCTNewCoordinateTransformation(source, refs.wgs84);
        OSRDestroySpatialReference(source);
    }
    const bool rowNumbers = t.format == u"XLSX"_s || t.format == u"ODS"_s;
    TableBudget budget{path};
    OGR_L_ResetReading(layer);
    const qint64 features = OGR_L_GetFeatureCount(layer, FALSE);
    qint64 index = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        ++index;
        if (o.progress && index % 1000 == 0 && !o.progress(index, std::max(features, index))) {
            OGR_F_Destroy(f);
            return cancelledRead();
        }
        ImportTable::Row row;
        row.line = rowNumbers ? OGR_F_GetFID(f) : index;
        for (int i = 0; i < fields; ++i) {
            if (!OGR_F_IsFieldSetAndNotNull(f, i)) {
                row.cells << QString();
            } else if (OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, i)) == OFTStringList) {
                QStringList items;
                for (char** s = OGR_F_GetFieldAsStringList(f, i); s && *s; ++s)
                    items << QString::fromUtf8(*s);
                row.cells << items.join(u"; "_s);
            } else {
                row.cells << QString::fromUtf8(OGR_F_GetFieldAsString(f, i));
            }
        }
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f); g && !OGR_G_IsEmpty(g)) {
            OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
            if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint)
                OGR_G_SetPoint_2D(point, 0, OGR_G_GetX(g, 0), OGR_G_GetY(g, 0));
            else
                OGR_G_Centroid(g, point);
            if (refs.transform)
                OGR_G_Transform(point, refs.transform);
            if (!OGR_G_IsEmpty(point))
                row.point = GeoPoint{OGR_G_GetX(point, 0), OGR_G_GetY(point, 0)};
            OGR_G_DestroyGeometry(point);
        }
        OGR_F_Destroy(f);
        for (qsizetype i = 0; i < row.cells.size(); ++i)
            if (row.cells[i].size() > CsvReader::kMaxFieldBytes / 2)
                return makeError(ErrorCode::InvalidInput,
                                 QCoreApplication::translate(
                                     "caseatlas",
                                     "%1 cannot be imported: row %2 has a cell (%3) of more than "
                                     "%4 MB, and CaseAtlas reads cells of up to %4 MB. Nothing was "
                                     "imported.")
                                     .arg(name)
                                     .arg(row.line)
                                     .arg(t.columns.value(i))
                                     .arg(CsvReader::kMaxFieldBytes >> 21));
        if (Error tooLarge; !budget.take(row, tooLarge))
            return tooLarge;
        t.rows << row;
        if (o.maxRows >= 0 && t.rows.size() >= o.maxRows)
            break;
    }
    return t;
}

// "Name (role)" as a name and a role.
std::pair<QString, QString> actorWithRole(const QString& text) {
    static const QRegularExpression withRole(u"^(.*\\S)\\s*\\(([^()]*)\\)$"_s);
    const auto m = withRole.match(text.trimmed());
    if (m.hasMatch())
        return {m.captured(1).trimmed(), m.captured(2).trimmed()};
    return {text.trimmed(), QString()};
}

// A JSON array of objects in a cell (CaseAtlas's GeoJSON writes actors and sources so).
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

// CaseAtlas's KML lists an event's sources at the end of its description, one "Source: title
// URL" line each.
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

// Records without an id of their own get a key from their title and date (and their order
// among records that share those), so that importing the same file again updates instead of
// doubling.
// Takes out the records the case would refuse (the checks every write makes: a title, dates
// that parse, an end after the start, a point on the globe, sources with a title and valid
// addresses), each a problem at its own line, so that no row-level problem is found only while
// writing, where it would abort an import of the rows that can be taken.
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

// What every reader does last.
void finishBatch(ImportBatch& batch, const QString& unit = {}) {
    rejectInvalidRecords(batch, unit);
    assignContentIds(batch);
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

// A title for an event TimelineJS shows without a headline: the start of its text.
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

} // namespace

// --- dates ---

namespace {
const std::pair<DateOrder, const char16_t*> kDateOrders[] = {{DateOrder::Auto, u"auto"},
                                                             {DateOrder::DayMonthYear, u"dmy"},
                                                             {DateOrder::MonthDayYear, u"mdy"},
                                                             {DateOrder::YearMonthDay, u"ymd"}};
const std::pair<ImportFormat, const char16_t*> kImportFormats[] = {
    {ImportFormat::Acled, u"acled"},
    {ImportFormat::Ucdp, u"ucdp"},
    {ImportFormat::Spreadsheet, u"spreadsheet"},
    {ImportFormat::Points, u"points"},
    {ImportFormat::TimelineJs, u"timelinejs"},
    {ImportFormat::Timeline, u"timeline"}};
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

// --- mappings ---

const QStringList& ColumnMapping::fields() {
    static const QStringList f = {u"id"_s,        u"title"_s,       u"description"_s,
                                  u"start"_s,     u"end"_s,         u"place"_s,
                                  u"longitude"_s, u"latitude"_s,    u"tags"_s,
                                  u"actors"_s,    u"source_url"_s,  u"source_title"_s,
                                  u"status"_s,    u"sensitivity"_s, u"location_precision"_s};
    return f;
}

QString ColumnMapping::fieldLabel(const QString& field) {
    static const QHash<QString, QString> labels = {
        {u"id"_s, u"Id (for updates)"_s},
        {u"title"_s, u"Title"_s},
        {u"description"_s, u"Description"_s},
        {u"start"_s, u"Start date"_s},
        {u"end"_s, u"End date"_s},
        {u"place"_s, u"Place name"_s},
        {u"longitude"_s, u"Longitude"_s},
        {u"latitude"_s, u"Latitude"_s},
        {u"tags"_s, u"Tags"_s},
        {u"actors"_s, u"Actors"_s},
        {u"source_url"_s, u"Source URL"_s},
        {u"source_title"_s, u"Source title"_s},
        {u"status"_s, u"Status"_s},
        {u"sensitivity"_s, u"Sensitivity"_s},
        {u"location_precision"_s, u"Location precision"_s}};
    return labels.value(field, field);
}

QJsonObject ColumnMapping::toJson() const {
    QJsonObject columnsJson;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        if (!it.value().isEmpty())
            columnsJson.insert(it.key(), it.value());
    return QJsonObject{{u"columns"_s, columnsJson},
                       {u"start_order"_s, dateOrderKey(startOrder)},
                       {u"end_order"_s, dateOrderKey(endOrder)},
                       {u"separator"_s, separator},
                       {u"resolve_places"_s, resolvePlaces}};
}

Result<ColumnMapping> ColumnMapping::fromJson(const QJsonObject& json) {
    ColumnMapping m;
    const QJsonObject columnsJson = json.value(u"columns"_s).toObject();
    for (auto it = columnsJson.begin(); it != columnsJson.end(); ++it) {
        if (!fields().contains(it.key()))
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "\"%1\" is not a field an import can fill (%2).")
                                 .arg(it.key(), fields().join(u", "_s)));
        m.columns.insert(it.key(), it.value().toString());
    }
    auto start = dateOrderFromKey(json.value(u"start_order"_s).toString(u"auto"_s));
    auto end = dateOrderFromKey(json.value(u"end_order"_s).toString(u"auto"_s));
    if (!start || !end)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "A date order is one of auto, dmy, mdy and ymd."));
    m.startOrder = *start;
    m.endOrder = *end;
    m.separator = json.value(u"separator"_s).toString(u";"_s);
    m.resolvePlaces = json.value(u"resolve_places"_s).toBool(true);
    return m;
}

ColumnMapping guessMapping(const QStringList& columns) {
    // Each field's likely column names, best first.
    static const QList<std::pair<QString, QStringList>> names = {
        {u"id"_s, {u"uuid"_s, u"unique_id"_s, u"event_id"_s, u"id"_s}},
        {u"title"_s, {u"title"_s, u"headline"_s, u"name"_s, u"event"_s, u"summary"_s}},
        {u"description"_s, {u"description"_s, u"text"_s, u"notes"_s, u"details"_s, u"desc"_s}},
        {u"start"_s,
         {u"start_edtf"_s, u"start"_s, u"start_date"_s, u"date"_s, u"event_date"_s, u"begin"_s,
          u"when"_s, u"timestamp"_s, u"time"_s}},
        {u"end"_s, {u"end_edtf"_s, u"end"_s, u"end_date"_s, u"until"_s}},
        {u"place"_s,
         {u"place"_s, u"location"_s, u"place_name"_s, u"where"_s, u"town"_s, u"city"_s}},
        {u"longitude"_s, {u"longitude"_s, u"lon"_s, u"lng"_s, u"long"_s, u"x"_s}},
        {u"latitude"_s, {u"latitude"_s, u"lat"_s, u"y"_s}},
        {u"tags"_s, {u"tags"_s, u"tag"_s, u"categories"_s, u"category"_s, u"group"_s}},
        {u"actors"_s, {u"actors"_s, u"actor"_s, u"people"_s, u"who"_s}},
        {u"source_url"_s, {u"source_urls"_s, u"source_url"_s, u"url"_s, u"link"_s, u"hyperlink"_s}},
        {u"source_title"_s, {u"sources"_s, u"source"_s, u"source_title"_s}},
        {u"status"_s, {u"status"_s}},
        {u"sensitivity"_s, {u"sensitivity"_s}},
        {u"location_precision"_s, {u"location_precision"_s}}};
    ColumnMapping m;
    QStringList taken;
    for (const auto& [field, candidates] : names)
        for (const QString& candidate : candidates) {
            const auto it = std::find_if(columns.cbegin(), columns.cend(), [&](const QString& c) {
                return c.trimmed().compare(candidate, Qt::CaseInsensitive) == 0;
            });
            if (it != columns.cend() && !taken.contains(*it)) {
                m.columns.insert(field, *it);
                taken << *it;
                break;
            }
        }
    // KML's TimeSpan comes as "begin" and "end": an "end" belongs with "begin", not with
    // another start column (CaseAtlas's extended "date" holds the whole span already).
    const bool hasBegin = std::any_of(columns.cbegin(), columns.cend(), [](const QString& c) {
        return c.trimmed().compare(u"begin"_s, Qt::CaseInsensitive) == 0;
    });
    if (hasBegin && m.column(u"end"_s).trimmed().compare(u"end"_s, Qt::CaseInsensitive) == 0 &&
        m.column(u"start"_s).trimmed().compare(u"begin"_s, Qt::CaseInsensitive) != 0)
        m.columns.remove(u"end"_s);
    return m;
}

// --- readers ---

Result<ImportTable> readTable(const QString& path, const TableOptions& o) {
    CA_TRY(checkImportPath(path));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv"_s || suffix == u"tsv"_s || suffix == u"txt"_s)
        return readCsvTable(path, o);
    return readGdalTable(path, o);
}

ImportBatch mapTable(const ImportTable& t, const ColumnMapping& m,
                     const std::function<void(qint64, qint64)>& progress) {
    ImportBatch batch;
    batch.format = t.format;
    batch.resolvePlaces = m.resolvePlaces;
    auto col = [&](const QString& field) { return int(t.columns.indexOf(m.column(field))); };
    const int cId = col(u"id"_s), cTitle = col(u"title"_s), cDesc = col(u"description"_s),
              cStart = col(u"start"_s), cEnd = col(u"end"_s), cPlace = col(u"place"_s),
              cLon = col(u"longitude"_s), cLat = col(u"latitude"_s), cTags = col(u"tags"_s),
              cActors = col(u"actors"_s), cUrl = col(u"source_url"_s),
              cSource = col(u"source_title"_s), cStatus = col(u"status"_s),
              cSens = col(u"sensitivity"_s), cPrec = col(u"location_precision"_s);
    if (cTitle < 0 || cStart < 0) {
        batch.problems.append(
            {1,
             0,
             {},
             QCoreApplication::translate(
                 "caseatlas", "choose the columns that hold each event's title and its date "
                              "(columns: %1)")
                 .arg(t.columns.join(u", "_s))});
        return batch;
    }
    for (const QString& field : ColumnMapping::fields())
        if (!m.column(field).isEmpty() && col(field) < 0)
            batch.problems.append({1,
                                   0,
                                   {},
                                   QCoreApplication::translate(
                                       "caseatlas", "the column \"%1\" (for %2) is not in the file")
                                       .arg(m.column(field), ColumnMapping::fieldLabel(field))});
    if (!batch.problems.isEmpty())
        return batch;
    const bool checkWidth = t.format == u"CSV"_s || t.format == u"TSV"_s;
    const bool sheet = checkWidth || t.format == u"XLSX"_s || t.format == u"ODS"_s;
    const bool kml = t.format.contains(u"KML"_s);
    const bool startFromBegin =
        t.columns.value(cStart).compare(u"begin"_s, Qt::CaseInsensitive) == 0;
    int cTimestamp = -1;
    for (int c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].compare(u"timestamp"_s, Qt::CaseInsensitive) == 0)
            cTimestamp = c;
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        const ImportTable::Row& row = t.rows[i];
        if (progress && i % 5000 == 4999)
            progress(i + 1, t.rows.size());
        ProblemSink problem{batch, t.columns, row.line,
                            t.hasGeometry && !sheet ? u"feature"_s : QString()};
        if (checkWidth && row.cells.size() != t.columns.size()) {
            batch.problems.append(
                {row.line,
                 0,
                 {},
                 u"the row has %1 columns; the header has %2"_s.arg(row.cells.size())
                     .arg(t.columns.size())});
            ++batch.badRecords;
            continue;
        }
        if (!row.invalidUtf8.isEmpty()) {
            problem(t.columns.value(row.invalidUtf8.first()),
                    u"the text is not valid UTF-8 (choose the file's encoding, for example "
                    "windows-1252 or UTF-16)"_s);
            ++batch.badRecords;
            continue;
        }
        auto cell = [&](int c) { return c >= 0 ? row.cells.value(c).trimmed() : QString(); };
        ImportedEvent e;
        e.line = row.line;
        setRecordId(e, cell(cId));
        e.title = cell(cTitle).simplified();
        if (e.title.isEmpty())
            problem(t.columns[cTitle],
                    QCoreApplication::translate("caseatlas", "the event has no title"));
        e.description = cDesc >= 0 ? row.cells.value(cDesc).trimmed() : QString();
        QString startText = cell(cStart);
        bool openEnd = false;
        if (kml && startFromBegin) {
            // A KML file mixes TimeStamps (GDAL's "timestamp") and TimeSpans ("begin", "end");
            // a span's missing end is open, and so is its missing begin.
            if (startText.isEmpty() && !cell(cEnd).isEmpty())
                startText = u".."_s;
            else if (startText.isEmpty())
                startText = cell(cTimestamp);
            else
                openEnd = cell(cEnd).isEmpty();
        }
        if (startText == u"..") {
            if (auto end = edtfFromText(cell(cEnd), m.endOrder))
                e.startEdtf = u"../"_s + end.value();
            else
                problem(t.columns[cEnd], end.error().message);
        } else if (auto start = edtfFromText(startText, m.startOrder)) {
            e.startEdtf = start.value() + (openEnd ? u"/.."_s : QString());
        } else {
            problem(t.columns[cStart], start.error().message);
        }
        if (!cell(cEnd).isEmpty() && !e.startEdtf.contains(u'/')) {
            if (auto end = edtfFromText(cell(cEnd), m.endOrder))
                e.endEdtf = end.value();
            else
                problem(t.columns[cEnd], end.error().message);
        }
        e.placeName = cell(cPlace);
        if (cLon >= 0 && cLat >= 0 && !(cell(cLon).isEmpty() && cell(cLat).isEmpty())) {
            bool okLon = false, okLat = false;
            const double lon = cell(cLon).toDouble(&okLon), lat = cell(cLat).toDouble(&okLat);
            if (!okLon)
                problem(t.columns[cLon],
                        QCoreApplication::translate("caseatlas", "\"%1\" is not a longitude")
                            .arg(cell(cLon)));
            if (!okLat)
                problem(t.columns[cLat],
                        QCoreApplication::translate("caseatlas", "\"%1\" is not a latitude")
                            .arg(cell(cLat)));
            if (okLon && okLat)
                e.point = GeoPoint{lon, lat};
            checkPoint(e.point, problem, t.columns[cLon], t.columns[cLat]);
        } else if (row.point) {
            e.point = row.point;
            checkPoint(e.point, problem, QString(), QString());
        }
        e.tags = splitCell(cell(cTags), m.separator);
        if (auto array = jsonArray(cell(cActors))) {
            for (const QJsonValue& v : *array)
                if (!v.toObject().value(u"name"_s).toString().isEmpty())
                    e.actors.append({v.toObject().value(u"name"_s).toString(),
                                     v.toObject().value(u"role"_s).toString()});
        } else {
            for (const QString& a : splitCell(cell(cActors), m.separator))
                e.actors.append(actorWithRole(a));
        }
        if (auto array = jsonArray(cell(cSource))) {
            for (const QJsonValue& v : *array) {
                const QJsonObject o = v.toObject();
                ImportedSource s{o.value(u"title"_s).toString(), o.value(u"url"_s).toString(),
                                 o.value(u"publisher"_s).toString()};
                s.archiveUrl = o.value(u"archive_url"_s).toString();
                if (const QString r = o.value(u"reliability"_s).toString(); r.size() == 1)
                    s.reliability = reliabilityFromLetter(r.front());
                s.locator = o.value(u"locator"_s).toString();
                s.cited = true;
                s.quote = o.value(u"quote"_s).toString();
                if (const int c = o.value(u"credibility"_s).toInt(); c >= 1 && c <= 6)
                    s.credibility = c;
                if (!s.title.isEmpty() || !s.url.isEmpty())
                    e.sources << s;
            }
        } else {
            // Titles and URLs side by side: "A; B" with "https://a https://b".
            const QStringList titles = splitCell(cell(cSource), m.separator);
            QStringList urls;
            for (const QString& u :
                 cell(cUrl).split(QRegularExpression(u"[\\s;,]+"_s), Qt::SkipEmptyParts))
                urls << u;
            for (qsizetype i = 0; i < std::max(titles.size(), urls.size()); ++i) {
                ImportedSource s{titles.value(i), urls.value(i), {}};
                if (s.title.isEmpty())
                    s.title = s.url;
                e.sources << s;
            }
        }
        if (cSource < 0 && cUrl < 0 && kml)
            takeSourceLines(e.description, e.sources);
        if (!cell(cStatus).isEmpty()) {
            e.status = eventStatusFromKey(cell(cStatus).toLower());
            if (!e.status)
                problem(t.columns[cStatus],
                        QCoreApplication::translate(
                            "caseatlas", "\"%1\" is not a status (draft, corroborated, disputed)")
                            .arg(cell(cStatus)));
        }
        if (!cell(cSens).isEmpty()) {
            e.sensitivity = sensitivityFromKey(cell(cSens).toLower());
            if (!e.sensitivity)
                problem(
                    t.columns[cSens],
                    QCoreApplication::translate(
                        "caseatlas", "\"%1\" is not a sensitivity (public, internal, confidential)")
                        .arg(cell(cSens)));
        }
        if (!cell(cPrec).isEmpty()) {
            auto p = locationPrecisionFromKey(cell(cPrec).toLower());
            if (!p)
                problem(t.columns[cPrec], QCoreApplication::translate(
                                              "caseatlas", "\"%1\" is not a location precision")
                                              .arg(cell(cPrec)));
            e.precision = p.value_or(LocationPrecision::Unknown);
        } else if (e.point) {
            e.precision = LocationPrecision::Exact;
        }
        if (problem.bad)
            ++batch.badRecords;
        else
            batch.events << e;
    }
    if (progress)
        progress(t.rows.size(), t.rows.size());
    // An update changes only what the mapping reads.
    batch.fields = FieldTitle | FieldStart;
    for (const auto& [column, field] : {std::pair{cDesc, FieldDescription},
                                        {cEnd, FieldEnd},
                                        {cPlace, FieldPlace},
                                        {cTags, FieldTags},
                                        {cActors, FieldActors},
                                        {cStatus, FieldStatus},
                                        {cSens, FieldSensitivity},
                                        {cPrec, FieldPrecision}})
        if (column >= 0)
            batch.fields |= field;
    if ((cLon >= 0 && cLat >= 0) || t.hasGeometry)
        batch.fields |= FieldPoint | FieldPrecision;
    finishBatch(batch, t.hasGeometry && !sheet ? u"feature"_s : QString());
    return batch;
}

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

// --- writing ---

Status scopeBatch(SqliteDatabase& db, const QString& path, ImportBatch& batch,
                  const ImportOptions& options) {
    if (!batch.dataset.isEmpty())
        return {};
    QString dataset;
    if (options.dataset.isEmpty()) {
        dataset = u"dataset:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    } else {
        auto known = ImportMemory(db).dataset(options.dataset);
        if (!known)
            return known.error();
        // Not kept: a file imported before datasets were, named by its file name.
        dataset = known.value() ? known.value()->id : options.dataset;
    }
    Q_UNUSED(path);
    for (ImportedEvent& e : batch.events)
        if (e.uuid.isEmpty() && !e.recordKey.isEmpty())
            e.uuid = datasetRecordUuid(dataset, e.recordKey);
    batch.dataset = dataset;
    return {};
}

namespace {

// A public export of this very case, brought back: its ids, names and places are the export
// profile's stand-ins, and importing it would write them over the real records. Found by its
// SHA-256 in the custody log, by ids that are this case's keyed public ids, or by this case's
// pseudonyms in its text.
Status refusePublicExportOfThisCase(SqliteDatabase& db, const QString& path, const QString& sha,
                                    const ImportBatch& batch) {
    const QString name = QDir::toNativeSeparators(path);
    auto refuse = [&](const QString& how) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 is a public export of this case (%2). Importing it would write "
                             "its pseudonyms, coarse places and public ids over the real records; "
                             "nothing was imported.")
                             .arg(name, how));
    };
    auto logged = db.scalar(u"SELECT at FROM custody_log WHERE action = 'export-case' AND "
                            "sha256 = ? AND detail LIKE '%profile public%' LIMIT 1"_s,
                            {sha});
    if (!logged)
        return logged.error();
    if (logged.value().isValid())
        return refuse(QCoreApplication::translate("caseatlas", "the one exported on %1")
                          .arg(logged.value().toString().left(10)));
    auto stored = db.scalar(u"SELECT value FROM caseatlas_meta WHERE key = 'export_key'"_s);
    if (!stored)
        return stored.error();
    if (!stored.value().isValid())
        return {}; // this case never exported with keyed ids
    const QByteArray key = QByteArray::fromHex(stored.value().toString().toLatin1());
    // Ids of the file's own that are none of this case's events (an internal export's are):
    // are they this case's public ones?
    QSet<QString> incoming;
    auto known = db.prepare(u"SELECT 1 FROM events WHERE uuid = ?"_s);
    if (!known)
        return known.error();
    for (const ImportedEvent& e : batch.events) {
        if (e.uuid.isEmpty() || !e.recordKey.isEmpty())
            continue;
        known.value().reset();
        known.value().bind(1, e.uuid);
        auto found = known.value().step();
        if (!found)
            return found.error();
        if (!found.value())
            incoming.insert(e.uuid);
    }
    if (!incoming.isEmpty()) {
        auto uuids = db.prepare(u"SELECT uuid FROM events"_s);
        if (!uuids)
            return uuids.error();
        bool keyed = false;
        CA_TRY(uuids.value().forEachRow([&](SqliteStatement& s) {
            keyed = keyed || incoming.contains(keyedUuid(key, u"event"_s, s.text(0)));
        }));
        if (keyed)
            return refuse(QCoreApplication::translate(
                "caseatlas", "its ids are the ones this case gives its events in public"));
    }
    auto people = db.prepare(u"SELECT uuid FROM actors WHERE protected = 1"_s);
    if (!people)
        return people.error();
    QStringList pseudonyms;
    CA_TRY(people.value().forEachRow(
        [&](SqliteStatement& s) { pseudonyms << pseudonym(key, s.text(0)); }));
    for (const ImportedEvent& e : batch.events) {
        QString text = e.title + u' ' + e.description;
        for (const auto& [actor, role] : e.actors)
            text += u' ' + actor;
        for (const QString& p : pseudonyms)
            if (text.contains(p))
                return refuse(QCoreApplication::translate(
                                  "caseatlas", "it names a protected person as this case does "
                                               "in public, \"%1\"")
                                  .arg(p));
    }
    return {};
}

} // namespace

Result<ImportReport> importBatch(CaseFile& file, const QString& path, const ImportBatch& given,
                                 const ImportOptions& o, Scope* created) {
    const QString name = QDir::toNativeSeparators(path);
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas", "This case is open read-only; nothing was imported."));
    // Its records' ids within the dataset chosen (a scoped batch comes so from CaseDocument).
    std::optional<ImportBatch> scoped;
    if (given.dataset.isEmpty()) {
        scoped = given;
        CA_TRY(scopeBatch(file.db(), path, *scoped, o));
    }
    const ImportBatch& batch = scoped ? *scoped : given;
    ImportReport report;
    report.dataset = batch.dataset;
    report.problems = batch.problems;
    report.skipped = batch.badRecords;
    report.notes = batch.notes;
    if (!batch.problems.isEmpty() && (!o.skipBadRows || batch.badRecords == 0)) {
        const int bad = int(qMin(batch.badRecords, qint64(INT_MAX)));
        return makeError(
            ErrorCode::InvalidInput,
            batch.badRecords == 0
                ? QCoreApplication::translate("caseatlas",
                                              "%1 cannot be imported; nothing was imported.")
                      .arg(name)
                : QCoreApplication::translate(
                      "caseatlas",
                      "%1 has %n record(s) that cannot be imported; nothing was imported. Fix "
                      "them, or import with the bad rows skipped.",
                      nullptr, bad)
                      .arg(name),
            firstProblems(batch.problems, path));
    }
    auto hashed = Sha256::hexOfFile(path);
    if (!hashed)
        return hashed.error();
    const QByteArray sha = hashed.value();
    SqliteDatabase& db = file.db();
    CA_TRY(refusePublicExportOfThisCase(db, path, QString::fromLatin1(sha), batch));
    if (o.preview && db.inTransaction())
        return makeError(ErrorCode::InvalidInput,
                         u"A preview of an import runs in a transaction of its own."_s);
    std::optional<SqliteTransaction> tx; // or the caller's (an undoable import)
    if (!db.inTransaction()) {
        tx.emplace(db);
        CA_TRY(tx->status());
    }
    ImportMemory memory(db);
    auto deleted = memory.deletedUuids();
    if (!deleted)
        return deleted.error();
    auto listChange = [&](qint64 line, const QString& title, bool added,
                          const QStringList& fields) {
        if (report.changes.size() < ImportReport::kMaxListedChanges)
            report.changes.append({line, title, added, fields});
    };
    auto made = [&](const Scope& scope) {
        if (created)
            *created += scope;
    };
    QList<qint64> newTags;
    EventRepository events(db);
    PlaceRepository places(db);
    ActorRepository actors(db);
    SourceRepository sources(db);
    CatalogRepository catalog(db);
    QHash<QString, qint64> eventIds, placeIds, actorIds, sourceIds;
    {
        auto ev = db.prepare(u"SELECT uuid, fid FROM events"_s);
        CA_TRY(ev.value().forEachRow(
            [&](SqliteStatement& s) { eventIds.insert(s.text(0), s.int64(1)); }));
        auto pl = db.prepare(u"SELECT name, fid FROM places ORDER BY fid DESC"_s);
        CA_TRY(pl.value().forEachRow(
            [&](SqliteStatement& s) { placeIds.insert(s.text(0).toLower(), s.int64(1)); }));
        auto ac = db.prepare(u"SELECT name, id FROM actors ORDER BY id DESC"_s);
        CA_TRY(ac.value().forEachRow(
            [&](SqliteStatement& s) { actorIds.insert(s.text(0).toLower(), s.int64(1)); }));
        auto so = db.prepare(u"SELECT coalesce(nullif(url, ''), title), id FROM sources "
                             "ORDER BY id DESC"_s);
        CA_TRY(so.value().forEachRow(
            [&](SqliteStatement& s) { sourceIds.insert(s.text(0), s.int64(1)); }));
    }
    const qsizetype eventsBefore = eventIds.size();
    QStringList unresolved;
    const Gazetteer* gazetteer = nullptr;
    qint64 done = 0;
    for (const ImportedEvent& r : batch.events) {
        // Deleted in CaseAtlas: not brought back by its file.
        if (!r.uuid.isEmpty() && !eventIds.contains(r.uuid) && deleted.value().contains(r.uuid)) {
            ++report.keptDeleted;
            continue;
        }
        Event e;
        e.uuid = r.uuid;
        e.title = r.title;
        e.description = r.description;
        auto start = FuzzyDate::parse(r.startEdtf);
        if (!start)
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("caseatlas", "%1:%2: %3")
                                 .arg(name)
                                 .arg(r.line)
                                 .arg(start.error().message));
        e.start = start.value();
        if (!r.endEdtf.isEmpty()) {
            auto end = FuzzyDate::parse(r.endEdtf);
            if (!end)
                return makeError(ErrorCode::InvalidInput,
                                 QCoreApplication::translate("caseatlas", "%1:%2: %3")
                                     .arg(name)
                                     .arg(r.line)
                                     .arg(end.error().message));
            e.end = end.value();
        }
        e.point = r.point;
        e.locationPrecision = r.precision;
        e.tags = r.tags;
        if (r.status)
            e.status = *r.status;
        if (r.sensitivity)
            e.sensitivity = *r.sensitivity;
        if (!r.placeName.isEmpty()) {
            auto it = placeIds.constFind(r.placeName.toLower());
            if (it == placeIds.cend()) {
                Place p;
                p.name = r.placeName;
                p.kind = u"location"_s;
                p.point = r.point;
                if (!p.point && batch.resolvePlaces) {
                    // The gazetteer's best place of exactly that name.
                    if (!gazetteer)
                        gazetteer = &Gazetteer::shared();
                    const QString folded = Gazetteer::fold(r.placeName);
                    for (const Gazetteer::Place* g : gazetteer->lookup(r.placeName, 50)) {
                        if (Gazetteer::isNamed(*g, folded)) {
                            const Place found = gazetteer->toCasePlace(*g);
                            p.point = found.point;
                            p.countryCode = found.countryCode;
                            p.gazetteerId = found.gazetteerId;
                            p.kind = found.kind;
                            break;
                        }
                    }
                    if (!p.point && !unresolved.contains(r.placeName))
                        unresolved << r.placeName;
                }
                auto id = places.insert(p);
                if (!id)
                    return id.error();
                made(PlaceRepository::scope(id.value()));
                it = placeIds.insert(r.placeName.toLower(), id.value());
            }
            e.placeId = *it;
        }
        for (const auto& [actorName, role] : r.actors) {
            auto it = actorIds.constFind(actorName.toLower());
            if (it == actorIds.cend()) {
                Actor a;
                a.name = actorName;
                a.kind = ActorKind::Group;
                auto id = actors.insert(a);
                if (!id)
                    return id.error();
                made(ActorRepository::scope(id.value()));
                it = actorIds.insert(actorName.toLower(), id.value());
            }
            e.actors.append({*it, role});
        }
        QList<std::pair<qint64, const ImportedSource*>> cited; // a citation each
        for (const ImportedSource& s : r.sources) {
            const QString key = s.url.isEmpty() ? s.title : s.url;
            if (key.isEmpty())
                continue;
            auto it = sourceIds.constFind(key);
            if (it == sourceIds.cend()) {
                Source src;
                src.title = s.title.isEmpty() ? s.url : s.title;
                src.url = s.url;
                src.publisher = s.publisher;
                src.archiveUrl = s.archiveUrl;
                if (s.reliability)
                    src.reliability = *s.reliability;
                src.kind = s.url.isEmpty() ? SourceKind::Document : SourceKind::WebPage;
                auto id = sources.insert(src);
                if (!id)
                    return makeError(ErrorCode::InvalidInput,
                                     QCoreApplication::translate("caseatlas", "%1:%2: %3")
                                         .arg(name)
                                         .arg(r.line)
                                         .arg(id.error().message));
                made(SourceRepository::scope(id.value()));
                it = sourceIds.insert(key, id.value());
            }
            // One citation per place in the source: the same source at another locator is
            // another citation.
            if (std::none_of(cited.cbegin(), cited.cend(), [&](const auto& c) {
                    return c.first == *it && c.second->locator == s.locator;
                }))
                cited.append({*it, &s});
        }
        qint64 eventId = 0;
        const auto existing = r.uuid.isEmpty() ? eventIds.cend() : eventIds.constFind(r.uuid);
        const bool isNew = existing == eventIds.cend();
        if (isNew) {
            auto id = events.insert(e, &newTags);
            if (!id)
                return makeError(ErrorCode::InvalidInput,
                                 QCoreApplication::translate("caseatlas", "%1:%2: %3")
                                     .arg(name)
                                     .arg(r.line)
                                     .arg(id.error().message));
            made(EventRepository::scope(id.value()));
            eventId = id.value();
            if (!r.uuid.isEmpty())
                eventIds.insert(r.uuid, eventId);
            ++report.added;
            listChange(r.line, e.title, true, {});
        } else {
            eventId = *existing;
            auto old = events.load(eventId);
            if (!old)
                return old.error();
            const Event& was = old.value();
            // What this record gives: a cell left empty says nothing of its field.
            ImportFields fields = batch.fields;
            if (!r.status)
                fields &= ~FieldStatus;
            if (!r.sensitivity)
                fields &= ~FieldSensitivity;
            if (r.placeName.isEmpty())
                fields &= ~FieldPlace;
            e.id = eventId;
            auto base = memory.base(eventId);
            if (!base)
                return base.error();
            const EventMerge merged = mergeImportedEvent(was, e, base.value(), fields);
            for (ImportConflict c : merged.conflicts) {
                c.line = r.line;
                if (c.field == u"place"_s) {
                    for (QString* v : {&c.ours, &c.theirs})
                        if (auto p = places.load(v->toLongLong()))
                            *v = p.value().name;
                }
                report.conflicts << c;
            }
            if (merged.changed.isEmpty()) {
                ++report.unchanged;
            } else {
                CA_TRY(events.update(merged.event, &newTags));
                ++report.changed;
                listChange(r.line, merged.event.title, false, merged.changed);
            }
            // While the case keeps what the file does not say, what the file said is the base
            // of its next update.
            if (!merged.matchesFile)
                CA_TRY(memory.setBase(eventId, importedFields(e, fields)));
            else if (base.value())
                CA_TRY(memory.clearBase(eventId));
        }
        // A new event has no citations yet; an existing one keeps those it has.
        Result<QList<Citation>> already = QList<Citation>();
        if (!isNew)
            already = sources.citationsOfEvent(eventId);
        if (!already)
            return already.error();
        for (const auto& [sourceId, given] : cited) {
            // Already cited there (or, when the file names no place in the source, at all).
            if (std::any_of(already.value().cbegin(), already.value().cend(),
                            [&](const Citation& c) {
                                return c.sourceId == sourceId &&
                                       (given->locator.isEmpty() || c.locator == given->locator);
                            }))
                continue;
            Citation c;
            c.eventId = eventId;
            c.sourceId = sourceId;
            c.locator =
                given->locator.isEmpty() && !given->cited
                    ? u"%1 %2:%3"_s.arg(batch.format, QFileInfo(path).fileName()).arg(r.line)
                    : given->locator;
            c.quote = given->quote;
            if (given->credibility)
                c.credibility = *given->credibility;
            auto id = sources.insert(c);
            if (!id)
                return id.error();
        }
        if (o.progress && ++done % 200 == 0 && !o.progress(done, batch.events.size()))
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "The import was cancelled; nothing was imported."));
    }
    // A file's own title (a TimelineJS title slide or `title` row) names a case that has none
    // yet: one still called after its file, with no events before this import.
    if (!batch.title.isEmpty() && eventsBefore == 0) {
        auto title = file.meta(u"title"_s);
        if (title && (title.value().trimmed().isEmpty() ||
                      title.value() == QFileInfo(file.path()).completeBaseName())) {
            CA_TRY(file.setMeta(u"title"_s, batch.title));
            report.notes << QCoreApplication::translate(
                                "caseatlas", "The case is now titled “%1”, as the file's title "
                                             "says.")
                                .arg(batch.title);
        }
    }
    if (!batch.eras.isEmpty()) {
        auto eras = catalog.eras();
        if (!eras)
            return eras.error();
        for (const ImportedEra& era : batch.eras) {
            if (std::any_of(eras.value().cbegin(), eras.value().cend(), [&](const Era& e) {
                    return e.name == era.name && e.span.toEdtf() == era.spanEdtf;
                }))
                continue;
            auto span = FuzzyDate::parse(era.spanEdtf);
            if (!span)
                return span.error();
            Era e;
            e.name = era.name.isEmpty() ? u"Era"_s : era.name;
            e.span = span.value();
            e.color = era.color;
            auto id = catalog.insert(e);
            if (!id)
                return id.error();
            made(CatalogRepository::eraScope(id.value()));
        }
    }
    if (!unresolved.isEmpty())
        report.notes
            << QCoreApplication::translate(
                   "caseatlas",
                   "%1 place names were not found in the gazetteer and have no location: %2")
                   .arg(unresolved.size())
                   .arg(unresolved.mid(0, 10).join(u", "_s));
    CA_TRY(CustodyLog(db).append(o.who, u"import"_s, QString::fromLatin1(sha), 0,
                                 u"%1 %2: %3 added, %4 changed, %5 unchanged, %6 bad records "
                                 "skipped"_s.arg(batch.format, QFileInfo(path).fileName())
                                     .arg(report.added)
                                     .arg(report.changed)
                                     .arg(report.unchanged)
                                     .arg(report.skipped)));
    for (qint64 tag : newTags)
        made(CatalogRepository::tagScope(tag));
    if (o.preview) {
        tx->rollback(); // what it would do, and nothing done
        return report;
    }
    CA_TRY(memory.recordImport({batch.dataset,
                                batch.format,
                                QFileInfo(path).fileName(),
                                {},
                                {},
                                QString::fromLatin1(sha),
                                qint64(batch.events.size()) - report.keptDeleted}));
    if (tx)
        CA_TRY(tx->commit());
    return report;
}

// --- formats ---

QString importFormatKey(ImportFormat f) {
    for (const auto& [format, key] : kImportFormats)
        if (format == f)
            return QString::fromUtf16(key);
    return {};
}

std::optional<ImportFormat> importFormatFromKey(const QString& key) {
    for (const auto& [format, name] : kImportFormats)
        if (key == QStringView(name))
            return format;
    if (key == u"csv"_s || key == u"xlsx"_s || key == u"ods"_s)
        return ImportFormat::Spreadsheet;
    if (key == u"geojson"_s || key == u"kml"_s || key == u"gpkg"_s)
        return ImportFormat::Points;
    return std::nullopt;
}

std::optional<ImportFormat> guessImportFormat(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"timeline"_s)
        return ImportFormat::Timeline;
    if (suffix == u"geojson"_s || suffix == u"kml"_s || suffix == u"kmz"_s || suffix == u"gpkg"_s ||
        suffix == u"shp"_s || suffix == u"zip"_s || suffix == u"gpx"_s)
        return ImportFormat::Points;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray head = f.read(4096);
    if (suffix == u"json"_s)
        return head.contains("\"FeatureCollection\"") ? ImportFormat::Points
                                                      : ImportFormat::TimelineJs;
    if (suffix == u"csv"_s || suffix == u"tsv"_s || suffix == u"txt"_s || suffix == u"xlsx"_s ||
        suffix == u"ods"_s) {
        const QByteArray firstLine = head.left(head.indexOf('\n')).toLower();
        if (firstLine.contains("event_id_cnty") && firstLine.contains("event_date"))
            return ImportFormat::Acled;
        if (firstLine.contains("where_prec") && firstLine.contains("date_prec"))
            return ImportFormat::Ucdp;
        if (firstLine.contains("headline") && firstLine.contains("year"))
            return ImportFormat::TimelineJs;
        return ImportFormat::Spreadsheet;
    }
    return std::nullopt;
}

Result<ImportBatch> readBatch(const QString& path, const ImportRequest& request,
                              const std::function<void(qint64, qint64)>& mapped) {
    switch (request.format) {
    case ImportFormat::Acled:
    case ImportFormat::Ucdp:
        break;
    case ImportFormat::Timeline:
        return readTimelineXml(path);
    case ImportFormat::TimelineJs:
        if (QFileInfo(path).suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0)
            return readTimelineJsJson(path);
        [[fallthrough]];
    case ImportFormat::Spreadsheet:
    case ImportFormat::Points: {
        auto table = readTable(path, request.table);
        if (!table)
            return table.error();
        if (request.format == ImportFormat::TimelineJs)
            return readTimelineJsSheet(table.value());
        return mapTable(table.value(),
                        request.mapping.value_or(guessMapping(table.value().columns)), mapped);
    }
    }
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "caseatlas",
                         "ACLED and UCDP files are read as they are imported (importAcled, "
                         "importUcdp)."));
}

Result<ImportReport> importFile(CaseFile& file, const QString& path, const ImportRequest& request,
                                const ImportOptions& options) {
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas", "This case is open read-only; nothing was imported."));
    if (request.format == ImportFormat::Acled)
        return importAcled(file, path, options);
    if (request.format == ImportFormat::Ucdp)
        return importUcdp(file, path, options);
    auto batch = readBatch(path, request);
    if (!batch)
        return batch.error();
    return importBatch(file, path, batch.value(), options);
}

} // namespace caseatlas
