#include "geo/layerimport.h"
#include "geo/gdalsetup.h"
#include "geo/linkedfiles.h"

#include "core/clock.h"

#include <cmath>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
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

using Dataset = GdalDataset;

// GDAL's progress callback over LayerImportOptions::progress: [base, base + span] of the whole.
struct Progress {
    const std::function<bool(double)>* report;
    double base, span;
    bool cancelled = false;
};
int CPL_STDCALL onProgress(double done, const char*, void* data) {
    auto* p = static_cast<Progress*>(data);
    if (p->report && *p->report && !(*p->report)(p->base + done * p->span))
        p->cancelled = true;
    return p->cancelled ? FALSE : TRUE;
}
Error cancelled() {
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "caseatlas", "The import was cancelled; nothing was imported."));
}

} // namespace

QString gdalPathOf(const QFileInfo& info) {
    return info.suffix().compare(u"zip"_s, Qt::CaseInsensitive) == 0
               ? u"/vsizip/"_s + info.absoluteFilePath()
               : info.absoluteFilePath();
}

Status checkPackedSize(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.read(4) != QByteArray("PK\x03\x04", 4))
        return {}; // not a ZIP archive
    ensureGdal();
    const QString name = QDir::toNativeSeparators(path);
    const QByteArray root = "/vsizip/" + QFileInfo(path).absoluteFilePath().toUtf8();
    char** entries = VSIReadDirRecursive(root.constData());
    const auto freeEntries = qScopeGuard([&] { CSLDestroy(entries); });
    qint64 total = 0;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (char** e = entries; e && *e; ++e) {
        // Counted as they unpack: the sizes an archive declares may be false.
        VSILFILE* part = VSIFOpenL((root + '/' + *e).constData(), "rb");
        if (!part)
            continue; // a folder
        qint64 size = 0;
        for (size_t n; (n = VSIFReadL(buffer.data(), 1, size_t(buffer.size()), part)) > 0;) {
            size += qint64(n);
            if (size > kMaxUnpackedPart || total + size > kMaxUnpackedTotal)
                break;
        }
        VSIFCloseL(part);
        total += size;
        if (size > kMaxUnpackedPart || total > kMaxUnpackedTotal)
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "caseatlas",
                    "%1 unpacks to more than CaseAtlas reads from a packed file: at most %2 MB "
                    "in one part and %3 MB in all (it went past that at its part %4). Nothing "
                    "was imported; save a spreadsheet as CSV, or split the file.")
                    .arg(name)
                    .arg(kMaxUnpackedPart >> 20)
                    .arg(kMaxUnpackedTotal >> 20)
                    .arg(QString::fromUtf8(*e).left(80)));
    }
    return {};
}

namespace {

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
        return makeError(ErrorCode::Unreadable,
                         QCoreApplication::translate("caseatlas", "%1 cannot be read.")
                             .arg(QDir::toNativeSeparators(path)));
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
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "caseatlas", "%1, line %2: the KML is not well-formed (%3); nothing was imported.")
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
            QCoreApplication::translate(
                "caseatlas",
                "\"%1\" is not a local file. Layers are imported from files; an online source is "
                "added on purpose, as an online layer.")
                .arg(path));
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::Missing,
                         QCoreApplication::translate("caseatlas", "There is no file at %1.")
                             .arg(QDir::toNativeSeparators(path)));
    if (info.isDir())
        return makeError(ErrorCode::IsDirectory,
                         QCoreApplication::translate("caseatlas", "%1 is a folder; choose a file.")
                             .arg(QDir::toNativeSeparators(path)));
    if (!info.isReadable())
        return makeError(ErrorCode::Unreadable,
                         QCoreApplication::translate("caseatlas", "%1 cannot be read.")
                             .arg(QDir::toNativeSeparators(path)));
    return {};
}

