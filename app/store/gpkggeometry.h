#pragma once

#include "domain/event.h"

#include <QByteArray>

#include <optional>

namespace caseatlas {

// GeoPackage binary geometry: the "GP" header (version 0, no envelope, little endian) + WKB.
QByteArray gpkgFromWkb(const QByteArray& wkb, int srsId = 4326);
QByteArray gpkgPoint(const GeoPoint& point, int srsId = 4326);
// The WKB part of a GeoPackage geometry blob; empty for a malformed blob.
QByteArray wkbFromGpkg(const QByteArray& blob);
// The coordinates of a GeoPackage point; nullopt for other geometries or malformed blobs.
std::optional<GeoPoint> pointFromGpkg(const QByteArray& blob);

} // namespace caseatlas
