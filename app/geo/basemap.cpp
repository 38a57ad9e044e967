#include "geo/basemap.h"
#include "geo/gdalsetup.h"

#include "geo/webmercator.h"

#include <QCoreApplication>
#include <QFile>

#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {

void addRings(OGRGeometryH geom, Basemap::Country& country) {
    const auto type = wkbFlatten(OGR_G_GetGeometryType(geom));
    if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (int i = 0; i < OGR_G_GetGeometryCount(geom); ++i)
            addRings(OGR_G_GetGeometryRef(geom, i), country);
        return;
    }
    if (type != wkbPolygon)
        return;
    for (int r = 0; r < OGR_G_GetGeometryCount(geom); ++r) {
        OGRGeometryH ring = OGR_G_GetGeometryRef(geom, r);
        const int n = OGR_G_GetPointCount(ring);
        QPolygonF poly;
        poly.reserve(n);
        for (int k = 0; k < n; ++k)
            poly << webmercator::fromLonLat(OGR_G_GetX(ring, k), OGR_G_GetY(ring, k));
        country.bounds = country.bounds.isNull() ? poly.boundingRect()
                                                 : country.bounds.united(poly.boundingRect());
        country.rings.push_back(std::move(poly));
    }
}

} // namespace

Result<Basemap> Basemap::loadFile(const QString& path) {
    ensureGdal();
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 drivers, nullptr, nullptr);
    if (!ds)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("caseatlas", "The basemap could not be read."),
                         QString::fromUtf8(CPLGetLastErrorMsg()));
    Basemap map;
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    const int nameField = layer ? OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "name") : -1;
    OGRFeatureH f;
    while (layer && (f = OGR_L_GetNextFeature(layer)) != nullptr) {
        Country c;
        if (nameField >= 0)
            c.name = QString::fromUtf8(OGR_F_GetFieldAsString(f, nameField));
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f))
            addRings(g, c);
        if (!c.rings.empty())
            map.m_countries.push_back(std::move(c));
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    if (map.m_countries.empty())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "The basemap holds no countries."), path);
    return map;
}

Result<Basemap> Basemap::load() {
    // The file lives in the Qt resources; GDAL reads it from memory, never from the network.
    QFile resource(u":/basemap/countries.gpkg"_s);
    if (!resource.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "The basemap is missing from this build."));
    const QByteArray bytes = resource.readAll();
    const QByteArray memPath = "/vsimem/caseatlas-basemap.gpkg";
    VSILFILE* mem = VSIFileFromMemBuffer(
        memPath.constData(), reinterpret_cast<GByte*>(const_cast<char*>(bytes.constData())),
        vsi_l_offset(bytes.size()), FALSE);
    if (!mem)
        return makeError(ErrorCode::Io, QCoreApplication::translate(
                                            "caseatlas", "The basemap could not be prepared."));
    VSIFCloseL(mem);
    auto map = loadFile(QString::fromLatin1(memPath));
    VSIUnlink(memPath.constData());
    return map;
}

std::size_t Basemap::vertexCount() const {
    std::size_t n = 0;
    for (const Country& c : m_countries)
        for (const QPolygonF& r : c.rings)
            n += std::size_t(r.size());
    return n;
}

} // namespace caseatlas