namespace {

const char* const kRasterDrivers[] = {"GTiff", "MBTiles", "GPKG", nullptr};

QString allFormats() {
    return u"GeoJSON, TopoJSON, Shapefile, GeoPackage, KML/KMZ, GPX, CSV with coordinates, "
           "GeoTIFF or MBTiles"_s;
}

// Runs `body` with the converted GeoPackage attached as import_src, inside one transaction on
// the case's own connection: either every table arrives or none does.
template <typename Body>
Status copyIntoCase(SqliteDatabase& db, const QString& converted, Body&& body) {
    auto attach = db.prepare(u"ATTACH DATABASE ? AS import_src"_s);
    if (!attach)
        return attach.error();
    attach.value().bind(1, converted);
    CA_TRY(attach.value().run());
    auto detach = qScopeGuard([&] { (void)db.exec(u"DETACH DATABASE import_src"_s); });
    SqliteTransaction tx(db);
    CA_TRY(tx.status());
    CA_TRY(body());
    return tx.commit();
}

// Creates main.<table> as import_src declares it and copies its rows.
Status copyTable(SqliteDatabase& db, const QString& table) {
    auto create = db.scalar(
        u"SELECT sql FROM import_src.sqlite_schema WHERE type = 'table' AND name = ?"_s, {table});
    if (!create || create.value().toString().isEmpty())
        return makeError(ErrorCode::Io, QCoreApplication::translate(
                                            "caseatlas", "The converted layer \"%1\" is missing.")
                                            .arg(table));
    CA_TRY(db.exec(create.value().toString().replace(u"CREATE TABLE "_s, u"CREATE TABLE main."_s)));
    return db.exec(u"INSERT INTO main.\"%1\" SELECT * FROM import_src.\"%1\""_s.arg(table));
}

Status registerLayer(SqliteDatabase& db, const QString& table, const QString& title,
                     const QString& kind, const QString& sourcePath, bool linked, qint64 count) {
    auto ins = db.prepare(u"INSERT INTO layers (table_name, title, kind, source_path, linked, "
                          "feature_count, added_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, "
                          "(SELECT coalesce(max(position), 0) + 1 FROM layers))"_s);
    if (!ins)
        return ins.error();
    ins.value().bindAll({table.isEmpty() ? QVariant() : QVariant(table), title, kind, sourcePath,
                         linked ? 1 : 0, count, Clock::nowIso()});
    CA_TRY(ins.value().run());
    if (linked)
        allowLinkedFile(sourcePath); // linked by this user, here: it may be read
    return {};
}

Result<QList<ImportedLayer>> importVector(SqliteDatabase& db, GDALDatasetH src,
                                          const QFileInfo& info, const LayerImportOptions& options,
                                          GdalErrors& errors) {
    const QString name = QDir::toNativeSeparators(info.filePath());
    const int layerCount = GDALDatasetGetLayerCount(src);
    if (layerCount == 0)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "%1 holds no layers.").arg(name));

    const auto work = makeWorkFolder();
    if (!work->isValid())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "caseatlas", "No temporary folder is available for the import."));
    const QString converted = work->filePath(u"import.gpkg"_s);
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    auto freeSrs = qScopeGuard([&] { OSRDestroySpatialReference(wgs84); });

    struct Pending {
        QString table, title, layerName;
        qint64 features = 0;
        bool assumeLonLat = false; // no coordinate system declared (CSV, some KML): EPSG:4326
    };
    QList<Pending> pending;
    auto maxId = db.count(u"SELECT coalesce(max(id), 0) FROM layers"_s);
    if (!maxId)
        return maxId.error();
    int withGeometry = 0;
    for (int i = 0; i < layerCount; ++i)
        withGeometry += OGR_L_GetGeomType(GDALDatasetGetLayer(src, i)) != wkbNone;
    for (int i = 0; i < layerCount; ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(src, i);
        const QString layerName = QString::fromUtf8(OGR_L_GetName(layer));
        if (OGR_L_GetGeomType(layer) == wkbNone)
            continue; // a table without geometry (attributes only): not a map layer
        const qint64 features = OGR_L_GetFeatureCount(layer, TRUE);
        if (features == 0 && withGeometry > 1)
            continue; // the empty routes and tracks of a GPX file with only waypoints
        OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
        if (srs) {
            OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(srs, wgs84);
            if (!ct)
                return makeError(ErrorCode::InvalidInput,
                                 QCoreApplication::translate(
                                     "caseatlas", "The layer \"%1\" of %2 uses a coordinate system "
                                                  "that cannot be converted to "
                                                  "longitude/latitude.")
                                     .arg(layerName, name),
                                 errors.text());
            OCTDestroyCoordinateTransformation(ct);
        }
        const QString title =
            options.title.isEmpty()
                ? (withGeometry == 1 ? info.completeBaseName()
                                     : info.completeBaseName() + u" – "_s + layerName)
                : options.title;
        const QString table =
            u"layer_%1_%2"_s.arg(maxId.value() + 1 + pending.size()).arg(slug(title));
        pending.append({table, title, layerName, features, srs == nullptr});
    }
    if (pending.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "%1 holds no layer with geometry.").arg(name));

    QList<ImportedLayer> imported;
    if (options.link) {
        SqliteTransaction tx(db);
        CA_TRY(tx.status());
        for (const Pending& p : pending) {
            CA_TRY(registerLayer(db, QString(), p.title, u"vector"_s, info.absoluteFilePath(), true,
                                 p.features));
            imported.append({db.lastInsertId(), QString(), p.title, p.features});
        }
        CA_TRY(tx.commit());
        return imported;
    }

    // Translate each layer into a temporary GeoPackage first: whatever GDAL finds wrong with the
    // input, the case has not been touched.
    for (const Pending& p : pending) {
        const bool first = &p == &pending.first();
        QList<QByteArray> args = {"-progress",
                                  first ? "-f" : "-update",
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
        Progress progress{&options.progress, 0.95 * (&p - pending.data()) / pending.size(),
                          0.95 / pending.size()};
        GDALVectorTranslateOptionsSetProgress(opts, onProgress, &progress);
        int failed = 0;
        Dataset out(
            GDALVectorTranslate(converted.toUtf8().constData(), nullptr, 1, &src, opts, &failed));
        GDALVectorTranslateOptionsFree(opts);
        if (progress.cancelled)
            return cancelled();
        if (!out || failed)
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "caseatlas",
                    "The layer \"%1\" of %2 could not be read completely; nothing was imported.")
                    .arg(p.layerName, name),
                errors.text());
    }

    CA_TRY(copyIntoCase(db, converted, [&]() -> Status {
        for (const Pending& p : pending) {
            CA_TRY(copyTable(db, p.table));
            CA_TRY(db.execute(
                u"INSERT INTO main.gpkg_contents (table_name, data_type, identifier, "
                "description, last_change, min_x, min_y, max_x, max_y, srs_id) SELECT "
                "table_name, data_type, ?, description, last_change, min_x, min_y, "
                "max_x, max_y, srs_id FROM import_src.gpkg_contents WHERE table_name = ?"_s,
                {p.title + u" (#"_s + p.table + u')', p.table}));
            CA_TRY(db.execute(u"INSERT INTO main.gpkg_geometry_columns SELECT * FROM "
                              "import_src.gpkg_geometry_columns WHERE table_name = ?"_s,
                              {p.table}));
            auto count = db.count(u"SELECT count(*) FROM main.\"%1\""_s.arg(p.table));
            if (!count)
                return count.error();
            CA_TRY(registerLayer(db, p.table, p.title, u"vector"_s, info.absoluteFilePath(), false,
                                 count.value()));
            imported.append({db.lastInsertId(), p.table, p.title, count.value()});
        }
        return {};
    }));
    return imported;
}

