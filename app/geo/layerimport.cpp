#include "geo/layerimport.h"

#include "core/clock.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cpl_error.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

// Formats a file may be read as. No VRT, WMS or other driver that can reach other files or
// the network: a file from a stranger can only be what it claims to be.
const char* const kVectorDrivers[] = {
    "GeoJSON", "TopoJSON", "ESRI Shapefile", "GPKG", "KML", "LIBKML", "GPX", "CSV", nullptr};
const char* const kCsvOptions[] = {
    "X_POSSIBLE_NAMES=lon,longitude,lng,x", "Y_POSSIBLE_NAMES=lat,latitude,y",
    "GEOM_POSSIBLE_NAMES=wkt,geometry,geom", "KEEP_GEOM_COLUMNS=NO", nullptr};

// Collects GDAL's messages for this thread while it lives, instead of printing them.
class GdalErrors {
public:
    GdalErrors() {
        CPLPushErrorHandlerEx(&GdalErrors::handler, this);
        CPLErrorReset();
    }
    ~GdalErrors() { CPLPopErrorHandler(); }
    QString text() const { return m_messages.join(u"; "_s); }
    bool hasError() const { return m_failed; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalErrors*>(CPLGetErrorHandlerUserData());
        if (!self)
            return;
        if (level >= CE_Failure)
            self->m_failed = true;
        if (level >= CE_Warning && self->m_messages.size() < 5)
            self->m_messages << QString::fromUtf8(message);
    }
    QStringList m_messages;
    bool m_failed = false;
};

struct DatasetCloser {
    void operator()(void* ds) const {
        if (ds)
            GDALClose(ds);
    }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

QString slug(const QString& name) {
    QString s = name.toLower();
    s.replace(QRegularExpression(u"[^a-z0-9]+"_s), u"_"_s);
    s = s.left(40);
    while (s.startsWith(u'_'))
        s.remove(0, 1);
    return s.isEmpty() ? u"layer"_s : s;
}

// GDAL's KML readers take "98.76,abc" as 98.76, 0 without a word. Check every coordinate
// ourselves first, so a broken one is refused with its line.
Status checkKmlCoordinates(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         u"%1 cannot be read."_s.arg(QDir::toNativeSeparators(path)));
    QXmlStreamReader xml(&f);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"coordinates")
            continue;
        const qint64 line = xml.lineNumber();
        const QString text = xml.readElementText();
        for (const QString& tuple : text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts)) {
            const QStringList parts = tuple.split(u',');
            bool ok = parts.size() >= 2 && parts.size() <= 3;
            for (const QString& v : parts) {
                bool number = false;
                v.toDouble(&number);
                ok = ok && number;
            }
            if (!ok)
                return makeError(ErrorCode::InvalidInput,
                                 u"%1, line %2: \"%3\" is not a longitude,latitude[,altitude] "
                                 u"coordinate; nothing was "
                                 "imported."_s.arg(QDir::toNativeSeparators(path))
                                     .arg(line)
                                     .arg(tuple.left(60)));
        }
    }
    if (xml.hasError())
        return makeError(ErrorCode::InvalidInput,
                         u"%1, line %2: the KML is not well-formed (%3); nothing was imported."_s
                             .arg(QDir::toNativeSeparators(path))
                             .arg(xml.lineNumber())
                             .arg(xml.errorString()));
    return {};
}

} // namespace

Status checkImportPath(const QString& path) {
    if (path.startsWith(u"/vsi"_s, Qt::CaseInsensitive) || path.contains(u"://"_s))
        return makeError(
            ErrorCode::InvalidInput,
            u"\"%1\" is not a local file. Layers are imported from files; an online source is "
            "added on purpose, as an online layer."_s.arg(path));
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::Missing,
                         u"There is no file at %1."_s.arg(QDir::toNativeSeparators(path)));
    if (info.isDir())
        return makeError(ErrorCode::IsDirectory,
                         u"%1 is a folder; choose a file."_s.arg(QDir::toNativeSeparators(path)));
    if (!info.isReadable())
        return makeError(ErrorCode::Io,
                         u"%1 cannot be read."_s.arg(QDir::toNativeSeparators(path)));
    return {};
}

