#include "geo/rastersource.h"
#include "geo/gdalsetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QUrl>

#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_srs_api.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace caseatlas {

namespace {
const char* const kFileDrivers[] = {"GTiff", "MBTiles", "GPKG", nullptr};
const char* const kOnlineDrivers[] = {"WMS", nullptr};

bool isWebMercator(GDALDatasetH ds) {
    OGRSpatialReferenceH srs = GDALGetSpatialRef(ds);
    if (!srs)
        return false;
    const char* authority = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    return authority && code && qstrcmp(authority, "EPSG") == 0 && qstrcmp(code, "3857") == 0;
}
} // namespace

RasterSource::~RasterSource() {
    m_dataset.reset(); // the warped view before the file under it
    m_source.reset();
}

Result<std::unique_ptr<RasterSource>> RasterSource::openFile(const QString& path) {
    CA_TRY(checkImportPath(path));
    ensureGdal();
    std::unique_ptr<RasterSource> source(new RasterSource);
    source->m_source.reset(GDALOpenEx(QFileInfo(path).absoluteFilePath().toUtf8().constData(),
                                      GDAL_OF_RASTER | GDAL_OF_READONLY, kFileDrivers, nullptr,
                                      nullptr));
    if (!source->m_source || !GDALGetSpatialRef(source->m_source.get()))
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas", "%1 could not be read as a georeferenced image.")
                             .arg(QDir::toNativeSeparators(path)));
    if (const QString beyond = imageBeyondBounds(source->m_source.get(),
                                                 QDir::toNativeSeparators(path), ImageUse::Show);
        !beyond.isEmpty())
        return makeError(ErrorCode::InvalidInput, beyond);
    if (isWebMercator(source->m_source.get())) {
        source->m_dataset = std::move(source->m_source);
    } else {
        // A warped view in Web Mercator with an alpha band for the area outside the image.
        const char* args[] = {"-of",       "VRT", "-t_srs",   "EPSG:3857",
                              "-dstalpha", "-r",  "bilinear", nullptr};
        GDALWarpAppOptions* opts = GDALWarpAppOptionsNew(const_cast<char**>(args), nullptr);
        GDALDatasetH src = source->m_source.get();
        int failed = 0;
        source->m_dataset.reset(GDALWarp("", nullptr, 1, &src, opts, &failed));
        GDALWarpAppOptionsFree(opts);
        if (!source->m_dataset || failed)
            return makeError(
                ErrorCode::InvalidInput,
                QCoreApplication::translate("caseatlas", "%1 could not be shown in Web Mercator.")
                    .arg(QDir::toNativeSeparators(path)));
    }
    CA_TRY(source->init());
    return source;
}

Status RasterSource::checkXyzTemplate(const QString& urlTemplate, bool allowFile) {
    const QUrl url(QString(urlTemplate)
                       .replace(u"{z}"_s, u"0"_s)
                       .replace(u"{x}"_s, u"0"_s)
                       .replace(u"{y}"_s, u"0"_s));
    const QString scheme = url.scheme().toLower();
    const bool schemeOk =
        scheme == u"https"_s || scheme == u"http"_s || (allowFile && scheme == u"file"_s);
    if (!url.isValid() || !schemeOk || (!url.isLocalFile() && url.host().isEmpty()) ||
        !urlTemplate.contains(u"{z}"_s) || !urlTemplate.contains(u"{x}"_s) ||
        !urlTemplate.contains(u"{y}"_s) || urlTemplate.contains(u'<') || urlTemplate.contains(u'>'))
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(
                             "caseatlas",
                             "\"%1\" is not a tile address. Give an http(s) address with {z}, {x} "
                             "and {y}, such as https://tile.example.org/{z}/{x}/{y}.png.")
                             .arg(urlTemplate));
    return {};
}