// A raster becomes a GeoPackage tile pyramid in Web Mercator (GoogleMapsCompatible), written by
// GDAL, with overviews down to a level that fits a tile or two.
Result<QList<ImportedLayer>> importRaster(SqliteDatabase& db, GDALDatasetH src,
                                          const QFileInfo& info, const LayerImportOptions& options,
                                          GdalErrors& errors) {
    const QString name = QDir::toNativeSeparators(info.filePath());
    double transform[6];
    if (!GDALGetSpatialRef(src) || GDALGetGeoTransform(src, transform) != CE_None)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 is an image without a coordinate system or georeferencing; it "
                             "cannot be placed on the map.")
                             .arg(name));
    const int bands = GDALGetRasterCount(src);
    if (bands < 1 || bands > 4)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 has %2 bands; a map layer needs 1 to 4 (grey, grey+alpha, RGB, "
                             "RGBA).")
                             .arg(name)
                             .arg(bands));
    if (const QString beyond =
            imageBeyondBounds(src, name, options.link ? ImageUse::Show : ImageUse::Import);
        !beyond.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         beyond + u' ' +
                             QCoreApplication::translate("caseatlas", "Nothing was imported."));
    const QString title = options.title.isEmpty() ? info.completeBaseName() : options.title;
    auto maxId = db.count(u"SELECT coalesce(max(id), 0) FROM layers"_s);
    if (!maxId)
        return maxId.error();
    const QString table = u"layer_%1_%2"_s.arg(maxId.value() + 1).arg(slug(title));
    if (options.link) {
        CA_TRY(registerLayer(db, QString(), title, u"raster"_s, info.absoluteFilePath(), true, 0));
        return QList<ImportedLayer>{{db.lastInsertId(), QString(), title, 0, true}};
    }

    const auto work = makeWorkFolder();
    if (!work->isValid())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "caseatlas", "No temporary folder is available for the import."));
    const QString converted = work->filePath(u"import.gpkg"_s);
    QList<QByteArray> args = {"-of", "GPKG",
                              "-co", "TILING_SCHEME=GoogleMapsCompatible",
                              "-co", "RASTER_TABLE=" + table.toUtf8(),
                              "-co", "TILE_FORMAT=AUTO"};
    if (GDALGetRasterDataType(GDALGetRasterBand(src, 1)) != GDT_Byte)
        args << "-ot"
             << "Byte"
             << "-scale"; // elevation and other numbers: shown as grey
    std::vector<char*> argv;
    for (QByteArray& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALTranslateOptions* opts = GDALTranslateOptionsNew(argv.data(), nullptr);
    Progress progress{&options.progress, 0, 0.6};
    GDALTranslateOptionsSetProgress(opts, onProgress, &progress);
    int failed = 0;
    Dataset out(GDALTranslate(converted.toUtf8().constData(), src, opts, &failed));
    GDALTranslateOptionsFree(opts);
    if (out && !failed && !errors.hasError()) {
        std::vector<int> factors;
        const int largest = std::max(GDALGetRasterXSize(out.get()), GDALGetRasterYSize(out.get()));
        for (int f = 2; largest / (f / 2) > 256 && f <= 1 << 20; f *= 2)
            factors.push_back(f);
        progress.base = 0.6;
        progress.span = 0.35;
        if (!factors.empty() &&
            GDALBuildOverviews(out.get(), "AVERAGE", int(factors.size()), factors.data(), 0,
                               nullptr, onProgress, &progress) != CE_None)
            failed = 1;
    }
    out.reset(); // flushes the tiles
    if (progress.cancelled)
        return cancelled();
    if (failed || errors.hasError())
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "%1 could not be read completely (the image is damaged or cut short); "
                             "nothing was imported.")
                             .arg(name),
                         errors.text());

    qint64 tiles = 0;
    CA_TRY(copyIntoCase(db, converted, [&]() -> Status {
        CA_TRY(copyTable(db, table));
        CA_TRY(db.execute(u"INSERT OR IGNORE INTO main.gpkg_spatial_ref_sys SELECT * FROM "
                          "import_src.gpkg_spatial_ref_sys WHERE srs_id = 3857"_s));
        CA_TRY(
            db.execute(u"INSERT INTO main.gpkg_contents (table_name, data_type, identifier, "
                       "description, last_change, min_x, min_y, max_x, max_y, srs_id) SELECT "
                       "table_name, data_type, ?, description, last_change, min_x, min_y, "
                       "max_x, max_y, srs_id FROM import_src.gpkg_contents WHERE table_name = ?"_s,
                       {title + u" (#"_s + table + u')', table}));
        CA_TRY(db.execute(u"INSERT INTO main.gpkg_tile_matrix_set SELECT * FROM "
                          "import_src.gpkg_tile_matrix_set WHERE table_name = ?"_s,
                          {table}));
        CA_TRY(db.execute(u"INSERT INTO main.gpkg_tile_matrix SELECT * FROM "
                          "import_src.gpkg_tile_matrix WHERE table_name = ?"_s,
                          {table}));
        auto count = db.count(u"SELECT count(*) FROM main.\"%1\""_s.arg(table));
        if (!count)
            return count.error();
        if (count.value() == 0)
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(
                                 "caseatlas", "%1 holds no image data; nothing was imported.")
                                 .arg(name));
        tiles = count.value();
        return registerLayer(db, table, title, u"raster"_s, info.absoluteFilePath(), false,
                             count.value());
    }));
    return QList<ImportedLayer>{{db.lastInsertId(), table, title, tiles, true}};
}

} // namespace