Result<QList<ImportedLayer>> importLayers(CaseFile& file, const QString& source,
                                          const LayerImportOptions& options) {
    CA_TRY(checkImportPath(source));
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         u"This case is open read-only; nothing was imported."_s);
    GDALAllRegister();
    const QFileInfo info(source);
    const QString name = QDir::toNativeSeparators(source);
    // A zipped shapefile is read inside its archive (a path this code builds, never one given).
    const QString gdalPath = info.suffix().compare(u"zip"_s, Qt::CaseInsensitive) == 0
                                 ? u"/vsizip/"_s + info.absoluteFilePath()
                                 : info.absoluteFilePath();
    if (info.suffix().compare(u"kml"_s, Qt::CaseInsensitive) == 0)
        CA_TRY(checkKmlCoordinates(source));
    GdalErrors errors;
    Dataset src(GDALOpenEx(gdalPath.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                           kVectorDrivers, kCsvOptions, nullptr));
    if (!src)
        return makeError(ErrorCode::InvalidInput,
                         u"%1 could not be read as a GIS layer (GeoJSON, TopoJSON, Shapefile, "
                         u"GeoPackage, KML, GPX "
                         "or CSV with coordinates)."_s.arg(name),
                         errors.text());
    // GDAL reads some damaged inputs with an error and carries on (an unknown CRS is dropped and
    // the data read as longitude/latitude): refuse rather than import something wrong.
    if (errors.hasError())
        return makeError(
            ErrorCode::InvalidInput,
            errors.text().contains(u"crs"_s, Qt::CaseInsensitive) ||
                    errors.text().contains(u"srs"_s, Qt::CaseInsensitive)
                ? u"%1 declares a coordinate system that is not known; nothing was imported."_s.arg(
                      name)
                : u"%1 is damaged; nothing was imported."_s.arg(name),
            errors.text());
    const int layerCount = GDALDatasetGetLayerCount(src.get());
    if (layerCount == 0)
        return makeError(ErrorCode::InvalidInput, u"%1 holds no layers."_s.arg(name));

    SqliteDatabase& db = file.db();
    QList<ImportedLayer> imported;
    QTemporaryDir work;
    if (!work.isValid())
        return makeError(ErrorCode::Io, u"No temporary folder is available for the import."_s);
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    auto freeSrs = qScopeGuard([&] { OSRDestroySpatialReference(wgs84); });

    struct Pending {
        QString table, title, layerName, temp;
        bool assumeLonLat =
            false; // no coordinate system declared (CSV, some KML): read as EPSG:4326
    };
    QList<Pending> pending;
    auto maxId = db.count(u"SELECT coalesce(max(id), 0) FROM layers"_s);
    if (!maxId)
        return maxId.error();
    for (int i = 0; i < layerCount; ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(src.get(), i);
        const QString layerName = QString::fromUtf8(OGR_L_GetName(layer));
        if (OGR_L_GetGeomType(layer) == wkbNone)
            continue; // a table without geometry (attributes only): not a map layer
        OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
        if (srs) {
            OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(srs, wgs84);
            if (!ct)
                return makeError(
                    ErrorCode::InvalidInput,
                    u"The layer \"%1\" of %2 uses a coordinate system that cannot be converted to "
                    "longitude/latitude."_s.arg(layerName, name),
                    errors.text());
            OCTDestroyCoordinateTransformation(ct);
        }
        const QString title =
            options.title.isEmpty()
                ? (layerCount == 1 ? info.completeBaseName()
                                   : info.completeBaseName() + u" – "_s + layerName)
                : options.title;
        const QString table =
            u"layer_%1_%2"_s.arg(maxId.value() + 1 + pending.size()).arg(slug(title));
        pending.append({table, title, layerName, work.filePath(u"import.gpkg"_s), srs == nullptr});
    }
    if (pending.isEmpty())
        return makeError(ErrorCode::InvalidInput, u"%1 holds no layer with geometry."_s.arg(name));

    if (options.link) {
        SqliteTransaction tx(db);
        CA_TRY(tx.status());
        for (const Pending& p : pending) {
            auto ins = db.prepare(
                u"INSERT INTO layers (title, kind, source_path, linked, added_at) VALUES (?, 'vector', ?, 1, ?)"_s);
            if (!ins)
                return ins.error();
            ins.value().bindAll({p.title, info.absoluteFilePath(), Clock::nowIso()});
            CA_TRY(ins.value().run());
            imported.append({db.lastInsertId(), QString(), p.title,
                             OGR_L_GetFeatureCount(GDALDatasetGetLayerByName(
                                                       src.get(), p.layerName.toUtf8().constData()),
                                                   TRUE)});
        }
        CA_TRY(tx.commit());
        return imported;
    }

    // Translate each layer into a temporary GeoPackage first: whatever GDAL finds wrong with the
    // input, the case has not been touched.
    for (const Pending& p : pending) {
        const bool first = &p == &pending.first();
        QList<QByteArray> args = {first ? "-f" : "-update",
                                  first ? "GPKG" : "-append",
                                  "-t_srs",
                                  "EPSG:4326",
                                  "-nln",
                                  p.table.toUtf8(),
                                  "-lco",
                                  "SPATIAL_INDEX=NO",
                                  "-lco",
                                  "FID=fid",
                                  "-nlt",
                                  "PROMOTE_TO_MULTI",
                                  "-dim",
                                  "XY"};
        if (p.assumeLonLat)
            args << "-s_srs"
                 << "EPSG:4326";
        args << p.layerName.toUtf8();
        std::vector<char*> argv;
        for (QByteArray& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
        GDALDatasetH srcHandle = src.get();
        int failed = 0;
        Dataset out(GDALVectorTranslate(p.temp.toUtf8().constData(), nullptr, 1, &srcHandle, opts,
                                        &failed));
        GDALVectorTranslateOptionsFree(opts);
        if (!out || failed)
            return makeError(
                ErrorCode::InvalidInput,
                u"The layer \"%1\" of %2 could not be read completely; nothing was imported."_s.arg(
                    p.layerName, name),
                errors.text());
    }

    // Copy the tables in, all in one transaction on the case's own connection.
    auto attach = db.prepare(u"ATTACH DATABASE ? AS import_src"_s);
    if (!attach)
        return attach.error();
    attach.value().bind(1, work.filePath(u"import.gpkg"_s));
    CA_TRY(attach.value().run());
    auto detach = qScopeGuard([&] { (void)db.exec(u"DETACH DATABASE import_src"_s); });
    {
        SqliteTransaction tx(db);
        CA_TRY(tx.status());
        for (const Pending& p : pending) {
            auto create = db.scalar(
                u"SELECT sql FROM import_src.sqlite_schema WHERE type = 'table' AND name = ?"_s,
                {p.table});
            if (!create || create.value().toString().isEmpty())
                return makeError(ErrorCode::Io,
                                 u"The converted layer \"%1\" is missing."_s.arg(p.layerName));
            CA_TRY(db.exec(
                create.value().toString().replace(u"CREATE TABLE "_s, u"CREATE TABLE main."_s)));
            CA_TRY(
                db.exec(u"INSERT INTO main.\"%1\" SELECT * FROM import_src.\"%1\""_s.arg(p.table)));
            auto contents = db.prepare(
                u"INSERT INTO main.gpkg_contents (table_name, data_type, identifier, description, "
                u"last_change, min_x, "
                "min_y, max_x, max_y, srs_id) SELECT table_name, data_type, ?, description, "
                "last_change, min_x, min_y, "
                "max_x, max_y, srs_id FROM import_src.gpkg_contents WHERE table_name = ?"_s);
            if (!contents)
                return contents.error();
            contents.value().bindAll({p.title + u" (#"_s + p.table + u')', p.table});
            CA_TRY(contents.value().run());
            auto columns = db.prepare(u"INSERT INTO main.gpkg_geometry_columns SELECT * FROM "
                                      "import_src.gpkg_geometry_columns WHERE table_name = ?"_s);
            if (!columns)
                return columns.error();
            columns.value().bind(1, p.table);
            CA_TRY(columns.value().run());
            auto count = db.count(u"SELECT count(*) FROM main.\"%1\""_s.arg(p.table));
            if (!count)
                return count.error();
            auto ins = db.prepare(
                u"INSERT INTO layers (table_name, title, kind, source_path, linked, feature_count, "
                "added_at) VALUES (?, ?, 'vector', ?, 0, ?, ?)"_s);
            if (!ins)
                return ins.error();
            ins.value().bindAll(
                {p.table, p.title, info.absoluteFilePath(), count.value(), Clock::nowIso()});
            CA_TRY(ins.value().run());
            imported.append({db.lastInsertId(), p.table, p.title, count.value()});
        }
        CA_TRY(tx.commit());
    }
    return imported;
}

Result<QList<LayerRecord>> listLayers(SqliteDatabase& db) {
    auto stmt = db.prepare(u"SELECT id, table_name, title, kind, source_path, linked, visible, "
                           u"feature_count FROM layers "
                           "ORDER BY position, id"_s);
    if (!stmt)
        return stmt.error();
    QList<LayerRecord> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.append({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5) != 0,
                    s.int64(6) != 0, s.int64(7)});
    }));
    return out;
}

} // namespace caseatlas
