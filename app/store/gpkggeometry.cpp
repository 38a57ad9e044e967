#include "store/gpkggeometry.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

namespace caseatlas {

namespace {
constexpr int kEnvelopeBytes[] = {0, 32, 48, 48, 64};
}

QByteArray gpkgFromWkb(const QByteArray& wkb, int srsId) {
    QByteArray out;
    out.reserve(8 + wkb.size());
    out.append('G').append('P').append(char(0)).append(char(0x01)); // version 0, LE, no envelope
    const qint32 srs = qToLittleEndian(qint32(srsId));
    out.append(reinterpret_cast<const char*>(&srs), 4);
    out.append(wkb);
    return out;
}

QByteArray gpkgPoint(const GeoPoint& p, int srsId) {
    QByteArray wkb(21, Qt::Uninitialized);
    wkb[0] = 1; // little endian
    const quint32 type = qToLittleEndian(quint32(1));
    std::memcpy(wkb.data() + 1, &type, 4);
    const double xy[2] = {p.lon, p.lat};
    for (int i = 0; i < 2; ++i) {
        quint64 bits;
        std::memcpy(&bits, &xy[i], 8);
        bits = qToLittleEndian(bits);
        std::memcpy(wkb.data() + 5 + 8 * i, &bits, 8);
    }
    return gpkgFromWkb(wkb, srsId);
}

QByteArray wkbFromGpkg(const QByteArray& blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P')
        return {};
    const int envelope = (quint8(blob[3]) >> 1) & 0x07;
    if (envelope > 4)
        return {};
    const int offset = 8 + kEnvelopeBytes[envelope];
    if (blob.size() < offset)
        return {};
    return blob.mid(offset);
}

std::optional<GeoPoint> pointFromGpkg(const QByteArray& blob) {
    const QByteArray wkb = wkbFromGpkg(blob);
    if (wkb.size() < 21)
        return std::nullopt;
    const bool little = wkb[0] == 1;
    quint32 type;
    std::memcpy(&type, wkb.constData() + 1, 4);
    type = little ? qFromLittleEndian(type) : qFromBigEndian(type);
    if (type != 1)
        return std::nullopt;
    double xy[2];
    for (int i = 0; i < 2; ++i) {
        quint64 bits;
        std::memcpy(&bits, wkb.constData() + 5 + 8 * i, 8);
        bits = little ? qFromLittleEndian(bits) : qFromBigEndian(bits);
        std::memcpy(&xy[i], &bits, 8);
    }
    // GeoPackage writes an empty point as NaN, NaN; a point off the globe (or infinite) from
    // another tool is no place either.
    if (!std::isfinite(xy[0]) || !std::isfinite(xy[1]) || std::abs(xy[0]) > 180 ||
        std::abs(xy[1]) > 90)
        return std::nullopt;
    return GeoPoint{xy[0], xy[1]};
}

} // namespace caseatlas