Result<QList<ImportedLayer>> importLayers(CaseFile& file, const QString& source,
                                          const LayerImportOptions& options) {
    CA_TRY(checkImportPath(source));
    if (file.isReadOnly())
        return makeError(ErrorCode::ReadOnly,
                         QCoreApplication::translate(
                             "caseatlas", "This case is open read-only; nothing was imported."));
    ensureGdal();
    const QFileInfo info(source);
    const QString name = QDir::toNativeSeparators(source);
    const QString gdalPath = gdalPathOf(info);
    if (info.suffix().compare(u"kml"_s, Qt::CaseInsensitive) == 0)
        CA_TRY(checkKmlCoordinates(source));
    CA_TRY(checkPackedSize(source));
    QString vectorErrors;
    {
        GdalErrors errors;
        Dataset src(GDALOpenEx(gdalPath.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                               kVectorDrivers, kCsvOptions, nullptr));
        // GDAL reads some damaged inputs with an error and carries on (an unknown CRS is dropped
        // and the data read as longitude/latitude): refuse rather than import something wrong.
        if (src && errors.hasError())
            return makeError(
                ErrorCode::InvalidInput,
                errors.text().contains(u"crs"_s, Qt::CaseInsensitive) ||
                        errors.text().contains(u"srs"_s, Qt::CaseInsensitive)
                    ? u"%1 declares a coordinate system that is not known; nothing was "
                      "imported."_s.arg(name)
                    : u"%1 is damaged; nothing was imported."_s.arg(name),
                errors.text());
        if (src)
            return importVector(file.db(), src.get(), info, options, errors);
        vectorErrors = errors.text();
    }
    GdalErrors errors;
    Dataset raster(GDALOpenEx(gdalPath.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                              kRasterDrivers, nullptr, nullptr));
    if (raster && !errors.hasError())
        return importRaster(file.db(), raster.get(), info, options, errors);
    return makeError(
        ErrorCode::InvalidInput,
        QCoreApplication::translate("caseatlas", "%1 could not be read as a GIS layer (%2).")
            .arg(name, allFormats()),
        vectorErrors.isEmpty() ? errors.text() : vectorErrors);
}