Result<std::unique_ptr<RasterSource>> RasterSource::openXyz(const Xyz& xyz, bool allowFile) {
    CA_TRY(checkXyzTemplate(xyz.urlTemplate, allowFile));
    if (xyz.cacheDir.isEmpty() || !QDir().mkpath(xyz.cacheDir))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("caseatlas", "The tile cache folder %1 cannot be created.")
                .arg(QDir::toNativeSeparators(xyz.cacheDir)));
    ensureGdal();
    QString server = xyz.urlTemplate;
    server.replace(u"{z}"_s, u"${z}"_s).replace(u"{x}"_s, u"${x}"_s).replace(u"{y}"_s, u"${y}"_s);
    server = server.toHtmlEscaped();
    const QString description =
        u"<GDAL_WMS><Service name=\"TMS\"><ServerUrl>%1</ServerUrl></Service>"
        "<DataWindow><UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>"
        "<LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY>"
        "<TileLevel>%2</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY>"
        "<YOrigin>top</YOrigin></DataWindow><Projection>EPSG:3857</Projection>"
        "<BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>4</BandsCount>"
        "<UserAgent>CaseAtlas</UserAgent><ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>"
        "<ZeroBlockOnServerException>true</ZeroBlockOnServerException>"
        "<Cache><Path>%3</Path></Cache></GDAL_WMS>"_s.arg(server)
            .arg(std::clamp(xyz.maxZoom, 0, 22))
            .arg(QDir(xyz.cacheDir).absolutePath().toHtmlEscaped());
    std::unique_ptr<RasterSource> source(new RasterSource);
    source->m_dataset.reset(GDALOpenEx(description.toUtf8().constData(),
                                       GDAL_OF_RASTER | GDAL_OF_READONLY, kOnlineDrivers, nullptr,
                                       nullptr));
    if (!source->m_dataset)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "The tile service %1 could not be set up.")
                .arg(xyz.urlTemplate));
    CA_TRY(source->init());
    return source;
}

Status RasterSource::init() {
    GDALDatasetH ds = m_dataset.get();
    if (GDALGetGeoTransform(ds, m_transform) != CE_None || m_transform[2] != 0 ||
        m_transform[4] != 0)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("caseatlas", "The image has no usable georeferencing."));
    m_bands = GDALGetRasterCount(ds);
    if (m_bands < 1)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("caseatlas", "The image has no bands."));
    m_alpha = GDALGetRasterColorInterpretation(GDALGetRasterBand(ds, m_bands)) == GCI_AlphaBand;
    const double w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
    m_bounds = QRectF(QPointF(m_transform[0], m_transform[3] + h * m_transform[5]),
                      QPointF(m_transform[0] + w * m_transform[1], m_transform[3]))
                   .normalized();
    return {};
}

QImage RasterSource::render(const MapViewport& vp) const {
    const QRectF area = vp.worldRect().intersected(m_bounds);
    if (area.isEmpty() || !m_dataset)
        return {};
    GDALDatasetH ds = m_dataset.get();
    // The dataset's pixel window of the visible area, and where it lands on the screen.
    const double x0 = (area.left() - m_transform[0]) / m_transform[1];
    const double x1 = (area.right() - m_transform[0]) / m_transform[1];
    const double y0 = (area.bottom() - m_transform[3]) / m_transform[5];
    const double y1 = (area.top() - m_transform[3]) / m_transform[5];
    const QPointF topLeft = vp.toPixel(QPointF(area.left(), area.bottom()));
    const QPointF bottomRight = vp.toPixel(QPointF(area.right(), area.top()));
    const int bufX = std::max(0, int(std::floor(topLeft.x())));
    const int bufY = std::max(0, int(std::floor(topLeft.y())));
    const int bufW = std::min(vp.size().width(), int(std::ceil(bottomRight.x()))) - bufX;
    const int bufH = std::min(vp.size().height(), int(std::ceil(bottomRight.y()))) - bufY;
    if (bufW <= 0 || bufH <= 0)
        return {};
    std::vector<int> bands;
    if (m_bands >= 3)
        bands = {1, 2, 3};
    else
        bands = {1, 1, 1};
    if (m_alpha)
        bands.push_back(m_bands);
    QImage picture(vp.size(), QImage::Format_RGBA8888);
    picture.fill(Qt::transparent);
    QImage part(bufW, bufH, QImage::Format_RGBA8888);
    part.fill(Qt::white); // alpha 255 where the image has no alpha band
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_Bilinear;
    extra.bFloatingPointWindowValidity = TRUE;
    extra.dfXOff = x0;
    extra.dfYOff = y0;
    extra.dfXSize = x1 - x0;
    extra.dfYSize = y1 - y0;
    const int xoff = int(std::floor(x0)), yoff = int(std::floor(y0));
    const int xsize = std::max(1, std::min(GDALGetRasterXSize(ds), int(std::ceil(x1))) - xoff);
    const int ysize = std::max(1, std::min(GDALGetRasterYSize(ds), int(std::ceil(y1))) - yoff);
    const CPLErr err = GDALDatasetRasterIOEx(ds, GF_Read, xoff, yoff, xsize, ysize, part.bits(),
                                             bufW, bufH, GDT_Byte, int(bands.size()), bands.data(),
                                             4, GSpacing(part.bytesPerLine()), 1, &extra);
    if (err != CE_None)
        return {};
    QPainter painter(&picture);
    painter.drawImage(QPoint(bufX, bufY), part);
    return picture;
}

} // namespace caseatlas
