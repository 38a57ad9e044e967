#pragma once

#include "store/casefile.h"

#include <QList>

namespace caseatlas {

// GIS layers brought into a case through GDAL. A copied layer becomes a GeoPackage table inside
// the case, reprojected to EPSG:4326; a linked one is only registered by path.
struct LayerImportOptions {
    bool link = false;
    QString title; // default: the file's (and layer's) name
};

struct ImportedLayer {
    qint64 id = 0;
    QString table; // empty when linked
    QString title;
    qint64 features = 0;
};

struct LayerRecord {
    qint64 id = 0;
    QString table, title, kind, sourcePath;
    bool linked = false, visible = true;
    qint64 features = 0;
};

// Refuses what is not a plain local file: /vsi… paths, URLs, folders, missing files.
Status checkImportPath(const QString& path);

// Imports every vector layer of `source`. Nothing is written unless all of it succeeds; bad
// input leaves the case file exactly as it was.
Result<QList<ImportedLayer>> importLayers(CaseFile& file, const QString& source,
                                          const LayerImportOptions& options = {});

Result<QList<LayerRecord>> listLayers(SqliteDatabase& db);

} // namespace caseatlas
