#include "geo/gdalsetup.h"

#include <gdal.h>
#include <ogr_srs_api.h>

#include <mutex>

namespace caseatlas {

void ensureGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        OSRSetPROJEnableNetwork(FALSE);
    });
}

} // namespace caseatlas