void GdalDatasetCloser::operator()(void* dataset) const {
    if (dataset)
        GDALClose(dataset);
}

GdalDataset openLinkedVector(const QString& path) {
    if (!checkImportPath(path))
        return {};
    ensureGdal();
    GdalErrors quiet;
    return GdalDataset(GDALOpenEx(gdalPathOf(QFileInfo(path)).toUtf8().constData(),
                                  GDAL_OF_VECTOR | GDAL_OF_READONLY, kVectorDrivers, kCsvOptions,
                                  nullptr));
}

Result<QList<LayerRecord>> listLayers(SqliteDatabase& db) {
    auto stmt = db.prepare(u"SELECT id, table_name, title, kind, source_path, linked, visible, "
                           u"feature_count, opacity, style_json FROM layers "
                           "ORDER BY position DESC, id DESC"_s);
    if (!stmt)
        return stmt.error();
    QList<LayerRecord> out;
    CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
        out.append({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5) != 0,
                    s.int64(6) != 0, std::max<qint64>(0, s.int64(7)),
                    std::isfinite(s.real(8)) ? std::clamp(s.real(8), 0.0, 1.0) : 1.0,
                    LayerStyle::fromJson(s.text(9))});
    }));
    return out;
}

LayerStyle LayerStyle::fromJson(const QString& json) {
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    LayerStyle style;
    style.stroke = QColor::fromString(o.value(u"stroke"_s).toString());
    style.fill = QColor::fromString(o.value(u"fill"_s).toString());
    style.labelField = o.value(u"label"_s).toString();
    style.categoryField = o.value(u"category"_s).toString();
    return style;
}

