#include "geo/gdalsetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <cerrno>
#include <csignal>
#include <mutex>

using namespace Qt::StringLiterals;

namespace caseatlas {

void ensureGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        OSRSetPROJEnableNetwork(FALSE);
    });
}

QString imageBeyondBounds(GDALDatasetH image, const QString& name, ImageUse use) {
    const qint64 width = GDALGetRasterXSize(image), height = GDALGetRasterYSize(image);
    const int bands = GDALGetRasterCount(image);
    // Tile pyramids (MBTiles, GeoPackage) are read a tile at a time at any size; so is an image
    // with overviews when it is only shown.
    const bool pyramid =
        qstrcmp(GDALGetDriverShortName(GDALGetDatasetDriver(image)), "GTiff") != 0 ||
        (use == ImageUse::Show && bands > 0 &&
         GDALGetOverviewCount(GDALGetRasterBand(image, 1)) > 0);
    if (width <= 0 || height <= 0 || (!pyramid && width * height > kMaxImagePixels))
        return QCoreApplication::translate(
                   "caseatlas",
                   "%1 claims %2 by %3 pixels; CaseAtlas takes images of up to %4 million pixels. "
                   "Make a smaller copy (gdal_translate -outsize) or a tiled one with overviews.")
            .arg(name)
            .arg(width)
            .arg(height)
            .arg(kMaxImagePixels / 1000000);
    for (int b = 1; b <= bands; ++b) {
        int bx = 0, by = 0;
        GDALRasterBandH band = GDALGetRasterBand(image, b);
        GDALGetBlockSize(band, &bx, &by);
        const qint64 bytes =
            qint64(bx) * by * std::max(1, GDALGetDataTypeSizeBytes(GDALGetRasterDataType(band)));
        if (bytes > kMaxImageBlockBytes)
            return QCoreApplication::translate(
                       "caseatlas",
                       "%1 stores its pixels in blocks of %2 MB, which would be read whole; "
                       "CaseAtlas reads blocks of up to %3 MB. Make a tiled copy "
                       "(gdal_translate -co TILED=YES).")
                .arg(name)
                .arg(bytes >> 20)
                .arg(kMaxImageBlockBytes >> 20);
    }
    return {};
}

namespace {

const QString kWorkPrefix = u"caseatlas-work-"_s;

void removeStaleWorkFolders() {
    static const QRegularExpression name(u"^caseatlas-work-(\\d+)-.+$"_s);
    const QDir temp(QDir::tempPath());
    for (const QString& entry : temp.entryList({kWorkPrefix + u'*'}, QDir::Dirs | QDir::Hidden)) {
        const auto m = name.match(entry);
        if (!m.hasMatch())
            continue;
        const auto pid = pid_t(m.captured(1).toLongLong());
        if (pid <= 0 || pid == pid_t(QCoreApplication::applicationPid()) || ::kill(pid, 0) == 0 ||
            errno != ESRCH)
            continue; // its process still runs
        QDir(temp.filePath(entry)).removeRecursively();
    }
}

} // namespace

std::unique_ptr<QTemporaryDir> makeWorkFolder() {
    removeStaleWorkFolders();
    return std::make_unique<QTemporaryDir>(
        QDir(QDir::tempPath())
            .filePath(kWorkPrefix + QString::number(QCoreApplication::applicationPid()) +
                      u"-XXXXXX"_s));
}

} // namespace caseatlas
