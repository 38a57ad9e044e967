#include "io/importsupport.h"

#include "geo/gdalsetup.h"
#include "geo/layerimport.h"
#include "io/csvreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace Qt::StringLiterals;

namespace caseatlas {

using namespace importing;

namespace {

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
            if (!CsvReader::isValidUtf8(csv->field(i)))
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

} // namespace

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

} // namespace caseatlas