QString LayerStyle::toJson() const {
    QJsonObject o;
    if (stroke.isValid())
        o.insert(u"stroke"_s, stroke.name(QColor::HexArgb));
    if (fill.isValid())
        o.insert(u"fill"_s, fill.name(QColor::HexArgb));
    if (!labelField.isEmpty())
        o.insert(u"label"_s, labelField);
    if (!categoryField.isEmpty())
        o.insert(u"category"_s, categoryField);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

namespace {
// The GeoPackage registry tables that name a layer table, parents first.
const QStringList kRegistry = {u"gpkg_contents"_s, u"gpkg_geometry_columns"_s,
                               u"gpkg_tile_matrix_set"_s, u"gpkg_tile_matrix"_s,
                               u"gpkg_extensions"_s};

QString parkedName(const QString& table) {
    return u"caseatlas_parked_"_s + table;
}
} // namespace

Status parkLayerTable(SqliteDatabase& db, ParkedLayer& layer) {
    if (layer.parked || layer.table.isEmpty())
        return {};
    layer.registry.clear();
    for (const QString& reg : kRegistry) {
        if (!db.tableExists(reg))
            continue;
        auto stmt = db.prepare(u"SELECT * FROM %1 WHERE table_name = ?"_s.arg(reg));
        if (!stmt)
            return stmt.error();
        stmt.value().bind(1, layer.table);
        QList<QVariantList> rows;
        CA_TRY(stmt.value().forEachRow([&](SqliteStatement& s) {
            QVariantList row;
            for (int i = 0; i < s.columnCount(); ++i)
                row << s.value(i);
            rows << row;
        }));
        layer.registry.append({reg, rows});
    }
    for (auto it = kRegistry.crbegin(); it != kRegistry.crend(); ++it)
        if (db.tableExists(*it))
            CA_TRY(db.execute(u"DELETE FROM %1 WHERE table_name = ?"_s.arg(*it), {layer.table}));
    CA_TRY(db.exec(u"ALTER TABLE %1 RENAME TO %2"_s.arg(sqlIdentifier(layer.table),
                                                        sqlIdentifier(parkedName(layer.table)))));
    layer.parked = true;
    return {};
}

Status unparkLayerTable(SqliteDatabase& db, ParkedLayer& layer) {
    if (!layer.parked)
        return {};
    CA_TRY(db.exec(u"ALTER TABLE %1 RENAME TO %2"_s.arg(sqlIdentifier(parkedName(layer.table)),
                                                        sqlIdentifier(layer.table))));
    for (const auto& [reg, rows] : layer.registry)
        for (const QVariantList& row : rows) {
            QStringList marks;
            for (qsizetype i = 0; i < row.size(); ++i)
                marks << u"?"_s;
            CA_TRY(db.execute(u"INSERT INTO %1 VALUES (%2)"_s.arg(reg, marks.join(u',')), row));
        }
    layer.parked = false;
    return {};
}

Result<QStringList> layerFields(SqliteDatabase& db, const QString& table) {
    auto info = db.prepare(u"SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid"_s);
    if (!info)
        return info.error();
    info.value().bind(1, table);
    QStringList fields;
    CA_TRY(info.value().forEachRow([&](SqliteStatement& s) {
        const QString type = s.text(1).toUpper();
        if (s.int64(2) == 0 && type != u"BLOB"_s && !type.contains(u"POINT"_s) &&
            !type.contains(u"POLYGON"_s) && !type.contains(u"LINESTRING"_s) &&
            !type.contains(u"GEOMETRY"_s))
            fields << s.text(0);
    }));
    return fields;
}

Result<QStringList> layerFields(SqliteDatabase& db, const LayerRecord& layer) {
    if (layer.kind == u"raster"_s)
        return QStringList();
    if (!layer.linked)
        return layerFields(db, layer.table);
    QStringList fields;
    if (!linkedFileAllowed(layer.sourcePath))
        return fields;
    if (auto ds = openLinkedVector(layer.sourcePath)) {
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(GDALDatasetGetLayer(ds.get(), 0));
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            fields << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    }
    return fields;
}

} // namespace caseatlas
