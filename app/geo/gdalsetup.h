#pragma once

#include <QString>
#include <QStringList>

#include <cpl_error.h>

#include <QTemporaryDir>

#include <memory>

typedef void* GDALDatasetH;

namespace caseatlas {

// Registers GDAL's drivers once, with PROJ's network access (grid downloads) turned off: only an
// online tile source the user adds on purpose ever reaches the network. Safe to call often.
void ensureGdal();

// What an image may claim before it is read: GDAL would otherwise try to read (or tile) an image
// of a million by a million pixels a file of a few hundred bytes claims to hold, for hours.
constexpr qint64 kMaxImagePixels = qint64(1) << 31;       // about 46,000 by 46,000
constexpr qint64 kMaxImageBlockBytes = qint64(256) << 20; // what GDAL reads in one piece
// Empty when the image's size and blocks are within those bounds; otherwise why it is refused,
// naming `name`. A GeoTIFF imported is tiled whole; one only shown is read at screen resolution,
// which its overviews make cheap.
enum class ImageUse { Import, Show };
QString imageBeyondBounds(GDALDatasetH image, const QString& name, ImageUse use);

// A folder of GDAL's work files (converted layers, tiles) in the system's temporary folder,
// named for this process, so that one left by a process that was killed is found and removed
// by the next (removeStaleWorkFolders, called each time one is made).
std::unique_ptr<QTemporaryDir> makeWorkFolder();

// Collects GDAL's messages for this thread while it lives, instead of printing them.
class GdalErrors {
public:
    GdalErrors() {
        CPLPushErrorHandlerEx(&GdalErrors::handler, this);
        CPLErrorReset();
    }
    ~GdalErrors() { CPLPopErrorHandler(); }
    GdalErrors(const GdalErrors&) = delete;
    GdalErrors& operator=(const GdalErrors&) = delete;
    QString text() const { return m_messages.join(QStringLiteral("; ")); }
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

} // namespace caseatlas
