#pragma once

#include "store/casefile.h"

#include <QColor>
#include <QFileInfo>
#include <QList>
#include <QVariant>

#include <functional>
#include <memory>

namespace caseatlas {

// GIS layers brought into a case through GDAL. A copied layer becomes a GeoPackage table inside
// the case, reprojected to EPSG:4326; a linked one is only registered by path.
struct LayerImportOptions {
    bool link = false;
    QString title; // default: the file's (and layer's) name
    // Called with the fraction done (0..1) while GDAL converts; returning false cancels, and the
    // case is left as it was.
    std::function<bool(double)> progress;
};

struct ImportedLayer {
    qint64 id = 0;
    QString table; // empty when linked
    QString title;
    qint64 features = 0; // tiles, for an image
    bool raster = false;
};

// How a layer is drawn, kept as JSON in layers.style_json. Invalid colours mean the layer's
// palette colour; an empty field means none.
struct LayerStyle {
    QColor stroke, fill;
    QString labelField;    // each feature labelled with this attribute
    QString categoryField; // each distinct value of this attribute gets its own colour

    static LayerStyle fromJson(const QString& json);
    QString toJson() const;
    bool operator==(const LayerStyle&) const = default;
};

struct LayerRecord {
    qint64 id = 0;
    QString table, title, kind, sourcePath;
    bool linked = false, visible = true;
    qint64 features = 0;
    double opacity = 1;
    LayerStyle style;
};

// A copied layer's table taken out of the case's GeoPackage registry and renamed aside, so that
// removing a layer (or undoing its import) can be undone; undo puts it back. Tables still
// parked when a case is opened or copied belong to edits that can no longer be undone, and are
// dropped (CaseFile::dropParkedTables).
struct ParkedLayer {
    QString table;
    QList<QPair<QString, QList<QVariantList>>> registry; // gpkg_* rows, per table
    bool parked = false;
};
Status parkLayerTable(SqliteDatabase& db, ParkedLayer& layer);
Status unparkLayerTable(SqliteDatabase& db, ParkedLayer& layer);

// The attribute columns of a copied layer's table (not its id or geometry).
Result<QStringList> layerFields(SqliteDatabase& db, const QString& table);
// The attribute fields of any layer: a copied one's columns, a linked one's file fields (empty
// when the file is missing), none for an image.
Result<QStringList> layerFields(SqliteDatabase& db, const LayerRecord& layer);

// GDAL's path for a local file: a zipped shapefile is read inside its archive (a path this code
// builds, never one given).
QString gdalPathOf(const QFileInfo& info);

// Refuses what is not a plain local file: /vsi… paths, URLs, folders, missing files.
Status checkImportPath(const QString& path);
// A packed file (XLSX, ODS, KMZ, a zipped Shapefile) is refused when it unpacks to more than
// these, measured by unpacking it, not by what it says: GDAL reads a spreadsheet whole into
// memory, at several times its unpacked size, and a few megabytes can unpack to gigabytes.
constexpr qint64 kMaxUnpackedPart = qint64(100) << 20, kMaxUnpackedTotal = qint64(256) << 20;
Status checkPackedSize(const QString& path);

// Imports every vector layer of `source`. Nothing is written unless all of it succeeds; bad
// input leaves the case file exactly as it was.
Result<QList<ImportedLayer>> importLayers(CaseFile& file, const QString& source,
                                          const LayerImportOptions& options = {});

Result<QList<LayerRecord>> listLayers(SqliteDatabase& db);

struct GdalDatasetCloser {
    void operator()(void* dataset) const;
};
using GdalDataset = std::unique_ptr<void, GdalDatasetCloser>;
// Opens a linked layer's file with the same checks and driver list as an import (the path comes
// from a case file, which may come from a stranger); null when it is gone or unreadable.
GdalDataset openLinkedVector(const QString& path);

} // namespace caseatlas
